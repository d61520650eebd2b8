"""Copied subtrees without Qt: the clipboard's JSON and outline, its checks, and the edits of paste,
duplicate and cut."""

from __future__ import annotations

import json
import random

import pytest

from tdorg.model import Chart
from tdorg.model.clipboard import (
    FORMAT_NAME,
    ClipboardError,
    copied_ids,
    copied_tops,
    cut_ops,
    duplicate_ops,
    outline,
    paste_ops,
    payload,
    payload_json,
    read,
)
from tdorg.model.edits import Edit
from tdorg.model.errors import EditError
from tests.charts import compliant_chart, role


def chart_with_lines() -> Chart:
    """The compliant chart with a dotted line inside the technology department and an arrangement."""
    chart = compliant_chart()
    chart.add_dotted("net", "dpo")
    chart.set_arrangement("cto", 2)
    return chart


def copy_of(chart: Chart, role_ids: list[str]) -> str:
    return payload_json(payload(chart, role_ids))


def paste(chart: Chart, text: str, manager: str | None) -> list[str]:
    ops, new_ids = paste_ops(chart, read(text), manager)
    Edit(chart, ops).apply()
    return new_ids


def test_a_copy_takes_each_chosen_role_with_its_subtree_once_in_chart_order():
    chart = compliant_chart()
    assert copied_tops(chart, ["net", "cto", "cao"]) == ["cao", "cto"]  # net is inside cto's subtree
    assert copied_ids(chart, ["net", "cto"]) == ["cto", "dpo", "net", "tech", "hd", "coach", "coach2"]
    data = payload(chart, ["cto", "net"])
    assert data["format"] == FORMAT_NAME
    assert [r["id"] for r in data["roles"]] == ["cto", "dpo", "net", "tech", "hd", "coach", "coach2"]
    assert data["roles"][0]["reports_to"] == ""  # the copy's top stands alone
    assert data["roles"][1]["reports_to"] == "cto"


def test_the_outline_indents_each_report_under_its_manager():
    chart = compliant_chart()
    assert outline(chart, ["cto"]).splitlines() == [
        "Director of Technology",
        "    Data Privacy Officer",
        "    Network Engineer",
        "    Building Technician",
        "    Help Desk Technician",
        "    Integration Coach",
        "    Integration Coach",
    ]
    assert outline(chart, ["dpo", "cao"]) == "Director of Teaching and Learning\nData Privacy Officer\n"
    assert outline(chart, []) == ""


def test_paste_adds_vacant_copies_of_the_positions_under_the_manager_with_fresh_ids():
    chart = chart_with_lines()
    before = {r.id: r for r in chart.roles.values()}
    new_ids = paste(chart, copy_of(chart, ["cto"]), "cao")
    assert len(new_ids) == 7 and not set(new_ids) & set(before)
    assert chart.children("cao")[-1] == new_ids[0]  # the manager's last report
    top = chart.role(new_ids[0])
    original = before["cto"]
    assert (top.title, top.category, top.fte, top.leads, top.backs_up, top.service_areas, top.core_services) == (
        original.title, original.category, original.fte, original.leads, original.backs_up,
        original.service_areas, original.core_services)
    assert top.vacant and top.person == ""
    assert "cabinet" in top.flags and "top_it_leader" not in top.flags  # the chart already has its top IT leader
    assert [chart.role(r).title for r in chart.children(new_ids[0])] == [before[r].title for r in chart.children("cto")]
    assert all(chart.role(r).vacant and not chart.role(r).person for r in new_ids)
    assert chart.arrangement(new_ids[0]) == 2
    assert {r.id: r for r in chart.roles.values() if r.id in before} == before  # the originals are untouched


def test_dotted_lines_inside_the_copy_join_the_copies_and_lines_out_are_kept_where_their_end_exists():
    chart = chart_with_lines()
    text = copy_of(chart, ["cto"])
    new_ids = paste(chart, text, "supt")
    new = dict(zip(["cto", "dpo", "net", "tech", "hd", "coach", "coach2"], new_ids))
    assert chart.role(new["net"]).dotted_to == (new["dpo"],)
    assert chart.role(new["coach"]).dotted_to == ("cao",)  # cao is outside the copy and in this chart

    elsewhere = Chart(roles=[role("head", "Head of Schools", "superintendent", None)])
    new_ids = paste(elsewhere, text, "head")
    new = dict(zip(["cto", "dpo", "net", "tech", "hd", "coach", "coach2"], new_ids))
    assert elsewhere.role(new["net"]).dotted_to == (new["dpo"],)
    assert elsewhere.role(new["coach"]).dotted_to == ()  # no cao here: the line is dropped
    assert "top_it_leader" in elsewhere.role(new["cto"]).flags  # this chart had none


def test_paste_with_no_manager_makes_top_level_roles_and_undo_removes_them_exactly():
    chart = chart_with_lines()
    before = chart.copy()
    ops, new_ids = paste_ops(chart, read(copy_of(chart, ["net", "hd"])), None)
    edit = Edit(chart, ops)
    edit.apply()
    assert chart.roots()[-2:] == tuple(new_ids)
    edit.undo()
    assert chart == before
    edit.redo()
    assert chart.roots()[-2:] == tuple(new_ids)


def test_duplicate_puts_each_copy_right_after_its_original():
    chart = compliant_chart()
    ops, new_ids = duplicate_ops(chart, ["net", "hd"])
    Edit(chart, ops).apply()
    assert chart.children("cto") == ("dpo", "net", new_ids[0], "tech", "hd", new_ids[1], "coach", "coach2")
    assert chart.role(new_ids[0]).title == "Network Engineer" and chart.role(new_ids[0]).vacant


def test_cut_removes_whole_subtrees_and_undo_puts_back_every_line():
    chart = chart_with_lines()
    chart.add_dotted("cao", "hd")  # a line into the cut subtree from outside
    before = chart.copy()
    edit = Edit(chart, cut_ops(chart, ["cto"]))
    edit.apply()
    assert set(chart.roles) == {"supt", "cao"}
    assert chart.role("cao").dotted_to == ()
    edit.undo()
    assert chart == before
    assert chart.children("cto") == before.children("cto")


def test_pasting_the_same_copy_twice_gives_different_ids():
    chart = compliant_chart()
    text = copy_of(chart, ["cto"])
    first = paste(chart, text, "supt")
    second = paste(chart, text, "supt")
    assert not set(first) & set(second)
    assert len(chart) == 9 + 14


@pytest.mark.parametrize(
    "text, says",
    [
        ("Director of Technology\n    Network Engineer\n", "not valid JSON"),
        ("[1, 2]", "something other than tdorg roles"),
        ('{"format": "tdorg-sample", "roles": []}', "something other than tdorg roles"),
        ('{"format": "tdorg-roles", "version": 1, "roles": []}', "no roles to paste"),
        ('{"format": "tdorg-roles", "version": 99, "roles": []}', "newer tdorg"),
        ('{"format": "tdorg-roles", "version": true, "roles": []}', "no valid version"),
        ('{"format": "tdorg-roles", "version": 1, "roles": {}}', "no list of roles"),
        ('{"format": "tdorg-roles", "version": 1, "roles": [{"id": "a"}]}', "“title” is required"),
        ('{"format": "tdorg-roles", "version": 1, "roles": [{"id": "a", "title": "A", "fte": 3}]}', "FTE"),
        ('{"format": "tdorg-roles", "version": 1, "roles": [{"id": "a", "title": "A", "reports_to": "b"},'
         ' {"id": "b", "title": "B", "reports_to": "a"}]}', "loop"),
        ('{"format": "tdorg-roles", "version": 1, "roles": [{"id": "a", "title": "A"}, {"id": "a", "title": "B"}]}',
         "used twice"),
        ('{"format": "tdorg-roles", "version": 1, "roles": [{"id": "a", "title": "A"}], "arrangements": {"z": 1}}',
         "no role with that id"),
    ],
)
def test_foreign_or_malformed_data_is_refused_with_a_reason(text: str, says: str):
    with pytest.raises(ClipboardError) as refused:
        read(text)
    assert says.lower() in str(refused.value).lower()


def test_randomly_damaged_clipboard_data_is_refused_or_pasted_never_crashing():
    chart = chart_with_lines()
    text = copy_of(chart, ["cto"])
    rng = random.Random(15)
    outcomes = {"refused": 0, "pasted": 0}
    for _ in range(300):
        chars = list(text)
        for _ in range(rng.randint(1, 6)):
            at = rng.randrange(len(chars))
            chars[at] = rng.choice('{}[]",:0123456789abcdefghijklmnopqrstuvwxyz -\u00e9\\')
        target = chart.copy()
        before = target.copy()
        try:
            ops, _ids = paste_ops(target, read("".join(chars)), "supt")
            Edit(target, ops).apply()
        except EditError:  # refused by the clipboard's checks or by the chart: nothing changed
            outcomes["refused"] += 1
            assert target == before
            continue
        outcomes["pasted"] += 1
    assert outcomes["refused"] > 0


def test_every_field_of_a_role_survives_the_round_trip_through_json():
    chart = chart_with_lines()
    chart.update_role("net", notes="Owns the core switches", annual_cost=98000.0, employment="contractor", fte=0.8)
    data = json.loads(copy_of(chart, ["net"]))
    assert data["roles"][0]["notes"] == "Owns the core switches"
    (new,) = paste(chart, json.dumps(data), "cto")
    copy = chart.role(new)
    assert (copy.notes, copy.annual_cost, copy.employment, copy.fte) == ("Owns the core switches", 98000.0,
                                                                          "contractor", 0.8)
    assert copy.dotted_to == ("dpo",)  # to a role outside this copy that the chart has


def test_a_cut_pasted_elsewhere_is_a_move_keeping_ids_and_people_and_a_second_paste_copies():
    chart = chart_with_lines()
    text = payload_json(payload(chart, ["net"], cut=True))
    Edit(chart, cut_ops(chart, ["net"])).apply()
    assert "net" not in chart
    (moved,) = paste(chart, text, "dpo")
    assert moved == "net"
    net = chart.role("net")
    assert (net.reports_to, net.person, net.vacant, net.dotted_to) == ("dpo", "Kim Hale", False, ("dpo",))
    (again,) = paste(chart, text, "dpo")
    assert again != "net" and chart.role(again).vacant and chart.role(again).person == ""


def test_a_paste_under_a_collapsed_manager_expands_it_in_the_same_step():
    chart = compliant_chart()
    chart.set_collapsed("cto", True)
    before = chart.copy()
    ops, _ids = paste_ops(chart, read(copy_of(chart, ["cao"])), "net")  # net is hidden under cto
    edit = Edit(chart, ops)
    edit.apply()
    assert not chart.collapsed
    edit.undo()
    assert chart == before and chart.collapsed == {"cto"}
    ops, _ids = paste_ops(chart, read(copy_of(chart, ["cao"])), "cto")  # under the collapsed manager itself
    Edit(chart, ops).apply()
    assert not chart.collapsed
