"""``tdorg validate FILE``: check a chart against the framework."""

from __future__ import annotations

import argparse

from tdorg.model.formats import CSV, kind_of

from .console import print_json
from .inputs import load_input
from .report_text import format_report

EXIT_OK = 0
EXIT_CHART_HAS_ERRORS = 1

ORDER = 10  # place in ``tdorg --help``


def add_command(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check a chart against the framework's rules",
        description=(
            "Check a chart (.tdorg, .json or .csv) against the K-12 technology-department framework. "
            "Prints the findings grouped by severity, with the roles involved, a suggested fix and the "
            "source, then the staffing metrics beside their reference values. Exits with 1 when the chart "
            "has errors, 0 otherwise, and 2 when the file cannot be read."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="the chart to check (.tdorg, .json or .csv)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--scenario", metavar="NAME", help="scenario of a .tdorg file (default: the active one)")
    parser.set_defaults(handler=run_validate)


def run_validate(args: argparse.Namespace) -> int:
    from tdorg.model.rules import validate

    loaded = load_input(args.file, args.scenario)
    chart = loaded.chart
    report = validate(chart)
    if args.json:
        print_json(report_json(loaded, report))
    else:
        header = [str(loaded.path)]
        if loaded.scenario is not None and loaded.scenario_count > 1:
            header[0] += f" — scenario “{loaded.scenario}” of {loaded.scenario_count}"
        if kind_of(loaded.path) == CSV:
            header[0] += " (CSV: roles only, no district facts)"
        print(format_report(chart, report, header=header), end="")
    return EXIT_CHART_HAS_ERRORS if report.has_errors else EXIT_OK


def report_json(loaded, report) -> dict[str, object]:  # type: ignore[no-untyped-def]
    from tdorg.model.formats.sample_json import district_to_dict

    chart = loaded.chart
    named = dict.fromkeys(r for f in report.findings for r in f.role_ids)
    return {
        "file": str(loaded.path),
        "scenario": loaded.scenario,
        "district": district_to_dict(chart.district),
        "roles": len(chart),
        "has_errors": report.has_errors,
        **report.as_dict(),
        "role_titles": {r: chart.roles[r].title for r in named if r in chart.roles},
    }
