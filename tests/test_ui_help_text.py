"""Help › Mouse and Keyboard names every key of the canvas's menu and of the outline panel."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from tdorg.ui.window.help_text import SHORTCUTS_HTML


def _outline_keys(window) -> set[str]:
    keys: set[str] = set()
    for action in window.outline.tree.actions():
        for shortcut in action.shortcuts():
            keys.add(shortcut.toString(QKeySequence.SequenceFormat.PortableText))
    return keys


def test_every_outline_key_is_in_the_help(window):
    outline_section = SHORTCUTS_HTML.split("<h3>Keyboard (outline panel)</h3>")[1].split("<h3>")[0]
    keys = _outline_keys(window)
    assert keys, "the outline panel has keyboard actions"
    named = {key.replace("Return", "Enter") for key in keys}
    missing = {key for key in named if key not in outline_section}
    assert not missing, f"keys of the outline panel missing from the help: {sorted(missing)}"


def test_the_help_names_the_keys_that_go_to_the_outline_and_open_menus(window):
    assert window.actions.outline.shortcut().toString() in SHORTCUTS_HTML
    canvas_section = SHORTCUTS_HTML.split("<h3>Keyboard (canvas)</h3>")[1].split("<h3>")[0]
    assert "Menu key or Shift+F10" in canvas_section
