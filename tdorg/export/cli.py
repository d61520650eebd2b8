"""The ``tdorg export`` command: a chart file to PDF, SVG, PNG, DOT or a board packet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..model.chart import Chart
from ..model.errors import FileError, TdorgError
from .errors import ExportOptionError
from .options import DEFAULT_TIMEOUT, FITS, FORMATS, LAYOUTS, ORIENTATIONS, PAGE_SIZES, ExportOptions

_SUFFIX_FORMATS = {".pdf": "pdf", ".svg": "svg", ".png": "png", ".dot": "dot", ".gv": "dot"}


def add_export_command(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "export",
        help="export a chart as PDF, SVG, PNG or DOT, or as a board packet",
        description=(
            "Draw a chart with Graphviz and write it as PDF, SVG, PNG or DOT source, or write the "
            "board packet (cover, chart, metrics and findings) as a PDF. Nothing is left at OUT "
            "when the export fails."
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
        default="auto",
        help="auto: Graphviz lays the chart out; canvas: as on tdorg's canvas (default: auto)",
    )
    parser.add_argument("--page", choices=tuple(PAGE_SIZES), default="letter", help="paper size for PDF (default: letter)")
    parser.add_argument(
        "--orientation", choices=ORIENTATIONS, default="landscape", help="paper orientation (default: landscape)"
    )
    parser.add_argument(
        "--fit",
        choices=FITS,
        default="page",
        help="page: scale the chart onto one sheet; poster: full size, tiled over several sheets (default: page)",
    )
    parser.add_argument("--packet", action="store_true", help="write the board packet (PDF)")
    parser.add_argument("--badges", action="store_true", help="mark roles named by findings with a badge")
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"stop Graphviz after this long (default: {DEFAULT_TIMEOUT:g})",
    )
    parser.add_argument("--scenario", metavar="NAME", help="scenario of a .tdorg file to export (default: the active one)")
    parser.set_defaults(handler=run_export, func=run_export)
    return parser


def _format(args: argparse.Namespace) -> str:
    if args.format:
        if args.packet and args.format != "pdf":
            raise ExportOptionError("A board packet is always a PDF; leave out --format or use --format pdf.")
        return args.format
    if args.packet:
        return "pdf"
    suffix = Path(args.output).suffix.lower()
    if suffix not in _SUFFIX_FORMATS:
        raise ExportOptionError(
            f"{args.output}: tdorg cannot tell the format from the extension; "
            "name the file .pdf, .svg, .png or .dot, or give --format."
        )
    return _SUFFIX_FORMATS[suffix]


def load(path: str, scenario: str | None = None) -> Chart:
    """The chart in ``path``; for a ``.tdorg`` file, the named or the active scenario."""
    from ..model.formats import TDORG, kind_of, load_chart

    if kind_of(path) != TDORG:
        if scenario is not None:
            raise FileError(path, "Only .tdorg files hold scenarios; leave out --scenario for this file.")
        return load_chart(path)
    from ..model.persistence import open_document

    document = open_document(path)
    if scenario is None:
        return document.chart
    try:
        return document.scenario(scenario).chart
    except TdorgError:
        names = ", ".join(f"“{n}”" for n in document.names)
        raise FileError(path, f"There is no scenario named “{scenario}”; the file holds {names}.") from None


def run_export(args: argparse.Namespace) -> int:
    from .api import export_chart, export_packet

    options = ExportOptions(
        format=_format(args),
        layout=args.layout,
        page=args.page,
        orientation=args.orientation,
        fit=args.fit,
        badges=args.badges,
        timeout=args.timeout,
    )
    chart = load(args.input, args.scenario)
    if args.packet:
        written = export_packet(chart, args.output, options)
        what = "board packet"
    else:
        written = export_chart(chart, args.output, options)
        what = f"{options.format.upper()} chart"
    print(f"Wrote {written} ({what}, {len(chart)} roles).", file=sys.stdout)
    return 0


__all__ = ["add_export_command", "load", "run_export"]
