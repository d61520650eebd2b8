"""``tdorg convert IN OUT``: between .tdorg, .json and .csv."""

from __future__ import annotations

import argparse
from pathlib import Path

from tdorg.model.formats import CSV, TDORG, kind_of

from .inputs import load_input, note
from .report_text import plural

ORDER = 20  # place in ``tdorg --help``


def add_command(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "convert",
        help="convert a chart between .tdorg, .json and .csv",
        description=(
            "Convert a chart between the formats tdorg reads, chosen by extension: .tdorg (the app's file), "
            ".json (district, notes and roles) and .csv (roles only: a CSV read in gets an empty district, "
            "and a CSV written out leaves the district facts behind). OUT is replaced if it exists."
        ),
    )
    parser.add_argument("input", metavar="IN", help="the chart to read (.tdorg, .json or .csv)")
    parser.add_argument("output", metavar="OUT", help="the file to write (.tdorg, .json or .csv)")
    parser.add_argument(
        "--scenario", metavar="NAME", help="scenario of a .tdorg input to convert (default: the active one)"
    )
    parser.set_defaults(handler=run_convert)


def run_convert(args: argparse.Namespace) -> int:
    from tdorg.model.document import Document
    from tdorg.model.formats import save_chart

    out_kind = kind_of(args.output)  # refuse an unknown extension before reading anything
    loaded = load_input(args.input, args.scenario)
    chart = loaded.chart
    whole_document = out_kind == TDORG and loaded.document is not None and args.scenario is None
    if whole_document:
        from tdorg.model.persistence import save_document

        save_document(loaded.document, args.output)
        written = plural(len(loaded.document.scenarios), "scenario")
    elif out_kind == TDORG:
        from tdorg.model.persistence import save_document

        save_document(Document.of(chart, loaded.scenario or "Current"), args.output)
        written = plural(len(chart), "role")
    else:
        save_chart(chart, args.output)
        written = plural(len(chart), "role")
    if not whole_document and loaded.scenario_count > 1:
        note(
            f"{loaded.path.name} holds {loaded.scenario_count} scenarios; "
            f"only “{loaded.scenario}” was written (choose another with --scenario)."
        )
    if out_kind == CSV and _has_chart_facts(chart):
        note("CSV holds roles only: the district facts, chart notes and rule settings were not written.")
    print(f"Wrote {Path(args.output)} ({written}).")
    return 0


def _has_chart_facts(chart) -> bool:  # type: ignore[no-untyped-def]
    from tdorg.model.district import District
    from tdorg.model.settings import RuleSettings

    return chart.district != District() or bool(chart.notes) or chart.settings != RuleSettings()
