"""The layouts the canvas keeps between edits, at the column depth the whole chart prints at on the canvas's paper."""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Mapping

from tdorg.model.chart import COLLAPSED, Change, Chart
from tdorg.model.layout import Layout, sizes
from tdorg.model.layout_cache import Fit, LiveLayout

from .items.constants import BOX_HEIGHT, BOX_WIDTH


def empty_layout() -> Layout:
    """The layout of no roles (a new item needs its place)."""
    return Layout({}, 0.0, 0.0, BOX_WIDTH, BOX_HEIGHT)


class KeptLayouts:
    """The whole chart's layout, kept between edits: an edit re-lays only the subtrees it changed, and the column
    depth is the one the whole chart prints at (which a collapse does not change); the shown roles' layout while some
    are hidden, made from the whole chart's (only the managers above a collapsed one are laid again) and kept between
    edits that leave the same roles hidden; and each role's label height in print, kept as roles change (the tallest
    sizes the printed boxes)."""

    def __init__(self) -> None:
        self._live: LiveLayout | None = None
        self._folded: LiveLayout | None = None
        self._label_heights: dict[str, float] = {}
        self._heights: Counter[float] = Counter()  # how many roles have each label height
        #: The roles changed since their label was measured.
        self._unmeasured: set[str] = set()

    def reset(self, chart: Chart) -> None:
        """Keep nothing but that every role of ``chart``, shown next, is to be measured."""
        self._live = self._folded = None
        self._label_heights.clear()
        self._heights.clear()
        self._unmeasured = set(chart.roles)

    def note(self, change: Change) -> None:
        """Record a change the chart announced, as it comes."""
        self._unmeasured.update(change.role_ids)  # measured again at the next layout
        if change.kind != COLLAPSED:
            if self._live is not None:
                self._live.note(change)
            if self._folded is not None:
                self._folded.note(change)

    def hidden_changed(self) -> None:
        """Other roles are hidden now: the shown roles' layout is made again from the whole chart's."""
        self._folded = None

    def new_fit(self, chart: Chart, paper: tuple[str, str]) -> tuple[Fit | None, bool]:
        """The printed fit (``None`` before the first layout or for an empty chart) and whether it differs from the
        one the whole chart is laid out at: a taller (or no longer tallest) label resizes every printed box."""
        if self._live is None or not chart.roles:
            return None, False
        fit = self._printed_fit(chart, paper)
        return fit, fit != self._live.fit

    def whole_positions(self) -> dict[str, tuple[float, float]] | None:
        """The whole chart's positions, changed in place by each update (``None`` before the first)."""
        return self._live.positions if self._live is not None else None

    def update(self, chart: Chart, hidden: Mapping[str, str], old: Layout, fit: Fit | None,
               paper: tuple[str, str]) -> tuple[Layout, Iterable[str] | None]:
        """The layout of the roles shown (at ``fit``, when the caller has it), brought up to date; and the roles whose
        place may differ from where the ``old`` layout put them (``None``: any)."""
        kept = self.whole_positions()
        if not chart.roles:  # an empty chart has no columns (and needs nothing of the export stack)
            return empty_layout(), None
        if hidden:
            whole = self._whole(chart, fit, paper)[0]
            folded = self._folded
            if folded is None:  # made from the whole chart's: only the managers above collapsed ones change
                folded = self._folded = whole.folded(hidden)
            elif whole.depth != folded.fixed_depth:
                folded.set_fit(None, whole.depth)
            moved = folded.update()
            # the items stand where the kept layout had them: only the moved move
            return folded.layout, moved if old.positions is folded.positions else None
        whole, moved = self._whole(chart, fit, paper)
        return whole.layout, moved if old.positions is kept else None

    def restacked(self, old: Layout, new: Layout) -> set[str]:
        """The managers whose reports make a row in one layout and columns in the other: ``old`` as the last update
        gave it, ``new`` as the one since did (their stacked managers are kept sets, changed in place by the updates:
        only the managers whose stacking changed are read when both are the same set)."""
        kept = [live for live in (self._live, self._folded) if live is not None]
        if old.stacked is new.stacked:
            return set(next((f for live in kept if (f := live.flipped(new.stacked)) is not None), ()))
        was = set(old.stacked).symmetric_difference(
            next((f for live in kept if (f := live.flipped(old.stacked)) is not None), ()))
        return was.symmetric_difference(new.stacked)

    def _printed_fit(self, chart: Chart, paper: tuple[str, str]) -> Fit:
        """How the whole chart's column depth is chosen: its printed boxes (sized by the tallest label, measured
        again for the roles changed since) on ``paper`` (size and orientation, as the export names them)."""
        from tdorg.export.errors import ExportOptionError
        from tdorg.export.graphviz.dot import box_for, canvas_fit  # leaves stacked as the printed chart has them
        from tdorg.export.labels import label_height
        from tdorg.export.options import ExportOptions

        try:
            options = ExportOptions(page=paper[0], orientation=paper[1])
        except ExportOptionError:  # a remembered paper this version does not know
            options = ExportOptions()
        heights, counts, roles = self._label_heights, self._heights, chart.roles
        for role_id in self._unmeasured:
            old = heights.pop(role_id, None)
            if old is not None:
                counts[old] -= 1
                if not counts[old]:
                    del counts[old]
            if role_id in roles:
                height = heights[role_id] = label_height(roles[role_id])
                counts[height] += 1
        self._unmeasured.clear()
        return canvas_fit(box_for(max(counts)), options)

    def _whole(self, chart: Chart, fit: Fit | None, paper: tuple[str, str]) -> tuple[LiveLayout, frozenset[str]]:
        """The whole chart's layout, brought up to date, at the column depth it prints at on ``paper`` (``fit``,
        when the caller has it); and the roles whose place in it changed."""
        fit = fit or self._printed_fit(chart, paper)
        if self._live is None:
            self._live = LiveLayout(chart, sizes(BOX_WIDTH, BOX_HEIGHT), fit)
            return self._live, frozenset(chart.roles)
        if fit != self._live.fit:
            self._live.set_fit(fit)
        return self._live, self._live.update()


__all__ = ["KeptLayouts", "empty_layout"]
