"""Names for assistive technology of what the window shows without words: panels and Qt's own controls."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar, QToolButton

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLineEdit

#: Qt's unlabelled buttons, by object name: the "»" of a tool bar or menu bar too narrow for all it holds.
_QT_BUTTONS = {"qt_toolbar_ext_button": "More tools", "qt_menubar_ext_button": "More menus"}


def name_panels_and_buttons(window: QMainWindow, fields: Iterable[QLineEdit] = ()) -> None:
    """Each dock is "<title> panel" and its contents are named by the title; Qt's own buttons (the clear
    button of each of ``fields``, a too narrow bar's "»") and the tabs of panels sharing a place get a name.

    Nothing here looks through all the window's widgets: PySide6 finds the Python class of each widget it
    looks at, which makes the classes (and their enums) of every kind of widget the window holds.
    """
    # The docks and their tab bars are the window's own children.
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    for dock in window.findChildren(QDockWidget, options=direct):
        title = dock.windowTitle()
        dock.setAccessibleName(f"{title} panel")
        contents = dock.widget()
        if contents is not None and not contents.accessibleName():
            contents.setAccessibleName(title)
    # The "»" buttons are looked for by name, which PySide6 compares before it looks at a widget's class.
    buttons = [(button, name) for object_name, name in _QT_BUTTONS.items()
               for button in window.findChildren(QToolButton, object_name)]
    buttons += [(button, "Clear") for field in fields for button in field.findChildren(QToolButton, options=direct)]
    for button, name in buttons:
        if not button.accessibleName():
            button.setAccessibleName(name)
    for tabs in window.findChildren(QTabBar, options=direct):
        if not tabs.accessibleName():
            tabs.setAccessibleName("Panels in this place")
