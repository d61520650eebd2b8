"""Find the line on which a JSON object or array starts, for error messages.

Documents are parsed with the fast decoder; only when something must be
blamed is the text parsed again by a decoder that records where each object
and array begins. Places are given as paths such as ``("roles", 3)``.
"""

from __future__ import annotations

import json
import json.scanner
from typing import Any, Hashable, Sequence


class _TrackingDecoder(json.JSONDecoder):
    """A decoder remembering the offset of every object and array it builds."""

    def __init__(self) -> None:
        super().__init__()
        self.starts: dict[int, int] = {}
        self._keep: list[Any] = []  # keeps ids unique while the map is in use
        plain_object, plain_array = self.parse_object, self.parse_array

        def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[Any, int]:
            value, end = plain_object(s_and_end, *args)
            self._remember(value, s_and_end[1] - 1)
            return value, end

        def parse_array(s_and_end: tuple[str, int], *args: Any) -> tuple[Any, int]:
            value, end = plain_array(s_and_end, *args)
            self._remember(value, s_and_end[1] - 1)
            return value, end

        self.parse_object = parse_object
        self.parse_array = parse_array
        self.scan_once = json.scanner.py_make_scanner(self)

    def _remember(self, value: Any, offset: int) -> None:
        self.starts[id(value)] = offset
        self._keep.append(value)


class JsonLocator:
    """Lines of the objects in one JSON text, computed on first use."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._tree: Any = None
        self._starts: dict[int, int] | None = None

    def line(self, path: Sequence[Hashable]) -> int | None:
        """Line of the object or array at ``path``, or of its nearest ancestor."""
        if self._starts is None:
            decoder = _TrackingDecoder()
            try:
                self._tree = decoder.decode(self._text)
            except ValueError:
                return None
            self._starts = decoder.starts
        node = self._tree
        offset = self._starts.get(id(node))
        for key in path:
            try:
                node = node[key]  # type: ignore[index]
            except (KeyError, IndexError, TypeError):
                break
            if id(node) in self._starts:
                offset = self._starts[id(node)]
        if offset is None:
            return None
        return self._text.count("\n", 0, offset) + 1
