"""When Graphviz is missing, fails, hangs or is cancelled: a clear error and no file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tdorg.export import (
    ExportCancelledError,
    ExportOptionError,
    ExportOptions,
    ExportTimeoutError,
    GraphvizFailedError,
    GraphvizMissingError,
    export_chart,
    export_packet,
    graphviz_available,
)
from tdorg.export.runner import run_graphviz
from tdorg.model.formats import load_chart
from tests.samples import SAMPLES
from tests.test_export_support import needs_graphviz

INSTALL_HINT = (
    "Graphviz's `dot` program was not found. Install Graphviz (Debian/Ubuntu: `sudo apt-get install graphviz`; "
    "macOS: `brew install graphviz`; Windows: graphviz.org/download) and try again."
)


@pytest.fixture
def chart():
    return load_chart(SAMPLES / "west-salem.json")


def fake_program(directory: Path, name: str, script: str) -> Path:
    path = directory / name
    path.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


@pytest.mark.parametrize("fmt", ["pdf", "svg", "png"])
def test_missing_dot_says_how_to_install_and_writes_nothing(chart, fmt, tmp_path, monkeypatch) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    assert not graphviz_available()
    with pytest.raises(GraphvizMissingError) as caught:
        export_chart(chart, out_dir / f"chart.{fmt}", ExportOptions(format=fmt))
    assert str(caught.value) == INSTALL_HINT
    assert leftovers(out_dir) == []


def test_missing_neato_is_named_for_the_canvas_layout(chart, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(GraphvizMissingError, match="`neato` program was not found"):
        export_chart(chart, tmp_path / "c.pdf", ExportOptions(layout="canvas"))


def test_dot_source_needs_no_graphviz(chart, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    out = export_chart(chart, tmp_path / "chart.dot", ExportOptions(format="dot"))
    assert out.read_text(encoding="utf-8").startswith("digraph")


def test_missing_dot_for_the_packet(chart, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(GraphvizMissingError):
        export_packet(chart, tmp_path / "packet.pdf")
    assert not (tmp_path / "packet.pdf").exists()


@pytest.mark.skipif(os.name != "posix", reason="uses a shell script as a fake Graphviz")
@pytest.mark.parametrize("packet", [False, True])
def test_a_hanging_dot_times_out_and_leaves_nothing(chart, packet, tmp_path, monkeypatch) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake_program(bin_dir, "dot", "sleep 30")
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "chart.pdf"
    options = ExportOptions(timeout=1.0)
    with pytest.raises(ExportTimeoutError) as caught:
        (export_packet if packet else export_chart)(chart, target, options)
    assert "after 1 seconds" in str(caught.value)
    assert leftovers(out_dir) == []


@pytest.mark.skipif(os.name != "posix", reason="uses a shell script as a fake Graphviz")
def test_a_timeout_keeps_the_previous_file(chart, tmp_path, monkeypatch) -> None:
    fake_program(tmp_path, "dot", "sleep 30")
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    target = tmp_path / "chart.svg"
    target.write_bytes(b"previous export")
    with pytest.raises(ExportTimeoutError):
        export_chart(chart, target, ExportOptions(format="svg", timeout=0.5))
    assert target.read_bytes() == b"previous export"
    assert leftovers(tmp_path) == ["chart.svg", "dot"]


@pytest.mark.skipif(os.name != "posix", reason="uses a shell script as a fake Graphviz")
def test_a_failing_dot_reports_its_message(chart, tmp_path, monkeypatch) -> None:
    fake_program(tmp_path, "dot", "cat >/dev/null; echo 'Error: syntax error in line 3' >&2; echo partial; exit 1")
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    target = tmp_path / "chart.pdf"
    with pytest.raises(GraphvizFailedError) as caught:
        export_chart(chart, target, ExportOptions())
    assert "syntax error in line 3" in str(caught.value) and "exit status 1" in str(caught.value)
    assert not target.exists()


@pytest.mark.skipif(os.name != "posix", reason="uses a shell script as a fake Graphviz")
@pytest.mark.parametrize("fmt", ["pdf", "png"])
def test_cancel_stops_a_running_export(chart, fmt, tmp_path, monkeypatch) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    pid_file = tmp_path / "dot.pid"
    fake_program(bin_dir, "dot", f"echo $$ > '{pid_file}'; sleep 30")
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return pid_file.exists() and len(calls) > 3

    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(ExportCancelledError):
        export_chart(chart, out_dir / f"chart.{fmt}", ExportOptions(format=fmt, timeout=60), cancel=cancel)
    with pytest.raises(ProcessLookupError):  # the running program was stopped, not left behind
        os.kill(int(pid_file.read_text()), 0)
    assert leftovers(out_dir) == []


@needs_graphviz
def test_cancel_before_start_writes_nothing(chart, tmp_path) -> None:
    with pytest.raises(ExportCancelledError):
        export_chart(chart, tmp_path / "chart.pdf", cancel=lambda: True)
    assert leftovers(tmp_path) == []


@needs_graphviz
def test_progress_reports_steps_in_order(chart, tmp_path) -> None:
    steps: list[tuple[str, float]] = []
    export_chart(chart, tmp_path / "chart.pdf", progress=lambda s, f: steps.append((s, f)))
    fractions = [f for _, f in steps]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    assert steps[-1][0] == "Done"


@needs_graphviz
def test_run_graphviz_returns_output_and_warnings() -> None:
    out = run_graphviz("dot", ["-Tsvg"], b"digraph { a -> b }", timeout=30)
    assert out.data.lstrip().startswith(b"<?xml")


def test_bad_options_are_refused_with_a_sentence() -> None:
    with pytest.raises(ExportOptionError, match="Unknown page 'b5'"):
        ExportOptions(page="b5")
    with pytest.raises(ExportOptionError, match="more than 0 seconds"):
        ExportOptions(timeout=0)


@needs_graphviz
def test_an_unwritable_target_is_a_clear_error(chart, tmp_path) -> None:
    from tdorg.export import ExportWriteError

    with pytest.raises(ExportWriteError, match="could not be written"):
        export_chart(chart, tmp_path / "missing-dir" / "chart.svg", ExportOptions(format="svg"))


@needs_graphviz
def test_a_big_chart_exports_while_cancel_is_polled(tmp_path) -> None:
    """The GUI polls for cancel while Graphviz runs; a source far larger than a pipe's
    buffer must still reach Graphviz whole, so the export finishes instead of timing out."""
    from tdorg.model.synthetic import synthetic_chart

    big = synthetic_chart(3000)
    target = tmp_path / "big.svg"
    export_chart(big, target, ExportOptions(format="svg", layout="canvas", timeout=120), cancel=lambda: False)
    assert target.read_bytes().count(b'class="node"') == len(big)
