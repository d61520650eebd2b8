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


@pytest.fixture
def panel(qtbot) -> FindingsPanel:  # noqa: ANN001
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.resize(700, 180)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


@pytest.mark.parametrize("seed", range(4))
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
        assert shown == drawn, f"step {step}"


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
    assert shown == drawn
