"""Copied roles: whole subtrees as clipboard data, and the edits that cut, paste and duplicate them.

Copying takes each chosen role with everything under it; a chosen role under
another chosen one comes once, inside its manager's subtree. The clipboard
carries the copy twice: as :data:`MIME_TYPE`, a JSON object
``{"format": "tdorg-roles", "version": 1, "roles": [...], "arrangements": {...}}``
whose roles are written as a ``tdorg-sample`` chart writes them (managers
before their reports, each copied subtree's top with an empty ``reports_to``),
and as plain text, an indented outline of the titles (:func:`outline`).

:func:`read` checks clipboard data as the chart-file reader checks a file and
refuses anything else with a :class:`ClipboardError`. A paste adds each
copied role with a fresh id, as a vacant copy of the position: the job is
copied, not the person, so the copy never counts against anyone's FTE. Flags,
functions, service areas, FTE, employment, cost and notes are kept, except
the top IT leader and superintendent flags when the chart already has a role
holding them. Roles cut rather than copied (``"cut": true``) are moved by
their paste instead, wherever the chart no longer has their id: they keep
their id and their person, so a cut and a paste is a move, as Compare shows
it; pasted again, they are copies. Dotted lines between copied roles join the
copies; a dotted line to a role outside the copy is kept when the chart has
that role and dropped otherwise. Arrangements of copied managers' reports are
kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from .chart import Chart
from .edits import AddDotted, AddRole, Op, RemoveRole, SetArrangement, SetCollapsed
from .errors import EditError, FormatError

MIME_TYPE = "application/x-tdorg-roles+json"
FORMAT_NAME = "tdorg-roles"
FORMAT_VERSION = 1
#: How messages about clipboard data name where it came from.
SOURCE = "the clipboard"
#: Flags a chart gives one role; a pasted copy drops them when the chart already has a role holding them.
ONE_PER_CHART = frozenset({"top_it_leader", "superintendent"})
#: The outline's indent per level.
INDENT = "    "


class ClipboardError(EditError):
    """Clipboard data that cannot be pasted; the message says why."""


@dataclass(frozen=True)
class Copied:
    """Roles read from the clipboard, ready to paste."""

    #: The copied roles as a chart of their own: each subtree's top at the top, with the lines between them.
    roles: Chart
    #: Every dotted line of each copied role, in its order, to copied roles and to others.
    dotted: dict[str, tuple[str, ...]]
    #: The roles were cut: where their ids are free they are moved, not copied.
    cut: bool = False

    def __len__(self) -> int:
        return len(self.roles)


# --- copying ----------------------------------------------------------------


def copied_tops(chart: Chart, role_ids: Iterable[str]) -> list[str]:
    """The roles of ``role_ids`` no other one is under, in the chart's order: the tops of the copied subtrees."""
    chosen = {r for r in role_ids if r in chart}
    return [r for r in chart.tree_order() if r in chosen and not any(a in chosen for a in chart.ancestors(r))]


def copied_ids(chart: Chart, role_ids: Iterable[str]) -> list[str]:
    """Every role a copy of ``role_ids`` takes: each top and everything under it, managers first."""
    out: list[str] = []
    for top in copied_tops(chart, role_ids):
        out.append(top)
        out.extend(chart.descendants(top))
    return out


def payload(chart: Chart, role_ids: Iterable[str], cut: bool = False) -> dict[str, Any]:
    """The clipboard's JSON object for ``role_ids`` and their subtrees (see the module's description),
    ``cut`` when they are cut."""
    from .formats.sample_json import role_to_dict  # the chart file's reader and writer, when roles are copied

    tops = copied_tops(chart, role_ids)
    ids = copied_ids(chart, tops)
    roles = [role_to_dict(chart.role(r)) for r in ids]
    for raw in roles:
        if raw["id"] in tops:
            raw["reports_to"] = ""
    arrangements = {r: chart.arrangements[r] for r in ids if r in chart.arrangements}
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION, "roles": roles, "arrangements": arrangements,
            **({"cut": True} if cut else {})}


def payload_json(data: dict[str, Any]) -> str:
    import json  # loaded by the first copy, not with the editor

    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def outline(chart: Chart, role_ids: Iterable[str]) -> str:
    """The copied subtrees as plain text: one title a line, each report indented under its manager."""
    lines: list[str] = []
    stack = [(top, 0) for top in reversed(copied_tops(chart, role_ids))]
    while stack:
        role_id, depth = stack.pop()
        lines.append(INDENT * depth + " ".join(chart.role(role_id).title.split()))
        stack.extend((kid, depth + 1) for kid in reversed(chart.children(role_id)))
    return "\n".join(lines) + "\n" if lines else ""


def cut_ops(chart: Chart, role_ids: Iterable[str]) -> list[Op]:
    """Removing the copied subtrees of ``role_ids``, each role's reports before it (so undo puts back every line)."""
    return [RemoveRole(r) for r in reversed(copied_ids(chart, role_ids))]


# --- pasting ----------------------------------------------------------------


def read(text: str) -> Copied:
    """The roles clipboard JSON ``text`` holds, checked; :class:`ClipboardError` saying why it cannot be pasted."""
    from .formats.sample_json import parse_json

    try:
        data = parse_json(text, SOURCE)
    except FormatError:
        raise ClipboardError("The clipboard's tdorg data is damaged (not valid JSON); copy the boxes again.") from None
    return copied_from_data(data)


def copied_from_data(data: Any) -> Copied:
    """The roles of a parsed clipboard object, checked like a chart file's."""
    from .formats.sample_json import FORMAT_NAME as CHART_FORMAT, FORMAT_VERSION as CHART_VERSION, chart_from_data

    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ClipboardError("The clipboard holds something other than tdorg roles.")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ClipboardError("The clipboard's tdorg data has no valid version; copy the boxes again.")
    if version > FORMAT_VERSION:
        raise ClipboardError("These roles were copied from a newer tdorg; update tdorg to paste them.")
    roles = data.get("roles")
    if not isinstance(roles, list):
        raise ClipboardError("The clipboard's tdorg data has no list of roles; copy the boxes again.")
    if not roles:
        raise ClipboardError("The clipboard holds no roles to paste.")
    ids = {raw["id"].strip() for raw in roles if isinstance(raw, dict) and isinstance(raw.get("id"), str)}
    inside: list[Any] = []
    dotted: dict[str, tuple[str, ...]] = {}
    for raw in roles:
        lines = raw.get("dotted_to") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else None
        if isinstance(lines, list) and all(isinstance(t, str) for t in lines):
            targets = tuple(dict.fromkeys(t.strip() for t in lines if t.strip()))
            dotted[raw["id"].strip()] = targets
            raw = {**raw, "dotted_to": [t for t in targets if t in ids]}
        inside.append(raw)
    chart_data = {"format": CHART_FORMAT, "version": CHART_VERSION, "roles": inside,
                  "arrangements": data.get("arrangements")}
    try:
        chart = chart_from_data(chart_data, SOURCE)
    except FormatError as error:
        raise ClipboardError(f"The clipboard's roles cannot be pasted: {error.reason}") from None
    return Copied(chart, dotted, data.get("cut") is True)


def paste_ops(chart: Chart, copied: Copied, manager_id: str | None, index: int | None = None) -> tuple[list[Op], list[str]]:
    """Adding ``copied`` to ``chart`` under ``manager_id`` (``None``: as top-level roles), its subtrees as
    the manager's last reports or from ``index`` on; the operations, and the new roles' ids, managers first.
    A collapsed manager, and any collapsed one above it, is expanded in the same step, to show the paste."""
    tops = copied.roles.roots()
    places = {top: (manager_id, None if index is None else index + n) for n, top in enumerate(tops)}
    ops, new_ids = _add_ops(chart, copied, places)
    if manager_id is not None:
        collapsed = chart.collapsed
        ops.extend(SetCollapsed(m, False) for m in (manager_id, *chart.ancestors(manager_id)) if m in collapsed)
    return ops, new_ids


def duplicate_ops(chart: Chart, role_ids: Iterable[str]) -> tuple[list[Op], list[str]]:
    """Copying ``role_ids`` and their subtrees beside themselves (each copy right after its original, under
    the same manager); the operations and the new roles' ids."""
    copied = copied_from_data(payload(chart, role_ids))
    places: dict[str, tuple[str | None, int | None]] = {}
    placed: dict[str | None, int] = {}
    for top in copied.roles.roots():
        manager = chart.role(top).reports_to
        places[top] = (manager, chart.index_among_siblings(top) + 1 + placed.get(manager, 0))
        placed[manager] = placed.get(manager, 0) + 1
    return _add_ops(chart, copied, places)


def _add_ops(chart: Chart, copied: Copied, places: dict[str, tuple[str | None, int | None]]) -> tuple[list[Op], list[str]]:
    source = copied.roles
    order = source.tree_order()
    moved = {old for old in order if copied.cut and old not in chart}
    fresh = _FreshIds(chart, moved)
    new_ids = {old: old if old in moved else fresh.id_for(source.role(old).category) for old in order}
    taken = {flag for flag in ONE_PER_CHART if any(role.has(flag) for role in chart.roles.values())}
    ops: list[Op] = []
    for old in order:
        role = source.role(old)
        manager, index = places[old] if role.reports_to is None else (new_ids[role.reports_to], None)
        copy = role.with_changes(id=new_ids[old], reports_to=manager, dotted_to=(), flags=role.flags - taken)
        if old not in moved:
            copy = copy.with_changes(person="", vacant=True)
        ops.append(AddRole(copy, index))
    for old in order:
        for target in copied.dotted.get(old, ()):
            end = new_ids.get(target, target if target in chart else None)
            if end is not None:
                ops.append(AddDotted(new_ids[old], end))
    ops.extend(SetArrangement(new_ids[old], columns) for old, columns in source.arrangements.items())
    return ops, [new_ids[old] for old in order]


class _FreshIds:
    """Ids for new roles of ``chart``, from a stem (the category) and a number: none used twice,
    none of those ``kept``."""

    def __init__(self, chart: Chart, kept: Iterable[str]) -> None:
        self.chart = chart
        self.given: set[str] = set(kept)
        self.next: dict[str, int] = {}

    def id_for(self, stem: str) -> str:
        candidate = self.chart.new_id(stem)
        n = self.next.get(stem, 2)
        while candidate in self.given or candidate in self.chart:
            candidate, n = f"{stem}-{n}", n + 1
        self.next[stem] = n
        self.given.add(candidate)
        return candidate
