"""What a chart keeps beside its roles (the lines between them, each person's FTE, the totals), kept edit by edit,
is what a new chart of the same roles works out afresh."""

from __future__ import annotations

from tdorg.model import Chart
from tdorg.model.people import holder_key
from tests.charts import compliant_chart, role


def assert_kept_as_afresh(chart: Chart) -> None:
    fresh = Chart(chart.district, chart.roles_in_order(), chart.settings)
    for role_id in (None, *chart.roles):
        assert chart.children(role_id) == fresh.children(role_id)
    for role_id in chart.roles:
        assert chart.dotted_reports(role_id) == fresh.dotted_reports(role_id)
    people = {holder_key(r) for r in chart.roles.values()} - {None}
    assert {p: chart.person_fte(p) for p in people} == {p: fresh.person_fte(p) for p in people}
    assert chart.over_allocated_people() == fresh.over_allocated_people()
    assert chart.totals() == fresh.totals()


def test_every_edit_keeps_the_lines_the_people_and_the_totals_as_a_new_chart_has_them() -> None:
    chart = compliant_chart()
    chart.totals(), chart.over_allocated_people()  # kept from here on
    chart.add_role(role("clerk", "Records Clerk", "other", "cao", person="Ari Chen", fte=0.5), index=0)
    chart.add_dotted("clerk", "net")
    assert_kept_as_afresh(chart)
    chart.reparent("tech", "clerk")
    chart.move_sibling("coach2", 0)
    chart.update_role("clerk", person="Bo Ray", fte=0.25, annual_cost=40000.1)
    assert_kept_as_afresh(chart)
    removal = chart.remove_role("cao")  # its reports move up, its dotted lines go
    assert_kept_as_afresh(chart)
    chart.restore(removal)
    chart.remove_dotted("clerk", "net")
    assert_kept_as_afresh(chart)
    removal = chart.remove_role("clerk")
    assert_kept_as_afresh(chart)
    chart.restore(removal)
    assert_kept_as_afresh(chart)
