"""The toolbar's Undo and Redo say what they will do, set on their buttons (a changed action would have the
toolbar and the main window lay themselves out again after every edit)."""

from __future__ import annotations


def _tips(window) -> tuple[str, str, bool, bool]:
    actions = window.actions
    undo, redo = (actions.toolbar.widgetForAction(a) for a in (actions.undo_tool, actions.redo_tool))
    return undo.toolTip(), redo.toolTip(), undo.isEnabled(), redo.isEnabled()


def test_undo_and_redo_buttons_name_the_step_they_would_take(window):
    role_id = next(iter(window.chart.roles))
    window.stack.clear()
    assert _tips(window) == ("Nothing to undo", "Nothing to redo", False, False)
    window.editor.update(role_id, {"title": "Chief Tooltip Officer"}, "title")
    undo, redo, can_undo, can_redo = _tips(window)
    assert undo == f"Undo {window.stack.undoText()}" and "title" in undo and redo == "Nothing to redo"
    assert can_undo and not can_redo
    window.stack.undo()
    assert _tips(window) == ("Nothing to undo", f"Redo {window.stack.redoText()}", False, True)
    window.stack.redo()
    assert _tips(window)[0] == undo and _tips(window)[1] == "Nothing to redo"


def test_an_undo_or_redo_lays_out_neither_the_toolbar_nor_the_window(window, qapp):
    """Undo and Redo enabled and disabled in turn leave the toolbar and the main window's docks where they were."""
    from PySide6.QtCore import QEvent, QObject

    seen: list[QObject] = []

    class Requests(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.LayoutRequest and watched in (window, window.actions.toolbar):
                seen.append(watched)
            return False

    role_id = next(iter(window.chart.roles))
    window.stack.clear()
    window.editor.update(role_id, {"title": "Chief Layout Officer"}, "title")
    for _ in range(3):  # the window's own layouts after it was shown and the edit settle first
        qapp.processEvents()
    requests = Requests()
    qapp.installEventFilter(requests)
    try:
        for step in (window.stack.undo, window.stack.redo, window.stack.undo):
            step()
            qapp.processEvents()
    finally:
        qapp.removeEventFilter(requests)
    assert seen == []
    assert _tips(window)[2:] == (False, True)
