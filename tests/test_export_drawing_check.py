"""The check a drawing passes before it is used: whole SVG, PNG or PDF, read in bounded memory."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from tdorg.export import ExportOptions, GraphvizOutputError, export_chart
from tdorg.export.graphviz.drawing_check import CHUNK, check_drawing
from tdorg.model.formats import load_chart
from tests.samples import SAMPLES
from tests.test_export_support import needs_graphviz


def refused(data: bytes, fmt: str) -> str:
    with pytest.raises(GraphvizOutputError) as caught:
        check_drawing(io.BytesIO(data), fmt)
    return str(caught.value)


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png(width: int, height: int, pixels: bytes, *, interlace: int = 0) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, interlace)  # 8-bit grey
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", zlib.compress(pixels))
            + png_chunk(b"IEND", b""))


@needs_graphviz
@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_real_drawings_pass(fmt, tmp_path) -> None:
    out = export_chart(load_chart(SAMPLES / "la-crosse.json"), tmp_path / f"c.{fmt}", ExportOptions(format=fmt))
    with open(out, "rb") as handle:
        check_drawing(handle, fmt)
        assert handle.tell() == 0  # left at its start for whoever reads it next


def test_pngs_from_another_writer_pass() -> None:
    for mode in ("L", "RGB", "RGBA", "P", "1"):
        buffer = io.BytesIO()
        Image.new(mode, (37, 11)).save(buffer, "PNG")
        check_drawing(io.BytesIO(buffer.getvalue()), "png")
    rows = 3 * (1 + 5)  # 5 × 3 grey pixels, each row after its filter byte
    check_drawing(io.BytesIO(png(5, 3, bytes(rows))), "png")
    interlaced = 2 + 2 + 0 + 2 + 4 + 6 + 6  # the seven Adam7 passes of 5 × 3 pixels, rows with filter bytes
    check_drawing(io.BytesIO(png(5, 3, bytes(interlaced), interlace=1)), "png")


def test_broken_pngs_are_refused() -> None:
    good = png(5, 3, bytes(18))
    assert "checksum" in refused(good[:20] + bytes([good[20] ^ 1]) + good[21:], "png")
    assert "ends early" in refused(good[:-5], "png")
    assert "goes on after its end" in refused(good + b"x", "png")
    assert "incomplete" in refused(png(5, 3, bytes(17)), "png")
    assert "larger than its header says" in refused(png(5, 3, bytes(19)), "png")
    assert "signature" in refused(b"GIF89a" + good[6:], "png")
    idat_first = good[:8] + png_chunk(b"IDAT", zlib.compress(bytes(18))) + good[8:]
    assert "before the header" in refused(idat_first, "png")


def test_an_image_bomb_is_decompressed_chunk_by_chunk_and_refused() -> None:
    # A header for 1 × 1 pixel, and image data that would inflate to 100 MB.
    header = png_chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    bomb = b"\x89PNG\r\n\x1a\n" + header + png_chunk(b"IDAT", zlib.compress(bytes(100_000_000), 9))
    assert "larger than its header says" in refused(bomb + png_chunk(b"IEND", b""), "png")


SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><g/></svg>\n'


def test_svg_must_be_whole_xml_with_an_svg_root() -> None:
    check_drawing(io.BytesIO(SVG), "svg")
    assert "XML error" in refused(SVG[:-8], "svg")
    assert "not <svg>" in refused(b'<html xmlns="http://www.w3.org/1999/xhtml"/>', "svg")
    assert "not <svg>" in refused(b"<svg/>", "svg")  # without the SVG namespace it is some other XML
    assert "no element found" in refused(b"", "svg")
    laughs = b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>'
    assert "declares entities" in refused(laughs, "svg")


@pytest.mark.parametrize("length", [CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK])
def test_svg_read_in_chunks_is_checked_to_its_end(length: int) -> None:
    """An SVG of one chunk or several, ending at a chunk's end or inside one, passes whole and is refused cut."""
    head, tail = SVG[:SVG.index(b"<g/>")], SVG[SVG.index(b"<g/>"):]
    whole = head + b" " * (length - len(head) - len(tail)) + tail
    assert len(whole) == length
    check_drawing(io.BytesIO(whole), "svg")
    assert "XML error" in refused(whole[:-8], "svg")
    if length >= CHUNK + len(tail):  # its first chunk ends before the root does
        assert "XML error" in refused(whole[:CHUNK], "svg")


@needs_graphviz
def test_a_pdf_must_open_and_be_whole(tmp_path) -> None:
    out = export_chart(load_chart(SAMPLES / "la-crosse.json"), tmp_path / "c.pdf", ExportOptions())
    data = out.read_bytes()
    assert "ends early" in refused(data[: len(data) // 2], "pdf")
    assert "%PDF-" in refused(b"<svg/>" + data, "pdf")
    assert "cannot be read" in refused(b"%PDF-1.7\n%%EOF\n", "pdf")
