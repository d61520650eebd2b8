"""The boxes' findings badges, kept from report to report by the findings that came and went, are those counted
afresh from the whole report, with and without collapsed managers."""

from __future__ import annotations

import random

import pytest

from tdorg.model.rules import Finding, Report, Severity
from tdorg.ui.canvas.badges import Badges


@pytest.mark.parametrize("seed", range(3))
def test_kept_badges_are_the_badges_counted_afresh(make_window, seed: int) -> None:
    rng = random.Random(seed)
    window = make_window("francis-howell")
    scene, chart = window.scene, window.chart
    roles = list(chart.roles)
    managers = [r for r in roles if chart.child_count(r) and chart.role(r).reports_to]
    pool = [Finding(f"R-{n % 5}", Severity(n % 3), f"Finding {n}", tuple(rng.sample(roles, rng.randrange(1, 4))))
            for n in range(40)]
    findings = rng.sample(pool, 10)
    for step in range(40):
        kind = rng.random()
        if kind < 0.6:
            findings = [f for f in findings if rng.random() > 0.2] + rng.sample(pool, rng.randrange(4))
        elif kind < 0.7:
            findings = findings + findings[:2]  # the same finding twice
        elif kind < 0.85:
            manager = rng.choice(managers)
            window.editor.collapse([manager], not chart.is_collapsed(manager))
        scene.show_report(Report(findings=list(findings)))
        shown = {r: (item.severity, item.finding_count, item.folded[0]) for r, item in scene.role_items().items()}
        kept = scene._badges  # noqa: SLF001 - the scene's own
        afresh = Badges(scene)
        afresh.show(kept.report)
        assert kept.badges == afresh.badges, f"step {step}"
        assert shown == {r: afresh.badges.get(r, (None, 0, 0)) for r in shown}, f"step {step}"
