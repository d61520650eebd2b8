"""The window opens where and as it was left: place and size, panels, and the splitters of its windows."""

from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication, QSplitter

from tdorg.ui.window.first_size import first_geometry
from tdorg.ui.window.window_state import FRAME, on_a_screen


def test_the_next_window_opens_with_the_size_place_and_panels_of_the_last_one(make_window, qtbot):
    first = make_window("patrick-henry")
    first.setGeometry(QRect(40, 50, 760, 520))
    by_name = {dock.objectName(): dock for dock in first.docks()}
    first.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, by_name["findingsDock"])
    by_name["metricsDock"].hide()
    QApplication.processEvents()
    geometry = first.geometry()
    assert first.close()

    second = make_window()
    assert second.window_state.restored
    assert second.geometry() == geometry
    docks = {dock.objectName(): dock for dock in second.docks()}
    assert second.dockWidgetArea(docks["findingsDock"]) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert second.dockWidgetArea(docks["propertiesDock"]) == Qt.DockWidgetArea.RightDockWidgetArea
    assert docks["metricsDock"].isHidden() and not docks["paletteDock"].isHidden()


def test_a_place_on_no_screen_now_is_forgotten_for_the_first_size(make_window, tmp_path):
    first = make_window()
    assert first.close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(FRAME, QRect(20_000, 300, 1400, 900))  # on the big monitor, unplugged since
    settings.sync()

    second = make_window()
    assert not second.window_state.restored
    assert second.geometry() == first_geometry(second.screen().availableGeometry())


def test_only_a_title_bar_on_a_screen_counts_as_on_it():
    screen = QApplication.primaryScreen().geometry()
    assert on_a_screen(QRect(screen.left() + 10, screen.top() + 10, 300, 200))
    assert on_a_screen(QRect(screen.right() - 400, screen.top(), 600, 200))  # half off the side: still reachable
    assert not on_a_screen(QRect(screen.left(), screen.bottom() + 5, 300, 200))
    assert not on_a_screen(QRect(screen.right() + 1, screen.top(), 300, 200))


def test_a_window_with_nothing_saved_takes_its_first_size(make_window):
    window = make_window()
    assert not window.window_state.restored
    assert window.geometry() == first_geometry(window.screen().availableGeometry())


def drag(splitter, before_last):
    """The user drags the splitter's last handle to leave ``before_last`` pixels before it; the sizes it gave."""
    splitter.moveSplitter(before_last, splitter.count() - 1)
    return splitter.sizes()


def test_the_compare_windows_splitters_are_where_they_were_left(make_window):
    window = make_window("patrick-henry")
    window.sessions.duplicate()
    dialog = window.comparer.compare_scenarios()
    split = [s for s in dialog.findChildren(QSplitter) if s.orientation() == Qt.Orientation.Vertical][0]
    left = drag(split, sum(split.sizes()) - 150)
    assert left[-1] < 200
    dialog.close()

    again = window.comparer.compare_scenarios()
    assert again is not dialog
    split = [s for s in again.findChildren(QSplitter) if s.orientation() == Qt.Orientation.Vertical][0]
    assert split.sizes() == left


def test_the_findings_panels_splitter_comes_back_with_the_window(make_window):
    first = make_window("patrick-henry")
    splitter = first.findings.findChild(QSplitter)
    left = drag(splitter, sum(splitter.sizes()) - 200)
    assert first.close()

    second = make_window()
    assert second.findings.findChild(QSplitter).sizes() == left
