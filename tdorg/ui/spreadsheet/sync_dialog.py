"""File › Update from Spreadsheet…: the roster's columns, the changes it brings, and where to apply them.

Page one is the import's column page (:mod:`.import_columns`). Page two
previews the update as the compare view lists changes — roles added,
removed, moved, retitled, a new person or FTE, findings introduced — with
the functions a departing role leaves without a lead, the rows left out and
the rows matched ambiguously. The user applies it to the shown scenario, as
one undo step, or as a new scenario, or cancels.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from tdorg.model.chart import Chart
from tdorg.model.edits import AddDotted, AddRole, Op, RemoveDotted, RemoveRole, Reparent, UpdateRole
from tdorg.model.importing import Table
from tdorg.model.importing.sync import (
    AddStep,
    DottedStep,
    RemoveStep,
    ReparentStep,
    Step,
    SyncPlan,
    UpdateStep,
    plan_sync,
)
from tdorg.model.rules import Report

from ..compare.compare_list import ChangeList
from ..widgets import style
from ..widgets.fields import heading
from .import_dialog import ScenarioTarget
from .import_parts import PlanDialog, ScenarioChoice, summary_page


def sync_ops(steps: list[Step]) -> list[Op]:
    """The undo operations that apply the steps, in order: together, one undo step."""
    ops: list[Op] = []
    for step in steps:
        if isinstance(step, RemoveStep):
            ops.append(RemoveRole(step.role_id))
        elif isinstance(step, UpdateStep):
            ops.append(UpdateRole(step.role_id, step.changes))
        elif isinstance(step, AddStep):
            ops.append(AddRole(step.role))
        elif isinstance(step, ReparentStep):
            ops.append(Reparent(step.role_id, step.manager_id))
        elif isinstance(step, DottedStep):
            ops.append(AddDotted(step.role_id, step.target_id) if step.add else RemoveDotted(step.role_id, step.target_id))
    return ops


class SyncDialog(PlanDialog):
    """The update's two steps; after ``exec()`` read ``plan``, ``as_scenario`` and ``scenario_name``."""

    def __init__(self, path: Path, table: Table, read: Callable[[Path, str | None], Table], chart: Chart,
                 report: Report | None, target: ScenarioTarget, parent: QWidget | None = None) -> None:
        super().__init__(path, table, read, self.preview, parent)
        self.setWindowTitle(f"Update from “{path.name}”")
        self.chart, self.report, self.target = chart, report, target
        self.plan: SyncPlan | None = None
        self.as_scenario = False
        self.scenario_name = ""
        self.columns.hint.setText("tdorg matched the columns it recognised. Fix any field below; a field left "
                                  "“not imported” stays as it is on the roles the rows match (new roles get it "
                                  "empty). Rows are matched by Position ID, or by title and person without one.")
        self.columns.next_button.setText("Preview Changes ›")
        self.columns.cancel_button.setText("Cancel — change nothing")
        self.pages.addWidget(self._changes_page())
        self.resize(1040, 760)

    def preview(self) -> bool:
        """Plan the update with the chosen columns and show it; False when it cannot be planned."""
        return self.next_page(lambda: plan_sync(self.chart, self.columns.table, self.columns.mapping, self.report))

    def _changes_page(self) -> QWidget:
        page, layout, self.summary = summary_page(self)
        self.leads = QLabel()
        self.leads.setObjectName("leads_lost")
        self.leads.setWordWrap(True)
        self.leads.setStyleSheet(f"color: {style.FIELD_ERROR}; font-weight: 600;")
        layout.addWidget(self.leads)
        self.notes = QLabel()
        self.notes.setObjectName("sync_notes")
        self.notes.setProperty("role", "hint")
        self.notes.setWordWrap(True)
        layout.addWidget(self.notes)
        layout.addWidget(heading("Changes"))
        self.changes = ChangeList()
        layout.addWidget(self.changes, 1)
        self.destination = ScenarioChoice("Apply the update", f"To “{self.target.current}” (one step: Edit › Undo "
                                          "takes it back)", self.target.suggested)
        self.in_place_radio = self.destination.first_radio
        self.as_scenario_radio = self.destination.scenario_radio
        self.as_scenario_radio.setText(f"As a new scenario, leaving “{self.target.current}” as it is")
        self.name_field = self.destination.name_field
        layout.addWidget(self.destination)
        buttons = QHBoxLayout()
        back = QPushButton("‹ Columns")
        back.setAutoDefault(False)
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        cancel = QPushButton("Cancel — change nothing")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self.apply_button = QPushButton("Apply Update")
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply)
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.apply_button)
        layout.addLayout(buttons)
        return page

    def _show_plan(self, plan: SyncPlan) -> None:
        self.summary.setText(plan.summary())
        self.leads.setText("\n".join(f"⚠ {text}" for text in plan.leads_lost))
        self.leads.setVisible(bool(plan.leads_lost))
        matched = len(plan.matching.matched())
        by = "position ID" if plan.import_plan.mapping.id is not None else "title and person"
        notes = [f"{matched:,} row{'s' if matched != 1 else ''} matched to roles by {by} "
                 f"({plan.import_plan.table.where}). Flags, functions, service areas, dotted lines and notes "
                 "the sheet has no column for stay as they are."]
        notes += [f"Ambiguous: {text}" for text in plan.matching.ambiguous]
        left_out = [p for p in plan.import_plan.problems if not p.imported]
        notes += [f"Row {p.row} left out (its role stays as it is): {p.reason}" for p in left_out[:20]]
        if len(left_out) > 20:
            notes.append(f"… and {len(left_out) - 20:,} more rows left out.")
        notes += plan.loops
        self.notes.setText("\n".join(notes))
        self.changes.show_comparison(plan.comparison)
        self.apply_button.setEnabled(plan.has_changes)

    def apply(self) -> bool:
        """Finish with the chosen destination; False when the scenario name is refused."""
        self.as_scenario = self.as_scenario_radio.isChecked()
        if self.as_scenario:
            name = self.destination.checked_name(self.target.check)
            if name is None:
                return False
            self.scenario_name = name
        self.accept()
        return True
