"""A live validator's report equals a full validation after every edit the chart announces.

A hypothesis state machine edits a chart through the model's own operations — add, delete,
re-parent, sibling reorder, dotted lines, every kind of field edit (titles, people, FTE, categories, flags, functions, vacancy, employment, service
areas), district facts and rule settings — and undoes them as the editor's undo does (the
inverse operation: ``restore`` for a delete, the old manager for a re-parent), one at a time
or several between two reads of the report, as the editor's multi-role gestures do. After every step the incremental report's
findings and metrics are exactly those of :func:`validate` on the same chart, and every index the live validator keeps
across edits (each worked out from the start) is exactly what a fresh pass builds: its lists in the same order, its keys
in the same order, its sets the same. The charts: a small compliant one, a synthetic one, and a synthetic one made wide
(every site role straight under its department's head).
"""

from __future__ import annotations

import os
from typing import Callable

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from tdorg.model import Chart, Role
from tdorg.model.errors import EditError
from tdorg.model.rules import Validator, validate
from tdorg.model.rules.context import Context
from tdorg.model.rules.role_indexes import KEYED, LISTED
from tdorg.model.rules.engine import RULES_BY_ID
from tdorg.model.rules.index_updates import DERIVED
from tdorg.model.synthetic import synthetic_chart, wide_synthetic_chart
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
        #: How to undo each edit the chart took, the last one last.
        self.history: list[Callable[[], object]] = []
        self.counter = 0

    @rule(start=st.sampled_from(["compliant", "synthetic", "wide"]))
    @precondition(lambda self: self.chart is None)
    def begin(self, start: str) -> None:
        charts = {"compliant": compliant_chart, "synthetic": lambda: synthetic_chart(120, seed=3),
                  "wide": lambda: wide_synthetic_chart(120, seed=3)}
        self.chart = charts[start]()
        self.validator = Validator(self.chart)
        self.validator.report
        for name in KEPT:  # every index kept from the start, whether or not a rule has asked for it yet
            getattr(self.validator._context, name)

    def teardown(self) -> None:
        if self.validator is not None:
            self.validator.close()

    def ids(self) -> list[str]:
        return sorted(self.chart.roles)

    def attempt(self, edit, undo) -> None:  # noqa: ANN001
        """Run ``edit``; when the chart takes it, remember ``undo(result)`` to undo it exactly."""
        try:
            result = edit()
        except EditError:
            return  # refused: the chart is unchanged
        self.history.append(lambda: undo(result))

    # --- one edit of each kind, or the undo of the last one --------------------

    def _edit(self, data: st.DataObject) -> None:
        kind = data.draw(st.sampled_from(["add", "delete", "reparent", "reorder", "dotted", "field", "field",
                                          "field", "district", "settings", "undo", "undo"]))
        chart = self.chart
        ids = self.ids()
        if kind == "add":
            self.counter += 1
            role = Role(id=f"n{self.counter}", title=f"New role {self.counter}",
                        category=data.draw(_FIELD_VALUES["category"]), reports_to=data.draw(st.sampled_from(ids)),
                        leads=data.draw(_FIELD_VALUES["leads"]), person=data.draw(_FIELD_VALUES["person"]))
            index = data.draw(st.none() | st.integers(0, 5))
            self.attempt(lambda: chart.add_role(role, index), lambda added: chart.remove_role(added.id))
        elif kind == "delete" and len(ids) > 1:
            victim = data.draw(st.sampled_from(ids))
            self.attempt(lambda: chart.remove_role(victim), chart.restore)
        elif kind == "reparent":
            mover = data.draw(st.sampled_from(ids))
            target = data.draw(st.sampled_from([None, *ids]))
            index = data.draw(st.none() | st.integers(0, 4))
            self.attempt(lambda: chart.reparent(mover, target, index), lambda old: chart.reparent(mover, *old))
        elif kind == "reorder":
            mover, index = data.draw(st.sampled_from(ids)), data.draw(st.integers(0, 4))
            self.attempt(lambda: chart.move_sibling(mover, index), lambda old: chart.move_sibling(mover, old))
        elif kind == "dotted":
            source, target = data.draw(st.sampled_from(ids)), data.draw(st.sampled_from(ids))
            if target in chart.roles[source].dotted_to:
                self.attempt(lambda: chart.remove_dotted(source, target),
                             lambda position: chart.add_dotted(source, target, position))
            else:
                self.attempt(lambda: chart.add_dotted(source, target), lambda _: chart.remove_dotted(source, target))
        elif kind == "field":
            names = data.draw(st.lists(st.sampled_from(sorted(_FIELD_VALUES)), min_size=1, max_size=2, unique=True))
            changes = {name: data.draw(_FIELD_VALUES[name]) for name in names}
            role_id = data.draw(st.sampled_from(ids))
            self.attempt(lambda: chart.update_role(role_id, **changes),
                         lambda old: chart.update_role(role_id, **old) if old else None)
        elif kind == "district":
            district = chart.district
            new = district.__class__(**{**district.__dict__, "students": data.draw(st.sampled_from([None, 900, 40_000])),
                                        "erate": data.draw(st.booleans())})
            self.attempt(lambda: chart.set_district(new), chart.set_district)
        elif kind == "settings":
            new = data.draw(st.sampled_from([
                chart.settings.with_threshold("SPN-1", "max_direct_reports", 3),
                chart.settings.disable("RED-1", "Covered by the county"),
                chart.settings.enable("RED-1"),
            ]))
            self.attempt(lambda: chart.set_settings(new), chart.set_settings)
        elif kind == "undo" and self.history:
            self.history.pop()()

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
        differ = sorted({f.rule_id for f in set(live.findings) ^ set(full.findings)})
        assert live.findings == full.findings, f"live findings of {differ} differ from a full validation"
        assert live.metrics == full.metrics
        assert live.disabled == full.disabled

    @invariant()
    def kept_indexes_equal_fresh_ones(self) -> None:
        if self.chart is None:
            return
        kept, fresh = self.validator._context.__dict__, Context(self.chart, kept=True)
        for name in KEPT:
            if name in kept:
                assert_same_index(name, kept[name], getattr(fresh, name))
        place = kept["place"]
        assert sorted(place, key=place.__getitem__) == list(self.chart.roles), "the roles' places are out of order"
        assert_kept_integration_findings_are_fresh(self.validator._context)


#: The indexes a live validator keeps across edits (the FTE sums too).
KEPT = (*KEYED, *LISTED, *DERIVED, "it_subtree", "dotted_into_it", "exact_fte")


def assert_same_index(name: str, kept: object, fresh: object) -> None:
    """``kept`` as a fresh pass builds it: lists in order; a keyed index's keys in order too (the
    people's and the FTE sums' order aside, which no rule reads)."""
    if isinstance(fresh, dict):
        assert dict(kept) == dict(fresh), f"{name} is stale"
        if name not in ("holders", "exact_fte"):
            assert list(kept) == list(fresh), f"{name} has its keys out of order"
    else:
        assert kept == fresh, f"{name} is stale"


def assert_kept_integration_findings_are_fresh(ctx: Context) -> None:
    """Every INT-2 finding a live validator keeps and has not marked stale is what a fresh pass finds for
    that integration role."""
    kept = ctx.integration_findings.entries
    rule, fresh = RULES_BY_ID["INT-2"], Context(ctx.chart)
    for role_id, (finding, _) in kept.items():
        if role_id not in ctx.integration_findings.stale:
            assert role_id in fresh.integration_roles, f"{role_id} is kept but no longer an integration role"
            assert finding == rule._finding(fresh, role_id), f"INT-2's kept finding for {role_id} is stale"


LiveValidation.TestCase.settings = settings(
    max_examples=int(60 * SCALE),
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_live_validation_equals_full_validation = LiveValidation.TestCase


def test_an_arrangement_re_runs_no_rule_and_the_report_stays_whole() -> None:
    chart = synthetic_chart(300, seed=3)
    validator = Validator(chart)
    before = validator.report
    manager = next(r for r in chart.roles if len(chart.leaf_reports(r)) >= 2)
    chart.set_arrangement(manager, 2)
    assert validator._dirty == set() and validator._metrics_dirty == set()
    assert validator.report == before == validate(chart)


def test_the_it_leader_leaving_a_dotted_source_keeps_the_lines_into_it_as_a_fresh_pass_has_them():
    """The superintendent has a dotted line into IT, and the IT leader, under it, goes to the top: the roles
    outside IT with a line into it are the superintendent and the executive under it, before and after
    (IT's own roles, under a dotted source, are not counted among them)."""
    chart = compliant_chart()
    validator = Validator(chart)
    validator.report
    chart.add_dotted("supt", "coach")
    validator.report
    chart.reparent("cto", None)
    live = validator.report
    kept, fresh = validator._context.__dict__, Context(chart, kept=True)
    assert kept["dotted_into_it"] == fresh.dotted_into_it == {"supt", "cao"}
    assert live.findings == validate(chart).findings


def test_an_integration_coach_edited_or_moved_alone_re_checks_only_its_own_integration_finding() -> None:
    """A coach without reports changing its title, manager or category leaves every other coach's INT-2
    finding as kept; a teaching and learning role that stops being one has the coaches walking to it and
    every finding worked out again, and no other."""
    chart = synthetic_chart(600, seed=3)
    validator = Validator(chart)
    validator.report
    ctx = validator._context
    coaches = [r for r in ctx.integration_roles if not chart.child_count(r) and not chart.dotted_reports(r)]
    coach, other = coaches[0], coaches[-1]
    kept = dict(ctx.integration_findings.entries)
    chart.update_role(coach, title="Coach II")
    assert ctx.integration_findings.stale == {coach}
    chart.reparent(coach, chart.roles[other].reports_to)
    chart.update_role(coach, category="network")
    assert validator.report.findings == validate(chart).findings
    assert coach not in ctx.integration_findings.entries
    assert all(ctx.integration_findings.entries[r] is kept[r] for r in kept if r != coach)
    leader = next(r for r in chart.roles if chart.dotted_reports(r) and ctx.is_teaching_learning(chart.roles[r])
                  and not chart.child_count(r))
    chart.update_role(leader, category="network", flags=frozenset())
    walkers = {leader, *chart.dotted_reports(leader)}
    assert ctx.integration_findings.stale == walkers | {r for r, (finding, _) in kept.items() if finding is not None}
    assert validator.report.findings == validate(chart).findings


def test_only_a_role_holding_a_person_re_runs_the_people_fte_rule() -> None:
    """STR-2 reads each person's FTE over the roles they hold: a vacancy or a role naming no one coming,
    going or changing its FTE leaves it alone; a role holding someone does not."""
    chart = synthetic_chart(300, seed=3)
    validator = Validator(chart)
    validator.report
    manager = next(r for r in chart.roles if chart.child_count(r))
    chart.add_role(Role(id="opening", title="Opening", category="help_desk", reports_to=manager, vacant=True,
                        person="Ana Li"))
    chart.update_role("opening", fte=0.5)
    chart.remove_role("opening")
    assert "STR-2" not in validator._dirty
    chart.add_role(Role(id="hire", title="Hire", category="help_desk", reports_to=manager, person="Ana Li"))
    assert "STR-2" in validator._dirty
    assert validator.report.findings == validate(chart).findings


def test_a_role_without_reports_moving_outside_it_changes_only_its_own_line_into_it():
    """Outside the IT subtree, a role without reports moved under a role with a dotted line into IT, or away,
    or given a dotted line of its own, joins or leaves the roles with a line into IT as a fresh pass has it,
    and the kept set follows it in place."""
    chart = compliant_chart()
    chart.add_role(Role(id="aide", title="Aide", category="other", reports_to="supt"))
    validator = Validator(chart)
    validator.report
    chart.add_dotted("cao", "net")
    validator.report
    kept = validator._context.__dict__["dotted_into_it"]
    for step in (lambda: chart.reparent("aide", "cao"), lambda: chart.reparent("aide", "supt"),
                 lambda: chart.add_dotted("aide", "hd"), lambda: chart.remove_dotted("aide", "hd")):
        step()
        live = validator.report
        assert validator._context.__dict__["dotted_into_it"] is kept
        assert kept == Context(chart, kept=True).dotted_into_it
        assert live.findings == validate(chart).findings
    assert kept == {"cao"}


def test_an_edit_words_again_only_the_people_fte_findings_of_the_people_it_touched():
    """Two people over their FTE: one of Ana's roles falling vacant takes her finding away and keeps Max's as
    it was worded; a new limit words every one again."""
    people = [Role(id=f"p{n}", title=f"Role {n}", category="other", reports_to="supt", person=person, fte=0.75)
              for n, person in enumerate(("Ana Li", "Ana Li", "Max Ruiz", "Max Ruiz"))]
    chart = Chart(None, [*compliant_chart().roles_in_order(), *people])  # as a file can bring them in
    validator = Validator(chart)
    validator.report
    ctx = validator._context
    max_ = ctx.people_findings.entries["max ruiz"]
    chart.update_role("p1", vacant=True)
    assert ctx.people_findings.stale == {"ana li"}
    live = validator.report
    assert live.findings == validate(chart).findings and ctx.people_findings.entries["max ruiz"] is max_
    assert not any("Ana Li" in f.message for f in live.findings)
    chart.set_settings(chart.settings.with_threshold("STR-2", "max_person_fte", 1.25))
    assert validator.report.findings == validate(chart).findings
