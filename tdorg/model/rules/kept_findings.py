"""A rule's findings kept from one live validation pass to the next, worked out again only where an edit reached."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable, TypeVar

if TYPE_CHECKING:
    from .context import Context

T = TypeVar("T")


class KeptFindings:
    """A rule's findings kept across a live validator's passes, one per key (a role, a person) with the titles
    it named (``None`` for a key with none), and the keys whose finding an edit may have changed since."""

    __slots__ = ("entries", "stale")

    def __init__(self) -> None:
        self.entries: dict[str, tuple[object, set[str]]] = {}
        self.stale: set[str] = set()

    def forget(self) -> None:
        """Work every finding out again."""
        self.entries.clear()
        self.stale.clear()

    def drop_stale(self) -> None:
        for key in self.stale:
            self.entries.pop(key, None)
        self.stale.clear()

    def findings(self, ctx: "Context", keys: Iterable[str], compute: Callable[[str], T | None]) -> list[T]:
        """Each key's finding, the one kept or else ``compute(key)``'s, kept; the keys without one left out. The
        titles they name count as named."""
        entries, found, named = self.entries, [], set()
        for key in keys:
            entry = entries.get(key)
            if entry is None:
                entry = entries[key] = ctx.naming(lambda: compute(key))  # naming counts them
            elif entry[1]:
                named |= entry[1]
            if entry[0] is not None:
                found.append(entry[0])
        ctx.named(named)
        return found


__all__ = ["KeptFindings"]
