"""Plain text inside Qt's rich text: the one escape every label, tooltip and panel uses."""

from __future__ import annotations

import html


def escape(text: str) -> str:
    """``text`` safe inside rich text: ``&``, ``<`` and ``>`` as entities (quotes stay as they are)."""
    return html.escape(text, quote=False)
