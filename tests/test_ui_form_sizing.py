"""A layout keeping its heights at every width answers as Qt's own layout does, before and after its parts change."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from tdorg.ui.panels.form_sizing import HeightsKeptLayout

WIDTHS = (180, 240, 180, 120, 240, 400, 120)


def _column(layout_type: type[QVBoxLayout]) -> tuple[QWidget, list[QLabel]]:
    widget = QWidget()
    layout = layout_type(widget)
    labels = []
    for text in ("A short label", "A label long enough to wrap onto two or three lines in a narrow panel", "Last"):
        label = QLabel(text)
        label.setWordWrap(True)
        layout.addWidget(label)
        labels.append(label)
    widget.show()
    QApplication.processEvents()
    return widget, labels


def _heights(widget: QWidget) -> list[tuple[int, int]]:
    layout = widget.layout()
    return [(layout.heightForWidth(w), layout.minimumHeightForWidth(w)) for w in WIDTHS]


def test_its_heights_at_each_width_are_qts_before_and_after_a_part_changes(qtbot):
    kept, kept_labels = _column(HeightsKeptLayout)
    plain, plain_labels = _column(QVBoxLayout)
    qtbot.addWidget(kept)
    qtbot.addWidget(plain)
    assert _heights(kept) == _heights(plain)
    for labels in (kept_labels, plain_labels):
        labels[0].setText("Now a label long enough to wrap onto more lines than it did before, " * 3)
        labels[2].hide()
    assert _heights(kept) == _heights(plain)  # at once, as the layouts' own requests wait
    QApplication.processEvents()
    assert _heights(kept) == _heights(plain)
    assert len(set(_heights(kept))) > 1  # the widths do differ
