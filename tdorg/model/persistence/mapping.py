"""Conversion between domain values and the rows of a ``.tdorg`` file.

Writing turns a :class:`Document` into plain tuples, one list per table, in
the column orders of :data:`WRITTEN_COLUMNS`. Reading takes the rows as
tuples, in the column orders named below, and rebuilds the document; every
value passes through the model's own checks, so a file with inconsistent rows
raises :class:`BadData` naming the problem. Each role row is checked once, as
it is read, with the checks of :func:`~tdorg.model.role.check_role`, a column
at a time: the ids and the texts of a column in a few passes over all of them
(a value those passes cannot vouch for is checked on its own, which names it),
any other value that many rows share, such as a category or a list of flags,
the first time only (its check depends on the value alone). The roles are made
a column at a time too, and the chart then trusts those fields and checks only
how the roles fit together.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import repeat
from operator import itemgetter
from typing import Callable, Sequence

from ..chart import Chart
from ..district import Buildings, District
from ..document import Document, Scenario
from ..errors import EditError
from ..file_size import role_payload, row_order
from ..role import Role, check_id, field_check, ids_valid, roles_from_columns
from ..role_columns import checked_fields
from ..settings import RuleSettings
from .tables import (
    LIST_SEPARATOR,
    ArrangementRow,
    CollapsedRow,
    DisabledRuleRow,
    DistrictRow,
    DocumentRow,
    DottedLineRow,
    RoleRow,
    ScenarioRow,
    ThresholdRow,
)

# Column orders of the tuples :func:`document_from_rows` reads.
SCENARIO_COLUMNS = ("id", "name", "notes")
DISTRICT_COLUMNS = (
    "scenario_id", "name", "state", "students", "teachers", "staff", "devices",
    "buildings_elementary", "buildings_middle", "buildings_high", "buildings_other",
    "buildings_total", "one_to_one_grades", "erate", "privacy_officer_required",
)  # fmt: skip
ROLE_COLUMNS = (
    "scenario_id", "id", "reports_to", "title", "category", "person", "fte", "vacant",
    "employment", "flags", "service_areas", "core_services", "leads", "backs_up", "notes",
    "annual_cost",
)  # fmt: skip
DOTTED_COLUMNS = ("scenario_id", "role_id", "target_id")
ARRANGEMENT_COLUMNS = ("scenario_id", "role_id", "columns")
COLLAPSED_COLUMNS = ("scenario_id", "role_id")
THRESHOLD_COLUMNS = ("scenario_id", "rule_id", "name", "value")
DISABLED_COLUMNS = ("scenario_id", "rule_id", "reason")

#: Column orders of the tuples :func:`document_rows` makes, per table.
WRITTEN_COLUMNS: dict[type, tuple[str, ...]] = {
    DocumentRow: ("id", "active", "app_version"),
    ScenarioRow: ("id", "position", "name", "notes"),
    DistrictRow: DISTRICT_COLUMNS,
    RoleRow: ROLE_COLUMNS[:2] + ("position",) + ROLE_COLUMNS[2:],
    DottedLineRow: ("scenario_id", "role_id", "position", "target_id"),
    ArrangementRow: ARRANGEMENT_COLUMNS,
    CollapsedRow: COLLAPSED_COLUMNS,
    ThresholdRow: THRESHOLD_COLUMNS,
    DisabledRuleRow: DISABLED_COLUMNS,
}
#: What :func:`document_from_rows` reads, per :class:`LoadedRows` field: the table, its columns
#: (in the order above) and the columns the rows are sorted by.
READ_ROWS: tuple[tuple[str, type, tuple[str, ...], tuple[str, ...]], ...] = (
    ("active", DocumentRow, ("active",), ()),
    ("scenarios", ScenarioRow, SCENARIO_COLUMNS, ("position",)),
    ("districts", DistrictRow, DISTRICT_COLUMNS, ()),
    ("roles", RoleRow, ROLE_COLUMNS, ("scenario_id", "position")),
    ("dotted", DottedLineRow, DOTTED_COLUMNS, ("scenario_id", "role_id", "position")),
    ("arrangements", ArrangementRow, ARRANGEMENT_COLUMNS, ("scenario_id", "role_id")),
    ("collapsed", CollapsedRow, COLLAPSED_COLUMNS, ("scenario_id", "role_id")),
    ("thresholds", ThresholdRow, THRESHOLD_COLUMNS, ("scenario_id", "rule_id", "name")),
    ("disabled", DisabledRuleRow, DISABLED_COLUMNS, ("scenario_id", "rule_id")),
)
#: Role fields stored as lists joined by :data:`LIST_SEPARATOR`.
_LIST_FIELDS = frozenset({"flags", "service_areas", "core_services", "leads", "backs_up"})

#: Rows kept per scenario, with what a message calls them.
_GROUPS = {
    "districts": "district facts",
    "roles": "roles",
    "dotted": "dotted lines",
    "arrangements": "arrangements",
    "collapsed": "collapsed managers",
    "thresholds": "rule thresholds",
    "disabled": "switched-off rules",
}


class BadData(Exception):
    """The rows cannot make a valid document; ``str()`` says why, as a sentence."""


# --- writing --------------------------------------------------------------


def document_rows(doc: Document, app_version: str) -> dict[type, list[tuple]]:
    """Rows for every table, parents first; raises :class:`BadData` for an unsavable document."""
    if not doc.scenarios:
        raise BadData("There is nothing to save: the document has no scenario.")
    if not 0 <= doc.active < len(doc.scenarios):
        raise BadData(f"The active scenario ({doc.active}) is not one of the document's {len(doc.scenarios)}.")
    names = [s.name for s in doc.scenarios]
    for name in names:
        if names.count(name) > 1:
            raise BadData(f"Two scenarios are named “{name}”; scenario names must differ.")
    rows: dict[type, list[tuple]] = {table: [] for table in WRITTEN_COLUMNS}
    rows[DocumentRow].append((1, doc.active, app_version))
    role_order: list[int] = []
    for position, scenario in enumerate(doc.scenarios):
        scenario_id = position + 1
        chart = scenario.chart
        rows[ScenarioRow].append((scenario_id, position, scenario.name, chart.notes))
        rows[DistrictRow].append(_district_row(scenario_id, chart.district))
        role_rows, dotted_rows = rows[RoleRow], rows[DottedLineRow]
        for index, role in enumerate(chart.roles_in_order()):
            role_rows.append(_role_row(scenario_id, index, role))
            role_order.append(row_order(role_payload(role)))
            for line, target in enumerate(role.dotted_to):
                dotted_rows.append((scenario_id, role.id, line, target))
        rows[ArrangementRow].extend((scenario_id, rid, columns) for rid, columns in chart.arrangements.items())
        rows[CollapsedRow].extend((scenario_id, rid) for rid in sorted(chart.collapsed))
        settings = chart.settings
        for rule_id, values in settings.thresholds.items():
            for name, value in values.items():
                rows[ThresholdRow].append((scenario_id, rule_id, name, float(value)))
        for rule_id, reason in settings.disabled.items():
            rows[DisabledRuleRow].append((scenario_id, rule_id, reason))
    # longest first, so that each page holds as many rows as fit (see file_size); they are read in their order
    rows[RoleRow] = [rows[RoleRow][n] for n in sorted(range(len(role_order)), key=role_order.__getitem__)]
    rows[DottedLineRow].sort(key=_dotted_order)
    return rows


def _dotted_order(row: tuple) -> int:
    return -len(row[1]) - len(row[3])


def _district_row(scenario_id: int, d: District) -> tuple:
    b = d.buildings
    return (scenario_id, d.name, d.state, d.students, d.teachers, d.staff, d.devices, b.elementary, b.middle, b.high,
            b.other, b.total, d.one_to_one_grades, d.erate, d.privacy_officer_required)


def _role_row(scenario_id: int, position: int, r: Role) -> tuple:
    join = LIST_SEPARATOR.join
    return (scenario_id, r.id, position, r.reports_to, r.title, r.category, r.person, r.fte, r.vacant, r.employment,
            join(sorted(r.flags)), join(r.service_areas), join(r.core_services), join(r.leads), join(r.backs_up),
            r.notes, r.annual_cost)


# --- reading --------------------------------------------------------------


@dataclass
class LoadedRows:
    """Rows read from a file: scenarios by position, roles by position, dotted lines in order."""

    active: Sequence[tuple]
    scenarios: Sequence[tuple]
    districts: Sequence[tuple]
    roles: Sequence[tuple]
    dotted: Sequence[tuple]
    arrangements: Sequence[tuple] = field(default_factory=list)
    collapsed: Sequence[tuple] = field(default_factory=list)
    thresholds: Sequence[tuple] = field(default_factory=list)
    disabled: Sequence[tuple] = field(default_factory=list)


def document_from_rows(rows: LoadedRows) -> Document:
    """Rebuild the document; raises :class:`BadData` when the rows are inconsistent."""
    if len(rows.active) != 1:
        raise BadData("The file has no document record.")
    if not rows.scenarios:
        raise BadData("The file holds no scenario.")
    names: dict[int, str] = {}
    for scenario_id, name, _notes in rows.scenarios:
        if not isinstance(name, str) or not name.strip():
            raise BadData("A scenario in the file has no name.")
        if name in names.values():
            raise BadData(f"Two scenarios in the file are named “{name}”.")
        names[scenario_id] = name
    grouped = {key: _by_scenario(what, getattr(rows, key), names) for key, what in _GROUPS.items()}
    scenarios = []
    for scenario_id, name, notes in rows.scenarios:
        try:
            chart = _chart(
                notes,
                grouped["districts"][scenario_id],
                grouped["roles"][scenario_id],
                grouped["dotted"][scenario_id],
                grouped["arrangements"][scenario_id],
                grouped["collapsed"][scenario_id],
                grouped["thresholds"][scenario_id],
                grouped["disabled"][scenario_id],
            )
        except (BadData, EditError) as err:
            raise BadData(f"The file holds inconsistent data in scenario “{name}”: {err}") from None
        scenarios.append(Scenario(name, chart))
    active = rows.active[0][0]
    if not isinstance(active, int) or not 0 <= active < len(scenarios):
        raise BadData(f"The active scenario ({active!r}) is not one of the file's {len(scenarios)} scenarios.")
    return Document(scenarios, active)


def _by_scenario(what: str, items: Sequence[tuple], names: dict[int, str]) -> dict[int, list[tuple]]:
    out: dict[int, list[tuple]] = defaultdict(list)
    owners = set(map(itemgetter(0), items))
    if len(owners) == 1 and next(iter(owners)) in names:  # every row of one scenario, as most files hold
        out[owners.pop()] = items  # type: ignore[assignment]
        return out
    for item in items:
        if item[0] not in names:
            raise BadData(f"Some {what} in the file belong to a scenario ({item[0]!r}) that the file does not hold.")
        out[item[0]].append(item)
    return out


def _chart(
    notes: object,
    districts: list[tuple],
    roles: list[tuple],
    dotted: list[tuple],
    arrangements: list[tuple],
    collapsed: list[tuple],
    thresholds: list[tuple],
    disabled: list[tuple],
) -> Chart:
    if len(districts) != 1:
        raise BadData("it has no district facts.")
    district = _district(districts[0])
    lines: dict[str, list[str]] = defaultdict(list)
    for _sid, role_id, target_id in dotted:
        lines[role_id].append(target_id)
    role_values = _roles(roles, lines)
    if lines:
        known = set(map(itemgetter(1), roles))
        for role_id in lines:
            if role_id not in known:
                raise BadData(f"a dotted line starts from role “{role_id}”, which does not exist.")
    arranged: dict[str, int] = {}
    for _sid, role_id, columns in arrangements:
        if role_id in arranged:
            raise BadData(f"the reports of role “{role_id}” are arranged twice.")
        arranged[role_id] = columns
    settings = _settings(thresholds, disabled)
    try:
        return Chart.of_checked(district, role_values, settings, _text(notes, "the chart notes"), arranged,
                                [role_id for _sid, role_id in collapsed])
    except EditError as err:
        raise BadData(str(err)) from None


def _district(row: tuple) -> District:
    (_sid, name, state, students, teachers, staff, devices, elementary, middle, high, other, total, grades, erate,
     privacy) = row
    district = District(
        name=_text(name, "the district name"),
        state=_text(state, "the district's state"),
        students=students,
        teachers=teachers,
        staff=staff,
        devices=devices,
        buildings=Buildings(elementary, middle, high, other, total),
        one_to_one_grades=_text(grades, "the district's 1:1 grades"),
        erate=None if erate is None else _yes_no(erate, "the district's E-rate value"),
        privacy_officer_required=None if privacy is None else _yes_no(
            privacy, "the district's privacy-officer requirement"),
    )
    district.check()
    return district


def _roles(rows: list[tuple], lines: dict[str, list[str]]) -> list[Role]:
    """Roles made from rows, every field checked as :func:`~tdorg.model.role.check_role` checks it,
    a column at a time."""
    if not rows:
        return []
    stored = dict(zip(ROLE_COLUMNS, zip(*rows)))
    ids = stored["id"]
    if not ids_valid(ids):
        for role_id in ids:
            try:
                check_id(role_id)
            except EditError as err:
                raise _refused(role_id, err) from None
    dotted = {role_id: tuple(targets) for role_id, targets in lines.items()}
    values: dict[str, Sequence[object]] = {
        "id": ids,
        "reports_to": stored["reports_to"],
        "dotted_to": list(map(dotted.get, ids, repeat(()))),
    }
    values.update(checked_fields(stored, lambda n, err: _refused(ids[n], err), _stored_check, (EditError, BadData)))
    return roles_from_columns(values, len(ids))


def _stored_check(name: str) -> Callable[[object], object]:
    """The check of the role field ``name`` on its value as stored."""
    check = field_check(name)
    if name in _LIST_FIELDS:
        return lambda value: check(_split(value))
    if name == "vacant":
        return lambda value: check(_yes_no(value, "the vacant value"))
    return check


def _refused(role_id: object, err: Exception) -> BadData:
    return BadData(f"role “{role_id}”: {err}")


def _split(value: object) -> object:
    """A stored list as a tuple; anything else is left for the model to refuse."""
    if isinstance(value, str):
        return tuple(value.split(LIST_SEPARATOR)) if value else ()
    return value


def _settings(thresholds: list[tuple], disabled: list[tuple]) -> RuleSettings:
    values: dict[str, dict[str, float]] = defaultdict(dict)
    for _sid, rule_id, name, value in thresholds:
        _text(rule_id, "a rule id")
        _text(name, f"a threshold name of {rule_id}")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise BadData(f"the threshold {name} of {rule_id} is {value!r}, not a number.")
        values[rule_id][name] = float(value)
    reasons = {_text(rule_id, "a rule id"): _text(reason, f"the reason {rule_id} is off") for _sid, rule_id, reason in disabled}
    return RuleSettings(values, reasons)


def _yes_no(value: object, what: str) -> bool:
    """A stored yes/no: 1 or 0 (SQLite has no boolean type)."""
    if value in (0, 1) and not isinstance(value, float):
        return bool(value)
    raise BadData(f"{what} is {value!r}, not yes or no.")


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise BadData(f"{what} is {value!r}, not text.")
    return value

