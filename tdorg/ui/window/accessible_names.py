"""Names for assistive technology of what the window shows without words: panels and Qt's own controls."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLineEdit, QMainWindow, QTabBar, QToolButton

#: Qt's unlabelled buttons, by object name: the "»" of a tool bar or menu bar too narrow for all it holds.
_QT_BUTTONS = {"qt_toolbar_ext_button": "More tools", "qt_menubar_ext_button": "More menus"}


def name_panels_and_buttons(window: QMainWindow) -> None:
    """Each dock is "<title> panel" and its contents are named by the title; Qt's own buttons (a field's
    clear button, a too narrow bar's "»") and the tabs of panels sharing a place get a name."""
    # The docks and their tab bars are the window's own children: looking only there spares wrapping every widget.
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    for dock in window.findChildren(QDockWidget, options=direct):
        title = dock.windowTitle()
        dock.setAccessibleName(f"{title} panel")
        contents = dock.widget()
        if contents is not None and not contents.accessibleName():
            contents.setAccessibleName(title)
    for button in window.findChildren(QToolButton):
        name = _QT_BUTTONS.get(button.objectName())
        if isinstance(button.parentWidget(), QLineEdit):
            name = "Clear"
        if name and not button.accessibleName():
            button.setAccessibleName(name)
    for tabs in window.findChildren(QTabBar, options=direct):
        if not tabs.accessibleName():
            tabs.setAccessibleName("Panels in this place")
