"""The chart's edit operations: they succeed completely or raise a typed error and change nothing."""

from __future__ import annotations

import pytest

from tdorg.model import Chart, Role
from tdorg.model.errors import (
    CycleError,
    DuplicateIdError,
    EditError,
    FieldValueError,
    FteError,
    PersonOverAllocatedError,
    SelfReportError,
    UnknownRoleError,
)
from tests.charts import compliant_chart, role


def snapshot(chart: Chart):
    return chart.copy()


def test_add_role_under_a_manager_and_announce_it():
    chart = compliant_chart()
    seen = []
    chart.subscribe(seen.append)
    chart.add_role(role("sec", "Security Analyst", "security", "cto"), index=0)
    assert chart.children("cto")[0] == "sec"
    assert seen[-1].kind == "added" and seen[-1].role_ids == ("sec",)


@pytest.mark.parametrize(
    "edit,error",
    [
        (lambda c: c.reparent("cto", "net"), CycleError),
        (lambda c: c.reparent("supt", "coach"), CycleError),
        (lambda c: c.reparent("cto", "cto"), SelfReportError),
        (lambda c: c.reparent("cto", "nobody"), UnknownRoleError),
        (lambda c: c.reparent("nobody", "cto"), UnknownRoleError),
        (lambda c: c.add_role(role("cto", "Another", "other", None)), DuplicateIdError),
        (lambda c: c.add_role(role("x", "X", "other", "ghost")), UnknownRoleError),
        (lambda c: c.update_role("net", fte=1.5), FteError),
        (lambda c: c.update_role("net", fte=0), FteError),
        (lambda c: c.update_role("net", fte=-0.5), FteError),
        (lambda c: c.update_role("net", fte="lots"), FteError),
        (lambda c: c.update_role("net", fte=float("nan")), FteError),
        (lambda c: c.update_role("net", category="wizard"), FieldValueError),
        (lambda c: c.update_role("net", title="  "), FieldValueError),
        (lambda c: c.update_role("net", flags={"ruler"}), FieldValueError),
        (lambda c: c.update_role("net", leads=("Bad Name!",)), FieldValueError),
        (lambda c: c.update_role("net", id="other"), FieldValueError),
        (lambda c: c.update_role("coach", person="Ari Chen", fte=0.75), PersonOverAllocatedError),
        (lambda c: c.add_role(role("x", "Clerk", "other", "cto", person="ARI  chen", fte=0.6)), PersonOverAllocatedError),
        (lambda c: c.add_dotted("net", "net"), FieldValueError),
        (lambda c: c.add_dotted("coach", "cao"), FieldValueError),
        (lambda c: c.add_dotted("net", "ghost"), UnknownRoleError),
        (lambda c: c.remove_dotted("net", "cao"), FieldValueError),
        (lambda c: c.remove_role("ghost"), UnknownRoleError),
    ],
)
def test_refused_edit_raises_typed_error_and_leaves_chart_unchanged(edit, error):
    chart = compliant_chart()
    before = snapshot(chart)
    revision = chart.revision
    with pytest.raises(error) as info:
        edit(chart)
    assert isinstance(info.value, EditError)
    assert str(info.value).endswith(".") and len(str(info.value)) > 15
    assert chart == before
    assert chart.revision == revision


def test_cycle_message_is_a_sentence_naming_both_roles():
    chart = compliant_chart()
    with pytest.raises(CycleError) as info:
        chart.reparent("cto", "hd")
    assert "Director of Technology" in str(info.value) and "Help Desk Technician" in str(info.value)
    assert chart.reparent_problem("cto", "hd") is not None
    assert chart.reparent_problem("hd", "cao") is None


def test_remove_reattaches_children_and_restore_undoes_exactly():
    chart = compliant_chart()
    before = snapshot(chart)
    removal = chart.remove_role("cto")
    assert "cto" not in chart
    # The IT leader's reports move up to the superintendent, in the IT leader's place.
    assert chart.children("supt") == ("cao", "dpo", "net", "tech", "hd", "coach", "coach2")
    assert chart.role("net").reports_to == "supt"
    chart.restore(removal)
    assert chart == before
    assert chart.children("supt") == before.children("supt")


def test_remove_drops_dotted_lines_to_the_role_and_restore_brings_them_back():
    chart = compliant_chart()
    before = snapshot(chart)
    removal = chart.remove_role("cao")
    assert chart.role("coach").dotted_to == ()
    chart.restore(removal)
    assert chart == before
    assert chart.dotted_reports("cao") == {"coach", "coach2"}


def test_update_returns_old_values_for_undo():
    chart = compliant_chart()
    old = chart.update_role("net", title="Senior Network Engineer", fte=0.8)
    assert old == {"title": "Network Engineer", "fte": 1.0}
    chart.update_role("net", **old)
    assert chart == compliant_chart()


def test_reparent_and_back_restores_sibling_order():
    chart = compliant_chart()
    old_manager, old_index = chart.reparent("tech", "cao", index=0)
    assert chart.children("cao")[0] == "tech"
    chart.reparent("tech", old_manager, old_index)
    assert chart == compliant_chart()


def test_move_sibling_keeps_the_users_order():
    chart = compliant_chart()
    old = chart.move_sibling("coach2", 0)
    assert chart.children("cto")[0] == "coach2"
    assert chart != compliant_chart()
    chart.move_sibling("coach2", old)
    assert chart == compliant_chart()


def test_dotted_lines_add_and_remove():
    chart = compliant_chart()
    chart.add_dotted("tech", "net")
    assert "tech" in chart.dotted_reports("net")
    position = chart.remove_dotted("tech", "net")
    assert position == 0 and chart == compliant_chart()


def test_person_fte_counts_across_roles():
    chart = compliant_chart()
    chart.add_role(role("clerk", "Records Clerk", "other", "cao", person="Ari Chen", fte=0.5))
    assert chart.person_fte("ari chen") == pytest.approx(1.0)
    # Moving the person off a role frees the FTE.
    chart.update_role("dpo", person="")
    chart.update_role("clerk", fte=1.0)
    assert chart.person_fte("Ari Chen") == pytest.approx(1.0)


def test_kept_totals_equal_the_roles_summed_afresh():
    """The chart's FTE, vacancies and annual cost, kept as roles come, go and change, are those of a new
    chart of the same roles, to the last bit."""
    chart = compliant_chart()
    chart.totals()
    chart.add_role(role("clerk", "Records Clerk", "other", "cao", person="Ari Chen", fte=0.3))
    chart.update_role("clerk", fte=0.1, annual_cost=51234.57)
    chart.update_role("dpo", vacant=True, annual_cost=0.1)
    removal = chart.remove_role("cao")
    chart.update_role("clerk", fte=0.7)
    assert chart.totals() == Chart(chart.district, chart.roles_in_order()).totals()
    chart.restore(removal)
    chart.remove_role("clerk")
    fresh = Chart(chart.district, chart.roles_in_order()).totals()
    assert chart.totals() == fresh
    assert fresh.vacant == sum(r.vacant for r in chart.roles.values()) and fresh.costed == 1


def test_loading_a_cycle_is_refused():
    roles = [role("a", "A", "other", "b"), role("b", "B", "other", "c"), role("c", "C", "other", "a")]
    with pytest.raises(CycleError):
        Chart(None, roles)


@pytest.mark.parametrize(
    "roles,error",
    [
        ([role("a", "A", "other", "a")], SelfReportError),
        ([role("a", "A", "other", None), role("a", "A2", "other", None)], DuplicateIdError),
        ([role("a", "A", "other", "zzz")], UnknownRoleError),
        ([Role(id="a", title="A", fte=1.5)], FteError),
        ([Role(id="bad id!", title="A")], FieldValueError),
    ],
)
def test_loading_bad_roles_is_refused(roles, error):
    with pytest.raises(error):
        Chart(None, roles)


def test_load_accepts_managers_after_their_reports():
    chart = Chart(None, [role("b", "B", "other", "a"), role("a", "A", "other", None)])
    assert chart.roots() == ("a",) and chart.children("a") == ("b",)


def test_copy_is_independent():
    chart = compliant_chart()
    other = chart.copy()
    other.update_role("net", title="Changed")
    assert chart.role("net").title == "Network Engineer"


def test_new_id_is_unique():
    chart = compliant_chart()
    assert chart.new_id("network") == "network"
    assert chart.new_id("net") == "net-2"


def test_unsubscribe_stops_notifications():
    chart = compliant_chart()
    seen = []
    unsubscribe = chart.subscribe(seen.append)
    unsubscribe()
    chart.update_role("net", title="X")
    assert seen == []
