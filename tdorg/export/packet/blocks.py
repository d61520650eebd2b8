"""The text of a packet as plain blocks (headings, paragraphs, tables, lists) that a Typst template prints.

Section builders write paragraphs in a small markup — ``<b>``, ``<i>``,
``<font color size>``, ``<br/>`` around chart text escaped with
:func:`tdorg.export.packet.content.esc` — and :func:`to_data` turns every
block into JSON data of runs of literal text. The template never reads
markup from the chart: a title is a string in the data, printed as typed.

Paragraph styles ``title``, ``h1`` and ``h2`` become headings of levels 1, 2
and 3 (``subhead``: level 2 in the size of ``h2``, for the cover), so the
packet's headings are tagged in order and become its bookmarks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

#: Paragraph styles that are headings: their level and size in points.
HEADINGS = {"title": (1, 26.0), "h1": (2, 15.0), "h2": (3, 12.0), "subhead": (2, 12.0)}

Run = dict[str, object]


class _Runs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[list[Run]] = [[]]
        self._stack: list[tuple[str, dict[str, object]]] = []

    def _look(self) -> dict[str, object]:
        look: dict[str, object] = {}
        for _, attrs in self._stack:
            look.update(attrs)
        return look

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.lines.append([])
            return
        given = dict(attrs)
        look: dict[str, object] = {}
        if tag == "b":
            look["b"] = True
        elif tag == "i":
            look["i"] = True
        elif tag == "font":
            if given.get("color"):
                look["c"] = given["color"]
            if given.get("size"):
                look["s"] = float(given["size"] or 0)
        self._stack.append((tag, look))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.lines.append([])

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                del self._stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if data:
            self.lines[-1].append({"t": data, **self._look()})


def runs(markup: str) -> list[list[Run]]:
    """The lines of ``markup``, each a list of runs ``{"t": text, "b", "i", "c": colour, "s": size}``."""
    parser = _Runs()
    parser.feed(markup)
    parser.close()
    return parser.lines


@dataclass
class Paragraph:
    markup: str
    style: str = "base"


@dataclass
class Spacer:
    width: float
    height: float


@dataclass
class PageBreak:
    pass


@dataclass
class KeepTogether:
    """Blocks printed on one page."""

    blocks: list


@dataclass
class Items:
    """A list: each item is a list of blocks (a finding with its roles, fix and source)."""

    items: list[list]


@dataclass
class TableStyle:
    commands: list[tuple]


@dataclass
class Table:
    """Rows of cells (a paragraph or empty text); ``header`` rows are tagged header cells.

    ``setStyle`` takes ``("BACKGROUND", (col, row), (col, row), colour)`` and
    ``("SPAN", (col, row), (col, row))`` commands (negative indices count from the end).
    """

    rows: list[list[object]]
    colWidths: list[float]
    header: int = 0
    layout: bool = False  # cells side by side (a legend), not a table of data
    fills: dict[tuple[int, int], str] = field(default_factory=dict)
    spans: dict[tuple[int, int], int] = field(default_factory=dict)

    def setStyle(self, style: TableStyle) -> None:  # noqa: N802 - the name the section builders use
        ncols, nrows = len(self.colWidths), len(self.rows)
        for command in style.commands:
            kind, (c0, r0), (c1, r1) = command[:3]
            c0, c1 = c0 % ncols, c1 % ncols
            r0, r1 = r0 % nrows, r1 % nrows
            if kind == "BACKGROUND":
                for r in range(r0, r1 + 1):
                    for c in range(c0, c1 + 1):
                        self.fills[(c, r)] = str(command[3])
            elif kind == "SPAN":
                self.spans[(c0, r0)] = c1 - c0 + 1


#: Anything a section builder returns.
Block = Paragraph | Spacer | PageBreak | KeepTogether | Items | Table


def grid(rows: list[list[object]], widths: list[float], header: bool = True) -> Table:
    """A table with a tagged header row (unless ``header`` is false) and a rule under every row."""
    return Table(rows, widths, 1 if header else 0)


def _cell(cell: object) -> dict[str, object]:
    if isinstance(cell, Paragraph):
        return {"style": cell.style, "lines": runs(cell.markup)}
    return {"style": "cell", "lines": [[{"t": str(cell)}]] if cell else [[]]}


def _table(table: Table) -> dict[str, object]:
    total = sum(table.colWidths) or 1.0
    rows = []
    for r, row in enumerate(table.rows):
        cells, c = [], 0
        while c < len(row):
            cell = _cell(row[c])
            span = table.spans.get((c, r), 1)
            if span > 1:
                cell["span"] = span
            if (c, r) in table.fills:
                cell["fill"] = table.fills[(c, r)]
            cells.append(cell)
            c += span
        rows.append(cells)
    return {"k": "grid" if table.layout else "table", "widths": [w / total for w in table.colWidths],
            "header": table.header, "rows": rows}


def to_data(block: object) -> dict[str, object]:
    """One block as JSON data for the template."""
    if isinstance(block, Paragraph):
        if block.style in HEADINGS:
            level, size = HEADINGS[block.style]
            return {"k": "h", "level": level, "size": size, "lines": runs(block.markup)}
        return {"k": "p", "style": block.style, "lines": runs(block.markup)}
    if isinstance(block, Spacer):
        return {"k": "space", "h": block.height}
    if isinstance(block, PageBreak):
        return {"k": "break"}
    if isinstance(block, KeepTogether):
        return {"k": "keep", "blocks": [to_data(b) for b in block.blocks]}
    if isinstance(block, Items):
        return {"k": "list", "items": [[to_data(b) for b in item] for item in block.items]}
    if isinstance(block, Table):
        return _table(block)
    raise TypeError(f"not a packet block: {block!r}")


__all__ = ["Block", "Items", "KeepTogether", "PageBreak", "Paragraph", "Spacer", "Table", "TableStyle", "grid", "runs", "to_data"]
