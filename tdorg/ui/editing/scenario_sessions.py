"""The scenarios of the open document, each with its own undo history and live findings.

Every scenario gets a :class:`ScenarioSession`: its own ``QUndoStack`` (all
of them in one ``QUndoGroup``, whose active stack is the shown scenario's,
so Edit › Undo acts on the scenario on screen) and its own ``Validator``.
After every step of the shown scenario's stack, and whenever another
scenario is shown, the sessions revalidate and announce the shown scenario's
report on ``reportChanged``: the canvas, the panels, the status line and the
export take their findings from there.
Duplicating, renaming, reordering and deleting scenarios are not undo steps: they change
the document at once and mark it modified until the next save.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, Signal
from PySide6.QtGui import QUndoGroup, QUndoStack

from tdorg.model.chart import Chart
from tdorg.model.document import Document, Scenario
from tdorg.model.rules import Report, Validator
from tdorg.model.scenarios import ScenarioSummary, duplicate_name, move_scenario, scenario_summaries, set_active


class ScenarioSession:
    """One scenario of the document with its undo stack, validator and remembered view."""

    def __init__(self, scenario: Scenario, parent: QObject) -> None:
        self.scenario = scenario
        self.stack = QUndoStack(parent)
        self.validator = Validator(scenario.chart)
        #: (scale, centre) of the canvas when the user last left this scenario.
        self.view: tuple[float, QPointF] | None = None

    @property
    def chart(self) -> Chart:
        return self.scenario.chart

    @property
    def report(self) -> Report:
        """The scenario's findings and metrics, revalidated for its latest edit."""
        return self.validator.report

    @property
    def name(self) -> str:
        return self.scenario.name

    def close(self) -> None:
        self.validator.close()


class ScenarioSessions(QObject):
    """The document's scenarios as sessions; switching re-targets the undo group."""

    #: The shown scenario is about to change (save what belongs to it).
    aboutToSwitch = Signal()
    #: Another scenario is now shown (after a switch, a delete or a new document).
    activeChanged = Signal()
    #: Scenarios were added, renamed, reordered or removed.
    listChanged = Signal()
    #: The document's modified state may have changed without an undo step.
    modifiedChanged = Signal()
    #: The shown scenario has a new report (after an edit, an undo, a redo or a switch).
    reportChanged = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.group = QUndoGroup(self)
        self.document = Document.of(Chart())
        self.sessions: list[ScenarioSession] = []
        #: True after a duplicate, rename, delete or added scenario not yet saved.
        self.structure_changed = False
        self._announced: Report | None = None
        self.load(self.document)

    # --- the document -----------------------------------------------------------

    def load(self, document: Document) -> None:
        """Sessions for every scenario of ``document`` (the old ones are closed)."""
        self.close()
        self.document = document
        self.sessions = [self._session(s) for s in document.scenarios]
        self.structure_changed = False
        self.group.setActiveStack(self.active.stack)
        self.listChanged.emit()
        self._shown()

    def _session(self, scenario: Scenario) -> ScenarioSession:
        session = ScenarioSession(scenario, self)
        self.group.addStack(session.stack)
        session.stack.indexChanged.connect(lambda _index, s=session: self._stepped(s))
        return session

    def close(self) -> None:
        for session in self.sessions:
            session.close()
            self.group.removeStack(session.stack)
            session.stack.deleteLater()
        self.sessions = []

    def __len__(self) -> int:
        return len(self.sessions)

    @property
    def index(self) -> int:
        return self.document.active

    @property
    def active(self) -> ScenarioSession:
        return self.sessions[self.document.active]

    @property
    def stack(self) -> QUndoStack:
        return self.active.stack

    @property
    def report(self) -> Report:
        """The shown scenario's report."""
        return self.active.report

    def names(self) -> list[str]:
        return [s.name for s in self.sessions]

    def reports(self) -> list[Report]:
        return [s.validator.report for s in self.sessions]

    def summaries(self) -> list[ScenarioSummary]:
        return scenario_summaries(self.document, self.reports())

    # --- modified state -----------------------------------------------------------

    def is_modified(self) -> bool:
        return self.structure_changed or any(not s.stack.isClean() for s in self.sessions)

    def set_clean(self) -> None:
        for session in self.sessions:
            session.stack.setClean()
        self.structure_changed = False
        self.modifiedChanged.emit()

    def _structure_changed(self) -> None:
        self.structure_changed = True
        self.listChanged.emit()
        self.modifiedChanged.emit()

    # --- the shown scenario's report --------------------------------------------------

    def _shown(self) -> None:
        """Another scenario (or document) is shown: say so, then announce its report."""
        self.activeChanged.emit()
        self._announced = self.report
        self.reportChanged.emit(self._announced)

    def _stepped(self, session: ScenarioSession) -> None:
        """A step of ``session``'s stack: revalidate and announce a new report of the shown scenario."""
        if self.sessions and session is self.active and session.report is not self._announced:
            self._announced = session.report
            self.reportChanged.emit(self._announced)

    # --- scenario operations ----------------------------------------------------------

    def switch(self, index: int) -> bool:
        """Show scenario ``index``; False when it already is the shown one."""
        if index == self.document.active:
            return False
        if not 0 <= index < len(self.sessions):
            raise IndexError(index)
        self.aboutToSwitch.emit()
        set_active(self.document, index)
        self.group.setActiveStack(self.active.stack)
        self._shown()
        return True

    def duplicate(self, index: int | None = None, name: str | None = None) -> int:
        """Copy scenario ``index`` (the shown one by default) right after it and show the copy.

        Raises ``FieldValueError`` for a name that is empty, too long or taken.
        """
        index = self.document.active if index is None else index
        name = duplicate_name(self.document, index) if name is None else name
        new = self.document.duplicate(index, name)
        self.sessions.insert(new, self._session(self.document.scenarios[new]))
        self._shift_active_for_insert(new)
        self._structure_changed()
        self.switch(new)
        return new

    def add(self, name: str, chart: Chart, show: bool = True) -> int:
        """Add ``chart`` as a new last scenario (e.g. an import); shows it unless ``show`` is False."""
        new = self.document.add(name, chart)
        self.sessions.insert(new, self._session(self.document.scenarios[new]))
        self._structure_changed()
        if show:
            self.switch(new)
        return new

    def rename(self, index: int, name: str) -> bool:
        """Rename scenario ``index``; raises ``FieldValueError`` for a bad or taken name."""
        old = self.document.rename(index, name)
        if self.document.scenarios[index].name == old:
            return False
        self._structure_changed()
        return True

    def move(self, index: int, new_index: int) -> bool:
        """Move scenario ``index`` to position ``new_index`` (the shown one stays shown); False when it is there."""
        if index == new_index:
            return False
        move_scenario(self.document, index, new_index)
        self.sessions.insert(new_index, self.sessions.pop(index))
        self._structure_changed()
        return True

    def delete(self, index: int) -> None:
        """Remove scenario ``index`` (never the last one: ``FieldValueError``)."""
        shown = self.active
        was_shown = index == self.document.active
        if was_shown:
            self.aboutToSwitch.emit()
        self.document.remove(index)
        session = self.sessions.pop(index)
        if was_shown:
            self.document.active = min(index, len(self.sessions) - 1)
        else:
            self.document.active = self.sessions.index(shown)
        self.group.setActiveStack(self.active.stack)
        session.close()
        self.group.removeStack(session.stack)
        session.stack.deleteLater()
        self._structure_changed()
        if was_shown:
            self._shown()

    def _shift_active_for_insert(self, inserted: int) -> None:
        """Keep the shown scenario shown when one is inserted before it."""
        if inserted <= self.document.active:
            self.document.active += 1
