"""Finding the row a "Manager" or "Dotted line" cell points at, and reporting loops.

A reference may be a position ID, a person's name ("Jane Doe" or "Doe,
Jane") or a title; it is looked up in that order. A name or title that
several rows share is ambiguous, and the problem names every candidate.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple, Sequence

from ..people import person_key


class RowKeys(NamedTuple):
    """What other rows can call a row by."""

    raw_id: str
    person: str
    title: str
    label: str  # how a message names the row, e.g. "“Network Manager” (row 4)"


@dataclass(frozen=True)
class Resolved:
    index: int | None = None
    problem: str = ""
    kind: str = ""


def title_key(title: str) -> str:
    """A title as rows and roles are matched by: case and spacing do not matter."""
    return " ".join(title.split()).casefold()


class ReferenceIndex:
    """Lookups from a reference's text to row indexes, built once for the sheet."""

    def __init__(self, rows: Sequence[RowKeys]) -> None:
        self.rows = rows
        self._ids: dict[str, int] = {}
        self._ids_folded: dict[str, dict[str, int]] = {}
        self._people: dict[str, list[int]] = {}
        self._titles: dict[str, list[int]] = {}
        for index, row in enumerate(rows):
            if row.raw_id:
                self._ids.setdefault(row.raw_id, index)
                self._ids_folded.setdefault(row.raw_id.casefold(), {}).setdefault(row.raw_id, index)
            if row.person:
                self._people.setdefault(person_key(row.person), []).append(index)
            if row.title:
                self._titles.setdefault(title_key(row.title), []).append(index)

    def resolve(self, text: str, what: str = "Manager") -> Resolved:
        ref = text.strip()
        if not ref:
            return Resolved()
        if ref in self._ids:
            return Resolved(self._ids[ref])
        variants = self._ids_folded.get(ref.casefold(), {})
        if len(variants) == 1:
            return Resolved(next(iter(variants.values())))
        for key in _name_keys(ref):
            found = self._people.get(key)
            if found:
                return self._one(found, ref, what, "person")
        found = self._titles.get(title_key(ref))
        if found:
            return self._one(found, ref, what, "title")
        return Resolved(
            None,
            f"{what} “{ref}” matches no position ID, person or title in the sheet.",
            "unknown_manager" if what == "Manager" else "unknown_dotted",
        )

    def _one(self, found: list[int], ref: str, what: str, by: str) -> Resolved:
        if len(found) == 1:
            return Resolved(found[0])
        shown = ", ".join(self.rows[i].label for i in found[:6])
        more = f" and {len(found) - 6} more" if len(found) > 6 else ""
        noun = "people" if by == "person" else "positions"
        return Resolved(
            None,
            f"{what} “{ref}” is ambiguous: {len(found)} {noun} match it ({shown}{more}); use the position ID instead.",
            "ambiguous_manager" if what == "Manager" else "ambiguous_dotted",
        )


def _name_keys(ref: str) -> list[str]:
    """The name as written, and "Doe, Jane" turned round to "Jane Doe"."""
    keys = [person_key(ref)]
    if ref.count(",") == 1:
        last, first = (part.strip() for part in ref.split(","))
        if last and first:
            keys.append(person_key(f"{first} {last}"))
    return keys


def find_loops(managers: Sequence[int | None]) -> list[list[int]]:
    """Every reporting loop among rows (``managers[i]`` is row i's manager), in walking order."""
    state = [0] * len(managers)  # 0 new, 1 on the current walk, 2 done
    loops: list[list[int]] = []
    for start in range(len(managers)):
        walk: list[int] = []
        current: int | None = start
        while current is not None and state[current] == 0:
            state[current] = 1
            walk.append(current)
            current = managers[current]
        if current is not None and state[current] == 1:
            loops.append(walk[walk.index(current) :])
        for index in walk:
            state[index] = 2
    return loops
