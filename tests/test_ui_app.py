"""Start-up pieces: the pinned Qt bindings, the start dialog, rendering the window."""

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent


def test_many_qt_calls_do_not_exhaust_none_true_or_false():
    """Hundreds of thousands of setPen/setPos calls and signal emissions must not abort Python.

    PySide6 6.12.0 on Python 3.11 releases a reference to None/True/False on
    every such call and aborts after a few thousand; the pinned version must not.
    """
    code = (
        "from PySide6.QtCore import QObject, Signal\n"
        "from PySide6.QtWidgets import QApplication, QGraphicsRectItem\n"
        "from PySide6.QtGui import QImage, QPainter, QColor\n"
        "app = QApplication([])\n"
        "image = QImage(8, 8, QImage.Format.Format_ARGB32)\n"
        "painter = QPainter(image)\n"
        "item = QGraphicsRectItem()\n"
        "colour = QColor('red')\n"
        "class Source(QObject):\n"
        "    changed = Signal(bool)\n"
        "source = Source()\n"
        "source.changed.connect(lambda flag: None)\n"
        "for _ in range(200_000):\n"
        "    painter.setPen(colour)\n"
        "    item.setPos(1, 2)\n"
        "    source.changed.emit(True)\n"
        "painter.end()\n"
        "print('ok')\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-400:]
    assert result.stdout.strip() == "ok"


def test_start_dialog_offers_blank_templates_open_and_recent(make_window, tmp_path):
    from tdorg.ui.dialogs.start_dialog import StartDialog

    window = make_window(show=False)
    recent = tmp_path / "plan.tdorg"
    recent.write_bytes(b"")
    dialog = StartDialog([str(recent), str(tmp_path / "gone.tdorg")], window)
    names = [dialog.templates.item(i).text().split("\n")[0] for i in range(dialog.templates.count())]
    assert "School District of La Crosse" in names and names[:2] == ["Very small district starter", "Small district starter"]
    assert dialog.recent.count() == 2
    dialog.templates.itemActivated.emit(dialog.templates.item(0))
    assert dialog.choice == ("template", "very-small")
    dialog.recent.itemActivated.emit(dialog.recent.item(0))
    assert dialog.choice == ("recent", recent)
    dialog.open_button.click()
    assert dialog.choice == ("open",)


def test_the_window_renders_a_sample_with_boxes_lines_and_panels(make_window, tmp_path):
    window = make_window("francis-howell")
    window.resize(1400, 900)
    window.initial_view()
    target = tmp_path / "window.png"
    assert window.grab().save(str(target))
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1400, 900)
    canvas = window.view.viewport().grab().toImage()
    colours = {canvas.pixelColor(x, y).name() for x in range(0, canvas.width(), 7) for y in range(0, canvas.height(), 7)}
    assert QColor("#ffffff").name() in colours  # role boxes
    assert len(colours) > 20  # text, category strips, lines, badges
    assert window.view.scale_factor() > 0.3  # fitted, readable


def test_screenshot_of_a_sample_with_a_finding_chosen(make_window, tmp_path):
    """The README's picture: set TDORG_SCREENSHOT=docs/screenshot.png to write it there."""
    window = make_window("patrick-henry")
    window.resize(1400, 900)
    window.initial_view()
    finding = next(f for f in window.findings.findings() if f.rule_id == "RED-1" and "dir" in f.role_ids)
    item = window.findings.item_for(finding)
    window.findings.tree.setCurrentItem(item)
    window.findings._clicked(item)
    assert window.scene.selected_role_ids() == ["dir"] and window.properties.role_id == "dir"
    QApplication.processEvents()
    target = Path(os.environ.get("TDORG_SCREENSHOT") or tmp_path / "screenshot.png")
    assert window.grab().save(str(target))
    assert QImage(str(target)).width() == 1400


def test_start_up_asks_how_to_begin_and_opens_the_chosen_template(make_window, monkeypatch):
    from tdorg.ui.app import start
    from tdorg.ui.dialogs.start_dialog import StartDialog

    def choose_template(dialog):
        dialog.choice = ("template", "la-crosse")
        return 1

    monkeypatch.setattr(StartDialog, "exec", choose_template)
    window = make_window()
    start(window)
    assert window.chart.district.name == "School District of La Crosse"
    assert window.open_file.path is None and not window.open_file.is_modified()
    assert "(from template)" in window.windowTitle()


def test_an_unexpected_error_is_a_plain_message_and_the_work_is_autosaved(make_window, dialogs, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from tdorg.ui.app import install_exception_hook
    from tdorg.ui.files.user_data import log_path

    window = make_window("west-salem")
    window.editor.add_role("security", "dti")
    monkeypatch.setattr("sys.excepthook", sys.excepthook)  # restored after the test
    install_exception_hook(window)
    dialogs.answer(QMessageBox.StandardButton.Ok)
    try:
        raise RuntimeError("the printer caught fire")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    text, detail = dialogs.seen[-1]
    assert "unexpected problem" in text and "the printer caught fire" in detail
    assert str(log_path()) in detail, "the box says where the details are"
    assert "Traceback" not in text + detail
    assert window.autosave.file.exists()


def test_the_editor_logs_to_a_rotating_file_in_its_data_folder(tmp_path, monkeypatch):
    import logging

    from tdorg.ui.files import user_data
    from tdorg.ui.widgets.error_box import show_error

    monkeypatch.setattr(user_data, "user_data_dir", lambda: tmp_path)
    assert user_data.default_recovery_dir() == tmp_path / "recovery", "the log sits beside the recovery files"
    logger = logging.getLogger("tdorg")
    before = list(logger.handlers)
    path = user_data.start_logging()
    try:
        assert path == tmp_path / "logs" / "tdorg.log"
        monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.exec", lambda box: 0)
        show_error(None, "Could not open “plan.tdorg”", "The file is locked by another program.")
        for handler in logger.handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
        assert "Could not open “plan.tdorg”: The file is locked by another program." in text
        rotating = [h for h in logger.handlers if h not in before]
        assert isinstance(rotating[0], logging.handlers.RotatingFileHandler) and rotating[0].backupCount >= 1
    finally:
        for handler in [h for h in logger.handlers if h not in before]:
            logger.removeHandler(handler)
            handler.close()


def test_no_log_when_the_data_folder_cannot_be_written(tmp_path, monkeypatch):
    from tdorg.ui.files import user_data

    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert user_data.start_logging(blocker / "logs" / "tdorg.log") is None


def test_a_new_application_is_fusion_whatever_the_desktop_asks(tmp_path):
    """The application made by create_application asks Qt for Fusion on its command line, over
    QT_STYLE_OVERRIDE, and hands no style to Python until something draws with one."""
    code = (
        "import sys\nfrom tdorg.ui.app import create_application\n"
        "app = create_application()\n"
        "made = 'QStyle' in vars(sys.modules['PySide6.QtWidgets'])\n"
        "app.setStyleSheet('')\n"  # the style under the sheet's
        "print(app.style().name(), made)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_STYLE_OVERRIDE="Windows", HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60,
                            cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["fusion", "False"]
