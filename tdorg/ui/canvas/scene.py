"""The canvas scene: observes a chart and keeps one item per role current.

Changes announced by the chart are collected and applied in one ``flush``
(right after an undo-stack step, or at the next event-loop turn): changed
roles are redrawn, added and removed roles get or lose their item, and a
structural change brings the kept layout up to date (re-laying only the
subtrees it changed and the managers above them, :mod:`tdorg.model.layout_cache`)
and moves only the items whose place changed. Nothing is ever rebuilt from
scratch after the first load.

A collapsed manager's subtree keeps its items, hidden: collapsing or expanding
shows or hides them, lays out the tree with the manager as a leaf (at the
column depth the whole chart prints at, which a collapse does not change) and
folds the hidden roles' findings into the manager's badge. That layout of the
shown roles is made from the whole chart's (only the managers above a
collapsed one are laid again) and kept, like it, between edits that leave
the same roles hidden.

What the scene keeps current beside its boxes are objects of their own, each
in a module named for it: the changes collected until the flush
(:mod:`.pending_changes`), the kept layouts (:mod:`.kept_layouts`), the
reporting and dotted lines (:mod:`.line_drawing`), the findings badges
(:mod:`.badges`) and the collapsed subtrees with their toggles
(:mod:`.collapsed_subtrees`). The scene observes the chart and applies what
changed through them; nothing of it changes the chart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsScene

from tdorg.model.chart import Change, Chart
from tdorg.model.layout import Layout, is_assistant
from tdorg.model.layout_cache import Fit
from tdorg.model.role import Role
from tdorg.model.rules import Report

from ..widgets import style
from ..widgets.colour_scheme import on_scheme_change
from .badges import Badges
from . import items as canvas_items
from .collapsed_subtrees import CollapsedSubtrees
from .kept_layouts import KeptLayouts, empty_layout
from .line_drawing import DottedLineDrawing, ReportingLineDrawing
from .pending_changes import PendingChanges

if TYPE_CHECKING:
    from .items.collapse_toggle import CollapseToggle
    from .items.edge_items import DottedLine
    from .items.role_item import RoleItem

MARGIN = 80.0


class ChartScene(QGraphicsScene):
    """Role boxes, reporting lines and dotted lines of one chart."""

    #: Emitted after a re-layout with the shift of the anchor role (dx, dy).
    relayouted = Signal(float, float)
    #: Emitted after any flush that changed roles (ids touched).
    rolesChanged = Signal(list)
    #: Emitted after a flush that made boxes for new roles (their ids), before :attr:`rolesChanged`.
    rolesAdded = Signal(list)
    #: Emitted just before every item is removed to show another chart.
    aboutToReset = Signal()
    #: A click on a manager's collapse toggle (the manager's id).
    toggleRequested = Signal(str)
    #: Emitted when boxes moved or changed colour without an edit (another paper's arrangement, compare marks).
    redrawn = Signal()

    def __init__(self, parent=None, folding: bool = True) -> None:  # noqa: ANN001
        """``folding``: collapsed managers hide their subtrees and boxes have toggles (else every role shows)."""
        super().__init__(parent)
        self.folding = folding
        # A BSP tree: hit tests and repaints visit the boxes near the point or in view, not all of them
        # (boxes move only on a re-layout, where Qt updates the index; see bench/bench_navigation.py).
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setBackgroundBrush(QColor(style.CANVAS_BACKGROUND))  # a QBrush made here makes QGradient's enums
        self.chart: Chart | None = None
        self.layout: Layout = empty_layout()
        self._items: dict[str, RoleItem] = {}
        #: Where each role's item is (a hidden one where it was last shown).
        self._placed: dict[str, tuple[float, float]] = {}
        self._pending = PendingChanges(self)
        self._layouts = KeptLayouts()
        self._lines = ReportingLineDrawing(self)
        self._dotted = DottedLineDrawing(self)
        self._badges = Badges(self)
        self._collapsed = CollapsedSubtrees(self, self._lines, self._badges)
        self._unsubscribe = None
        self._feedback_id: str | None = None
        #: The paper (size, orientation, as the export names them) whose printed arrangement the canvas shows.
        self.paper = ("letter", "landscape")
        self.selectionChanged.connect(self._dotted.selection_changed)
        on_scheme_change(self.restyle)

    @property
    def show_all_dotted(self) -> bool:
        """Whether every dotted line shows, or only those of the selected roles (for very large charts)."""
        return self._dotted.show_all

    def restyle(self) -> None:
        """Paint the canvas again in the colours of the scheme now in use."""
        self.setBackgroundBrush(QColor(style.CANVAS_BACKGROUND))
        self._lines.restyle()
        for item in self._items.values():
            item.update()  # a box's cached picture is painted again
        self._dotted.update()

    # --- setting a chart ------------------------------------------------------

    def set_chart(self, chart: Chart, report: Report) -> None:
        """Show ``chart`` with the badges of ``report`` (its findings); later reports come to :meth:`show_report`."""
        self.detach()
        self.aboutToReset.emit()
        self.clear()
        self._items.clear()
        self._lines.reset()
        self._badges.reset(report)
        self._collapsed.reset()
        self._layouts.reset(chart)
        self._placed.clear()
        self.layout = empty_layout()  # every new item needs its place
        self.chart = chart
        self._dotted.reset(chart)
        self._unsubscribe = chart.subscribe(self._changed)
        for role in chart.roles.values():
            self._add_item(role)
        self._collapsed.fold()
        self._relayout(set(chart.roles))
        self._collapsed.sync_toggles(chart.roles)
        self._dotted.sync(None)
        self.show_report(report)

    def detach(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._pending.clear()

    # --- lookups ----------------------------------------------------------------

    def item(self, role_id: str) -> RoleItem | None:
        return self._items.get(role_id)

    def toggle(self, role_id: str) -> CollapseToggle | None:
        """The collapse toggle of manager ``role_id`` (roles without reports have none)."""
        return self._collapsed.toggles.get(role_id)

    def hidden_roles(self) -> dict[str, str]:
        """The roles collapsed managers hide, each with the shown manager it is folded into."""
        return self._collapsed.hidden

    def role_items(self) -> dict[str, RoleItem]:
        return self._items

    def dotted_items(self) -> dict[tuple[str, str], DottedLine]:
        return self._dotted.lines

    def role_at(self, pos: QPointF) -> str | None:
        """The role whose box contains scene point ``pos``."""
        for item in self.items(pos):
            if isinstance(item, canvas_items.RoleItem) and item.box_rect().contains(item.mapFromScene(pos)):
                return item.role_id
        return None

    def selected_role_ids(self) -> list[str]:
        return [i.role_id for i in self.selectedItems() if isinstance(i, canvas_items.RoleItem)]

    def selected_dotted(self) -> list[tuple[str, str]]:
        return [(i.source, i.target) for i in self.selectedItems() if isinstance(i, canvas_items.DottedLine)]

    def select_roles(self, role_ids: list[str] | tuple[str, ...]) -> None:
        self.blockSignals(True)
        self.clearSelection()
        for role_id in role_ids:
            item = self._items.get(role_id)
            if item is not None:
                item.setSelected(True)
        self.blockSignals(False)
        self.selectionChanged.emit()

    def bounding_rect_of(self, role_ids: list[str] | tuple[str, ...]) -> QRectF:
        rect = QRectF()
        for role_id in role_ids:
            item = self._items.get(role_id)
            if item is not None and item.isVisible():
                rect = rect.united(item.sceneBoundingRect())
        return rect

    # --- observing the chart ----------------------------------------------------

    def _changed(self, change: Change) -> None:
        self._layouts.note(change)
        self._pending.note(change)

    def flush(self, _index: int = 0) -> None:
        """Apply every collected change to the items (cheap when nothing changed)."""
        pending = self._pending
        pending.scheduled = False
        if self.chart is None or not pending.collected.any:
            return
        chart = self.chart
        collected = pending.take()
        touched, lined, structural, anchor = list(collected.touched), collected.lined, collected.structural, collected.anchor
        affected: set[str] = set()
        added: list[str] = []
        for role_id in touched:
            role = chart.roles.get(role_id)
            item = self._items.get(role_id)
            if role is None:
                if item is not None:
                    if item.role.reports_to is not None:
                        affected.add(item.role.reports_to)
                    self._drop_item(role_id)
            elif item is None:
                self._add_item(role)
                affected.add(role_id)
                added.append(role_id)
            else:
                if item.role.reports_to != role.reports_to and item.role.reports_to is not None:
                    affected.add(item.role.reports_to)
                if is_assistant(item.role) != is_assistant(role):  # it moves beside its manager, or back
                    structural = True
                    affected.add(role_id)
                    lined.add(role_id)
                item.set_role(role)
        moved: set[str] = set()
        fit, refit = self._layouts.new_fit(chart, self.paper)
        if not structural and refit:
            structural = True  # a taller (or no longer tallest) label resizes every printed box: the depth may change
        collapsed = self._collapsed
        if structural:
            affected.update(r for r in touched if r in chart.roles)
            hidden = collapsed.hidden
            affected |= collapsed.fold()
            if collapsed.hidden != hidden:
                self._layouts.hidden_changed()
            moved = self._relayout(affected, fit, lined)
            if anchor is not None and anchor[0] in self._items:
                shift = self._items[anchor[0]].pos() - anchor[1]
                self.relayouted.emit(shift.x(), shift.y())
            # the toggles of collapsed managers, and of those shown collapsed: their hidden roles may change
            collapsed.sync_toggles({*touched, *affected, *chart.collapsed, *collapsed.shown_collapsed})
        else:
            collapsed.sync_toggles(touched)  # a new title in a toggle's tooltip
        if collected.dotted or moved:
            self._dotted.sync(moved | set(touched))
        if added:
            self.rolesAdded.emit(added)
        self.rolesChanged.emit(touched)

    def _add_item(self, role: Role) -> None:
        """A box for ``role``, with the badge the latest report gives it."""
        item = canvas_items.RoleItem(role)
        badge = self._badges.badges.get(role.id)
        if badge is not None:
            item.set_severity(*badge[:2])
        self._items[role.id] = item
        self.addItem(item)

    def _drop_item(self, role_id: str) -> None:
        item = self._items.pop(role_id)
        self._collapsed.drop(role_id)
        self._placed.pop(role_id, None)
        self.removeItem(item)
        self._lines.drop(role_id)

    # --- layout -----------------------------------------------------------------

    def set_paper(self, page: str, orientation: str) -> None:
        """Show the arrangement that prints on ``page`` in ``orientation``."""
        if (page, orientation) == self.paper:
            return
        self.paper = (page, orientation)
        if self.chart is not None and self.chart.roles:
            moved = self._relayout(set())
            if moved:
                self._dotted.sync(moved)
                self.redrawn.emit()

    def _relayout(self, affected: set[str], fit: Fit | None = None, lined: Iterable[str] = ()) -> set[str]:
        """Re-run the layout (at ``fit``, when the caller has it); move items whose place changed and redraw
        their lines (those of the ``affected`` roles, and of the managers of the ``lined`` roles, whose line
        into their manager changed); returns the moved.

        A manager that moved by the same offset as all its reports has its lines moved, not drawn again.
        """
        assert self.chart is not None
        chart = self.chart
        old, hidden = self.layout, self._collapsed.hidden
        # the kept layout changes in place: what the lines were drawn for, before it does
        old_shown = set(old.positions) if old.positions is self._layouts.whole_positions() and hidden else old.positions
        # changed: the roles whose place may differ from their item's (None: any)
        layout, changed = self._layouts.update(chart, hidden, old, fit, self.paper)
        self.layout = layout
        roles, items, placed, positions = chart.roles, self._items, self._placed, layout.positions
        shift: dict[str, tuple[float, float] | None] = {}  # per moved role, by how much (None: placed anew)
        for role_id in positions if changed is None else changed:
            point = positions[role_id]
            before = placed.get(role_id)
            if before != point:
                items[role_id].setPos(*point)
                placed[role_id] = point
                shift[role_id] = None if before is None else (point[0] - before[0], point[1] - before[1])
        # managers shown before and after whose reports go from a row to columns or back (one shown again keeps
        # the lines it had where nothing moved)
        redraw = {m for m in self._layouts.restacked(old, layout) if m in old_shown and m in layout.positions}
        redraw.update(r for r in affected if r in roles)
        redraw.update(roles[r].reports_to for r in lined if r in roles)  # type: ignore[misc]
        self._lines.follow(chart, layout, shift, redraw)
        self.setSceneRect(QRectF(-MARGIN, -MARGIN, layout.width + 2 * MARGIN, layout.height + 2 * MARGIN))
        return set(shift)

    # --- dotted lines -------------------------------------------------------------

    def set_show_all_dotted(self, show_all: bool) -> None:
        """Show every dotted line, or only those of the selected roles (for very large charts)."""
        if show_all != self._dotted.show_all:
            self._dotted.show_all = show_all
            if self.chart is not None:
                self._dotted.sync(set())

    def dotted_count(self) -> int:
        assert self.chart is not None
        return self._dotted.count(self.chart)

    # --- findings -----------------------------------------------------------------

    def show_report(self, report: Report) -> None:
        """Badge the boxes with ``report``'s findings (a collapsed manager's badge counts its hidden roles' too)."""
        self._badges.show(report)

    def set_marks(self, marks: dict[str, frozenset[str]]) -> None:
        """Highlight roles by their kinds of change (compare view); roles not in ``marks`` are cleared."""
        for role_id, item in self._items.items():
            item.set_mark(marks.get(role_id))
        self.redrawn.emit()

    def drop_target(self) -> tuple[str, str] | None:
        """The box a drag shows its feedback on, and whether it accepts the drop (ACCEPT or REFUSE)."""
        item = self._items.get(self._feedback_id or "")
        return (item.role_id, item.drop_state) if item is not None and item.drop_state else None

    def drop_feedback(self, role_id: str | None, state: str | None) -> None:
        """Show (or clear, with ``None``) whether box ``role_id`` accepts a drop."""
        previous = self._items.get(self._feedback_id or "")
        if previous is not None and self._feedback_id != role_id:
            previous.set_drop_state(None)
        self._feedback_id = role_id
        if role_id is not None and role_id in self._items:
            self._items[role_id].set_drop_state(state)
