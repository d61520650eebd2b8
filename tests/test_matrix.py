"""The responsibility matrix: functions × people, lead and backup, unowned and single-person functions, load."""

from __future__ import annotations

import pytest

from tdorg.model import Chart
from tdorg.model.people import person_key
from tdorg.model.matrix import (
    BOTH_MARK,
    COVERED,
    SINGLE_PERSON,
    UNOWNED,
    Matrix,
    responsibility_matrix,
)
from tdorg.model.synthetic import synthetic_chart
from tdorg.model.vocab import CRITICAL_FUNCTIONS, ESSENTIAL_FUNCTIONS

from .charts import compliant_chart, role

REQUIRED_FUNCTIONS = tuple(dict.fromkeys(ESSENTIAL_FUNCTIONS + CRITICAL_FUNCTIONS))


def _row(matrix: Matrix, function: str):
    return next(r for r in matrix.rows if r.function == function)


def _marks(matrix: Matrix, function: str) -> dict[str, str]:
    return {matrix.columns[c].heading: cell.mark for c, cell in _row(matrix, function).cells.items()}


def _chart(*roles) -> Chart:  # noqa: ANN002
    return Chart(roles=[role("cto", "Director of Technology", "it_leader", None, person="Sam Ortiz"), *roles])


def test_a_function_led_by_one_person_and_backed_up_by_another_is_covered() -> None:
    chart = compliant_chart()
    matrix = responsibility_matrix(chart)
    assert _marks(matrix, "network") == {"Kim Hale": "L", "Jo Banks": "B"}
    assert _row(matrix, "network").status == COVERED
    assert _row(matrix, "network").label == "Network"
    assert [c.heading for c in matrix.columns][:3] == ["Lee Park", "Sam Ortiz", "Ari Chen"]  # tree order
    led = {f for r in chart.roles.values() for f in r.leads}
    assert {r.function for r in matrix.unowned} == set(REQUIRED_FUNCTIONS) - led


def test_rows_hold_the_essential_and_critical_functions_even_when_no_one_names_them() -> None:
    matrix = responsibility_matrix(_chart())
    assert [r.function for r in matrix.rows] == [
        "network", "servers", "help_desk", "device_repair", "student_information_system", "student_accounts",
        "data_privacy", "cybersecurity",
    ]
    assert all(r.status == UNOWNED and not r.cells and r.required for r in matrix.rows)
    assert _row(matrix, "servers").note == "No role leads or backs up servers."
    assert matrix.columns == ()


def test_a_function_with_backups_but_no_lead_is_unowned() -> None:
    matrix = responsibility_matrix(_chart(
        role("tech", "Technician", "building_technician", "cto", backs_up=("device_repair",))))
    row = _row(matrix, "device_repair")
    assert row.status == UNOWNED
    assert row.note == "Device repair has backups but no lead."
    assert _marks(matrix, "device_repair") == {"Technician": "B"}


def test_a_vacant_lead_leaves_the_function_unowned_and_its_column_is_marked_vacant() -> None:
    matrix = responsibility_matrix(_chart(
        role("net", "Network Engineer", "network", "cto", vacant=True, leads=("network",)),
        role("tech", "Technician", "building_technician", "cto", person="Jo Banks", backs_up=("network",)),
    ))
    row = _row(matrix, "network")
    assert row.status == UNOWNED
    assert "its lead, “Network Engineer”, is vacant" in row.note
    column = matrix.columns[matrix.column_of("net")]
    assert column.vacant and column.heading == "Network Engineer" and column.detail == "Vacant position (planned)"


def test_a_vacant_backup_is_no_backup_so_the_function_rests_on_one_person() -> None:
    matrix = responsibility_matrix(_chart(
        role("net", "Network Engineer", "network", "cto", person="Kim Hale", leads=("network",)),
        role("net2", "Network Engineer II", "network", "cto", person="Pat Doe", vacant=True, backs_up=("network",)),
    ))
    row = _row(matrix, "network")
    assert row.status == SINGLE_PERSON
    assert row.note == (
        "Network rests on Kim Hale alone: no other person backs it up. "
        "“Network Engineer II” is a planned backup (vacant)."
    )
    assert _marks(matrix, "network") == {"Kim Hale": "L", "Network Engineer II": "B"}


def test_two_vacant_co_leads_are_not_each_others_backup() -> None:
    matrix = responsibility_matrix(_chart(
        role("a", "Network Engineer A", "network", "cto", vacant=True, leads=("network",)),
        role("b", "Network Engineer B", "network", "cto", vacant=True, leads=("network",)),
    ))
    assert _row(matrix, "network").status == UNOWNED
    assert [c.vacant for c in matrix.columns] == [True, True]


def test_two_filled_co_leads_back_each_other_up() -> None:
    matrix = responsibility_matrix(_chart(
        role("a", "Network Engineer A", "network", "cto", person="Kim Hale", leads=("network",)),
        role("b", "Network Engineer B", "network", "cto", person="Jo Banks", leads=("network",)),
    ))
    assert _row(matrix, "network").status == COVERED


def test_one_person_in_two_roles_is_one_column_matched_ignoring_case_accents_and_spacing() -> None:
    assert person_key("  Ana   ORTÍZ ") == person_key("ana ortiz")
    matrix = responsibility_matrix(_chart(
        role("net", "Network Engineer", "network", "cto", person="Ana Ortíz", fte=0.5, leads=("network",)),
        role("hd", "Help Desk", "help_desk", "cto", person="  ana   ORTIZ", fte=0.5, leads=("help_desk",),
             backs_up=("network",)),
    ))
    column = matrix.columns[matrix.column_of("net")]
    assert matrix.column_of("hd") == matrix.column_of("net")
    assert column.heading == "Ana Ortíz"
    assert column.role_ids == ("net", "hd") and column.detail == "Network Engineer; Help Desk"
    cell = _row(matrix, "network").cells[matrix.column_of("net")]
    assert cell.mark == BOTH_MARK and cell.leads == ("net",) and cell.backups == ("hd",)
    assert _row(matrix, "network").status == SINGLE_PERSON  # led and backed up by the same person
    assert _row(matrix, "help_desk").status == SINGLE_PERSON
    assert "rests on Ana Ortíz alone" in _row(matrix, "help_desk").note


def test_roles_naming_no_one_are_different_people() -> None:
    matrix = responsibility_matrix(_chart(
        role("a", "Technician A", "building_technician", "cto", leads=("device_repair",)),
        role("b", "Technician B", "building_technician", "cto", backs_up=("device_repair",)),
    ))
    assert _row(matrix, "device_repair").status == COVERED
    column = matrix.columns[matrix.column_of("a")]
    assert (column.heading, column.named, column.detail, column.who) == (
        "Technician A", False, "No person named", "“Technician A”")


def test_load_counts_functions_led_and_backed_up_and_the_persons_fte_over_all_roles() -> None:
    matrix = responsibility_matrix(_chart(
        role("net", "Network Engineer", "network", "cto", person="Kim Hale", fte=0.6,
             leads=("network", "servers"), backs_up=("cybersecurity",)),
        role("sec", "Security Analyst", "security", "cto", person="kim hale", fte=0.3, leads=("cybersecurity",)),
        role("aa", "Office Assistant", "admin_assistant", "cto", person="Kim  Hale", fte=0.1),
    ))
    column = matrix.columns[matrix.column_of("net")]
    assert (column.functions_led, column.functions_backed_up) == (3, 1)
    assert column.fte == pytest.approx(1.0)
    assert column.role_ids == ("net", "sec")  # the role without functions adds FTE only
    assert matrix.column_of("aa") is None


def test_the_charts_own_functions_follow_the_vocabulary_by_label() -> None:
    matrix = responsibility_matrix(_chart(
        role("x", "Webmaster", "software_apps", "cto", person="Al Ng", leads=("web_site", "badges")),
    ))
    names = [r.label for r in matrix.rows]
    assert names[-2:] == ["Badges", "Web site"]
    assert _row(matrix, "web_site").required is False


def test_as_dict_names_people_and_their_roles() -> None:
    matrix = responsibility_matrix(compliant_chart())
    data = matrix.as_dict()
    network = next(f for f in data["functions"] if f["function"] == "network")
    assert network["leads"] == [{"name": "Kim Hale", "vacant": False, "roles": ["net"]}]
    assert network["backups"] == [{"name": "Jo Banks", "vacant": False, "roles": ["tech"]}]
    assert network["status"] == "covered" and network["label"] == "Network"
    ari = next(p for p in data["people"] if p["name"] == "Ari Chen")
    assert ari == {"name": "Ari Chen", "named": True, "vacant": False,
                   "roles": [{"id": "dpo", "title": "Data Privacy Officer"}],
                   "functions_led": 1, "functions_backed_up": 1, "fte": 0.5}
    assert data["unowned"] == [r.function for r in matrix.unowned] and "network" not in data["unowned"]


def test_a_large_chart_gives_one_column_per_person_or_position() -> None:
    chart = synthetic_chart(2000)
    matrix = responsibility_matrix(chart)
    with_functions = [r for r in chart.roles.values() if r.leads or r.backs_up]
    assert sum(len(c.role_ids) for c in matrix.columns) == len(with_functions)
    repair = _row(matrix, "device_repair")
    assert repair.status == COVERED
    assert len(repair.cells) == sum(1 for r in with_functions if "device_repair" in r.leads + r.backs_up)


def test_the_summary_counts_functions_people_positions_and_marks() -> None:
    every = REQUIRED_FUNCTIONS
    chart = _chart(
        role("a", "Engineer A", "network", "cto", person="Kim Hale", leads=every),
        role("b", "Engineer B", "network", "cto", person="Jo Banks", backs_up=every),
    )
    assert responsibility_matrix(chart).summary() == (
        "8 functions, 2 people: every function has a lead and a backup who is another person.")
    chart.add_role(role("c", "Engineer C", "network", "cto", vacant=True, leads=("web_site",)))
    assert responsibility_matrix(chart).summary() == "9 functions, 2 people, 1 vacant position: 1 unowned."


def test_a_function_the_chart_no_longer_counts_as_essential_shows_only_when_a_role_names_it() -> None:
    chart = _chart()
    chart.set_settings(chart.settings.with_threshold("FUN-1", "essential_student_accounts", 0))
    assert "student_accounts" not in [r.function for r in responsibility_matrix(chart).rows]
    chart.update_role("cto", backs_up=("student_accounts",))
    row = _row(responsibility_matrix(chart), "student_accounts")
    assert row.required is False and row.status == UNOWNED
    chart.set_settings(chart.settings.with_threshold("EMP-1", "critical_network", 0)
                       .with_threshold("FUN-1", "essential_network", 0))
    assert "network" not in [r.function for r in responsibility_matrix(chart).rows]
