"""The findings tree's rows, their long sentences cut once and kept: drawn exactly as Qt's own delegate draws them."""

from PySide6.QtWidgets import QApplication, QStyledItemDelegate

from tdorg.ui.panels.elided_rows import ElidedRows


def _rows(tree, delegate):
    tree.setItemDelegate(delegate)
    tree.viewport().update()
    QApplication.processEvents()
    return tree.viewport().grab().toImage()


def test_rows_are_drawn_as_by_qts_delegate_at_every_width(window):
    tree = window.findings.tree
    tree.expandAll()
    kept, plain = tree.itemDelegate(), QStyledItemDelegate(tree)
    assert isinstance(kept, ElidedRows)
    widths = (1400, 1111, 900, 777, 640)
    for width in widths:
        window.resize(width, 800)
        QApplication.processEvents()
        for scrolled in (False, True):
            tree.scrollToBottom() if scrolled else tree.scrollToTop()
            tree.setCurrentItem(tree.topLevelItem(0).child(0) if scrolled else None)  # a selected row too
            assert _rows(tree, kept) == _rows(tree, plain), (width, scrolled)
    tree.setItemDelegate(kept)
    cut = [text for (text, _font, _width), shown in kept._cuts.items() if shown != text]
    assert cut, "no row was long enough to be cut"
