"""The Properties panel fits a narrow dock (a 1280×800 laptop): long labels wrap, fields go under their labels."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from tdorg.model.vocab import FLAGS
from tdorg.ui.widgets.fields import CheckGroup


def test_a_long_check_box_label_wraps_and_its_second_line_toggles_it(qtbot):
    group = CheckGroup(FLAGS)
    qtbot.addWidget(group)
    group.resize(220, group.heightForWidth(220))
    group.show()
    qtbot.waitExposed(group)
    long, short = group.box("assistant"), group.box("cabinet")
    assert long.fontMetrics().horizontalAdvance(long.text()) > long.width()  # one line would not fit
    assert long.height() > short.height() * 1.5  # two lines
    assert group.minimumSizeHint().width() < long.fontMetrics().horizontalAdvance(long.text())
    image = long.grab().toImage()
    lower = {image.pixelColor(x, y).name() for x in range(40, image.width()) for y in range(image.height() * 2 // 3,
                                                                                       image.height())}
    assert len(lower) > 2  # the second line is drawn, not cut off
    QTest.mouseClick(long, Qt.MouseButton.LeftButton, pos=QPoint(long.width() // 2, long.height() - 4))
    assert long.isChecked() and "assistant" in group.keys()


def test_the_properties_of_a_role_fit_a_panel_of_a_small_screen(window, qtbot):
    window.select_roles([next(iter(window.chart.roles))])
    qtbot.wait(10)
    body = window.properties.widget()
    assert body.minimumSizeHint().width() <= 240
