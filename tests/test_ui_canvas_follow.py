"""The canvas follows a growing chart: a box an edit adds off-screen is scrolled into view, just enough and
only when needed, and a view fitted to the whole chart fits it again as it grows."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication


def on_screen(view, role_id: str) -> QRect:
    """Where the role's box is in the viewport."""
    return view.mapFromScene(view.chart_scene.item(role_id).sceneBoundingRect()).boundingRect()


def in_view(view, role_id: str) -> bool:
    return view.viewport().rect().contains(on_screen(view, role_id))


def whole_chart_in_view(view) -> bool:
    """Every part of the chart on screen (to the pixel the view rounds to)."""
    chart = view.mapFromScene(view.chart_scene.sceneRect()).boundingRect()
    return view.viewport().rect().adjusted(-2, -2, 2, 2).contains(chart)


def started(make_window, reports: int = 0):
    """A new chart: a superintendent and ``reports`` technicians reporting to it, at the user's own 100%."""
    window = make_window()
    window.resize(1100, 760)
    QApplication.processEvents()
    top = window.editor.add_role("superintendent", None)
    ids = [window.editor.add_role("network", top) for _ in range(reports)]
    QApplication.processEvents()
    return window, top, ids


def test_a_box_added_off_screen_is_scrolled_just_enough_into_view(make_window) -> None:
    window, top, ids = started(make_window, reports=12)
    view = window.view
    view.set_scale(1.0)
    assert not view.fitted and not whole_chart_in_view(view)
    manager = ids[0]
    view.centerOn(window.scene.item(manager).sceneBoundingRect().center())
    scrolled = 0
    for _ in range(10):
        shown = view.mapToScene(view.viewport().rect()).boundingRect()
        new = window.editor.add_role("network", manager)
        QApplication.processEvents()
        assert in_view(view, new)
        if not shown.contains(window.scene.item(new).sceneBoundingRect()):  # it landed off-screen
            scrolled += 1
            gap = view.viewport().rect().bottom() - on_screen(view, new).bottom()
            assert 0 <= gap <= 60  # scrolled just enough: at the bottom edge, not centred
    assert scrolled >= 5
    assert view.scale_factor() == 1.0


def test_a_box_added_in_view_moves_nothing(make_window) -> None:
    window, top, ids = started(make_window, reports=12)
    view = window.view
    view.set_scale(1.0)
    manager = ids[6]  # in the middle of the row: the view is not held at an edge of the chart
    window.editor.add_role("help_desk", manager)
    QApplication.processEvents()
    view.centerOn(window.scene.item(manager).sceneBoundingRect().center())
    was = on_screen(view, manager)
    scroll = view.horizontalScrollBar().value(), view.verticalScrollBar().value()
    shown = view.mapToScene(view.viewport().rect()).boundingRect().adjusted(40, 40, -40, -40)
    new = window.editor.add_role("help_desk", manager)
    QApplication.processEvents()
    assert shown.contains(window.scene.item(new).sceneBoundingRect())  # it landed well in view
    assert on_screen(view, manager) == was  # the re-layout's anchor holds, and nothing scrolled after it
    assert (view.horizontalScrollBar().value(), view.verticalScrollBar().value()) == scroll


def test_undoing_a_delete_brings_the_box_back_into_view(make_window) -> None:
    window, top, ids = started(make_window, reports=24)
    view = window.view
    view.set_scale(1.0)
    last = ids[-1]
    place = window.scene.item(last).sceneBoundingRect()
    assert window.editor.delete([last])
    QApplication.processEvents()
    chart = window.scene.sceneRect()  # look at the corner of the chart farthest from where the box was
    view.centerOn(chart.left() if place.center().x() > chart.center().x() else chart.right(),
                  chart.top() if place.center().y() > chart.center().y() else chart.bottom())
    assert not view.mapToScene(view.viewport().rect()).boundingRect().intersects(place)
    window.sessions.group.undo()
    QApplication.processEvents()
    assert last in window.chart.roles and in_view(view, last)


def test_a_fitted_view_fits_the_chart_again_as_it_grows(make_window) -> None:
    window, top, _ = started(make_window)
    view = window.view
    view.fit()
    assert view.fitted
    scales = []
    for n in range(40):
        new = window.editor.add_role("help_desk" if n % 2 else "network", top)
        QApplication.processEvents()
        assert view.fitted and whole_chart_in_view(view) and in_view(view, new)
        scales.append(view.scale_factor())
    assert scales[-1] < scales[0] <= 1.0  # it zoomed out as the chart outgrew the window


def test_adding_from_the_palette_keeps_a_fitted_view_fitted(make_window) -> None:
    """Add from the palette reveals the new box: one the view has just followed is not centred or zoomed again."""
    window, top, _ = started(make_window, reports=90)
    view = window.view
    view.fit()
    assert view.scale_factor() < 0.45  # small enough that revealing a box would zoom in on it
    window.select_roles([top])
    window.add_from_palette("building_technician")
    QApplication.processEvents()
    assert view.fitted and whole_chart_in_view(view)


def test_a_zoom_of_the_users_own_ends_fitting(make_window) -> None:
    window, top, _ = started(make_window, reports=6)
    view = window.view
    view.fit()
    view.zoom_in()
    assert not view.fitted
    scale = view.scale_factor()
    for _ in range(20):
        new = window.editor.add_role("network", top)
        QApplication.processEvents()
        assert in_view(view, new)
    assert view.scale_factor() == scale and not whole_chart_in_view(view)
