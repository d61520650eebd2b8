"""What a role type dragged from the palette carries to the canvas."""

from __future__ import annotations

from PySide6.QtCore import QMimeData

#: Mime type of a role type dragged from the palette (payload: category key).
MIME_CATEGORY = "application/x-tdorg-category"


def category_mime(category: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_CATEGORY, category.encode("utf-8"))
    mime.setText(category)
    return mime
