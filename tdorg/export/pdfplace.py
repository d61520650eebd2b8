"""Put a Graphviz chart PDF onto composed pages, as vector graphics.

The chart's single page becomes one form XObject stored once in the file;
each sheet draws it clipped to its area with its own scale and offset. The
chart therefore stays vector, its text stays selectable, and a poster of
many tiles costs hardly more space than the chart itself.
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
from .sheets import Sheet

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


def _content_bytes(contents: object) -> bytes:
    obj = contents.get_object() if isinstance(contents, IndirectObject) else contents
    if isinstance(obj, ArrayObject):
        return b"\n".join(_content_bytes(part) for part in obj)
    assert isinstance(obj, StreamObject)
    return obj.get_data()


def _form(writer: PdfWriter, chart: ChartPdf) -> IndirectObject:
    page = chart.page
    contents = page.get("/Contents")
    raw = contents.get_object() if contents is not None else None
    if isinstance(raw, EncodedStreamObject) and raw.get("/Filter") == "/FlateDecode" and "/DecodeParms" not in raw:
        form: StreamObject = EncodedStreamObject()
        form._data = raw._data  # already compressed: reuse as it is
        form[NameObject("/Filter")] = NameObject("/FlateDecode")
    else:
        plain = DecodedStreamObject()
        plain.set_data(_content_bytes(contents) if contents is not None else b"")
        form = plain.flate_encode()
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/BBox")] = ArrayObject(
        FloatObject(v) for v in (chart.left, chart.bottom, chart.left + chart.width, chart.bottom + chart.height)
    )
    resources = page.get("/Resources")
    if resources is not None:
        form[NameObject("/Resources")] = resources.get_object().clone(writer)
    return writer._add_object(form)


def _num(value: float) -> str:
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def _draw_ops(chart: ChartPdf, sheet: Sheet) -> bytes:
    x, y, w, h = sheet.clip
    s = sheet.scale
    # Chart coordinates are relative to its media box's lower-left corner.
    tx = sheet.tx - chart.left * s
    ty = sheet.ty - chart.bottom * s
    ops = (
        f"q {_num(x)} {_num(y)} {_num(w)} {_num(h)} re W n "
        f"{_num(s)} 0 0 {_num(s)} {_num(tx)} {_num(ty)} cm {FORM_NAME} Do Q\n"
    )
    return ops.encode("ascii")


def place_chart(pages_pdf: bytes, chart_pdf: bytes | ChartPdf, placements: Iterable[tuple[int, Sheet]]) -> bytes:
    """``pages_pdf`` with the chart drawn under the page content at each ``(page index, sheet)``."""
    chart = chart_pdf if isinstance(chart_pdf, ChartPdf) else ChartPdf(chart_pdf)
    writer = PdfWriter(clone_from=io.BytesIO(pages_pdf))
    form = _form(writer, chart)
    for index, sheet in placements:
        page = writer.pages[index]
        resources = page.get("/Resources")
        resources = resources.get_object() if resources is not None else DictionaryObject()
        page[NameObject("/Resources")] = resources
        xobjects = resources.get("/XObject")
        xobjects = xobjects.get_object() if xobjects is not None else DictionaryObject()
        resources[NameObject("/XObject")] = xobjects
        xobjects[NameObject(FORM_NAME)] = form
        drawing = DecodedStreamObject()
        drawing.set_data(_draw_ops(chart, sheet))
        parts = ArrayObject([writer._add_object(drawing)])
        existing = page.get("/Contents")
        if existing is not None:
            existing_obj = existing.get_object()
            if isinstance(existing_obj, ArrayObject):
                parts.extend(existing_obj)
            else:
                parts.append(existing)
        page[NameObject("/Contents")] = parts
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


__all__ = ["ChartPdf", "place_chart"]
