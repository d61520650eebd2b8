"""How large a chart makes its ``.tdorg`` file, kept from above as the chart changes.

The file readers take at most :data:`~.files.MAX_READ_BYTES`, which keeps a hostile
file from filling memory (a file is checked in memory, whole); the longest
texts a role may hold, times the roles a file may hold, would make files a
hundred times larger. So the editor keeps each chart's size in a file, from
above, and refuses the edit that would take the file past what it opens
again (:meth:`.values.ChartRoom.settle`), rather than refuse a save later.

A role's share is the pages its row takes (the UTF-8 of its texts and ids,
its lists, and its record's header and numbers at their largest, laid on
pages as SQLite lays them, :func:`stored`), its entries in the two indexes a
role row has, and its dotted lines' rows; :data:`SLACK` covers the pages
above the rows. SQLite fills a table's page with the rows written after one
another as far as the next one fits, so a page of short rows written between
long ones would be left mostly empty: the writer writes the role rows, and
the dotted lines', longest first (:func:`row_order`), which lets a page hold
as many rows as fit, whatever the chart's order, and copies each index in
its own order once the rows are in, which fills the index's pages too.
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
#: Bytes of a role row besides its texts and its FTE and cost, at most: the record's header (its length and a
#: byte for each of its 17 columns' types, a text's up to 57 bytes long) and the scenario (2 bytes) and the
#: place in the outline (3). SQLite keeps an FTE of 1 in no bytes, as the integer 1, and a whole cost as an
#: integer of at most 6 bytes; any other number takes 8.
ROLE_ROW = 1 + 17 + 2 + 3
#: Bytes of a dotted line's row besides its two ids, at most: the header (its length and 4 types, an id's
#: taking 2), the scenario and the line's place.
DOTTED_ROW = 1 + 6 + 2 + 2
#: Bytes of a row of an arrangement, a collapsed manager or a threshold besides its texts.
LINE_ROW = 24
#: An index entry besides the texts it names, at most: its header (length and 3 types), the scenario, the
#: row's id (4 bytes: a file holds fewer than 2**28 rows), the entry's length and its place on the page.
INDEX_ENTRY = 4 + 2 + 4 + 1 + 2
#: An entry of the index of the roles' places in the outline: its header, scenario, place and row id.
PLACE_ENTRY = INDEX_ENTRY + 3
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
    if payload <= _MAX_LOCAL:  # a page over the rows it holds, each with its length, row id and place on the page
        return -(-PAGE // ((PAGE - 8) // (payload + (1 if payload < 128 else 2) + 4 + 2)))
    local = _local(payload)
    # on its page besides the local part: the first overflow page's number, and a length of up to 3 bytes
    return stored(local + 5) + -(-(payload - local) // _OVERFLOW) * PAGE


def _local(payload: int) -> int:
    """The bytes of a row longer than :data:`_MAX_LOCAL` that stay on its page (SQLite's file format)."""
    local = _MIN_LOCAL + (payload - _MIN_LOCAL) % _OVERFLOW
    return _MIN_LOCAL if local > _MAX_LOCAL else local


def role_payload(role: Role) -> int:
    """The bytes of ``role``'s record in its table, at most (a text of more than 57 bytes takes a second byte
    in the header, of more than 8,185 a third)."""
    title, person, notes = role.title, role.person, role.notes
    title_bytes = len(title) if title.isascii() else text_bytes(title)
    person_bytes = len(person) if person.isascii() else text_bytes(person)
    notes_bytes = len(notes) if notes.isascii() else text_bytes(notes)
    listed = _listed(role.flags, role.service_areas, role.core_services, role.leads, role.backs_up)
    longer = (title_bytes > 57) + (person_bytes > 57) + (notes_bytes > 57) + (notes_bytes > 8_185) + (
        10 if listed > 57 else 0)  # each list 2 bytes more at most (no list is 8,185 bytes)
    cost = role.annual_cost
    numbers = (0 if role.fte == 1 else 8) + (0 if cost is None else 6 if float(cost).is_integer() else 8)
    return (ROLE_ROW + numbers + longer + len(role.id) + len(role.reports_to or "") + len(role.category)
            + len(role.employment) + title_bytes + person_bytes + notes_bytes + listed)


def row_order(payload: int) -> int:
    """Where a row of ``payload`` bytes goes in the order rows are written, longest on its page first: the
    negated bytes it keeps on its page (a longer row keeps only a part there)."""
    return -(payload if payload <= _MAX_LOCAL else _local(payload))


def role_bytes(role: Role) -> int:
    """The bytes ``role`` takes in a file, from above."""
    role_id = role.id
    size = role_payload(role)
    size = (_STORED[size] if size <= _MAX_LOCAL else stored(size)) + _ENTRIES[len(role_id)]
    for target in role.dotted_to:
        size += _STORED[DOTTED_ROW + len(role_id) + len(target)] + _entry(len(role_id) + 3)  # a fourth column, the line's place
    return size


@lru_cache(maxsize=4096)
def _listed(*lists: Collection[str]) -> int:
    """The bytes of a role's lists as stored: each item and a separator (roles share a few sets of lists)."""
    return sum(len(item) + 1 for items in lists for item in items)


def _entry(texts: int) -> int:
    """An entry naming ``texts`` bytes in an index: a page over the entries it holds, as the writer copies each
    index in its own order once the rows are in (SQLite's ``VACUUM``), filling its pages as far as whole
    entries go."""
    return -(-PAGE // ((PAGE - 8) // (INDEX_ENTRY + texts)))


#: :func:`stored` of every row kept whole on its page, and an id's two index entries, looked up as roles are counted.
_STORED = tuple(map(stored, range(_MAX_LOCAL + 1)))
_ENTRIES = tuple(_entry(length) + _entry(PLACE_ENTRY - INDEX_ENTRY) for length in range(65))  # ids, places


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
