"""The status bar's findings counts: each severity's count in plain text, in its colour, muted when there is none."""

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from tdorg.model.rules import Severity
from tdorg.ui.widgets import style


def _shown(label) -> tuple[str, str]:
    return label.text(), label.palette().color(QPalette.ColorRole.WindowText).name()


def _expected(window, severity: Severity, noun: str) -> tuple[str, str]:
    n = len(window.sessions.report.by_severity(severity))
    colour = style.SEVERITY_COLOURS[severity] if n else style.TEXT_MUTED
    return f"● {n:,} {noun}{'' if n == 1 else 's'}", QColor(colour).name()


def test_each_severity_has_its_count_in_its_colour_and_follows_the_edits(make_window) -> None:
    window = make_window("patrick-henry")
    status = window.status
    top = next(r.id for r in window.chart.roles.values() if r.reports_to is None)  # the superintendent
    shown = []
    for step in ("as it comes", "its top role deleted", "undone"):
        if step == "its top role deleted":
            assert window.editor.delete([top])
        elif step == "undone":
            window.stack.undo()
        QApplication.processEvents()
        assert _shown(status.errors) == _expected(window, Severity.ERROR, "error"), step
        assert _shown(status.warnings) == _expected(window, Severity.WARNING, "warning"), step
        assert status.errors.textFormat() == status.warnings.textFormat() == status.counts.textFormat()
        shown.append((status.errors.text(), status.warnings.text()))
    assert shown[0] != shown[1] and shown[0] == shown[2]
    assert shown[0][0] == "● 0 errors" and shown[1][0] != shown[0][0]  # muted, then in the errors' colour

