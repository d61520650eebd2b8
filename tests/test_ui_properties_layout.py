"""The Properties form is never drawn with its fields squeezed below their height, whatever the order of selections.

Each step selects roles and lets one round of events run, then grabs the panel (a paint) and checks every visible
field: no line edit, combo, spin box, button or check box may be shorter than its size hint. A second check looks
at every paint of the fields while the events run on, so a squeezed frame shown for a moment fails too.
"""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QWidget,
)

from tdorg.ui.window.first_size import size_to_screen

FIELDS = (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractButton)


def _needed(widget: QWidget) -> int:
    return max(widget.minimumSizeHint().height(), widget.sizeHint().height())


def _fields(panel: QWidget, hidden_too: bool = False) -> list[QWidget]:
    """The panel's visible fields (or all of them); a spin box's or combo's own line edit follows its box, so
    it is left out."""
    body = panel.widget()
    return [w for w in body.findChildren(QWidget) if isinstance(w, FIELDS) and (hidden_too or w.isVisibleTo(body))
            and not isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox))]


def _squeezed(panel: QWidget) -> list[tuple[str, int, int]]:
    return [(w.accessibleName() or type(w).__name__, w.height(), _needed(w)) for w in _fields(panel)
            if w.height() < _needed(w)]


class _PaintWatch(QObject):
    """Records each paint of a field shorter than its size hint."""

    def __init__(self) -> None:
        super().__init__()
        self.step = ""
        self.seen: list[tuple[str, str, int, int]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget) and watched.height() < _needed(watched):
            self.seen.append((self.step, watched.accessibleName(), watched.height(), _needed(watched)))
        return False


@pytest.fixture
def designed(make_window):
    """A window of the designed 1400×900 with its docks at their first sizes, for a given sample."""
    def make(template: str):
        window = make_window(template)
        size_to_screen(window, *window._docks, available=QRect(0, 0, 1556, 1000))
        QApplication.processEvents()
        assert window.size().width() == 1400
        return window
    return make


def _walk(window, qtbot, steps: list[list[str]]) -> None:
    panel = window.properties
    watch = _PaintWatch()
    panel.title  # the form is made
    for field in _fields(panel, hidden_too=True):
        field.installEventFilter(watch)
    for n, ids in enumerate(steps):
        watch.step = f"step {n}: {ids}"
        window.select_roles(ids)
        QApplication.processEvents()
        panel.grab()
        assert _squeezed(panel) == [], watch.step
        qtbot.wait(20)
        assert _squeezed(panel) == [], watch.step
    assert watch.seen == []


def _one_of_each_category(chart) -> list[str]:
    seen: dict[str, str] = {}
    for role_id in chart.roles:
        seen.setdefault(chart.role(role_id).category, role_id)
    return list(seen.values())


@pytest.mark.parametrize("template", ["francis-howell", "west-salem"])
def test_nothing_then_roles_of_other_kinds_and_back_never_squeeze_the_form(designed, qtbot, template):
    window = designed(template)
    kinds = _one_of_each_category(window.chart)
    _walk(window, qtbot, [[], kinds[0:1], kinds[1:2], [], kinds[0:1], [], kinds[:3], kinds[2:3], []]
          + [[k] for k in kinds] + [[k] for k in reversed(kinds)])


def test_a_role_with_a_dotted_line_among_others_never_squeezes_the_form(designed, qtbot):
    window = designed("patrick-henry")
    chart = window.chart
    dotted = next(r for r in chart.roles if chart.role(r).dotted_to)
    kinds = _one_of_each_category(chart)
    _walk(window, qtbot, [[], [dotted], kinds[0:1], [dotted], [], [dotted], kinds[3:4], [dotted, kinds[0]], [dotted]])


@pytest.mark.parametrize("template", ["francis-howell", "west-salem", "patrick-henry"])
def test_a_random_sequence_of_selections_never_squeezes_the_form(designed, qtbot, template):
    window = designed(template)
    roles = list(window.chart.roles)
    pick = random.Random(18)
    steps = []
    for _ in range(40):
        chance = pick.random()
        steps.append([] if chance < 0.2 else pick.sample(roles, 3) if chance < 0.3 else [pick.choice(roles)])
    _walk(window, qtbot, steps)


def test_switching_while_the_dock_is_narrow_and_short_never_squeezes_the_form(designed, qtbot):
    from PySide6.QtCore import Qt

    window = designed("west-salem")
    dock = window.properties.parentWidget()
    window.resizeDocks([dock], [260], Qt.Orientation.Horizontal)
    window.resizeDocks([dock], [220], Qt.Orientation.Vertical)
    QApplication.processEvents()
    kinds = _one_of_each_category(window.chart)
    _walk(window, qtbot, [[], kinds[0:1], kinds[1:2], [], kinds[0:1]] + [[k] for k in kinds])


def test_the_same_role_is_laid_out_the_same_after_any_selections_before_it(designed, qtbot):
    window = designed("francis-howell")
    panel = window.properties
    kinds = _one_of_each_category(window.chart)

    def layout_of(role_id: str) -> list[tuple[int, int, int, int]]:
        window.select_roles([role_id])
        qtbot.wait(20)
        return [w.geometry().getRect() for w in _fields(panel)] + [panel.widget().size().toTuple() + (0, 0)]

    first = {k: layout_of(k) for k in kinds}
    window.select_roles([])
    for role_id in reversed(kinds):
        window.select_roles(kinds[:2])
        qtbot.wait(5)
        assert layout_of(role_id) == first[role_id]


def test_a_wrapping_check_box_measures_its_text_again_when_the_text_or_font_changes(qtbot):
    from PySide6.QtGui import QFont

    from tdorg.ui.widgets.wrapping_check import WrappingCheckBox

    box = WrappingCheckBox("Short")
    qtbot.addWidget(box)
    one_line = box.heightForWidth(200)
    assert box.heightForWidth(200) == one_line
    box.setText("A label long enough to wrap onto two or three lines in a box this narrow")
    wrapped = box.heightForWidth(200)
    assert wrapped > one_line
    font = QFont(box.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    box.setFont(font)
    assert box.heightForWidth(200) > wrapped
    box.setText("Short")
    box.setFont(QFont())
    assert box.heightForWidth(200) == WrappingCheckBox("Short").heightForWidth(200)


def test_edits_elsewhere_that_lengthen_the_shown_roles_lines_never_squeeze_the_form(designed, qtbot):
    window = designed("west-salem")
    chart, panel = window.chart, window.properties
    shown = next(r for r in chart.roles if chart.role(r).reports_to and chart.children(r))
    manager, report = chart.role(shown).reports_to, chart.children(shown)[0]
    window.select_roles([shown])
    qtbot.wait(20)
    watch = _PaintWatch()
    for field in _fields(panel, hidden_too=True):
        field.installEventFilter(watch)
    long = "Assistant Superintendent for Technology, Innovation and Digital Learning Services"
    for n, (role_id, title) in enumerate([(manager, long), (report, long), (manager, "Director"), (report, "Tech")]):
        watch.step = f"edit {n}: {role_id}"
        window.editor.update(role_id, {"title": title}, "title")
        window.select_roles([shown])
        QApplication.processEvents()
        panel.grab()
        assert _squeezed(panel) == [], watch.step
        assert title in panel.lines.summary.text()
        qtbot.wait(20)
    assert watch.seen == []
