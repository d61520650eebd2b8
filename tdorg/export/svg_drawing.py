"""Graphviz's SVG drawing of a chart, and the piece of it each printed page or sheet shows.

A piece keeps only the boxes lying whole inside its region (with their
text) and the lines crossing it, so no page carries text it does not show:
a box cut by a poster sheet's edge is left out there and printed whole on
the neighbouring sheet, which overlaps by more than a box.

Coordinates: the drawing's own (points, y downwards from its top left) for
the SVG, and :mod:`tdorg.export.sheets`' (points, y upwards) for regions.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from .sheets import Rect

_SVG = "{http://www.w3.org/2000/svg}"
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")
_TRANSLATE = re.compile(r"translate\(\s*(-?[\d.]+)[ ,]+(-?[\d.]+)\s*\)")
#: A box may stick out of a region by this much (rounding) and still count as inside.
TOLERANCE = 0.5


@dataclass(frozen=True)
class _Part:
    xml: bytes
    box: Rect  # x, y (top), width, height in the drawing's coordinates
    node: bool


def _bounds(element: ET.Element, dx: float, dy: float) -> Rect | None:
    xs: list[float] = []
    ys: list[float] = []
    for item in element.iter():
        tag = item.tag.removeprefix(_SVG)
        numbers = item.get("points") or (item.get("d") if tag == "path" else None)
        if numbers:
            values = [float(v) for v in _NUMBER.findall(numbers)]
            xs += values[0::2]
            ys += values[1::2]
        elif tag in ("ellipse", "text") and item.get("x" if tag == "text" else "cx") is not None:
            xs.append(float(item.get("x" if tag == "text" else "cx", "0")))
            ys.append(float(item.get("y" if tag == "text" else "cy", "0")))
    if not xs:
        return None
    left, top = min(xs) + dx, min(ys) + dy
    return left, top, max(xs) + dx - left, max(ys) + dy - top


class Drawing:
    """An SVG drawing from Graphviz, split into its boxes and lines."""

    def __init__(self, svg: bytes) -> None:
        ET.register_namespace("", _SVG[1:-1])
        root = ET.fromstring(svg)
        view = [float(v) for v in root.get("viewBox", "0 0 0 0").split()]
        self.width, self.height = view[2], view[3]
        graph = next(g for g in root if g.tag == f"{_SVG}g")
        moved = _TRANSLATE.search(graph.get("transform", ""))
        dx, dy = (float(moved.group(1)), float(moved.group(2))) if moved else (0.0, 0.0)
        self._parts: list[_Part] = []
        for element in graph:
            kind = element.get("class")
            if element.tag != f"{_SVG}g" or kind not in ("node", "edge"):
                continue
            bounds = _bounds(element, dx, dy)
            if bounds is None:
                continue
            element.tail = None
            for title in element.findall(f"{_SVG}title"):
                element.remove(title)
            self._parts.append(_Part(ET.tostring(element), bounds, kind == "node"))
        self._shift = dx, dy

    def boxes(self, size: tuple[float, float]) -> list[Rect]:
        """Where the role boxes of ``size`` lie: x, y (lower left, y upwards), width, height."""
        return [(x, self.height - y - h, w, h) for p in self._parts if p.node for x, y, w, h in (p.box,)
                if abs(w - size[0]) <= 1 and abs(h - size[1]) <= 1]

    def _kept(self, region: Rect) -> list[_Part]:
        rx, ry, rw, rh = region
        top = self.height - ry - rh
        kept = []
        for part in self._parts:
            x, y, w, h = part.box
            if part.node:
                inside = (x >= rx - TOLERANCE and y >= top - TOLERANCE and x + w <= rx + rw + TOLERANCE
                          and y + h <= top + rh + TOLERANCE)
            else:
                inside = x <= rx + rw and x + w >= rx and y <= top + rh and y + h >= top
            if inside:
                kept.append(part)
        return kept

    def count(self, region: Rect) -> int:
        """How many boxes the piece of ``region`` shows."""
        return sum(1 for part in self._kept(region) if part.node)

    def piece(self, region: Rect) -> bytes:
        """An SVG of ``region`` (x, y lower left with y upwards, width, height) of the drawing."""
        rx, ry, rw, rh = region
        top = self.height - ry - rh
        dx, dy = self._shift
        head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{rw:.2f}pt" height="{rh:.2f}pt" '
                f'viewBox="{rx:.2f} {top:.2f} {rw:.2f} {rh:.2f}"><g transform="translate({dx:g} {dy:g})">')
        return head.encode() + b"".join(part.xml for part in self._kept(region)) + b"</g></svg>"


__all__ = ["Drawing"]
