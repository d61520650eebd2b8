"""Starting the editor: display check, QApplication, the first window.

``main(argv)`` is what ``python main.py [FILE]`` and the ``tdorg`` command
(without a subcommand) run. It returns the process exit code.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from importlib import import_module
from pathlib import Path

NO_DISPLAY_HINT = (
    "tdorg needs a display; use the `tdorg validate/export` command line, or set QT_QPA_PLATFORM=offscreen"
)
#: The Qt-free modules the first window uses, with what they import: the chart and its rules, the layout, the
#: document and its scenarios, the export palette. They load before PySide6, which, once imported, reads the
#: source of every module imported after it (looking for ``from __feature__ import``).
FIRST_WINDOW_MODEL = ("tdorg.model.scenarios", "tdorg.model.layout_cache", "tdorg.model.clipboard",
                      "tdorg.model.new_roles", "tdorg.model.edit_texts", "tdorg.model.atomic",
                      "tdorg.model.file_state", "tdorg.model.recovery", "tdorg.model.compare_text",
                      "tdorg.export.style", "tdorg.export.contrast")
USAGE = ("usage: tdorg [--color-scheme light|dark] [FILE]   (FILE: a .tdorg chart, or a sample .json/.csv to start "
         "from; the colour scheme is the system's unless chosen here or by TDORG_COLOR_SCHEME)")


def has_display(environ: dict[str, str] | None = None, platform: str | None = None) -> bool:
    """False on Linux/BSD with no X11 or Wayland display and no Qt platform chosen."""
    env = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return True
    return any(env.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def main(argv: list[str] | None = None) -> int:
    """Run the editor; ``argv`` is the arguments without the program name."""
    args = list(sys.argv[1:] if argv is None else argv)
    if any(a in ("-h", "--help") for a in args):
        print(USAGE)
        return 0
    load_first_window_model()
    from .widgets.colour_scheme import chosen_scheme, scheme_option

    args, scheme = scheme_option(args)
    files = [a for a in args if not a.startswith("-")]
    if len(files) > 1 or len(files) != len(args) or (scheme is not None and chosen_scheme(scheme) is None):
        print(USAGE, file=sys.stderr)
        return 2
    if not has_display():
        print(NO_DISPLAY_HINT, file=sys.stderr)
        return 2

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    window = open_window(scheme)
    QTimer.singleShot(0, lambda: start(window, Path(files[0]) if files else None))
    return QApplication.instance().exec()


def open_window(scheme: str | None = None, settings=None, recovery_dir: Path | None = None):  # noqa: ANN001, ANN201
    """The application and its main window, shown: what :func:`main` does before the event loop.

    ``settings`` (a QSettings) and ``recovery_dir`` are the user's unless given.
    Start-up makes many objects that live as long as the window; Python's
    cycle collector is paused while they are made (its passes would walk them
    again and again) and they are then set aside from its later passes.
    """
    gc.disable()
    try:
        load_first_window_model()
        create_application(scheme)
        from .window.main_window import MainWindow

        window = MainWindow(settings, recovery_dir)
        install_exception_hook(window)
        if sys.platform == "darwin":  # only macOS asks a running application to open files by an event
            from .window.file_open_events import follow_file_open_events

            follow_file_open_events(window)
        window.show()
    finally:
        gc.freeze()
        gc.enable()
    from PySide6.QtCore import QTimer

    from .files.user_data import start_logging

    QTimer.singleShot(0, start_logging)  # the log file is not needed for the first frame
    return window


def load_first_window_model() -> None:
    """Import :data:`FIRST_WINDOW_MODEL` (before PySide6 for the most of it), with Python's cycle collector
    paused: its passes would walk the many objects made, none of them garbage."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        for name in FIRST_WINDOW_MODEL:
            import_module(name)
    finally:
        if collecting:
            gc.enable()


def create_application(scheme: str | None = None):  # noqa: ANN201 - QApplication
    """The QApplication with tdorg's names, style, font and icon (created once), following the colour
    scheme: ``scheme`` ("light" or "dark"), else ``TDORG_COLOR_SCHEME``, else the system's."""
    from PySide6.QtWidgets import QApplication

    from .widgets import style
    from .widgets.colour_scheme import chosen_scheme, follow_scheme

    app = QApplication.instance()
    if app is None:
        # Fusion is asked for on the command line Qt reads: setStyle would hand the style to Python, which makes
        # the Python classes of QStyle's enums (about 12 ms) long before anything draws with them.
        app = QApplication([sys.argv[0] if sys.argv else "tdorg", "-style", "Fusion"])
    else:
        app.setStyle("Fusion")
    app.setOrganizationName("tdorg")
    app.setApplicationName("tdorg")
    app.setApplicationDisplayName("tdorg")
    app.setFont(style.ui_font())
    app.setWindowIcon(style.app_icon())
    follow_scheme(app, chosen_scheme(scheme), style.stylesheet)
    return app


def start(window, path: Path | None = None) -> None:  # noqa: ANN001 - MainWindow
    """Offer crash recovery first; then open ``path``, or ask how to begin."""
    from .files.recovery import offer_recovery
    from .dialogs.start_dialog import StartDialog

    if offer_recovery(window.autosave, window.set_document, window):
        return
    if path is not None:
        # The window is on screen already: say what is loading, and paint that before the chart loads.
        window.statusBar().showMessage(f"Opening “{path.name}”…")
        window.repaint()
        try:
            window.files.open_path(path, ask=False)
        finally:
            window.statusBar().clearMessage()
        return
    dialog = StartDialog(window.files.recent(), window)
    if not dialog.exec():
        return
    kind = dialog.choice[0]
    if kind == "template":
        window.files.new_from_template(dialog.choice[1])
    elif kind == "open":
        window.files.open()
    elif kind == "recent":
        window.files.open_path(dialog.choice[1])


def install_exception_hook(window) -> None:  # noqa: ANN001 - MainWindow
    """Unexpected errors: autosave, log the details, and show a plain sentence naming the log file."""
    from .files.user_data import log_path

    showing = []

    def hook(kind, value, tb) -> None:  # noqa: ANN001
        logging.getLogger("tdorg.ui").error("Unexpected error", exc_info=(kind, value, tb))
        if showing:  # one message at a time; the details are in the log
            return
        showing.append(True)
        from PySide6.QtWidgets import QMessageBox  # its class is made when first needed

        try:
            window.autosave.save_now()
        except Exception:  # noqa: BLE001 - already handling a failure
            pass
        box = QMessageBox(QMessageBox.Icon.Critical, "Something went wrong",
                          "tdorg ran into an unexpected problem and could not finish what it was doing.",
                          QMessageBox.StandardButton.Ok, window)
        box.setInformativeText(f"({kind.__name__}: {value})\n\nYour chart is still open, and any unsaved "
                               "changes were autosaved for recovery. Save your work under a new name to be safe."
                               f"\n\nThe details are in the log file {log_path()}.")
        try:
            box.exec()
        finally:
            showing.clear()

    sys.excepthook = hook
