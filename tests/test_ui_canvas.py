"""Editing on the canvas: palette drops, box drops, refusals, undo and redo."""

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest

from tdorg.ui.canvas.items.role_item import ACCEPT, BOX_HEIGHT, BOX_WIDTH, REFUSE


def centre(window, role_id: str) -> QPointF:
    item = window.scene.item(role_id)
    return item.pos() + QPointF(BOX_WIDTH / 2, BOX_HEIGHT / 2)


def on_screen(window, role_id: str, dx: float = 0.0) -> QPoint:
    """The viewport point of a box's centre (shifted by ``dx`` box widths), scrolled into view."""
    window.view.set_scale(1.0)
    window.view.centerOn(centre(window, role_id))
    QApplication.processEvents()
    return window.view.mapFromScene(centre(window, role_id) + QPointF(dx * BOX_WIDTH, 0))


def palette_drop(window, category: str, viewport_pos: QPoint) -> None:
    """Hand the view the drop event the palette's drag would end with."""
    palette = window.palette
    mime = palette.mimeData([palette.item_for(category)])
    event = QDropEvent(QPointF(viewport_pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.view.dragMoveEvent(event)
    window.view.dropEvent(event)
    assert event.isAccepted()


def drag(window, from_pos: QPoint, to_pos: QPoint, modifier=Qt.KeyboardModifier.NoModifier, release=True):
    viewport = window.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, from_pos)
    for step in range(1, 6):
        point = from_pos + (to_pos - from_pos) * (step / 5)
        QTest.mouseMove(viewport, point)
    if release:
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, to_pos)


def test_palette_drop_on_a_box_creates_a_report_of_it(window):
    chart = window.chart
    before = set(chart.roles)
    palette_drop(window, "security", on_screen(window, "dir"))
    (new,) = set(chart.roles) - before
    role = chart.role(new)
    assert role.category == "security" and role.reports_to == "dir" and role.vacant
    assert window.scene.item(new) is not None  # the scene follows the model
    assert window.scene.selected_role_ids() == [new]
    assert window.stack.count() == 1


def test_palette_drop_on_empty_canvas_creates_a_top_level_role(window):
    chart = window.chart
    before = set(chart.roles)
    empty = window.view.mapFromScene(QPointF(-60, -60))
    palette_drop(window, "other", empty)
    (new,) = set(chart.roles) - before
    assert chart.role(new).reports_to is None
    assert new in chart.roots()


def test_palette_drop_on_a_box_edge_places_the_role_beside_it(window):
    chart = window.chart
    before = set(chart.roles)
    palette_drop(window, "network", on_screen(window, "ne1", dx=-0.45))
    (new,) = set(chart.roles) - before
    siblings = chart.children("ism")
    assert siblings.index(new) == siblings.index("ne1") - 1


def test_dragging_a_box_onto_another_reparents_it_in_one_undo_step(window):
    chart = window.chart
    window.view.set_scale(0.5)
    window.view.centerOn(window.scene.bounding_rect_of(["hd", "ism"]).center())
    QApplication.processEvents()
    start = window.view.mapFromScene(centre(window, "hd"))
    target = window.view.mapFromScene(centre(window, "ism"))
    drag(window, start, target, release=False)
    assert window.scene.item("ism").drop_state == ACCEPT
    QTest.mouseRelease(window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    assert chart.role("hd").reports_to == "ism"
    assert window.scene.item("ism").drop_state is None
    assert window.stack.count() == 1
    assert window.stack.undoText().startswith("Move “IT Help Desk”")
    assert window.actions.undo.text().replace("&", "") == f"Undo {window.stack.undoText()}"
    window.stack.undo()
    assert chart.role("hd").reports_to == "tsm"


def test_moving_several_selected_boxes_is_one_step(window):
    chart = window.chart
    window.scene.select_roles(["bt1", "bt2", "bt3"])
    assert window.view.gestures.drop_roles(["bt1", "bt2", "bt3"], centre(window, "ism"))
    assert [chart.role(r).reports_to for r in ("bt1", "bt2", "bt3")] == ["ism"] * 3
    assert window.stack.count() == 1
    window.stack.undo()
    assert [chart.role(r).reports_to for r in ("bt1", "bt2", "bt3")] == ["tsm"] * 3


def test_a_drop_that_would_make_a_loop_is_refused_visibly_and_changes_nothing(window):
    chart = window.chart
    snapshot = chart.copy()
    window.view.set_scale(0.5)
    window.view.centerOn(window.scene.bounding_rect_of(["dir", "ism"]).center())
    QApplication.processEvents()
    start = window.view.mapFromScene(centre(window, "dir"))
    target = window.view.mapFromScene(centre(window, "sws1"))
    drag(window, start, target, release=False)
    assert window.scene.item("sws1").drop_state == REFUSE
    assert window.view.viewport().cursor().shape() == Qt.CursorShape.ForbiddenCursor
    assert "loop" in window.message.text()
    QTest.mouseRelease(window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    assert chart == snapshot
    assert window.stack.count() == 0
    assert window.scene.item("sws1").drop_state is None
    assert "loop" in window.message.text()


def test_shift_drag_draws_a_dotted_line_and_delete_removes_it(window):
    chart = window.chart
    window.view.set_scale(0.5)
    window.view.centerOn(window.scene.bounding_rect_of(["itc", "dir"]).center())
    QApplication.processEvents()
    start = window.view.mapFromScene(centre(window, "itc"))
    target = window.view.mapFromScene(centre(window, "dir"))
    drag(window, start, target, modifier=Qt.KeyboardModifier.ShiftModifier)
    assert chart.role("itc").dotted_to == ("dir",)
    assert chart.role("itc").reports_to == "cao"
    line = window.scene.dotted_items()[("itc", "dir")]
    window.scene.clearSelection()
    line.setSelected(True)
    window.delete_selection()
    assert chart.role("itc").dotted_to == ()
    assert ("itc", "dir") not in window.scene.dotted_items()
    window.stack.undo()
    assert ("itc", "dir") in window.scene.dotted_items()


def test_delete_several_roles_moves_their_reports_up_and_undo_restores(window):
    chart = window.chart
    snapshot = chart.copy()
    window.scene.select_roles(["ism", "sa"])
    window.view.setFocus()
    window.actions.delete.trigger()
    assert "ism" not in chart and "sa" not in chart
    assert chart.role("ne1").reports_to == "dir"
    assert window.scene.item("ism") is None
    window.stack.undo()
    assert chart == snapshot
    assert window.scene.item("ism") is not None


def test_keyboard_moves_the_selection_and_reorders_siblings(window, qtbot):
    chart = window.chart
    window.select_roles(["ism"])
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Down)
    assert window.scene.selected_role_ids() == ["sws1"]
    QTest.keyClick(window.view, Qt.Key.Key_Right)
    assert window.scene.selected_role_ids() == ["sws2"]
    QTest.keyClick(window.view, Qt.Key.Key_Up)
    assert window.scene.selected_role_ids() == ["ism"]
    QTest.keyClick(window.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert chart.children("dir").index("ism") == 2
    x_before = window.scene.item("ism").pos().x()
    window.stack.undo()
    assert chart.children("dir").index("ism") == 1
    assert window.scene.item("ism").pos().x() < x_before


def test_undo_and_redo_restore_the_exact_model(window):
    chart = window.chart
    editor = window.editor
    states = [chart.copy()]
    new_id = editor.add_role("security", "dir")
    states.append(chart.copy())
    assert editor.move(["bt1", "bt2"], "ism")
    states.append(chart.copy())
    assert editor.add_dotted("itc", "dir")
    states.append(chart.copy())
    editor.update(new_id, {"title": "Chief Information Security Officer", "fte": 0.5}, "title")
    states.append(chart.copy())
    assert editor.delete(["tsm"])
    states.append(chart.copy())
    assert editor.shift_sibling("ne2", -1)
    states.append(chart.copy())
    for state in reversed(states[:-1]):
        window.stack.undo()
        assert chart == state
    for state in states[1:]:
        window.stack.redo()
        assert chart == state
    # the canvas follows: one item per role, at the layout's place
    assert set(window.scene.role_items()) == set(chart.roles)
    for role_id, (x, y) in window.scene.layout.positions.items():
        assert window.scene.item(role_id).pos() == QPointF(x, y)


def test_the_view_stays_on_the_drop_target_after_a_relayout(window):
    window.view.set_scale(1.0)
    window.view.centerOn(centre(window, "ism"))
    QApplication.processEvents()
    before = window.view.mapFromScene(window.scene.item("ism").pos())
    assert window.editor.move(["bt1", "bt2", "bt3", "bt4"], "ism")
    QApplication.processEvents()
    after = window.view.mapFromScene(window.scene.item("ism").pos())
    assert (after - before).manhattanLength() <= 2


def test_wheel_zooms_at_the_cursor_and_fit_and_actual_size_work(window):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QWheelEvent

    view = window.view
    view.actual_size()
    assert view.scale_factor() == 1.0
    point = on_screen(window, "dir")
    under = view.mapToScene(point)
    event = QWheelEvent(QPointF(point), QPointF(view.viewport().mapToGlobal(point)), QPoint(0, 0), QPoint(0, 240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    view.wheelEvent(event)
    assert view.scale_factor() > 1.3
    assert (view.mapFromScene(under) - point).manhattanLength() <= 2  # zoomed around the cursor
    view.fit()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    for role_id in window.chart.roles:
        assert visible.contains(window.scene.item(role_id).sceneBoundingRect())
    assert window.zoom.text() == f"{view.scale_factor() * 100:.0f}%"


def test_escape_cancels_a_drag_and_nothing_changes(window):
    chart = window.chart
    snapshot = chart.copy()
    window.view.set_scale(0.5)
    window.view.centerOn(window.scene.bounding_rect_of(["hd", "ism"]).center())
    QApplication.processEvents()
    start = window.view.mapFromScene(centre(window, "hd"))
    target = window.view.mapFromScene(centre(window, "ism"))
    drag(window, start, target, release=False)
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.scene.item("ism").drop_state is None
    QTest.mouseRelease(window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    assert chart == snapshot and window.stack.count() == 0


def test_context_menu_offers_reports_dotted_lines_and_delete(window):
    menu = window.canvas_menu.build(on_screen(window, "ism"))
    texts = [a.text() for a in menu.actions()]
    assert texts[0].startswith("Add Report to “Information Systems Manager”")
    assert "Draw Dotted Line From Here" in texts and "Delete" in texts
    add_network = next(a for a in menu.actions()[0].menu().actions() if a.text() == "Network")
    add_network.trigger()
    assert any(r.category == "network" and r.vacant for r in (window.chart.role(i) for i in window.chart.children("ism")))
    empty = window.canvas_menu.build(window.view.mapFromScene(QPointF(-70, -70)))
    assert empty.actions()[0].text() == "Add Top-Level Role"


def test_a_blank_chart_starts_from_a_palette_drop(make_window):
    window = make_window()
    assert len(window.chart) == 0
    palette_drop(window, "superintendent", window.view.viewport().rect().center())
    (role,) = window.chart.roles.values()
    assert role.reports_to is None and role.has("superintendent")
    palette_drop(window, "it_leader", on_screen(window, role.id))
    leader = next(r for r in window.chart.roles.values() if r.category == "it_leader")
    assert leader.reports_to == role.id and leader.has("top_it_leader") and leader.has("cabinet")


def test_rubber_band_selects_several_boxes_for_one_delete(window):
    chart = window.chart
    view = window.view
    view.fit()
    QApplication.processEvents()
    rect = window.scene.bounding_rect_of(["sws1", "sws2", "prog"])
    start = view.mapFromScene(rect.topLeft() + QPointF(-12, -12))
    end = view.mapFromScene(rect.bottomRight() + QPointF(4, 4))
    assert window.scene.role_at(view.mapToScene(start)) is None
    drag(window, start, end)
    assert set(window.scene.selected_role_ids()) == {"sws1", "sws2", "prog"}
    assert window.properties.header.text() == "3 roles selected"
    window.properties.delete_button.click()
    assert not {"sws1", "sws2", "prog"} & set(chart.roles)
    assert window.stack.undoText() == "Delete 3 roles"


def test_a_palette_drag_past_a_box_edge_leaves_no_stale_marker_after_a_scenario_switch(window, dialogs):
    from tests.test_ui_scenarios import duplicate

    palette = window.palette
    mime = palette.mimeData([palette.item_for("network")])
    edge = on_screen(window, "ne1", dx=-0.45)
    move = QDragMoveEvent(edge, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier)
    window.view.dragMoveEvent(move)  # the "new sibling" marker shows
    window.view.dragLeaveEvent(QDragLeaveEvent())
    duplicate(window, dialogs, "Plan B")  # the canvas is rebuilt for the new scenario
    window.scenario_bar.switch(0)
    chart = window.chart
    window.view.set_scale(0.5)
    window.view.centerOn(window.scene.bounding_rect_of(["hd", "ism"]).center())
    QApplication.processEvents()
    start, target = (window.view.mapFromScene(centre(window, r)) for r in ("hd", "ism"))
    drag(window, start, target)  # a click and a drag work as before
    assert chart.role("hd").reports_to == "ism"
    assert all(item.opacity() == 1.0 for item in window.scene.items())
    palette_drop(window, "security", on_screen(window, "ne1", dx=-0.45))
    assert window.stack.count() == 2


def arrange_menu(window, role_id: str):
    menu = window.canvas_menu.build(on_screen(window, role_id))
    return next(a for a in menu.actions() if a.text() == "Arrange Reports").menu()


def test_context_menu_arranges_a_managers_reports_in_one_undo_step(window):
    chart = window.chart
    leaves = chart.leaf_reports("tsm")
    before = {r: window.scene.item(r).pos() for r in leaves}
    arrange = arrange_menu(window, "tsm")
    assert [a.text() for a in arrange.actions() if a.isChecked()] == ["Automatic"]
    next(a for a in arrange.actions() if a.text() == "Stacked in 2 columns").trigger()
    assert chart.arrangement("tsm") == 2 and window.stack.count() == 1
    after = {r: window.scene.item(r).pos() for r in leaves}
    assert after != before
    assert len({p.x() for p in after.values()}) == 2  # the canvas laid the reports out again, in two columns
    assert [a.text() for a in arrange_menu(window, "tsm").actions() if a.isChecked()] == ["Stacked in 2 columns"]
    window.stack.undo()
    assert chart.arrangement("tsm") is None
    assert {r: window.scene.item(r).pos() for r in leaves} == before


def test_the_arrangement_menu_lists_up_to_six_stacks_and_the_most(window):
    six = [a.text() for a in arrange_menu(window, "ism").actions() if not a.isSeparator()]
    assert six == ["Automatic", "One row"] + [f"Stacked in {n} column{'s' if n > 1 else ''}" for n in range(1, 7)]
    thirteen = [a.text() for a in arrange_menu(window, "tsm").actions() if not a.isSeparator()]
    assert thirteen[-2:] == ["Stacked in 6 columns", "Stacked in 13 columns"] and len(thirteen) == 9
    leaf = window.chart.leaf_reports("tsm")[0]
    texts = [a.text() for a in window.canvas_menu.build(on_screen(window, leaf)).actions()]
    assert "Arrange Reports" not in texts  # a role without leaf reports has nothing to arrange
