"""The canvas, its gestures and the editor work without a main window: a scene, a view, one session."""

from __future__ import annotations

import pytest

from tdorg.model.document import Document
from tdorg.model.rules import validate
from tests.charts import compliant_chart

pytest.importorskip("PySide6.QtWidgets")

from tdorg.ui.canvas.scene import ChartScene  # noqa: E402
from tdorg.ui.canvas.view import ChartView  # noqa: E402
from tdorg.ui.editing.editor import Editor  # noqa: E402
from tdorg.ui.editing.scenario_sessions import ScenarioSessions  # noqa: E402


@pytest.fixture
def canvas(qtbot):
    """A session over a compliant chart, shown on a scene in a view whose gestures edit through an editor.

    A plain widget owns them all, as the main window would; nothing else is built."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication, QWidget

    host = QWidget()
    qtbot.addWidget(host)
    sessions = ScenarioSessions(host)
    sessions.load(Document.of(compliant_chart()))
    editor = Editor(sessions.stack, host)
    editor.chart = sessions.active.chart
    scene = ChartScene(host)
    scene.set_chart(sessions.active.chart, sessions.report)
    sessions.reportChanged.connect(scene.show_report)
    sessions.group.indexChanged.connect(scene.flush)
    view = ChartView(scene, editor, host)
    refusals: list[str] = []
    editor.refused.connect(refusals.append)
    yield sessions, editor, scene, view, refusals
    for signalling in (sessions, sessions.group, scene):  # nothing may signal into objects on their way out
        signalling.blockSignals(True)
    scene.detach()
    sessions.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def worst_by_role(report) -> dict:
    worst: dict = {}
    for finding in report.findings:
        for role_id in finding.role_ids:
            worst[role_id] = max(worst.get(role_id, finding.severity), finding.severity)
    return worst


def centre_of(scene: ChartScene, role_id: str):
    return scene.item(role_id).sceneBoundingRect().center()


def test_dropping_a_box_on_another_moves_it_as_one_undo_step(canvas):
    sessions, editor, scene, view, refusals = canvas
    chart = sessions.active.chart
    assert chart.role("hd").reports_to != "net"
    assert view.gestures.drop_roles(["hd"], centre_of(scene, "net"))
    assert chart.role("hd").reports_to == "net" and not refusals
    assert sessions.stack.count() == 1 and sessions.stack.undoText().startswith("Move “Help Desk Technician”")
    x, y = scene.layout.positions["hd"]
    assert (scene.item("hd").pos().x(), scene.item("hd").pos().y()) == (x, y), "the scene relaid the box"
    sessions.group.undo()
    assert chart.role("hd").reports_to == "cto"


def test_a_drop_that_would_make_a_loop_is_refused_with_the_reason(canvas):
    sessions, editor, scene, view, refusals = canvas
    before = sessions.active.chart.copy()
    assert not view.gestures.drop_roles(["cto"], centre_of(scene, "net"))
    assert sessions.active.chart == before and sessions.stack.count() == 0
    assert refusals and "Director of Technology" in refusals[-1]


def test_a_read_only_view_changes_nothing(canvas):
    sessions, _editor, scene, _view, _refusals = canvas
    read_only = ChartView(scene, None, scene.parent())
    before = sessions.active.chart.copy()
    assert not read_only.gestures.drop_roles(["hd"], centre_of(scene, "net"))
    assert read_only.gestures.drop_category("security", centre_of(scene, "net")) is None
    assert sessions.active.chart == before


def test_the_session_announces_each_new_report_and_the_scene_badges_from_it(canvas):
    sessions, editor, scene, view, _refusals = canvas
    announced = []
    sessions.reportChanged.connect(announced.append)
    new_id = view.gestures.drop_category("security", centre_of(scene, "cto"))
    assert new_id is not None and sessions.active.chart.role(new_id).reports_to == "cto"
    assert announced and announced[-1] is sessions.report
    assert announced[-1].findings == validate(sessions.active.chart).findings
    editor.delete(["dpo"])  # no privacy officer: findings that name roles
    badges = worst_by_role(sessions.report)
    assert badges
    assert {r: scene.item(r).severity for r in sessions.active.chart.roles} == {
        r: badges.get(r) for r in sessions.active.chart.roles}
    sessions.group.undo()
    badges = worst_by_role(sessions.report)
    assert {r: scene.item(r).severity for r in sessions.active.chart.roles} == {
        r: badges.get(r) for r in sessions.active.chart.roles}, "undo brings the badges back with the report"
