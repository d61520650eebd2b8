"""A chart's PDF drawing cut into pieces with known extents, to draw only part of it.

Graphviz draws a chart as one flat content stream: per box a filled path and a
few text objects, per line a stroked path. :class:`Drawing` splits that
stream into segments, each ending where something is painted, and notes each
segment's extent on the page. :meth:`Drawing.part` then writes a stream with
only the segments that reach into a region, so a poster sheet carries what it
shows rather than the whole chart.

Colours, line styles and text settings set in a left-out segment are carried
over to the next segment kept. Anything the splitter does not understand
(saved states, transformations, clipping, images, marked content) is always
kept, and a stream it cannot read raises :class:`UnreadableDrawing`, after
which callers fall back to drawing the whole chart.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

Rect = tuple[float, float, float, float]  # x, y, width, height

_TOKEN = re.compile(
    rb"(?P<ws>[\s]+|%[^\r\n]*)"
    rb"|(?P<str>\((?:[^()\\]|\\.)*\))"
    rb"|(?P<other><[0-9A-Fa-f\s]*>|<<|>>|\[|\]|/[^\s/\[\]()<>{}%]*)"
    rb"|(?P<num>[+-]?(?:\d+\.?\d*|\.\d+))"
    rb"|(?P<op>[A-Za-z'\"*]+)",
    re.S,
)

_PATH = {b"m", b"l", b"c", b"v", b"y", b"re", b"h"}
_PAINT = {b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"n"}
_TEXT = {b"BT", b"ET", b"Tj", b"TJ", b"Td", b"TD", b"Tm", b"T*"}
#: Settings that outlast the segment setting them, by the slot they fill.
_STATE = {
    b"w": "w", b"d": "d", b"J": "J", b"j": "j", b"M": "M", b"i": "i", b"ri": "ri",
    b"Tf": "Tf", b"Tc": "Tc", b"Tw": "Tw", b"Tz": "Tz", b"TL": "TL", b"Tr": "Tr", b"Ts": "Ts",
    b"rg": "fill", b"g": "fill", b"k": "fill", b"sc": "fill", b"scn": "fill", b"cs": "fill_space",
    b"RG": "stroke", b"G": "stroke", b"K": "stroke", b"SC": "stroke", b"SCN": "stroke", b"CS": "stroke_space",
}
_SLOTS = ("fill_space", "fill", "stroke_space", "stroke", "w", "d", "J", "j", "M", "i", "ri",
          "Tf", "Tc", "Tw", "Tz", "TL", "Tr", "Ts")


#: Segments reaching further than this (points) are also tested piece by piece.
PIECE = 400.0
#: Segments spanning more than this (points) count as far-reaching.
FAR = 2000.0


class UnreadableDrawing(ValueError):
    """The content stream holds something the splitter cannot follow."""


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    bbox: Rect | None  # None: always drawn
    state: tuple  # settings in force where the segment starts: one per slot, and the ExtGStates used
    end_state: tuple  # and where it ends


def _mul(a: tuple, b: tuple) -> tuple:
    return (
        a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5],
    )


class Drawing:
    """A content stream split into segments; ``bbox`` in the stream's page space."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.segments: list[Segment] = []
        self.paths: list[Rect] = []  # extents of the filled-and-stroked paths (boxes)
        self.pieces: dict[int, list[Rect]] = {}  # finer extents of the segments that reach far
        self._split()
        self._index: tuple[list[float], list[int], list[int]] | None = None

    def _split(self) -> None:
        data, pos = self.data, 0
        operands: list[bytes] = []
        ctm, stack = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), []
        state: dict[str, bytes] = dict.fromkeys(_SLOTS, b"")
        gstates: dict[bytes, None] = {}
        xs: list[float] = []
        ys: list[float] = []
        keep, start, width, text_m, line_m = False, 0, 1.0, ctm, ctm
        pieces: list[tuple] = []  # the lines, curves and rectangles painted, as points on the page
        cur = first = (0.0, 0.0)
        seg_state = (tuple(state.values()), tuple(gstates))
        for match in _TOKEN.finditer(data):
            if match.start() != pos:
                raise UnreadableDrawing(f"unexpected content at byte {pos}")
            pos = match.end()
            kind = match.lastgroup
            if kind != "op":
                if kind != "ws":
                    operands.append(match.group())
                continue
            op = match.group()
            try:
                nums = [float(v) for v in operands if v[:1] in b"+-.0123456789"]
            except ValueError:
                raise UnreadableDrawing("bad number") from None
            if op in _PATH:
                if op == b"re" and len(nums) == 4:
                    x, y, w, h = nums
                    pts = ((x, y), (x + w, y + h), (x, y + h), (x + w, y))
                else:
                    pts = tuple(zip(nums[0::2], nums[1::2]))
                pts = tuple((ctm[0] * px + ctm[2] * py + ctm[4], ctm[1] * px + ctm[3] * py + ctm[5]) for px, py in pts)
                for px, py in pts:
                    xs.append(px)
                    ys.append(py)
                if op == b"m" and pts:
                    cur = first = pts[-1]
                elif op == b"h":
                    pieces.append((cur, first))
                    cur = first
                elif op == b"re":
                    pieces.append(pts)
                elif pts:
                    if op == b"v":
                        pts = (cur, *pts)
                    elif op == b"y":
                        pts = (*pts, pts[-1])
                    pieces.append((cur, *pts))
                    cur = pts[-1]
            elif op in _TEXT:
                if op == b"BT":
                    text_m = line_m = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
                elif op == b"Tm" and len(nums) == 6:
                    text_m = line_m = tuple(nums)
                elif op in (b"Td", b"TD") and len(nums) == 2:
                    text_m = line_m = _mul((1.0, 0.0, 0.0, 1.0, nums[0], nums[1]), line_m)
                elif op == b"T*":
                    text_m = line_m = _mul((1.0, 0.0, 0.0, 1.0, 0.0, -_size(state["TL"], 0.0)), line_m)
                elif op in (b"Tj", b"TJ"):
                    chars = sum(len(v) - 2 for v in operands if v[:1] == b"(")
                    chars += sum((len(v) - 2) // 2 for v in operands if v[:1] == b"<")
                    size = _size(state["Tf"], 1.0)
                    m = _mul(text_m, ctm)
                    corners = []
                    for tx, ty in ((0.0, -0.3 * size), (chars * size, 1.2 * size)):
                        corners.append((m[0] * tx + m[2] * ty + m[4], m[1] * tx + m[3] * ty + m[5]))
                        xs.append(corners[-1][0])
                        ys.append(corners[-1][1])
                    pieces.append(tuple(corners) * 2)
            elif op in _STATE:
                slot = _STATE[op]
                value = b" ".join(operands) + b" " + op
                if slot in ("fill_space", "stroke_space"):
                    state[slot.replace("_space", "")] = b""
                elif op in (b"rg", b"g", b"k", b"RG", b"G", b"K"):
                    state[slot + "_space"] = b""
                state[slot] = value
                if op == b"w" and nums:
                    width = nums[0]
            elif op in _PAINT:
                pass
            elif op == b"gs" and operands:
                gstates.pop(operands[-1], None)
                gstates[operands[-1]] = None
            else:
                keep = True
                if op == b"q":
                    stack.append((ctm, dict(state), dict(gstates)))
                elif op == b"Q":
                    if not stack:
                        raise UnreadableDrawing("unbalanced Q")
                    ctm, state, gstates = stack.pop()
                elif op == b"cm" and len(nums) == 6:
                    ctm = _mul(tuple(nums), ctm)
                elif op in (b"BI", b"ID"):
                    raise UnreadableDrawing("inline image")
            operands = []
            if op in _PAINT or op == b"ET" or keep:
                bbox = None
                if xs and not keep:
                    pad = max(width, 1.0) * 2
                    bbox = (min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad, max(ys) - min(ys) + 2 * pad)
                    if bbox[2] > PIECE or bbox[3] > PIECE:
                        parts = []
                        for piece in pieces:
                            _piece_boxes(piece, pad, parts)
                        self.pieces[len(self.segments)] = parts
                    if op in (b"B", b"B*", b"b", b"b*"):
                        self.paths.append((min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
                end_state = (tuple(state.values()), tuple(gstates))
                self.segments.append(Segment(start, pos, bbox, seg_state, end_state))
                start, keep, xs, ys, pieces, seg_state = pos, False, [], [], [], end_state
        if pos != len(data) or stack:
            raise UnreadableDrawing("the stream ends inside an object")
        self.segments.append(Segment(start, len(data), None, seg_state, seg_state))

    def boxes(self, size: tuple[float, float], tolerance: float = 2.0) -> list[Rect]:
        """The outlines of the filled-and-stroked paths of ``size`` (the role boxes)."""
        w, h = size
        return [r for r in self.paths if abs(r[2] - w) <= tolerance and abs(r[3] - h) <= tolerance]

    def part(self, region: Rect, reach: str = "all") -> bytes:
        """The stream with only the segments that reach into ``region``.

        ``reach="near"`` keeps only segments spanning at most :data:`FAR`
        points, ``"far"`` only the longer ones (lines across the chart), so
        that those can be stored once for many sheets.
        """
        x0, y0, w, h = region
        x1, y1 = x0 + w, y0 + h
        out: list[bytes] = []
        current: tuple | None = None
        for n in self._candidates(y0, y1, reach):
            seg = self.segments[n]
            if seg.bbox is not None:
                bx, by, bw, bh = seg.bbox
                if bx > x1 or by > y1 or bx + bw < x0 or by + bh < y0:
                    continue
                if reach != "all" and (reach == "far") != (bw > FAR or bh > FAR):
                    continue
                if n in self.pieces and not any(
                    not (px > x1 or py > y1 or px + pw < x0 or py + ph < y0) for px, py, pw, ph in self.pieces[n]
                ):
                    continue
            if seg.state != current:
                out.append(_settings(seg.state, current))
            out.append(self.data[seg.start:seg.end])
            current = seg.end_state
        return b"\n".join(out)


    def _candidates(self, y0: float, y1: float, reach: str) -> list[int]:
        """In drawing order, the segments that may reach into the band from ``y0`` to ``y1``.

        Short segments are found by bisection on their lower edge (they
        start at most :data:`FAR` below the band), so many parts of one
        drawing cost little more than one pass over it.
        """
        if self._index is None:
            short = sorted(
                (seg.bbox[1], n) for n, seg in enumerate(self.segments)
                if seg.bbox is not None and seg.bbox[2] <= FAR and seg.bbox[3] <= FAR
            )
            others = [n for n, seg in enumerate(self.segments)
                      if seg.bbox is None or seg.bbox[2] > FAR or seg.bbox[3] > FAR]
            self._index = ([y for y, _ in short], [n for _, n in short], others)
        bottoms, ids, others = self._index
        found = list(others)
        if reach != "far":
            found += ids[bisect.bisect_left(bottoms, y0 - FAR):bisect.bisect_right(bottoms, y1)]
        return sorted(found)


def _settings(state: tuple, current: tuple | None) -> bytes:
    """The operators that turn the settings ``current`` into ``state``."""
    values, gstates = state
    old_values, old_gstates = current if current is not None else ((b"",) * len(values), ())
    ops = [v for v, old in zip(values, old_values) if v and v != old]
    if gstates != old_gstates:
        ops += [name + b" gs" for name in gstates]
    return b" ".join(ops)


def _piece_boxes(points: tuple, pad: float, out: list[Rect], depth: int = 0) -> None:
    """Extents of at most ``PIECE`` points covering a line (2 points), a curve (4) or a rectangle."""
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    left, bottom, right, top = min(xs), min(ys), max(xs), max(ys)
    if (right - left <= PIECE and top - bottom <= PIECE) or depth >= 12 or len(points) not in (2, 4) or (
        len(points) == 4 and points[0] == points[2]  # a rectangle or a text's corners
    ):
        out.append((left - pad, bottom - pad, right - left + 2 * pad, top - bottom + 2 * pad))
        return
    if len(points) == 2:
        (ax, ay), (bx, by) = points
        mid = ((ax + bx) / 2, (ay + by) / 2)
        halves = ((points[0], mid), (mid, points[1]))
    else:  # split the Bézier curve in two at its middle
        p0, p1, p2, p3 = points
        q0 = ((p0[0] + p1[0]) / 2, (p0[1] + p1[1]) / 2)
        q1 = ((p1[0] + p2[0]) / 2, (p1[1] + p2[1]) / 2)
        q2 = ((p2[0] + p3[0]) / 2, (p2[1] + p3[1]) / 2)
        r0 = ((q0[0] + q1[0]) / 2, (q0[1] + q1[1]) / 2)
        r1 = ((q1[0] + q2[0]) / 2, (q1[1] + q2[1]) / 2)
        mid = ((r0[0] + r1[0]) / 2, (r0[1] + r1[1]) / 2)
        halves = ((p0, q0, r0, mid), (mid, r1, q2, p3))
    for half in halves:
        _piece_boxes(half, pad, out, depth + 1)


def _size(setting: bytes, default: float) -> float:
    parts = setting.split()
    try:
        return abs(float(parts[-2])) if len(parts) >= 2 else default
    except ValueError:
        return default


__all__ = ["Drawing", "Rect", "Segment", "UnreadableDrawing"]
