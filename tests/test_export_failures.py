"""When Graphviz is missing, fails, hangs, crashes, floods or is cancelled: a clear error and no file.

Graphviz runs in a child program; tests put a fake one in its place through
:func:`tdorg.export.graphviz.renderer.child_command`.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from tdorg.export.run import ExportRun
from tdorg.export import (
    ExportCancelledError,
    ExportOptionError,
    ExportOptions,
    ExportTimeoutError,
    ExportWriteError,
    GraphvizFailedError,
    GraphvizMissingError,
    GraphvizOutputError,
    export_chart,
    export_packet,
)
from tdorg.export.graphviz import renderer
from tdorg.model.formats import load_chart
from tests.samples import SAMPLES
from tests.test_export_support import needs_graphviz

posix_only = pytest.mark.skipif(os.name != "posix", reason="uses a shell script as a fake Graphviz")


@pytest.fixture
def chart():
    return load_chart(SAMPLES / "west-salem.json")


def fake_child(monkeypatch, directory: Path, script: str) -> Path:
    """Make ``script`` (shell) the child program that draws charts."""
    path = directory / "fake-graphviz"
    path.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    monkeypatch.setattr(renderer, "child_command", lambda: [str(path)])
    return path


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


@pytest.fixture
def out_dir(tmp_path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("fmt", ["pdf", "svg", "png"])
def test_missing_pygraphviz_says_how_to_install_and_writes_nothing(chart, fmt, out_dir, monkeypatch) -> None:
    monkeypatch.setattr(renderer, "graphviz_available", lambda: False)
    with pytest.raises(GraphvizMissingError, match="reinstall tdorg") as caught:
        export_chart(chart, out_dir / f"chart.{fmt}", ExportOptions(format=fmt))
    assert "pygraphviz" in str(caught.value)
    assert leftovers(out_dir) == []


@posix_only
def test_a_child_that_cannot_load_graphviz_is_named(chart, out_dir, tmp_path, monkeypatch) -> None:
    fake_child(monkeypatch, tmp_path, "echo 'pygraphviz cannot be loaded: libgvc.so.7: no such file' >&2; exit 3")
    with pytest.raises(GraphvizMissingError, match="libgvc.so.7"):
        export_chart(chart, out_dir / "c.svg", ExportOptions(format="svg"))
    assert leftovers(out_dir) == []


@needs_graphviz
@pytest.mark.parametrize(("fmt", "layout"), [("svg", "auto"), ("png", "canvas"), ("pdf", "canvas"), ("pdf", "auto")])
def test_exports_need_no_graphviz_program_on_the_path(chart, fmt, layout, out_dir, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(out_dir))  # no dot, no neato, nothing at all
    target = export_chart(chart, out_dir / f"chart.{fmt}", ExportOptions(format=fmt, layout=layout))
    assert target.stat().st_size > 1000
    assert leftovers(out_dir) == [f"chart.{fmt}"]


def test_dot_source_needs_no_graphviz(chart, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(renderer, "graphviz_available", lambda: False)
    out = export_chart(chart, tmp_path / "chart.dot", ExportOptions(format="dot"))
    assert out.read_text(encoding="utf-8").startswith("digraph")


def test_missing_graphviz_for_the_packet(chart, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(renderer, "graphviz_available", lambda: False)
    with pytest.raises(GraphvizMissingError):
        export_packet(chart, tmp_path / "packet.pdf")
    assert not (tmp_path / "packet.pdf").exists()


@posix_only
@pytest.mark.parametrize("packet", [False, True])
def test_a_hanging_child_times_out_and_leaves_nothing(chart, packet, out_dir, tmp_path, monkeypatch) -> None:
    fake_child(monkeypatch, tmp_path, "sleep 30")
    options = ExportOptions(timeout=1.0)
    with pytest.raises(ExportTimeoutError) as caught:
        (export_packet if packet else export_chart)(chart, out_dir / "chart.pdf", options)
    assert "after 1 seconds" in str(caught.value)
    assert leftovers(out_dir) == []


@posix_only
def test_a_timeout_keeps_the_previous_file(chart, out_dir, tmp_path, monkeypatch) -> None:
    fake_child(monkeypatch, tmp_path, "sleep 30")
    target = out_dir / "chart.svg"
    target.write_bytes(b"previous export")
    with pytest.raises(ExportTimeoutError):
        export_chart(chart, target, ExportOptions(format="svg", timeout=0.5))
    assert target.read_bytes() == b"previous export"
    assert leftovers(out_dir) == ["chart.svg"]


@posix_only
def test_a_failing_child_reports_graphviz_message(chart, tmp_path, monkeypatch) -> None:
    fake_child(monkeypatch, tmp_path, "echo 'Error: syntax error in line 3' >&2; echo partial; exit 1")
    target = tmp_path / "chart.pdf"
    with pytest.raises(GraphvizFailedError) as caught:
        export_chart(chart, target, ExportOptions())
    assert "syntax error in line 3" in str(caught.value) and "exit status 1" in str(caught.value)
    assert not target.exists()


@posix_only
def test_a_crash_in_graphviz_ends_only_the_child(chart, out_dir, tmp_path, monkeypatch) -> None:
    fake_child(monkeypatch, tmp_path, "printf '<svg'; kill -SEGV $$")
    target = out_dir / "chart.svg"
    target.write_bytes(b"previous export")
    with pytest.raises(GraphvizFailedError, match="stopped unexpectedly \\(signal 11\\)"):
        export_chart(chart, target, ExportOptions(format="svg"))
    assert target.read_bytes() == b"previous export"
    assert leftovers(out_dir) == ["chart.svg"]


# --- a broken drawing never replaces the previous export -------------------

BROKEN = {
    "nothing": "exit 0",
    "garbage": "printf 'Warning: not a drawing at all\\n'",
    "other XML": "printf '<html xmlns=\"http://www.w3.org/1999/xhtml\"/>'",
}


def _assert_refused(chart, fmt: str, out_dir: Path) -> None:
    target = out_dir / f"chart.{fmt}"
    target.write_bytes(b"previous export")
    with pytest.raises(GraphvizOutputError) as caught:
        export_chart(chart, target, ExportOptions(format=fmt))
    if fmt == "pdf":  # a PDF's pages place Graphviz's SVG drawings, made in batches by one child
        assert "not an SVG" in str(caught.value) or "its output ends early" in str(caught.value)
    else:
        assert f"not {'an SVG' if fmt == 'svg' else 'a ' + fmt.upper()}" in str(caught.value)
    assert "earlier export was kept" in str(caught.value)
    assert target.read_bytes() == b"previous export"
    assert leftovers(out_dir) == [f"chart.{fmt}"]


@posix_only
@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
@pytest.mark.parametrize("kind", list(BROKEN))
def test_a_broken_drawing_keeps_the_previous_file(chart, fmt, kind, out_dir, tmp_path, monkeypatch) -> None:
    fake_child(monkeypatch, tmp_path, BROKEN[kind])
    _assert_refused(chart, fmt, out_dir)


@posix_only
@needs_graphviz
@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_a_drawing_cut_short_keeps_the_previous_file(chart, fmt, out_dir, tmp_path, monkeypatch) -> None:
    whole = export_chart(chart, tmp_path / f"whole.{fmt}", ExportOptions(format=fmt))
    half = tmp_path / "half"
    half.write_bytes(whole.read_bytes()[: whole.stat().st_size * 2 // 3])
    fake_child(monkeypatch, tmp_path, f"cat '{half}'")
    _assert_refused(chart, fmt, out_dir)


@posix_only
@pytest.mark.parametrize("fmt", ["svg", "pdf"])
def test_a_drawing_over_the_size_cap_is_refused(chart, fmt, out_dir, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(renderer, "MAX_OUTPUT_BYTES", 1_000_000)
    fake_child(monkeypatch, tmp_path, "head -c 3000000 /dev/zero")
    target = out_dir / f"chart.{fmt}"
    target.write_bytes(b"previous export")
    with pytest.raises(GraphvizOutputError, match="larger than 1 MB"):
        export_chart(chart, target, ExportOptions(format=fmt))
    assert target.read_bytes() == b"previous export"
    assert leftovers(out_dir) == [f"chart.{fmt}"]


@posix_only
@pytest.mark.parametrize("packet", [False, True])
def test_an_endless_output_stream_is_cut_off_at_the_cap(chart, packet, out_dir, tmp_path, monkeypatch) -> None:
    """The child's output is streamed to a file and stopped at the cap, never gathered in memory."""
    monkeypatch.setattr(renderer, "MAX_OUTPUT_BYTES", 20_000_000)
    fake_child(monkeypatch, tmp_path, f"echo $$ > '{tmp_path / 'pid'}'; exec cat /dev/zero")
    with pytest.raises(GraphvizOutputError, match="larger than 20 MB"):
        (export_packet if packet else export_chart)(chart, out_dir / "chart.pdf", ExportOptions(timeout=60))
    with pytest.raises(ProcessLookupError):  # the flood was stopped, not left running
        os.kill(int((tmp_path / "pid").read_text()), 0)
    assert leftovers(out_dir) == []


@posix_only
def test_a_full_disk_is_named_as_such(chart, tmp_path, monkeypatch) -> None:
    import contextlib

    @contextlib.contextmanager
    def onto_full_disk(path):
        yield Path("/dev/full")  # every write fails with "No space left on device"

    monkeypatch.setattr("tdorg.export.api.staged_output", onto_full_disk)
    fake_child(monkeypatch, tmp_path, "head -c 300000 /dev/zero")
    with pytest.raises(ExportWriteError) as caught:
        export_chart(chart, tmp_path / "chart.svg", ExportOptions(format="svg"))
    assert "No space left on device" in str(caught.value) and str(tmp_path / "chart.svg") in str(caught.value)


# --- cancel -----------------------------------------------------------------


def _cancel_when_started(pid_file: Path):
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return pid_file.exists() and len(calls) > 3

    return cancel


@posix_only
@pytest.mark.parametrize("fmt", ["pdf", "png"])
def test_cancel_stops_a_running_export(chart, fmt, out_dir, tmp_path, monkeypatch) -> None:
    pid_file = tmp_path / "child.pid"
    fake_child(monkeypatch, tmp_path, f"echo $$ > '{pid_file}'; sleep 30")
    with pytest.raises(ExportCancelledError):
        export_chart(chart, out_dir / f"chart.{fmt}", ExportOptions(format=fmt, timeout=60),
                     ExportRun(cancel=_cancel_when_started(pid_file)))
    with pytest.raises(ProcessLookupError):  # the running program was stopped, not left behind
        os.kill(int(pid_file.read_text()), 0)
    assert leftovers(out_dir) == []


@posix_only
@needs_graphviz
def test_cancel_and_time_limit_stop_the_real_child(out_dir, tmp_path, monkeypatch) -> None:
    from tdorg.model.synthetic import synthetic_chart

    big = synthetic_chart(3000)
    pid_file = tmp_path / "child.pid"
    real = renderer.child_command()
    # The same child program, started through a shell that notes its process id and becomes it.
    monkeypatch.setattr(renderer, "child_command",
                        lambda: ["/bin/sh", "-c", f"echo $$ > '{pid_file}'; exec \"$@\"", "sh", *real])
    with pytest.raises(ExportCancelledError):
        export_chart(big, out_dir / "big.pdf", ExportOptions(timeout=60),
                     ExportRun(cancel=_cancel_when_started(pid_file)))
    with pytest.raises(ProcessLookupError):
        os.kill(int(pid_file.read_text()), 0)
    pid_file.unlink()
    with pytest.raises(ExportTimeoutError):
        export_chart(big, out_dir / "big.svg", ExportOptions(format="svg", timeout=0.3))
    with pytest.raises(ProcessLookupError):
        os.kill(int(pid_file.read_text()), 0)
    assert leftovers(out_dir) == []


@needs_graphviz
def test_cancel_before_start_writes_nothing(chart, tmp_path) -> None:
    with pytest.raises(ExportCancelledError):
        export_chart(chart, tmp_path / "chart.pdf", None, ExportRun(cancel=lambda: True))
    assert leftovers(tmp_path) == []


@needs_graphviz
def test_progress_reports_steps_in_order(chart, tmp_path) -> None:
    steps: list[tuple[str, float]] = []
    export_chart(chart, tmp_path / "chart.pdf", None, ExportRun(progress=lambda s, f: steps.append((s, f))))
    fractions = [f for _, f in steps]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    assert steps[-1][0] == "Done"


@needs_graphviz
def test_render_returns_a_checked_drawing_and_the_warnings(tmp_path) -> None:
    with open(tmp_path / "out.svg", "w+b") as handle:
        warnings = renderer.render(b"digraph { a -> b }", "dot", "svg", handle, timeout=30)
        assert handle.read().lstrip().startswith(b"<?xml")
    assert "Traceback" not in warnings


def test_bad_options_are_refused_with_a_sentence() -> None:
    with pytest.raises(ExportOptionError, match="Unknown page 'b5'"):
        ExportOptions(page="b5")
    for seconds in (0, -1, float("nan")):
        with pytest.raises(ExportOptionError, match="more than 0 seconds"):
            ExportOptions(timeout=seconds)


@needs_graphviz
@pytest.mark.parametrize("seconds", [float("inf"), 1e300])
def test_an_endless_time_limit_means_no_limit(chart, seconds, tmp_path) -> None:
    target = export_chart(chart, tmp_path / "chart.svg", ExportOptions(format="svg", timeout=seconds))
    assert b"<svg" in target.read_bytes()


def test_the_pinned_layout_is_graphviz_nop2() -> None:
    assert renderer.layout_engine("neato", ["-n2"]) == "nop2"
    assert renderer.layout_engine("dot", []) == "dot"


@needs_graphviz
def test_an_unwritable_target_is_a_clear_error(chart, tmp_path) -> None:
    with pytest.raises(ExportWriteError, match="could not be written"):
        export_chart(chart, tmp_path / "missing-dir" / "chart.svg", ExportOptions(format="svg"))


@needs_graphviz
def test_a_big_chart_exports_while_cancel_is_polled(tmp_path) -> None:
    """The GUI polls for cancel while Graphviz runs; a big chart still reaches Graphviz whole
    and its drawing streams back whole, so the export finishes instead of timing out."""
    from tdorg.model.synthetic import synthetic_chart

    big = synthetic_chart(3000)
    target = tmp_path / "big.svg"
    export_chart(big, target, ExportOptions(format="svg", layout="canvas", timeout=120), ExportRun(cancel=lambda: False))
    assert target.read_bytes().count(b'class="node"') == len(big)


def test_the_child_program_is_this_python_without_the_environment() -> None:
    command = renderer.child_command()
    assert command[:3] == [sys.executable, "-I", "-S"] and Path(command[3]).is_file()


@posix_only
def test_a_full_temporary_folder_is_named_for_a_pdf(chart, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("tempfile.TemporaryFile", lambda **_: open("/dev/full", "w+b"))
    fake_child(monkeypatch, tmp_path, "head -c 300000 /dev/zero")
    with pytest.raises(ExportWriteError, match="A temporary file in .*No space left on device"):
        export_chart(chart, tmp_path / "chart.pdf", ExportOptions())
    assert not (tmp_path / "chart.pdf").exists()
