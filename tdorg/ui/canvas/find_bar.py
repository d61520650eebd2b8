"""Edit › Find…: a small bar over the canvas's top right corner that finds roles as the user types.

Every word typed must appear in a role's title, person or id, ignoring
case and accents. The bar says "3 of 17"; Enter / F3 goes to the next
match and Shift+Enter / Shift+F3 to the previous one (both wrap around),
each selecting the role and centring it. Escape closes the bar and gives
the canvas its keys back. Typing only searches the chart's text (kept
folded between keystrokes); the canvas is never rebuilt for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QFrame, QGraphicsDropShadowEffect, QHBoxLayout, QLabel, QLineEdit, QToolButton

from tdorg.model.search import RoleFinder

from ..widgets import style

if TYPE_CHECKING:
    from ..editing.scenario_sessions import ScenarioSessions
    from .view import ChartView

MARGIN = 12
#: The search field's width, and the least it shrinks to on a narrow canvas.
FIELD_WIDTH, FIELD_LEAST = 260, 120


class FindBar(QFrame):
    """The find field, the match count and previous / next / close buttons."""

    def __init__(self, view: "ChartView", sessions: "ScenarioSessions", reveal: Callable[[list[str]], None]) -> None:
        """A bar over ``view`` finding roles in the shown scenario of ``sessions``; ``reveal`` shows a match."""
        super().__init__(view)
        self.view, self.sessions, self.reveal = view, sessions, reveal
        self.finder = RoleFinder()
        self.matches: list[str] = []
        self.current = -1  # index in ``matches`` of the role last stepped to, -1 before the first step
        self.setObjectName("findBar")  # its look is in the application's style sheet
        self.setAccessibleName("Find bar")
        shadow = QGraphicsDropShadowEffect(self)  # lifts the bar off the boxes under it
        shadow.setBlurRadius(14)
        shadow.setOffset(0, 2)
        shadow.setColor(QColor(15, 23, 42, 50))
        self.setGraphicsEffect(shadow)
        self.field = QLineEdit()
        self.field.setObjectName("findField")
        self.field.setPlaceholderText("Find a role: title, person or id")
        self.field.setAccessibleName("Find a role")
        self.field.setAccessibleDescription("Title, person or id; Enter steps to the next match")
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(FIELD_LEAST)
        self.field.installEventFilter(self)
        self.field.textChanged.connect(self._typed)
        self.count = QLabel()
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance("0,000 of 0,000") + 8)
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count.setAccessibleName("Matches")
        self.previous_button = self._button("▲", "Previous match (Shift+Enter, Shift+F3)", lambda: self.step(-1))
        self.next_button = self._button("▼", "Next match (Enter, F3)", lambda: self.step(1))
        close = self._button("✕", "Close (Escape)", self.close_bar)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 6, 6)
        row.setSpacing(4)
        row.addWidget(self.field, 1)
        row.addWidget(self.count)
        row.addWidget(self.previous_button)
        row.addWidget(self.next_button)
        row.addWidget(close)
        view.installEventFilter(self)
        view.chart_scene.rolesChanged.connect(self._chart_changed)
        sessions.activeChanged.connect(self._chart_changed)
        self._show_count()
        self.hide()

    def _button(self, text: str, tip: str, slot) -> QToolButton:  # noqa: ANN001
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # --- showing --------------------------------------------------------------------

    def open_bar(self) -> None:
        """Show the bar with its text selected, ready for typing."""
        if not self.isVisible():
            self.show()
            self.raise_()
            self._place()
            self._chart_changed()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _place(self) -> None:
        """Top right over the canvas; the field narrows when the canvas is too narrow for all of it."""
        area = self.view.viewport().geometry()
        least = self.minimumSizeHint()
        wanted = least.width() + FIELD_WIDTH - FIELD_LEAST
        self.resize(max(least.width(), min(wanted, area.width() - 2 * MARGIN)), self.sizeHint().height())
        self.move(area.right() - self.width() - MARGIN + 1, area.top() + MARGIN)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        elif watched is self.field and event.type() == QEvent.Type.KeyPress:
            return self._field_key(event)  # type: ignore[arg-type]
        return False

    def _field_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.step(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
            return True
        if key == Qt.Key.Key_Escape:
            self.close_bar()
            return True
        return False

    # --- searching ------------------------------------------------------------------

    def _search(self) -> None:
        """Matches for the field's text in the shown chart, keeping the current role when it still matches."""
        chart = self.sessions.document.chart
        current = self.current_id()
        self.matches = self.finder.find(chart, self.field.text()) if chart is not None else []
        self.current = self.matches.index(current) if current in self.matches else -1

    def _typed(self, _text: str = "") -> None:
        self._search()
        if self.matches:
            self._go(self.current if self.current >= 0 else 0)
        self._show_count()

    def _chart_changed(self, _touched: object = None) -> None:
        """An edit or another scenario: count again (the canvas is not touched)."""
        if self.isVisible() and self.field.text():
            self._search()
            self._show_count()

    def current_id(self) -> str | None:
        return self.matches[self.current] if 0 <= self.current < len(self.matches) else None

    def step(self, delta: int) -> None:
        """Go to the next (+1) or previous (-1) match, wrapping around; opens the bar when it is closed."""
        if not self.isVisible():
            self.open_bar()
        self._search()
        if self.matches:
            if self.current < 0:
                self._go(0 if delta > 0 else len(self.matches) - 1)
            else:
                self._go((self.current + delta) % len(self.matches))
        self._show_count()

    def _go(self, index: int) -> None:
        self.current = index
        self.reveal([self.matches[index]])

    def _show_count(self) -> None:
        text = self.field.text().strip()
        found = len(self.matches)
        none = bool(text) and not found
        if not text:
            self.count.setText("")
        elif none:
            self.count.setText("No match")
        elif self.current < 0:
            self.count.setText(f"{found:,} match{'es' if found != 1 else ''}")
        else:
            self.count.setText(f"{self.current + 1:,} of {found:,}")
        self.count.setStyleSheet(f"color: {style.FIELD_ERROR if none else style.TEXT_MUTED};")
        self.field.setProperty("invalid", "true" if none else "false")
        self.field.style().unpolish(self.field)
        self.field.style().polish(self.field)
        for button in (self.previous_button, self.next_button):
            button.setEnabled(found > 0)
