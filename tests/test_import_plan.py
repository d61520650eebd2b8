"""Import plans: every row is imported or listed with its row number and reason."""

from __future__ import annotations

import pytest

from tdorg.model.importing import ColumnMapping, guess_category, plan_import
from tdorg.model.importing.csv_table import parse_csv_text
from tdorg.model.rules import validate


def plan(text: str, mapping: ColumnMapping | None = None, **kw):
    return plan_import(parse_csv_text(text.strip() + "\n", "test.csv"), mapping, **kw)


def kinds(p) -> list[tuple[int, str, bool]]:
    return [(x.row, x.kind, x.imported) for x in p.problems]


HR = """
Employee ID,Name,Title,Reports To,FTE,Department,Location
100,Ann Lee,Superintendent,,1,Admin,District Office
200,Bo Chen,Director of Technology,100,1,Technology,District Office
300,Cy Diaz,Network Engineer,Bo Chen,1,Technology,
400,Di Ng,Help Desk Technician,Director of Technology,0.5,Technology,
500,Ed Fox,Building Technician,200,"50%",Technology,Central High
"""


def test_clean_sheet_imports_every_row_with_managers_by_id_name_and_title() -> None:
    p = plan(HR)
    assert p.problems == [] and p.bad_rows == [] and p.good_count == 5
    chart = p.chart()
    assert [r.id for r in chart.roles_in_order()] == ["100", "200", "300", "400", "500"]
    assert chart.role("300").reports_to == "200"  # by person name
    assert chart.role("400").reports_to == "200"  # by title
    assert chart.role("500").fte == 0.5
    assert chart.role("300").notes == "Department: Technology"
    assert chart.role("500").notes == "Department: Technology\nLocation: Central High"
    assert chart.role("400").category == "help_desk"
    assert chart.role("200").category == "it_leader" and "top_it_leader" in chart.role("200").flags
    assert "superintendent" in chart.role("100").flags


def test_every_bad_row_kind_is_reported_with_its_row() -> None:
    p = plan(
        """
Position ID,Title,Manager,FTE
A,Superintendent,,1
B,Director of Technology,A,1
C,Network Engineer,Nobody Here,1
D,,A,1
E,Technician,A,1.5
F,Technician,A,lots
B,Duplicate Coach,A,1
G,Loop One,H,1
H,Loop Two,I,1
I,Loop Three,G,1
J,Help Desk,Technician,1
K,Self,K,1
"""
    )
    expected = [
        (4, "unknown_manager", False),
        (5, "empty_title", False),
        (6, "fte", False),
        (7, "fte", False),
        (8, "duplicate_id", False),
        (9, "cycle", False),
        (10, "cycle", False),
        (11, "cycle", False),
        (12, "ambiguous_manager", False),
        (13, "self_report", False),
    ]
    assert kinds(p) == expected
    assert p.bad_rows == [4, 5, 6, 7, 8, 9, 10, 11, 12, 13]
    by_row = {x.row: x for x in p.problems}
    assert "“Nobody Here” matches no position ID, person or title" in by_row[4].reason
    assert by_row[4].field == "manager"
    assert by_row[6].field == "fte" and "'1.5'" in by_row[6].reason
    assert "already used on row 3" in by_row[8].reason
    assert "“Loop One” (row 9) → “Loop Two” (row 10) → “Loop Three” (row 11) → “Loop One” (row 9)" in by_row[10].reason
    assert "2 positions match it (“Technician” (row 6), “Technician” (row 7))" in by_row[12].reason
    assert str(by_row[5]).startswith("row 5: ")
    chart = p.chart()
    assert sorted(chart.roles) == ["A", "B"]


def test_ambiguous_person_names_name_the_candidates() -> None:
    p = plan(
        """
Title,Name,Supervisor
Superintendent,Pat Kim,
Network Engineer,Pat Kim,
Technician,Lou Ray,Pat Kim
"""
    )
    [problem] = [x for x in p.problems if x.kind == "ambiguous_manager"]
    assert problem.row == 4
    assert "2 people match it (“Superintendent” (row 2), “Network Engineer” (row 3))" in problem.reason


def test_last_comma_first_names_and_case_insensitive_ids() -> None:
    p = plan(
        """
ID,Title,Name,Manager
t1,Director of Technology,Jane Doe,
t2,Technician,Al Bo,"Doe, Jane"
t3,Technician,Cy Do,T1
"""
    )
    assert p.problems == []
    roles = {r.id: r for r in p.roles}
    assert roles["t2"].reports_to == "t1" and roles["t3"].reports_to == "t1"


def test_good_row_under_a_bad_row_goes_to_the_top_and_is_listed() -> None:
    p = plan(
        """
ID,Title,Manager,FTE
a,Director of Technology,,1
b,Network Manager,a,2
c,Network Engineer,b,1
d,Network Engineer,c,1
"""
    )
    assert kinds(p) == [(3, "fte", False), (4, "manager_skipped", True)]
    assert "“Network Manager” (row 3) has a problem of its own" in p.problems[1].reason
    chart = p.chart()
    assert sorted(chart.roles) == ["a", "c", "d"]
    assert chart.role("c").reports_to is None and chart.role("d").reports_to == "c"
    assert p.summary() == "4 rows: 3 can be imported (1 with a change listed below), 1 has problems that keep it out."


def test_import_every_row_repairs_bad_rows() -> None:
    p = plan(
        """
ID,Title,Manager,FTE
a,Director of Technology,,1
b,Network Manager,a,2
c,,b,1
a,Coach,a,1
x,Loop X,y,1
y,Loop Y,x,1
z,Lost,Nobody,1
"""
    )
    chart = p.chart(include_bad=True)
    assert len(chart) == 7
    assert chart.role("b").fte == 1.0 and chart.role("b").reports_to == "a"
    assert chart.role("c").title == "Untitled (row 4)" and chart.role("c").reports_to == "b"
    assert chart.role("a-2").title == "Coach" and chart.role("a-2").reports_to == "a"  # a new id for the duplicate
    assert chart.role("x").reports_to is None and chart.role("y").reports_to == "x"
    assert chart.role("z").reports_to is None
    assert all(x.repair for x in p.problems if not x.imported)


def test_ids_are_made_from_titles_when_missing() -> None:
    p = plan(
        """
Title,Reports To
Director of Technology,
Building Technician,Director of Technology
Building Technician,Director of Technology
"Help Desk / Intake",Director of Technology
"""
    )
    assert [r.id for r in p.roles] == [
        "director-of-technology", "building-technician", "building-technician-2", "help-desk-intake"
    ]
    assert p.chart().role("building-technician-2").reports_to == "director-of-technology"


def test_ids_the_model_would_refuse_are_cleaned_and_still_referenced() -> None:
    p = plan(
        """
Position ID,Title,Manager
EMP 001,Director of Technology,
EMP 002,Technician,EMP 001
"""
    )
    assert p.problems == []
    assert [(r.id, r.reports_to) for r in p.roles] == [("EMP_001", None), ("EMP_002", "EMP_001")]


def test_person_over_one_fte_across_rows_is_listed_and_imported() -> None:
    p = plan(
        """
Title,Name,FTE
Network Engineer,Kim Hale,0.5
Systems Administrator,Kim Hale,0.5
Technician,Kim Hale,0.25
Coach,Kim Hale,0.5
"""
    )
    assert kinds(p) == [(4, "over_allocated", True), (5, "over_allocated", True)]
    assert "Kim Hale would hold 1.25 FTE with rows 2, 3;" in p.problems[0].reason
    assert "1.75 FTE with rows 2, 3, 4;" in p.problems[1].reason
    chart = p.chart()
    assert len(chart) == 4 and chart.over_allocated_people() == {"kim hale": 1.75}
    assert "STR-2" in validate(chart).rule_ids()


def test_vacant_person_words_and_vacant_column() -> None:
    p = plan(
        """
Title,Name,Vacant
Technician,Vacant,
Coach,,yes
Network Engineer,Al Bo,maybe
"""
    )
    roles = {r.title: r for r in p.chart(include_bad=True).roles.values()}
    assert roles["Technician"].vacant and roles["Technician"].person == ""
    assert roles["Coach"].vacant
    assert kinds(p) == [(4, "bad_value", False)] and p.problems[0].field == "vacant"


def test_category_column_accepts_keys_and_labels_and_reports_unknown_ones() -> None:
    p = plan(
        """
Title,Category
Tech,Building technician
Coach,integration_coach
Wizard,sorcery
"""
    )
    roles = {r.title: r for r in p.chart(include_bad=True).roles.values()}
    assert roles["Tech"].category == "building_technician"
    assert roles["Coach"].category == "integration_coach"
    assert kinds(p) == [(4, "bad_value", False)] and "sorcery" in p.problems[0].reason


def test_custom_category_guesser() -> None:
    p = plan("Title\nAnything\n", category_guesser=lambda title: "security")
    assert p.roles[0].category == "security" and p.rows[0].category_guessed


def test_dotted_lines_by_reference_and_unknown_targets_are_listed_but_imported() -> None:
    p = plan(
        """
ID,Title,Manager,Dotted To
p,Principal,,
c,Coach,,p;Nowhere
"""
    )
    assert kinds(p) == [(3, "unknown_dotted", True)]
    assert p.chart().role("c").dotted_to == ("p",)


def test_costs_and_employment() -> None:
    p = plan(
        """
Title,Salary,Employment Type
A,"$85,000.50",Contract
B,,Full-time
C,lots,Staff
"""
    )
    roles = {r.title: r for r in p.chart(include_bad=True).roles.values()}
    assert roles["A"].annual_cost == 85000.5 and roles["A"].employment == "contractor"
    assert roles["B"].annual_cost is None and roles["B"].employment == "staff"
    assert kinds(p) == [(4, "bad_value", False)] and p.problems[0].field == "annual_cost"


def test_first_and_last_name_columns_make_the_person() -> None:
    p = plan("Title,First Name,Last Name\nTech,Ann,Lee\n")
    assert p.roles[0].person == "Ann Lee"


@pytest.mark.parametrize(
    ("title", "category"),
    [
        ("Network Engineer", "network"),
        ("Building Technician", "building_technician"),
        ("Help Desk Technician", "help_desk"),
        ("Technology Integration Specialist", "integration_coach"),
        ("Instructional Coach", "integration_coach"),
        ("Data Privacy Officer", "privacy_officer"),
        ("Cybersecurity Analyst", "security"),
        ("Information Security Officer", "security"),
        ("Superintendent", "superintendent"),
        ("Director of Technology", "it_leader"),
        ("CTO", "it_leader"),
        ("Chief Technology Officer", "it_leader"),
        ("Elementary Principal", "instructional_leader"),
        ("Administrative Assistant", "admin_assistant"),
        ("Programmer Analyst", "data_sis"),
        ("SIS Specialist", "data_sis"),
        ("Data Analyst", "data_sis"),
        ("Systems Administrator", "systems_admin"),
        ("Software Support Specialist", "software_apps"),
        ("Applications Analyst", "software_apps"),
        ("Technology Services Manager", "it_manager"),
        ("Project Coordinator", "it_manager"),
        ("Assistant Director of Technology", "it_manager"),
        ("Bus Driver", "other"),
    ],
)
def test_category_guesses(title: str, category: str) -> None:
    assert guess_category(title) == category


def test_top_it_leader_flag_only_when_exactly_one() -> None:
    p = plan("Title\nDirector of Technology\nChief Technology Officer\n")
    assert all("top_it_leader" not in r.flags for r in p.roles)


def test_rows_with_too_long_fields_are_problems_not_crashes() -> None:
    p = plan("Title,Name\n" + "T" * 250 + ",Ann\nTech," + "N" * 300 + "\n")
    assert [(x.row, x.field) for x in p.problems] == [(2, "title"), (3, "person")]
    chart = p.chart(include_bad=True)
    assert {len(r.title) for r in chart.roles.values()} == {200, 4}


def test_formula_quote_from_export_is_undone() -> None:
    p = plan("Title,Name\n'=Director,'+Ann\n")
    assert (p.roles[0].title, p.roles[0].person) == ("=Director", "+Ann")


def test_fte_percent_column() -> None:
    p = plan("Title,FTE %\nTech,50\nCoach,100%\nAide,150\n")
    assert [r.fte for r in p.roles] == [0.5, 1.0]
    assert kinds(p) == [(4, "fte", False)]


def test_european_decimal_comma_in_a_semicolon_sheet() -> None:
    p = plan("Title;FTE;Salary\nTech;0,5;52.000,00\n")
    assert (p.roles[0].fte, p.roles[0].annual_cost) == (0.5, 52_000.0)


def test_a_person_is_checked_against_the_charts_fte_threshold() -> None:
    text = """
Title,Name,FTE
Network Engineer,Kim Hale,0.6
Technician,Kim Hale,0.6
"""
    assert kinds(plan(text)) == [(3, "over_allocated", True)]
    assert "can hold at most 1 FTE" in plan(text).problems[0].reason
    assert plan(text, max_person_fte=1.2).problems == []
    assert kinds(plan(text, max_person_fte=1.1)) == [(3, "over_allocated", True)]
    assert "can hold at most 1.1 FTE" in plan(text, max_person_fte=1.1).problems[0].reason
