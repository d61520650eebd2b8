"""The status bar's steady labels: a new text of the same size lays out neither the bar nor the window, and every
label ends where a plain label of the same text would be."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from tdorg.ui.widgets.steady_label import SteadyLabel


class _LayoutRequests(QObject):
    """Counts the layout requests reaching ``watched``."""

    def __init__(self, *watched: QObject) -> None:
        super().__init__()
        self.count = 0
        for widget in watched:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        self.count += event.type() == QEvent.Type.LayoutRequest
        return False


def _bar(qtbot, kind):
    window = QMainWindow()
    qtbot.addWidget(window)
    labels = [kind() for _ in range(3)]
    for label in labels:
        label.setContentsMargins(10, 0, 10, 0)
        window.statusBar().addPermanentWidget(label)
    window.resize(900, 500)
    window.show()
    qtbot.waitExposed(window)
    return window, labels


def _texts(counts: int) -> list[str]:
    return [f"{counts:,} roles · 4,500 FTE · 7 vacant", f"● {len(str(counts))} errors", "75%"]


def test_same_sized_texts_lay_nothing_out_and_every_label_ends_as_a_plain_one(qtbot):
    steady, held = _bar(qtbot, SteadyLabel)
    plain, free = _bar(qtbot, QLabel)
    requests = _LayoutRequests(steady, steady.statusBar())
    sizes = []
    for counts in (5001, 5010, 5001, 5010, 999, 1000, 123456, 5001, 5010, 5001):  # 5,001 and 5,010 are as wide
        for labels in (held, free):
            for label, text in zip(labels, _texts(counts)):
                label.setText(text)
        before = requests.count
        for _ in range(3):  # a layout tells the one around it in the next round of events
            QApplication.processEvents()
        sizes.append(requests.count - before)
        assert [label.geometry() for label in held] == [label.geometry() for label in free], counts
        assert steady.statusBar().geometry() == plain.statusBar().geometry()
        assert steady.statusBar().grab().toImage() == plain.statusBar().grab().toImage(), counts
    # a label is held at the first new text after it was laid out at its hint; a held label's texts of the same
    # size lay nothing out, those of another size (999, 1,000, 123,456) let it go, and it is held again at the
    # next new text once laid out at its hint
    assert sizes[2] == sizes[3] == sizes[-1] == 0, str(sizes)
    assert all(n > 0 for n in sizes[4:7])


def test_a_new_font_lets_the_label_go(qtbot):
    steady, held = _bar(qtbot, SteadyLabel)
    plain, free = _bar(qtbot, QLabel)
    for counts in (5000, 5001):
        for labels in (held, free):
            for label, text in zip(labels, _texts(counts)):
                label.setText(text)
        QApplication.processEvents()
    for labels in (held, free):
        font = labels[0].font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        labels[0].setFont(font)
    QApplication.processEvents()
    assert [label.geometry() for label in held] == [label.geometry() for label in free]
    assert held[0].height() > 0 and steady.statusBar().geometry() == plain.statusBar().geometry()
