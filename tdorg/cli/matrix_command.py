"""``tdorg matrix FILE``: who leads and who backs up each function, and each person's load."""

from __future__ import annotations

import argparse
import io
from typing import TYPE_CHECKING

from .console import print_json
from .inputs import load_input

if TYPE_CHECKING:
    from tdorg.model.matrix import Matrix, Row

ORDER = 25  # place in ``tdorg --help``
EXIT_OK = 0

#: Above this many people the text lists each function's people instead of giving each a column.
TEXT_COLUMNS = 24
#: People named per function in that list; the rest are counted.
NAMES_SHOWN = 8


def add_command(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "matrix",
        help="print the responsibility matrix: who leads and backs up each function",
        description=(
            "Print the chart's responsibility matrix: one row per function (every function a role leads or "
            "backs up, and the framework's essential and critical ones), one column per person (a person's "
            "roles share a column; a vacant position has its own), L for lead and B for backup. Functions "
            "no filled role leads are marked unowned, those resting on one person are marked too, and the "
            "load rows give each person's functions and FTE."
        ),
        epilog="Exit codes: 0 printed; 2 the file cannot be read or the command line is wrong.",
    )
    parser.add_argument("file", metavar="FILE", help="the chart (.tdorg, .json or .csv)")
    parser.add_argument("--scenario", metavar="NAME", help="scenario of a .tdorg file (default: the active one)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--csv", action="store_true", help="print the matrix as CSV, for a spreadsheet")
    output.add_argument("--json", action="store_true", help="print the matrix as JSON")
    parser.set_defaults(handler=run_matrix)


def run_matrix(args: argparse.Namespace) -> int:
    from tdorg.model.matrix import responsibility_matrix

    loaded = load_input(args.file, args.scenario)
    matrix = responsibility_matrix(loaded.chart)
    if args.json:
        data = {"file": str(loaded.path), "scenario": loaded.scenario, **matrix.as_dict()}
        print_json(data)
    elif args.csv:
        print(matrix_csv(matrix), end="")
    else:
        print(matrix_text(matrix), end="")
    return EXIT_OK


def _load(matrix: Matrix) -> list[tuple[str, list[str]]]:
    from tdorg.model.matrix import LOAD_ROWS

    return [(name, [figure(c) for c in matrix.columns]) for name, figure in LOAD_ROWS]


def matrix_csv(matrix: Matrix) -> str:
    """Function, status, note, then one column per person; the load rows last. Formula-safe."""
    import csv

    from tdorg.model.formula_guard import neutralise

    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    rows: list[list[str]] = [["Function", "Status", "Note", *(c.label for c in matrix.columns)]]
    for row in matrix.rows:
        marks = [row.cells[n].mark if n in row.cells else "" for n in range(len(matrix.columns))]
        rows.append([row.label, row.status_label, row.note, *marks])
    rows += [[name, "", "", *values] for name, values in _load(matrix)]
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return out.getvalue()


def matrix_text(matrix: Matrix) -> str:
    """A table with numbered people (P1, P2…) named below it, then the marked functions explained.

    With more than :data:`TEXT_COLUMNS` people, each function lists its people instead of a column
    each (long lists cut short; ``--csv`` has them all), and the people's list gives their load."""
    from tdorg.model.matrix import LOAD_ROWS

    keys = [f"P{n}" for n in range(1, len(matrix.columns) + 1)]
    first = max([len("Function"), *(len(r.label) for r in matrix.rows), *(len(n) for n, _ in LOAD_ROWS)])
    out = ["Responsibility matrix (L lead, B backup, L/B both)\n", matrix.summary() + "\n\n"]
    if len(keys) <= TEXT_COLUMNS:
        out += _table(matrix, keys, first)
    else:
        out += _lists(matrix, keys, first)
    if matrix.columns:
        width = len(keys[-1])
        out.append("\nPeople\n")
        for key, column in zip(keys, matrix.columns):
            load = "" if len(keys) <= TEXT_COLUMNS else " · " + "; ".join(
                f"{name}: {figure(column)}" for name, figure in LOAD_ROWS)
            out.append(f"{key:<{width}}  {column.label} — {column.detail}{load}\n")
    marked = [r for r in matrix.rows if r.note]
    if marked:
        out.append("\nUnowned and single-person functions\n")
        out += [f"{r.status_label}: {r.note}\n" for r in marked]
    return "".join(out)


def _table(matrix: Matrix, keys: list[str], first: int) -> list[str]:
    widths = [max(len(k), 3) for k in keys]

    def line(label: str, cells: list[str], status: str = "") -> str:
        text = label.ljust(first) + "".join("  " + c.ljust(w) for c, w in zip(cells, widths))
        return (text + "  " + status).rstrip() + "\n"

    out = [line("Function", keys, "Status")]
    for row in matrix.rows:
        out.append(line(row.label, [row.cells[n].mark if n in row.cells else "" for n in range(len(keys))],
                        row.status_label))
    out.append("\n")
    return out + [line(name, values) for name, values in _load(matrix)]


def _lists(matrix: Matrix, keys: list[str], first: int) -> list[str]:
    def who(row: Row, lead: bool) -> str:
        found = [keys[matrix.column_of(ids[0])] for _, ids in matrix.holders(row, lead)]  # type: ignore[index]
        more = f" … and {len(found) - NAMES_SHOWN:,} more" if len(found) > NAMES_SHOWN else ""
        return (", ".join(found[:NAMES_SHOWN]) + more) or "—"

    out = []
    for row in matrix.rows:
        status = f"  [{row.status_label}]" if row.status_label else ""
        out.append(f"{row.label.ljust(first)}  lead {who(row, True)}; backup {who(row, False)}{status}\n")
    return out
