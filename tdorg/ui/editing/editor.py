"""Turning gestures into undo commands, and refused edits into messages.

The canvas, the palette and the panels call these methods; each builds one
:class:`~tdorg.ui.editing.undo_command.EditCommand` of model
operations (:mod:`tdorg.model.edits`) and pushes it. A refused edit never
raises out of here: the model's sentence is emitted on ``refused`` (shown in
the status bar) and the chart stays as it was.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from tdorg.model.chart import Chart
from tdorg.model.arrangement import describe_arrangement
from tdorg.model.district import District
from tdorg.model.edit_texts import quoted
from tdorg.model.edits import (
    AddDotted,
    AddRole,
    MoveSibling,
    Op,
    RemoveDotted,
    RemoveRole,
    Reparent,
    SetArrangement,
    SetCollapsed,
    SetDistrict,
    UpdateRole,
)
from tdorg.model.errors import EditError
from tdorg.model.new_roles import new_role
from tdorg.model.vocab import CATEGORIES

from .undo_command import EditCommand, push


class Editor(QObject):
    """Edits of one chart through one undo stack."""

    #: A refused edit's sentence, for the status bar.
    refused = Signal(str)
    #: Roles a completed gesture wants selected (e.g. a new role).
    selectRequested = Signal(list)

    def __init__(self, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = stack
        self.chart: Chart | None = None

    # --- running ------------------------------------------------------------

    def run(self, text: str, ops: list[Op]) -> bool:
        """Apply ``ops`` as one undo step; report a refusal and return False."""
        if self.chart is None or not ops:
            return False
        try:
            push(self.stack, EditCommand(self.chart, text, ops))
        except EditError as error:
            self.refused.emit(str(error))
            return False
        return True

    def refuse(self, reason: str) -> None:
        """Say why a gesture is refused before it becomes an edit (a drop on a forbidden target)."""
        self.refused.emit(reason)

    def run_or_raise(self, text: str, ops: list[Op]) -> None:
        """Like :meth:`run` but let the ``EditError`` reach the caller (for inline errors)."""
        if self.chart is not None and ops:
            push(self.stack, EditCommand(self.chart, text, ops))

    def title(self, role_id: str) -> str:
        assert self.chart is not None
        return quoted(self.chart.role(role_id).title)

    # --- adding and removing --------------------------------------------------

    def add_role(self, category: str, manager_id: str | None, index: int | None = None) -> str | None:
        """Add a new (vacant) role of ``category``; returns its id."""
        if self.chart is None or category not in CATEGORIES:
            return None
        role = new_role(self.chart, category, manager_id)
        where = f" under {self.title(manager_id)}" if manager_id else ""
        if self.run(f"Add {quoted(role.title)}{where}", [AddRole(role, index), *self._opened(manager_id)]):
            self.selectRequested.emit([role.id])
            return role.id
        return None

    def delete(self, role_ids: list[str], dotted: list[tuple[str, str]] = ()) -> bool:  # type: ignore[assignment]
        """Delete roles (their reports move up) and dotted lines, as one step."""
        if self.chart is None:
            return False
        ids = [r for r in role_ids if r in self.chart]
        ops: list[Op] = []
        gone = set(ids)
        for source, target in dotted:
            if source not in gone and target not in gone:
                ops.append(RemoveDotted(source, target))
        ops.extend(RemoveRole(r) for r in ids)
        if len(ids) == 1 and not dotted:
            text = f"Delete {self.title(ids[0])}"
        elif not ids:
            text = "Delete dotted line" if len(ops) == 1 else f"Delete {len(ops)} dotted lines"
        else:
            text = f"Delete {len(ids)} roles" if not dotted else f"Delete {len(ids)} roles and dotted lines"
        return self.run(text, ops)

    # --- moving -----------------------------------------------------------------

    def top_moved(self, role_ids: list[str]) -> list[str]:
        """The selected roles that are not under another selected role."""
        assert self.chart is not None
        chosen = set(role_ids)
        return [r for r in role_ids if r in self.chart and not any(a in chosen for a in self.chart.ancestors(r))]

    def move_problem(self, role_ids: list[str], manager_id: str | None) -> str | None:
        """Why dropping ``role_ids`` on ``manager_id`` is refused, or None when allowed."""
        if self.chart is None:
            return "There is no chart open."
        for role_id in self.top_moved(role_ids):
            problem = self.chart.reparent_problem(role_id, manager_id)
            if problem is not None:
                return str(problem)
        return None

    def move(self, role_ids: list[str], manager_id: str | None, index: int | None = None) -> bool:
        """Re-parent roles under ``manager_id`` (at ``index`` among its reports)."""
        if self.chart is None:
            return False
        chart = self.chart
        moved = self.top_moved(role_ids)
        ops: list[Op] = []
        for n, role_id in enumerate(moved):
            position = None if index is None else index + n
            role = chart.role(role_id)
            if role.reports_to == manager_id and position is not None:
                current = chart.index_among_siblings(role_id)
                ops.append(MoveSibling(role_id, position - 1 if current < position else position))
            elif role.reports_to != manager_id:
                ops.append(Reparent(role_id, manager_id, position))
        if not ops:
            return False
        if any(isinstance(op, Reparent) for op in ops):
            ops.extend(self._opened(manager_id))
        if len(moved) == 1:
            target = f" under {self.title(manager_id)}" if manager_id else " to the top"
            text = f"Move {self.title(moved[0])}" + ("" if isinstance(ops[0], MoveSibling) else target)
        else:
            text = f"Move {len(moved)} roles"
        return self.run(text, ops)

    def shift_sibling(self, role_id: str, delta: int) -> bool:
        """Move a role one place left (-1) or right (+1) among its siblings."""
        if self.chart is None or role_id not in self.chart:
            return False
        index = self.chart.index_among_siblings(role_id) + delta
        siblings = self.chart.children(self.chart.role(role_id).reports_to)
        if not 0 <= index < len(siblings):
            return False
        return self.run(f"Reorder {self.title(role_id)}", [MoveSibling(role_id, index)])

    def arrange(self, manager_id: str, columns: int | None) -> bool:
        """Arrange ``manager_id``'s leaf reports in ``columns`` (``ONE_ROW``, 1…n, ``None``: automatically)."""
        if self.chart is None or manager_id not in self.chart or self.chart.arrangement(manager_id) == columns:
            return False
        text = f"Arrange reports of {self.title(manager_id)}: {describe_arrangement(columns).lower()}"
        return self.run(text, [SetArrangement(manager_id, columns)])

    # --- collapsing ---------------------------------------------------------------

    def _opened(self, manager_id: str | None) -> list[Op]:
        """A collapsed manager a role is given to expands in the same step: the role is never put out of sight."""
        assert self.chart is not None
        return [SetCollapsed(manager_id, False)] if manager_id in self.chart.collapsed else []

    def collapse(self, role_ids: list[str], collapsed: bool) -> bool:
        """Collapse (``collapsed``) or expand the managers among ``role_ids``, as one step;
        say why when none of them can be."""
        if self.chart is None:
            return False
        chart = self.chart
        ids = [r for r in role_ids if r in chart]
        if collapsed:
            chosen = [r for r in ids if chart.child_count(r) and r not in chart.collapsed]
        else:
            chosen = [r for r in ids if chart.is_collapsed(r)]
        verb = "Collapse" if collapsed else "Expand"
        if not chosen:
            if not ids:
                self.refuse(f"Select a manager to {verb.lower()}.")
            elif len(ids) > 1:
                self.refuse("None of the selected roles has reports to collapse." if collapsed
                            else "None of the selected roles is collapsed.")
            elif collapsed:
                self.refuse(f"{self.title(ids[0])} is collapsed already." if chart.is_collapsed(ids[0])
                            else f"{self.title(ids[0])} has no reports to collapse.")
            else:
                self.refuse(f"{self.title(ids[0])} is not collapsed.")
            return False
        text = f"{verb} {self.title(chosen[0])}" if len(chosen) == 1 else f"{verb} {len(chosen)} managers"
        return self.run(text, [SetCollapsed(r, collapsed) for r in chosen])

    def toggle_collapsed(self, role_id: str) -> bool:
        """Expand a collapsed manager, collapse an expanded one (its box's toggle)."""
        return self.chart is not None and role_id in self.chart and self.collapse(
            [role_id], not self.chart.is_collapsed(role_id))

    def expand_all(self) -> bool:
        """Expand every collapsed manager, as one step."""
        if self.chart is None or not self.chart.collapsed:
            self.refuse("No manager is collapsed: every role is shown.")
            return False
        return self.run("Expand all", [SetCollapsed(r, False) for r in sorted(self.chart.collapsed)])

    def expand_to(self, role_ids: list[str]) -> bool:
        """Expand the collapsed managers that hide any of ``role_ids``, as one step; False when none hides them."""
        if self.chart is None:
            return False
        chart = self.chart
        managers = list(dict.fromkeys(m for r in role_ids if r in chart for m in chart.collapsed_above(r)))
        if not managers:
            return False
        shown = [r for r in role_ids if r in chart]
        text = f"Expand to show {self.title(shown[0])}" if len(shown) == 1 else f"Expand to show {len(shown)} roles"
        return self.run(text, [SetCollapsed(m, False) for m in managers])

    # --- dotted lines -------------------------------------------------------------

    def add_dotted(self, source: str, target: str) -> bool:
        if self.chart is None:
            return False
        text = f"Add dotted line {self.title(source)} → {self.title(target)}"
        return self.run(text, [AddDotted(source, target)])

    def dotted_problem(self, source: str, target: str) -> str | None:
        if self.chart is None:
            return "There is no chart open."
        if source == target:
            return "A role cannot have a dotted line to itself."
        role = self.chart.role(source)
        if target in role.dotted_to:
            return f"{quoted(role.title)} already has a dotted line to {self.title(target)}."
        return None

    # --- fields -------------------------------------------------------------------

    def update(self, role_id: str, changes: dict[str, object], what: str) -> None:
        """Change fields of a role; raises ``EditError`` for the caller to show inline."""
        self.run_or_raise(f"Change {what} of {self.title(role_id)}", [UpdateRole(role_id, changes)])

    def set_district(self, district: District) -> None:
        """Replace the district facts; raises ``EditError`` for the dialog to show."""
        self.run_or_raise("Edit district facts", [SetDistrict(district)])
