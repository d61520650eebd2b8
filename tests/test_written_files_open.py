"""What tdorg writes, tdorg opens: any chart the editor can hold, written as a ``.tdorg`` file, as JSON or as
an exported roles sheet, reads back; a file its reader would refuse is never written."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tdorg.model.chart import Chart
from tdorg.model.district import District
from tdorg.model.document import Document, Scenario
from tdorg.model.errors import EditError, FileError
from tdorg.model.formats import load_chart, save_chart
from tdorg.model.formats import text_file
from tdorg.model.importing import limits, plan_import, read_table, write_roles_csv, write_roles_xlsx
from tdorg.model.importing.errors import SpreadsheetError
from tdorg.model.persistence import open_document, save_document
from tdorg.model.role import Role
from tdorg.model.synthetic import synthetic_chart
from tdorg.model.values import NOTES_MAX, PERSON_MAX, TITLE_MAX
from tdorg.model.vocab import CATEGORIES, EMPLOYMENT_TYPES

#: Any text a field may keep: every plane, control characters and line breaks, but no NUL or lone surrogate.
_ANY = st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x00")


def _texts(limit: int) -> st.SearchStrategy[str]:
    return st.text(_ANY, max_size=min(limit, 80))


_ROLE = st.fixed_dictionaries({
    "title": _texts(TITLE_MAX).filter(str.strip),
    "person": _texts(PERSON_MAX),
    "notes": _texts(NOTES_MAX),
    "category": st.sampled_from(sorted(CATEGORIES)),
    "employment": st.sampled_from(sorted(EMPLOYMENT_TYPES)),
    "fte": st.floats(min_value=0.01, max_value=1.0),
    "annual_cost": st.none() | st.floats(min_value=0, max_value=1e12),
    "vacant": st.booleans(),
})


def _chart(fields: list[dict], district_name: str, notes: str) -> Chart | None:
    """The chart the editor would make of these values: each one through the model's own checks."""
    chart = Chart(District(name=district_name), notes=notes)
    try:
        for n, values in enumerate(fields):
            chart.add_role(Role(id=f"r{n}", reports_to=f"r{n // 2}" if n else None, **values))
    except EditError:
        return None  # the editor refuses it too
    return chart


_CHARTS = st.builds(_chart, st.lists(_ROLE, min_size=1, max_size=6), _texts(200), _texts(NOTES_MAX))
_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                             HealthCheck.function_scoped_fixture])


@_SETTINGS
@given(chart=_CHARTS, name=_texts(100).filter(str.strip))
def test_any_chart_the_editor_holds_saves_and_opens_again(tmp_path, chart, name):
    if chart is None:
        return
    path = tmp_path / "c.tdorg"
    document = Document([Scenario("Current", chart), Scenario(name.strip(), chart.copy())]) if (
        name.strip() != "Current") else Document.of(chart)
    save_document(document, path)
    assert open_document(path) == document


def _json_reads_back(chart: Chart, path: Path) -> None:
    save_chart(chart, path.with_suffix(".json"))
    assert load_chart(path.with_suffix(".json")) == chart


def _roles_import_again(chart: Chart, path: Path) -> None:
    write_roles_csv(chart, path.with_suffix(".csv"))
    plan = plan_import(read_table(path.with_suffix(".csv")))
    assert plan.problems == []  # no value refused (an import still tidies line ends and spaces around notes)
    assert [r.id for r in plan.chart().roles_in_order()] == [r.id for r in chart.roles_in_order()]


@pytest.mark.parametrize("reads_back", [_json_reads_back, _roles_import_again], ids=["json", "roles sheet"])
@_SETTINGS
@given(chart=_CHARTS)
def test_any_chart_the_editor_holds_is_written_and_read_again(tmp_path, reads_back, chart):
    if chart is not None:
        reads_back(chart, tmp_path / "chart")


def test_json_larger_than_its_reader_takes_is_not_written(tmp_path, monkeypatch):
    chart = synthetic_chart(40, seed=1)
    path = tmp_path / "c.json"
    save_chart(chart, path)
    size = path.stat().st_size
    monkeypatch.setattr(text_file, "MAX_TEXT_BYTES", size)  # at the limit: written and read again
    save_chart(chart, path)
    assert load_chart(path) == chart
    chart.update_role(chart.tree_order()[-1], notes="one more line")
    with pytest.raises(FileError, match="not written; save the chart as a .tdorg file"):
        save_chart(chart, path)
    assert path.stat().st_size == size


def test_a_roles_sheet_of_more_text_than_an_import_reads_is_not_written(tmp_path, monkeypatch):
    chart = synthetic_chart(40, seed=1)
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 500)
    with pytest.raises(SpreadsheetError, match="more than the 500 tdorg imports"):
        write_roles_csv(chart, tmp_path / "roles.csv")
    assert not (tmp_path / "roles.csv").exists()


def test_every_role_a_chart_holds_is_a_row_an_import_reads(tmp_path: Path):
    """The import reads as many rows as a chart holds roles: a chart past the old 20,000 exports and imports."""
    from tdorg.model.values import ROLES_MAX

    assert limits.MAX_ROWS >= ROLES_MAX
    chart = synthetic_chart(20_100, seed=2)
    path = tmp_path / "roles.csv"
    write_roles_csv(chart, path)
    assert len(read_table(path).rows) == 20_100


@pytest.mark.parametrize("name", ["Plan\x00B", "Plan \ud800"])
def test_a_scenario_name_no_file_could_hold_is_refused_as_it_is_given(name):
    document = Document.of(synthetic_chart(5, seed=1))
    with pytest.raises(EditError, match="scenario name holds"):
        document.duplicate(0, name)
    with pytest.raises(EditError, match="scenario name holds"):
        document.rename(0, name)
    assert document.names == ["Current"]


@pytest.mark.parametrize("write", [write_roles_csv, write_roles_xlsx], ids=["csv", "xlsx"])
def test_a_roles_sheet_with_a_cell_longer_than_a_spreadsheet_cell_is_not_written(tmp_path, write):
    chart = synthetic_chart(20, seed=1)
    functions = tuple(f"function_{n:05d}" for n in range(limits.MAX_CELL_CHARS // 15 + 1))  # 15 characters each
    chart.update_role(chart.tree_order()[-1], leads=functions)
    path = tmp_path / f"roles.{write.__name__[-4:].lstrip('_')}"
    with pytest.raises(SpreadsheetError, match=r"“leads” cell of .* more than the 32,767 a spreadsheet cell holds"):
        write(chart, path)
    assert not path.exists()


def test_a_workbook_whose_sheet_the_import_refuses_is_not_written(tmp_path):
    """Long notes of four-byte characters: within the import's text limit, but the sheet's XML is more than
    the 50 MB a workbook part may be, so the import would refuse the workbook; its CSV is written."""
    chart = Chart(District(name="Emoji"))
    per_role = NOTES_MAX * 4
    for n in range(limits.MAX_XML_BYTES // per_role + 1):
        chart.add_role(Role(id=f"r{n}", title="Technician", notes=chr(0x1F600 + n % 64) * NOTES_MAX))
    path = tmp_path / "roles.xlsx"
    with pytest.raises(SpreadsheetError, match="part “xl/worksheets/sheet1.xml” of the workbook is .* at most 50 MB"):
        write_roles_xlsx(chart, path)
    assert not path.exists()
    write_roles_csv(chart, tmp_path / "roles.csv")
    assert len(read_table(tmp_path / "roles.csv").rows) == len(chart)


def test_a_workbook_within_the_import_s_limits_is_written_and_read_again(tmp_path, monkeypatch):
    chart = synthetic_chart(40, seed=1)
    path = tmp_path / "roles.xlsx"
    write_roles_xlsx(chart, path)
    monkeypatch.setattr(limits, "MAX_CELLS", len(chart))  # fewer than the sheet's cells: refused
    with pytest.raises(SpreadsheetError, match="tdorg would not import this workbook .* export the roles as CSV"):
        write_roles_xlsx(chart, tmp_path / "over.xlsx")
    assert not (tmp_path / "over.xlsx").exists()
    monkeypatch.undo()
    assert [r.id for r in plan_import(read_table(path)).chart().roles_in_order()] == [r.id for r in chart.roles_in_order()]
