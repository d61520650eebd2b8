"""``tdorg import SHEET OUT`` and ``tdorg export-roles CHART SHEET``: roles from and to spreadsheets."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Callable, TypeVar

from tdorg.model.formats import TDORG, kind_of
from tdorg.model.importing.errors import MappingError, SpreadsheetError

from .inputs import load_input, note
from .report_text import plural

if TYPE_CHECKING:
    from tdorg.model.importing import ColumnMapping, ImportPlan, Table

ORDER = 30  # place in ``tdorg --help``
T = TypeVar("T")
EXIT_OK = 0
EXIT_ROWS_HAVE_PROBLEMS = 1


def add_command(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import roles from a CSV or Excel sheet",
        description=(
            "Import positions from a spreadsheet (.csv with comma, semicolon, tab or |, in any common encoding; "
            ".xlsx, .xlsm, .xls or .ods) into a chart "
            "(.tdorg, .json or .csv). The columns are matched to role fields from their headers (Name, Title, "
            "Reports To, Position ID, FTE, Department, Location…); fix a guess with --mapping. Managers may be "
            "given by position ID, person or title. Every row that cannot be imported is listed with its row "
            "number and the reason; the good rows are written unless --all-or-nothing is given."
        ),
        epilog="Exit codes: 0 written; 1 rows had problems and --all-or-nothing wrote nothing; 2 bad input.",
    )
    parser.add_argument("input", metavar="SHEET", help="the spreadsheet to read (.csv, .xlsx, .xlsm, .xls or .ods)")
    parser.add_argument("output", metavar="OUT", help="the chart to write (.tdorg, .json or .csv)")
    parser.add_argument("--sheet", metavar="NAME", help="the workbook sheet to read (default: the first)")
    add_mapping_option(parser)
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--all-or-nothing", action="store_true", help="write nothing if any row has a problem")
    choice.add_argument("--every-row", action="store_true", help="import bad rows too, repaired as listed")
    parser.add_argument("--district-from", metavar="CHART", help="take the district facts from this chart file")
    parser.set_defaults(handler=run_import)

    export = subparsers.add_parser(
        "export-roles",
        help="write a chart's roles to a CSV or Excel sheet",
        description=(
            "Write every role of a chart, with every field, to a spreadsheet (.csv or .xlsx) that tdorg import "
            "reads back. Text a spreadsheet would run as a formula is written with a leading '."
        ),
    )
    export.add_argument("input", metavar="CHART", help="the chart to read (.tdorg, .json or .csv)")
    export.add_argument("output", metavar="SHEET", help="the spreadsheet to write (.csv or .xlsx)")
    export.add_argument("--scenario", metavar="NAME", help="scenario of a .tdorg file (default: the active one)")
    export.set_defaults(handler=run_export_roles)


def add_mapping_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--mapping",
        metavar="FIELD=COLUMN",
        action="append",
        default=[],
        help="feed FIELD from the column with this header (or 1-based number); FIELD= leaves it out. Repeatable.",
    )


def plan_with_mapping(path: str, table: Table, specs: list[str], plan: Callable[[ColumnMapping], T]) -> T:
    """``plan(mapping)`` with the guessed columns corrected by ``--mapping``; a column that does not fit names the option."""
    from tdorg.model.importing import apply_overrides, guess_mapping

    mapping = apply_overrides(guess_mapping(table.headers), specs, table.headers)
    try:
        return plan(mapping)
    except MappingError as error:
        field = error.field or "title"
        raise MappingError(f"{path}: {error} Name it with --mapping {field}=COLUMN.", error.field) from None


def mapping_lines(table: Table, plan: ImportPlan) -> list[str]:
    mapped = plan.mapping.describe(table.headers)
    width = max(len(label) for _, label, header in mapped if header is not None)
    lines = [f"  {label:<{width}}  ← {header}" for _, label, header in mapped if header is not None]
    used = set(plan.mapping.mapped().values())
    unused = [h or f"column {n + 1}" for n, h in enumerate(table.headers) if n not in used]
    if unused:
        lines.append(f"  not imported: {', '.join(unused)}")
    return lines


def run_import(args: argparse.Namespace) -> int:
    from tdorg.model.district import District
    from tdorg.model.document import Document
    from tdorg.model.formats import save_chart
    from tdorg.model.importing import plan_import, read_table

    out_kind = kind_of(args.output)  # refuse an unknown extension before reading anything
    district = load_input(args.district_from).chart.district if args.district_from else District()
    table = read_table(args.input, args.sheet)
    plan = plan_with_mapping(args.input, table, args.mapping, lambda mapping: plan_import(table, mapping))
    source = Path(args.input).name + (f" ({table.details})" if table.details else "")
    print(f"Read {source}: {plural(len(table.rows), 'row')} below the header on row {table.header_row}.")
    if table.above_header:
        print(f"Rows above the header, not imported: {', '.join(str(r.number) for r in table.above_header)}.")
    print("Columns:")
    print("\n".join(mapping_lines(table, plan)))
    problems = plan.problems
    if problems:
        print(f"\nProblems ({len(problems)}; {table.where}):")
        for problem in problems:
            kept = " (imported)" if problem.imported else ""
            repair = f" If every row is imported: {problem.repair}." if args.every_row and problem.repair else ""
            print(f"  row {problem.row}{kept}: {problem.reason}{repair}")
    print(f"\n{plan.summary()}")
    if problems and args.all_or_nothing:
        print(f"Nothing was written (--all-or-nothing): fix the {plural(len(problems), 'problem')} above and import again.")
        return EXIT_ROWS_HAVE_PROBLEMS
    if not plan.rows or (not plan.good_count and not args.every_row):
        raise SpreadsheetError(args.input, "No row can be imported, so nothing was written.")
    chart = plan.chart(include_bad=args.every_row, district=district)
    if out_kind == TDORG:
        from tdorg.model.persistence import save_document

        save_document(Document.of(chart, "Current"), args.output)
    else:
        save_chart(chart, args.output)
    skipped = plan.bad_rows if not args.every_row else []
    line = f"Wrote {args.output} ({plural(len(chart), 'role')})"
    if skipped:
        shown = ", ".join(str(r) for r in skipped[:20]) + (", …" if len(skipped) > 20 else "")
        line += f"; skipped {plural(len(skipped), 'row')} ({shown})"
    print(line + ".")
    return EXIT_OK


def run_export_roles(args: argparse.Namespace) -> int:
    from tdorg.model.importing import write_roles_csv, write_roles_xlsx

    suffix = Path(args.output).suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise SpreadsheetError(args.output, "Roles can be written to a .csv or an .xlsx file.")
    loaded = load_input(args.input, args.scenario)
    (write_roles_csv if suffix == ".csv" else write_roles_xlsx)(loaded.chart, args.output)
    if loaded.scenario_count > 1:
        note(f"{loaded.path.name} holds {loaded.scenario_count} scenarios; the roles of “{loaded.scenario}” were written.")
    print(f"Wrote {args.output} ({plural(len(loaded.chart), 'role')}).")
    return EXIT_OK
