"""The ``tdorg export`` command: a chart file to PDF, SVG, PNG, DOT, PowerPoint slides or a board packet.

``--compare-to A`` adds to the packet the changes from A (another scenario of
the same ``.tdorg`` file, or another chart file) to the exported chart.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..export.errors import ExportOptionError
from ..export.option_choices import (
    DEFAULT_MIN_TITLE_PT,
    DEFAULT_TIMEOUT,
    FITS,
    FORMATS,
    LAYOUTS,
    MIN_TITLE_PTS,
    ORIENTATIONS,
    PAGE_SIZES,
    POSTER_SCALES,
)
from .inputs import load_input

if TYPE_CHECKING:
    from ..model.compare import Comparison
    from ..model.rules.base import Report
    from .inputs import Loaded

ORDER = 50  # place in ``tdorg --help``

_SUFFIX_FORMATS = {".pdf": "pdf", ".svg": "svg", ".png": "png", ".dot": "dot", ".gv": "dot", ".pptx": "pptx"}


def add_command(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "export",
        help="export a chart as PDF, SVG, PNG, DOT or PowerPoint slides, or as a board packet",
        description=(
            "Draw a chart with Graphviz and write it as PDF, SVG, PNG or DOT source, or write the "
            "board packet (cover, chart, metrics and findings) as a PDF; with --compare-to, the packet also "
            "lists the changes from another scenario or chart. OUT.pptx gets PowerPoint slides of editable "
            "boxes and connectors: a title slide, the chart (on department slides when its role titles would "
            "show under --min-title-size) and the findings. Nothing is left at OUT when the export fails."
        ),
    )
    parser.add_argument("input", metavar="FILE", help="the chart to export (.tdorg, .json or .csv)")
    parser.add_argument("-o", "--output", metavar="OUT", required=True, help="the file to write")
    parser.add_argument(
        "--format", choices=FORMATS, help="output format (default: from OUT's extension; pdf for a packet)"
    )
    parser.add_argument(
        "--layout",
        choices=LAYOUTS,
        default="canvas",
        help="canvas: as on tdorg's canvas (stacked columns, assistants beside their manager); auto: Graphviz "
        "lays the chart out (default: canvas)",
    )
    parser.add_argument("--page", choices=tuple(PAGE_SIZES), default="letter", help="paper size for PDF (default: letter)")
    parser.add_argument(
        "--orientation", choices=ORIENTATIONS, default=None,
        help="paper orientation (default: portrait where it prints the chart on fewer pages or larger, else landscape)"
    )
    parser.add_argument(
        "--fit",
        choices=FITS,
        default="page",
        help="page: the chart on one sheet, or on department pages when its role titles would print smaller "
        "than --min-title-size; poster: full size, tiled over several sheets (default: page)",
    )
    parser.add_argument(
        "--min-title-size",
        type=float,
        default=DEFAULT_MIN_TITLE_PT,
        metavar="PT",
        help=f"with --fit page: the smallest size role titles may print at, {MIN_TITLE_PTS[0]:g}–{MIN_TITLE_PTS[1]:g} "
        f"points (default: {DEFAULT_MIN_TITLE_PT:g})",
    )
    parser.add_argument(
        "--scale",
        type=float,
        default=100.0,
        metavar="PERCENT",
        help=f"with --fit poster: print the poster at this share of reading size, {POSTER_SCALES[0]}–"
        f"{POSTER_SCALES[1]} (default: 100); smaller takes fewer sheets",
    )
    parser.add_argument("--packet", action="store_true", help="write the board packet (PDF)")
    parser.add_argument("--badges", action="store_true", help="mark roles named by findings with a badge")
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"stop Graphviz after this long (default: {DEFAULT_TIMEOUT:g}; inf: no limit)",
    )
    parser.add_argument("--scenario", metavar="NAME", help="scenario of a .tdorg file to export (default: the active one)")
    parser.add_argument(
        "--compare-to",
        metavar="A",
        help="with --packet: add the changes from A to the exported chart; A is another scenario of the same "
        ".tdorg file, or another chart file (.tdorg, .json or .csv)",
    )
    parser.set_defaults(handler=run_export, func=run_export)
    return parser


def _format(args: argparse.Namespace) -> str:
    if args.format:
        if args.packet and args.format != "pdf":
            raise ExportOptionError("A board packet is always a PDF; leave out --format or use --format pdf.")
        return args.format
    suffix = Path(args.output).suffix.lower()
    if args.packet:
        if _SUFFIX_FORMATS.get(suffix, "pdf") != "pdf":
            raise ExportOptionError(f"{args.output}: a board packet is a PDF; name the file .pdf.")
        return "pdf"
    if suffix not in _SUFFIX_FORMATS:
        raise ExportOptionError(
            f"{args.output}: tdorg cannot tell the format from the extension; "
            "name the file .pdf, .svg, .png, .dot or .pptx, or give --format."
        )
    return _SUFFIX_FORMATS[suffix]


def comparison_to(b: Loaded, compare_to: str, report_b: Report) -> Comparison:
    """The changes from ``compare_to`` (a scenario of B's file, or another chart file) to chart B."""
    from ..model.compare import compare

    if b.document is not None and compare_to in b.document.names:
        a_chart, name_a, name_b = b.document.scenario(compare_to).chart, compare_to, b.label(False)
    elif Path(compare_to).is_file():
        a = load_input(compare_to)
        a_chart, name_a, name_b = a.chart, a.label(True), b.label(True)
        if name_a == name_b:
            name_a, name_b = str(a.path), str(b.path)
    elif b.document is not None:
        names = ", ".join(f"“{n}”" for n in b.document.names)
        raise ExportOptionError(
            f"--compare-to “{compare_to}”: {b.path.name} has no scenario of that name (it holds {names}), "
            "and there is no chart file at that path."
        )
    else:
        raise ExportOptionError(
            f"--compare-to “{compare_to}”: there is no chart file at that path, and {b.path.name} holds no "
            "scenarios to compare with (only .tdorg files do)."
        )
    return compare(a_chart, b.chart, None, report_b, name_a, name_b)


def run_export(args: argparse.Namespace) -> int:
    from ..export.api import export_chart, export_packet
    from ..export.options import ExportOptions
    from ..export.run import ExportRun
    from ..export.target import check_target

    options = ExportOptions(
        format=_format(args),
        layout=args.layout,
        page=args.page,
        orientation=args.orientation or "landscape",
        fit=args.fit,
        badges=args.badges,
        timeout=args.timeout,
        poster_scale=args.scale,
        min_title_pt=args.min_title_size,
    )
    if args.scale != 100 and args.fit != "poster":
        raise ExportOptionError("--scale sets the size of a poster; add --fit poster.")
    if args.compare_to is not None and not args.packet:
        raise ExportOptionError("--compare-to adds the changes to a board packet; add --packet.")
    if options.format == "pptx":
        _check_slide_options(args)
    check_target(args.output, options.format, [args.input] + ([args.compare_to] if args.compare_to else []))
    if args.packet or options.format in ("pdf", "svg", "png"):
        from ..export.graphviz.renderer import prepare

        prepare()  # the Graphviz child loads while the chart is read and laid out
    source = load_input(args.input, args.scenario)
    chart = source.chart
    scenario = source.scenario if source.scenario_count > 1 else None
    chosen = ""
    if args.orientation is None:
        from ..export.orientation import choose_orientation

        options, chosen = choose_orientation(chart, options, args.packet)
    extra = ""
    if args.packet:
        report, comparison = None, None
        if args.compare_to is not None:
            from ..model.rules import validate

            report = validate(chart)
            comparison = comparison_to(source, args.compare_to, report)
            extra = f", with the changes from “{comparison.name_a}”"
        written = export_packet(chart, args.output, options, ExportRun(report=report, scenario=scenario),
                                comparison=comparison)
        what = "board packet"
    else:
        written = export_chart(chart, args.output, options, ExportRun(scenario=scenario))
        what = "PowerPoint slides" if options.format == "pptx" else f"{options.format.upper()} chart"
    print(f"Wrote {written} ({what}, {len(chart)} roles{extra}).", file=sys.stdout)
    from ..export.pdf.chartpages import describe_export

    pages = " ".join(filter(None, (chosen, describe_export(chart, options, args.packet))))
    if pages:
        print(pages, file=sys.stdout)
    return 0


def _check_slide_options(args: argparse.Namespace) -> None:
    """Slides are always as on the canvas, split by --min-title-size: refuse what they cannot do."""
    if args.layout != "canvas":
        raise ExportOptionError("PowerPoint slides are laid out as on the canvas; leave out --layout auto.")
    if args.fit != "page":
        raise ExportOptionError("PowerPoint slides are never tiled as a poster; leave out --fit poster.")
    if args.badges:
        raise ExportOptionError("--badges marks boxes in PDF, SVG and PNG charts; the slides end with the findings.")


__all__ = ["add_command", "comparison_to", "run_export"]
