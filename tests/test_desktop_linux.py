"""Linux desktop integration: the menu entry, the .tdorg file type and the icons, installed per user."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from pathlib import Path

from tdorg import resource_path

SCRIPT = resource_path("desktop", "install-linux.sh")


def _install(tmp_path: Path, *args: str, path: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "share"), HOME=str(tmp_path),
               PATH=os.environ.get("PATH", "") if path is None else path)
    return subprocess.run(["bash", str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=120)


def test_the_file_type_menu_entry_and_icons_are_registered(tmp_path: Path) -> None:
    program = tmp_path / "my apps" / "tdorg"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    done = _install(tmp_path, str(program))
    assert done.returncode == 0, done.stderr
    share = tmp_path / "share"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(share / "applications" / "tdorg.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == f'"{program}" %f'
    assert desktop["MimeType"] == "application/x-tdorg;" and desktop["Icon"] == "tdorg"
    assert desktop["Terminal"] == "false"
    for icon in ("scalable/apps/tdorg.svg", "scalable/mimetypes/application-x-tdorg.svg", "512x512/apps/tdorg.png"):
        assert (share / "icons" / "hicolor" / icon).is_file()
    assert (share / "mime" / "packages" / "tdorg-chart.xml").is_file()
    if shutil.which("update-mime-database"):  # the compiled database knows the extension
        assert "application/x-tdorg:*.tdorg" in (share / "mime" / "globs2").read_text()
        assert (share / "mime" / "application" / "x-tdorg.xml").is_file()


def test_without_a_program_it_says_what_is_missing(tmp_path: Path) -> None:
    done = _install(tmp_path, path="/usr/bin:/bin")  # no tdorg there
    assert done.returncode == 2
    assert "give the tdorg program" in done.stderr
    assert not (tmp_path / "share").exists()
