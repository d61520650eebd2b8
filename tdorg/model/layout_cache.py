"""The chart's layout kept between edits: an edit re-lays only what it changed.

:class:`LiveLayout` keeps, for every manager, the contour of its laid-out
subtree and where its reports sit relative to it (see :mod:`.layout`). An
edit marks the roles it touched; the next :meth:`LiveLayout.update` lays out
again only their subtrees and the managers on their paths to the top, from
the contours kept for everything else (stopping below a manager none of whose
reports' subtrees came out different), then places top-down only the roles
under a manager it re-laid, stopping at any report whose place did not
change. Page fitting measures the chart at a few column depths: each depth
measured keeps its own contours, brought up to date the same way when it is
measured again. A subtree whose largest automatic group of leaves is no deeper
than two depths is laid out the same at both (each group in one column), so a
depth measured after another takes that subtree's contour from it instead of
laying it again.

Every number is computed by the same code, from the same inputs, as a full
:func:`.layout.layout_tree` after :func:`.layout.fit_depth`: the positions
are identical, not merely close.

Use: ``live = LiveLayout(chart, sizes(...), fit)``; pass every change the
chart announces to :meth:`LiveLayout.note` as it comes (``chart.subscribe(live.note)``),
then ``moved = live.update()`` gives the roles whose box moved (or is new),
``live.rerouted`` the managers whose lines to redraw and ``live.layout`` the
layout, whose containers the next update changes in place.

While collapsed managers hide some roles, ``live.folded(chart.hidden_roles())``
gives the layout of the roles shown, each collapsed manager a leaf (as
:meth:`.layout.Tree.folded`), at the whole chart's column depth: made from
the whole chart's contours (only the managers above a collapsed one are laid
again) and kept the same way while the same roles stay hidden.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import AbstractSet, Callable, Iterable, Mapping, NamedTuple

from .chart import REMOVED, STRUCTURAL, UPDATED, Change, Chart
from .layout import Layout, _Contour, _extent, _forest_size, _merge, _Pass, _Sizes, choose_depth
from .role import is_assistant

#: Role fields whose change can move the role: whether it is an assistant.
SHAPE_FIELDS = frozenset({"category", "flags"})

#: How many reports apart a row keeps its merged contour, to resume merging from.
ROW_CHECKPOINT = 16

Manager = tuple[str, tuple[str, ...], tuple[str, ...], bool]


class Fit(NamedTuple):
    """How the column depth is chosen: the sizes the chart prints at, the page area, the largest scale."""

    sizes: _Sizes
    area: tuple[float, float]
    max_scale: float = math.inf


class _ChartView:
    """What a layout pass reads of the chart, read live rather than copied into a :class:`.layout.Tree`:
    the whole chart, or the roles shown while some managers are collapsed (``hidden``, as
    :meth:`.chart.Chart.hidden_roles` gives them; each collapsed manager a leaf, as :meth:`.layout.Tree.folded`)."""

    def __init__(self, chart: Chart, hidden: Mapping[str, str] | None = None) -> None:
        self.chart = chart
        self.hidden: Mapping[str, str] = hidden or {}
        self.folded = frozenset(self.hidden.values())
        #: Each manager's reports as :meth:`manager` gives them, kept until :meth:`forget` (every depth reads them).
        self._managers: dict[str, Manager] = {}

    def forget(self, ids: Iterable[str]) -> None:
        """Read the reports of ``ids`` afresh next time (they, or their reports, changed)."""
        for rid in ids:
            self._managers.pop(rid, None)

    @property
    def roots(self) -> tuple[str, ...]:
        return self.chart.roots()

    @property
    def arrangements(self) -> Mapping[str, int]:
        return self.chart.arrangements

    def children(self, rid: str | None) -> tuple[str, ...]:
        """The reports shown under ``rid`` (the top roles for ``None``)."""
        return () if rid in self.folded else self.chart.children(rid)

    def child_count(self, rid: str | None) -> int:
        return 0 if rid in self.folded else self.chart.child_count(rid)

    def shown(self) -> list[str]:
        """Every role shown, managers before their reports."""
        hidden = self.hidden
        return [rid for rid in self.chart.tree_order() if rid not in hidden] if hidden else self.chart.tree_order()

    def manager(self, rid: str) -> Manager:
        """``rid``'s assistants, its other reports and whether those have no reports, as :attr:`Tree.managers`."""
        kept = self._managers.get(rid)
        if kept is not None:
            return kept
        chart = self.chart
        roles, count = chart.roles, chart.child_count
        kids = chart.children(rid)
        helpers = tuple(k for k in kids if not count(k) and is_assistant(roles[k]))
        reports = tuple(k for k in kids if k not in helpers) if helpers else kids
        kept = self._managers[rid] = rid, helpers, reports, not any(count(k) for k in reports)
        return kept

    @property
    def managers(self) -> list[Manager]:
        count = self.child_count
        return [self.manager(rid) for rid in reversed(self.shown()) if count(rid)]


class _KeptPass(_Pass):
    """A pass whose subtree contours outlive their use by the manager: merging works on copies."""

    def __init__(self, view: _ChartView, sizes: _Sizes, depth: int, place: bool) -> None:
        self.sizes = sizes
        self._leaf_shape = self._leaf()
        #: Per manager whose reports make a row: those reports, the row merged up to every
        #: ``ROW_CHECKPOINT``-th one (before it), and their centres.
        self._rows: dict[str, tuple[tuple[str, ...], dict[int, _Contour], list[float]]] = {}
        self._relaid: set[str] = set()  # the subtrees re-laid in this refresh
        self._rid = ""
        self._kept_row: tuple[tuple[str, ...], dict[int, _Contour], list[float]] | None = None  # the row being re-laid
        super().__init__(view, sizes, depth, place)  # type: ignore[arg-type]
        #: The roles to lay out again at the next refresh, with the managers above them.
        self.stale: set[str] = set()
        #: Of those, the ones whose own reports changed; the others are laid again only when a report's subtree
        #: comes out of the refresh different.
        self.direct: set[str] = set()
        #: The managers whose reports went from a row to columns or back since the layout's update began.
        self.flipped: set[str] = set()

    def contour(self, rid: str) -> _Contour:
        return _copy(self._kept(rid))

    def _kept(self, rid: str) -> _Contour:
        """The contour kept for ``rid``'s subtree (a leaf's as _leaf() makes it), not to be changed."""
        kept = self.contours.get(rid)
        return self._leaf_shape if kept is None else kept

    def _subtree(self, rid: str, helpers: tuple[str, ...], reports: tuple[str, ...], leafy: bool) -> _Contour:
        self._rid = rid
        self._kept_row = self._rows.pop(rid, None)  # kept again if its reports make a row
        return super()._subtree(rid, helpers, reports, leafy)

    def _merged(self, reports: tuple[str, ...]) -> tuple[_Contour, list[float]]:
        """As the full pass merges a row, resumed from the last checkpoint before the first report
        that is new in its place or was re-laid."""
        rid, relaid, kept = self._rid, self._relaid, self._kept_row
        checkpoints: dict[int, _Contour] = {}
        start = 0
        if kept is not None:
            old_reports, old_points, old_centres = kept
            same = _unchanged_lead(reports, old_reports, relaid)
            start = max((k for k in old_points if k <= same), default=0)
            checkpoints = {k: point for k, point in old_points.items() if k <= start}
        if start:
            contour, centres = _copy(checkpoints[start]), old_centres[:start]
        else:
            contour, centres = self.contour(reports[0]), [0.0]
        gap, step, kept_contour = self.sizes.h_gap, ROW_CHECKPOINT, self._kept
        for i in range(len(centres), len(reports)):
            if not i % step:
                checkpoints[i] = _copy(contour)
            new = kept_contour(reports[i])
            # merged into a row at least as deep, a report's contour is only read: copied only when it is deeper
            contour, offset = _merge(contour, new if len(contour.left) >= len(new.left) else _copy(new), gap)
            centres.append(offset)
        self._rows[rid] = (reports, checkpoints, centres)
        return contour, list(centres)

    def folded(self, view: _ChartView) -> "_KeptPass":
        """This pass for the roles ``view`` shows: what it keeps is shared (nothing kept is changed in place, only
        replaced), each collapsed manager is a leaf and the managers above them are laid again at the next refresh."""
        run = _KeptPass.__new__(_KeptPass)  # every attribute __init__ sets, without laying anything out
        run.tree, run.sizes, run.depth, run.place = view, self.sizes, self.depth, self.place  # type: ignore[assignment]
        run._leaf_shape = self._leaf_shape
        run.contours, run.rel_x, run.rel_y, run.rel_bus = (
            self.contours.copy(), self.rel_x.copy(), self.rel_y.copy(), self.rel_bus.copy())
        run.stacked = self.stacked.difference(view.hidden)
        run._rows = self._rows.copy()
        run._relaid, run._rid, run._kept_row = set(), "", None
        run.stale, run.direct, run.flipped = set(self.stale), set(self.direct), set()
        return run

    def forget(self, rid: str) -> None:
        """Drop everything kept about a role that left the chart."""
        self.contours.pop(rid, None)
        self.rel_x.pop(rid, None)
        self.rel_y.pop(rid, None)
        self.rel_bus.pop(rid, None)
        self.stacked.discard(rid)
        self.stale.discard(rid)
        self.direct.discard(rid)
        self._rows.pop(rid, None)

    def refresh(self, view: _ChartView, share: Callable[[str], "_KeptPass | None"] | None = None) -> list[str]:
        """Re-lay the stale subtrees, deepest first, each manager above them only while a subtree under it comes out
        different (laid out the same, its reports' subtrees lay it out the same); returns the roles re-laid.
        ``share`` names for a manager an up-to-date pass that lays its subtree out as this one does, to take it from."""
        chart = view.chart
        order = _deepest_first(chart, self.stale)
        direct, self.stale, self.direct = self.direct, set(), set()
        relaid = self._relaid = set()
        roles, contours = chart.roles, self.contours
        for rid in order:
            if rid not in direct:
                continue
            relaid.add(rid)
            before, was_stacked = contours.get(rid), rid in self.stacked
            self.stacked.discard(rid)
            self.rel_bus.pop(rid, None)
            donor = share(rid) if share is not None and view.child_count(rid) else None
            if donor is not None:
                self._take(donor, rid)
            elif view.child_count(rid):
                self.lay((view.manager(rid),))
            else:
                contours.pop(rid, None)
            if (rid in self.stacked) != was_stacked:
                self.flipped ^= {rid}
            if not _same(before, contours.get(rid)):
                direct.add(roles[rid].reports_to)  # type: ignore[arg-type]
        return [rid for rid in order if rid in relaid]

    def _take(self, donor: "_KeptPass", rid: str) -> None:
        """Keep for ``rid``'s subtree what ``donor`` keeps (the same numbers: nothing kept is changed in place)."""
        self.contours[rid] = donor.contours[rid]
        if rid in donor.rel_bus:
            self.rel_bus[rid] = donor.rel_bus[rid]
        if rid in donor.stacked:
            self.stacked.add(rid)
        row = donor._rows.get(rid)
        if row is None:
            self._rows.pop(rid, None)
        else:
            self._rows[rid] = row


def _unchanged_lead(reports: tuple[str, ...], old: tuple[str, ...], relaid: set[str]) -> int:
    """How many of a row's ``reports`` lead it as they led the ``old`` row, none of them re-laid."""
    same = min(len(reports), len(old))
    if reports[:same] != old[:same]:  # a report came, went or moved: find where
        same = next(i for i, (new, was) in enumerate(zip(reports, old)) if new != was)
    if len(relaid) < same:  # a few re-laid subtrees in a long row: look each up
        for rid in relaid:
            try:
                same = reports.index(rid, 0, same)
            except ValueError:
                pass
        return same
    return next((i for i, rid in enumerate(reports[:same]) if rid in relaid), same)


def _same(a: _Contour | None, b: _Contour | None) -> bool:
    """Whether two kept contours (``None``: a leaf's) are the same, number for number."""
    if a is None or b is None:
        return a is b
    return a.shift == b.shift and a.bottom == b.bottom and a.left == b.left and a.right == b.right


def _copy(contour: _Contour) -> _Contour:
    copy = _Contour(contour.bottom)
    copy.left, copy.right, copy.shift = contour.left.copy(), contour.right.copy(), contour.shift
    return copy


def _closure(chart: Chart, ids: Iterable[str]) -> set[str]:
    """``ids`` still in the chart and all their managers."""
    roles = chart.roles
    out: set[str] = set()
    for rid in ids:
        while rid is not None and rid in roles and rid not in out:
            out.add(rid)
            rid = roles[rid].reports_to
    return out


def _deepest_first(chart: Chart, ids: Iterable[str]) -> list[str]:
    """The closure of ``ids`` ordered so that every role comes before its manager."""
    closed = _closure(chart, ids)
    roles = chart.roles
    level: dict[str | None, int] = {None: -1}
    for rid in closed:
        path = []
        current: str | None = rid
        while current not in level:
            path.append(current)
            current = roles[current].reports_to  # type: ignore[index]
        base = level[current]
        for depth, node in enumerate(reversed(path), start=1):
            level[node] = base + depth
    return sorted(closed, key=level.__getitem__, reverse=True)


class LiveLayout:
    """The layout of a chart, brought up to date edit by edit (see the module documentation).

    ``box`` sizes the boxes laid out; ``fit`` chooses the column depth as
    :func:`.layout.fit_depth` does for the printed chart, else ``depth`` is used.
    :meth:`folded` makes one for the roles shown while collapsed managers hide others, as
    :meth:`.layout.Tree.folded` lays them out; an edit that changes which roles are hidden needs a new one.
    """

    def __init__(self, chart: Chart, box: _Sizes, fit: Fit | None = None, depth: int = 1) -> None:
        self._begin(chart, box, _ChartView(chart), fit, depth)
        self._passes: dict[tuple[_Sizes, int], _KeptPass] = {}
        self._parent = {rid: role.reports_to for rid, role in chart.roles.items()}
        self._dirty: set[str] = set()
        self._groups: dict[str, int] = {}
        self._group_sizes: Counter[int] = Counter()
        #: Per manager, the largest automatic group of leaves in its subtree (1: none): the depth from which on
        #: its subtree is laid out the same.
        self._deepest: dict[str, int] = {}
        self.assistants: set[str] = set()
        shown = self._view.shown()
        self._note_shapes(shown)
        self._note_deepest(reversed(shown))
        self.update()

    def _begin(self, chart: Chart, box: _Sizes, view: _ChartView, fit: Fit | None, depth: int) -> None:
        """What a layout starts from before its first update: nothing placed, everything to lay out."""
        self.chart, self.box, self.fit, self.fixed_depth = chart, box, fit, depth
        self._view = view
        self._stale = True  # something changed since the last update (a top role may change nothing else)
        self.depth = 0  # the depth placed; 0 before the first placement
        self._centre: dict[str, float] = {}
        self._top: dict[str, float] = {}
        self.positions: dict[str, tuple[float, float]] = {}
        self.buses: dict[str, float] = {}
        self._min_x = 0.0
        self._xs: Counter[float] = Counter()
        self._ys: Counter[float] = Counter()
        self.rerouted: frozenset[str] = frozenset()

    # --- what changed -------------------------------------------------------------

    def note(self, change: Change) -> None:
        """Record a change the chart announced; call it for every change, as it comes."""
        if change.kind not in STRUCTURAL and not (change.kind == UPDATED and change.fields & SHAPE_FIELDS):
            return
        roles = self.chart.roles
        self._stale = True
        for rid in change.role_ids:
            old = self._parent.get(rid)
            if old is not None:
                self._dirty.add(old)
            role = roles.get(rid)
            if role is not None:
                self._dirty.add(rid)
                self._parent[rid] = role.reports_to
                if role.reports_to is not None:  # its reports changed too
                    self._dirty.add(role.reports_to)
            elif change.kind == REMOVED and rid in self._parent:
                self._forget(rid)

    def folded(self, hidden: Mapping[str, str]) -> "LiveLayout":
        """The layout of the roles shown while the ``hidden`` ones are (:meth:`.chart.Chart.hidden_roles`), at this
        one's column depth, made from this one (up to date): only the managers above a collapsed one are laid again."""
        view = _ChartView(self.chart, hidden)
        live = LiveLayout.__new__(LiveLayout)  # as __init__ makes one, from this one's pass instead of a new one
        live._begin(self.chart, self.box, view, None, self.depth)
        live._passes = {(self.box, self.depth): self._passes[self.box, self.depth].folded(view)}
        live._parent = self._parent.copy()
        live._dirty = set(view.folded)
        live._groups, live._group_sizes, live._deepest = {}, Counter(), {}  # the depth is fixed: no page fit reads them
        live.assistants = self.assistants.difference(hidden)
        return live

    def set_fit(self, fit: Fit | None, depth: int = 1) -> None:
        """Choose the column depth another way (another page, or boxes of another size to print)."""
        if fit is not None and self.fit is not None and fit.sizes != self.fit.sizes:
            self._passes = {key: run for key, run in self._passes.items() if key[0] == self.box}
        self.fit, self.fixed_depth = fit, depth
        self.depth = -1  # fit again at the next update

    def _forget(self, rid: str) -> None:
        del self._parent[rid]
        for run in self._passes.values():
            run.forget(rid)
        self._set_group(rid, None)
        self._deepest.pop(rid, None)
        self.assistants.discard(rid)
        self._centre.pop(rid, None)
        self._top.pop(rid, None)
        self.buses.pop(rid, None)
        old = self.positions.pop(rid, None)
        if old is not None:
            self._count(old, -1)

    def _set_group(self, rid: str, size: int | None) -> None:
        old = self._groups.pop(rid, None)
        if old is not None:
            self._group_sizes[old] -= 1
            if not self._group_sizes[old]:
                del self._group_sizes[old]
        if size is not None:
            self._groups[rid] = size
            self._group_sizes[size] += 1

    def _note_shapes(self, changed: Iterable[str]) -> None:
        """Keep the assistants and the automatic leaf groups of the ``changed`` roles current."""
        chart, view, chosen = self.chart, self._view, self.chart.arrangements
        for rid in changed:
            if chart.roles[rid].reports_to is None:
                self.assistants.discard(rid)
            if not view.child_count(rid):
                self._set_group(rid, None)
                continue
            _, helpers, reports, leafy = view.manager(rid)
            self.assistants.difference_update(reports)
            self.assistants.update(helpers)
            self._set_group(rid, len(reports) if leafy and rid not in chosen else None)

    def _note_deepest(self, changed: Iterable[str]) -> None:
        """Keep :attr:`_deepest` current for the ``changed`` roles, given reports before their managers."""
        deepest, groups, view = self._deepest, self._groups, self._view
        for rid in changed:
            if not view.child_count(rid):
                deepest.pop(rid, None)
                continue
            _, _, reports, leafy = view.manager(rid)
            own = groups.get(rid, 1)
            deepest[rid] = own if leafy else max(own, max(deepest.get(k, 1) for k in reports))

    # --- bringing it up to date -----------------------------------------------------

    def _pass(self, sizes: _Sizes, depth: int) -> _KeptPass:
        run = self._passes.get((sizes, depth))
        if run is None:
            run = self._passes[sizes, depth] = _KeptPass(self._view, sizes, depth, place=sizes == self.box)
        elif run.stale:
            run.refresh(self._view, self._sharing(run))
        return run

    def _sharing(self, run: _KeptPass) -> Callable[[str], _KeptPass | None] | None:
        """For a pass measuring the fit, what :meth:`_KeptPass.refresh` may take a manager's subtree from: another
        measuring pass, up to date, at a depth at least as deep as the subtree's largest automatic group, as is
        ``run``'s."""
        donors = [other for other in self._passes.values()
                  if other is not run and not other.place and not other.stale and other.sizes == run.sizes]
        if run.place or not donors:
            return None
        deepest, depth = self._deepest, run.depth

        def share(rid: str) -> _KeptPass | None:
            need = deepest[rid]
            return next((d for d in donors if d.depth >= need), None) if need <= depth else None
        return share

    def _fitted_depth(self) -> int:
        fit = self.fit
        if fit is None:
            return self.fixed_depth
        if not self.chart.child_count(None):
            return 1
        deepest = max(self._group_sizes, default=1)
        return choose_depth(deepest, lambda d: _forest_size(self._pass(fit.sizes, d)), fit.area, fit.max_scale)[0]

    def update(self, change: Change | None = None) -> frozenset[str]:
        """Bring the layout up to date (after noting ``change``, if given); returns the roles that moved."""
        if change is not None:
            self.note(change)
        for kept in self._passes.values():
            kept.flipped.clear()
        if not self._stale and self.depth > 0:
            self.rerouted = frozenset()
            return frozenset()
        hidden = self._view.hidden  # what changes under a collapsed manager moves nothing shown
        roles = self.chart.roles
        direct = {r for r in self._dirty if r not in hidden and r in roles}  # changed, or their reports did
        changed = _closure(self.chart, direct)
        self._view.forget(self._dirty)  # a role removed is not in the closure
        self._view.forget(changed)
        self._dirty, self._stale = set(), False
        self._note_shapes(changed)
        self._note_deepest(_deepest_first(self.chart, changed))
        for run in self._passes.values():
            run.stale |= changed
            run.direct |= direct
        depth = self._fitted_depth()
        run = self._pass(self.box, depth)
        if run.stale:
            changed |= set(run.refresh(self._view))
        moved = self._place(run, changed, full=depth != self.depth)
        self.depth = depth
        rerouted = set(changed)
        rerouted.update(roles[m].reports_to for m in moved)
        rerouted.update(m for m in moved if self._view.child_count(m))
        rerouted.discard(None)  # type: ignore[arg-type]
        self.rerouted = frozenset(rerouted)
        return moved

    def flipped(self, stacked: AbstractSet[str]) -> set[str] | None:
        """If ``stacked`` is the stacked managers of a layout this one gave (kept, and changed in place): the
        managers in it, or no longer in it, since this one's last update began; else ``None``."""
        return next((run.flipped for run in self._passes.values() if run.stacked is stacked), None)

    def _place(self, run: _KeptPass, changed: set[str], full: bool) -> frozenset[str]:
        """Place top-down the roles under a re-laid manager; every role when ``full``."""
        chart = self.chart
        if not chart.child_count(None):
            return frozenset()
        forest, root_x = run.forest()
        min_x = _extent(forest)[0]
        centre, top, rel_x, rel_y = self._centre, self._top, run.rel_x, run.rel_y
        shifted: list[str] = []

        def put(rid: str, x: float, y: float) -> bool:
            if centre.get(rid) == x and top.get(rid) == y:
                return False
            centre[rid], top[rid] = x, y
            shifted.append(rid)
            return True

        stack = [r for r in chart.roots() if put(r, root_x[r], 0.0) or full or r in changed]
        children = self._view.children
        while stack:
            rid = stack.pop()
            cx, ty = centre[rid], top[rid]
            for kid in children(rid):
                if put(kid, cx + rel_x[kid], ty + rel_y[kid]) or full or kid in changed:
                    stack.append(kid)
        half = self.box.box_width / 2
        positions = self.positions
        if min_x != self._min_x or len(shifted) == len(centre):  # every role may move: count afresh
            self._min_x = min_x
            old_positions = dict(positions)
            positions.clear()
            positions.update((rid, (x - half - min_x, top[rid])) for rid, x in centre.items())
            self._xs = Counter(x for x, _ in positions.values())
            self._ys = Counter(y for _, y in positions.values())
            moved = [rid for rid, point in positions.items() if old_positions.get(rid) != point]
            shifted = list(centre) if full else shifted
        else:
            moved = self._move(shifted, half, min_x)
        rel_bus, buses = run.rel_bus, self.buses
        for rid in (changed | set(shifted)) if not full else centre:
            if rid in rel_bus:
                buses[rid] = top[rid] + rel_bus[rid]
            else:
                buses.pop(rid, None)
        return frozenset(moved)

    def _move(self, shifted: list[str], half: float, min_x: float) -> list[str]:
        """Put the ``shifted`` roles at their new places; returns those whose place changed."""
        centre, top, positions = self._centre, self._top, self.positions
        moved = []
        for rid in shifted:
            point = (centre[rid] - half - min_x, top[rid])
            old = positions.get(rid)
            if old != point:
                if old is not None:
                    self._count(old, -1)
                positions[rid] = point
                self._count(point, 1)
                moved.append(rid)
        return moved

    def _count(self, point: tuple[float, float], step: int) -> None:
        for counter, value in ((self._xs, point[0]), (self._ys, point[1])):
            counter[value] += step
            if not counter[value]:
                del counter[value]

    @property
    def layout(self) -> Layout:
        """The current layout; its positions, buses, stacked managers and assistants change with each update."""
        box = self.box
        if not self.positions:
            return Layout({}, 0.0, 0.0, box.box_width, box.box_height, box.h_gap, box.v_gap, depth=max(1, self.depth))
        run = self._passes[box, self.depth]
        return Layout(self.positions, max(self._xs) + box.box_width, max(self._ys) + box.box_height,
                      box.box_width, box.box_height, box.h_gap, box.v_gap, run.stacked, self.assistants,
                      self.buses, self.depth)


__all__ = ["Fit", "LiveLayout", "SHAPE_FIELDS"]
