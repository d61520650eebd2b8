"""Ratios while a department is being designed: why a figure is missing, and the figure as planned.

The framework counts filled FTE only in its ratios (a vacant position is a plan, not a person); the
planned figure beside it counts the vacant positions as filled and says so, and the rules' findings
stay those of the filled positions.
"""

from __future__ import annotations

from tdorg.model import Chart, District, Role
from tdorg.model.rules import compute_metrics, validate

TOP = frozenset({"top_it_leader", "cabinet"})


def _chart(*, vacant: bool = True, students: int | None = 600) -> Chart:
    """A district of 600 students being built from scratch: every new position is vacant."""
    roles = [
        Role(id="supt", title="Superintendent", category="superintendent", flags=frozenset({"superintendent"}),
             person="Pat Lee"),
        Role(id="coord", title="Technology Coordinator", category="it_leader", reports_to="supt", flags=TOP,
             vacant=vacant),
        Role(id="tech", title="Technician", category="building_technician", reports_to="coord", fte=0.5,
             vacant=vacant),
        Role(id="hd", title="Help Desk", category="help_desk", reports_to="coord", vacant=vacant),
    ]
    return Chart(District(students=students, teachers=45, devices=660), roles)


def _metrics(chart: Chart) -> dict[str, object]:
    return {m.key: m for m in compute_metrics(chart)}


def test_with_every_position_vacant_the_ratio_is_missing_but_planned() -> None:
    m = _metrics(_chart())
    students = m["students_per_tech_fte"]
    assert students.value is None and students.display() == "—"
    assert students.planned == 240 and students.planned_vacant == 3  # 600 / 2.5 FTE
    assert students.planned_text() == "Planned: 240 students with 3 vacant positions filled"
    assert "No filled positions yet" in students.missing and "Properties › Person" in students.missing
    devices = m["devices_per_technician"]
    assert devices.value is None and devices.planned == 440 and devices.planned_vacant == 2  # 660 / 1.5
    buildings = m["technicians_vs_buildings"]
    assert buildings.value == 0 and buildings.planned == 1.5 and buildings.planned_vacant == 2
    integration = m["teachers_per_integration_fte"]
    assert integration.planned is None and "add an integration coach" in integration.missing


def test_filled_positions_give_the_figure_and_vacancies_still_plan_more() -> None:
    chart = _chart(vacant=False)
    assert _metrics(chart)["students_per_tech_fte"].value == 240
    assert _metrics(chart)["students_per_tech_fte"].planned is None  # no vacancy would change it
    chart.update_role("hd", vacant=True)
    m = _metrics(chart)["students_per_tech_fte"]
    assert m.value == 400 and m.missing == ""  # 600 / 1.5 filled FTE
    assert m.planned == 240 and m.planned_text().endswith("with 1 vacant position filled")


def test_a_missing_district_fact_is_named_before_the_vacancies() -> None:
    m = _metrics(_chart(students=None))["students_per_tech_fte"]
    assert m.planned is None
    assert m.missing.startswith("Enter the number of students (Chart › District Facts…).")
    assert "No filled positions yet" in m.missing


def test_the_plan_changes_no_finding() -> None:
    """STF-2 still says the figure cannot be worked out while only vacancies would do the work."""
    chart = _chart()
    findings = {f.rule_id: f for f in validate(chart).findings}
    assert "no filled FTE" in findings["STF-2"].message
    assert "240" not in findings["STF-2"].message
    as_dict = _metrics(chart)["students_per_tech_fte"].as_dict()
    assert as_dict["value"] is None and as_dict["planned"] == 240 and as_dict["planned_vacant"] == 3


def test_the_board_packet_and_validate_say_why_and_what_is_planned(tmp_path, capsys) -> None:
    from tdorg.cli.commands import run
    from tdorg.export.packet.content import metrics_section
    from tdorg.model.formats import save_chart

    path = tmp_path / "new.json"
    save_chart(_chart(), path)
    run(["validate", str(path)])
    out = " ".join(capsys.readouterr().out.split())
    assert "No filled positions yet — ratios count filled positions only" in out
    assert "Planned: 240 students with 3 vacant positions filled" in out
    table = metrics_section(validate(_chart()))[1]
    cells = " ".join(getattr(cell, "markup", "") for row in table.rows for cell in row)
    assert "No filled positions yet" in cells and "Planned: 240 students with 3 vacant positions filled" in cells


def test_the_metrics_panel_says_it_in_visible_text_and_follows_the_person_entered(make_window, qtbot, tmp_path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QLabel

    window = make_window()
    window.editor.set_district(District(students=600, teachers=45, devices=660))
    coord = window.editor.add_role("it_leader", None)
    tech = window.editor.add_role("building_technician", coord)
    QApplication.processEvents()
    assert window.chart.role(coord).vacant and window.chart.role(tech).vacant  # as a new role starts
    rows = {label: value for label, value, _ in window.metrics.metric_rows()}
    assert rows["Students per technology-staff FTE"] == "— students"
    status = dict(zip((r[0] for r in window.metrics.metric_rows()), window.metrics.metric_status()))
    assert "No filled positions yet" in status["Students per technology-staff FTE"]
    assert "Planned: 300 students with 2 vacant positions filled" in status["Students per technology-staff FTE"]
    shown = [label.text() for label in window.metrics.findChildren(QLabel) if label.isVisible()]
    assert any("No filled positions yet" in text for text in shown) and any("Planned: 300 students" in text for text in shown)
    assert not any("No filled positions yet" in label.toolTip() for label in window.metrics.findChildren(QLabel))
    assert window.metrics.grab().save(str(tmp_path / "metrics.png"))

    window.select_roles([coord])  # the CTO enters who holds the coordinator's role
    person = window.properties.person
    person.setFocus()
    qtbot.keyClicks(person, "Dana Ruiz")
    qtbot.keyClick(person, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert not window.chart.role(coord).vacant
    rows = {label: value for label, value, _ in window.metrics.metric_rows()}
    assert rows["Students per technology-staff FTE"] == "600 students"
    status = dict(zip((r[0] for r in window.metrics.metric_rows()), window.metrics.metric_status()))
    assert status["Students per technology-staff FTE"] == "Planned: 300 students with 1 vacant position filled"
