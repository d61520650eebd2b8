"""Checking that a drawing from Graphviz is a complete SVG, PNG or PDF before it is used.

Each check reads the file as a stream, in bounded memory: the SVG is parsed
as XML to its end (its root must be ``<svg>``), the PNG's chunks are read
with their checksums and its image data decompressed to exactly the size its
header promises, and the PDF must open and hold a page. A failed check raises
:class:`~tdorg.export.errors.GraphvizOutputError` with the reason.
"""

from __future__ import annotations

import struct
import zlib
from typing import BinaryIO
from xml.parsers import expat

from ..errors import GraphvizOutputError

CHUNK = 1 << 16
SVG_ROOT = "http://www.w3.org/2000/svg svg"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: Samples per pixel of each PNG colour type.
_PNG_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
#: The seven passes of an interlaced PNG: first column and row, then steps across and down.
_ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2))
_NAMES = {"svg": "an SVG drawing", "png": "a PNG image", "pdf": "a PDF document"}


def check_drawing(handle: BinaryIO, fmt: str, program: str = "Graphviz") -> None:
    """Raise :class:`GraphvizOutputError` unless ``handle`` (read from its start) holds a whole ``fmt`` file."""
    handle.seek(0)
    try:
        {"svg": _check_svg, "png": _check_png, "pdf": _check_pdf}[fmt](handle)
    except _Bad as bad:
        raise GraphvizOutputError(program, f"its output is not {_NAMES[fmt]} ({bad})") from None
    finally:
        handle.seek(0)


class _Bad(Exception):
    """What is wrong with the file."""


def _check_svg(handle: BinaryIO) -> None:
    parser = expat.ParserCreate(namespace_separator=" ")

    def start(name: str, _attrs: object) -> None:
        if name != SVG_ROOT:
            raise _Bad(f"its first element is <{name.rpartition(' ')[2]}>, not <svg>")
        parser.StartElementHandler = None  # the rest is parsed for its well-formedness alone, at C speed

    def no_entities(*_args: object) -> None:
        raise _Bad("it declares entities")

    parser.StartElementHandler = start
    parser.EntityDeclHandler = no_entities
    try:
        # The last chunk is parsed as the last (a quarter faster than parsing it, then an empty end, as more).
        chunk = handle.read(CHUNK)
        while True:
            after = handle.read(CHUNK) if chunk else b""
            parser.Parse(chunk, not after)
            if not after:
                break
            chunk = after
    except expat.ExpatError as error:
        raise _Bad(f"XML error: {expat.errors.messages.get(error.code, error)} at line {error.lineno}") from None


def _read(handle: BinaryIO, size: int) -> bytes:
    data = handle.read(size)
    if len(data) != size:
        raise _Bad("it ends early")
    return data


def _check_png(handle: BinaryIO) -> None:
    if handle.read(len(PNG_SIGNATURE)) != PNG_SIGNATURE:
        raise _Bad("it does not start with the PNG signature")
    expected: int | None = None
    inflate = zlib.decompressobj()
    inflated = 0
    while True:
        length, kind = struct.unpack(">I4s", _read(handle, 8))
        crc = zlib.crc32(kind)
        if kind == b"IDAT":
            if expected is None:
                raise _Bad("image data comes before the header")
            left = length
            while left:
                data = _read(handle, min(left, CHUNK))
                left -= len(data)
                crc = zlib.crc32(data, crc)
                inflated += _inflated_size(inflate, data, expected - inflated)
            body = b""
        else:
            body = _read(handle, min(length, 1 << 20))
            if length > len(body):
                raise _Bad(f"its {kind.decode('latin-1')!r} chunk is too long")
            crc = zlib.crc32(body, crc)
        if struct.unpack(">I", _read(handle, 4))[0] != crc:
            raise _Bad(f"the checksum of its {kind.decode('latin-1')!r} chunk is wrong")
        if expected is None:
            if kind != b"IHDR" or length != 13:
                raise _Bad("it has no header")
            expected = _png_data_size(body)
        elif kind == b"IEND":
            break
    if not inflate.eof or inflated != expected:
        raise _Bad("its image data is incomplete")
    if handle.read(1):
        raise _Bad("it goes on after its end")


def _inflated_size(inflate: zlib._Decompress, data: bytes, room: int) -> int:
    """Bytes that ``data`` decompresses to, never holding more than a chunk; more than ``room`` is an error."""
    total = 0
    try:
        while data:
            out = inflate.decompress(data, CHUNK)
            total += len(out)
            if total > room:
                raise _Bad("its image data is larger than its header says")
            data = inflate.unconsumed_tail
    except zlib.error as error:
        raise _Bad(f"its image data does not decompress: {error}") from None
    return total


def _png_data_size(header: bytes) -> int:
    """Bytes of filtered scanlines that the image data of a PNG with this IHDR decompresses to."""
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    if colour not in _PNG_CHANNELS or not width or not height:
        raise _Bad("its header is not valid")
    bits = _PNG_CHANNELS[colour] * depth

    def rows(w: int, h: int) -> int:
        return h * (1 + (w * bits + 7) // 8) if w and h else 0

    if not interlace:
        return rows(width, height)
    return sum(
        rows(-(-(width - x) // dx), -(-(height - y) // dy)) for x, y, dx, dy in _ADAM7 if width > x and height > y
    )


def _check_pdf(handle: BinaryIO) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if handle.read(5) != b"%PDF-":
        raise _Bad("it does not start with %PDF-")
    handle.seek(0, 2)
    handle.seek(max(0, handle.tell() - 1024))
    if b"%%EOF" not in handle.read():
        raise _Bad("it ends early")  # pypdf would patch up a cut file; it must be whole
    handle.seek(0)
    try:
        pages = len(PdfReader(handle).pages)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, struct.error) as error:
        raise _Bad(f"it cannot be read: {error}") from None
    if not pages:
        raise _Bad("it has no pages")


__all__ = ["check_drawing"]
