"""The canvas from the keyboard: the menu key and Shift+F10 open the selected box's menu at the box."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu


@pytest.fixture
def menus(monkeypatch):
    """Each menu the canvas opens, with the global point it opens at, instead of showing it."""
    from tdorg.ui.window import canvas_menu

    opened: list[tuple[QMenu, QPoint]] = []

    class Recorded(QMenu):
        def exec(self, at: QPoint) -> None:  # noqa: A003 - Qt's name
            opened.append((self, at))

    monkeypatch.setattr(canvas_menu, "QMenu", Recorded)
    return opened


def focused(window):
    window.view.setFocus()
    window.activateWindow()
    QApplication.processEvents()
    return window.view


def box_on_screen(window, role_id: str):
    """The box of ``role_id`` in global screen coordinates."""
    view = window.view
    rect = view.mapFromScene(window.scene.item(role_id).sceneBoundingRect()).boundingRect()
    return rect.translated(view.viewport().mapToGlobal(QPoint(0, 0)))


def titles(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions()]


@pytest.mark.parametrize("keys", [(Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
                                  (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)])
def test_the_menu_key_and_shift_f10_open_the_selected_boxs_menu_at_the_box(window, menus, keys):
    window.select_roles(["ism"])
    QTest.keyClick(focused(window), *keys)
    (menu, at), = menus
    assert titles(menu)[0].startswith("Add Report to “Information Systems Manager”")
    assert box_on_screen(window, "ism").contains(at)
    assert window.scene.selected_role_ids() == ["ism"]


def test_a_keyboard_context_menu_event_is_for_the_selection_not_the_point_it_names(window, menus):
    window.select_roles(["hd"])
    view = focused(window)
    # Qt places a keyboard menu event at the focus widget's text cursor: here the top-left corner, empty canvas
    QApplication.sendEvent(view, QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), view.mapToGlobal(QPoint(0, 0))))
    (menu, at), = menus
    role = window.chart.role("hd")
    assert titles(menu)[0].startswith(f"Add Report to “{role.title[:20]}")
    assert box_on_screen(window, "hd").contains(at)


def test_a_box_scrolled_out_of_view_is_brought_back_before_its_menu_opens(window, menus):
    window.view.set_scale(1.0)
    window.select_roles(["ism"])
    box = window.scene.item("ism").sceneBoundingRect()
    scene = window.scene.sceneRect()
    far = scene.bottomRight() if box.center().x() < scene.center().x() else scene.bottomLeft()
    window.view.centerOn(far)
    viewport = window.view.viewport()
    assert not viewport.rect().translated(viewport.mapToGlobal(QPoint(0, 0))).intersects(box_on_screen(window, "ism"))
    QTest.keyClick(focused(window), Qt.Key.Key_Menu)
    (_menu, at), = menus
    assert viewport.rect().translated(viewport.mapToGlobal(QPoint(0, 0))).contains(box_on_screen(window, "ism"))
    assert box_on_screen(window, "ism").contains(at)


def test_with_nothing_selected_the_menu_key_opens_the_canvas_menu_at_the_centre(window, menus):
    window.scene.clearSelection()
    view = focused(window)
    centre = view.viewport().rect().center()
    window.view.centerOn(window.scene.item("ism").sceneBoundingRect().center())  # a box under the centre
    QTest.keyClick(view, Qt.Key.Key_Menu)
    (menu, at), = menus
    assert titles(menu)[0] == "Add Top-Level Role"
    assert at == view.viewport().mapToGlobal(centre)
    assert window.scene.selected_role_ids() == []


def test_the_whole_box_menu_is_reachable_from_the_keyboard(window, menus):
    view = focused(window)
    view.current_id = None
    QTest.keyClick(view, Qt.Key.Key_Up)  # nothing selected: the top of the chart
    top = window.chart.roots()[0]
    assert window.scene.selected_role_ids() == [top]
    QTest.keyClick(view, Qt.Key.Key_Down)
    first = window.chart.children(top)[0]
    assert window.scene.selected_role_ids() == [first]
    QTest.keyClick(view, Qt.Key.Key_Menu)
    menu = menus[-1][0]
    add_report = menu.actions()[0].menu()
    network = next(a for a in add_report.actions() if a.text() == "Network")
    before = set(window.chart.children(first))
    network.trigger()
    (new,) = set(window.chart.children(first)) - before
    assert window.chart.role(new).category == "network"
    window.select_roles([new])
    QTest.keyClick(view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    beside = next(a for a in menus[-1][0].actions() if a.text() == "Add Role Beside It").menu()
    next(a for a in beside.actions() if a.text() == "Network").trigger()
    assert len(window.chart.children(first)) == len(before) + 2
    assert window.stack.count() == 2  # each addition one undo step
