"""Random edit sequences with random undo and redo, in two scenarios: the rules, the invariants.

:class:`EditMachine` draws the edits the editor makes (add, remove, re-parent,
dotted lines, field edits, sibling reorder, district facts, rule settings,
multi-role gestures) as model operations (:mod:`tdorg.model.edits`), pushes
them onto the shown scenario's history, undoes and redoes, and switches
scenario at random. After every step each chart is a valid forest, each
scenario's live findings equal a from-scratch validation, and the scenario
not shown is exactly as it was left; undoing everything in a scenario gives
its starting chart exactly, and redoing everything gives its last chart.

A subclass says where the histories live (:meth:`start`, :meth:`apply`,
:meth:`undo_step`, :meth:`redo_step` …): plain model edits, or the editor's
undo stacks.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from tdorg.model import Chart, Role
from tdorg.model import edits
from tdorg.model.errors import EditError
from tdorg.model.rules import Report, validate
from tdorg.model.vocab import CATEGORIES, FLAGS
from tests.charts import compliant_chart

SCALE = float(os.environ.get("TDORG_HEAVY_SCALE", "1"))

MACHINE_SETTINGS = settings(
    max_examples=int(40 * SCALE),
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def check_forest(chart: Chart) -> None:
    seen: list[str] = []
    for parent in (None, *chart.roles):
        for child in chart.children(parent):
            assert chart.role(child).reports_to == parent
            seen.append(child)
    assert sorted(seen) == sorted(chart.roles), "each role appears once among its manager's reports"
    for role_id in chart.roles:
        assert role_id not in set(chart.ancestors(role_id)), "no reporting loop"
        for target in chart.role(role_id).dotted_to:
            assert target in chart.roles and role_id in chart.dotted_reports(target)


class EditMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        current = compliant_chart()
        proposed = current.copy()
        proposed.remove_role("dpo")
        proposed.reparent("hd", "tech")
        self.start_with([current, proposed])
        self.start = [current.copy(), proposed.copy()]
        self.tip = [current.copy(), proposed.copy()]  # each chart with every pushed edit done
        self.left = [current.copy(), proposed.copy()]  # each chart as it was after its last step
        self.counter = 0

    # --- where the histories live (a subclass's) ------------------------------------

    def start_with(self, charts: list[Chart]) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    @property
    def index(self) -> int:  # pragma: no cover - abstract
        raise NotImplementedError

    def charts(self) -> list[Chart]:  # pragma: no cover - abstract
        raise NotImplementedError

    def reports(self) -> list[Report]:  # pragma: no cover - abstract
        raise NotImplementedError

    def apply(self, text: str, ops: list[edits.Op]) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def can_undo(self) -> bool:  # pragma: no cover - abstract
        raise NotImplementedError

    def can_redo(self) -> bool:  # pragma: no cover - abstract
        raise NotImplementedError

    def undo_step(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def redo_step(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def show(self, index: int) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    # --- helpers ------------------------------------------------------------

    @property
    def chart(self) -> Chart:
        return self.charts()[self.index]

    def ids(self) -> list[str]:
        return sorted(self.chart.roles)

    def push(self, text: str, ops: list[edits.Op]) -> None:
        before = self.chart.copy()
        try:
            self.apply(text, ops)
        except EditError:
            assert self.chart == before, "a refused edit left the chart changed"
            return
        self.tip[self.index] = self.chart.copy()

    # --- edits --------------------------------------------------------------

    @rule(data=st.data(), category=st.sampled_from(sorted(CATEGORIES)))
    def add(self, data, category):
        self.counter += 1
        parent = data.draw(st.sampled_from([None, *self.ids()]))
        role = Role(id=f"n{self.counter}", title=f"New role {self.counter}", category=category, reports_to=parent)
        self.push("Add", [edits.AddRole(role, data.draw(st.none() | st.integers(0, 5)))])

    @precondition(lambda self: len(self.chart) > 1)
    @rule(data=st.data())
    def remove(self, data):
        victims = data.draw(st.lists(st.sampled_from(self.ids()), min_size=1, max_size=3, unique=True))
        self.push("Delete", [edits.RemoveRole(v) for v in victims])

    @precondition(lambda self: len(self.chart) > 1)
    @rule(data=st.data())
    def reparent(self, data):
        movers = data.draw(st.lists(st.sampled_from(self.ids()), min_size=1, max_size=3, unique=True))
        target = data.draw(st.sampled_from([None, *self.ids()]))
        self.push("Move", [edits.Reparent(m, target, data.draw(st.none() | st.integers(0, 4))) for m in movers])

    @precondition(lambda self: len(self.chart) > 1)
    @rule(data=st.data())
    def add_dotted(self, data):
        source, target = data.draw(st.lists(st.sampled_from(self.ids()), min_size=2, max_size=2, unique=True))
        self.push("Dotted line", [edits.AddDotted(source, target)])

    @rule(data=st.data())
    def remove_dotted(self, data):
        lines = [(r, t) for r in self.ids() for t in self.chart.role(r).dotted_to]
        if lines:
            source, target = data.draw(st.sampled_from(lines))
            self.push("Remove dotted line", [edits.RemoveDotted(source, target)])

    @rule(
        data=st.data(),
        changes=st.fixed_dictionaries(
            {},
            optional={
                "title": st.text(min_size=0, max_size=12),
                "fte": st.sampled_from([0.25, 0.5, 1.0, 1.5, 0]),
                "person": st.sampled_from(["", "Ari Chen", "Jo Banks", "Someone New"]),
                "vacant": st.booleans(),
                "flags": st.frozensets(st.sampled_from(sorted(FLAGS)), max_size=2),
                "leads": st.lists(st.sampled_from(["network", "help_desk", "data_privacy", "erate"]), max_size=2),
                "category": st.sampled_from(sorted(CATEGORIES)),
            },
        ),
    )
    def update(self, data, changes):
        if self.ids():
            self.push("Edit", [edits.UpdateRole(data.draw(st.sampled_from(self.ids())), changes)])

    @rule(data=st.data())
    def reorder(self, data):
        if self.ids():
            role_id = data.draw(st.sampled_from(self.ids()))
            self.push("Reorder", [edits.MoveSibling(role_id, data.draw(st.integers(0, 6)))])

    @rule(students=st.integers(0, 40_000))
    def district(self, students):
        self.push("District", [edits.SetDistrict(self.chart.district.with_changes(students=students))])

    @rule(limit=st.integers(1, 12), off=st.sampled_from([None, "SPN-1", "RED-1", "STF-2"]))
    def rule_settings(self, limit, off):
        settings = self.chart.settings.with_threshold("SPN-1", "max_direct_reports", limit)
        settings = settings.disable(off, "Not for this district") if off else settings.enable("RED-1")
        self.push("Rules", [edits.SetSettings(settings)])

    # --- scenarios ------------------------------------------------------------------

    @rule()
    def switch(self):
        self.show(1 - self.index)

    # --- undo and redo, on the shown scenario's history ---------------------------------

    @precondition(lambda self: self.can_undo())
    @rule(times=st.integers(1, 4))
    def undo(self, times):
        for _ in range(times):
            self.undo_step()

    @precondition(lambda self: self.can_redo())
    @rule(times=st.integers(1, 4))
    def redo(self, times):
        for _ in range(times):
            self.redo_step()

    @rule()
    def undo_all_then_redo_all(self):
        while self.can_undo():
            self.undo_step()
        assert self.chart == self.start[self.index]
        while self.can_redo():
            self.redo_step()
        assert self.chart == self.tip[self.index]

    # --- invariants -------------------------------------------------------------

    @invariant()
    def sound(self):
        for chart, report in zip(self.charts(), self.reports()):
            check_forest(chart)
            fresh = validate(chart)
            assert report.findings == fresh.findings
            assert report.metrics == fresh.metrics
            assert report.disabled == fresh.disabled

    @invariant()
    def the_other_scenario_is_untouched(self):
        other = 1 - self.index
        assert self.charts()[other] == self.left[other], "an edit reached the scenario not shown"
        self.left[self.index] = self.chart.copy()
