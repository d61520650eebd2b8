"""A file's scenarios together never grow past the roles a file may hold, whichever path adds them:
an add, a paste, a roster update applied in place, a duplicate, an undo or a redo in another scenario."""

from __future__ import annotations

import pytest

from tdorg.model import document as document_module
from tdorg.model.clipboard import copied_from_data, paste_ops, payload
from tdorg.model.document import Document
from tdorg.model.edits import AddRole, Edit, RemoveRole
from tdorg.model.errors import TooManyRolesError
from tdorg.model.importing.sync import AddStep, apply_steps
from tdorg.model.role import Role
from tdorg.model.synthetic import synthetic_chart

LIMIT = 100  # the file's limit in these tests, in place of FILE_ROLES_MAX


@pytest.fixture
def full(monkeypatch):
    """A file of two 50-role scenarios, at its limit of 100 roles."""
    monkeypatch.setattr(document_module, "FILE_ROLES_MAX", LIMIT)
    document = Document.of(synthetic_chart(50, seed=1), "Current")
    document.duplicate(0, "Proposed")
    assert document.room.taken == LIMIT
    return document


def _role(n: int = 1) -> Role:
    return Role(id=f"extra-{n}", title="Technician", category="building_technician")


def _refused(document: Document, edit: Edit) -> None:
    before = [s.chart.copy() for s in document.scenarios]
    revisions = edit.chart.revision
    with pytest.raises(TooManyRolesError, match=f"scenarios together can hold at most {LIMIT:,} roles"):
        edit.apply()
    assert [s.chart for s in document.scenarios] == before
    assert edit.chart.revision >= revisions
    assert document.room.taken == LIMIT


def test_an_add_to_a_scenario_of_a_full_file_is_refused_and_changes_nothing(full):
    _refused(full, Edit(full.scenarios[1].chart, [AddRole(_role())]))


def test_a_paste_into_a_full_file_is_refused_whole(full):
    chart = full.scenarios[0].chart
    copied = copied_from_data(payload(chart, [chart.roots()[0]]))
    ops, _ = paste_ops(chart, copied, None)
    _refused(full, Edit(chart, ops))


def test_a_roster_update_in_place_that_adds_roles_is_refused(full):
    chart = full.scenarios[1].chart
    with pytest.raises(TooManyRolesError):
        apply_steps(chart, [AddStep(_role())])
    assert len(chart) == 50


def test_a_duplicate_scenario_is_refused_in_a_full_file(full):
    with pytest.raises(TooManyRolesError):
        full.duplicate(0, "Third")
    assert full.names == ["Current", "Proposed"]


def test_a_delete_makes_room_in_its_own_scenario(full):
    chart = full.scenarios[0].chart
    Edit(chart, [RemoveRole(chart.tree_order()[-1])]).apply()
    Edit(chart, [AddRole(_role())]).apply()
    assert len(chart) == 50 and full.room.taken == LIMIT


def test_roles_another_scenario_can_undo_back_keep_their_room(full):
    """Undo in the first scenario would bring its deleted role back: the second may not take its place,
    or the undo would make a file of 101 roles that no longer opens."""
    first, second = (s.chart for s in full.scenarios)
    delete = Edit(first, [RemoveRole(first.tree_order()[-1])])
    delete.apply()
    _refused(full, Edit(second, [AddRole(_role())]))
    delete.undo()
    delete.redo()
    assert sum(len(s.chart) for s in full.scenarios) == LIMIT - 1


def test_deleting_a_scenario_gives_its_room_back(full):
    full.remove(1)
    assert full.room.taken == 50
    Edit(full.chart, [AddRole(_role(n)) for n in range(50)]).apply()
    assert len(full.chart) == LIMIT
    _refused(full, Edit(full.chart, [AddRole(_role(99))]))


def test_a_file_up_to_its_limit_grows_role_by_role(monkeypatch):
    monkeypatch.setattr(document_module, "FILE_ROLES_MAX", LIMIT)
    document = Document.of(synthetic_chart(40, seed=1))
    document.duplicate(0, "Proposed")
    for n in range(LIMIT - 80):
        Edit(document.scenarios[n % 2].chart, [AddRole(_role(n))]).apply()
    assert sum(len(s.chart) for s in document.scenarios) == LIMIT
    _refused(document, Edit(document.scenarios[0].chart, [AddRole(_role(999))]))


def test_a_document_made_to_save_a_chart_leaves_the_chart_in_its_own_file(full):
    chart = full.scenarios[0].chart
    Document.of(chart)  # as the chart is written alone, e.g. by ``save_chart``
    assert chart.room.file is full.room


def test_a_chart_on_its_own_grows_to_the_chart_limit_only():
    chart = synthetic_chart(40, seed=1)
    chart.add_role(_role())
    assert len(chart) == 41 and chart.room.file is None
