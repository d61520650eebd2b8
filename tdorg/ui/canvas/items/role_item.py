"""A role box on the canvas: title, person or "Vacant", FTE, category, badge."""

from __future__ import annotations

from functools import lru_cache

from PySide6 import QtWidgets
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from tdorg.model.role import Role
from tdorg.model.rules.base import Severity
from tdorg.model.vocab import CATEGORIES, label

from ...widgets import style
from ...widgets.rich_text import escape
from .appearance import Appearance
from .constants import ACCEPT, BOX_HEIGHT, BOX_WIDTH, OVERVIEW, REFUSE

_STRIP = 6.0
_PAD = 9.0
_RADIUS = 6.0
_BADGE = 18.0

_BOUNDS = QRectF(-4.0, -_BADGE / 2 - 2, BOX_WIDTH + _BADGE / 2 + 6, BOX_HEIGHT + _BADGE / 2 + 6)
#: A box with a compare tag: room for the tag above it when zoomed out.
_MARKED_BOUNDS = _BOUNDS.adjusted(0, -24, 0, 0)


def _fonts() -> tuple[QFont, QFont, QFont, QFont]:
    base = style.ui_font()
    title = QFont(base)
    title.setPixelSize(13)
    title.setWeight(QFont.Weight.DemiBold)
    person = QFont(base)
    person.setPixelSize(12)
    small = QFont(base)
    small.setPixelSize(10)
    overview = QFont(base)
    overview.setPixelSize(20)
    overview.setWeight(QFont.Weight.DemiBold)
    return title, person, small, overview


class RoleItem(QGraphicsRectItem):
    """One role; the scene creates it once and updates it when the role changes.

    The item's rectangle is its bounding area (box, badge and selection
    outline) so that Qt finds exposed items without calling into Python.
    """

    _fonts_cache: tuple[QFont, QFont, QFont, QFont] | None = None

    def __init__(self, role: Role) -> None:
        super().__init__(_BOUNDS)
        self.setPen(Qt.PenStyle.NoPen)
        self.role_id = role.id
        self.role = role
        self.severity: Severity | None = None
        self.finding_count = 0
        #: A collapsed manager: how many of its findings are in its hidden roles, and how many roles it hides.
        self.folded = (0, 0)
        self.drop_state: str | None = None
        #: Compare view: the kinds of change of this role (added, removed, moved…), or None.
        self.mark: frozenset[str] | None = None
        self._title_lines: list[str] = []
        self._person = ""
        self._footer = ""
        self._fte = ""
        self._overview_lines: list[str] = []
        self._text_ready = False  # laid out on first paint: off-screen boxes cost nothing
        self._tip_ready = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable, False)
        self.setAcceptHoverEvents(True)  # the tooltip of a box the zoomed-out picture stands for
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(1.0)

    # --- model updates ------------------------------------------------------

    @classmethod
    def fonts(cls) -> tuple[QFont, QFont, QFont, QFont]:
        if cls._fonts_cache is None:
            cls._fonts_cache = _fonts()
        return cls._fonts_cache

    def set_role(self, role: Role) -> None:
        if role == self.role:
            return
        self.role = role
        self._text_ready = self._tip_ready = False
        Appearance.changed(self)

    def set_severity(self, severity: Severity | None, count: int) -> None:
        if severity == self.severity and count == self.finding_count:
            return
        if (severity is None) != (self.severity is None):
            self._text_ready = False
        self.severity = severity
        self.finding_count = count
        self._tip_ready = False
        Appearance.changed(self)

    def set_folded(self, findings: int, roles: int) -> None:
        """A collapsed manager hiding ``roles`` roles, ``findings`` of its badge's findings in them."""
        if (findings, roles) != self.folded:
            self.folded = (findings, roles)
            self._tip_ready = False

    def set_mark(self, kinds: frozenset[str] | None) -> None:
        """Highlight the box as added, removed or changed (compare view); None clears it."""
        kinds = kinds or None
        if kinds != self.mark:
            self.mark = kinds
            self._tip_ready = False
            self.setRect(_MARKED_BOUNDS if kinds else _BOUNDS)
            Appearance.changed(self)

    def mark_tag(self) -> str:
        if not self.mark:
            return ""
        return " · ".join(tag for kind, tag in style.MARK_TAGS.items() if kind in self.mark)

    def set_drop_state(self, state: str | None) -> None:
        if state != self.drop_state:
            self.drop_state = state
            Appearance.changed(self)

    def _prepare_text(self) -> None:
        title_font, person_font, small_font, _ = self.fonts()
        width = BOX_WIDTH - _STRIP - 2 * _PAD - 6
        self._title_lines = _wrap(self.role.title, QFontMetricsF(title_font), width, 2)
        shown = self.role.display_person() if (self.role.vacant or self.role.person) else ""
        self._person = QFontMetricsF(person_font).elidedText(shown, Qt.TextElideMode.ElideRight, width)
        fte = f"{self.role.fte:g} FTE"
        category = label(CATEGORIES, self.role.category)
        small = QFontMetricsF(small_font)
        category = small.elidedText(category, Qt.TextElideMode.ElideRight, width - small.horizontalAdvance(fte) - 10)
        self._footer = category
        self._fte = fte
        overview = QFontMetricsF(self.fonts()[3])
        reserve = 28 if self.severity is not None else 0  # room for the badge
        self._overview_lines = _wrap(self.role.title, overview, BOX_WIDTH - _STRIP - 2 * _PAD - reserve, 2)
        self._text_ready = True

    def _update_tooltip(self) -> None:
        role = self.role
        lines = [f"<b>{escape(role.title)}</b>", escape(role.display_person())]
        lines.append(f"{escape(label(CATEGORIES, role.category))} · {role.fte:g} FTE")
        if self.mark:
            lines.append(f"<i>Changes: {self.mark_tag().lower()}</i>")
        if self.finding_count:
            noun = "finding" if self.finding_count == 1 else "findings"
            hidden, roles = self.folded
            within = f", including {hidden} in the {roles:,} hidden roles" if hidden else ""
            lines.append(f"<i>{self.finding_count} {noun}{within} — see the Findings panel</i>")
        self.setToolTip("<br>".join(lines))
        self._tip_ready = True

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802 - Qt's name
        """The tooltip is made on the first paint, or here for a box not painted (zoomed right out)."""
        if not self._tip_ready:
            self._update_tooltip()

    # --- geometry -----------------------------------------------------------

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, BOX_WIDTH, BOX_HEIGHT), _RADIUS, _RADIUS)
        return path

    def box_rect(self) -> QRectF:
        return QRectF(0, 0, BOX_WIDTH, BOX_HEIGHT)

    # --- painting -----------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        # QStyle is looked up here, not imported: its enums (12 ms) are made when a first box is drawn.
        selected = bool(option.state & QtWidgets.QStyle.StateFlag.State_Selected)
        if not self._tip_ready:
            self._update_tooltip()
        colour = style.category_colour(self.role.category)
        rect = self.box_rect()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        fill, border, width = self._frame_colours(selected)
        if width > 2 and lod < OVERVIEW:  # a selected, marked or drop target's frame: still 2.5 px on screen
            width = 2.5 / lod
        inset = max(0.0, width / 2 - 2)  # a wide frame runs inside the box, within its bounds
        painter.setPen(QPen(border, width, Qt.PenStyle.DashLine if self.role.vacant else Qt.PenStyle.SolidLine))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect.adjusted(inset, inset, -inset, -inset), _RADIUS, _RADIUS)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPath(_strip())
        if not self._text_ready:
            self._prepare_text()
        if lod >= OVERVIEW:
            self._paint_text(painter, colour, fill)
            if self.severity is not None:
                self._paint_badge(painter, QPointF(BOX_WIDTH - 2, 0), _BADGE, 11)
            if self.mark:
                self._paint_tag(painter, 9)
        else:
            self._paint_overview(painter)
            if self.severity is not None:
                self._paint_badge(painter, QPointF(BOX_WIDTH - 18, 18), 26, 18)
            if self.mark:
                self._paint_tag(painter, 20)

    def _frame_colours(self, selected: bool) -> tuple[QColor, QColor, float]:
        if self.drop_state == ACCEPT:
            return QColor(style.ACCEPT_FILL), QColor(style.ACCEPT), 2.5
        if self.drop_state == REFUSE:
            return QColor(style.REFUSE_FILL), QColor(style.REFUSE), 2.5
        if self.mark:
            outline, tint = style.MARK_COLOURS[style.mark_kind(self.mark)]
            return QColor(tint), QColor(style.SELECTION if selected else outline), 3.0
        fill = QColor(style.VACANT_FILL if self.role.vacant else style.BOX_FILL)
        if selected:
            return fill, QColor(style.SELECTION), 2.5
        return fill, QColor(style.VACANT_BORDER if self.role.vacant else style.BOX_BORDER), 1.2

    def plain_colour(self) -> QColor:
        """The box's one colour when zoomed out: its category's, a compare mark's, or a drop's verdict."""
        if self.drop_state is not None:
            return QColor(style.ACCEPT if self.drop_state == ACCEPT else style.REFUSE)
        if self.mark:
            return QColor(style.MARK_COLOURS[style.mark_kind(self.mark)][0])
        return style.category_colour(self.role.category)

    def _paint_text(self, painter: QPainter, colour: QColor, fill: QColor) -> None:
        title_font, person_font, small_font, _ = self.fonts()
        left = _STRIP + _PAD
        width = BOX_WIDTH - left - _PAD
        y = 8.0
        painter.setPen(QColor(style.TEXT))
        painter.setFont(title_font)
        line_height = QFontMetricsF(title_font).height()
        for line in self._title_lines:
            painter.drawText(QRectF(left, y, width, line_height), Qt.AlignmentFlag.AlignLeft, line)
            y += line_height - 1
        person_font_used = QFont(person_font)
        if self.role.vacant:
            person_font_used.setItalic(True)
            painter.setPen(QColor(style.VACANT_BORDER))
        else:
            painter.setPen(QColor(style.TEXT_MUTED))
        painter.setFont(person_font_used)
        person_height = QFontMetricsF(person_font).height()
        painter.drawText(QRectF(left, y + 1, width, person_height), Qt.AlignmentFlag.AlignLeft, self._person)
        painter.setFont(small_font)
        footer = QRectF(left, BOX_HEIGHT - 18, width, 14)
        painter.setPen(style.text_colour_on(colour, fill))
        painter.drawText(footer, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._footer)
        painter.setPen(QColor(style.TEXT_MUTED))
        painter.drawText(footer, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self._fte)

    def _paint_overview(self, painter: QPainter) -> None:
        """Zoomed out: the title alone, large enough to read at this scale."""
        font = self.fonts()[3]
        painter.setFont(font)
        painter.setPen(QColor(style.TEXT))
        left = _STRIP + _PAD
        height = QFontMetricsF(font).height()
        top = (BOX_HEIGHT - height * len(self._overview_lines)) / 2
        for n, line in enumerate(self._overview_lines):
            painter.drawText(QRectF(left, top + n * height, BOX_WIDTH - left - _PAD, height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)

    def _paint_tag(self, painter: QPainter, text_px: int) -> None:
        """The compare view's tag ("NEW", "MOVED · FTE"…) on the box's top edge."""
        assert self.mark is not None
        font = QFont(self.fonts()[2])
        font.setBold(True)
        font.setPixelSize(text_px)
        metrics = QFontMetricsF(font)
        text = _fitting_tags(self.mark_tag().split(" · "), metrics, BOX_WIDTH - 20)
        height = text_px + 6
        width = min(metrics.horizontalAdvance(text) + 12, BOX_WIDTH - 8)
        if text_px < 12:  # on the box's top edge
            pill = QRectF(_STRIP + _PAD - 4, -height / 2, width, height)
        else:  # zoomed out: above the box, where the title does not run
            pill = QRectF(0, -height - 3, width, height)
        painter.setPen(QPen(QColor(style.BADGE_RING), 1.5))
        painter.setBrush(QColor(style.MARK_COLOURS[style.mark_kind(self.mark)][0]))
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setFont(font)
        painter.setPen(QColor(style.MARK_TEXT))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_badge(self, painter: QPainter, centre: QPointF, size: float, text_px: int) -> None:
        assert self.severity is not None
        painter.setPen(QPen(QColor(style.BADGE_RING), 2))
        painter.setBrush(style.severity_colour(self.severity))
        painter.drawEllipse(centre, size / 2, size / 2)
        font = QFont(self.fonts()[2])
        font.setBold(True)
        font.setPixelSize(text_px)
        painter.setFont(font)
        painter.setPen(QColor(style.BADGE_TEXT))
        text = str(self.finding_count) if self.finding_count < 10 else "9+"
        painter.drawText(QRectF(centre.x() - size / 2, centre.y() - size / 2, size, size),
                         Qt.AlignmentFlag.AlignCenter, text)


@lru_cache(maxsize=1)
def _strip() -> QPainterPath:
    """The category's strip down the box's left edge, rounded with the box."""
    strip = QPainterPath()
    strip.addRoundedRect(QRectF(0.5, 0.5, _STRIP + _RADIUS, BOX_HEIGHT - 1), _RADIUS, _RADIUS)
    clip = QPainterPath()
    clip.addRect(QRectF(0, 0, _STRIP, BOX_HEIGHT))
    return strip.intersected(clip)


def _wrap(text: str, metrics: QFontMetricsF, width: float, max_lines: int) -> list[str]:
    """Greedy word wrap into at most ``max_lines`` lines, eliding the last one."""
    words = text.split()
    lines: list[str] = []
    current = ""
    while words:
        word = words[0]
        candidate = f"{current} {word}" if current else word
        if metrics.horizontalAdvance(candidate) <= width:
            current = candidate
            words.pop(0)
            continue
        if not current:  # one word longer than the line
            current = word
            words.pop(0)
        lines.append(current)
        current = ""
        if len(lines) == max_lines - 1:
            break
    rest = " ".join(([current] if current else []) + words)
    if rest:
        lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines] or [""]


def _fitting_tags(tags: list[str], metrics: QFontMetricsF, room: float) -> str:
    """As many tags as fit in ``room``, then "+N" for the others (the tooltip lists them all)."""
    for shown in range(len(tags), 0, -1):
        rest = len(tags) - shown
        text = " · ".join(tags[:shown]) + (f" +{rest}" if rest else "")
        if metrics.horizontalAdvance(text) <= room:
            return text
    return tags[0] + (f" +{len(tags) - 1}" if len(tags) > 1 else "")
