"""Reading a tagged PDF's structure tree with pypdf: its tags in reading order, figures and their pages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader


@dataclass(frozen=True)
class Element:
    tag: str  # without the slash: H1, Table, Figure…
    alt: str | None
    page: int | None  # 0-based, when the element names its page


def elements(path: Path | str) -> list[Element]:
    """Every structure element, depth first (the reading order)."""
    reader = PdfReader(str(path))
    pages = {p.indirect_reference.idnum: i for i, p in enumerate(reader.pages)}
    out: list[Element] = []

    def walk(node: object) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if not isinstance(node, dict):
            return
        if "/S" in node:
            page = node.get("/Pg")
            out.append(Element(str(node["/S"]).lstrip("/"), node.get("/Alt"),
                               pages.get(page.idnum) if page is not None else None))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return out


def figure_pages(path: Path | str) -> list[int]:
    """The pages holding a figure, in order."""
    return sorted({e.page for e in elements(path) if e.tag == "Figure" and e.page is not None})


__all__ = ["Element", "elements", "figure_pages"]
