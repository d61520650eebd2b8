"""Cut, Copy, Paste and Duplicate of the selected boxes, through the system's clipboard.

Copy puts the selected roles and their subtrees on the clipboard as tdorg
data (:data:`~tdorg.model.clipboard.MIME_TYPE`) and as an indented outline of
titles, so the same copy pastes into another scenario or window of tdorg and,
as text, into an e-mail. Cut, Paste and Duplicate are one undo step each
(:mod:`tdorg.model.clipboard` builds their operations); the pasted roles end
up selected. Whatever cannot be done is said on ``refused`` (the status line),
never raised.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QMimeData, QObject, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

from tdorg.model import clipboard as copied
from tdorg.model.chart import Chart
from tdorg.model.edit_texts import quoted
from tdorg.model.edits import Op
from tdorg.model.errors import EditError
from tdorg.model.plural import plural

from .editor import Editor

#: Duplicate's key: no platform names a standard one.
DUPLICATE_KEY = "Ctrl+D"


class RoleClipboard(QObject):
    """The clipboard commands of the canvas, acting on the editor's chart and the selection."""

    #: What Cut, Copy, Duplicate or Paste can do may have changed (the clipboard's content did).
    changed = Signal()

    def __init__(self, editor: Editor, selected: Callable[[], list[str]], show: Callable[[list[str]], None],
                 note: Callable[[str], None], parent: QObject | None = None) -> None:
        """``selected`` gives the selected roles, ``show`` selects and reveals roles, ``note`` says what was done."""
        super().__init__(parent)
        self.editor, self.selected, self.show, self.note = editor, selected, show, note
        self.clipboard = QGuiApplication.clipboard()
        self.clipboard.dataChanged.connect(self.changed)
        self._canvas: QWidget | None = None

    # --- state ------------------------------------------------------------------

    def can_copy(self) -> bool:
        chart = self.editor.chart
        return chart is not None and any(r in chart for r in self.selected())

    def holds_roles(self) -> bool:
        """True when the clipboard has tdorg roles (checked only when pasted)."""
        mime = self.clipboard.mimeData()
        return mime is not None and mime.hasFormat(copied.MIME_TYPE)

    # --- commands ---------------------------------------------------------------

    def copy(self) -> bool:
        ids = self._chosen("copy")
        if not ids:
            return False
        self.clipboard.setMimeData(self._mime(ids))
        count = len(copied.copied_ids(self._chart(), ids))
        self.note(f"Copied {plural(count, 'role')}; select a box and paste (Ctrl+V) to add them under it.")
        return True

    def cut(self) -> bool:
        ids = self._chosen("cut")
        if not ids:
            return False
        chart = self._chart()
        mime = self._mime(ids, cut=True)
        removed = copied.copied_ids(chart, ids)
        text = f"Cut {self._named(removed)}"
        if not self.editor.run(text, copied.cut_ops(chart, ids)):
            return False
        self.clipboard.setMimeData(mime)
        return True

    def paste(self) -> bool:
        chart = self.editor.chart
        if chart is None:
            return False
        roles = self._read()
        if roles is None:
            return False
        selected = [r for r in self.selected() if r in chart]
        if len(selected) > 1:
            self.editor.refuse("Select one box to paste under, or none to paste as top-level roles.")
            return False
        manager = selected[0] if selected else None
        ops, new_ids = copied.paste_ops(chart, roles, manager)
        where = (f" under {quoted(chart.role(manager).title)}" if manager
                 else " as a top-level role" if len(new_ids) == 1 else " as top-level roles")
        if not self._run(f"Paste {self._named(new_ids, roles)}{where}", ops, new_ids):
            return False
        if manager is None:
            self.note("Pasted as top-level roles: select a box first to paste under it.")
        return True

    def duplicate(self) -> bool:
        ids = self._chosen("duplicate")
        if not ids:
            return False
        chart = self._chart()
        try:
            ops, new_ids = copied.duplicate_ops(chart, ids)
        except EditError as error:
            self.editor.refuse(str(error))
            return False
        return self._run(f"Duplicate {self._named(copied.copied_ids(chart, ids))}", ops, new_ids)

    def watch_keys(self, canvas: QWidget) -> None:
        """Say why Ctrl+X, C, V or D does nothing on ``canvas`` while its command is off (their actions,
        switched off, let the key through to the canvas)."""
        canvas.installEventFilter(self)
        self._canvas = canvas

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._canvas and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            Key = QKeySequence.StandardKey
            for key, command in ((Key.Copy, self.copy), (Key.Cut, self.cut), (Key.Paste, self.paste)):
                if event.matches(key):
                    command()
                    return True
            if QKeySequence(event.keyCombination()) == QKeySequence(DUPLICATE_KEY):
                self.duplicate()
                return True
        return super().eventFilter(watched, event)

    # --- helpers ------------------------------------------------------------------

    def _chart(self) -> Chart:
        assert self.editor.chart is not None
        return self.editor.chart

    def _chosen(self, verb: str) -> list[str]:
        """The selected roles, or [] after saying that there are none to ``verb``."""
        chart = self.editor.chart
        ids = [r for r in self.selected() if chart is not None and r in chart]
        if chart is not None and not ids:
            self.editor.refuse(f"Select the boxes to {verb} first.")
        return ids

    def _named(self, ids: list[str], roles: copied.Copied | None = None) -> str:
        """“Title” for one role, else "N roles" (titles read from ``roles`` before they are pasted)."""
        if len(ids) != 1:
            return plural(len(ids), "role")
        if roles is not None:
            return quoted(roles.roles.role(roles.roles.tree_order()[0]).title)
        return quoted(self._chart().role(ids[0]).title)

    def _mime(self, ids: list[str], cut: bool = False) -> QMimeData:
        chart = self._chart()
        mime = QMimeData()
        mime.setData(copied.MIME_TYPE, copied.payload_json(copied.payload(chart, ids, cut)).encode("utf-8"))
        mime.setText(copied.outline(chart, ids))
        return mime

    def _read(self) -> copied.Copied | None:
        """The clipboard's roles, or ``None`` after saying why there are none to paste."""
        mime = self.clipboard.mimeData()
        if mime is None or not mime.formats():
            self.editor.refuse("Nothing to paste: copy boxes first (select them and press Ctrl+C).")
            return None
        if not mime.hasFormat(copied.MIME_TYPE):
            held = "text" if mime.hasText() else "something else"
            self.editor.refuse(f"The clipboard holds {held}, not tdorg roles: copy boxes on a chart first.")
            return None
        try:
            return copied.read(bytes(mime.data(copied.MIME_TYPE).data()).decode("utf-8"))
        except UnicodeDecodeError:
            self.editor.refuse("The clipboard's tdorg data is damaged (not UTF-8 text); copy the boxes again.")
        except EditError as error:
            self.editor.refuse(str(error))
        return None

    def _run(self, text: str, ops: list[Op], new_ids: list[str]) -> bool:
        if not self.editor.run(text, ops):
            return False
        self.show(new_ids)
        return True
