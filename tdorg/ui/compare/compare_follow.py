"""Keeping an open compare window in step with the document's scenarios.

Every scenario's chart is observed while the window is open. An edit (or an
undo) marks that scenario's copy out of date; when one of the two compared
scenarios changed, the window compares again once the edits pause for
``DELAY_MS``, so a burst of edits costs one comparison. Renaming, moving,
duplicating and deleting scenarios re-target the window: a side whose
scenario was deleted turns to the shown scenario (or another one); when
fewer than two charts are left to compare, or another document is opened,
the window closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel

from tdorg.model.chart import Change

from ..widgets import style
from .compare_view import CompareDialog, CompareSource, scenario_source

if TYPE_CHECKING:
    from ..editing.scenario_sessions import ScenarioSessions

DELAY_MS = 300


class CompareFollower(QObject):
    """Observes the document's scenarios on behalf of ``dialog`` until it closes."""

    def __init__(self, dialog: CompareDialog, sessions: "ScenarioSessions", note: Callable[[str], None]) -> None:
        """Follow ``sessions`` for ``dialog``; ``note`` says in the status bar why the dialog closed."""
        super().__init__(dialog)
        self.dialog = dialog
        self.sessions = sessions
        self.note = note
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.update_now)
        self.notice = QLabel()  # why a side changed to another scenario
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(f"background: {style.MARK_COLOURS['changed'][1]}; border-radius: 4px; "
                                  "padding: 4px 8px;")
        self.notice.hide()
        dialog.layout().insertWidget(1, self.notice)
        for combo in (dialog.combo_a, dialog.combo_b):  # the user picked a side: the notice has done its job
            combo.activated.connect(lambda _index: self.notice.hide())
        unsubscribes: list[Callable[[], None]] = []
        self._unsubscribes = unsubscribes
        self._stopped = False
        self._observe()
        self.sessions.listChanged.connect(self._list_changed)
        dialog.finished.connect(lambda _result: self.stop())
        # the dialog may go with the window without being closed: stop observing the charts then too
        dialog.destroyed.connect(lambda *_: [unsubscribe() for unsubscribe in list(unsubscribes)])

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        self.timer.stop()
        self._forget()
        self.sessions.listChanged.disconnect(self._list_changed)

    # --- edits ----------------------------------------------------------------------

    def _observe(self) -> None:
        self._forget()
        for source in self.dialog.sources:
            if source.session is not None:
                self._unsubscribes.append(source.session.chart.subscribe(
                    lambda change, source=source: self._changed(source, change)))

    def _forget(self) -> None:
        for unsubscribe in self._unsubscribes:
            unsubscribe()
        self._unsubscribes.clear()

    def _changed(self, source: CompareSource, _change: Change) -> None:
        if self._stopped:
            return
        source.stale = True
        if source in self.dialog.compared():
            self.timer.start()  # (re)starts the wait: a burst of edits gives one comparison

    def update_now(self) -> None:
        """Compare again with fresh copies of the compared scenarios that changed."""
        self.timer.stop()
        if not self._stopped and any(s.stale for s in self.dialog.compared()):
            self.dialog.refresh()

    # --- the list of scenarios ----------------------------------------------------------

    def _list_changed(self) -> None:
        dialog = self.dialog
        old = dialog.sources
        by_session = {id(s.session): s for s in old if s.session is not None}
        current = self.sessions.sessions
        if not any(id(session) in by_session for session in current):
            self._close("Another document is open; the compare window closed.")
            return
        sources: list[CompareSource] = []
        for session in current:
            source = by_session.get(id(session)) or scenario_source(session)
            source.label = session.name
            sources.append(source)
        sources.extend(s for s in old if s.session is None)  # charts from other files stay
        if len(sources) < 2:
            self._close("Only one chart is left to compare; the compare window closed.")
            return
        before, after = dialog.compared()
        a = sources.index(before) if before in sources else None
        b = sources.index(after) if after in sources else None
        gone = [s.label for s in (before, after) if s not in sources]
        a = self._replacement(sources, b) if a is None else a
        b = self._replacement(sources, a) if b is None else b
        dialog.sources = sources
        self._observe()
        dialog.choose(a, b)
        if gone:
            self.notice.setText(f"The scenario “{gone[0]}” was deleted; now comparing “{sources[a].label}” "
                                f"with “{sources[b].label}”.")
            self.notice.show()

    def _replacement(self, sources: list[CompareSource], other: int | None) -> int:
        """The shown scenario, unless the other side has it; else the first source the other side lacks."""
        shown = self.sessions.index
        if shown != other:
            return shown
        return next(i for i in range(len(sources)) if i != other)

    def _close(self, note: str) -> None:
        self.stop()
        self.dialog.close()
        self.note(note)

