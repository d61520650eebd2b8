"""Scenarios › Compare…: which charts to put side by side, and one compare window at a time.

The compare window and what it reads (other files, the comparison) load when it is first opened.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6 import QtWidgets  # the file dialog's class is made when first shown
from PySide6.QtWidgets import QWidget

from tdorg.model.errors import TdorgError

from ..files.file_actions import OPEN_FILTER
from ..widgets.error_box import os_error_text, show_error
from ..widgets.splitter_memory import remember_splitters

if TYPE_CHECKING:
    from ..editing.scenario_sessions import ScenarioSessions
    from .compare_follow import CompareFollower
    from .compare_view import CompareDialog, CompareSource


class Comparer(QObject):
    """Opens the compare window over ``sessions``' scenarios or a chart from another file."""

    def __init__(self, sessions: "ScenarioSessions", note: Callable[[str], None], start_folder: Callable[[], str],
                 settings: QSettings, parent: QWidget) -> None:
        """``note`` shows a sentence in the status bar; ``start_folder`` is where the file dialog opens;
        ``settings`` keep where the window's splitters were left."""
        super().__init__(parent)
        self.sessions, self.note, self.start_folder, self.window = sessions, note, start_folder, parent
        self.settings = settings
        self.dialog: "CompareDialog | None" = None
        self.follower: "CompareFollower | None" = None

    def scenario_sources(self) -> list["CompareSource"]:
        from .compare_view import scenario_source

        return [scenario_source(s) for s in self.sessions.sessions]

    def pick_file(self) -> list["CompareSource"]:
        from .compare_view import file_sources

        path, _ = QtWidgets.QFileDialog.getOpenFileName(self.window, "Compare with a File", self.start_folder(),
                                                        OPEN_FILTER)
        if not path:
            return []
        try:
            return file_sources(Path(path))
        except TdorgError as error:
            show_error(self.window, f"Could not open “{Path(path).name}”", error)
        except OSError as error:
            show_error(self.window, f"Could not open “{Path(path).name}”", os_error_text(path, error))
        return []

    def show(self, sources: list["CompareSource"], a: int, b: int) -> "CompareDialog":
        """Open (or replace) the compare window, kept in step with the document while it is open."""
        from .compare_follow import CompareFollower
        from .compare_view import CompareDialog

        if self.dialog is not None:
            self.dialog.close()
        dialog = CompareDialog(sources, a, b, self.pick_file, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        remember_splitters(dialog, self.settings)
        self.dialog = dialog
        self.follower = CompareFollower(dialog, self.sessions, self.note)
        dialog.show()
        return dialog

    def compare_scenarios(self, a: int | None = None, b: int | None = None) -> "CompareDialog | None":
        """Compare two scenarios of the open file: by default the first one with the shown one (or the second)."""
        if len(self.sessions) < 2 and (a is None or b is None):
            return self.compare_with_file()
        active = self.sessions.index
        if a is None or b is None:
            a, b = (0, active) if active != 0 else (0, 1)
        return self.show(self.scenario_sources(), a, b)

    def compare_with_file(self) -> "CompareDialog | None":
        """Compare the shown scenario with a chart the user picks from another file."""
        others = self.pick_file()
        if not others:
            return None
        sources = self.scenario_sources()
        return self.show(sources + others, self.sessions.index, len(sources))
