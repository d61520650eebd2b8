"""A live validator's report equals a full validation after every edit the chart announces.

A hypothesis state machine edits a chart through the model's own operations — add, delete and
its undo (``restore``), re-parent and its undo, sibling reorder, dotted lines, every kind of
field edit (titles, people, FTE, categories, flags, functions, vacancy, employment, service
areas), district facts and rule settings — one at a time or several between two reads of the
report, as the editor's multi-role gestures do. After every step the incremental report's
findings and metrics are exactly those of :func:`validate` on the same chart.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from tdorg.model import Chart, Role
from tdorg.model.errors import EditError
from tdorg.model.rules import Validator, validate
from tdorg.model.synthetic import synthetic_chart
from tdorg.model.vocab import CATEGORIES, CORE_SERVICES, EMPLOYMENT_TYPES, FLAGS, FUNCTIONS, SERVICE_AREAS
from tests.charts import compliant_chart

SCALE = float(os.environ.get("TDORG_HEAVY_SCALE", "1"))

_FUNCTIONS = sorted(FUNCTIONS)
_SOME = ("Max Ruiz", "max ruiz", "Ana Li", "")

#: A value for each editable field, drawn anew for every edit.
_FIELD_VALUES = {
    "title": st.sampled_from(["Network Manager", "Help Desk", "Coach", "Director of Technology"]),
    "person": st.sampled_from(_SOME),
    "fte": st.sampled_from([0.25, 0.5, 1.0]),
    "category": st.sampled_from(sorted(CATEGORIES)),
    "flags": st.frozensets(st.sampled_from(sorted(FLAGS)), max_size=3),
    "leads": st.lists(st.sampled_from(_FUNCTIONS), max_size=3, unique=True).map(tuple),
    "backs_up": st.lists(st.sampled_from(_FUNCTIONS), max_size=3, unique=True).map(tuple),
    "vacant": st.booleans(),
    "employment": st.sampled_from(sorted(EMPLOYMENT_TYPES)),
    "service_areas": st.lists(st.sampled_from(sorted(SERVICE_AREAS)), max_size=2, unique=True).map(tuple),
    "core_services": st.lists(st.sampled_from(sorted(CORE_SERVICES)), max_size=2, unique=True).map(tuple),
    "notes": st.sampled_from(["", "Shared with the county"]),
}


class LiveValidation(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.chart: Chart | None = None
        self.validator: Validator | None = None
        self.removals: list = []
        self.moves: list[tuple[str, str | None, int]] = []
        self.counter = 0

    @rule(start=st.sampled_from(["compliant", "synthetic"]))
    @precondition(lambda self: self.chart is None)
    def begin(self, start: str) -> None:
        self.chart = compliant_chart() if start == "compliant" else synthetic_chart(120, seed=3)
        self.validator = Validator(self.chart)
        self.validator.report

    def teardown(self) -> None:
        if self.validator is not None:
            self.validator.close()

    def ids(self) -> list[str]:
        return sorted(self.chart.roles)

    def attempt(self, edit) -> None:  # noqa: ANN001
        try:
            edit()
        except EditError:
            pass  # refused: the chart is unchanged

    # --- one edit of each kind ------------------------------------------------

    def _edit(self, data: st.DataObject) -> None:
        kind = data.draw(st.sampled_from(["add", "delete", "undo delete", "reparent", "undo reparent", "reorder",
                                          "dotted", "field", "field", "field", "district", "settings"]))
        chart = self.chart
        ids = self.ids()
        if kind == "add":
            self.counter += 1
            role = Role(id=f"n{self.counter}", title=f"New role {self.counter}",
                        category=data.draw(_FIELD_VALUES["category"]), reports_to=data.draw(st.sampled_from(ids)),
                        leads=data.draw(_FIELD_VALUES["leads"]), person=data.draw(_FIELD_VALUES["person"]))
            self.attempt(lambda: chart.add_role(role, data.draw(st.none() | st.integers(0, 5))))
        elif kind == "delete" and len(ids) > 1:
            self.removals.append(chart.remove_role(data.draw(st.sampled_from(ids))))
        elif kind == "undo delete" and self.removals:
            self.attempt(lambda: chart.restore(self.removals.pop()))
        elif kind == "reparent":
            mover = data.draw(st.sampled_from(ids))
            target = data.draw(st.sampled_from([None, *ids]))
            if chart.reparent_problem(mover, target) is None:
                old, index = chart.reparent(mover, target, data.draw(st.none() | st.integers(0, 4)))
                self.moves.append((mover, old, index))
        elif kind == "undo reparent" and self.moves:
            mover, old, index = self.moves.pop()
            if mover in chart.roles and (old is None or old in chart.roles) and chart.reparent_problem(mover, old) is None:
                chart.reparent(mover, old, index)
        elif kind == "reorder":
            chart.move_sibling(data.draw(st.sampled_from(ids)), data.draw(st.integers(0, 4)))
        elif kind == "dotted":
            source, target = data.draw(st.sampled_from(ids)), data.draw(st.sampled_from(ids))
            if target in chart.roles[source].dotted_to:
                chart.remove_dotted(source, target)
            else:
                self.attempt(lambda: chart.add_dotted(source, target))
        elif kind == "field":
            names = data.draw(st.lists(st.sampled_from(sorted(_FIELD_VALUES)), min_size=1, max_size=2, unique=True))
            changes = {name: data.draw(_FIELD_VALUES[name]) for name in names}
            role_id = data.draw(st.sampled_from(ids))
            self.attempt(lambda: chart.update_role(role_id, **changes))
        elif kind == "district":
            district = chart.district
            self.attempt(lambda: chart.set_district(district.__class__(
                **{**district.__dict__, "students": data.draw(st.sampled_from([None, 900, 40_000])),
                   "erate": data.draw(st.booleans())})))
        elif kind == "settings":
            chart.set_settings(data.draw(st.sampled_from([
                chart.settings.with_threshold("SPN-1", "max_direct_reports", 3),
                chart.settings.disable("RED-1", "Covered by the county"),
                chart.settings.enable("RED-1"),
            ])))

    @precondition(lambda self: self.chart is not None)
    @rule(data=st.data())
    def edit(self, data: st.DataObject) -> None:
        self._edit(data)

    @precondition(lambda self: self.chart is not None)
    @rule(data=st.data(), count=st.integers(2, 4))
    def burst(self, data: st.DataObject, count: int) -> None:
        """Several edits before the report is read again (a multi-role gesture, undo of one)."""
        for _ in range(count):
            self._edit(data)

    @invariant()
    def report_equals_full_validation(self) -> None:
        if self.chart is None:
            return
        live, full = self.validator.report, validate(self.chart)
        assert live.findings == full.findings
        assert live.metrics == full.metrics
        assert live.disabled == full.disabled


LiveValidation.TestCase.settings = settings(
    max_examples=int(60 * SCALE),
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_live_validation_equals_full_validation = LiveValidation.TestCase
