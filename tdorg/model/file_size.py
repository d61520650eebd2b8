"""How large a chart makes its ``.tdorg`` file, kept from above as the chart changes.

The file readers take at most :data:`~.files.MAX_READ_BYTES`, which keeps a hostile
file from filling memory (a file is checked in memory, whole); the longest
texts a role may hold, times the roles a file may hold, would make files a
hundred times larger. So the editor keeps each chart's size in a file, from
above, and refuses the edit that would take the file past what it opens
again (:meth:`.values.ChartRoom.settle`), rather than refuse a save later.

A role's share is the pages its row takes (the UTF-8 of its texts and ids,
its lists and a fixed part for its numbers and the record's header, laid on
pages as SQLite lays them, :func:`stored`), its entries in the two indexes a
role row has, and its dotted lines' rows; :data:`SLACK` covers the pages
above the rows.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, Collection

from .chart import ARRANGED, COLLAPSED, DISTRICT, SETTINGS, Change, Chart
from .files import MAX_READ_BYTES
from .role import Role

#: The page size tdorg's files are written with, and what SQLite keeps of a page for rows (see its file format).
PAGE = 4096
_MAX_LOCAL = PAGE - 35  # the longest row kept whole on a page
_MIN_LOCAL = (PAGE - 12) * 32 // 255 - 23  # what a longer row keeps on its page; the rest overflows
_OVERFLOW = PAGE - 4  # the bytes an overflow page holds
#: Bytes of a role row besides its texts: the record's header, its numbers and its place in the outline.
ROLE_ROW = 48
#: Bytes of a row of a dotted line, an arrangement, a collapsed manager or a threshold besides its texts.
LINE_ROW = 24
#: An index entry besides the texts it names.
INDEX_ENTRY = 16
#: Bytes of a scenario besides its notes, district facts' texts and rule settings: its name (at most 100
#: characters) in the scenario table and its two indexes, the district facts' numbers.
SCENARIO_ROW = 2_048
#: The empty file (its schema, a page for each of its 19 tables and indexes) and, for each of them, a last page
#: partly filled and the page above its leaves.
EMPTY_FILE = 256 * 1024
#: The pages of the tables' trees above their rows, and rounding.
SLACK = 1.05

#: The most bytes of rows (the sum of the shares below) a file tdorg opens may hold.
HELD_MAX = int((MAX_READ_BYTES - EMPTY_FILE) / SLACK)
#: Why an edit that would take a file past :data:`HELD_MAX` is refused.
TOO_LARGE = (f"A file can hold at most {MAX_READ_BYTES // 2**20} MB of roles, notes and scenarios, the most tdorg "
             "opens, so this is not changed; shorten long notes, or keep some scenarios in a file of their own.")



def text_bytes(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))


def stored(payload: int) -> int:
    """The bytes of pages a table row of ``payload`` bytes takes, from above: rows written in order fill a
    page as far as whole rows go (so a row of just over half a page takes a page), and the part of a longer
    row that does not stay on its page fills overflow pages of its own."""
    if payload <= _MAX_LOCAL:
        return -(-PAGE // ((PAGE - 8) // (payload + 11)))  # a page over the rows it holds; 11: the cell's own bytes
    local = _MIN_LOCAL + (payload - _MIN_LOCAL) % _OVERFLOW
    if local > _MAX_LOCAL:
        local = _MIN_LOCAL
    return stored(local + 4) + -(-(payload - local) // _OVERFLOW) * PAGE


def role_bytes(role: Role) -> int:
    """The bytes ``role`` takes in a file, from above."""
    role_id, title, person, notes = role.id, role.title, role.person, role.notes
    size = (ROLE_ROW + 6 + len(role_id) + len(role.reports_to or "") + len(role.category) + len(role.employment)
            + (len(title) if title.isascii() else text_bytes(title))
            + (len(person) if person.isascii() else text_bytes(person))
            + (len(notes) if notes.isascii() else text_bytes(notes))
            + _listed(role.flags, role.service_areas, role.core_services, role.leads, role.backs_up))
    size = (_STORED[size] if size <= _MAX_LOCAL else stored(size)) + _ENTRIES[len(role_id)]
    for target in role.dotted_to:
        size += _STORED[LINE_ROW + len(role_id) + len(target)] + _entry(len(role_id))
    return size


@lru_cache(maxsize=4096)
def _listed(*lists: Collection[str]) -> int:
    """The bytes of a role's lists as stored: each item and a separator (roles share a few sets of lists)."""
    return sum(len(item) + 1 for items in lists for item in items)


def _entry(texts: int) -> int:
    """An entry of ``texts`` bytes in an index filled in no order, whose pages may be a third empty."""
    return (INDEX_ENTRY + texts) * 3 // 2


#: :func:`stored` of every row kept whole on its page, and an id's two index entries, looked up as roles are counted.
_STORED = tuple(map(stored, range(_MAX_LOCAL + 1)))
_ENTRIES = tuple(_entry(length) + INDEX_ENTRY for length in range(65))  # the index of ids, and that of places


def _row(texts: int) -> int:
    """A row of a rule setting, an arrangement or a collapsed manager, with its index entry."""
    return stored(LINE_ROW + texts) + _entry(texts)


def scenario_bytes(chart: Chart) -> int:
    """The bytes of a scenario besides its roles' rows: its notes, district facts and rule settings."""
    district, settings = chart.district, chart.settings
    size = SCENARIO_ROW + stored(text_bytes(chart.notes) + 512) + text_bytes(district.name) + text_bytes(
        district.one_to_one_grades)
    for rule_id, values in settings.thresholds.items():
        size += sum(_row(len(rule_id) + text_bytes(name)) for name in values)
    for rule_id, reason in settings.disabled.items():
        size += _row(len(rule_id) + text_bytes(reason))
    return size


class KeptSize:
    """The bytes ``chart`` takes in a file (:func:`role_bytes` of its roles, :func:`scenario_bytes`), kept
    up to date from the chart's announced changes: a change costs the roles it names."""

    def __init__(self, chart: Chart) -> None:
        self.chart = chart
        self._roles = dict(chart.roles)  # each role as last counted
        self._marks = self._marked()
        self._scenario = scenario_bytes(chart)
        self.bytes = self._scenario + sum(map(role_bytes, self._roles.values())) + self._marks
        self._unsubscribe: Callable[[], None] = chart.subscribe(self._changed)

    def close(self) -> None:
        self._unsubscribe()

    def _marked(self) -> int:
        """Bytes of the arrangements and collapsed managers (a row each, naming a role)."""
        chart = self.chart
        return sum(_row(len(role_id)) for role_id in chart.arrangements) + sum(
            _row(len(role_id)) for role_id in chart.collapsed)

    def _changed(self, change: Change) -> None:
        kind = change.kind
        if kind in (DISTRICT, SETTINGS):
            scenario = scenario_bytes(self.chart)
            self.bytes += scenario - self._scenario
            self._scenario = scenario
            return
        if kind in (ARRANGED, COLLAPSED):
            marks = self._marked()
            self.bytes += marks - self._marks
            self._marks = marks
            return
        roles, counted = self.chart.roles, self._roles
        for role_id in change.role_ids:
            new, old = roles.get(role_id), counted.get(role_id)
            if new is old:
                continue
            self.bytes += (0 if new is None else role_bytes(new)) - (0 if old is None else role_bytes(old))
            if new is None:
                del counted[role_id]
            else:
                counted[role_id] = new
