"""The self-contained app that scripts/build-app.sh builds with PyInstaller works on its own.

The build takes minutes, so it is kept in ``build/frozen-app/<key>/``, the key
being a hash of everything that goes into it (the code, resources, build
definition and pinned dependencies); an unchanged tree reuses it. Skipped where
PyInstaller is not installed; ``-m "not frozen"`` leaves it out.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .xdisplay import HAVE_XVFB, screenshot_colours, stop, wait_for_window, x11_environment, xvfb

pytest.importorskip("PyInstaller")
pytestmark = [pytest.mark.frozen, pytest.mark.skipif(not sys.platform.startswith("linux"),
                                                     reason="the app smoke test runs on Linux")]

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "build" / "frozen-app"
INPUTS = ("tdorg", "resources", "packaging", "scripts/build-app.sh", "requirements.lock", "pyproject.toml")
SAMPLE = ROOT / "resources" / "templates" / "patrick-henry.json"
NO_GRAPHVIZ = {"PATH": "/nonexistent", "LANG": "C.UTF-8"}  # nothing but the app itself can be run


def _build_key() -> str:
    digest = hashlib.sha256()
    for name in INPUTS:
        top = ROOT / name
        files = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for path in files:
            digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@pytest.fixture(scope="module")
def app() -> Path:
    """The frozen ``tdorg`` program, built now or taken from the cache."""
    folder = CACHE / _build_key()
    program = folder / "dist" / "tdorg" / "tdorg"
    CACHE.mkdir(parents=True, exist_ok=True)
    with (CACHE / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one build at a time; a second run waits and reuses it
        if not program.is_file():
            for old in CACHE.iterdir():
                if old.is_dir():
                    shutil.rmtree(old, ignore_errors=True)
            done = subprocess.run(["bash", "scripts/build-app.sh"], cwd=ROOT, capture_output=True, text=True,
                                  timeout=1500, env={**os.environ, "DIST": str(folder / "dist"),
                                                     "WORK": str(folder / "work")})
            assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
            shutil.rmtree(folder / "work", ignore_errors=True)
    return program


def _run(app: Path, *args: str, home: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(app), *args], env={"HOME": str(home), **NO_GRAPHVIZ, **env}, capture_output=True,
                          text=True, timeout=300)


def test_the_app_prints_its_version(app: Path, tmp_path: Path) -> None:
    from tdorg import __version__

    done = _run(app, "--version", home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"tdorg {__version__}"


def test_the_app_validates_a_sample(app: Path, tmp_path: Path) -> None:
    done = _run(app, "validate", str(SAMPLE), home=tmp_path)
    assert done.stdout.startswith("Patrick Henry Local Schools, OH"), done.stderr
    # The same findings, metrics and exit code as tdorg run from the source tree.
    source = subprocess.run([sys.executable, "-m", "tdorg.launcher", "validate", str(SAMPLE)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120, env={**os.environ, "LANG": "C.UTF-8"})
    assert (done.returncode, done.stdout) == (source.returncode, source.stdout)


def test_the_app_exports_a_pdf_with_no_graphviz_installed(app: Path, tmp_path: Path) -> None:
    assert shutil.which("dot", path=NO_GRAPHVIZ["PATH"]) is None
    pdf = tmp_path / "chart.pdf"
    done = _run(app, "export", str(SAMPLE), "-o", str(pdf), home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words = " ".join(text.split())  # a title may be wrapped over two lines of its box
    assert "Director of Technology (CTO)" in words and "Elementary Computer Teacher" in words


def test_the_app_lists_the_shipped_templates(app: Path) -> None:
    folder = app.parent / "_internal" / "tdorg" / "resources"
    assert sorted(p.name for p in (folder / "templates").glob("*.json")) == sorted(
        p.name for p in (ROOT / "resources" / "templates").glob("*.json"))
    assert (folder / "icons" / "tdorg.svg").is_file()


def test_the_app_opens_its_window(app: Path, tmp_path: Path) -> None:
    log = tmp_path / "app.log"
    with log.open("wb") as out:
        offscreen = subprocess.Popen([str(app), str(SAMPLE)], stdout=out, stderr=subprocess.STDOUT,
                                     env={"HOME": str(tmp_path), **NO_GRAPHVIZ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        time.sleep(8)
        assert offscreen.poll() is None, log.read_text(errors="replace")  # the editor is up and waiting
    finally:
        stop(offscreen)
    if not HAVE_XVFB:
        return
    with xvfb(tmp_path) as display:  # and on an X11 display, where the window can be seen
        env = x11_environment(display, tmp_path)
        with log.open("wb") as out:
            editor = subprocess.Popen([str(app), str(SAMPLE)], env={**env, **NO_GRAPHVIZ}, stdout=out,
                                      stderr=subprocess.STDOUT)
        try:
            titles = wait_for_window(editor, env, "patrick-henry")
            assert titles, f"no window appeared (exit {editor.poll()}): {log.read_text(errors='replace')}"
            assert titles[0].startswith("patrick-henry")
            time.sleep(1.5)
            assert screenshot_colours(display, env, tmp_path / "screen.png") > 50
        finally:
            stop(editor)
