"""Rough edges of the editor a desktop user meets: panels, fields, labels, messages and the toolbar."""

from tdorg.model.formats import load_chart
from tdorg.model.rules import Severity, validate
from tdorg.ui.findings_panel import FindingsPanel

from .charts import compliant_chart
from .samples import SAMPLES


def test_groups_with_findings_show_expanded_after_a_chart_that_had_none(qtbot):
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    clean = compliant_chart()
    panel.set_report(validate(clean), clean)
    assert panel.counts()[Severity.ERROR] == 0
    broken = load_chart(SAMPLES / "francis-howell.json")
    panel.set_report(validate(broken), broken)
    assert panel.counts()[Severity.ERROR] and panel.counts()[Severity.WARNING]
    for severity, count in panel.counts().items():
        assert panel.group(severity).isExpanded() == bool(count), severity
    # a group the user collapsed stays collapsed while it keeps findings
    panel.group(Severity.WARNING).setExpanded(False)
    other = load_chart(SAMPLES / "patrick-henry.json")
    panel.set_report(validate(other), other)
    assert panel.counts()[Severity.WARNING] and not panel.group(Severity.WARNING).isExpanded()
    assert panel.group(Severity.INFO).isExpanded()
