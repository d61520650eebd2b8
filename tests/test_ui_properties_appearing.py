"""The Properties form appearing from the hint is laid out in the body the scroll area gives it, not first squeezed
into the hint's, and going back to the hint leaves the form as it is."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget


class _Sizes(QObject):
    """The sizes a widget is given (or, with ``kind`` a paint, painted at), in order."""

    def __init__(self, kind: QEvent.Type = QEvent.Type.Resize) -> None:
        super().__init__()
        self.kind = kind
        self.seen: list[tuple[int, int]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == self.kind:
            self.seen.append((event.size() if self.kind == QEvent.Type.Resize else watched.size()).toTuple())
        return False


def test_the_form_appearing_from_the_hint_is_laid_out_at_its_own_width_only_and_painted_whole_once(make_window):
    window = make_window("francis-howell")
    panel, roles = window.properties, list(window.chart.roles)
    window.select_roles([roles[1]])
    QApplication.processEvents()
    sizes, paints = _Sizes(), _Regions()
    panel.form_widget.installEventFilter(sizes)
    panel.form_widget.installEventFilter(paints)
    for role_id in [roles[2], *roles[2:8]]:  # the role shown last again, then others
        window.select_roles([])
        QApplication.processEvents()
        assert panel.form_widget.isHidden() and panel.empty.isVisible()
        paints.seen.clear()
        window.select_roles([role_id])
        for _ in range(3):  # and the rounds of events after, in which it is not painted whole again
            QApplication.processEvents()
        width = panel.form_widget.width()
        assert all(w == width for w, _h in sizes.seen), sizes.seen  # never the hint's width
        sizes.seen.clear()
        assert panel.header.text() == window.chart.role(role_id).title
        visible = panel.form_widget.visibleRegion().boundingRect().getRect()
        assert paints.seen[0] == (panel.form_widget.size().toTuple(), visible)
        assert all(region != visible for _size, region in paints.seen[1:]), paints.seen


class _LayoutRequests(QObject):
    """The widgets told their layout must run again, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[QObject] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LayoutRequest:
            self.seen.append(watched)
        return False


def test_a_form_shown_again_as_it_was_lays_out_none_of_its_parts(make_window):
    window = make_window("francis-howell")
    panel, roles = window.properties, list(window.chart.roles)
    for shown in ([roles[2]], [], [roles[2]]):  # the first showing's layouts all run
        window.select_roles(shown)
        QApplication.processEvents()
    height = panel.form_widget.height()
    requests = _LayoutRequests()
    parts = panel.sizing.parts[:-1]  # every part with a layout of its own but the form
    for part in parts:
        part.installEventFilter(requests)
    for _ in range(3):  # the hint and the same role again, as a delete and its undo do
        window.select_roles([])
        QApplication.processEvents()
        window.select_roles([roles[2]])
        QApplication.processEvents()
        assert panel.form_widget.isVisible() and panel.form_widget.height() == height
    assert requests.seen == []
    window.select_roles([roles[3]])  # another role: its texts differ, every part is fitted again
    QApplication.processEvents()
    assert requests.seen


def test_the_hint_leaves_the_form_hidden_as_it_was_laid_out(make_window):
    window = make_window("francis-howell")
    panel, roles = window.properties, list(window.chart.roles)
    window.select_roles([roles[2]])
    QApplication.processEvents()
    parts = panel.form_widget.findChildren(QWidget)
    laid_out = [part.geometry() for part in parts]
    for leave in (lambda: window.select_roles([]), lambda: window.editor.delete([roles[2]])):
        leave()
        QApplication.processEvents()
        assert panel.form_widget.isHidden()
        assert [part.geometry() for part in parts] == laid_out  # not squeezed beside the hint
        window.stack.undo() if roles[2] not in window.chart.roles else None
        window.select_roles([roles[2]])
        QApplication.processEvents()


def test_the_hint_after_the_shown_role_is_deleted_is_on_screen_as_drawn(make_window):
    window = make_window("francis-howell")
    panel, roles = window.properties, list(window.chart.roles)
    window.select_roles([roles[2]])
    QApplication.processEvents()
    assert window.editor.delete([roles[2]])
    QApplication.processEvents()
    assert panel.role_id is None and panel.empty.isVisible()
    corner = panel.mapTo(window, panel.rect().topLeft())
    shown = window.screen().grabWindow(window.winId(), corner.x(), corner.y(), panel.width(), panel.height()).toImage()
    drawn = panel.grab().toImage()
    assert shown.convertToFormat(drawn.format()) == drawn


def test_the_hint_after_the_form_is_painted_once_at_its_own_size(make_window):
    window = make_window("francis-howell")
    panel, roles = window.properties, list(window.chart.roles)
    paints = _Sizes(QEvent.Type.Paint)
    panel.empty.installEventFilter(paints)
    for role_id in roles[2:6]:  # a role shown, then the hint: by a click on empty canvas and by the role's delete
        for leave in (lambda: window.select_roles([]), lambda r=role_id: window.editor.delete([r])):
            window.select_roles([role_id])
            QApplication.processEvents()
            paints.seen.clear()
            leave()
            QApplication.processEvents()
            assert panel.empty.isVisible()
            assert paints.seen == [panel.empty.size().toTuple()]  # not first in the form's body, then again
            window.stack.undo() if role_id not in window.chart.roles else None
            QApplication.processEvents()


class _Regions(QObject):
    """A widget's size and the part of it painted, at each paint."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[tuple[int, int], tuple[int, int, int, int]]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.seen.append((watched.size().toTuple(), event.region().boundingRect().getRect()))
        return False
