"""Guessing which column feeds which field, and the user's corrections."""

from __future__ import annotations

import dataclasses

import pytest

from tdorg.model.formats.sample_csv import COLUMNS
from tdorg.model.importing import FIELD_LABELS, ColumnMapping, Mapping, MappingError, apply_overrides, guess_mapping


def mapped_headers(headers: list[str]) -> dict[str, str]:
    return {field: headers[index] for field, index in guess_mapping(headers).mapped().items()}


def test_fields_and_labels_agree() -> None:
    assert [f.name for f in dataclasses.fields(ColumnMapping)] == list(FIELD_LABELS)
    assert Mapping is ColumnMapping


@pytest.mark.parametrize("header", ["Name", "Employee", "Employee Name", "FULL NAME", "full_name", " employee-name "])
def test_person_headers(header: str) -> None:
    assert mapped_headers([header, "Title"])["person"] == header


@pytest.mark.parametrize("header", ["Title", "Position", "Job Title", "Position Title", "JOB_TITLE", "job-title"])
def test_title_headers(header: str) -> None:
    assert mapped_headers(["Name", header])["title"] == header


@pytest.mark.parametrize(
    "header", ["Manager", "Reports To", "Supervisor", "Manager Name", "Supervisor Name", "reports_to", "REPORTS-TO"]
)
def test_manager_headers(header: str) -> None:
    assert mapped_headers(["Title", header])["manager"] == header


@pytest.mark.parametrize("header", ["Position ID", "ID", "Employee ID", "position_id", "Position #"])
def test_id_headers(header: str) -> None:
    assert mapped_headers(["Title", header])["id"] == header


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("FTE", "fte"),
        ("Department", "department"),
        ("Dept.", "department"),
        ("Location", "location"),
        ("Building", "location"),
        ("Site", "location"),
        ("Category", "category"),
        ("Vacant", "vacant"),
        ("Annual Cost", "annual_cost"),
        ("Salary", "annual_cost"),
        ("Cost", "annual_cost"),
        ("Notes", "notes"),
        ("Employment Type", "employment"),
        ("First Name", "first_name"),
        ("Surname", "last_name"),
    ],
)
def test_other_headers(header: str, field: str) -> None:
    assert mapped_headers(["Title", header])[field] == header


def test_sample_csv_columns_map_to_themselves() -> None:
    got = mapped_headers(list(COLUMNS))
    expected = {name: name for name in COLUMNS if name != "reports_to"}
    expected["manager"] = "reports_to"
    assert got == expected


def test_typical_hr_export() -> None:
    headers = ["Employee ID", "Employee Name", "Position Title", "Supervisor Name", "Dept", "Work Location", "FTE %",
               "Annual Salary"]
    assert mapped_headers(headers) == {
        "id": "Employee ID",
        "person": "Employee Name",
        "title": "Position Title",
        "manager": "Supervisor Name",
        "department": "Dept",
        "location": "Work Location",
        "fte": "FTE %",
        "annual_cost": "Annual Salary",
    }


def test_best_synonym_wins_and_each_column_is_used_once() -> None:
    headers = ["Position", "Job Title", "Position ID", "Employee ID", "Name", "Manager Name"]
    got = mapped_headers(headers)
    assert got["title"] == "Job Title"
    assert got["id"] == "Position ID"
    assert got["person"] == "Name"
    assert got["manager"] == "Manager Name"
    assert len(set(got.values())) == len(got)


def test_unknown_headers_stay_unmapped() -> None:
    assert mapped_headers(["Title", "Favourite colour", "Shoe size"]) == {"title": "Title"}


def test_full_name_wins_over_first_and_last() -> None:
    got = mapped_headers(["Title", "First Name", "Last Name", "Full Name"])
    assert got == {"title": "Title", "person": "Full Name"}


def test_overrides_by_header_number_and_unmapping() -> None:
    headers = ["Title", "Boss", "Building", "Person"]
    mapping = apply_overrides(guess_mapping(headers), ["manager=boss", "location=", "person=4"], headers)
    assert mapping.manager == 1 and mapping.location is None and mapping.person == 3
    mapping = apply_overrides(mapping, ["Reports To=Building"], headers)
    assert mapping.manager == 2


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("manager", "write field=Column"),
        ("shoe=Title", "not an importable field"),
        ("manager=Nowhere", "no column “Nowhere”; its columns are: “Title”, “Boss”"),
        ("manager=9", "no column “9”"),
    ],
)
def test_bad_overrides_name_the_problem(spec: str, message: str) -> None:
    with pytest.raises(MappingError, match=message):
        apply_overrides(ColumnMapping(title=0), [spec], ["Title", "Boss"])


def test_mapping_without_title_or_past_the_last_column_is_refused() -> None:
    with pytest.raises(MappingError, match="titles"):
        ColumnMapping(person=0).check(["Name"])
    with pytest.raises(MappingError, match="column 5, but the sheet has 2"):
        ColumnMapping(title=0, fte=4).check(["Title", "FTE"])


def test_describe_lists_every_field_for_a_dialog() -> None:
    rows = ColumnMapping(title=0, manager=1).describe(["Job Title", ""])
    assert len(rows) == len(FIELD_LABELS)
    assert ("title", "Title", "Job Title") in rows
    assert ("manager", "Manager / reports to", "column 2") in rows
    assert ("fte", "FTE", None) in rows


def test_round_trip_through_a_dict() -> None:
    mapping = ColumnMapping(title=2, id=0)
    assert ColumnMapping.from_dict(mapping.as_dict()) == mapping
    with pytest.raises(MappingError):
        ColumnMapping.from_dict({"shoe": 1})
