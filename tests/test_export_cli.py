"""``tdorg export`` on the command line."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tdorg.cli.commands import run
from tdorg.cli.export_command import add_command
from tests.samples import SAMPLES
from tests.test_export_support import needs_graphviz, norm, svg_nodes

SAMPLE = str(SAMPLES / "patrick-henry.json")


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_command(parser.add_subparsers())
    return parser.parse_args(["export", *argv])


def test_options_and_defaults() -> None:
    args = parse("chart.json", "-o", "out.pdf")
    assert (args.layout, args.page, args.orientation, args.fit, args.packet, args.badges, args.min_title_size) == (
        "canvas", "letter", None, "page", False, False, 8.0
    )  # no orientation: the one that prints the chart better (tdorg.export.orientation)
    assert args.handler is args.func
    args = parse("c.tdorg", "-o", "x", "--format", "svg", "--layout", "auto", "--page", "a3",
                 "--orientation", "portrait", "--fit", "poster", "--packet", "--badges", "--timeout", "5")
    assert (args.format, args.layout, args.page, args.orientation, args.fit) == ("svg", "auto", "a3", "portrait", "poster")
    assert args.packet and args.badges and args.timeout == 5.0


@needs_graphviz
@pytest.mark.parametrize("suffix", ["pdf", "svg", "png", "dot"])
def test_export_each_format_by_extension(suffix, tmp_path, capsys) -> None:
    out = tmp_path / f"chart.{suffix}"
    assert run(["export", SAMPLE, "-o", str(out)]) == 0
    assert out.stat().st_size > 0
    assert f"Wrote {out}" in capsys.readouterr().out


@needs_graphviz
def test_export_canvas_svg_with_explicit_format(tmp_path) -> None:
    out = tmp_path / "chart.image"
    assert run(["export", SAMPLE, "-o", str(out), "--format", "svg", "--layout", "canvas"]) == 0
    assert "Superintendent" in " ".join(svg_nodes(out).values())


@needs_graphviz
def test_export_packet(tmp_path) -> None:
    out = tmp_path / "packet.pdf"
    assert run(["export", SAMPLE, "-o", str(out), "--packet", "--badges", "--page", "a4"]) == 0
    text = norm(" ".join(p.extract_text() for p in PdfReader(str(out)).pages))
    assert "Findings against the framework" in text and "Staffing metrics" in text


def test_unknown_extension_is_a_one_line_error(tmp_path, capsys) -> None:
    assert run(["export", SAMPLE, "-o", str(tmp_path / "chart.txt")]) == 2
    err = capsys.readouterr().err
    assert "cannot tell the format" in err and "Traceback" not in err
    assert not (tmp_path / "chart.txt").exists()


def test_a_packet_is_always_pdf(tmp_path, capsys) -> None:
    assert run(["export", SAMPLE, "-o", str(tmp_path / "p.svg"), "--packet", "--format", "svg"]) == 2
    assert "always a PDF" in capsys.readouterr().err


def test_missing_graphviz_on_the_command_line(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setattr("tdorg.export.graphviz.renderer.graphviz_available", lambda: False)
    assert run(["export", SAMPLE, "-o", str(tmp_path / "c.pdf")]) == 2
    err = capsys.readouterr().err
    assert "reinstall tdorg" in err and err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "c.pdf").exists()


@needs_graphviz
def test_the_tdorg_program_exports_with_no_graphviz_on_the_path(tmp_path) -> None:
    """No dot or neato anywhere on PATH: the Graphviz inside pygraphviz draws every format."""
    empty = tmp_path / "bin"
    empty.mkdir()
    env = {**os.environ, "PATH": str(empty)}
    for name, extra in (("c.pdf", []), ("c.svg", ["--layout", "canvas"]), ("p.pdf", ["--packet"]), ("c.png", [])):
        argv = ["export", SAMPLE, "-o", str(tmp_path / name), *extra]
        done = subprocess.run([sys.executable, "-c", "import sys; from tdorg.launcher import main; sys.exit(main())",
                               *argv], env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""  # nothing from the libraries drawing it (fontconfig's warnings among them)
        assert (tmp_path / name).stat().st_size > 1000


def chart_file(tmp_path, name: str = "plan.tdorg"):
    path = tmp_path / name
    assert run(["convert", SAMPLE, str(path)]) == 0
    return path


def refused(capsys, argv: list[str], *files) -> str:
    """Run ``argv``; it must exit 2 with one line and leave ``files`` as they were."""
    before = [f.read_bytes() for f in files]
    capsys.readouterr()
    assert run(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert [f.read_bytes() for f in files] == before
    return err


@pytest.mark.parametrize("extra", [["--packet"], ["--format", "dot"], ["--format", "svg"]])
def test_an_export_onto_its_input_is_refused(tmp_path, capsys, extra) -> None:
    chart = chart_file(tmp_path)
    err = refused(capsys, ["export", str(chart), "-o", str(chart), *extra], chart)
    assert "name of a chart file (.tdorg)" in err


def test_an_export_onto_a_chart_name_is_refused(tmp_path, capsys) -> None:
    other = chart_file(tmp_path, "other.json")
    err = refused(capsys, ["export", SAMPLE, "-o", str(other), "--format", "dot"], other)
    assert "name of a chart file (.json)" in err and "DOT" in err
    assert "roles.xlsx" in refused(capsys, ["export", SAMPLE, "-o", str(tmp_path / "roles.xlsx"), "--format", "pdf"])
    assert not (tmp_path / "roles.xlsx").exists()


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_an_export_onto_its_input_by_another_name_is_refused(tmp_path, capsys) -> None:
    chart = chart_file(tmp_path)
    os.link(chart, tmp_path / "hard.pdf")
    os.symlink(chart, tmp_path / "soft.svg")
    for name in ("hard.pdf", "soft.svg"):
        err = refused(capsys, ["export", str(chart), "-o", str(tmp_path / name)], chart)
        assert "being read for this export" in err
    other = chart_file(tmp_path, "other.tdorg")
    os.link(other, tmp_path / "other.pdf")
    err = refused(capsys, ["export", str(chart), "-o", str(tmp_path / "other.pdf"), "--packet", "--compare-to",
                           str(other)], chart, other)
    assert "other.tdorg being read" in err


@needs_graphviz
def test_timeout_inf_means_no_limit_and_nan_is_refused(tmp_path, capsys) -> None:
    out = tmp_path / "c.svg"
    assert run(["export", SAMPLE, "-o", str(out), "--timeout", "inf"]) == 0
    assert out.read_bytes().count(b"<svg") == 1
    assert "more than 0 seconds" in refused(capsys, ["export", SAMPLE, "-o", str(out), "--timeout", "nan"])


def test_a_district_name_graphviz_cannot_take_is_named(tmp_path, capsys) -> None:
    import json

    data = json.loads(Path(SAMPLE).read_text(encoding="utf-8"))
    data["district"]["name"] = "W" * 17_000  # Graphviz's HTML labels end at 16,384 bytes
    chart = tmp_path / "long.json"
    chart.write_text(json.dumps(data), encoding="utf-8")
    err = refused(capsys, ["export", str(chart), "-o", str(tmp_path / "c.svg")])
    assert "district name" in err and "16384" not in err and "syntax error" not in err
    assert not (tmp_path / "c.svg").exists()


def test_missing_input_file(tmp_path, capsys) -> None:
    assert run(["export", str(tmp_path / "nope.json"), "-o", str(tmp_path / "c.pdf")]) == 2
    assert "nope.json" in capsys.readouterr().err


@needs_graphviz
def test_scenario_of_a_tdorg_file(tmp_path) -> None:
    from tdorg.model import Document
    from tdorg.model.formats import load_chart
    from tdorg.model.persistence import save_document

    current = load_chart(SAMPLE)
    proposed = current.copy()
    proposed.update_role("int", title="Proposed Integration Lead")
    document = Document.of(current)
    document.add("Proposed 2027", proposed)
    path = tmp_path / "district.tdorg"
    save_document(document, path)

    out = tmp_path / "proposed.svg"
    assert run(["export", str(path), "-o", str(out), "--scenario", "Proposed 2027"]) == 0
    assert "Proposed Integration Lead" in " ".join(svg_nodes(out).values())
    assert run(["export", str(path), "-o", str(tmp_path / "current.svg")]) == 0
    assert "Proposed Integration Lead" not in " ".join(svg_nodes(tmp_path / "current.svg").values())
    assert run(["export", str(path), "-o", str(tmp_path / "x.svg"), "--scenario", "Nope"]) == 2


def plan_file(tmp_path):
    """A .tdorg file with “Current” (three findings, a security analyst) and “Proposed 2027” (shown)."""
    from tdorg.model import Document
    from tdorg.model.persistence import save_document
    from tests.test_export_packet import current_and_proposal

    current, proposal = current_and_proposal()
    document = Document.of(current)
    document.add("Proposed 2027", proposal)
    document.active = 1
    path = tmp_path / "plan.tdorg"
    save_document(document, path)
    return path


def changes(out) -> str:
    text = norm(" ".join(p.extract_text() for p in PdfReader(str(out)).pages))
    assert text.count("Changes from “") == 1
    return text[text.index("Changes from “"):]


@needs_graphviz
def test_packet_compared_to_another_scenario(tmp_path, capsys) -> None:
    out = tmp_path / "packet.pdf"
    assert run(["export", str(plan_file(tmp_path)), "-o", str(out), "--packet", "--compare-to", "Current"]) == 0
    assert "with the changes from “Current”" in capsys.readouterr().out
    section = changes(out)
    assert section.startswith("Changes from “Current” to “Proposed 2027”")
    assert "Added Data Privacy Officer" in section and "Removed Security Analyst" in section
    assert "Findings resolved (3)" in section and "PRV-1" in section


@needs_graphviz
def test_packet_compared_to_another_file(tmp_path) -> None:
    from tdorg.model.formats import save_chart
    from tests.test_export_packet import current_and_proposal

    current, _ = current_and_proposal()
    save_chart(current, tmp_path / "today.json")
    out = tmp_path / "packet.pdf"
    assert run(["export", str(plan_file(tmp_path)), "-o", str(out), "--packet", "--scenario", "Proposed 2027",
                "--compare-to", str(tmp_path / "today.json")]) == 0
    section = changes(out)
    assert section.startswith("Changes from “today.json” to “plan.tdorg › Proposed 2027”")
    assert "Removed Security Analyst" in section and "PRV-1" in section


def test_compare_to_neither_a_scenario_nor_a_file_is_a_one_line_error(tmp_path, capsys) -> None:
    out = tmp_path / "packet.pdf"
    assert run(["export", str(plan_file(tmp_path)), "-o", str(out), "--packet", "--compare-to", "Nope"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "“Nope”" in err and "no scenario of that name" in err and "“Current”, “Proposed 2027”" in err
    assert "no chart file at that path" in err
    assert run(["export", SAMPLE, "-o", str(out), "--packet", "--compare-to", "Nope"]) == 2
    assert "no chart file at that path" in capsys.readouterr().err
    assert run(["export", SAMPLE, "-o", str(out), "--compare-to", SAMPLE]) == 2
    assert "add --packet" in capsys.readouterr().err
    assert not out.exists()


@needs_graphviz
def test_export_says_which_mode_gave_which_pages(tmp_path, capsys) -> None:
    small, big = tmp_path / "small.pdf", tmp_path / "big.pdf"
    assert run(["export", SAMPLE, "-o", str(small)]) == 0
    assert "One page: the whole chart, role titles at" in capsys.readouterr().out
    assert run(["export", str(SAMPLES / "francis-howell.json"), "-o", str(big), "--min-title-size", "10"]) == 0
    out = capsys.readouterr().out
    assert "Department pages: the whole chart would print its role titles under 10 pt on one page" in out
    assert "page 1 shows the top levels" in out


def test_a_title_size_outside_the_range_is_a_one_line_error(tmp_path, capsys) -> None:
    assert run(["export", SAMPLE, "-o", str(tmp_path / "c.pdf"), "--min-title-size", "20"]) == 2
    assert "between 6 and 14 points" in capsys.readouterr().err
    assert not (tmp_path / "c.pdf").exists()
