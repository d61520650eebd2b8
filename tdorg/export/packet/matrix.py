"""The board packet's "Who is responsible for what": the responsibility matrix, legible at any size.

Functions are rows and people columns, a few people per table so every
heading stays readable; the function names and the load rows repeat in each
table, and a table that runs past a page repeats its heading row. A chart
with more people than a few such tables can hold lists each function's
leads and backups instead (long lists cut short), and its busiest people.
"""

from __future__ import annotations


from ...model.chart import Chart
from ...model.matrix import LOAD_ROWS, Column, Matrix, Row, responsibility_matrix
from .. import style
from .blocks import Block, KeepTogether, Paragraph, Spacer, TableStyle
from .content import esc, grid, styles

#: People per table of the grid, so a heading's words fit its column whole.
PEOPLE_PER_TABLE = 6
#: Above this many people the matrix is printed as lists instead of tables.
MAX_GRID_PEOPLE = 6 * PEOPLE_PER_TABLE
#: At most this many names are listed per cell of the list form, and people in its load table.
NAMES_PER_CELL = 6
BUSIEST_PEOPLE = 30

FUNCTION_SHARE = 0.25  # of the width, for the function column of the grid


def matrix_section(chart: Chart, width: float, matrix: Matrix | None = None) -> list[Block]:
    """The section's flowables; ``matrix`` when it is already worked out for ``chart``."""
    matrix = matrix or responsibility_matrix(chart)
    s = styles()
    out: list[Block] = [
        Paragraph("Who is responsible for what", s["h1"]),
        Paragraph(
            "Each function of the department with the people who lead it (L) and back it up (B); L/B is "
            "both. A function is <b>unowned</b> when no filled role leads it, and rests on <b>one person</b> "
            "when its lead and backups are all the same person. A vacant position is a plan: it shows as "
            "its own column but covers nothing yet. [FORUM]: define who is responsible for what and who is "
            "the backup.",
            s["base"],
        ),
        Spacer(1, 6),
        Paragraph(esc(matrix.summary()), s["base"]),
        Spacer(1, 8),
    ]
    if not matrix.columns:
        out.append(Paragraph("No role of this chart leads or backs up a function.", s["base"]))
    elif len(matrix.columns) <= MAX_GRID_PEOPLE:
        out += _grids(matrix, width, s)
    else:
        out += _lists(matrix, width, s)
    marked = [r for r in matrix.rows if r.note]
    if marked:
        out.append(Paragraph("Unowned and single-person functions", s["h2"]))
        for row in marked:
            colour = style.MATRIX_STATUS_COLOURS[row.status][0]
            out.append(Paragraph(f'<font color="{colour}"><b>{esc(row.status_label)}</b></font>  {esc(row.note)}',
                                 s["detail"]))
    return out


def _function_cell(row: Row, s: dict[str, str]) -> Paragraph:
    text = esc(row.label)
    if row.status in style.MATRIX_STATUS_COLOURS:
        colour = style.MATRIX_STATUS_COLOURS[row.status][0]
        text += f'<br/><font size="7.5" color="{colour}"><b>{esc(row.status_label)}</b></font>'
    return Paragraph(text, s["cell"])


def _heading(column: Column, s: dict[str, str]) -> Paragraph:
    text = esc(column.heading)
    if column.vacant:
        text += f'<br/><font color="{style.VACANT_BORDER}"><i>vacant</i></font>'
    return Paragraph(text, s["head"])


def _tints(matrix: Matrix, columns: list[int], first_load_row: int) -> list[tuple]:
    """Marked rows tinted across; vacant columns pale amber elsewhere; the load rows grey."""
    commands: list[tuple] = []
    for y, row in enumerate(matrix.rows, 1):
        colours = style.MATRIX_STATUS_COLOURS.get(row.status)
        if colours:
            commands.append(("BACKGROUND", (0, y), (-1, y), colours[1]))
    for x, n in enumerate(columns, 1):
        if matrix.columns[n].vacant:
            for y, row in enumerate(matrix.rows, 1):
                if row.status not in style.MATRIX_STATUS_COLOURS:
                    commands.append(("BACKGROUND", (x, y), (x, y), style.VACANT_FILL))
    commands.append(("BACKGROUND", (0, first_load_row), (-1, -1), style.MATRIX_LOAD_FILL))
    return commands


def _grids(matrix: Matrix, width: float, s: dict[str, str]) -> list[Block]:
    out: list[Block] = []
    total = len(matrix.columns)
    for start in range(0, total, PEOPLE_PER_TABLE):
        columns = list(range(start, min(start + PEOPLE_PER_TABLE, total)))
        rows: list[list[object]] = [["", *(_heading(matrix.columns[n], s) for n in columns)]]
        for row in matrix.rows:
            marks = [row.cells[n].mark if n in row.cells else "" for n in columns]
            rows.append([_function_cell(row, s), *(Paragraph(f"<b>{m}</b>" if "L" in m else m, s["mark"])
                                                   for m in marks)])
        first_load_row = len(rows)
        for name, figure in LOAD_ROWS:
            rows.append([Paragraph(esc(name), s["small"]),
                         *(Paragraph(esc(figure(matrix.columns[n])), s["mark"]) for n in columns)])
        person_width = width * (1 - FUNCTION_SHARE) / PEOPLE_PER_TABLE
        table = grid(rows, [width * FUNCTION_SHARE, *([person_width] * len(columns))])
        table.setStyle(TableStyle(_tints(matrix, columns, first_load_row)))
        if total > PEOPLE_PER_TABLE:
            label = f"People {start + 1}–{columns[-1] + 1} of {total}"
            out.append(KeepTogether([Paragraph(label, s["small"]), Spacer(1, 2), table]))
        else:
            out.append(table)
        out.append(Spacer(1, 10))
    return out


def _names(matrix: Matrix, row: Row, lead: bool) -> str:
    names = [column.label for column, _ in matrix.holders(row, lead)]
    text = "; ".join(esc(name) for name in names[:NAMES_PER_CELL])
    if len(names) > NAMES_PER_CELL:
        text += f'<i><font color="{style.MUTED_COLOUR}"> … and {len(names) - NAMES_PER_CELL:,} more</font></i>'
    return text or f'<font color="{style.MUTED_COLOUR}">none</font>'


def _lists(matrix: Matrix, width: float, s: dict[str, str]) -> list[Block]:
    """Too many people for tables of columns: each function's leads and backups, then the busiest people."""
    rows: list[list[object]] = [[Paragraph(h, s["cellhead"]) for h in ("Function", "Lead", "Backup")]]
    for row in matrix.rows:
        rows.append([_function_cell(row, s), Paragraph(_names(matrix, row, True), s["cell"]),
                     Paragraph(_names(matrix, row, False), s["cell"])])
    table = grid(rows, [width * f for f in (0.27, 0.33, 0.40)])
    tints = [("BACKGROUND", (0, y), (-1, y), style.MATRIX_STATUS_COLOURS[row.status][1])
             for y, row in enumerate(matrix.rows, 1) if row.status in style.MATRIX_STATUS_COLOURS]
    table.setStyle(TableStyle(tints))
    busiest = sorted(range(len(matrix.columns)),
                     key=lambda n: (-matrix.columns[n].functions_led, -matrix.columns[n].functions_backed_up, n))
    head = ["Person or position", *(name for name, _ in LOAD_ROWS)]
    load: list[list[object]] = [[Paragraph(h, s["cellhead"]) for h in head]]
    for n in busiest[:BUSIEST_PEOPLE]:
        column = matrix.columns[n]
        load.append([Paragraph(esc(column.label), s["cell"]),
                     *(Paragraph(esc(figure(column)), s["cell"]) for _, figure in LOAD_ROWS)])
    out: list[Block] = [
        Paragraph(f"{len(matrix.columns):,} people and positions lead or back up functions, too many for one "
                  "column each: each function lists its leads and backups.", s["small"]),
        Spacer(1, 4),
        table,
        Paragraph("Load", s["h2"]),
        grid(load, [width * f for f in (0.46, 0.18, 0.22, 0.14)]),
    ]
    if len(busiest) > BUSIEST_PEOPLE:
        out.append(Paragraph(f"The {BUSIEST_PEOPLE} who lead the most functions are listed; "
                             f"{len(busiest) - BUSIEST_PEOPLE:,} more are not.", s["small"]))
    return out


__all__ = ["MAX_GRID_PEOPLE", "PEOPLE_PER_TABLE", "matrix_section"]
