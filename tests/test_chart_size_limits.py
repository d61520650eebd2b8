"""Whatever the editor can make and save, tdorg can open again: the limits on a chart's and a file's roles."""

from __future__ import annotations

import pytest

from tdorg.model import chart as chart_module
from tdorg.model import document as document_module
from tdorg.model.document import Document
from tdorg.model.errors import TooManyRolesError
from tdorg.model.persistence import open_document, save_document
from tdorg.model.role import Role
from tdorg.model.synthetic import synthetic_chart
from tdorg.model.values import FILE_ROLES_MAX, ROLES_MAX


def test_the_largest_chart_the_editor_is_measured_with_fits_the_limits_twice():
    assert ROLES_MAX >= 2 * 50_000
    assert FILE_ROLES_MAX >= 2 * ROLES_MAX


def test_a_chart_larger_than_the_old_limit_saves_and_opens_again(tmp_path):
    chart = synthetic_chart(20_500, seed=3)
    path = tmp_path / "big.tdorg"
    save_document(Document.of(chart), path)
    opened = open_document(path)
    assert opened.chart == chart


def test_a_full_chart_refuses_another_role_and_stays_as_it_was(monkeypatch):
    chart = synthetic_chart(40, seed=1)
    monkeypatch.setattr(chart_module, "ROLES_MAX", len(chart.roles))
    before = chart.copy()
    with pytest.raises(TooManyRolesError, match="at most 40 roles"):
        chart.add_role(Role(id="extra", title="Technician", category="building_technician"))
    assert chart == before


def test_a_scenario_that_would_take_the_file_past_its_limit_is_refused(monkeypatch):
    monkeypatch.setattr(document_module, "FILE_ROLES_MAX", 79)
    document = Document.of(synthetic_chart(40, seed=1))
    with pytest.raises(TooManyRolesError, match="scenarios together can hold at most 79 roles"):
        document.duplicate(0, "Proposed")
    assert document.names == ["Current"]
    monkeypatch.setattr(document_module, "FILE_ROLES_MAX", 80)
    document = Document.of(synthetic_chart(40, seed=1))
    document.duplicate(0, "Proposed")
    assert document.names == ["Current", "Proposed"]
