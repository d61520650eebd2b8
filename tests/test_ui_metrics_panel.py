"""The metrics panel follows a new report in place: the same rows, only the changed figures set again."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from tdorg.model.edits import UpdateRole
from tdorg.model.rules import Validator
from tdorg.model.synthetic import synthetic_chart
from tdorg.ui.panels.metrics_panel import MetricsPanel


def _texts(panel: MetricsPanel) -> list[tuple[str, str, list[str]]]:
    return [(row.left.text(), row.value.text(), row.inputs.texts()) for row in panel.row_widgets]


def test_a_new_report_updates_the_rows_in_place(qtbot) -> None:
    chart = synthetic_chart(300)
    panel = MetricsPanel()
    qtbot.addWidget(panel)
    panel.set_report(Validator(chart).report)
    rows = list(panel.row_widgets)
    labels = set(panel.findChildren(QLabel))
    before = _texts(panel)
    technician = next(r.id for r in chart.roles.values() if r.category == "building_technician")
    change = UpdateRole(technician, {"fte": 0.5})
    change.do(chart)
    report = Validator(chart).report
    panel.set_report(report)
    assert panel.row_widgets == rows and set(panel.findChildren(QLabel)) == labels  # nothing made anew
    after = _texts(panel)
    changed = [i for i, (old, new) in enumerate(zip(before, after)) if old != new]
    assert changed and len(changed) < len(rows)  # the technicians' ratios moved, the others did not
    assert [label for label, _value, _reference in panel.metric_rows()] == [m.label for m in report.metrics]
    assert [inputs for _left, _value, inputs in after] == [list(m.inputs) for m in report.metrics]
    shown = [label for row in panel.row_widgets for label in row.findChildren(QLabel) if not label.isHidden()]
    assert all(label.parent() is not None for label in shown) and len(shown) == len(set(shown))
    assert [value for _label, value, _reference in panel.metric_rows()] == [
        f"{m.display() if m.value is not None else '—'} {m.unit}".strip() for m in report.metrics]


def test_fewer_metrics_remove_rows_and_more_add_them(qtbot) -> None:
    panel = MetricsPanel()
    qtbot.addWidget(panel)
    report = Validator(synthetic_chart(300)).report
    panel.set_report(report)
    assert len(panel.row_widgets) == len(report.metrics) > 1
    panel.set_report(None)
    assert panel.row_widgets == [] and panel.metric_rows() == []
    panel.set_report(report)
    assert len(panel.row_widgets) == len(report.metrics)
    assert [row.property("ruled") for row in panel.row_widgets[:2]] == [False, True]  # the rule above the second


def test_fewer_input_lines_leave_no_line_of_the_longer_list_showing(qtbot) -> None:
    panel = MetricsPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_report(Validator(synthetic_chart(300)).report)
    panel.set_report(Validator(synthetic_chart(120)).report)
    qtbot.wait(1)
    for row, metric in zip(panel.row_widgets, Validator(synthetic_chart(120)).report.metrics):
        visible = [text.text() for _bullet, text in row.inputs.labels if text.isVisible()]
        assert visible == list(metric.inputs)


def test_a_row_heading_is_as_tall_as_its_text_at_each_width(qtbot) -> None:
    panel = MetricsPanel()
    qtbot.addWidget(panel)
    panel.set_report(Validator(synthetic_chart(300)).report)
    label = panel.row_widgets[0].left
    short = label.heightForWidth(300)
    label.setText(label.text() + "<p>" + "a longer explanation " * 30 + "</p>")
    assert label.heightForWidth(300) > short  # remembered per text, not per width alone
    assert label.heightForWidth(150) > label.heightForWidth(300)


def test_a_label_measures_as_a_plain_label_with_the_same_text_after_its_text_comes_back(qtbot) -> None:
    panel = MetricsPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_report(Validator(synthetic_chart(300)).report)
    row = panel.row_widgets[0]
    shown = (row.left, row.note, row.missing, row.planned, row.plan_note, *(text for _bullet, text in row.inputs.labels))
    assert row.planned.text() and row.plan_note.text()
    for label in (label for label in shown if label.text()):
        plain = QLabel()
        plain.setWordWrap(True)
        plain.setTextFormat(label.textFormat())
        plain.setFont(label.font())
        first = label.text()
        for text in (first, first + " and a few more words to wrap", first):
            label.setText(text)
            plain.setText(text)
            assert label.sizeHint() == plain.sizeHint() and label.minimumSizeHint() == plain.minimumSizeHint()
            assert [label.heightForWidth(w) for w in (60, 150, 300)] == [plain.heightForWidth(w) for w in (60, 150, 300)]


def test_a_figure_takes_its_colour_from_its_palette_and_the_rule_above_a_row_from_the_application_sheet(qtbot):
    """No label or row has a style sheet of its own (each one made Qt style that widget apart, about 2 ms)."""
    from PySide6.QtGui import QColor, QPalette

    from tdorg.model.rules import Metric, Report, Severity
    from tdorg.ui.widgets import style

    panel = MetricsPanel()
    qtbot.addWidget(panel)
    figures = {2500.0: style.SEVERITY_COLOURS[Severity.WARNING], 900.0: style.TEXT, None: style.TEXT_MUTED}
    panel.set_report(Report(metrics=[Metric(f"m{i}", "Students per FTE", value, "students", "about 1,900", "",
                                            warns=value == 2500.0) for i, value in enumerate(figures)]))
    for row, colour in zip(panel.row_widgets, figures.values(), strict=True):
        assert row.value.palette().color(QPalette.ColorRole.WindowText) == QColor(colour)
        assert row.styleSheet() == row.value.styleSheet() == ""
    assert 'QWidget#metricRow[ruled="true"] { border-top: 1px solid' in style.stylesheet()


def test_why_there_is_no_figure_and_the_planned_figure_are_plain_text(qtbot) -> None:
    """Rich text takes far longer to lay out: the reasons, the planned figure and its note are plain text, each in a
    label of its own look."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QFont, QPalette

    from tdorg.model.chart import Chart
    from tdorg.model.rules import Metric, Report
    from tdorg.ui.panels.metrics_panel import PLAN_NOTE
    from tdorg.ui.widgets import style

    panel = MetricsPanel()
    qtbot.addWidget(panel)
    panel.set_report(Validator(Chart()).report)
    for row, metric in zip(panel.row_widgets, panel._shown, strict=True):
        assert (row.missing.text(), row.planned.text(), row.plan_note.text()) == (metric.missing, "", "")
        assert not row.planned.isVisibleTo(panel) and not row.plan_note.isVisibleTo(panel)
    assert any(row.missing.isVisibleTo(panel) for row in panel.row_widgets)
    planned = Metric("m", "Students per FTE", None, "students", "about 1,900", "", missing="No filled positions yet.",
                     planned=300.0, planned_vacant=2)
    panel.set_report(Report(metrics=[planned]))
    row = panel.row_widgets[0]
    assert [label.text() for label in (row.missing, row.planned, row.plan_note)] == [
        "No filled positions yet.", planned.planned_text(), PLAN_NOTE]
    assert all(label.isVisibleTo(panel) and label.textFormat() == Qt.TextFormat.PlainText
               for label in (row.missing, row.planned, row.plan_note))
    assert row.planned.palette().color(QPalette.ColorRole.WindowText) == QColor(style.VACANT_BORDER)
    assert row.planned.font().weight() == QFont.Weight.DemiBold and row.planned.contentsMargins().top() == 4
    assert row.plan_note.font().pointSizeF() < row.planned.font().pointSizeF()
    assert panel.metric_status() == [f"No filled positions yet. {planned.planned_text()}"]
    alone = Metric("m", "Students per FTE", None, "students", "about 1,900", "", planned=300.0, planned_vacant=2)
    panel.set_report(Report(metrics=[alone]))  # the planned figure first: no gap above it
    assert not row.missing.isVisibleTo(panel) and row.planned.contentsMargins().top() == 0


def test_a_chart_with_no_role_has_one_sentence_and_the_rows_come_with_its_first_role(make_window) -> None:
    """Every ratio of an empty chart would only say it has no figure yet: the panel says what it will show instead,
    and its rows are made (the first window's start does not pay for them) when the chart has a role."""
    from PySide6.QtWidgets import QApplication

    from tdorg.ui.panels.metrics_panel import NO_ROLES

    window = make_window()
    panel = window.metrics
    QApplication.processEvents()
    assert panel.empty.isVisibleTo(panel) and panel.empty.text() == NO_ROLES
    assert panel.row_widgets == [] and panel.findChildren(QLabel) == [panel.empty]
    leader = window.editor.add_role("it_leader", None)
    QApplication.processEvents()
    report = window.sessions.report
    assert not panel.empty.isVisibleTo(panel)
    assert [label for label, _value, _reference in panel.metric_rows()] == [m.label for m in report.metrics]
    alone = MetricsPanel()  # the same rows as a panel given the report from the start
    alone.set_report(report)
    assert _texts(panel) == _texts(alone) and panel.metric_status() == alone.metric_status()
    alone.deleteLater()
    window.editor.delete([leader], [])
    QApplication.processEvents()
    assert panel.empty.isVisibleTo(panel) and panel.row_widgets == [] and panel.metric_rows() == []
    window.stack.undo()
    QApplication.processEvents()
    assert not panel.empty.isVisibleTo(panel) and len(panel.row_widgets) == len(report.metrics)


def test_a_line_that_wraps_anew_is_laid_out_before_the_panel_is_painted(qtbot) -> None:
    """A label of a row's input lines, of its figure's note or reason, set to a text of more (or fewer) lines has
    its row, and the rows below, laid out again before the panel is next painted: the layouts around a label
    each tell the one around them one round of events later, so the row kept its old height for a frame or two,
    its lines drawn over one another, and was laid out and drawn again at the next edit."""
    from PySide6.QtWidgets import QApplication

    from tdorg.model.rules import Metric, Report

    def report(network: str) -> Report:
        lines = ("The IT leader, IT managers and technology roles count their whole filled FTE", network,
                 "Help desk: 136 roles, 136 FTE")
        return Report(metrics=[Metric(f"m{i}", "Students per technology-staff FTE", 386.5, "students", "about 1,900",
                                      "", note="111 filled technology-staff FTE", inputs=lines) for i in range(3)])

    panel = MetricsPanel()
    qtbot.addWidget(panel)
    panel.resize(260, 400)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_report(report("Network: 3 roles, 3 FTE"))
    for _ in range(6):
        QApplication.processEvents()
    for network in ("Network: “Network Manager” and “Network Engineer”, 2 FTE", "Network: 3 roles, 3 FTE") * 2:
        heights = [row.height() for row in panel.row_widgets]
        panel.set_report(report(network))
        QApplication.processEvents()  # one round of events: what the panel is painted in
        for row in panel.row_widgets:
            for label in (row.left, row.note, *(text for _bullet, text in row.inputs.labels)):
                assert label.height() == label.heightForWidth(label.width()), (network, label.text())
            assert row.height() == row.heightForWidth(row.width())
        assert [row.height() for row in panel.row_widgets] != heights, network  # it did wrap anew
