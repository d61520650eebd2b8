"""The findings tree repaints only the rows in view that changed, and what is on screen stays what a full repaint
draws."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from tdorg.model.rules import Finding, Report, Severity
from tdorg.ui.panels.findings_panel import FindingsPanel

POOL = [Finding(rule_id=f"R-{n % 7}", severity=(Severity.ERROR, Severity.WARNING, Severity.INFO)[n % 3],
                message=f"Finding {n} " + "and more words " * (n % 5), role_ids=(f"r{n}",)) for n in range(60)]


class _Paints(QObject):
    """The viewports' paint events, as (which viewport, the region's bounding rectangle)."""

    def __init__(self, panel: FindingsPanel) -> None:
        super().__init__()
        self.seen: list[tuple[str, tuple[int, int, int, int]]] = []
        self.names = {panel.tree.viewport(): "rows", panel.tree.header().viewport(): "header"}
        for viewport in self.names:
            viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.seen.append((self.names[watched], event.region().boundingRect().getRect()))
        return False


def _on_screen(panel: FindingsPanel) -> QImage:
    """What the panel's window shows now (its backing store), beside a full repaint of it."""
    QApplication.processEvents()
    window = panel.window()
    shown = window.screen().grabWindow(window.winId()).toImage()
    drawn = window.grab().toImage()
    return shown.convertToFormat(drawn.format()), drawn


def _alike(shown: QImage, drawn: QImage) -> bool:
    """The same pixels, or pixels at most one level apart in a channel: a row moved on screen (by Qt's own
    scrolling too) may differ so from one drawn afresh where its antialiased edge meets the viewport's edge."""
    if shown == drawn:
        return True
    a, b = bytes(shown.constBits()), bytes(drawn.constBits())
    return len(a) == len(b) and all(abs(x - y) <= 1 for x, y in zip(a, b) if x != y)


@pytest.fixture
def panel(qtbot) -> FindingsPanel:  # noqa: ANN001
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.resize(700, 180)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


@pytest.mark.parametrize("seed", range(12))
def test_the_rows_on_screen_are_those_a_full_repaint_draws(panel: FindingsPanel, seed: int) -> None:
    rng = random.Random(seed)
    findings = rng.sample(POOL, 25)
    panel.set_report(Report(findings=findings), None)
    for step in range(30):
        kind = rng.random()
        if kind < 0.5:  # a few come, a few go, anywhere: above the rows in view, among them, below them
            findings = [f for f in findings if rng.random() > 0.08]
            for f in rng.sample(POOL, 2):
                if f not in findings:
                    findings.insert(rng.randrange(len(findings) + 1), f)
        elif kind < 0.6:
            findings = rng.sample(POOL, rng.randrange(30))
        elif kind < 0.7:
            panel.tree.verticalScrollBar().setValue(rng.randrange(panel.tree.verticalScrollBar().maximum() + 1))
        elif kind < 0.8 and panel.findings():
            panel.tree.setCurrentItem(panel.item_for(rng.choice(panel.findings())))
        elif kind < 0.9:
            group = panel.group(rng.choice(list(Severity)))
            group.setExpanded(not group.isExpanded())
        else:
            panel.set_report(Report(findings=findings, disabled={"R-1": "Not here"} if step % 2 else {}), None)
        panel.set_report(Report(findings=findings, disabled=panel._report.disabled), None)  # noqa: SLF001
        shown, drawn = _on_screen(panel)
        assert _alike(shown, drawn), f"step {step}"


def test_a_finding_below_the_rows_in_view_repaints_nothing_but_what_changed(panel: FindingsPanel) -> None:
    errors = [f for f in POOL if f.severity == Severity.ERROR]
    panel.set_report(Report(findings=errors[:12]), None)
    QApplication.processEvents()
    panel.set_report(Report(findings=errors[:13]), None)  # the rule column's width settles
    _on_screen(panel)
    paints = _Paints(panel)
    panel.set_report(Report(findings=errors[:14]), None)  # the 14th error comes far below the rows in view
    QApplication.processEvents()
    height = panel.tree.visualItemRect(panel.group(Severity.ERROR)).height()
    assert paints.seen == [("rows", (0, 0, panel.tree.viewport().width(), height))]  # "Errors (14)" only
    shown, drawn = _on_screen(panel)
    assert _alike(shown, drawn)


class _Painted(QObject):
    """The rectangles of the rows' viewport painted, every one of each paint's region."""

    def __init__(self, panel: FindingsPanel) -> None:
        super().__init__()
        self.rects: list[tuple[int, int, int, int]] = []
        panel.tree.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.rects.extend(rect.getRect() for rect in event.region())
        return False


@pytest.mark.parametrize("coming", [True, False])
def test_a_finding_among_the_rows_in_view_moves_the_rows_below_it_as_they_are(panel: FindingsPanel, coming) -> None:
    """The rows below a finding that comes (or goes) keep their pixels, moved down (or up) a row; only the
    finding's row (or the row that comes into view at the bottom) and the group's heading are drawn."""
    errors = [f for f in POOL if f.severity == Severity.ERROR]
    few, more = errors[:12], errors[:3] + [errors[15]] + errors[3:12]
    panel.set_report(Report(findings=more if not coming else few), None)
    QApplication.processEvents()
    panel.set_report(Report(findings=few if not coming else more), None)  # the rule column's width settles
    panel.set_report(Report(findings=more if not coming else few), None)
    _on_screen(panel)
    painted = _Painted(panel)
    panel.set_report(Report(findings=more if coming else few), None)
    QApplication.processEvents()
    row = panel.tree.visualItemRect(panel.group(Severity.ERROR)).height()
    width, height = panel.tree.viewport().width(), panel.tree.viewport().height()
    assert painted.rects and all(rect[2] == width for rect in painted.rects)
    assert sum(rect[3] for rect in painted.rects) <= 3 * row < height / 2, painted.rects  # not every row below
    shown, drawn = _on_screen(panel)
    assert _alike(shown, drawn)
