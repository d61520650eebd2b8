"""Word-wrapping widgets keep what they measured per text and width, and measure again after a font change."""

from __future__ import annotations

from PySide6.QtGui import QFont

from tdorg.ui.widgets.measured_sizes import MOST, MeasuredSizes
from tdorg.ui.widgets.wrapping_check import WrappingCheckBox


def test_a_measurement_is_made_once_per_text_and_width_and_all_are_forgotten_past_the_most():
    sizes, made = MeasuredSizes(), []

    def measure() -> int:
        made.append(1)
        return 7

    assert [sizes.get("a", 100, measure) for _ in range(3)] == [7, 7, 7] and len(made) == 1
    sizes.get("b", 100, measure), sizes.get("a", 90, measure)
    assert len(made) == 3
    for width in range(MOST + 1):
        sizes.get("c", width, measure)
    made.clear()
    sizes.get("a", 100, measure)
    assert len(made) == 1  # forgotten with the rest


def test_a_wrapping_check_box_measures_again_after_its_font_or_text_changes(qtbot):
    box = WrappingCheckBox("Backs up the network lead when the lead is away for the day")
    qtbot.addWidget(box)
    small = box.heightForWidth(160)
    font = QFont(box.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    box.setFont(font)
    big = box.heightForWidth(160)
    assert big > small
    box.setText("Cabinet member")
    assert box.heightForWidth(160) < big  # the short text on fewer lines, at the same width
