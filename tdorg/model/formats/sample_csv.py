"""The samples' CSV format: roles only, one position a row.

Lists are separated by ``;``; ``vacant`` is ``yes`` or empty; an empty cell
means unknown. Besides the sample's columns, ``notes`` and ``annual_cost``
are read when present and always written. Other columns are ignored, so an
HR export with extra columns can be read as it is.
"""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import Iterator

from ..chart import Chart
from ..district import District
from ..errors import FormatError
from ..formula_guard import neutralise, unneutralise
from ..role import Role
from ..values import ROLES_MAX, shown, too_many_roles
from ..vocab import FLAGS
from .assemble import RoleEntry, build_chart, role_label
from .text_file import read_text, write_text

SAMPLE_COLUMNS: tuple[str, ...] = (
    "id",
    "title",
    "person",
    "category",
    "reports_to",
    "dotted_to",
    "fte",
    "vacant",
    "employment",
    "flags",
    "service_areas",
    "core_services",
    "leads",
    "backs_up",
)
EXTRA_COLUMNS: tuple[str, ...] = ("notes", "annual_cost")
COLUMNS: tuple[str, ...] = SAMPLE_COLUMNS + EXTRA_COLUMNS
REQUIRED_COLUMNS: tuple[str, ...] = ("id", "title", "category", "reports_to")

_YES = {"yes", "y", "true", "1", "x"}
_NO = {"", "no", "n", "false", "0"}
_VACANT_WORDS = _YES | _NO
_MONEY_RE = re.compile(r"^\$?\s*(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
_LIST_SEPARATOR = ";"


#: Most lines read, blank ones and those inside quoted cells included.
MAX_LINES = 5 * ROLES_MAX


def _rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """Rows with the line each starts on; blank lines are skipped."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise _CsvSyntax(start, str(error)) from None
        if any(cell.strip() for cell in row):
            yield start, row
        start = reader.line_num + 1


class _CsvSyntax(Exception):
    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line = line
        self.reason = reason


def read_csv(path: str | Path, district: District | None = None) -> Chart:
    """Read the roles of a CSV file into a chart with ``district`` (empty by default)."""
    text = read_text(path)
    if max(text.count("\n"), text.count("\r")) > MAX_LINES:  # counted in C: blank lines cost nothing here
        raise FormatError(path, f"The file has more than {MAX_LINES:,} lines; a chart of at most "
                                f"{ROLES_MAX:,} roles has far fewer.")
    try:
        rows = list(islice(_rows(text), ROLES_MAX + 2))  # the header, the roles, and one more to tell
    except _CsvSyntax as error:
        raise FormatError(path, f"This is not a readable CSV file: {error.reason}.", error.line) from None
    if len(rows) > ROLES_MAX + 1:
        raise FormatError(path, too_many_roles(), rows[-1][0])
    if not rows:
        raise FormatError(path, "The file is empty.")
    header_line, header = rows[0]
    columns = _columns(path, header_line, header)
    read = [(name, columns[name]) for name in COLUMNS if name in columns]  # the columns a role is read from
    entries = [_entry(path, line, row, read, len(header)) for line, row in rows[1:]]
    return build_chart(path, entries, district)


def _columns(path: str | Path, line: int, header: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = cell.strip().lower().replace(" ", "_")
        if not name:
            continue
        if name in columns and name in COLUMNS:
            raise FormatError(path, f"The column “{name}” appears twice in the header.", line, name)
        columns.setdefault(name, index)
    for name in REQUIRED_COLUMNS:
        if name not in columns:
            raise FormatError(
                path,
                f"The header has no “{name}” column; the columns are: {', '.join(COLUMNS)} "
                f"(required: {', '.join(REQUIRED_COLUMNS)}).",
                line,
                name,
            )
    return columns


def _entry(path: str | Path, line: int, row: list[str], columns: list[tuple[str, int]], width: int) -> RoleEntry:
    """The role's fields from its row; ``columns`` are the format's columns the file has, with their indexes."""
    length = len(row)
    if length > width and any(cell.strip() for cell in row[width:]):
        raise FormatError(path, f"This row has {length} cells but the header has {width}.", line)
    text = {name: row[index] for name, index in columns if index < length}
    for name, value in text.items():
        if value.startswith("'"):
            text[name] = unneutralise(value)
    get = text.get

    role_id = get("id", "").strip()
    label = role_label(role_id) if role_id else "This row"

    def fail(reason: str, field: str) -> FormatError:
        return FormatError(path, f"{label}: {reason}", line, field)

    values: dict[str, object] = {
        "id": role_id,
        "title": get("title", ""),
        "person": get("person", "").strip(),
        "category": get("category", "").strip() or "other",
        "reports_to": get("reports_to", "").strip() or None,
        "dotted_to": tuple(_split(get("dotted_to", ""))),
        "employment": get("employment", "").strip() or "staff",
        "notes": get("notes", ""),
    }
    for name in ("flags", "service_areas", "core_services", "leads", "backs_up"):
        values[name] = tuple(_split(get(name, "")))
    fte = get("fte", "").strip()
    if fte:
        try:
            values["fte"] = float(fte)
        except ValueError:
            raise fail(f"FTE must be a number such as 1.0 or 0.5; got {shown(fte)}.", "fte") from None
    vacant = get("vacant", "").strip().lower()
    if vacant not in _VACANT_WORDS:
        raise fail(f"Vacant must be “yes” or empty; got {shown(get('vacant', ''))}.", "vacant")
    values["vacant"] = vacant in _YES
    cost = get("annual_cost", "").strip()
    if cost:
        if _MONEY_RE.match(cost):
            cost = cost.replace("$", "").replace(",", "").replace(" ", "")
        try:
            values["annual_cost"] = float(cost)
        except ValueError:
            raise fail(f"Annual cost must be a number such as 85000; got {shown(cost)}.", "annual_cost") from None
    return RoleEntry(values, label, line)


def _split(value: str) -> list[str]:
    if not value:
        return []
    return [part.strip() for part in value.split(_LIST_SEPARATOR) if part.strip()]


# --- writing --------------------------------------------------------------


def _number(value: float) -> str:
    """``value`` with the digits that read back as it, never with an exponent (``1e-05``), which
    spreadsheet imports do not take as an amount."""
    return format(Decimal(repr(float(value))), "f")


def _cost(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else _number(value)


def role_to_row(role: Role) -> list[str]:
    join = _LIST_SEPARATOR.join
    return [
        role.id,
        role.title,
        role.person,
        role.category,
        role.reports_to or "",
        join(role.dotted_to),
        _number(role.fte),
        "yes" if role.vacant else "",
        role.employment,
        join(f for f in FLAGS if f in role.flags),
        join(role.service_areas),
        join(role.core_services),
        join(role.leads),
        join(role.backs_up),
        role.notes,
        _cost(role.annual_cost),
    ]


def _cell(value: str) -> str:
    """A CSV cell, quoted when it holds a separator, a quote or any line break."""
    if any(c in value for c in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def chart_to_csv(chart: Chart) -> str:
    """The chart's roles as CSV text: ``\n`` between rows, cells quoted only when needed,
    formula-like text neutralised for spreadsheet programs."""
    rows = [COLUMNS, *(role_to_row(role) for role in chart.roles_in_order())]
    return "".join(",".join(_cell(neutralise(c)) for c in row) + "\n" for row in rows)


def write_csv(chart: Chart, path: str | Path) -> None:
    """Write the chart's roles as CSV (UTF-8, no byte-order mark), atomically.

    District facts, chart notes and rule settings have no place in this format.
    """
    write_text(path, chart_to_csv(chart))
