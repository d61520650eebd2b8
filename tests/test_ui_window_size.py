"""The main window's first size fits the screen's free area, with every docked panel inside it."""

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from tdorg.ui.window.first_size import DESIGNED, first_geometry, size_to_screen


def test_a_small_screen_gets_nine_tenths_of_its_free_area_centred():
    available = QRect(0, 0, 1280, 760)  # 1280×800 less a 40-pixel task bar
    rect = first_geometry(available)
    assert (rect.width(), rect.height()) == (1152, 684)
    assert available.contains(rect) and rect.center() == available.center()


def test_a_big_screen_gets_the_designed_size_centred_on_it():
    available = QRect(1920, 25, 2560, 1415)  # a second monitor, below a menu bar
    rect = first_geometry(available)
    assert rect.size() == DESIGNED
    assert available.contains(rect) and rect.center() == available.center()


def test_the_window_opens_inside_the_screen(window):
    available = window.screen().availableGeometry()
    assert window.width() <= available.width() and window.height() <= available.height()
    assert available.contains(window.geometry())


def test_on_1280_by_800_every_panel_and_the_canvas_stay_inside_the_window(window):
    available = QRect(0, 0, 1280, 800)
    size_to_screen(window, *window.docks(), available=available)
    QApplication.processEvents()
    assert available.contains(window.geometry())
    inside = window.rect()
    for dock in window.docks():
        assert dock.isVisible() and inside.contains(dock.geometry()), dock.objectName()
        assert dock.height() >= dock.minimumSizeHint().height() and dock.width() >= dock.minimumSizeHint().width()
    by_name = {dock.objectName(): dock for dock in window.docks()}
    properties, metrics = by_name["propertiesDock"], by_name["metricsDock"]
    assert properties.geometry().bottom() < metrics.geometry().top()  # stacked, neither hidden under the other
    assert metrics.geometry().bottom() <= window.statusBar().geometry().top()
    canvas = window.view.geometry()
    assert canvas.width() >= 400 and canvas.height() >= 300 and inside.contains(canvas)
