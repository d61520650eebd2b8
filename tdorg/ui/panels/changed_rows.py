"""Changing an item view's rows while repainting only the rows in view that look different afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QTreeView

_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.FontRole,
          Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.CheckStateRole,
          Qt.ItemDataRole.TextAlignmentRole)


def _value(value: object) -> object:
    """``value`` as something that compares equal when it draws the same (an icon by its cache key)."""
    return value.cacheKey() if isinstance(value, QIcon) else value


def _cell_look(model: QAbstractItemModel, index: QModelIndex) -> dict[int, object]:
    """A cell's data in every role it has, in one call (``itemData``: for a ``QTreeWidget`` the values its item
    holds, each of Qt's roles otherwise), a role it has not drawing as the default; more roles than it draws
    from (its tooltip, its user data) can only make a row that draws the same count as changed."""
    return {role: _value(value) for role, value in model.itemData(index).items()}


def _row_look(view: QTreeView, index: QModelIndex, columns: range) -> tuple:
    """What a row draws from: every shown column's data, its branch (depth, children, expanded, a sibling below)
    and its selection."""
    model = index.model()
    cells = tuple(_cell_look(model, index.siblingAtColumn(c)) for c in columns)
    parent = index.parent()
    selection = view.selectionModel()
    return (cells, parent.isValid(), model.hasChildren(index), view.isExpanded(index),
            index.row() + 1 < model.rowCount(parent),
            selection is not None and selection.isRowSelected(index.row(), parent),
            index == view.currentIndex())


def _rows_in_view(view: QTreeView) -> tuple[tuple, dict[int, tuple]]:
    """The view's geometry and header (viewport size, each column's place and heading, the sort indicator)
    and, by their top in the viewport, how its rows in view look."""
    viewport, header = view.viewport(), view.header()
    columns = range(header.count())
    model = header.model()
    geometry = (viewport.size(), header.viewport().size(), header.sortIndicatorSection(), header.sortIndicatorOrder(),
                tuple((header.sectionViewportPosition(c), header.sectionSize(c), header.isSectionHidden(c),
                       tuple(_value(model.headerData(c, Qt.Orientation.Horizontal, role)) for role in _ROLES))
                      for c in columns))
    rows: dict[int, tuple] = {}
    index = view.indexAt(QPoint(0, 0))
    while index.isValid():
        rect = view.visualRect(index)
        if rect.top() >= viewport.height():
            break
        rows[rect.top()] = (rect.height(), _row_look(view, index, columns))
        index = view.indexBelow(index)
    return geometry, rows


@contextmanager
def repainting_changed_rows(view: QTreeView) -> Iterator[None]:
    """Inside, change ``view``'s model and selection freely; after, only the rows in view that draw
    differently are repainted.

    Qt's tree repaints its whole viewport and its header at every row inserted or taken out (it lays its rows
    out again and updates all of them), though the rows in view may be the same: an edit that brings a finding
    far below them repainted every row. Here the viewport's and the header's updates are held while the rows
    change and are laid out, then every row in view is compared with what drew there before, by its place: the
    rows that look different (or moved, or are gone) are repainted, and the whole viewport and header if their
    size, columns, headings or scroll changed.
    """
    if not view.isVisible():  # nor its viewport; and Qt's viewport, given to Python, would make every widget class
        yield
        return
    viewports = (view.viewport(), view.header().viewport())
    viewport = viewports[0]
    if not viewport.isVisible() or not all(v.updatesEnabled() for v in viewports):
        yield
        return
    before = _rows_in_view(view)
    for held in viewports:
        held.setAttribute(Qt.WidgetAttribute.WA_UpdatesDisabled, True)
    try:
        yield
        view.executeDelayedItemsLayout()
        view.header().resizeSections()  # the header's own delayed resize, which repaints it, done now
    finally:
        for held in viewports:
            held.setAttribute(Qt.WidgetAttribute.WA_UpdatesDisabled, False)
    after = _rows_in_view(view)
    if after[0] != before[0]:
        for held in viewports:
            held.update()
        return
    width, height = viewport.width(), viewport.height()
    shown = before[1]
    moved = _moved(before[1], after[1], height)
    if moved is not None:  # their pixels moved as they are, the strip they leave repainted by Qt
        first, by = moved
        top = first if by > 0 else first + by
        viewport.scroll(0, by, QRect(0, top, width, height - top))
        shown = {(row + by if row >= first else row): look for row, look in before[1].items()
                 if row < top or first <= row < height - by}
    for top in shown.keys() | after[1].keys():
        was, now = shown.get(top), after[1].get(top)
        if was != now:
            viewport.update(QRect(0, top, width, max(look[0] for look in (was, now) if look is not None)))


def _moved(before: dict[int, tuple], after: dict[int, tuple], height: int) -> tuple[int, int] | None:
    """Where rows came or went among those in view: (the top of the first row that moved, by how far), for the
    longest run of rows down to the last in view that looks the same that far up or down; None if no row moved.

    ``before`` and ``after`` are the rows in view by their top (as :func:`_rows_in_view` gives them) in a
    viewport ``height`` high; a row moved out of view counts as moved along.
    """
    tops = sorted(before)
    best: tuple[int, int, int] | None = None  # (rows moved, first top, by)
    for by in {new - old for old in tops for new in after if new != old and after[new] == before[old]}:
        first, count = None, 0
        for old in reversed(tops):
            if old + by >= height:
                continue  # out of view now, moved along
            if old + by < 0 or after.get(old + by) != before[old]:
                break
            first, count = old, count + 1
        if first is not None and (best is None or count > best[0]):
            best = (count, first, by)
    return None if best is None else (best[1], best[2])
