"""District facts entered together: each contradiction or unreadable figure is named with its field (no Qt)."""

from __future__ import annotations

import pytest

from tdorg.model.district import Buildings, District
from tdorg.model.errors import FieldValueError


def fields(district: District) -> dict[str, str]:
    return {problem.field: str(problem) for problem in district.disagreements()}


def test_facts_that_agree_have_no_disagreements():
    district = District(students=5000, teachers=300, staff=600, buildings=Buildings(elementary=4, high=1),
                        one_to_one_grades="K-5, 9-12")
    assert district.disagreements() == []
    district.check_together()


def test_no_students_in_a_district_with_staff_is_refused_but_unknown_students_are_not():
    assert fields(District(students=0, staff=40)) == {
        "students": "Students can't be 0 in a district with 40 staff; leave it “Unknown” when the figure is not at hand."}
    assert "students" in fields(District(students=0, teachers=12))
    assert fields(District(students=None, staff=40)) == {}
    assert fields(District(students=0)) == {}


def test_more_buildings_than_students_is_refused():
    problem = fields(District(students=3, buildings=Buildings(elementary=2, middle=1, high=1)))["buildings"]
    assert problem == "4 buildings for 3 students is more buildings than students; check both figures."
    assert "buildings" in fields(District(students=10, buildings=Buildings(total=11)))
    assert fields(District(students=4, buildings=Buildings(elementary=4))) == {}
    assert fields(District(buildings=Buildings(elementary=4))) == {}  # students unknown


@pytest.mark.parametrize("grades", ["4 to 14", "sixth", "12-4", "K-12 and most of 13"])
def test_1_1_grades_that_cannot_be_read_are_refused(grades):
    problem = fields(District(one_to_one_grades=grades))["one_to_one_grades"]
    assert problem.startswith("The 1:1 grades ") and "can't be read" in problem and "4-12 or K-5, 9-12" in problem


def test_every_disagreement_is_reported_at_once_and_check_together_raises_the_first():
    district = District(students=0, teachers=50, staff=40, buildings=Buildings(total=2), one_to_one_grades="x")
    assert list(fields(district)) == ["teachers", "students", "buildings", "one_to_one_grades"]
    with pytest.raises(FieldValueError) as refused:
        district.check_together()
    assert refused.value.field == "teachers"
    District(one_to_one_grades="x").check()  # a file holding such facts still opens
