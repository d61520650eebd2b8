"""Shared test set-up: Qt runs offscreen; fixtures for the editor's tests."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

TEMPLATES = Path(__file__).resolve().parent.parent / "resources" / "templates"


class Dialogs:
    """Stands in for modal dialogs: answers them from a queue and records what was asked."""

    def __init__(self) -> None:
        self.answers: list[object] = []
        self.seen: list[tuple[str, str]] = []
        self.handlers: list[tuple[type, object]] = []

    def answer(self, *answers: object) -> None:
        self.answers.extend(answers)

    def handle(self, dialog_class: type, handler) -> None:  # noqa: ANN001
        """Let ``handler(dialog)`` work the next ``dialog_class`` shown modally (it may accept or reject it)."""
        self.handlers.append((dialog_class, handler))

    def dialog_exec(self, dialog) -> int:  # noqa: ANN001 - QDialog
        for n, (dialog_class, handler) in enumerate(self.handlers):
            if isinstance(dialog, dialog_class):
                del self.handlers[n]
                result = handler(dialog)
                return int(result) if isinstance(result, int) else int(dialog.result())
        pytest.fail(f"unexpected dialog: {type(dialog).__name__} “{dialog.windowTitle()}”")

    def message_box_exec(self, box) -> object:  # noqa: ANN001 - QMessageBox
        self.seen.append((box.text(), box.informativeText()))
        if not self.answers:
            pytest.fail(f"unexpected dialog: {box.text()} {box.informativeText()}")
        return self.answers.pop(0)


@pytest.fixture
def dialogs(monkeypatch):
    """Every QMessageBox is answered from ``dialogs.answer(...)``, every other modal dialog by a handler
    given to ``dialogs.handle(...)``; an unexpected one fails the test, as does a file dialog the test
    did not patch."""
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    stand_in = Dialogs()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: stand_in.message_box_exec(box))
    monkeypatch.setattr(QDialog, "exec", lambda dialog: stand_in.dialog_exec(dialog))
    for name in ("getOpenFileName", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, lambda *a, _n=name, **k: pytest.fail(f"unexpected file dialog ({_n})"))
    return stand_in


@pytest.fixture
def make_window(qtbot, tmp_path, dialogs):  # noqa: ARG001 - qtbot provides the QApplication
    """Build editor windows with their own settings and recovery folder (in ``tmp_path``)."""
    from PySide6.QtCore import QEvent, QSettings
    from PySide6.QtWidgets import QApplication

    from tdorg.ui.app import create_application
    from tdorg.ui.window.main_window import MainWindow

    create_application()
    windows = []

    def make(template: str | None = None, show: bool = True):
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings, recovery_dir=tmp_path / "recovery")
        windows.append(window)
        if template:
            assert window.files.new_from_template(template)
        if show:
            window.show()
            qtbot.waitExposed(window)
            window.initial_view()
        return window

    yield make
    for window in windows:  # closing must not prompt in tests that did not ask for it
        window.open_file._forced_modified = False
        window.sessions.set_clean()
        window.close()
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def window(make_window):
    """A shown editor window with the Francis Howell sample open."""
    return make_window("francis-howell")


@pytest.fixture(autouse=True)
def _clipboard_left_empty():
    """Empty the clipboard after each test that used Qt. Offscreen, the clipboard outlives the
    application: a copy left in it would be destroyed after Python has finished, and crash the run."""
    yield
    import sys

    if "PySide6.QtGui" in sys.modules:
        from PySide6.QtGui import QGuiApplication

        if QGuiApplication.instance() is not None:
            QGuiApplication.clipboard().clear()
