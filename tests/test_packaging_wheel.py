"""The built wheel is a complete tdorg: templates, icons and every other resource are inside it.

The wheel is built from a copy of the sources and installed into a new virtual
environment; its dependencies (Qt among them) are borrowed from the running
environment through a ``.pth`` line instead of being installed again.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("tdorg", "resources", "pyproject.toml", "setup.py", "README.md")


def _pip(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", *args], check=True,
                   capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy2
        copy(ROOT / name, source / name, **({"ignore": shutil.ignore_patterns("__pycache__")}
                                            if (ROOT / name).is_dir() else {}))
    out = tmp_path_factory.mktemp("wheel")
    _pip("wheel", "--no-deps", "--no-build-isolation", "--no-index", str(source), "-w", str(out))
    (built,) = out.glob("tdorg-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment holding only the wheel; its Python."""
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    _pip("--python", str(python), "install", "--no-deps", "--no-index", str(wheel))
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          check=True, capture_output=True, text=True).stdout.strip()
    (Path(site) / "tdorg-test-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    return python


def _run(python: Path, code: str, cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    done = subprocess.run([str(python), "-I", "-c", code], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_wheel_holds_every_resource(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {f"tdorg/resources/{p.relative_to(ROOT / 'resources').as_posix()}"
               for p in (ROOT / "resources").rglob("*") if p.is_file()}
    assert shipped <= names
    assert {"tdorg/resources/templates/patrick-henry.json", "tdorg/resources/icons/tdorg.svg"} <= names
    # The fonts every PDF is set in, their licences, and the Typst templates that compose the pages.
    assert {"tdorg/resources/fonts/DejaVuSans.ttf", "tdorg/resources/fonts/DejaVuSans-Bold.ttf",
            "tdorg/resources/fonts/DroidSansFallbackFull.ttf", "tdorg/resources/fonts/LICENSE-DejaVu.txt",
            "tdorg/resources/fonts/LICENSE-DroidSansFallback.txt", "tdorg/resources/typst/packet.typ",
            "tdorg/resources/typst/chart.typ", "tdorg/resources/typst/common.typ"} <= names
    assert not any(name.startswith("resources/") for name in names)


def test_the_installed_wheel_lists_the_templates_and_finds_the_icons(installed: Path, tmp_path: Path) -> None:
    out = _run(installed, (
        "import tdorg\n"
        "from tdorg.model.templates import templates\n"
        "print(tdorg.__file__)\n"
        "print(' '.join(t.key for t in templates() if t.kind == 'sample'))\n"
        "print(' '.join(sorted(p.stem for p in tdorg.resource_path('icons').glob('*.svg'))))\n"
    ), tmp_path).splitlines()
    assert Path(out[0]).is_relative_to(installed.parent.parent)  # the wheel's copy, not the source tree
    assert out[1].split() == sorted(p.stem for p in (ROOT / "resources" / "templates").glob("*.json"))
    assert out[2].split() == sorted(p.stem for p in (ROOT / "resources" / "icons").glob("*.svg"))


def test_the_wheel_has_a_console_and_a_windowed_program(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/entry_points.txt")]
        entry_points = archive.read(name).decode()
    assert "[console_scripts]\ntdorg = tdorg.launcher:main" in entry_points
    assert "[gui_scripts]\ntdorg-gui = tdorg.launcher:main" in entry_points


def test_the_installed_wheel_exports_a_pdf_with_no_graphviz_on_path(installed: Path, tmp_path: Path) -> None:
    out = tmp_path / "chart.pdf"
    sample = ROOT / "resources" / "templates" / "west-salem.json"
    done = subprocess.run([str(installed), "-I", "-m", "tdorg.launcher", "export", str(sample), "-o", str(out)],
                          cwd=tmp_path, env={"HOME": str(tmp_path), "PATH": "/nonexistent"}, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "School District of West Salem" in text and "Director of Technology" in text
