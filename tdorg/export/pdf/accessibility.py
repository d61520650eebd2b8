"""What a PDF carries for accessibility: tags, structure, alternative text, title, language, fonts.

:func:`check_pdf` reads any PDF (an export of tdorg's or not) with pypdf's
public API and returns a :class:`PdfAccessibility`: whether it is tagged
(``/MarkInfo /Marked``), the structure elements it has by standard type
(custom types through the ``/RoleMap``), its figures with and without
``/Alt``, its tables with and without header cells, its title and whether a
viewer shows it (``/DisplayDocTitle``), its ``/Lang``, the PDF/UA part its
XMP metadata declares, its fonts and whether each is embedded, and the pages
that paint content outside any marked-content sequence.

What WCAG 2.1 asks of a posted PDF is *required* (see
:attr:`PdfAccessibility.missing`); a PDF/UA identification and headings are
reported but not required. The ``tdorg check-pdf`` command prints the result.
"""

from __future__ import annotations

import io
import logging
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterator

from ...model.errors import FileError
from ...model.files import read_bytes
from ...model.plural import plural

#: The largest PDF read: as large as an export may be.
MAX_PDF_BYTES = 256 * 1024 * 1024
#: Structure elements walked at most, so that a hostile file cannot make the walk endless.
MAX_ELEMENTS = 1_000_000
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
PDFUA_ID = "http://www.aiim.org/pdfua/ns/id/"
#: The tags a reader looks for first, in the order they are listed.
KEY_TAGS = ("H", "H1", "H2", "H3", "H4", "H5", "H6", "P", "L", "LI", "Table", "TR", "TH", "TD", "Figure", "Link")
#: Operators that paint: text, paths, images, shadings, XObjects.
_PAINTING = frozenset({b"Tj", b"TJ", b"'", b'"', b"Do", b"sh", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"S",
                       b"s", b"INLINE IMAGE"})
_FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


class UnreadablePdfError(FileError):
    """The file is not a PDF pypdf can read (or cannot be read at all)."""


@dataclass(frozen=True)
class PdfAccessibility:
    """What one PDF carries for accessibility; :attr:`missing` names what a posted document lacks."""

    path: str
    pages: int
    tagged: bool
    tags: dict[str, int] = field(default_factory=dict)  # structure elements by standard type
    figures: int = 0
    figures_without_alt: int = 0
    tables: int = 0
    tables_without_headers: int = 0
    title: str = ""
    displays_title: bool = False
    language: str = ""
    pdfua_part: str = ""
    fonts: dict[str, bool] = field(default_factory=dict)  # font name → embedded
    unmarked_pages: tuple[int, ...] = ()  # 1-based

    @property
    def missing(self) -> list[str]:
        """What is required and absent, one sentence each; empty when the PDF has everything."""
        out = []
        if not self.tagged:
            out.append("The PDF is not marked as tagged (/MarkInfo /Marked true).")
        if not self.tags:
            out.append("The PDF has no structure tree: a screen reader finds no headings, lists or tables.")
        if self.figures_without_alt:
            out.append(f"{self.figures_without_alt:,} of {_count(self.figures, 'figure')} without alternative text (/Alt).")
        if self.tables_without_headers:
            out.append(f"{self.tables_without_headers:,} of {_count(self.tables, 'table')} without header cells (TH).")
        if not self.title:
            out.append("The document has no title.")
        if not self.displays_title:
            out.append("A viewer shows the file name, not the title (/DisplayDocTitle is not true).")
        if not self.language:
            out.append("The document's language is not set (/Lang).")
        unembedded = sorted(name for name, embedded in self.fonts.items() if not embedded)
        if unembedded:
            out.append(f"Fonts not embedded: {', '.join(unembedded)}.")
        if self.unmarked_pages:
            out.append(f"Content outside marked content (neither tagged nor an artifact) on {_pages(self.unmarked_pages)}.")
        return out

    @property
    def accessible(self) -> bool:
        return not self.missing

    def lines(self) -> list[str]:
        """The report, a line per property, ✓ where it is as required and ✗ where not."""
        def mark(ok: bool) -> str:
            return "✓" if ok else "✗"

        listed = [f"{t} {self.tags[t]:,}" for t in KEY_TAGS if t in self.tags]
        others = sum(n for t, n in self.tags.items() if t not in KEY_TAGS)
        structure = ", ".join(listed) + (f" (and {_count(others, 'other element')})" if others else "")
        embedded = sum(self.fonts.values())
        out = [
            f"{self.path}: {_count(self.pages, 'page')}",
            f"  {mark(self.tagged)} Tagged: {'yes' if self.tagged else 'no'} (/MarkInfo /Marked)",
            f"  {mark(bool(self.tags))} Structure tags: {structure or 'none'}",
            f"  {mark(not self.figures_without_alt)} Figures: {self.figures - self.figures_without_alt:,} of "
            f"{self.figures:,} with alternative text",
            f"  {mark(not self.tables_without_headers)} Tables: {self.tables - self.tables_without_headers:,} of "
            f"{self.tables:,} with header cells",
            f"  {mark(bool(self.title))} Title: {f'“{self.title}”' if self.title else 'none'}",
            f"  {mark(self.displays_title)} Title shown by viewers (/DisplayDocTitle): "
            f"{'yes' if self.displays_title else 'no'}",
            f"  {mark(bool(self.language))} Language (/Lang): {self.language or 'not set'}",
            f"  {mark(embedded == len(self.fonts))} Fonts embedded: {embedded:,} of {len(self.fonts):,}",
            f"  {mark(not self.unmarked_pages)} Marked content: "
            + (f"content outside it on {_pages(self.unmarked_pages)}" if self.unmarked_pages else "every page"),
            f"  · PDF/UA identification (XMP pdfuaid:part, not required): "
            + (f"PDF/UA-{self.pdfua_part}" if self.pdfua_part else "none"),
        ]
        if self.accessible:
            out.append("Everything required for an accessible posted document is present.")
        else:
            out += ["Missing:"] + [f"  - {line}" for line in self.missing]
        return out


def _count(n: int, word: str) -> str:
    return plural(n, word)


def _pages(numbers: tuple[int, ...]) -> str:
    shown = ", ".join(str(n) for n in numbers[:12]) + (" …" if len(numbers) > 12 else "")
    return f"{'page' if len(numbers) == 1 else 'pages'} {shown}"


def check_pdf(path: str | os.PathLike[str]) -> PdfAccessibility:
    """Read ``path`` and say what it carries for accessibility; :class:`UnreadablePdfError` when it is
    not a PDF that can be read."""
    from pypdf import PdfReader

    data = read_bytes(path, error=UnreadablePdfError, limit=MAX_PDF_BYTES)
    if not data.lstrip()[:5] == b"%PDF-":
        raise UnreadablePdfError(path, "This is not a PDF file (it does not start with %PDF-).")
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # what pypdf repairs on its own it would otherwise log beside the report
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadablePdfError(path, "The PDF is encrypted with a password; tdorg cannot read it.")
        return _inspect(str(path), reader)
    except UnreadablePdfError:
        raise
    except Exception as error:  # a damaged file can fail anywhere inside pypdf; say so instead of a traceback
        raise UnreadablePdfError(path, f"The PDF is damaged or not one pypdf can read ({type(error).__name__}: "
                                       f"{' '.join(str(error).split())[:200]}).") from None
    finally:
        quiet.setLevel(level)


def _inspect(path: str, reader: Any) -> PdfAccessibility:
    root = reader.root_object
    mark_info = _resolve(root.get("/MarkInfo")) or {}
    tags, figures, tables = _structure(_resolve(root.get("/StructTreeRoot")))
    preferences = _resolve(root.get("/ViewerPreferences")) or {}
    fonts: dict[str, bool] = {}
    unmarked = []
    for number, page in enumerate(reader.pages, 1):
        fonts.update(_fonts(_resolve(page.get("/Resources"))))
        if _paints_unmarked(page):
            unmarked.append(number)
    return PdfAccessibility(
        path=path,
        pages=len(reader.pages),
        tagged=_true(mark_info.get("/Marked")),
        tags=dict(tags),
        figures=len(figures),
        figures_without_alt=sum(1 for has_alt in figures if not has_alt),
        tables=len(tables),
        tables_without_headers=sum(1 for has_header in tables if not has_header),
        title=_title(reader),
        displays_title=_true(preferences.get("/DisplayDocTitle")),
        language=str(root.get("/Lang") or "").strip(),
        pdfua_part=_pdfua_part(reader),
        fonts=fonts,
        unmarked_pages=tuple(unmarked),
    )


def _true(value: Any) -> bool:
    """A PDF boolean that is true (pypdf reads them as objects holding a ``bool``)."""
    return getattr(value, "value", value) is True


def _resolve(value: Any) -> Any:
    return value.get_object() if hasattr(value, "get_object") else value


def _structure(tree: Any) -> tuple[Counter[str], list[bool], list[bool]]:
    """Structure elements by standard type; per figure whether it has /Alt; per table whether it has TH."""
    tags: Counter[str] = Counter()
    figures: list[bool] = []
    tables: list[bool] = []
    if not isinstance(tree, dict):
        return tags, figures, tables
    role_map = _resolve(tree.get("/RoleMap")) or {}
    seen: set[int] = set()
    stack: list[tuple[Any, int | None]] = [(kid, None) for kid in _kids(tree)]
    while stack and len(seen) < MAX_ELEMENTS:
        ref, table = stack.pop()
        key = id(ref) if not hasattr(ref, "idnum") else -ref.idnum
        node = _resolve(ref)
        if not isinstance(node, dict) or "/S" not in node or key in seen:
            continue
        seen.add(key)
        kind = _standard(str(node["/S"]), role_map)
        tags[kind] += 1
        if kind == "Figure":
            figures.append(bool(str(node.get("/Alt") or "").strip()))
        elif kind == "Table":
            tables.append(False)
            table = len(tables) - 1
        elif kind == "TH" and table is not None:
            tables[table] = True
        stack.extend((kid, table) for kid in _kids(node))
    return tags, figures, tables


def _kids(node: dict) -> Iterator[Any]:
    kids = _resolve(node.get("/K"))
    if kids is None:
        return
    yield from (kids if isinstance(kids, list) else [kids])


def _standard(kind: str, role_map: dict) -> str:
    """A structure type as the standard type the role map maps it to (at most a few steps)."""
    for _ in range(8):
        mapped = role_map.get(kind)
        if mapped is None:
            break
        kind = str(mapped)
    return kind.lstrip("/")


def _title(reader: Any) -> str:
    info = reader.metadata
    if info is not None and info.title and str(info.title).strip():
        return " ".join(str(info.title).split())
    xmp = reader.xmp_metadata
    titles = xmp.dc_title if xmp is not None else None
    return " ".join(next(iter(titles.values()), "").split()) if titles else ""


def _pdfua_part(reader: Any) -> str:
    xmp = reader.xmp_metadata
    if xmp is None:
        return ""
    for description in xmp.rdf_root.getElementsByTagNameNS(RDF, "Description"):
        value = description.getAttributeNS(PDFUA_ID, "part")
        if value:
            return value.strip()
        for element in description.getElementsByTagNameNS(PDFUA_ID, "part"):
            text = "".join(child.data for child in element.childNodes if child.nodeType == child.TEXT_NODE)
            if text.strip():
                return text.strip()
    return ""


def _fonts(resources: Any, seen: set[int] | None = None) -> dict[str, bool]:
    """Every font of ``resources`` and of the forms it draws, with whether it is embedded."""
    out: dict[str, bool] = {}
    seen = set() if seen is None else seen
    stack = [resources]
    while stack:
        res = _resolve(stack.pop())
        if not isinstance(res, dict) or id(res) in seen:
            continue
        seen.add(id(res))
        for font in (_resolve(res.get("/Font")) or {}).values():
            font = _resolve(font)
            if isinstance(font, dict):
                name = str(font.get("/BaseFont") or font.get("/Name") or "unnamed font").lstrip("/")
                out[name] = out.get(name, True) and _embedded(font)
        for xobject in (_resolve(res.get("/XObject")) or {}).values():
            xobject = _resolve(xobject)
            if isinstance(xobject, dict) and xobject.get("/Subtype") == "/Form":
                stack.append(xobject.get("/Resources"))
    return out


def _embedded(font: dict) -> bool:
    if font.get("/Subtype") == "/Type3":
        return True  # its glyphs are drawn in the file
    if font.get("/Subtype") == "/Type0":
        descendants = _resolve(font.get("/DescendantFonts")) or []
        font = _resolve(descendants[0]) if descendants else {}
    descriptor = _resolve(font.get("/FontDescriptor")) or {}
    return any(key in descriptor for key in _FONT_FILES)


def _paints_unmarked(page: Any) -> bool:
    """True when the page's content paints something outside every marked-content sequence."""
    contents = page.get_contents()
    if contents is None:
        return False
    depth = 0
    for _, operator in contents.operations:
        if operator in (b"BMC", b"BDC"):
            depth += 1
        elif operator == b"EMC":
            depth = max(0, depth - 1)
        elif depth == 0 and operator in _PAINTING:
            return True
    return False


__all__ = ["MAX_PDF_BYTES", "PdfAccessibility", "UnreadablePdfError", "check_pdf"]
