"""Cells drawn from elided copies of their texts look exactly as Qt's own delegate draws them."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QTreeWidget, QTreeWidgetItem

from tdorg.model.rules import Severity
from tdorg.ui.widgets import style
from tdorg.ui.panels.elided_text_delegate import ElidedTextDelegate

LONG = ("Person 303858 holds 2 FTE across “Field Services Manager, Region 4” and “Building Technician, School 12”: "
        "more than one full-time position")


def _tree(qtbot) -> QTreeWidget:
    tree = QTreeWidget()
    qtbot.addWidget(tree)
    tree.setColumnCount(2)
    tree.setHeaderLabels(["Finding", "Rule"])
    tree.setTextElideMode(Qt.TextElideMode.ElideRight)
    bold = QFont(tree.font())
    bold.setWeight(QFont.Weight.DemiBold)
    for severity in (Severity.ERROR, Severity.WARNING):
        group = QTreeWidgetItem([f"{severity.name.title()}s (3)", ""])
        group.setIcon(0, style.severity_icon(severity))
        group.setFont(0, bold)
        tree.addTopLevelItem(group)
        for n in range(3):
            group.addChild(QTreeWidgetItem([LONG[: 40 + 30 * n], "STR-2"]))
        group.addChild(QTreeWidgetItem(["Short", "RED-1"]))
        group.addChild(QTreeWidgetItem(["Two\nlines", "RED-1"]))
    tree.expandAll()
    tree.show()
    qtbot.waitExposed(tree)
    return tree


@pytest.mark.parametrize("look", ["Fusion alone", "the editor's"])
def test_every_cell_draws_as_with_qts_delegate_at_every_width(qtbot, look: str) -> None:
    """With Fusion alone and with the editor's font and style sheet over it (a text of two lines, which Qt elides
    line by line, is left to Qt)."""
    from tdorg.ui.app import create_application

    app = create_application()
    sheet, font = app.styleSheet(), app.font()
    if look == "Fusion alone":
        app.setStyleSheet("")
        app.setFont(QFont())
    try:
        tree = _tree(qtbot)
        for width in (180, 330, 520, 900):
            tree.resize(width, 260)
            QApplication.processEvents()
            tree.setItemDelegate(QStyledItemDelegate(tree))
            qt = tree.grab().toImage()
            tree.setItemDelegate(ElidedTextDelegate(tree))
            ours = tree.grab().toImage()
            assert ours == qt, width
    finally:
        app.setStyleSheet(sheet)
        app.setFont(font)


def test_a_text_is_elided_once_per_width(qtbot, monkeypatch) -> None:
    from tdorg.ui.panels import elided_text_delegate

    tree = _tree(qtbot)
    tree.resize(330, 260)
    delegate = ElidedTextDelegate(tree)
    tree.setItemDelegate(delegate)
    tree.grab()
    kept = dict(delegate._elided)
    assert any(elided.endswith("…") and text.startswith(elided[:-1]) for (text, *_), elided in kept.items())
    calls = []
    real = elided_text_delegate.QFontMetrics

    class Counting(real):
        def elidedText(self, *args):  # noqa: N802 - Qt's name
            calls.append(args)
            return super().elidedText(*args)

    monkeypatch.setattr(elided_text_delegate, "QFontMetrics", Counting)
    tree.grab()
    assert calls == [] and delegate._elided == kept  # drawn again from what was kept
