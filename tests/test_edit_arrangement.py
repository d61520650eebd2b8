"""The "set arrangement" edit: one undo step that puts the previous choice back exactly."""

from __future__ import annotations

import pytest

from tdorg.model import Chart, Role
from tdorg.model.arrangement import ONE_ROW
from tdorg.model.edits import Edit, RemoveRole, SetArrangement
from tdorg.model.errors import FieldValueError
from tdorg.model.layout import compute_layout


def team(leaves: int = 6) -> Chart:
    roles = [Role(id="boss", title="Director")]
    roles += [Role(id=f"k{i}", title=f"Technician {i}", reports_to="boss") for i in range(leaves)]
    return Chart(roles=roles)


def test_setting_an_arrangement_undoes_and_redoes_exactly() -> None:
    chart = team()
    before, layout_before = chart.copy(), compute_layout(chart, depth=6).positions
    edit = Edit(chart, [SetArrangement("boss", ONE_ROW)])
    edit.apply()
    after = chart.copy()
    assert chart.arrangements == {"boss": ONE_ROW}
    assert len({compute_layout(chart, depth=6).positions[f"k{i}"][1] for i in range(6)}) == 1
    edit.undo()
    assert chart == before and compute_layout(chart, depth=6).positions == layout_before
    edit.redo()
    assert chart == after


def test_back_to_automatic_and_undo_restores_a_choice_wider_than_the_leaves_left() -> None:
    chart = team()
    Edit(chart, [SetArrangement("boss", 5)]).apply()
    Edit(chart, [RemoveRole("k0"), RemoveRole("k1"), RemoveRole("k2")]).apply()
    automatic = Edit(chart, [SetArrangement("boss", None)])
    automatic.apply()
    assert chart.arrangements == {}
    automatic.undo()
    assert chart.arrangements == {"boss": 5}


def test_a_refused_arrangement_leaves_the_chart_as_it_was() -> None:
    chart = team(3)
    before = chart.copy()
    with pytest.raises(FieldValueError):
        Edit(chart, [SetArrangement("boss", 2), SetArrangement("boss", 4)]).apply()
    assert chart == before and chart.arrangements == {}
