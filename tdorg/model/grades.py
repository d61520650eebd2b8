"""The district's 1:1 grades, read from text such as "4-12", "K–5, 9–12" or "grades 6 to 8".

Kindergarten counts as a grade, so a district teaching K–12 teaches 13 grades.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from tdorg.lazy_imports import pattern

#: Grades a district teaches: kindergarten (0) to grade 12.
GRADES_TAUGHT: tuple[int, ...] = tuple(range(13))

_KINDERGARTEN = {"k", "kg", "kindergarten"}
_RANGE = pattern(r"^(k|kg|kindergarten|\d{1,2})(?:\s*(?:-|–|—|to|through)\s*(k|kg|kindergarten|\d{1,2}))?$")
_PREFIX = pattern(r"^(grades?|gr\.?)\s*", re.IGNORECASE)


class OneToOneGrades(NamedTuple):
    """The grades that have a device per student, in order."""

    grades: tuple[int, ...]

    @property
    def count(self) -> int:
        return len(self.grades)

    def share(self) -> float:
        """The 1:1 grades as a share of the grades taught (K counted as a grade)."""
        return self.count / len(GRADES_TAUGHT)

    def label(self) -> str:
        """“4–12”, “K–5, 9–12”: the grades as runs."""
        runs: list[tuple[int, int]] = []
        for grade in self.grades:
            if runs and runs[-1][1] == grade - 1:
                runs[-1] = (runs[-1][0], grade)
            else:
                runs.append((grade, grade))
        return ", ".join(_name(a) if a == b else f"{_name(a)}–{_name(b)}" for a, b in runs)


def _name(grade: int) -> str:
    return "K" if grade == 0 else str(grade)


def _grade(text: str) -> int | None:
    if text in _KINDERGARTEN:
        return 0
    number = int(text)
    return number if 1 <= number <= 12 else None


def parse_grades(text: str) -> OneToOneGrades | None:
    """The grades ``text`` names; ``None`` when it is empty or can't be read."""
    cleaned = _PREFIX().sub("", text.strip().casefold())
    if not cleaned:
        return None
    grades: set[int] = set()
    for part in re.split(r"[,;/]|\band\b", cleaned):
        part = _PREFIX().sub("", part.strip())
        if not part:
            continue
        match = _RANGE().match(part)
        if match is None:
            return None
        first = _grade(match.group(1))
        last = _grade(match.group(2)) if match.group(2) else first
        if first is None or last is None or last < first:
            return None
        grades.update(range(first, last + 1))
    return OneToOneGrades(tuple(sorted(grades))) if grades else None
