"""The command line: help, version, validate (text and JSON), exit codes, errors without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
import types
from pathlib import Path

import pytest

from tdorg import __version__
from tdorg.cli import commands
from tdorg.cli.commands import run
from tdorg.model import Chart, District, Role
from tdorg.model.formats import write_csv, write_json

from tests.samples import SAMPLES
SAMPLE_FILES = sorted([*SAMPLES.glob("*.json"), *SAMPLES.glob("*.csv")])


def sound_chart() -> Chart:
    """A tiny district that breaks no error rule (warnings and info only)."""
    return Chart(
        District(name="Tiny Creek Schools", state="WI", students=300, teachers=25),
        [
            Role("supt", "Superintendent", "superintendent", flags=frozenset({"superintendent", "cabinet"})),
            Role("cto", "Chief Technology Officer", "it_leader", reports_to="supt",
                 flags=frozenset({"top_it_leader", "cabinet", "privacy_officer"}),
                 service_areas=("instruction", "administrative", "communication"),
                 core_services=("planning", "support", "professional_development"), leads=("data_privacy",)),
        ],
    )


def broken_chart() -> Chart:
    """The same district with two roles flagged top IT leader (an error)."""
    chart = sound_chart()
    chart.add_role(Role("dir2", "Director of Technology", "it_leader", reports_to="supt",
                        flags=frozenset({"top_it_leader", "cabinet"})))
    return chart


@pytest.fixture(autouse=True)
def _fixed_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"tdorg {__version__}"


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--help"]) == 0
    out = capsys.readouterr().out
    assert "validate" in out and "convert" in out and "--version" in out


def test_validate_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["validate", "--help"]) == 0
    assert "--json" in capsys.readouterr().out


def test_no_command_or_a_wrong_one_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run([]) == 2
    assert "validate" in capsys.readouterr().err
    assert run(["frobnicate"]) == 2
    assert "invalid choice" in capsys.readouterr().err
    assert run(["validate"]) == 2
    assert "FILE" in capsys.readouterr().err


def test_validate_a_chart_with_errors_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_json(broken_chart(), tmp_path / "broken.json")
    assert run(["validate", str(tmp_path / "broken.json")]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("Tiny Creek Schools, WI — 300 students")
    assert "3 roles" in lines[0]
    errors_at = lines.index(next(line for line in lines if line.startswith("ERRORS")))
    warnings_at = lines.index(next(line for line in lines if line.startswith("WARNINGS")))
    info_at = lines.index(next(line for line in lines if line.startswith("INFO")))
    metrics_at = lines.index("METRICS")
    assert errors_at < warnings_at < info_at < metrics_at
    error_block = "\n".join(lines[errors_at:warnings_at])
    assert "CAB-1" in error_block
    assert "Chief Technology Officer" in error_block and "Director of Technology" in error_block
    assert "Fix:" in error_block and "Source:" in error_block and "[GARTNER]" in error_block
    assert "Students per technology-staff FTE" in "\n".join(lines[metrics_at:])
    assert "Reference" in lines[metrics_at + 1]


def test_validate_a_chart_without_errors_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_json(sound_chart(), tmp_path / "sound.json")
    assert run(["validate", str(tmp_path / "sound.json")]) == 0
    out = capsys.readouterr().out
    assert "0 errors" in out and "ERRORS" not in out


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
def test_every_sample_validates_and_stays_within_100_columns(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tdorg.model.formats import load_chart
    from tdorg.model.rules import validate

    expected = 1 if validate(load_chart(sample)).has_errors else 0
    assert run(["validate", str(sample)]) == expected
    out = capsys.readouterr().out
    assert all(len(line) <= 100 for line in out.splitlines()), max(out.splitlines(), key=len)


def test_validate_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_json(broken_chart(), tmp_path / "broken.json")
    assert run(["validate", "--json", str(tmp_path / "broken.json")]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["file"] == str(tmp_path / "broken.json")
    assert data["district"]["name"] == "Tiny Creek Schools"
    assert data["has_errors"] is True
    assert data["counts"]["error"] >= 1
    cab1 = next(f for f in data["findings"] if f["rule"] == "CAB-1")
    assert cab1["severity"] == "error" and set(cab1["roles"]) == {"cto", "dir2"}
    assert data["role_titles"]["dir2"] == "Director of Technology"
    assert {m["key"] for m in data["metrics"]} >= {"students_per_tech_fte"}


def test_validate_csv_has_an_empty_district(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_csv(sound_chart(), tmp_path / "sound.csv")
    run(["validate", str(tmp_path / "sound.csv"), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert data["district"]["name"] == "" and data["district"]["students"] is None
    run(["validate", str(tmp_path / "sound.csv")])
    assert "roles only" in capsys.readouterr().out


def test_validate_tdorg_file_and_scenarios(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tdorg.model import Document
    from tdorg.model.persistence import save_document

    document = Document.of(sound_chart(), "Current")
    document.add("Proposed", broken_chart())
    save_document(document, tmp_path / "plan.tdorg")
    assert run(["validate", str(tmp_path / "plan.tdorg")]) == 0
    assert "scenario “Current” of 2" in capsys.readouterr().out
    assert run(["validate", str(tmp_path / "plan.tdorg"), "--scenario", "Proposed"]) == 1
    capsys.readouterr()
    assert run(["validate", str(tmp_path / "plan.tdorg"), "--scenario", "Later"]) == 2
    assert "“Current”, “Proposed”" in capsys.readouterr().err


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Traceback" not in captured.err
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tdorg: ")
    return lines[0]


def test_unreadable_inputs_exit_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["validate", str(tmp_path / "missing.json")]) == 2
    assert "no such file" in one_line_error(capsys)
    (tmp_path / "broken.json").write_text('{"roles": [\n  {"id": }\n]}', encoding="utf-8")
    assert run(["validate", str(tmp_path / "broken.json")]) == 2
    assert "line 2" in one_line_error(capsys)
    (tmp_path / "garbage.csv").write_bytes(bytes(range(256)))
    assert run(["validate", str(tmp_path / "garbage.csv")]) == 2
    assert "binary" in one_line_error(capsys)
    (tmp_path / "garbage.tdorg").write_bytes(b"\x00\x01 not a database" * 40)
    assert run(["validate", str(tmp_path / "garbage.tdorg")]) == 2
    assert "garbage.tdorg" in one_line_error(capsys)
    assert run(["validate", str(tmp_path / "chart.xlsx")]) == 2
    assert ".xlsx" in one_line_error(capsys)
    (tmp_path / "dir.json").mkdir()
    assert run(["validate", str(tmp_path / "dir.json")]) == 2
    assert "folder" in one_line_error(capsys)


def test_a_failure_of_the_program_is_one_line_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import tdorg.model.rules as rules

    def explode(chart: Chart) -> None:
        raise RuntimeError("boom")

    monkeypatch.delenv("TDORG_DEBUG", raising=False)
    monkeypatch.setattr(rules, "validate", explode)
    write_json(sound_chart(), tmp_path / "sound.json")
    assert run(["validate", str(tmp_path / "sound.json")]) == 2  # only 0, 1 and 2 are exit codes
    assert "RuntimeError: boom" in one_line_error(capsys)


def test_subcommands_plug_in_from_other_modules(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plugin = types.ModuleType("tdorg_test_plugin")

    def add_hello(subparsers: object) -> None:
        parser = subparsers.add_parser("hello", help="say hello")  # type: ignore[attr-defined]
        parser.add_argument("name")
        parser.set_defaults(handler=lambda args: print(f"hello {args.name}") or 5)

    plugin.add_hello = add_hello  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tdorg_test_plugin", plugin)
    monkeypatch.setattr(
        commands, "OPTIONAL_COMMANDS", (("tdorg_test_absent_module", "add"), ("tdorg_test_plugin", "add_hello"))
    )
    assert run(["hello", "world"]) == 5
    assert capsys.readouterr().out == "hello world\n"
    assert run(["--help"]) == 0
    assert "say hello" in capsys.readouterr().out


def test_the_console_script_runs() -> None:
    script = Path(sys.executable).with_name("tdorg")
    if not script.exists():
        pytest.skip("the tdorg console script is not installed next to this Python")
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0
    assert done.stdout.strip() == f"tdorg {__version__}"
    missing = subprocess.run([str(script), "validate", "/nonexistent/x.json"], capture_output=True, text=True,
                             timeout=120)
    assert missing.returncode == 2
    assert "Traceback" not in missing.stderr and missing.stderr.count("\n") == 1
