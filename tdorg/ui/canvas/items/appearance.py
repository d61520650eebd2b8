"""The count of changes to the look of the canvas's boxes and dotted lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QGraphicsItem


class Appearance:
    """How many times a box or a dotted line has changed its look: a picture of the chart drawn before the count
    moved is out of date (``canvas/overview.py``)."""

    changes = 0

    @classmethod
    def changed(cls, item: QGraphicsItem) -> None:
        """``item`` looks different: draw it again."""
        cls.changes += 1
        item.update()
