"""Collapsed managers in the chart (no Qt): state, edits, consistency, layout and validation."""

from __future__ import annotations

import pytest

from datetime import date
from pathlib import Path

from tdorg.export.api import export_chart
from tdorg.export.graphviz.dot import box_size, chart_to_dot, fit_area
from tdorg.export.options import ExportOptions
from tdorg.export.packet.outline import reporting_structure
from tdorg.export.pages import plan_pages
from tdorg.export.run import ExportRun
from tdorg.model import Chart, Role
from tdorg.model.chart import COLLAPSED, STRUCTURAL
from tdorg.model.edits import Edit, RemoveRole, Reparent, SetCollapsed
from tdorg.model.errors import FieldValueError, UnknownRoleError
from tdorg.model.layout import Tree, compute_layout, layout_tree, sizes
from tdorg.model.rules import Validator, validate
from tdorg.model.synthetic import synthetic_chart


def department() -> Chart:
    """A director over two managers; the first has two technicians, one of whom leads an intern."""
    roles = [
        Role(id="dir", title="Technology Director"),
        Role(id="m1", title="Technology Services", reports_to="dir"),
        Role(id="t1", title="Technician A", reports_to="m1"),
        Role(id="t2", title="Technician B", reports_to="m1"),
        Role(id="in", title="Intern", reports_to="t2", dotted_to=("m2",)),
        Role(id="m2", title="Network Manager", reports_to="dir"),
        Role(id="ne", title="Network Engineer", reports_to="m2"),
    ]
    return Chart(roles=roles)


def test_collapsing_hides_the_subtree_and_announces_it() -> None:
    chart = department()
    changes = []
    chart.subscribe(changes.append)
    assert chart.set_collapsed("m1", True) is False
    assert [(c.kind, c.role_ids) for c in changes] == [(COLLAPSED, ("m1",))]
    assert COLLAPSED not in STRUCTURAL  # the chart prints whole: only the canvas lays out again
    assert chart.collapsed == {"m1"} and chart.is_collapsed("m1")
    assert chart.hidden_roles() == {"t1": "m1", "t2": "m1", "in": "m1"}
    assert chart.collapsed_above("in") == ["m1"] and chart.collapsed_above("ne") == []
    assert chart.set_collapsed("m1", True) is True and len(changes) == 1  # no change, no announcement
    assert chart.set_collapsed("m1", False) is True
    assert chart.collapsed == frozenset() and chart.hidden_roles() == {}


def test_a_collapsed_manager_inside_a_collapsed_one_is_folded_into_the_highest() -> None:
    chart = department()
    chart.set_collapsed("t2", True)
    assert chart.hidden_roles() == {"in": "t2"}
    chart.set_collapsed("dir", True)
    assert chart.hidden_roles() == dict.fromkeys(["m1", "t1", "t2", "in", "m2", "ne"], "dir")
    assert chart.collapsed_above("in") == ["t2", "dir"]
    chart.set_collapsed("dir", False)
    assert chart.hidden_roles() == {"in": "t2"}  # the inner one stays collapsed


def test_a_role_without_reports_cannot_be_collapsed_and_an_unknown_one_is_refused() -> None:
    chart = department()
    with pytest.raises(FieldValueError, match="“Network Engineer” has no reports to collapse"):
        chart.set_collapsed("ne", True)
    with pytest.raises(UnknownRoleError):
        chart.set_collapsed("ghost", True)
    with pytest.raises(UnknownRoleError):
        Chart(roles=department().roles_in_order(), collapsed=["ghost"])
    assert chart.collapsed == frozenset()


def test_collapse_is_one_undoable_edit() -> None:
    chart = department()
    before = chart.copy()
    edit = Edit(chart, [SetCollapsed("m1", True)])
    edit.apply()
    after = chart.copy()
    assert after.collapsed == {"m1"} and after == chart and after != before
    edit.undo()
    assert chart == before and chart.collapsed == frozenset()
    edit.redo()
    assert chart == after


def test_deleting_a_collapsed_manager_leaves_no_id_behind_and_undo_puts_it_back() -> None:
    chart = department()
    chart.set_collapsed("m1", True)
    chart.set_collapsed("t2", True)
    before = chart.copy()
    delete = Edit(chart, [RemoveRole("m1")])
    delete.apply()
    assert chart.collapsed == {"t2"}  # its reports moved up, shown; the intern stays folded into t2
    assert chart.hidden_roles() == {"in": "t2"}
    delete.undo()
    assert chart == before and chart.collapsed == {"m1", "t2"}
    Edit(chart, [RemoveRole("t2"), RemoveRole("in")]).apply()
    assert chart.collapsed == {"m1"} and chart.hidden_roles() == {"t1": "m1"}


def test_a_role_moved_under_a_collapsed_manager_is_hidden_with_its_subtree() -> None:
    chart = department()
    chart.set_collapsed("m2", True)
    Edit(chart, [Reparent("m1", "m2")]).apply()
    assert chart.hidden_roles() == dict.fromkeys(["ne", "m1", "t1", "t2", "in"], "m2")
    chart.set_collapsed("m2", False)
    Edit(chart, [Reparent("ne", "dir")]).apply()
    chart.set_collapsed("m2", True)
    Edit(chart, [Reparent("m1", "dir")]).apply()  # its only report left: m2 hides nothing
    assert chart.hidden_roles() == {} and not chart.is_collapsed("m2") and chart.collapsed == {"m2"}


def test_copies_and_equality_keep_the_collapsed_managers() -> None:
    chart = department()
    chart.set_collapsed("m1", True)
    copy = chart.copy()
    assert copy.collapsed == {"m1"} and copy == chart
    copy.set_collapsed("m1", False)
    assert copy != chart


def test_the_canvas_layout_treats_a_collapsed_manager_as_a_leaf() -> None:
    chart = department()
    chart.set_collapsed("m1", True)
    shown = layout_tree(Tree.of(chart).folded(chart.hidden_roles()), sizes(), 1)
    pruned = department()
    for role_id in ("in", "t2", "t1"):
        pruned.remove_role(role_id)
    assert shown.positions == compute_layout(pruned).positions
    assert "t1" not in shown.positions and shown.width < compute_layout(department()).width


def test_collapsed_managers_are_not_stacked_as_leaf_reports() -> None:
    roles = [Role(id="dir", title="Director")]
    for n in range(3):
        roles += [Role(id=f"m{n}", title=f"Manager {n}", reports_to="dir"),
                  Role(id=f"t{n}", title=f"Technician {n}", reports_to=f"m{n}")]
    chart = Chart(roles=roles)
    for n in range(3):
        chart.set_collapsed(f"m{n}", True)
    shown = layout_tree(Tree.of(chart).folded(chart.hidden_roles()), sizes(), 4)
    assert len({shown.positions[f"m{n}"][1] for n in range(3)}) == 1  # one row, as when expanded
    assert "dir" not in shown.stacked
    leaves = Chart(roles=[r for r in roles if not r.id.startswith("t")])
    assert "dir" in layout_tree(Tree.of(leaves), sizes(), 4).stacked  # real leaves would be stacked


def test_the_whole_chart_still_prints_and_validates() -> None:
    chart = synthetic_chart(400, seed=2)
    whole_layout, whole_dot = compute_layout(chart).positions, chart_to_dot(chart)
    validator = Validator(chart)
    before = validator.report
    manager = max(chart.roles, key=lambda r: len(chart.descendants(r)) if chart.role(r).reports_to else 0)
    chart.set_collapsed(manager, True)
    assert len(chart.hidden_roles()) > 100
    assert validator._dirty == set() and validator._metrics_dirty == set()  # no rule re-runs
    assert validator.report is before and before == validate(chart)  # the report stands
    assert compute_layout(chart).positions == whole_layout
    assert chart_to_dot(chart) == whole_dot


def test_the_board_pdf_pages_packet_outline_and_svg_show_the_whole_chart(tmp_path: Path) -> None:
    chart = synthetic_chart(120, seed=4)
    whole = chart.copy()
    for manager in ("cto", "cao"):
        chart.set_collapsed(manager, True)
    assert len(chart.hidden_roles()) > 60
    box, area = box_size(chart), fit_area(ExportOptions())
    pages = [(p.tree.order, p.layout.positions) for p in plan_pages(chart, box, area).pages]
    assert pages == [(p.tree.order, p.layout.positions) for p in plan_pages(whole, box, area).pages]
    assert reporting_structure(chart) == reporting_structure(whole)
    run = ExportRun(title_date=date(2026, 12, 2))
    folded = export_chart(chart, tmp_path / "folded.svg", ExportOptions(format="svg"), run).read_bytes()
    assert folded == export_chart(whole, tmp_path / "whole.svg", ExportOptions(format="svg"), run).read_bytes()
    assert folded.count(b'<g id="node') == len(chart)  # a box for every role, the hidden ones too
