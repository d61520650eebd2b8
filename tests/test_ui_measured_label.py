"""A measured label gives the sizes a plain word-wrapped QLabel of the same text and font gives."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from tdorg.ui.widgets.measured_label import MeasuredLabel

TEXTS = ["Short", "A label long enough to wrap onto two or three lines in a box this narrow",
         "<b>Reports to:</b> <a href='r1'>Director of Technology</a><br>Direct reports (3): a, b, c", ""]


def _sizes(label: QLabel) -> list[object]:
    return [label.sizeHint(), label.minimumSizeHint(), *(label.heightForWidth(w) for w in (60, 140, 333))]


def test_a_measured_label_measures_as_a_wrapped_label_through_text_and_font_changes(qtbot):
    for text_format in (Qt.TextFormat.AutoText, Qt.TextFormat.RichText, Qt.TextFormat.PlainText):
        label, plain = MeasuredLabel(text_format=text_format), QLabel()  # the same steps for both
        qtbot.addWidget(label)
        qtbot.addWidget(plain)
        plain.setWordWrap(True)
        plain.setTextFormat(text_format)
        big = QFont(label.font())
        big.setPointSizeF(big.pointSizeF() * 1.7)
        for font in (QFont(label.font()), big):
            for each in (label, plain):
                each.setFont(font)
            for text in TEXTS + TEXTS[::-1]:  # each text again, measured before
                for each in (label, plain):
                    each.setText(text)
                assert _sizes(label) == _sizes(plain), (text_format, text)
