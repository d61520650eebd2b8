"""District facts: the figures the staffing rules read."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .errors import FieldValueError


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

    def with_changes(self, **changes: object) -> "District":
        checked = replace(self, **changes)
        checked.check()
        return checked

    def check(self) -> None:
        """Raise :class:`FieldValueError` when a fact is out of range."""
        if self.state and (len(self.state) != 2 or not self.state.isalpha()):
            raise FieldValueError("state", f"State must be a two-letter code such as WI; got “{self.state}”.")
        for name in ("students", "teachers", "staff", "devices"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
                raise FieldValueError(name, f"{name.capitalize()} must be a whole number of 0 or more; got {value!r}.")
        for name in ("elementary", "middle", "high", "other", "total"):
            value = getattr(self.buildings, name)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
                raise FieldValueError(
                    f"buildings.{name}", f"The number of {name} buildings must be a whole number of 0 or more; got {value!r}."
                )
