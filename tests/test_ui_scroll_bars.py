"""The panels' scroll bars fill their own background: when an edit moves a scroll bar's range, the scroll bar is
repainted alone, not the dock and its title beneath it, and the panel looks the same as with Qt's own scroll bars."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication


class _Paints(QObject):
    def __init__(self, *watched: QObject) -> None:
        super().__init__()
        self.painted: set[QObject] = set()
        for widget in watched:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.painted.add(watched)
        return False


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def test_a_scroll_bar_whose_range_moves_is_repainted_without_the_dock_beneath(make_window) -> None:
    window = make_window("patrick-henry")
    window.resize(1200, 640)
    _settle()
    panel, bar = window.properties, window.properties.verticalScrollBar()
    dock = panel.parentWidget()
    role_id = next(iter(window.chart.roles))
    window.select_roles([role_id])  # the form is made
    _settle()
    assert bar.autoFillBackground() and window.metrics.verticalScrollBar().autoFillBackground()
    window.select_roles([])  # the hint
    _settle()
    paints = _Paints(dock, bar)
    ranges = [bar.maximum()]
    window.select_roles([role_id])  # the form again: taller than the dock, the scroll bar's range moves
    _settle()
    ranges.append(bar.maximum())
    assert ranges[0] != ranges[1] and bar.isVisible()
    assert bar in paints.painted and dock not in paints.painted


def test_the_panels_look_the_same_as_with_scroll_bars_that_do_not_fill(make_window) -> None:
    from tdorg.ui.widgets.colour_scheme import look, scheme_palette

    app = QApplication.instance()
    before = app.palette()
    window = make_window("patrick-henry")
    window.resize(1200, 640)
    window.select_roles([next(iter(window.chart.roles))])
    bars = [area.verticalScrollBar() for area in (window.properties, window.metrics, window.findings.tree)]
    try:
        for scheme in ("dark", "light"):
            app.setPalette(scheme_palette(scheme))
            for bar in bars:
                bar.setAutoFillBackground(True)
            _settle()
            assert any(bar.isVisible() for bar in bars) and look().dark == (scheme == "dark")
            filled = window.grab().toImage()
            for bar in bars:
                bar.setAutoFillBackground(False)
            _settle()
            assert window.grab().toImage() == filled, scheme
    finally:
        app.setPalette(before)
        _settle()


def test_the_findings_tree_takes_its_filling_scroll_bars_and_eliding_cells_with_the_first_report_shown(
        make_window) -> None:
    """Not before the first frame: Python's first use of QStyle and QScrollBar costs it about 7 ms."""
    from tdorg.ui.panels.elided_text_delegate import ElidedTextDelegate

    window = make_window("patrick-henry")
    tree = window.findings.tree
    assert not isinstance(tree.itemDelegate(), ElidedTextDelegate)  # the report came before the window showed
    assert window.editor.delete([next(iter(window.chart.roles))])
    _settle()
    assert isinstance(tree.itemDelegate(), ElidedTextDelegate) and tree.verticalScrollBar().autoFillBackground()
