"""The Properties form appearing from the hint is laid out in the body the scroll area gives it, not first squeezed
into the hint's, and going back to the hint leaves the form as it is."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication


class _Sizes(QObject):
    """The sizes a widget is given, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[int, int]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.seen.append(event.size().toTuple())
        return False


def test_the_form_appearing_from_the_hint_is_laid_out_at_its_own_width_only(make_window):
    window = make_window("francis-howell")
    panel, roles = window.properties, list(window.chart.roles)
    window.select_roles([roles[1]])
    QApplication.processEvents()
    sizes = _Sizes()
    panel.form_widget.installEventFilter(sizes)
    for role_id in roles[2:8]:
        window.select_roles([])
        QApplication.processEvents()
        assert panel.form_widget.isHidden() and panel.empty.isVisible()
        window.select_roles([role_id])
        QApplication.processEvents()
        width = panel.form_widget.width()
        assert all(w == width for w, _h in sizes.seen), sizes.seen  # never the hint's width
        sizes.seen.clear()
        assert panel.header.text() == window.chart.role(role_id).title
