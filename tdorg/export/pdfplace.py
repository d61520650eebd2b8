"""Put a Graphviz chart PDF onto composed pages, as vector graphics.

The chart's single page becomes a form XObject drawn clipped to each sheet's
area with the sheet's own scale and offset, so the chart stays vector and its
text stays selectable. A sheet that shows the whole chart shares one form
stored once; a sheet that shows part of it (a poster tile) gets a form holding
only the pieces of the drawing that reach into its part
(:mod:`tdorg.export.pdfcull`), so a viewer or printer draws each tile without
working through the whole chart. All forms share the chart's fonts.
"""

from __future__ import annotations

import io
from typing import Iterable

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    EncodedStreamObject,
    FloatObject,
    IndirectObject,
    NameObject,
    StreamObject,
)

from .errors import ExportError
from .pdfcull import Drawing, UnreadableDrawing
from .sheets import Rect, Sheet

FORM_NAME = "/TdorgChart"


class ChartPdf:
    """A chart PDF written by Graphviz: its size and its page."""

    def __init__(self, data: bytes) -> None:
        try:
            self.reader = PdfReader(io.BytesIO(data))
            self.page = self.reader.pages[0]
        except (PyPdfError, IndexError, ValueError, KeyError) as exc:
            raise ExportError(f"Graphviz wrote a chart PDF that cannot be read ({exc}).") from None
        box = self.page.mediabox
        self.left, self.bottom = float(box.left), float(box.bottom)
        self.width, self.height = float(box.width), float(box.height)
        self._drawing: Drawing | None | bool = False

    @property
    def content(self) -> bytes:
        contents = self.page.get("/Contents")
        return _content_bytes(contents) if contents is not None else b""

    @property
    def drawing(self) -> Drawing | None:
        """The chart's drawing split into pieces, or None when it cannot be split."""
        if self._drawing is False:
            try:
                self._drawing = Drawing(self.content)
            except UnreadableDrawing:
                self._drawing = None
        return self._drawing  # type: ignore[return-value]

    def boxes(self, size: tuple[float, float]) -> list[tuple[float, float, float, float]]:
        """Where the role boxes of ``size`` lie, in the chart's coordinates (origin at its lower left)."""
        drawing = self.drawing
        if drawing is None:
            return []
        return [(x - self.left, y - self.bottom, w, h) for x, y, w, h in drawing.boxes(size)]

    def shows_all(self, sheet: Sheet) -> bool:
        rx, ry, rw, rh = sheet.region
        return rx <= 0 and ry <= 0 and rx + rw >= self.width and ry + rh >= self.height


def _content_bytes(contents: object) -> bytes:
    obj = contents.get_object() if isinstance(contents, IndirectObject) else contents
    if isinstance(obj, ArrayObject):
        return b"\n".join(_content_bytes(part) for part in obj)
    assert isinstance(obj, StreamObject)
    return obj.get_data()


def _form(
    writer: PdfWriter, chart: ChartPdf, resources: object, part: bytes | None = None, bbox: tuple | None = None
) -> IndirectObject:
    """The chart's drawing as a form: all of it, or ``part`` of it covering ``bbox``."""
    page = chart.page
    contents = page.get("/Contents")
    raw = contents.get_object() if contents is not None else None
    if part is not None:
        plain = DecodedStreamObject()
        plain.set_data(part)
        form = plain.flate_encode()
    elif isinstance(raw, EncodedStreamObject) and raw.get("/Filter") == "/FlateDecode" and "/DecodeParms" not in raw:
        form: StreamObject = EncodedStreamObject()
        form._data = raw._data  # already compressed: reuse as it is
        form[NameObject("/Filter")] = NameObject("/FlateDecode")
    else:
        plain = DecodedStreamObject()
        plain.set_data(_content_bytes(contents) if contents is not None else b"")
        form = plain.flate_encode()
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    x, y, w, h = bbox or (chart.left, chart.bottom, chart.width, chart.height)
    form[NameObject("/BBox")] = ArrayObject(FloatObject(v) for v in (x, y, x + w, y + h))
    if resources is not None:
        form[NameObject("/Resources")] = resources
    return writer._add_object(form)


def _num(value: float) -> str:
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def _draw_ops(chart: ChartPdf, sheet: Sheet, names: list[str]) -> bytes:
    x, y, w, h = sheet.clip
    s = sheet.scale
    # Chart coordinates are relative to its media box's lower-left corner.
    tx = sheet.tx - chart.left * s
    ty = sheet.ty - chart.bottom * s
    ops = "".join(
        f"q {_num(x)} {_num(y)} {_num(w)} {_num(h)} re W n "
        f"{_num(s)} 0 0 {_num(s)} {_num(tx)} {_num(ty)} cm {name} Do Q\n"
        for name in names
    )
    return ops.encode("ascii")


def _parts(chart: ChartPdf, sheet: Sheet) -> list[tuple[str, Rect | None]]:
    """The forms that draw ``sheet``: the whole chart; or the far-reaching lines
    across the sheet's band of the chart (shared by the sheets of a row), then
    the sheet's own pieces."""
    if chart.shows_all(sheet) or chart.drawing is None:
        return [("all", None)]
    rx, ry, rw, rh = sheet.region
    return [("far", (chart.left, ry + chart.bottom, chart.width, rh)), ("near", (rx + chart.left, ry + chart.bottom, rw, rh))]


def place_chart(pages_pdf: bytes, chart_pdf: bytes | ChartPdf, placements: Iterable[tuple[int, Sheet]]) -> bytes:
    """``pages_pdf`` with the chart drawn under the page content at each ``(page index, sheet)``.

    A page may take several placements; they are drawn in the order given.
    """
    chart = chart_pdf if isinstance(chart_pdf, ChartPdf) else ChartPdf(chart_pdf)
    writer = PdfWriter(clone_from=io.BytesIO(pages_pdf))
    found = chart.page.get("/Resources")
    resources_ref = writer._add_object(found.get_object().clone(writer)) if found is not None else None
    forms: dict[tuple[str, Rect | None], IndirectObject] = {}
    used: dict[int, int] = {}  # forms named on each page
    placed: dict[int, int] = {}  # drawings put on each page
    for index, sheet in placements:
        names = []
        page = writer.pages[index]
        # Copies: pages may share one resource dictionary, and each names its own forms.
        resources = page.get("/Resources")
        resources = DictionaryObject(resources.get_object()) if resources is not None else DictionaryObject()
        page[NameObject("/Resources")] = resources
        xobjects = resources.get("/XObject")
        xobjects = DictionaryObject(xobjects.get_object()) if xobjects is not None else DictionaryObject()
        resources[NameObject("/XObject")] = xobjects
        for key in _parts(chart, sheet):
            if key not in forms:
                reach, bbox = key
                part = None if bbox is None else chart.drawing.part(bbox, reach)  # type: ignore[union-attr]
                forms[key] = _form(writer, chart, resources_ref, part, bbox)
            count = used[index] = used.get(index, 0) + 1
            names.append(FORM_NAME if count == 1 else f"{FORM_NAME}{count}")
            xobjects[NameObject(names[-1])] = forms[key]
        drawing = DecodedStreamObject()
        drawing.set_data(_draw_ops(chart, sheet, names))
        parts = ArrayObject()
        existing = page.get("/Contents")
        if existing is not None:
            existing_obj = existing.get_object()
            parts.extend(existing_obj if isinstance(existing_obj, ArrayObject) else [existing])
        # Under the page's own content, after the chart drawings placed before.
        parts.insert(placed.get(index, 0), writer._add_object(drawing))
        placed[index] = placed.get(index, 0) + 1
        page[NameObject("/Contents")] = parts
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


__all__ = ["ChartPdf", "place_chart"]
