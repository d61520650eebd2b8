"""The palette of role types: drag one onto the canvas to add a role."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

from tdorg.model.new_roles import ROLE_FAMILIES
from tdorg.model.vocab import CATEGORIES

from ..widgets import style
from ..widgets.colour_scheme import on_scheme_change
from ..widgets.role_type_drag import MIME_CATEGORY, category_mime

_CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 1


class Palette(QListWidget):
    """Role types with their icons; drag one out, or double-click to add it."""

    #: A role type was double-clicked (add it under the current selection).
    activatedCategory = Signal(str)

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIconSize(QSize(22, 22))
        self.setSpacing(1)
        self.setFrameShape(QListWidget.Shape.NoFrame)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setObjectName("rolePalette")  # its look is in the application's style sheet
        heading_font = QFont(style.ui_font())
        heading_font.setPointSizeF(8.5)
        heading_font.setWeight(QFont.Weight.DemiBold)
        listed = set()
        for title, categories in ROLE_FAMILIES:
            heading = QListWidgetItem(title.upper())
            heading.setFlags(Qt.ItemFlag.NoItemFlags)
            heading.setFont(heading_font)
            heading.setSizeHint(QSize(0, 26))
            self.addItem(heading)
            for category in categories:
                self._add(category)
                listed.add(category)
        for category in CATEGORIES:
            if category not in listed:
                self._add(category)
        self._colour_headings()
        on_scheme_change(self._colour_headings)
        self.itemDoubleClicked.connect(self._double_clicked)
        self.setToolTip("Drag a role type onto the canvas: onto empty space for a top-level role, "
                        "onto a box for a new report of it, onto a box's edge to place it beside.")

    def _add(self, category: str) -> None:
        item = QListWidgetItem(style.category_icon(category), CATEGORIES[category])
        item.setData(_CATEGORY_ROLE, category)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled)
        item.setSizeHint(QSize(0, 30))
        item.setToolTip(f"Drag to add a {CATEGORIES[category].lower()} role; double-click to add it "
                        "under the selected role.")
        self.addItem(item)

    def _colour_headings(self) -> None:
        for i in range(self.count()):
            if not self.category_of(self.item(i)):
                self.item(i).setForeground(QColor(style.TEXT_MUTED))

    def category_of(self, item: QListWidgetItem) -> str | None:
        return item.data(_CATEGORY_ROLE)

    def categories(self) -> list[str]:
        return [c for c in (self.category_of(self.item(i)) for i in range(self.count())) if c]

    def item_for(self, category: str) -> QListWidgetItem | None:
        for i in range(self.count()):
            if self.category_of(self.item(i)) == category:
                return self.item(i)
        return None

    def mimeTypes(self) -> list[str]:
        return [MIME_CATEGORY]

    def mimeData(self, items) -> object:  # noqa: ANN001 - list of QListWidgetItem
        categories = [self.category_of(i) for i in items if self.category_of(i)]
        if not categories:
            return None
        return category_mime(categories[0])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def startDrag(self, supported: Qt.DropAction) -> None:  # noqa: N802 - Qt's name
        super().startDrag(supported)  # returns when the drag ends, dropped or not
        self._forget_choice()

    def _forget_choice(self) -> None:
        """No type stays highlighted once it was added: the palette is a source, not a setting."""
        self.clearSelection()
        self.setCurrentItem(None)

    def _double_clicked(self, item: QListWidgetItem) -> None:
        category = self.category_of(item)
        if category:
            self.activatedCategory.emit(category)
            self._forget_choice()
