"""The model's edits, without Qt: random sequences with undo and redo keep every chart sound.

Each scenario's history is a plain list of :class:`~tdorg.model.edits.Edit`
objects with a cursor, as an undo stack keeps them; a refused edit leaves
the chart exactly as it was and nothing on the history.
"""

from __future__ import annotations

import pytest

from tdorg.model import Chart
from tdorg.model.edit_texts import quoted, settings_change_text
from tdorg.model.edits import AddRole, Edit, Reparent, UpdateRole
from tdorg.model.errors import EditError
from tdorg.model.new_roles import DEFAULT_TITLES, ROLE_FAMILIES, new_role
from tdorg.model.rules import Report, Validator
from tdorg.model.vocab import CATEGORIES
from tests.charts import compliant_chart
from tests.edit_machine import MACHINE_SETTINGS, EditMachine


class History:
    """The edits of one chart, with the place up to which they are done, as an undo stack keeps them."""

    def __init__(self) -> None:
        self.edits: list[Edit] = []
        self.done = 0

    def push(self, edit: Edit) -> None:
        edit.apply()
        del self.edits[self.done:]
        self.edits.append(edit)
        self.done += 1

    def undo(self) -> None:
        """Undo the last done edit; nothing when there is none (as an undo stack does)."""
        if self.done > 0:
            self.done -= 1
            self.edits[self.done].undo()

    def redo(self) -> None:
        if self.done < len(self.edits):
            self.edits[self.done].redo()
            self.done += 1


class ModelEditMachine(EditMachine):
    def start_with(self, charts: list[Chart]) -> None:
        self._charts = charts
        self.validators = [Validator(c) for c in charts]
        self.histories = [History() for _ in charts]
        self.shown = 0

    def teardown(self) -> None:
        for validator in self.validators:
            validator.close()

    @property
    def index(self) -> int:
        return self.shown

    def charts(self) -> list[Chart]:
        return self._charts

    def reports(self) -> list[Report]:
        return [v.report for v in self.validators]

    def apply(self, text, ops):
        self.histories[self.shown].push(Edit(self.chart, ops))

    def can_undo(self) -> bool:
        return self.histories[self.shown].done > 0

    def can_redo(self) -> bool:
        history = self.histories[self.shown]
        return history.done < len(history.edits)

    def undo_step(self) -> None:
        self.histories[self.shown].undo()

    def redo_step(self) -> None:
        self.histories[self.shown].redo()

    def show(self, index: int) -> None:
        self.shown = index


ModelEditMachine.TestCase.settings = MACHINE_SETTINGS
test_random_model_edits_with_undo_and_redo = ModelEditMachine.TestCase


def test_a_refused_operation_undoes_the_ones_before_it():
    chart = compliant_chart()
    before = chart.copy()
    edit = Edit(chart, [UpdateRole("hd", {"title": "Help Desk Lead"}), Reparent("cto", "hd")])
    with pytest.raises(EditError):
        edit.apply()
    assert chart == before


def test_an_edit_undoes_and_redoes_exactly():
    chart = compliant_chart()
    before = chart.copy()
    role = new_role(chart, "security", "cto")
    edit = Edit(chart, [AddRole(role), UpdateRole(role.id, {"person": "Noa Brandt", "vacant": False})])
    edit.apply()
    after = chart.copy()
    assert chart.role(role.id).person == "Noa Brandt"
    edit.undo()
    assert chart == before
    edit.redo()
    assert chart == after


def test_new_roles_start_vacant_with_their_title_and_flags():
    empty = Chart()
    leader = new_role(empty, "it_leader", None)
    assert leader.vacant and leader.title == DEFAULT_TITLES["it_leader"]
    assert leader.flags == {"top_it_leader", "cabinet"}
    empty.add_role(leader)
    assert new_role(empty, "it_leader", leader.id).flags == frozenset(), "only the first IT leader is the top one"
    assert new_role(empty, "privacy_officer", None).flags == {"privacy_officer"}
    assert new_role(empty, "board", None).title == CATEGORIES["board"]


def test_every_role_type_is_in_at_most_one_family():
    listed = [c for _family, categories in ROLE_FAMILIES for c in categories]
    assert len(listed) == len(set(listed))
    assert set(listed) <= set(CATEGORIES)


def test_undo_texts_name_the_role_and_the_rule():
    assert quoted("Director of Technology") == "“Director of Technology”"
    assert quoted("x" * 50, 10) == "“xxxxxxxxx…”"
    settings = compliant_chart().settings
    assert settings_change_text(settings, settings.disable("SEC-1", "Regional agency")) == "Switch off SEC-1"
    changed = settings.with_threshold("SPN-1", "max_direct_reports", 12)
    assert settings_change_text(settings, changed) == "Change SPN-1 threshold"
    assert settings_change_text(settings, changed.disable("SEC-1", "x")) == "Change rule settings"
