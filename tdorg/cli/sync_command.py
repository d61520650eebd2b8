"""``tdorg sync CHART SHEET``: bring a new roster from HR into an existing chart."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from tdorg.model.errors import FileError

from .import_command import add_mapping_option, mapping_lines, plan_with_mapping
from .inputs import load_input
from .report_text import plural

if TYPE_CHECKING:
    from tdorg.model.importing.sync import SyncPlan

ORDER = 31  # after ``import`` in ``tdorg --help``
EXIT_OK = 0


def add_command(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sync",
        help="update a chart from a new roster (CSV or workbook), keeping its flags, functions and lines",
        description=(
            "Bring a roster exported from HR into an existing chart: rows are matched to roles by position ID "
            "(or by title and person when the sheet has no ID column), then roles are added, removed, retitled, "
            "moved to another manager, or given a new person or FTE as the sheet says. Everything the sheet has "
            "no column for (flags, functions, service areas, core services, dotted lines, notes, rule settings) "
            "stays as it is on the matched roles. The changes are listed first, with the functions a removed "
            "role leaves without a lead and the findings the update would introduce."
        ),
        epilog="Exit codes: 0 updated (or listed, with --dry-run); 2 bad input.",
    )
    parser.add_argument("chart", metavar="CHART", help="the chart to update (.tdorg, .json or .csv)")
    parser.add_argument("sheet", metavar="SHEET", help="the roster (.csv, .xlsx, .xlsm, .xls or .ods)")
    parser.add_argument("--scenario", metavar="NAME", help="scenario of a .tdorg file to update (default: the active one)")
    parser.add_argument("--sheet", dest="sheet_name", metavar="NAME", help="the workbook sheet to read (default: the first)")
    add_mapping_option(parser)
    parser.add_argument("--dry-run", action="store_true", help="list the changes and write nothing")
    parser.add_argument(
        "--into-scenario", metavar="NAME", nargs="?", const="",
        help="write the update as a new scenario of a .tdorg file (default name: “HR update YYYY-MM”) "
             "and leave the scenario read from unchanged",
    )
    parser.set_defaults(handler=run_sync)


def sync_lines(plan: SyncPlan) -> list[str]:
    """The preview as text: matching, rows left out, changes, leads lost, findings introduced."""
    table = plan.import_plan.table
    lines = [f"Read {plural(len(table.rows), 'row')} ({table.where}"
             + (f"; {table.details}" if table.details else "") + ").", "Columns:"]
    lines += mapping_lines(table, plan.import_plan)
    matched = len(plan.matching.matched())
    by = "position ID" if plan.import_plan.mapping.id is not None else "title and person"
    lines.append(f"Matched {plural(matched, 'row')} to roles of the chart (by {by}).")
    for text in plan.matching.ambiguous:
        lines.append(f"  ambiguous: {text}")
    problems = [p for p in plan.import_plan.problems if not p.imported]
    if problems:
        lines.append(f"Rows left out ({len(plan.skipped_rows)}); their roles stay as they are:")
        lines += [f"  row {p.row}: {p.reason}" for p in problems]
    lines += [f"  {text}" for text in plan.loops]
    lines.append("")
    lines += plan.comparison.summary_lines()
    if plan.leads_lost:
        lines += ["", f"Functions left without a lead ({len(plan.leads_lost)})"]
        lines += [f"  {text}" for text in plan.leads_lost]
    lines += ["", plan.summary()]
    return lines


def run_sync(args: argparse.Namespace) -> int:
    from tdorg.model.importing import read_table
    from tdorg.model.importing.sync import plan_sync  # loaded by the command, not by ``tdorg --help``

    loaded = load_input(args.chart, args.scenario)
    if args.into_scenario is not None and loaded.document is None:
        raise FileError(loaded.path, "Only .tdorg files hold scenarios; leave out --into-scenario for this file.")
    table = read_table(args.sheet, args.sheet_name)
    plan = plan_with_mapping(args.sheet, table, args.mapping, lambda mapping: plan_sync(loaded.chart, table, mapping))
    print("\n".join(sync_lines(plan)))
    if args.dry_run:
        print("Dry run: nothing was written.")
        return EXIT_OK
    if not plan.has_changes:
        print(f"{loaded.path} is unchanged.")
        return EXIT_OK
    where = _write(loaded, plan, args.into_scenario)
    print(f"Wrote {loaded.path}{where}.")
    return EXIT_OK


def _write(loaded, plan: SyncPlan, into: str | None) -> str:
    from tdorg.model.formats import save_chart
    from tdorg.model.importing.sync import update_scenario_name

    if loaded.document is None:
        save_chart(plan.after, loaded.path)
        return ""
    from tdorg.model.persistence import save_document

    if into is not None:
        from tdorg.model.scenarios import free_name

        name = loaded.document.check_new_name(into or free_name(loaded.document, update_scenario_name()))
        loaded.document.add(name, plan.after)
        save_document(loaded.document, Path(loaded.path))
        return f" (new scenario “{name}”; “{loaded.scenario}” is unchanged)"
    from tdorg.model.importing.sync import apply_steps

    apply_steps(loaded.chart, plan.steps)
    save_document(loaded.document, Path(loaded.path))
    return f" (scenario “{loaded.scenario}”)"
