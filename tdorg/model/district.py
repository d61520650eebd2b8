"""District facts: the figures the staffing rules read."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .errors import FieldValueError
from .grades import parse_grades
from .values import BUILDINGS_MAX, COUNT_MAX, NAME_MAX, check_count, check_text, shown


@dataclass(frozen=True)
class Buildings:
    """Building counts by level; ``None`` means unknown.

    ``total`` is only set when a source gives a total without the split.
    """

    elementary: int | None = None
    middle: int | None = None
    high: int | None = None
    other: int | None = None
    total: int | None = None

    def count(self) -> int | None:
        """All buildings, or ``None`` when nothing is known."""
        parts = [self.elementary, self.middle, self.high, self.other]
        if any(p is not None for p in parts):
            return sum(p or 0 for p in parts)
        return self.total

    def is_unknown(self) -> bool:
        return self.count() is None


@dataclass(frozen=True)
class District:
    name: str = ""
    state: str = ""
    students: int | None = None
    teachers: int | None = None
    staff: int | None = None
    devices: int | None = None
    buildings: Buildings = field(default_factory=Buildings)
    one_to_one_grades: str = ""
    erate: bool | None = None
    #: Whether the state requires a named student-data privacy officer (PRV-1);
    #: ``None``: as the table of state laws says (:mod:`tdorg.model.privacy_laws`).
    privacy_officer_required: bool | None = None

    def with_changes(self, **changes: object) -> "District":
        checked = replace(self, **changes)
        checked.check()
        return checked

    def check(self) -> None:
        """Raise :class:`FieldValueError` when a fact is out of range."""
        check_text("name", self.name, NAME_MAX, "The district name")
        check_text("one_to_one_grades", self.one_to_one_grades, NAME_MAX, "The 1:1 grades")
        if self.state and (len(self.state) != 2 or not self.state.isalpha()):
            raise FieldValueError("state", f"State must be a two-letter code such as WI; got {shown(self.state)}.")
        for name in ("students", "teachers", "staff", "devices"):
            check_count(name, getattr(self, name), COUNT_MAX, name.capitalize())
        for name in ("elementary", "middle", "high", "other", "total"):
            check_count(f"buildings.{name}", getattr(self.buildings, name), BUILDINGS_MAX,
                        f"The number of {name} buildings")

    def check_together(self) -> None:
        """:meth:`check`, then the facts against each other; for facts being entered.

        Reading a file runs :meth:`check` only, so a chart saved with more teachers than staff still opens."""
        self.check()
        problems = self.disagreements()
        if problems:
            raise problems[0]

    def disagreements(self) -> list[FieldValueError]:
        """The entered facts that contradict each other or can't be read, each naming its field."""
        problems = []
        if self.teachers is not None and self.staff is not None and self.teachers > self.staff:
            problems.append(FieldValueError("teachers", f"Teachers ({self.teachers:,}) can't be more than all staff "
                                                        f"({self.staff:,}): all staff counts the teachers too."))
        adults = max(self.staff or 0, self.teachers or 0)
        if self.students == 0 and adults:
            problems.append(FieldValueError("students", f"Students can't be 0 in a district with {adults:,} staff; "
                                                        "leave it “Unknown” when the figure is not at hand."))
        buildings = self.buildings.count()
        if self.students is not None and buildings is not None and buildings > self.students:
            problems.append(FieldValueError("buildings", f"{buildings:,} buildings for {self.students:,} students is "
                                                         "more buildings than students; check both figures."))
        if self.one_to_one_grades.strip() and parse_grades(self.one_to_one_grades) is None:
            problems.append(FieldValueError("one_to_one_grades",
                                            f"The 1:1 grades “{self.one_to_one_grades.strip()[:60]}” can't be read; "
                                            "name grades K to 12 as runs, such as 4-12 or K-5, 9-12."))
        return problems
