"""The live layout against a full recomputation: after every random edit, undo and redo the positions,
lines, stacked managers, assistants, size and column depth are exactly those of a fresh layout."""

from __future__ import annotations

from typing import Callable

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from tdorg.model import Chart, Role
from tdorg.model.layout import Layout, Tree, fit_depth, layout_tree, sizes
from tdorg.model.layout_cache import Fit, LiveLayout, _ChartView, _KeptPass, _same, _unchanged_lead
from tdorg.model.role import ASSISTANT_FLAG
from tdorg.model.synthetic import synthetic_chart
from tests.edit_machine import SCALE

BOX = sizes(180.0, 60.0)
#: Print sizes and page areas the depth is fitted to (landscape and portrait, titles at most 3× their size).
PAPERS = (Fit(sizes(200.0, 72.0), (1000.0, 700.0), 3.0), Fit(sizes(200.0, 72.0), (560.0, 900.0), 3.0))
CATEGORIES = ("building_technician", "admin_assistant", "help_desk")


def narrow(n: int) -> Chart:
    return synthetic_chart(n)


def wide(n: int) -> Chart:
    """The synthetic chart cut two levels below its top: every deeper role reports to its level-2 manager."""
    chart = synthetic_chart(n)
    roles = []
    for role in chart.roles_in_order():
        line = [role.id, *chart.ancestors(role.id)]
        if len(line) > 3:
            role = role.with_changes(reports_to=line[-3])
        roles.append(role)
    return Chart(chart.district, roles, chart.settings)


def full_layout(chart: Chart, fit: Fit | None, depth: int = 1) -> Layout:
    tree = Tree.of(chart)
    if fit is not None:
        depth = fit_depth(tree, fit.sizes, fit.area, fit.max_scale)[0] if tree.roots else 1
    return layout_tree(tree, BOX, depth)


def same_layout(live: Layout, full: Layout) -> None:
    assert live.depth == full.depth
    assert live.positions == full.positions
    assert (live.width, live.height) == (full.width, full.height)
    assert set(live.stacked) == set(full.stacked)
    assert set(live.assistants) == set(full.assistants)
    assert dict(live.buses) == dict(full.buses)


class Step:
    """An edit that can be undone and done again: ``act`` performs it and returns its undo."""

    def __init__(self, act: Callable[[], Callable[[], object]]) -> None:
        self.act = act
        self.back: Callable[[], object] = lambda: None

    def do(self) -> None:
        self.back = self.act()

    def undo(self) -> None:
        self.back()


class LiveLayoutMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.done: list[Step] = []
        self.undone: list[Step] = []
        self.counter = 0

    @initialize(shape=st.sampled_from([narrow, wide]), n=st.sampled_from([60, 150, 300, 600]), paper=st.sampled_from(PAPERS))
    def start(self, shape, n, paper) -> None:
        self.chart = shape(n)
        self.fit = paper
        self.live = LiveLayout(self.chart, BOX, paper)
        self.chart.subscribe(self.live.note)
        self.previous = dict(self.live.layout.positions)
        self.stacked_set = self.live.layout.stacked

    def role(self, data) -> str:
        return data.draw(st.sampled_from(sorted(self.chart.roles)))

    def push(self, act: Callable[[], Callable[[], object]]) -> None:
        step = Step(act)
        step.do()
        self.done.append(step)
        self.undone.clear()

    @rule(data=st.data(), top=st.booleans(), index=st.integers(0, 12))
    def reparent(self, data, top, index) -> None:
        chart, rid = self.chart, self.role(data)
        manager = None if top else self.role(data)
        if chart.reparent_problem(rid, manager) is not None or chart.roles[rid].reports_to == manager:
            return

        def act():
            old, at = chart.reparent(rid, manager, index)
            return lambda: chart.reparent(rid, old, at)
        self.push(act)

    @rule(data=st.data(), category=st.sampled_from(CATEGORIES), flagged=st.booleans(), index=st.integers(0, 12))
    def add(self, data, category, flagged, index) -> None:
        chart, manager = self.chart, self.role(data)
        self.counter += 1
        role = Role(id=f"new{self.counter}", title=f"New role {self.counter}", category=category,
                    reports_to=manager, flags=frozenset({ASSISTANT_FLAG}) if flagged else frozenset())

        def act():
            chart.add_role(role, index)
            return lambda: chart.remove_role(role.id)
        self.push(act)

    @precondition(lambda self: len(self.chart.roles) > 2)
    @rule(data=st.data())
    def remove(self, data) -> None:
        chart, rid = self.chart, self.role(data)

        def act():
            removal = chart.remove_role(rid)
            return lambda: chart.restore(removal)
        self.push(act)

    @rule(data=st.data(), index=st.integers(0, 12))
    def reorder(self, data, index) -> None:
        chart, rid = self.chart, self.role(data)

        def act():
            old = chart.move_sibling(rid, index)
            return lambda: chart.move_sibling(rid, old)
        self.push(act)

    @rule(data=st.data(), columns=st.one_of(st.none(), st.integers(0, 4)))
    def arrange(self, data, columns) -> None:
        chart, rid = self.chart, self.role(data)
        leaves = len(chart.leaf_reports(rid))
        if columns is not None and not (leaves and columns <= leaves):
            return

        def act():
            old = chart.set_arrangement(rid, columns)
            return lambda: chart.set_arrangement(rid, old, undoing=True)
        self.push(act)

    @rule(data=st.data(), category=st.sampled_from(CATEGORIES), flagged=st.booleans(), title=st.booleans())
    def edit_fields(self, data, category, flagged, title) -> None:
        chart, rid = self.chart, self.role(data)
        changes: dict[str, object] = {"category": category,
                                      "flags": frozenset({ASSISTANT_FLAG}) if flagged else frozenset()}
        if title:
            changes = {"title": f"Renamed {self.counter}"}

        def act():
            previous = chart.update_role(rid, **changes)
            return lambda: chart.update_role(rid, **previous)
        self.push(act)

    @precondition(lambda self: self.done)
    @rule()
    def undo(self) -> None:
        step = self.done.pop()
        step.undo()
        self.undone.append(step)

    @precondition(lambda self: self.undone)
    @rule()
    def redo(self) -> None:
        step = self.undone.pop()
        step.do()
        self.done.append(step)

    @rule(paper=st.sampled_from(PAPERS))
    def change_paper(self, paper) -> None:
        self.fit = paper
        self.live.set_fit(paper)

    @invariant()
    def matches_a_full_layout(self) -> None:
        stacked_before = set(self.stacked_set)  # as the scene reads it: after the changes came, before the update
        moved = self.live.update()
        layout = self.live.layout
        same_layout(layout, full_layout(self.chart, self.fit))
        assert moved == {rid for rid, point in layout.positions.items() if self.previous.get(rid) != point}
        self.previous = dict(layout.positions)
        kept_passes_match_fresh_ones(self.live)
        # the managers whose stacking the update changed, as it tells them: the stacked sets are changed in place
        flipped = self.live.flipped(self.stacked_set)
        assert set(self.stacked_set).symmetric_difference(flipped or ()) == stacked_before
        if layout.stacked is self.stacked_set:
            assert flipped == stacked_before.symmetric_difference(layout.stacked)
        self.stacked_set = layout.stacked


def kept_passes_match_fresh_ones(live: LiveLayout) -> None:
    """Every pass up to date (those the fit measured, some taking subtrees from one another) keeps every manager's
    contour, stacking and bus exactly as a pass laid out afresh at its depth."""
    for (pass_sizes, depth), run in live._passes.items():
        if run.stale:
            continue
        fresh = _KeptPass(_ChartView(live.chart), pass_sizes, depth, place=False)
        assert run.contours.keys() == fresh.contours.keys()
        assert all(_same(run.contours[rid], contour) for rid, contour in fresh.contours.items())
        assert run.stacked == fresh.stacked and run.rel_bus == fresh.rel_bus


LiveLayoutMachine.TestCase.settings = settings(
    max_examples=int(30 * SCALE), stateful_step_count=25, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_live_layout_matches_a_full_layout = LiveLayoutMachine.TestCase


def test_a_fixed_depth_and_an_empty_chart() -> None:
    chart = Chart(roles=[Role(id="a", title="Director")])
    live = LiveLayout(chart, BOX, depth=3)
    chart.subscribe(live.note)
    same_layout(live.layout, full_layout(chart, None, 3))
    chart.add_role(Role(id="b", title="Analyst", reports_to="a"))
    assert live.update() == {"b"}
    assert "a" in live.rerouted
    same_layout(live.layout, full_layout(chart, None, 3))
    chart.remove_role("b")
    chart.remove_role("a")
    assert live.update() == frozenset()
    assert live.layout.positions == {} and live.layout.width == 0.0


def test_a_title_edit_moves_nothing_and_lays_nothing_out() -> None:
    chart = synthetic_chart(300)
    live = LiveLayout(chart, BOX, PAPERS[0])
    chart.subscribe(live.note)
    rid = next(r for r in chart.roles if r.startswith("bt"))
    chart.update_role(rid, title="Senior Building Technician")
    assert live.update() == frozenset()
    assert live.rerouted == frozenset()


def test_a_reparent_moves_only_what_it_moved() -> None:
    chart = synthetic_chart(2000)
    live = LiveLayout(chart, BOX, PAPERS[0])
    chart.subscribe(live.note)
    technician = next(r for r in chart.roles if r.startswith("bt"))
    target = next(r for r in chart.roles if r.startswith("fm") and r != chart.roles[technician].reports_to)
    chart.reparent(technician, target)
    moved = live.update()
    same_layout(live.layout, full_layout(chart, PAPERS[0]))
    assert technician in moved
    assert len(moved) < len(chart.roles) / 10
    assert {target, chart.roles[target].reports_to} <= live.rerouted


def test_a_rows_unchanged_lead_is_where_it_first_differs_or_a_report_was_re_laid():
    """However it is found (a few re-laid subtrees looked up, or the row read report by report), the lead of a
    row that can resume from a checkpoint is that of reading both rows side by side."""

    def by_hand(reports, old, relaid):
        same = 0
        for new, was in zip(reports, old):
            if new != was or new in relaid:
                break
            same += 1
        return same

    row = tuple(f"r{i}" for i in range(40))
    cases = [(row, row, set()), (row, row, {"r30"}), (row, row, {"r30", "r7", "elsewhere"}),
             (row, row[:20], {"r25"}), (row[:5] + ("new",) + row[5:], row, {"r30"}),
             (row[:12], row, set(row)), (row, row[1:], {"r0"}), ((), row, {"r1"})]
    for reports, old, relaid in cases:
        assert _unchanged_lead(reports, old, relaid) == by_hand(reports, old, relaid)


def test_a_subtree_laid_out_as_it_was_lays_nothing_above_it_again(monkeypatch) -> None:
    """Two technicians swapped in a manager's columns leave its subtree's outline as it was: the managers above it
    are not laid out again, and the layout is still a full one's."""
    chart = synthetic_chart(2000)
    live = LiveLayout(chart, BOX, PAPERS[0])
    chart.subscribe(live.note)
    manager = next(r for r in chart.roles if r in live.layout.stacked and chart.roles[r].reports_to)
    laid: list[str] = []
    lay = _KeptPass.lay
    monkeypatch.setattr(_KeptPass, "lay", lambda run, managers: lay(run, [laid.append(m[0]) or m for m in managers]))
    chart.move_sibling(chart.children(manager)[0], 1)
    moved = live.update()
    same_layout(live.layout, full_layout(chart, PAPERS[0]))
    assert set(laid) == {manager}
    assert moved == set(chart.children(manager)[:2])


def test_the_fits_depths_lay_a_subtree_once_from_the_depth_its_groups_fit_in(monkeypatch) -> None:
    """Of the depths the fit measures after an edit, those at least as deep as the edited manager's largest group of
    leaves lay its subtree out once between them: the others take it from that one. The passes still match fresh ones."""
    chart = synthetic_chart(2000)
    live = LiveLayout(chart, BOX, PAPERS[0])
    chart.subscribe(live.note)
    technician = next(r for r in chart.roles if r.startswith("bt"))
    manager = chart.roles[technician].reports_to
    taken: list[int] = []
    take = _KeptPass._take
    monkeypatch.setattr(_KeptPass, "_take", lambda run, donor, rid: (
        rid == manager and taken.append(run.depth), take(run, donor, rid)))
    chart.remove_role(technician)
    live.update()
    same_layout(live.layout, full_layout(chart, PAPERS[0]))
    kept_passes_match_fresh_ones(live)
    group = live._deepest[manager]
    measured = [depth for (pass_sizes, depth), run in live._passes.items()
                if pass_sizes == PAPERS[0].sizes and not run.stale]
    assert taken and all(depth >= group for depth in taken)
    assert len(taken) == sum(depth >= group for depth in measured) - 1
