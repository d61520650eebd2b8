"""Plain text inside Qt's rich text: the one escape every label, tooltip and panel uses."""

from __future__ import annotations


def escape(text: str) -> str:
    """``text`` safe inside rich text: ``&``, ``<`` and ``>`` as entities (quotes stay as they are).

    The same as ``html.escape(text, quote=False)``, without loading the ``html`` package (and its table of
    entities) for the first window.
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
