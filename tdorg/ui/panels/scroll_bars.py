"""Scroll bars that cover what lies under them."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea


def fill_scroll_bars(area: QAbstractScrollArea) -> None:
    """Have ``area``'s scroll bars fill their own background (once the area holds what moves its range: Python
    makes its QScrollBar class at the first call).

    A panel's scroll bar is repainted whenever an edit moves its range, and a scroll bar that does not fill its
    background has everything beneath it painted first: the scroll area, and the dock with its title's text. The
    fill is the colour that showed through, so the panel looks the same.
    """
    for bar in (area.verticalScrollBar(), area.horizontalScrollBar()):
        bar.setAutoFillBackground(True)


__all__ = ["fill_scroll_bars"]
