"""Small typed field widgets for the properties panel and dialogs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QValidator, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tdorg.model.vocab import FUNCTIONS, label

from .actions import literal
from .wrapping_check import WrappingCheckBox


class ErrorLabel(QLabel):
    """A red sentence under a field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "field-error")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))


class NotesEdit(QPlainTextEdit):
    """Plain text that commits when the user leaves it."""

    committed = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.committed.emit()


def heading(text: str) -> QLabel:
    widget = QLabel(text.upper())
    widget.setProperty("role", "heading")
    return widget


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Give ``widget`` a red border while its value is refused."""
    if bool(widget.property("invalid")) != invalid:
        widget.setProperty("invalid", invalid)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class DocumentUndoKeys(QObject):
    """Gives a text field's Undo and Redo keys (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y) to the document instead of the
    field's own typing history: ``undo()`` or ``redo()`` runs in their place.

    The field's events are watched only while it has the keyboard focus, the only time keys come to it: a form
    of fields is laid out and painted at every selection, each of its events otherwise a call into Python.
    """

    def __init__(self, field: QWidget, undo: Callable[[], object], redo: Callable[[], object]) -> None:
        super().__init__(field)
        self._field = field
        self._undo, self._redo = undo, redo
        QApplication.instance().focusChanged.connect(self._focus_changed)
        if field.hasFocus():
            field.installEventFilter(self)

    def _focus_changed(self, old: QWidget | None, now: QWidget | None) -> None:
        if now is self._field:
            self._field.installEventFilter(self)
        elif old is self._field:
            self._field.removeEventFilter(self)

    def _handler(self, event: QKeyEvent) -> Callable[[], object] | None:
        if event.matches(QKeySequence.StandardKey.Undo):
            return self._undo
        redo_y = event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier
        return self._redo if event.matches(QKeySequence.StandardKey.Redo) or redo_y else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(event, QKeyEvent):
            handler = self._handler(event)
            if handler is not None:
                event.accept()  # the window's Undo shortcut stays quiet: the key comes here as a key press
                if event.type() == QEvent.Type.KeyPress:
                    handler()
                return True
        return super().eventFilter(watched, event)


class _ExplainsRange:
    """A spin box that keeps a typed number outside its range in view until the field is left, then says
    beside the field why it was not taken (the value stays as it was) instead of dropping it silently; it
    takes a wheel turn only once it has focus (a click or Tab), never while the user scrolls past it."""

    _what = ""
    _least: float | None = None
    _label: ErrorLabel | None = None
    _refused = False

    def explain_in(self, label: ErrorLabel, what: str, least: float | None = None) -> None:
        """Say in ``label`` why a value of ``what`` was refused; ``least``: the smallest number a person may
        type when the box's minimum stands for a special value such as "Unknown"."""
        self._label, self._what, self._least = label, what, least

    def take_refusal(self) -> bool:
        """Whether a value was refused since the last call: a dialog's OK then stays open with the reason."""
        refused, self._refused = self._refused, False
        return refused

    def _steady(self) -> None:
        """The value changes only when meant: typing on Enter or on leaving the field, the wheel once focused."""
        spin: QAbstractSpinBox = self  # type: ignore[assignment]
        spin.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel turn does not give it focus
        spin.setKeyboardTracking(False)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        if self.hasFocus():  # type: ignore[attr-defined]
            super().wheelEvent(event)  # type: ignore[misc]
        else:
            event.ignore()  # an ignored turn travels on to the parent widgets: the list scrolls

    def _least_value(self) -> float:
        return self.minimum() if self._least is None else self._least  # type: ignore[attr-defined]

    def _typed(self, text: str) -> float | None:
        """The number in ``text`` when it is one the box can't take (outside the range, or finer than its
        decimal places); else ``None``."""
        spin: QAbstractSpinBox = self  # type: ignore[assignment]
        locale = spin.locale()
        typed = text.strip().replace("\u2212", "-").replace(locale.groupSeparator(), "")  # "1,0000" too
        number, ok = locale.toDouble(typed)
        if not ok:
            return None
        in_range = self._least_value() <= number <= self.maximum()  # type: ignore[attr-defined]
        return None if in_range and not self._too_fine(typed) else number

    def _places(self) -> int:
        return self.decimals() if isinstance(self, QDoubleSpinBox) else 0

    def _too_fine(self, typed: str) -> bool:
        """Whether ``typed`` has more decimal places than the box keeps (trailing zeros aside); in a box of
        whole numbers, any decimal point."""
        point = self.locale().decimalPoint()  # type: ignore[attr-defined]
        if point not in typed:
            return False
        places = self._places()
        return not places or len(typed.partition(point)[2].rstrip("0")) > places

    def validate(self, text: str, pos: int) -> object:
        state, text, pos = super().validate(text, pos)  # type: ignore[misc]
        if self._typed(text) is not None:
            state = QValidator.State.Intermediate  # shown as typed; refused with the reason on leaving
        return state, text, pos

    def fixup(self, text: str) -> str:
        if self._label is not None and self._typed(text) is not None:
            self._refused = True
            self._label.show_error(self._refusal(text))
        return super().fixup(text)  # type: ignore[misc]

    def _refusal(self, text: str) -> str:
        spin: QSpinBox | QDoubleSpinBox = self  # type: ignore[assignment]
        number = self._typed(text) or 0.0
        least = self._least_value()
        places = self._places()
        if least <= number <= spin.maximum():
            limit = f"takes at most {places} decimal places" if places else "takes whole numbers only"
        elif number > spin.maximum():
            limit = f"can be at most {spin.textFromValue(spin.maximum())}"
        elif least == 0:
            limit = "can't be negative"
        else:
            limit = f"must be at least {spin.textFromValue(least)}"
        unknown = spin.specialValueText() and spin.value() == spin.minimum()
        kept = spin.specialValueText() if unknown else spin.textFromValue(spin.value())
        return f"{self._what} {limit}; “{text.strip()}” was not taken, so it stays {kept}."


class NumberBox(_ExplainsRange, QSpinBox):
    """A whole number that takes the wheel only once focused and explains a refused value; typing changes
    the value on Enter or on leaving the field, when what was typed is taken or refused."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._steady()


class DecimalBox(_ExplainsRange, QDoubleSpinBox):
    """A decimal number, as :class:`NumberBox`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._steady()


def narrow(combo: QComboBox, letters: int = 10) -> None:
    """Let ``combo`` be narrower than its longest entry (shown in its list), so a narrow panel fits it."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(letters)


class CheckGroup(QWidget):
    """One checkbox per vocabulary entry, in two columns; emits the chosen keys."""

    changed = Signal(tuple)

    def __init__(self, vocabulary: dict[str, str], columns: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        for n, (key, text) in enumerate(vocabulary.items()):
            box = WrappingCheckBox(literal(text))  # a long label wraps in a narrow panel
            box.toggled.connect(self._toggled)
            self._boxes[key] = box
            grid.addWidget(box, n // columns, n % columns)

    def set_keys(self, keys: tuple[str, ...] | frozenset[str]) -> None:
        for key, box in self._boxes.items():
            box.blockSignals(True)
            box.setChecked(key in keys)
            box.blockSignals(False)

    def keys(self) -> tuple[str, ...]:
        return tuple(k for k, b in self._boxes.items() if b.isChecked())

    def box(self, key: str) -> QCheckBox:
        return self._boxes[key]

    def _toggled(self, _checked: bool) -> None:
        self.changed.emit(self.keys())


class FunctionList(QWidget):
    """An editable list of function names, completing from the framework's functions."""

    changed = Signal(tuple)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._keys: list[str] = []
        self.list = _DeletingList(self)
        self.list.setMaximumHeight(84)
        self.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.list.deleteRequested.connect(self._remove_selected)
        self.input = QLineEdit(self)
        self.input.setPlaceholderText("Add a function, e.g. network")
        words = sorted(FUNCTIONS.values(), key=str.casefold)  # the labels: a typed key maps to its label's key
        completer = QCompleter(QStringListModel(words, self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        popup = completer.popup()
        longest = max(popup.fontMetrics().horizontalAdvance(w) for w in words)
        popup.setMinimumWidth(longest + popup.verticalScrollBar().sizeHint().width() + 4 * popup.frameWidth() + 16)
        self.input.setCompleter(completer)
        # a suggestion picked with Enter or a click is added once the field has taken it, and the field clears
        completer.activated.connect(self._add_typed, Qt.ConnectionType.QueuedConnection)
        self.input.returnPressed.connect(self._add_typed)
        add = QPushButton("Add", self)
        add.clicked.connect(lambda: self._add_typed())
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.clicked.connect(self._remove_selected)
        row = QHBoxLayout()  # the buttons under the field, so a narrow panel keeps the field wide enough to type in
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        row.addWidget(add)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.list)
        layout.addWidget(self.input)
        layout.addLayout(row)
        self._sync()

    def set_keys(self, keys: tuple[str, ...]) -> None:
        """Show another role's functions: text typed for the previous one is dropped."""
        self.input.clear()
        self._keys = list(keys)
        self._sync()

    def keys(self) -> tuple[str, ...]:
        return tuple(self._keys)

    @staticmethod
    def to_key(text: str) -> str:
        """A typed function: a known label maps to its key; other text is made key-like."""
        text = text.strip()
        for key, name in FUNCTIONS.items():
            if text.casefold() in (key.casefold(), name.casefold()):
                return key
        return "_".join(text.lower().replace("-", " ").replace("/", " ").split())

    def _add_typed(self, picked: str = "") -> None:
        """Add the suggestion ``picked`` or the text typed (Enter or the Add button); the field clears."""
        popup = self.input.completer().popup()
        if not picked and popup.isVisible() and popup.currentIndex().isValid():
            return  # Enter on a suggestion: the suggestion, not the letters typed, comes with ``activated``
        text = (picked or self.input.text()).strip()
        if not text:
            return
        key = self.to_key(text)
        self.input.clear()
        if key in self._keys:
            return
        self._keys.append(key)
        self._sync()
        self.changed.emit(self.keys())

    def _remove_selected(self) -> None:
        rows = sorted((self.list.row(i) for i in self.list.selectedItems()), reverse=True)
        if not rows:
            return
        for row in rows:
            del self._keys[row]
        self._sync()
        self.changed.emit(self.keys())

    def _sync(self) -> None:
        self.list.clear()
        for key in self._keys:
            item = QListWidgetItem(label(FUNCTIONS, key))
            item.setToolTip(key)
            self.list.addItem(item)
        self.list.setVisible(bool(self._keys))
        self.remove_button.setEnabled(bool(self._keys))


class _DeletingList(QListWidget):
    deleteRequested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.deleteRequested.emit()
            return
        super().keyPressEvent(event)
