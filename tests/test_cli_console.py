"""The command line's output survives any console: odd encodings, a closed pipe, a closed stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tdorg import launcher
from tdorg.cli import commands
from tdorg.cli.console import ERRORS

from .samples import SAMPLES

ROOT = Path(__file__).resolve().parent.parent
PATRICK_HENRY = SAMPLES / "patrick-henry.json"
WEST_SALEM = SAMPLES / "west-salem.json"


def _tdorg(*args: str, env: dict[str, str] | None = None, **kwargs) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHONIO", "PYTHONUTF8"))}
    environ.update(env or {})
    return subprocess.run([sys.executable, "-m", "tdorg.launcher", *args], cwd=ROOT, env=environ,
                          capture_output=True, timeout=120, **kwargs)


def test_unencodable_characters_become_their_plain_form() -> None:
    assert "Zoë — “lead” → 3…".encode("ascii", ERRORS) == b'Zoe - "lead" -> 3...'
    assert "Réseau ✓ 網".encode("latin-1", ERRORS) == "Réseau ok ?".encode("latin-1")


def test_diff_on_an_ascii_console_writes_readable_text() -> None:
    done = _tdorg("diff", str(PATRICK_HENRY), str(WEST_SALEM), env={"LANG": "C", "PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode("ascii")  # nothing but ASCII was written
    assert text.startswith('Comparing "patrick-henry.json" (A) with "west-salem.json" (B)')
    assert "Roles: 7 -> 7" in text
    assert done.stderr == b""


def test_validate_in_the_c_locale_without_utf8_mode() -> None:
    done = _tdorg("validate", str(PATRICK_HENRY), env={"LC_ALL": "C", "PYTHONUTF8": "0"})
    assert done.returncode in (0, 1), done.stderr
    text = done.stdout.decode("ascii")
    assert text.startswith("Patrick Henry Local Schools, OH - 880 students")
    assert "Traceback" not in done.stderr.decode("ascii")


def test_with_stderr_closed_the_message_does_not_land_in_stdout() -> None:
    done = _tdorg("validate", "/nonexistent/x.json", preexec_fn=lambda: os.close(2))
    assert done.returncode == 2
    assert done.stdout == b""


def test_import_into_a_closed_pipe_still_writes_the_chart(tmp_path: Path) -> None:
    sheet = tmp_path / "staff.csv"
    rows = ["Position ID,Title,Reports To", "p0,Superintendent,"]
    rows += [f"p{n},Technician {n},{'p0' if n % 2 else 'nobody'}" for n in range(1, 4000)]  # many problem lines
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    chart = tmp_path / "plan.tdorg"
    tdorg = f"{sys.executable} -m tdorg.launcher"
    done = subprocess.run(f"set -o pipefail; {tdorg} import {sheet} {chart} | head -1", shell=True,
                          executable="/bin/bash", cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Read staff.csv")
    assert done.stderr == ""
    check = _tdorg("validate", str(chart), "--json")
    assert check.returncode in (0, 1) and json.loads(check.stdout)["roles"] == 2001  # p0 and the odd ones


def test_an_unexpected_failure_is_one_line_and_exit_code_2(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    def broken(argv: list[str]) -> int:
        raise RuntimeError("something broke")

    monkeypatch.delenv("TDORG_DEBUG", raising=False)
    monkeypatch.setattr(commands, "run", broken)
    assert launcher.main(["validate", "x.json"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "RuntimeError: something broke" in err


def test_interrupted_and_failing_commands_exit_2(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    def add(subparsers) -> None:  # noqa: ANN001
        for name, error in (("stop", KeyboardInterrupt()), ("bug", ZeroDivisionError("division by zero"))):
            parser = subparsers.add_parser(name)
            parser.set_defaults(handler=lambda args, error=error: (_ for _ in ()).throw(error))

    module = type(sys)("tdorg_test_failing")
    module.add = add  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tdorg_test_failing", module)
    monkeypatch.setattr(commands, "OPTIONAL_COMMANDS", (("tdorg_test_failing", "add"),))
    monkeypatch.delenv("TDORG_DEBUG", raising=False)
    assert commands.run(["stop"]) == 2
    assert capsys.readouterr().err == "tdorg: interrupted\n"
    assert commands.run(["bug"]) == 2
    assert "ZeroDivisionError" in capsys.readouterr().err
