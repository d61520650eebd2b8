"""The findings panel follows a new report by difference: what stayed keeps its item, the rest is as a rebuild."""

from __future__ import annotations

import random

import pytest

from tdorg.model.rules import Finding, Report, Severity
from tdorg.ui.panels.findings_panel import FindingsPanel


def _finding(n: int, severity: Severity) -> Finding:
    return Finding(rule_id=f"R-{n % 7}", severity=severity, message=f"Finding {n}", role_ids=(f"r{n}",))


POOL = [_finding(n, (Severity.ERROR, Severity.WARNING, Severity.INFO)[n % 3]) for n in range(60)]


def _listed(panel: FindingsPanel) -> list[list[tuple[str, str]]]:
    """Each group's heading and the (message, rule) of its items, top to bottom."""
    out = []
    tree = panel.tree
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        out.append([(group.text(0), "")] + [(group.child(j).text(0), group.child(j).text(1))
                                            for j in range(group.childCount())])
    return out


@pytest.mark.parametrize("seed", range(6))
def test_every_new_report_lists_what_a_rebuilt_panel_lists(qtbot, seed: int) -> None:
    rng = random.Random(seed)
    panel, fresh = FindingsPanel(), FindingsPanel()
    qtbot.addWidget(panel)
    qtbot.addWidget(fresh)
    findings = rng.sample(POOL, 20)
    panel.set_report(Report(findings=findings), None)
    for _ in range(40):
        step = rng.random()
        if step < 0.4:  # a few come, a few go: the usual edit
            findings = [f for f in findings if rng.random() > 0.1]
            for f in rng.sample(POOL, 3):
                if f not in findings:
                    findings.insert(rng.randrange(len(findings) + 1), f)
        elif step < 0.6:
            rng.shuffle(findings)  # the same findings in another order
        elif step < 0.7:
            findings = []
        else:
            findings = rng.sample(POOL, rng.randrange(40))
        panel.set_report(Report(findings=findings), None)
        fresh._shown = None  # noqa: SLF001 — a panel showing the report from scratch
        fresh.set_report(Report(findings=findings), None)
        assert _listed(panel) == _listed(fresh)
        assert panel.findings() == findings
        assert panel.counts() == {s: sum(1 for f in findings if f.severity == s) for s in Severity}
        assert all(panel.item_for(f).text(0) == f.message for f in findings)


def test_an_edit_keeps_the_items_of_unchanged_findings_and_the_current_one(qtbot) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    first = POOL[:12]
    panel.set_report(Report(findings=first), None)
    kept = panel.item_for(POOL[4])
    panel.tree.setCurrentItem(kept)
    assert panel.current_finding() == POOL[4]
    panel.set_report(Report(findings=[*first[:3], POOL[30], *first[5:]]), None)  # one went, one came
    assert panel.item_for(POOL[4]) is None and panel.current_finding() is None  # the shown finding went
    same = panel.item_for(POOL[6])
    panel.tree.setCurrentItem(same)
    panel.set_report(Report(findings=[*first[:3], POOL[30], POOL[33], *first[5:]]), None)
    assert panel.item_for(POOL[6]) is same  # not made again
    assert panel.current_finding() == POOL[6]
    assert POOL[6].message in panel.detail.text()


def test_a_group_collapsed_by_the_user_stays_collapsed_and_one_that_fills_opens(qtbot) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    errors = [f for f in POOL if f.severity == Severity.ERROR]
    warnings = [f for f in POOL if f.severity == Severity.WARNING]
    panel.set_report(Report(findings=errors[:3]), None)
    panel.group(Severity.ERROR).setExpanded(False)
    panel.set_report(Report(findings=[*errors[:4], warnings[0]]), None)
    assert not panel.group(Severity.ERROR).isExpanded()
    assert panel.group(Severity.WARNING).isExpanded()
    assert panel.group(Severity.ERROR).text(0).endswith("(4)")


def test_the_rule_column_holds_every_rule_id_whole_and_keeps_its_width(qtbot) -> None:
    """As wide as a column sized to its contents would be for the widest rule id: sized to the ids in view, it
    moved a pixel as findings came and went, and every row in view was drawn again."""
    from PySide6.QtWidgets import QApplication, QTreeWidgetItem

    from tdorg.model.rules import RULES_BY_ID

    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.resize(700, 200)
    panel.show()
    header = panel.tree.header()
    width = header.sectionSize(1)
    probe = FindingsPanel()  # Qt's own measure of each id in a column sized to its contents
    qtbot.addWidget(probe)
    probe.show()
    needed = []
    for rule_id in RULES_BY_ID:
        probe.tree.clear()
        probe.tree.addTopLevelItem(QTreeWidgetItem(["", rule_id]))
        needed.append(probe.tree.sizeHintForColumn(1))
    assert width == max(*needed, header.sectionSizeHint(1))
    widths = set()
    for n in range(12):
        panel.set_report(Report(findings=[Finding(rule_id=rule_id, severity=Severity.WARNING, message=f"Finding {i}")
                                          for i, rule_id in enumerate(sorted(RULES_BY_ID)[n:n + 3])]), None)
        QApplication.processEvents()
        widths.add(header.sectionSize(1))
    assert widths == {width}
    panel.set_report(Report(disabled={"NEWER-RULE-12": "From a later version"}), None)  # an id unknown here
    QApplication.processEvents()
    item = panel._off_group.child(0)  # noqa: SLF001
    assert item.text(1) == "NEWER-RULE-12" and header.sectionSize(1) > width
    probe.tree.clear()
    probe.tree.addTopLevelItem(QTreeWidgetItem(["", "NEWER-RULE-12"]))
    assert header.sectionSize(1) == probe.tree.sizeHintForColumn(1)
