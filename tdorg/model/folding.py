"""Text folded for matching: without case or accents."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """``text`` without case or accents: "Ortíz" and "ORTIZ" both give "ortiz"."""
    if text.isascii():  # nothing to decompose
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
