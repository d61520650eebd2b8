"""Turn roles read from a file into a chart, blaming the right line for each problem.

Both sample formats read their rows into :class:`RoleEntry` values (a role's
fields as read, with the line they came from), then hand them to
:func:`build_chart`, which checks the fields a column at a time, as a
``.tdorg`` file's are, makes each role once from its checked fields, checks
the ids and the reporting lines, and only then builds the
:class:`~tdorg.model.chart.Chart` so the model's own checks apply too. Every
problem becomes a :class:`~tdorg.model.errors.FormatError` naming the file,
the line and the field.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Callable, Iterable, Mapping

from ..chart import Chart
from ..district import District
from ..errors import EditError, FieldValueError, FormatError, FteError
from ..role import Role, check_role, ids_valid, roles_from_columns
from ..role_columns import checked_fields
from ..settings import RuleSettings


@dataclass(frozen=True)
class RoleEntry:
    """A role's fields as read, not yet checked (those left out take the role's defaults), with where
    they were read from.

    ``at`` is the line, or a function finding it (called only for a message).
    """

    values: dict[str, object]
    label: str  # how to name the role in a message, e.g. "Role “tech1”"
    at: int | Callable[[], int | None] | None = None

    @property
    def line(self) -> int | None:
        return self.at() if callable(self.at) else self.at


def error_field(error: EditError, default: str | None = None) -> str | None:
    """The role field a model error is about."""
    if isinstance(error, FieldValueError):
        return error.field
    if isinstance(error, FteError):
        return "fte"
    return default


def role_label(role_id: object, index: int | None = None) -> str:
    if isinstance(role_id, str) and len(role_id) > 64:  # no valid id is longer; keep the message short
        role_id = role_id[:64] + "…"
    shown = f"“{role_id}”" if isinstance(role_id, str) and role_id else "without an id"
    if index is None:
        return f"Role {shown}"
    return f"Role {index + 1} ({shown})"


def build_chart(
    path: str | Path,
    entries: list[RoleEntry],
    district: District | None = None,
    notes: str = "",
    settings: RuleSettings | None = None,
    arrangements: Mapping[str, int] | None = None,
    collapsed: Iterable[str] = (),
) -> Chart:
    """Check ``entries`` a column at a time, then as a whole, and build the chart."""
    checked = _roles(path, entries)
    by_id: dict[str, RoleEntry] = {}
    for entry, role in zip(entries, checked):
        _check_unique(path, entry, role.id, by_id)
    roles = {role.id: role for role in checked}
    _check_lines(path, roles, by_id)
    _check_loops(path, checked, by_id)
    try:  # each role was checked above: the chart checks only what is between them
        return Chart.of_checked(district or District(), checked, settings or RuleSettings(), notes, arrangements or {},
                                collapsed)
    except EditError as error:
        entry = by_id.get(getattr(error, "role_id", ""))
        line = entry.line if entry is not None else None
        raise FormatError(path, str(error), line, error_field(error)) from None


#: Each field of a role and its value when a reader leaves it out.
_DEFAULTS = {f.name: f.default for f in fields(Role)}


def _roles(path: str | Path, entries: list[RoleEntry]) -> list[Role]:
    """The entries' roles, each field checked as :func:`check_role` checks it, a column at a time. When a
    value is refused there, the entries are gone through one by one, in file order, as they were read, so
    the error names the first role that :func:`check_role` refuses (or whose id is taken)."""
    columns = {name: [entry.values.get(name, default) for entry in entries] for name, default in _DEFAULTS.items()}
    if ids_valid(columns["id"]):
        try:
            columns.update(checked_fields(columns, lambda _n, err: err))
        except EditError:
            pass
        else:
            columns["dotted_to"] = list(map(tuple, columns["dotted_to"]))
            return roles_from_columns(columns, len(entries))
    by_id: dict[str, RoleEntry] = {}
    for entry in entries:
        try:
            role = check_role(Role(**entry.values))  # type: ignore[arg-type]
        except EditError as error:
            raise FormatError(path, f"{entry.label}: {error}", entry.line, error_field(error)) from None
        _check_unique(path, entry, role.id, by_id)
    raise AssertionError("a role refused in its column is refused on its own")


def _check_unique(path: str | Path, entry: RoleEntry, role_id: str, by_id: dict[str, RoleEntry]) -> None:
    """Note ``entry`` under ``role_id`` in ``by_id``, unless an earlier entry has that id."""
    first = by_id.get(role_id)
    if first is not None:
        where = f" (first on line {first.line})" if first.line is not None else ""
        raise FormatError(
            path, f"{entry.label}: the id “{role_id}” is used twice{where}; ids must be unique.", entry.line, "id"
        )
    by_id[role_id] = entry


def _check_lines(path: str | Path, roles: dict[str, Role], by_id: dict[str, RoleEntry]) -> None:
    for role in roles.values():
        entry = by_id[role.id]
        if role.reports_to is not None:
            if role.reports_to == role.id:
                raise FormatError(path, f"{entry.label} cannot report to itself.", entry.line, "reports_to")
            if role.reports_to not in roles:
                raise FormatError(
                    path,
                    f"{entry.label} reports to “{role.reports_to}”, but there is no role with that id.",
                    entry.line,
                    "reports_to",
                )
        seen: set[str] = set()
        for target in role.dotted_to:
            if target == role.id:
                raise FormatError(path, f"{entry.label} cannot have a dotted line to itself.", entry.line, "dotted_to")
            if target not in roles:
                raise FormatError(
                    path,
                    f"{entry.label} has a dotted line to “{target}”, but there is no role with that id.",
                    entry.line,
                    "dotted_to",
                )
            if target in seen:
                raise FormatError(
                    path, f"{entry.label} lists the dotted line to “{target}” twice.", entry.line, "dotted_to"
                )
            seen.add(target)


def _check_loops(path: str | Path, ordered: list[Role], by_id: dict[str, RoleEntry]) -> None:
    """Blame the first role (in file order) on a reporting loop."""
    roles = {role.id: role for role in ordered}
    done: set[str] = set()
    for start in ordered:
        trail: list[str] = []
        on_trail: set[str] = set()
        current: str | None = start.id
        while current is not None and current not in done:
            if current in on_trail:
                loop = trail[trail.index(current) :]
                _raise_loop(path, loop, roles, by_id)
            on_trail.add(current)
            trail.append(current)
            current = roles[current].reports_to
        done.update(trail)


def _raise_loop(path: str | Path, loop: list[str], roles: dict[str, Role], by_id: dict[str, RoleEntry]) -> None:
    order = {role_id: n for n, role_id in enumerate(roles)}
    first = min(loop, key=order.__getitem__)
    at = loop.index(first)
    loop = loop[at:] + loop[:at]
    names = " → ".join(f"“{roles[r].title}”" for r in loop + [first])
    entry = by_id[first]
    raise FormatError(
        path,
        f"{entry.label}: the reporting lines make a loop ({names}); one of these roles must report elsewhere.",
        entry.line,
        "reports_to",
    )
