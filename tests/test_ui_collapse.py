"""Collapsing and expanding a manager's subtree on the canvas: the toggle, the menus, the keys, the badge,
undo, and revealing a hidden role."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tdorg.ui.canvas.items.role_item import BOX_HEIGHT, BOX_WIDTH


def busiest_manager(chart) -> str:  # noqa: ANN001
    """The manager (not a top role) with the most roles under it."""
    managers = [r for r in chart.roles if chart.child_count(r) and chart.role(r).reports_to]
    return max(managers, key=lambda r: len(chart.descendants(r)))


def toggle_point(window, role_id: str) -> QPoint:
    """The viewport point of a manager's toggle, at 100% and scrolled into view."""
    toggle = window.scene.toggle(role_id)
    centre = toggle.mapToScene(toggle.shape().boundingRect().center())
    window.view.set_scale(1.0)
    window.view.centerOn(centre)
    QApplication.processEvents()
    return window.view.mapFromScene(centre)


def box_point(window, role_id: str) -> QPoint:
    """The viewport point of a box's centre, at 100% and scrolled into view."""
    window.view.set_scale(1.0)
    window.view.centerOn(window.scene.item(role_id))
    QApplication.processEvents()
    return window.view.mapFromScene(window.scene.item(role_id).pos() + QPointF(BOX_WIDTH / 2, BOX_HEIGHT / 2))


def click_toggle(window, role_id: str) -> None:
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     toggle_point(window, role_id))
    QApplication.processEvents()


def test_the_toggle_hides_the_subtree_closes_the_gap_and_shows_the_count(window) -> None:
    chart, scene = window.chart, window.scene
    manager = busiest_manager(chart)
    below = chart.descendants(manager)
    width = scene.layout.width
    assert scene.toggle(manager).label() == "−" and window.stack.count() == 0
    click_toggle(window, manager)
    assert chart.collapsed == {manager}
    assert all(not scene.item(r).isVisible() for r in below)
    assert all(r not in scene.layout.positions for r in below)
    assert scene.layout.width < width  # the layout closes the gap
    assert scene.toggle(manager).label() == f"+{len(below)}"
    assert scene.item(manager).isVisible() and not scene.item(manager).isSelected()  # a click on the toggle is no press on the box
    assert window.stack.undoText() == f"Collapse “{chart.role(manager).title}”"
    assert window.isWindowModified() and "[*]" in window.windowTitle()
    assert not any(line.isVisible() for key, line in scene.dotted_items().items() if set(key) & set(below))
    assert all(key[0] not in below and key[1] not in below for key in scene.dotted_items())
    click_toggle(window, manager)
    assert chart.collapsed == frozenset() and scene.layout.width == width
    assert all(scene.item(r).isVisible() for r in below)
    assert scene.toggle(manager).label() == "−" and window.stack.count() == 2


def test_collapse_and_expand_undo_and_redo_exactly(window) -> None:
    chart, scene = window.chart, window.scene
    manager = busiest_manager(chart)
    positions = dict(scene.layout.positions)
    assert window.editor.collapse([manager], True)
    folded = dict(scene.layout.positions)
    window.stack.undo()
    QApplication.processEvents()
    assert chart.collapsed == frozenset() and scene.layout.positions == positions
    assert {r: (scene.item(r).pos().x(), scene.item(r).pos().y()) for r in chart.roles} == positions
    assert all(item.isVisible() for item in scene.role_items().values())
    assert not window.isWindowModified()
    window.stack.redo()
    QApplication.processEvents()
    assert chart.collapsed == {manager} and scene.layout.positions == folded
    assert scene.toggle(manager).label() == f"+{len(chart.descendants(manager))}"


def test_the_badge_of_a_collapsed_manager_counts_the_findings_of_its_hidden_roles(window) -> None:
    chart, scene = window.chart, window.scene
    report = window.sessions.report
    manager = max((r for r in chart.roles if chart.child_count(r) and chart.role(r).reports_to),
                  key=lambda r: sum(1 for f in report.findings if set(f.role_ids) & set(chart.descendants(r))))
    below = set(chart.descendants(manager))
    inside = [f for f in report.findings if set(f.role_ids) & below]
    own = [f for f in report.findings if manager in f.role_ids]
    assert inside
    assert scene.item(manager).finding_count == len(own)
    window.editor.collapse([manager], True)
    QApplication.processEvents()
    item = scene.item(manager)
    expected = [f for f in report.findings if manager in f.role_ids or set(f.role_ids) & below]
    assert item.finding_count == len(expected)  # each finding once, however many hidden roles it names
    assert item.severity == max(f.severity for f in expected)
    item._update_tooltip()
    assert f"including {len(inside)} in the {len(below)} hidden roles" in item.toolTip()
    assert window.findings.tree.topLevelItemCount() > 0  # the findings panel still lists them
    shown = sum(window.findings.tree.topLevelItem(i).childCount() for i in range(window.findings.tree.topLevelItemCount()))
    assert shown == len(report.findings)
    window.editor.collapse([manager], False)
    QApplication.processEvents()
    assert scene.item(manager).finding_count == len(own)


def test_selecting_a_finding_of_a_hidden_role_expands_the_path_to_it(window) -> None:
    chart, scene = window.chart, window.scene
    report = window.sessions.report
    hidden_finding = next(f for f in report.findings
                          if any(chart.role(r).reports_to and chart.role(chart.role(r).reports_to).reports_to
                                 for r in f.role_ids))
    target = next(r for r in hidden_finding.role_ids if chart.role(r).reports_to)
    nearest, top = chart.role(target).reports_to, list(chart.ancestors(target))[-1]
    window.editor.collapse([nearest], True)
    window.editor.collapse([top], True)  # both hide it
    assert not scene.item(target).isVisible() and chart.collapsed_above(target) == [nearest, top]
    window.findings.rolesRequested.emit(list(hidden_finding.role_ids))
    QApplication.processEvents()
    assert all(scene.item(r).isVisible() for r in hidden_finding.role_ids)
    assert set(scene.selected_role_ids()) == set(hidden_finding.role_ids)
    assert window.stack.undoText().startswith("Expand to show") and not chart.collapsed_above(target)
    view_rect = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert view_rect.intersects(scene.item(target).sceneBoundingRect())  # sent to a box that is there


def test_a_find_bar_hit_inside_a_collapsed_subtree_is_revealed(window) -> None:
    chart, scene = window.chart, window.scene
    manager = busiest_manager(chart)
    hidden = chart.descendants(manager)[-1]
    window.editor.collapse([manager], True)
    window.find_bar.open_bar()
    QTest.keyClicks(window.find_bar.field, chart.role(hidden).title)
    QApplication.processEvents()
    current = window.find_bar.current_id()
    assert current is not None and scene.item(current).isVisible() and scene.item(current).isSelected()
    assert not chart.collapsed_above(current)


def test_keys_collapse_and_expand_the_selected_box_and_refuse_a_box_without_reports(window) -> None:
    chart, scene, view = window.chart, window.scene, window.view
    manager = busiest_manager(chart)
    window.select_roles([manager])
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Minus)
    QApplication.processEvents()
    assert chart.collapsed == {manager}
    QTest.keyClick(view, Qt.Key.Key_Plus)
    QApplication.processEvents()
    assert chart.collapsed == frozenset() and window.stack.count() == 2
    leaf = next(r for r in chart.roles if not chart.child_count(r))
    window.select_roles([leaf])
    QTest.keyClick(view, Qt.Key.Key_Minus)
    QApplication.processEvents()
    assert window.stack.count() == 2
    assert f"“{chart.role(leaf).title}” has no reports to collapse." in window.message.text()


def test_the_box_menu_offers_collapse_then_expand_and_the_canvas_menu_expand_all(window) -> None:
    chart = window.chart
    manager = busiest_manager(chart)
    texts = [a.text() for a in window.canvas_menu.build(box_point(window, manager)).actions()]
    assert "&Collapse" in texts and "E&xpand" not in texts
    window.actions.collapse.trigger()
    QApplication.processEvents()
    texts = [a.text() for a in window.canvas_menu.build(box_point(window, manager)).actions()]
    assert "E&xpand" in texts and "&Collapse" not in texts
    empty = [a.text() for a in window.canvas_menu.build(QPoint(2, 2)).actions()]
    assert "Expand All &Roles" in empty
    window.actions.expand_all.trigger()
    assert chart.collapsed == frozenset() and window.stack.undoText() == "Expand all"


def test_a_role_dropped_on_a_collapsed_manager_expands_it_in_the_same_step(window) -> None:
    chart, scene = window.chart, window.scene
    manager = busiest_manager(chart)
    mover = next(r for r in chart.roles if not chart.child_count(r) and not chart.is_under(r, manager))
    window.editor.collapse([manager], True)
    steps = window.stack.count()
    assert window.editor.move([mover], manager)
    QApplication.processEvents()
    assert chart.role(mover).reports_to == manager and chart.collapsed == frozenset()
    assert scene.item(mover).isVisible() and window.stack.count() == steps + 1
    window.stack.undo()
    QApplication.processEvents()
    assert chart.collapsed == {manager} and scene.item(mover).isVisible()


def drawn(scene) -> dict[str, list[tuple[float, float]]]:  # noqa: ANN001
    """Each shown manager's reporting lines as the points they pass through on the canvas."""
    out = {}
    for manager, lines in scene._lines.lines.items():
        if lines.isVisible():
            path = lines.mapToScene(lines.path())
            out[manager] = [(round(p.x, 3), round(p.y, 3)) for p in (path.elementAt(i) for i in range(path.elementCount()))]
    return out


def test_lines_kept_moved_or_drawn_again_are_those_a_fresh_canvas_draws(window) -> None:
    from tdorg.ui.canvas.scene import ChartScene

    chart = window.chart
    managers = sorted((r for r in chart.roles if chart.child_count(r) and chart.role(r).reports_to),
                      key=lambda r: len(chart.descendants(r)))
    for step in (lambda: window.editor.collapse([managers[-1]], True),
                 lambda: window.editor.collapse([managers[0]], True),
                 lambda: window.editor.collapse([managers[-1]], False),
                 window.stack.undo, window.stack.undo, window.stack.redo,
                 lambda: window.editor.move([managers[0]], chart.roots()[0])):
        step()
        QApplication.processEvents()
        fresh = ChartScene()
        fresh.set_chart(chart.copy(), window.sessions.report)
        assert drawn(window.scene) == drawn(fresh)
        assert {r: (i.pos().x(), i.pos().y()) for r, i in window.scene.role_items().items() if i.isVisible()} == \
            {r: (i.pos().x(), i.pos().y()) for r, i in fresh.role_items().items() if i.isVisible()}


def test_the_down_arrow_stays_on_a_collapsed_manager(window) -> None:
    chart, view = window.chart, window.view
    manager = busiest_manager(chart)
    window.editor.collapse([manager], True)
    window.select_roles([manager])
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert window.scene.selected_role_ids() == [manager] and view.current_id == manager
    QTest.keyClick(view, Qt.Key.Key_Plus)
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert window.scene.selected_role_ids() == [chart.children(manager)[0]]


def test_the_compare_window_shows_every_role_of_a_chart_with_collapsed_managers(window) -> None:
    from tdorg.ui.compare.compare_view import ChartPane

    chart = window.chart.copy()
    manager = busiest_manager(chart)
    chart.set_collapsed(manager, True)
    pane = ChartPane()
    pane.show_chart(chart, {}, "Current")
    assert all(item.isVisible() for item in pane.scene.role_items().values())
    assert set(pane.scene.layout.positions) == set(chart.roles)
    assert pane.scene.toggle(manager) is None and pane.scene.hidden_roles() == {}
    pane.deleteLater()
