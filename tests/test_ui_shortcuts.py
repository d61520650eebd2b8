"""The window's commands answer the platform's standard keys (Ctrl+O, Ctrl+P, F1… or their macOS twins)."""

from PySide6.QtGui import QKeySequence

from tdorg.ui.widgets.actions import standard_keys
from tdorg.ui.window.actions import ACTIONS

Key = QKeySequence.StandardKey

#: Every command that has a standard key, and that key.
STANDARD = {
    "new": Key.New, "open": Key.Open, "save": Key.Save, "save_as": Key.SaveAs, "print": Key.Print,
    "quit": Key.Quit, "undo": Key.Undo, "redo": Key.Redo, "delete": Key.Delete, "select_all": Key.SelectAll,
    "zoom_in": Key.ZoomIn, "zoom_out": Key.ZoomOut, "shortcuts": Key.HelpContents,
    "find": Key.Find, "find_next": Key.FindNext, "find_previous": Key.FindPrevious,
}


def window_actions(window):
    return {**window.actions.by_name, "undo": window.actions.undo, "redo": window.actions.redo}


def test_every_command_with_a_standard_key_answers_all_of_its_keys(window):
    actions = window_actions(window)
    for name, key in STANDARD.items():
        bindings = QKeySequence.keyBindings(key) or standard_keys(key)
        assert bindings, f"{key.name} has no key on this platform"
        assert actions[name].shortcuts()[:len(bindings)] == bindings, name
    assert "F3" in [k.toString() for k in actions["find_next"].shortcuts()]


def test_quit_is_ctrl_q_where_the_platform_names_no_key(window):
    keys = window.actions.quit.shortcuts()
    assert keys == (QKeySequence.keyBindings(Key.Quit) or [QKeySequence("Ctrl+Q")])


def test_redo_also_answers_ctrl_y_once(window):
    keys = [k.toString() for k in window.actions.redo.shortcuts()]
    assert keys.count("Ctrl+Y") == 1 and "Ctrl+Shift+Z" in keys


def test_no_two_commands_share_a_key(window):
    seen = {}
    for name, action in window_actions(window).items():
        for key in action.shortcuts():
            assert key.toString() not in seen, f"{name} and {seen.get(key.toString())} share {key.toString()}"
            seen[key.toString()] = name


def test_the_table_names_its_standard_keys_as_such_not_as_typed_keys():
    typed = {spec.name: spec.shortcut for spec in ACTIONS if spec.name in STANDARD}
    assert typed and all(isinstance(shortcut, QKeySequence.StandardKey) for shortcut in typed.values()), typed


def test_print_is_in_the_file_menu_beside_its_preview(window):
    file_menu = window.menuBar().actions()[0].menu()
    texts = [action.text() for action in file_menu.actions()]
    assert texts.index("Print Pre&view…") + 1 == texts.index("&Print…")
    assert window.actions.print.shortcut() == QKeySequence(Key.Print)
