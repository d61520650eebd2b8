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
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from PySide6.QtCore import QPointF, QRectF, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QGraphicsScene

from tdorg.model.chart import ADDED, COLLAPSED, DOTTED, REMOVED, REORDERED, REPARENTED, STRUCTURAL, Change, Chart
from tdorg.model.layout import Layout, is_assistant, sizes
from tdorg.model.layout_cache import Fit, LiveLayout
from tdorg.model.role import Role
from tdorg.model.rules import Report, Severity

from ..widgets import style
from ..widgets.colour_scheme import on_scheme_change
from .items.collapse_toggle import CollapseToggle
from .items.edge_items import DottedLine, ManagerLines
from .items.role_item import BOX_HEIGHT, BOX_WIDTH, RoleItem

MARGIN = 80.0
#: Above this many dotted lines a chart shows only those of the selected roles at first.
MANY_DOTTED = 60


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
        self.setBackgroundBrush(QBrush(QColor(style.CANVAS_BACKGROUND)))
        self.chart: Chart | None = None
        self.layout: Layout = Layout({}, 0.0, 0.0, BOX_WIDTH, BOX_HEIGHT)
        self._items: dict[str, RoleItem] = {}
        self._lines: dict[str, ManagerLines] = {}
        self._dotted: dict[tuple[str, str], DottedLine] = {}
        self._badges: dict[str, tuple[Severity, int, int]] = {}
        self._toggles: dict[str, CollapseToggle] = {}
        #: Where each role's item is (a hidden one where it was last shown).
        self._placed: dict[str, tuple[float, float]] = {}
        #: Each role a collapsed manager hides, with the shown manager it is folded into.
        self._hidden: dict[str, str] = {}
        self._report = Report()
        #: The whole chart's layout, kept between edits: an edit re-lays only the subtrees it changed, and the
        #: column depth is the one the whole chart prints at (which a collapse does not change).
        self._live: LiveLayout | None = None
        #: The shown roles' layout while some are hidden, kept between edits that leave the same roles hidden.
        self._folded: LiveLayout | None = None
        #: Each role's label height in print, kept as roles change (the tallest sizes the printed boxes),
        #: and the roles changed since they were measured.
        self._label_heights: dict[str, float] = {}
        self._heights: Counter[float] = Counter()  # how many roles have each label height
        self._unmeasured: set[str] = set()
        #: The managers whose toggle shows them collapsed.
        self._shown_collapsed: set[str] = set()
        self._unsubscribe = None
        self._touched: dict[str, None] = {}
        #: The roles whose line into their manager an edit changed (added, moved to another manager or place).
        self._lined: set[str] = set()
        self._structural = False
        self._dotted_dirty = False
        self._other = False
        self._anchor: tuple[str, QPointF] | None = None
        self._scheduled = False
        self._feedback_id: str | None = None
        self.show_all_dotted = True
        #: The paper (size, orientation, as the export names them) whose printed arrangement the canvas shows.
        self.paper = ("letter", "landscape")
        self.selectionChanged.connect(self._selection_changed)
        on_scheme_change(self.restyle)

    def restyle(self) -> None:
        """Paint the canvas again in the colours of the scheme now in use."""
        self.setBackgroundBrush(QBrush(QColor(style.CANVAS_BACKGROUND)))
        for line in self._lines.values():
            line.restyle()
        for item in (*self._items.values(), *self._dotted.values()):
            item.update()  # a box's cached picture is painted again

    # --- setting a chart ------------------------------------------------------

    def set_chart(self, chart: Chart, report: Report) -> None:
        """Show ``chart`` with the badges of ``report`` (its findings); later reports come to :meth:`show_report`."""
        self.detach()
        self.aboutToReset.emit()
        self.clear()
        self._items.clear()
        self._lines.clear()
        self._dotted.clear()
        self._badges.clear()
        self._toggles.clear()
        self._hidden, self._report, self._live, self._folded = {}, report, None, None
        self._label_heights.clear()
        self._heights.clear()
        self._shown_collapsed.clear()
        self._unmeasured = set(chart.roles)
        self._placed.clear()
        self.layout = Layout({}, 0.0, 0.0, BOX_WIDTH, BOX_HEIGHT)  # every new item needs its place
        self.chart = chart
        self.show_all_dotted = self.dotted_count() <= MANY_DOTTED
        self._unsubscribe = chart.subscribe(self._changed)
        for role in chart.roles.values():
            self._add_item(role)
        self._fold()
        self._relayout(set(chart.roles))
        self._sync_toggles(chart.roles)
        self._sync_dotted(None)
        self.show_report(report)

    def detach(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._touched.clear()
        self._lined.clear()
        self._structural = self._dotted_dirty = self._other = False
        self._anchor = None

    # --- lookups ----------------------------------------------------------------

    def item(self, role_id: str) -> RoleItem | None:
        return self._items.get(role_id)

    def toggle(self, role_id: str) -> CollapseToggle | None:
        """The collapse toggle of manager ``role_id`` (roles without reports have none)."""
        return self._toggles.get(role_id)

    def hidden_roles(self) -> dict[str, str]:
        """The roles collapsed managers hide, each with the shown manager it is folded into."""
        return self._hidden

    def role_items(self) -> dict[str, RoleItem]:
        return self._items

    def dotted_items(self) -> dict[tuple[str, str], DottedLine]:
        return self._dotted

    def role_at(self, pos: QPointF) -> str | None:
        """The role whose box contains scene point ``pos``."""
        for item in self.items(pos):
            if isinstance(item, RoleItem) and item.box_rect().contains(item.mapFromScene(pos)):
                return item.role_id
        return None

    def selected_role_ids(self) -> list[str]:
        return [i.role_id for i in self.selectedItems() if isinstance(i, RoleItem)]

    def selected_dotted(self) -> list[tuple[str, str]]:
        return [(i.source, i.target) for i in self.selectedItems() if isinstance(i, DottedLine)]

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
        for role_id in change.role_ids:
            self._touched[role_id] = None
            self._unmeasured.add(role_id)  # measured again at the next layout
        if change.kind != COLLAPSED:
            if self._live is not None:
                self._live.note(change)
            if self._folded is not None:
                self._folded.note(change)
        if change.kind in (ADDED, REPARENTED, REORDERED) and change.role_ids:
            self._lined.add(change.role_ids[0])  # the others named are its managers, or its reports and dotted lines
        if change.kind in STRUCTURAL or change.kind == COLLAPSED:
            if not self._structural:
                self._anchor = self._anchor_for(change)
            self._structural = True
            self._dotted_dirty = True
        if change.kind in (DOTTED, REMOVED):
            self._dotted_dirty = True
        self._other = True
        if not self._scheduled:
            self._scheduled = True
            QTimer.singleShot(0, self.flush)

    def _anchor_for(self, change: Change) -> tuple[str, QPointF] | None:
        """The role that should stay put on screen across the coming re-layout."""
        assert self.chart is not None
        ids = change.role_ids
        candidates: list[str | None] = []
        if change.kind == COLLAPSED:  # the toggled box stays under the pointer
            candidates.append(ids[0])
        elif change.kind == REPARENTED and len(ids) >= 3:
            candidates.append(ids[2])
        elif change.kind == REMOVED and ids and ids[0] in self._items:
            candidates.append(self._items[ids[0]].role.reports_to)
        elif change.kind in (REORDERED,) or ids:
            role = self.chart.roles.get(ids[0]) if ids else None
            candidates.append(role.reports_to if role is not None else None)
        candidates.extend(self.selected_role_ids()[:1])
        candidates.extend(ids[:1])
        for candidate in candidates:
            if candidate is not None and candidate in self._items:
                return candidate, self._items[candidate].pos()
        return None

    def flush(self, _index: int = 0) -> None:
        """Apply every collected change to the items (cheap when nothing changed)."""
        self._scheduled = False
        if self.chart is None or not self._other:
            return
        chart = self.chart
        touched, lined = list(self._touched), self._lined
        structural, dotted_dirty, anchor = self._structural, self._dotted_dirty, self._anchor
        self._lined = set()
        self._touched.clear()
        self._structural = self._dotted_dirty = self._other = False
        self._anchor = None
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
        fit = self._printed_fit(chart) if self._live is not None and chart.roles else None
        if not structural and fit is not None and fit != self._live.fit:  # type: ignore[union-attr]
            structural = True  # a taller (or no longer tallest) label resizes every printed box: the depth may change
        if structural:
            affected.update(r for r in touched if r in chart.roles)
            hidden = self._hidden
            affected |= self._fold()
            if self._hidden != hidden:
                self._folded = None  # made again from the whole chart's layout
            moved = self._relayout(affected, fit, lined)
            if anchor is not None and anchor[0] in self._items:
                shift = self._items[anchor[0]].pos() - anchor[1]
                self.relayouted.emit(shift.x(), shift.y())
            # the toggles of collapsed managers, and of those shown collapsed: their hidden roles may change
            self._sync_toggles({*touched, *affected, *chart.collapsed, *self._shown_collapsed})
        else:
            self._sync_toggles(touched)  # a new title in a toggle's tooltip
        if dotted_dirty or moved:
            self._sync_dotted(moved | set(touched))
        if added:
            self.rolesAdded.emit(added)
        self.rolesChanged.emit(touched)

    def _add_item(self, role: Role) -> None:
        """A box for ``role``, with the badge the latest report gives it."""
        item = RoleItem(role)
        badge = self._badges.get(role.id)
        if badge is not None:
            item.set_severity(*badge[:2])
        self._items[role.id] = item
        self.addItem(item)

    def _drop_item(self, role_id: str) -> None:
        item = self._items.pop(role_id)
        self._toggles.pop(role_id, None)  # removed with its box
        self._shown_collapsed.discard(role_id)
        self._placed.pop(role_id, None)
        self.removeItem(item)
        lines = self._lines.pop(role_id, None)
        if lines is not None:
            self.removeItem(lines)

    # --- layout -----------------------------------------------------------------

    def set_paper(self, page: str, orientation: str) -> None:
        """Show the arrangement that prints on ``page`` in ``orientation``."""
        if (page, orientation) == self.paper:
            return
        self.paper = (page, orientation)
        if self.chart is not None and self.chart.roles:
            moved = self._relayout(set())
            if moved:
                self._sync_dotted(moved)
                self.redrawn.emit()

    def _printed_fit(self, chart: Chart) -> Fit:
        """How the whole chart's column depth is chosen: its printed boxes (sized by the tallest label, measured
        again for the roles changed since) on the canvas's paper."""
        from tdorg.export.errors import ExportOptionError
        from tdorg.export.graphviz.dot import box_for, canvas_fit  # leaves stacked as the printed chart has them
        from tdorg.export.labels import label_height
        from tdorg.export.options import ExportOptions

        try:
            paper = ExportOptions(page=self.paper[0], orientation=self.paper[1])
        except ExportOptionError:  # a remembered paper this version does not know
            paper = ExportOptions()
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
        return canvas_fit(box_for(max(counts)), paper)

    def _whole_layout(self, chart: Chart, fit: Fit | None = None) -> tuple[LiveLayout, frozenset[str]]:
        """The whole chart's layout, brought up to date, at the column depth it prints at on the canvas's paper
        (``fit``, when the caller has it); and the roles whose place in it changed."""
        fit = fit or self._printed_fit(chart)
        if self._live is None:
            self._live = LiveLayout(chart, sizes(BOX_WIDTH, BOX_HEIGHT), fit)
            return self._live, frozenset(chart.roles)
        if fit != self._live.fit:
            self._live.set_fit(fit)
        return self._live, self._live.update()

    def _relayout(self, affected: set[str], fit: Fit | None = None, lined: Iterable[str] = ()) -> set[str]:
        """Re-run the layout (at ``fit``, when the caller has it); move items whose place changed and redraw
        their lines (those of the ``affected`` roles, and of the managers of the ``lined`` roles, whose line
        into their manager changed); returns the moved.

        A manager that moved by the same offset as all its reports has its lines moved, not drawn again.
        """
        assert self.chart is not None
        chart = self.chart
        old = self.layout
        kept = self._live.positions if self._live is not None else None
        # the kept layout changes in place: what the lines were drawn for, before it does
        old_stacked = set(old.stacked)
        old_shown = set(old.positions) if old.positions is kept and self._hidden else old.positions
        changed: Iterable[str] | None = None  # the roles whose place may differ from their item's (None: any)
        if not chart.roles:  # an empty chart has no columns (and needs nothing of the export stack)
            layout = Layout({}, 0.0, 0.0, BOX_WIDTH, BOX_HEIGHT)
        elif self._hidden:
            whole = self._whole_layout(chart, fit)[0]
            folded = self._folded
            if folded is None:  # made from the whole chart's: only the managers above collapsed ones change
                folded = self._folded = whole.folded(self._hidden)
            elif whole.depth != folded.fixed_depth:
                folded.set_fit(None, whole.depth)
            moved = folded.update()
            layout = folded.layout
            if old.positions is folded.positions:  # as below
                changed = moved
        else:
            whole, moved = self._whole_layout(chart, fit)
            layout = whole.layout
            if old.positions is kept:  # the items stand where the kept layout had them: only the moved move
                changed = moved
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
        redraw = {m for m in old_stacked.symmetric_difference(layout.stacked) if m in old_shown and m in layout.positions}
        redraw.update(r for r in affected if r in roles)
        redraw.update(roles[r].reports_to for r in lined if r in roles)  # type: ignore[misc]
        managers = set(shift)
        managers.update(roles[r].reports_to for r in shift)  # type: ignore[misc]
        managers.discard(None)  # type: ignore[arg-type]
        count = chart.child_count
        for manager in managers - redraw:
            offset, lines = shift.get(manager), self._lines.get(manager)
            if lines is None and not count(manager):
                continue  # a moved box without reports has no lines
            if offset is not None and lines is not None and all(shift.get(k) == offset for k in chart.children(manager)):
                lines.moveBy(*offset)
            else:
                redraw.add(manager)
        redraw.discard(None)  # type: ignore[arg-type]
        for manager in redraw:
            self._route(manager)
        self.setSceneRect(QRectF(-MARGIN, -MARGIN, layout.width + 2 * MARGIN, layout.height + 2 * MARGIN))
        return set(shift)

    # --- collapsed managers ---------------------------------------------------------

    def _fold(self) -> set[str]:
        """Hide the items (and lines) of the roles collapsed managers hide now, show those they no longer hide;
        returns the managers shown again that have no lines (they changed while hidden)."""
        assert self.chart is not None
        chart = self.chart
        hidden = chart.hidden_roles() if chart.collapsed and self.folding else {}
        if not hidden and not self._hidden:
            return set()
        items, all_lines = self._items, self._lines
        unlined: set[str] = set()
        for role_id in self._hidden.keys() - hidden.keys():
            if role_id in items:
                items[role_id].setVisible(True)  # where it was: the layout moves it if its place changed
                lines = all_lines.get(role_id)
                if lines is not None:
                    lines.setVisible(True)
                elif chart.child_count(role_id):
                    unlined.add(role_id)
        for role_id in hidden.keys() - self._hidden.keys():
            items[role_id].setVisible(False)
            lines = all_lines.get(role_id)
            if lines is not None:
                lines.setVisible(False)
        self._hidden = hidden
        self.show_report(self._report)  # findings of hidden roles go to the box they are folded into
        return unlined

    def _sync_toggles(self, role_ids: Iterable[str]) -> None:
        """Give the managers among ``role_ids`` their toggle, showing how many roles each collapsed one hides;
        take it from roles left without reports."""
        assert self.chart is not None
        chart = self.chart
        for role_id in role_ids if self.folding else ():
            item = self._items.get(role_id)
            toggle = self._toggles.get(role_id)
            if item is None or not chart.child_count(role_id):
                if toggle is not None:
                    self.removeItem(self._toggles.pop(role_id))
                self._shown_collapsed.discard(role_id)
                continue
            if toggle is None:
                toggle = self._toggles[role_id] = CollapseToggle(item, self.toggleRequested.emit)
            collapsed = chart.is_collapsed(role_id)
            hidden = len(chart.descendants(role_id)) if collapsed else 0
            toggle.set_state(collapsed, hidden, item.role.title)
            (self._shown_collapsed.add if collapsed else self._shown_collapsed.discard)(role_id)
            item.set_folded(self._badges.get(role_id, (None, 0, 0))[2], hidden)

    def _route(self, manager: str) -> None:
        assert self.chart is not None
        shown = manager not in self._hidden and not (self.folding and self.chart.is_collapsed(manager))
        reports = self.chart.children(manager) if shown else ()
        lines = self._lines.get(manager)
        if not reports:
            if lines is not None:
                self.removeItem(lines)
                del self._lines[manager]
            return
        if lines is None:
            lines = ManagerLines(manager)
            self._lines[manager] = lines
            self.addItem(lines)
        lines.setPos(0, 0)  # drawn where the layout puts it, after any move
        lines.route(self.layout, reports)

    # --- dotted lines -------------------------------------------------------------

    def set_show_all_dotted(self, show_all: bool) -> None:
        """Show every dotted line, or only those of the selected roles (for very large charts)."""
        if show_all != self.show_all_dotted:
            self.show_all_dotted = show_all
            if self.chart is not None:
                self._sync_dotted(set())

    def dotted_count(self) -> int:
        assert self.chart is not None
        return sum(len(r.dotted_to) for r in self.chart.roles.values())

    def _wanted_dotted(self) -> set[tuple[str, str]]:
        assert self.chart is not None
        chart = self.chart
        roles = chart.roles
        hidden = self._hidden
        if self.show_all_dotted:
            if hidden:  # a line to a hidden role is not drawn
                return {(r.id, t) for r in roles.values() if r.id not in hidden for t in r.dotted_to if t not in hidden}
            return {(r.id, t) for r in roles.values() for t in r.dotted_to}
        wanted = {
            key for key, line in self._dotted.items()
            if line.isSelected() and key[0] in roles and key[1] in roles[key[0]].dotted_to
        }
        for item in self.selectedItems():
            if isinstance(item, RoleItem) and item.role_id in roles:
                role_id = item.role_id
                wanted.update((role_id, t) for t in roles[role_id].dotted_to)
                wanted.update((s, role_id) for s in chart.dotted_reports(role_id))
        return {key for key in wanted if key[0] not in hidden and key[1] not in hidden} if hidden else wanted

    def _sync_dotted(self, only: set[str] | None) -> None:
        """Add and remove dotted-line items; re-route new ones and those touching ``only`` (None: all)."""
        assert self.chart is not None
        roles = self.chart.roles
        wanted = self._wanted_dotted()
        for key in [k for k in self._dotted if k not in wanted]:
            self.removeItem(self._dotted.pop(key))
        for key in wanted:
            line = self._dotted.get(key)
            if line is None:
                line = DottedLine(*key)
                self._dotted[key] = line
                self.addItem(line)
            elif only is not None and key[0] not in only and key[1] not in only:
                continue
            source, target = roles[key[0]], roles[key[1]]
            line.set_ends(
                self._box(key[0]),
                self._box(key[1]),
                f"Dotted line: “{source.title}” → “{target.title}”\nSelect it and press Delete to remove it.",
            )

    def _selection_changed(self) -> None:
        if not self.show_all_dotted and self.chart is not None:
            self._sync_dotted(set())

    def _box(self, role_id: str) -> QRectF:
        x, y = self.layout.positions[role_id]
        return QRectF(x, y, BOX_WIDTH, BOX_HEIGHT)

    # --- findings -----------------------------------------------------------------

    def show_report(self, report: Report) -> None:
        """Badge the boxes with ``report``'s findings: the worst severity of each role and how many.

        A collapsed manager's badge counts the findings of its hidden roles too
        (each finding once), and how many of them are in those roles.
        """
        self._report = report
        folded = self._hidden
        badges: dict[str, tuple[Severity, int, int]] = {}
        for finding in report.findings:
            severity = finding.severity
            if folded:
                boxes: dict[str, bool] = {}  # the box showing each named role, and whether the role is hidden
                for role_id in finding.role_ids:
                    box = folded.get(role_id, role_id)
                    boxes[box] = boxes.get(box, False) or box != role_id
            else:
                boxes = dict.fromkeys(finding.role_ids, False)
            for box, inside in boxes.items():
                current = badges.get(box)
                if current is None:
                    badges[box] = (severity, 1, int(inside))
                else:
                    badges[box] = (max(current[0], severity), current[1] + 1, current[2] + inside)
        for role_id in set(self._badges) | set(badges):
            if self._badges.get(role_id) != badges.get(role_id):
                item = self._items.get(role_id)
                if item is not None:
                    severity, count, inside = badges.get(role_id, (None, 0, 0))
                    item.set_severity(severity, count)
                    item.set_folded(inside, item.folded[1])
        self._badges = badges

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
