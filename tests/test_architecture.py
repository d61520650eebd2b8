"""The import contracts in pyproject.toml cover every module they are meant to."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def contracts() -> dict[str, dict]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return {c["name"]: c for c in config["tool"]["importlinter"]["contracts"]}


def test_sqlalchemy_contract_names_every_model_module_but_persistence():
    listed = set(contracts()["Only the persistence modules import SQLAlchemy"]["source_modules"])
    model = ROOT / "tdorg" / "model"
    modules = {
        f"tdorg.model.{p.stem if p.is_file() else p.name}"
        for p in model.iterdir()
        if (p.suffix == ".py" and p.stem != "__init__") or (p.is_dir() and (p / "__init__.py").exists())
    }
    assert modules - {"tdorg.model.persistence"} <= listed
    assert "tdorg.model.persistence" not in listed


def test_model_forbids_qt_and_upper_layers():
    forbidden = set(contracts()["The model is free of Qt, the GUI, export and the CLI"]["forbidden_modules"])
    assert {"PySide6", "tdorg.ui", "tdorg.export"} <= forbidden


def test_no_model_file_mentions_qt():
    for path in (ROOT / "tdorg" / "model").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "PySide6" not in text and "tdorg.ui" not in text, path


def test_the_editor_rooms_contract_names_every_room_and_counts_type_only_imports():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert not config["tool"]["importlinter"].get("exclude_type_checking_imports", False)
    rooms = contracts()["The editor's rooms: the shell above the features above the canvas, panels and shared widgets"]
    listed = {name.strip() for layer in rooms["layers"] for name in layer.replace(":", "|").split("|")}
    ui = ROOT / "tdorg" / "ui"
    present = {p.stem for p in ui.glob("*.py") if p.stem != "__init__"} | {
        p.name for p in ui.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert listed == present and rooms["exhaustive"]


def test_no_editor_folder_holds_more_than_twelve_modules():
    for folder in [p for p in (ROOT / "tdorg" / "ui").rglob("*") if p.is_dir() and (p / "__init__.py").exists()]:
        modules = [p for p in folder.glob("*.py") if p.stem != "__init__"]
        assert len(modules) <= 12, folder


def test_only_the_shell_may_import_the_main_window():
    protected = contracts()["Only the application shell imports the main window"]
    assert protected["protected_modules"] == ["tdorg.ui.window.main_window"]
    assert set(protected["allowed_importers"]) == {"tdorg.ui.app", "tdorg.ui.window"}
