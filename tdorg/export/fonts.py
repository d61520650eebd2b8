"""The fonts tdorg prints with: DejaVu Sans (four faces) and Droid Sans Fallback for CJK, shipped in
``resources/fonts/`` with their licences, so a name prints the same on every computer.

Typst composes the PDF pages with these fonts only (system fonts are ignored;
the templates name the two families), Graphviz's drawings name the same family
(``style.FONT``) and labels are wrapped with its metrics. Nothing searches the
system's font folders.
"""

from __future__ import annotations

from pathlib import Path

from .. import resource_path


def font_dir() -> Path:
    """The folder of the shipped fonts."""
    return resource_path("fonts")



def advances(face: str, codes: range = range(32, 256)) -> dict[str, float]:
    """Advance widths (per 1,000 units of size) of the characters ``codes`` in the shipped font file ``face``,
    read from its ``cmap`` (Windows Unicode, format 4), ``hmtx``, ``hhea`` and ``head`` tables."""
    import struct

    data = (font_dir() / face).read_bytes()
    count = struct.unpack_from(">H", data, 4)[0]
    tables = {data[12 + 16 * i:16 + 16 * i].decode("latin-1"): struct.unpack_from(">I", data, 20 + 16 * i)[0]
              for i in range(count)}
    units = struct.unpack_from(">H", data, tables["head"] + 18)[0]
    metrics = struct.unpack_from(">H", data, tables["hhea"] + 34)[0]
    cmap = tables["cmap"]
    subtables = struct.unpack_from(">H", data, cmap + 2)[0]
    start = next(cmap + offset for platform, encoding, offset in
                 (struct.unpack_from(">HHI", data, cmap + 4 + 8 * i) for i in range(subtables))
                 if (platform, encoding) == (3, 1))
    segments = struct.unpack_from(">H", data, start + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, start + 14)
    firsts = struct.unpack_from(f">{segments}H", data, start + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", data, start + 16 + 4 * segments)
    ranges_at = start + 16 + 6 * segments
    ranges = struct.unpack_from(f">{segments}H", data, ranges_at)

    def glyph(code: int) -> int:
        for i, end in enumerate(ends):
            if code <= end:
                if code < firsts[i]:
                    return 0
                if ranges[i] == 0:
                    return (code + deltas[i]) & 0xFFFF
                at = ranges_at + 2 * i + ranges[i] + 2 * (code - firsts[i])
                found = struct.unpack_from(">H", data, at)[0]
                return (found + deltas[i]) & 0xFFFF if found else 0
        return 0

    def advance(gid: int) -> int:
        return struct.unpack_from(">H", data, tables["hmtx"] + 4 * min(gid, metrics - 1))[0]

    return {chr(code): advance(glyph(code)) * 1000 / units for code in codes}


__all__ = ["advances", "font_dir"]
