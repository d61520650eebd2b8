"""Start-up loads only what it uses: each entry point, in a fresh process, leaves the heavy modules unloaded."""

import json
import os
import subprocess
import sys

import pytest

HEAVY = ("sqlalchemy", "networkx", "reportlab", "pypdf", "typst", "pygraphviz", "graphviz", "openpyxl", "python_calamine",
         "charset_normalizer")

REPORT = """
import json, sys
print(json.dumps(sorted(sys.modules)))
"""


def _loaded(code: str, tmp_path) -> set[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", code + REPORT], env=env, capture_output=True, text=True,
                            timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in HEAVY)


def test_the_launcher_loads_nothing_heavy(tmp_path):
    modules = _loaded("import tdorg.launcher", tmp_path)
    assert _heavy(modules) == []
    assert not any(m.startswith(("tdorg.export", "tdorg.ui", "tdorg.cli", "PySide6")) for m in modules)


@pytest.mark.parametrize("argv", [["--help"], ["--version"]])
def test_help_and_version_load_no_export_stack_or_database(tmp_path, argv):
    code = ("import contextlib, io\nfrom tdorg.launcher import main\n"
            f"with contextlib.redirect_stdout(io.StringIO()):\n    assert main({argv!r}) == 0\n")
    modules = _loaded(code, tmp_path)
    assert _heavy(modules) == []
    assert not any(m.startswith(("tdorg.ui", "PySide6")) for m in modules)
    assert {m for m in modules if m.startswith("tdorg.export")} <= {"tdorg.export", "tdorg.cli.export_command",
                                                                      "tdorg.export.errors", "tdorg.export.option_choices"}
    # Setting up the commands reads no chart: the model's chart, rules, formats' readers and importing stay unloaded,
    # and with them the standard library's dataclasses (which loads inspect and ast) and csv.
    assert {m for m in modules if m.startswith("tdorg.model")} <= {
        "tdorg.model", "tdorg.model.errors", "tdorg.model.plural", "tdorg.model.formats", "tdorg.model.importing",
        "tdorg.model.importing.errors"}
    assert not {"dataclasses", "inspect", "csv"} & modules


def test_version_sets_up_no_command(tmp_path):
    code = ("import contextlib, io\nfrom tdorg.launcher import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n    assert main(['--version']) == 0\n")
    modules = _loaded(code, tmp_path)
    assert {m for m in modules if m.startswith("tdorg.")} <= {"tdorg.launcher", "tdorg.lazy_imports", "tdorg.cli",
                                                             "tdorg.cli.commands", "tdorg.cli.console",
                                                             "tdorg.model", "tdorg.model.errors"}


def test_the_model_package_loads_its_modules_on_first_use(tmp_path):
    modules = _loaded("import tdorg.model.errors", tmp_path)
    assert "tdorg.model.chart" not in modules
    modules = _loaded("from tdorg.model import Chart, Document\nassert Chart.__module__ == 'tdorg.model.chart'",
                      tmp_path)
    assert {"tdorg.model.chart", "tdorg.model.document"} <= modules


def test_validate_loads_neither_export_nor_qt_nor_the_database(tmp_path):
    chart = tmp_path / "chart.json"
    code = (
        "from tdorg.model.synthetic import synthetic_chart\nfrom tdorg.model.formats import save_chart\n"
        f"save_chart(synthetic_chart(300), {str(chart)!r})\n"
        "import contextlib, io\nfrom tdorg.launcher import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()):\n    assert main(['validate', {str(chart)!r}]) in (0, 1)\n"
    )
    modules = _loaded(code, tmp_path)
    assert "tdorg.model.rules.engine" in modules  # it did validate
    assert [m for m in _heavy(modules) if not m.startswith("networkx")] == []  # networkx checks the lines
    assert not any(m.startswith(("tdorg.export", "tdorg.ui", "PySide6")) for m in modules)


def test_the_main_window_without_a_file_loads_no_database_export_or_spreadsheet_stack(tmp_path):
    code = (
        "from pathlib import Path\nfrom PySide6.QtCore import QSettings\n"
        "from tdorg.ui.app import create_application\nfrom tdorg.ui.window.main_window import MainWindow\n"
        "app = create_application()\n"
        f"window = MainWindow(QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat), "
        f"Path({str(tmp_path / 'recovery')!r}))\n"
        "window.show()\napp.processEvents()\nwindow.grab()\n"
    )
    modules = _loaded(code, tmp_path)
    assert "tdorg.ui.window.main_window" in modules
    assert _heavy(modules) == []
    # The window's colours come from the export palette and its contrast measure; nothing else of export loads.
    assert {m for m in modules if m.startswith("tdorg.export")} <= {"tdorg.export", "tdorg.export.style",
                                                                     "tdorg.export.contrast"}


def test_the_graphviz_child_loads_only_the_compiled_bindings(tmp_path):
    source = tmp_path / "chart.gv"
    source.write_text('digraph { a -> b [label="reports to"] }', encoding="utf-8")
    code = ("import contextlib, io, os, sys\nfrom tdorg.launcher import graphviz_child\n"
            f"with open(os.devnull, 'w') as sink, contextlib.redirect_stdout(sink):\n"
            f"    assert graphviz_child(['--engine=dot', '--format=svg', {str(source)!r}]) == 0\n")
    modules = _loaded(code, tmp_path)
    assert "pygraphviz._graphviz" in modules  # it did draw
    assert not {"pygraphviz.agraph", "pygraphviz.graphviz", "argparse", "subprocess"} & modules


#: What the first window leaves for first use (each loads when its feature is used, as the test below checks).
MADE_ON_FIRST_USE = (
    "tdorg.ui.exporting.printing",  # File › Print…, Print Preview…
    "tdorg.ui.exporting.export_dialog", "tdorg.ui.exporting.exporter",  # File › Export…
    "tdorg.ui.panels.outline_panel", "tdorg.ui.panels.outline_model",  # the outline, behind the palette's tab
    "tdorg.ui.canvas.find_bar", "tdorg.model.search",  # Edit › Find…
    "tdorg.ui.compare.compare_view",  # Scenarios › Compare…
    "tdorg.ui.spreadsheet.import_dialog", "tdorg.ui.spreadsheet.spreadsheet_actions",  # File › Import from Spreadsheet…
    "tdorg.ui.dialogs.district_dialog", "tdorg.ui.dialogs.rules_dialog", "tdorg.ui.dialogs.matrix_dialog",
    "tdorg.ui.dialogs.start_dialog", "tdorg.ui.dialogs.name_dialog",
    "tdorg.model.matrix",  # Chart › Responsibility Matrix… (the colours name its statuses from matrix_status)
    "tdorg.ui.window.help_text",  # Help › Mouse and Keyboard, About
    "tdorg.ui.window.file_open_events",  # followed on macOS only
    "tdorg.model.formats.sample_json", "tdorg.model.formats.sample_csv",  # the clipboard's roles, files
    "uuid", "logging.handlers",  # the log's rotating file is opened by its first record
    "tdorg.ui.widgets.fields", "tdorg.ui.panels.role_lines",  # the properties' form, for the first role shown
    "html",  # rich text's escape does without it
    "json", "hashlib", "secrets",  # the clipboard's and recovery's JSON, files' fingerprints, temporary names
    # the canvas's boxes, lines and collapse toggles (Qt's graphics items), with the chart's first box
    "tdorg.ui.canvas.items.role_item", "tdorg.ui.canvas.items.edge_items", "tdorg.ui.canvas.items.collapse_toggle",
)

#: Qt classes the first window does without (PySide6 makes a class, and the Python classes of its enums, when a
#: module first names it): the dialogs that ask, warn and pick files are made when first shown.
QT_MADE_ON_FIRST_USE = ("QMessageBox", "QFileDialog", "QProgressDialog", "QDialog")

FIRST_USE = """
import sys
from pathlib import Path
from PySide6 import QtWidgets
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from tdorg.ui.app import open_window
window = open_window(None, QSettings(sys.argv[1], QSettings.Format.IniFormat), Path(sys.argv[2]))
sys.excepthook = sys.__excepthook__  # a failure here ends the run with its traceback, not the editor's box
QApplication.instance().processEvents()
window.grab()
report = {"first window": sorted(sys.modules), "qt classes": sorted(vars(QtWidgets))}
report["properties form at first"] = "form_widget" in window.properties.__dict__
report["metric rows at first"] = len(window.metrics.row_widgets)
actions = window.actions
window.add_from_palette("it_leader")
QApplication.instance().processEvents()
report["metric rows with a role"] = len(window.metrics.row_widgets)
window.select_roles(list(window.chart.roles)[:1])
report["properties shown"] = [window.properties.title.text(), window.properties.title.accessibleName(),
                              window.properties.form_widget.isVisibleTo(window.properties)]
window.select_roles(list(window.chart.roles))
actions.copy.trigger()
actions.paste.trigger()
report["roles after copy and paste"] = len(window.chart)
actions.find.trigger()
report["find bar shown"] = window.find_bar.isVisible() and window.find_bar.field.hasFocus()
actions.outline.trigger()
report["outline rows"] = window.outline.model.rowCount()
report["outline in its dock"] = window.outline_dock.widget() is window.outline
shown = []
QtWidgets.QMessageBox.information = lambda parent, title, text: shown.append(title)
actions.shortcuts.trigger()
report["help shown"] = shown
from tdorg.ui.window.actions import ACTIONS
preview = next(spec for spec in ACTIONS if spec.name == "print_preview").slot(window)
report["print preview's target"] = f"{type(preview.__self__).__name__}.{preview.__name__}"
report["made when asked for"] = [type(window.exporter).__name__, type(window.spreadsheets).__name__]
import logging
from tdorg.ui.files.user_data import log_path
logging.getLogger("tdorg.ui").warning("A first record")
report["log"] = log_path().read_text(encoding="utf-8")
report["loaded after use"] = sorted(sys.modules)
QApplication.clipboard().clear()  # offscreen, a copy left on the clipboard outlives the application
import json
print(json.dumps(report))
"""


def test_the_first_window_leaves_printing_outline_find_bar_clipboard_formats_help_and_log_for_first_use(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path),
               XDG_DATA_HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", FIRST_USE, str(tmp_path / "s.ini"), str(tmp_path / "recovery")],
                            env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    first = set(report["first window"])
    assert "tdorg.ui.window.main_window" in first
    assert _heavy(first) == []
    assert [m for m in MADE_ON_FIRST_USE if m in first] == []
    assert [name for name in QT_MADE_ON_FIRST_USE if name in report["qt classes"]] == []
    assert not report["properties form at first"]  # the properties' form is made for the first role shown
    # the metrics panel of the empty chart is one sentence: its rows are made with the first role
    assert report["metric rows at first"] == 0 and report["metric rows with a role"] > 0
    assert report["properties shown"] == ["Director of Technology", "Title", True]
    # Each still works when first used, and loads then.
    assert report["roles after copy and paste"] == 2
    assert report["outline rows"] == 1 and report["outline in its dock"]
    assert report["help shown"] == ["Mouse and keyboard"]
    assert report["find bar shown"]
    assert report["print preview's target"] == "Printing.preview"
    assert report["made when asked for"] == ["Exporter", "Spreadsheets"]
    assert report["log"].endswith("WARNING tdorg.ui: A first record\n")
    after = set(report["loaded after use"])
    assert {"tdorg.ui.panels.outline_panel", "tdorg.ui.exporting.printing", "tdorg.ui.window.help_text",
            "tdorg.ui.canvas.find_bar", "tdorg.ui.widgets.fields", "tdorg.ui.panels.role_lines",
            "tdorg.model.formats.sample_json", "logging.handlers", "tdorg.ui.exporting.exporter",
            "tdorg.ui.spreadsheet.spreadsheet_actions", "tdorg.ui.canvas.items.role_item",
            "tdorg.ui.canvas.items.edge_items"} <= after


FIRST_WINDOW_ORDER = """
import json, sys
from pathlib import Path
order = []
class Recorder:
    def find_spec(self, name, path=None, target=None):
        order.append(name)
sys.meta_path.insert(0, Recorder())
import tdorg.ui.app as editor
editor.load_first_window_model()  # as the editor's main does, before anything imports Qt
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
window = editor.open_window(None, QSettings(sys.argv[1], QSettings.Format.IniFormat), Path(sys.argv[2]))
QApplication.instance().processEvents()
window.grab()
print(json.dumps({"before Qt": order[:order.index("PySide6")], "loaded": sorted(sys.modules)}))
"""


def _first_window_report(code: str, tmp_path):  # noqa: ANN202 - the JSON the script prints last
    """Run ``code`` (given the settings file and the recovery folder) in a fresh offscreen process in ``tmp_path``;
    what it printed last, read as JSON."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path),
               XDG_DATA_HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "s.ini"), str(tmp_path / "recovery")],
                            env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_first_windows_qt_free_modules_load_before_qt(tmp_path):
    """PySide6 reads the source of each module imported after it; the model and palette the first window uses
    are imported before it (tdorg.ui.app.FIRST_WINDOW_MODEL), and none of them imports Qt."""
    report = _first_window_report(FIRST_WINDOW_ORDER, tmp_path)
    before = set(report["before Qt"])
    assert "tdorg.model.chart" in before and "tdorg.model.rules.engine" in before
    late = [m for m in report["loaded"] if m.startswith(("tdorg.model", "tdorg.export")) and m not in before]
    assert late == [], "the first window imports these after Qt: add them to tdorg.ui.app.FIRST_WINDOW_MODEL"


def test_rich_text_escape_is_html_escape_without_quotes():
    import html

    from tdorg.ui.widgets.rich_text import escape

    for text in ("R&D <b>lead</b>", "&amp; &lt;", "Tom's \"desk\"", "<<&&>>", ""):
        assert escape(text) == html.escape(text, quote=False)


FIRST_WINDOW_DATACLASSES = """
import dataclasses, json, sys
from pathlib import Path
made = []
process = dataclasses._process_class
def recording(cls, *args, **kwargs):
    made.append(f"{cls.__module__}.{cls.__qualname__}")
    return process(cls, *args, **kwargs)
dataclasses._process_class = recording
import tdorg.ui.app as editor
editor.load_first_window_model()
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
window = editor.open_window(None, QSettings(sys.argv[1], QSettings.Format.IniFormat), Path(sys.argv[2]))
QApplication.instance().processEvents()
window.grab()
print(json.dumps(sorted(name for name in made if name.startswith("tdorg."))))
"""

#: The dataclasses the first window still makes (each compiles its methods from source at import, about 3 million
#: instructions): each is replaced field by field, mutable, compared on some of its fields only, kept in a Qt
#: item or compared by identity. Small immutable records are NamedTuples instead.
FIRST_WINDOW_DATACLASS_NAMES = {
    "tdorg.model.role.Role", "tdorg.model.district.District", "tdorg.model.district.Buildings",
    "tdorg.model.settings.RuleSettings", "tdorg.model.document.Document", "tdorg.model.document.Scenario",
    "tdorg.model.rules.base.Finding", "tdorg.model.rules.base.Report", "tdorg.model.rules.context.EffectiveFte",
    "tdorg.model.layout.Tree", "tdorg.model.layout.Layout", "tdorg.model.clipboard.Copied",
    "tdorg.ui.widgets.colour_scheme.Look", "tdorg.ui.files.autosave.Recovery",
}


def test_the_first_window_makes_no_dataclass_beyond_those_that_need_to_be_one(tmp_path):
    made = set(_first_window_report(FIRST_WINDOW_DATACLASSES, tmp_path))
    assert "tdorg.model.role.Role" in made  # it did record
    assert made - FIRST_WINDOW_DATACLASS_NAMES == set()
