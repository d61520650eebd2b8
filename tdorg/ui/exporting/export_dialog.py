"""File › Export…: options, target file, and the export running in a worker thread.

The export works on a copy of the chart, so the window stays responsive and
the progress dialog's Cancel stops Graphviz at once. A board packet can list
the changes from another scenario of the document; the comparison is worked
out in the background too. Every failure is shown
with the export's own sentence; nothing half-written is left at the target.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from PySide6.QtCore import QThread, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from tdorg.export import ExportCancelledError, ExportError, ExportOptions, ExportRun, export_chart, export_packet
from tdorg.export import graphviz_available
from tdorg.export.pdf.chartpages import describe_export
from tdorg.export.option_choices import DEFAULT_MIN_TITLE_PT, FORMAT_LABELS, PAGE_LABELS

#: The poster sizes offered, in percent of reading size.
POSTER_SCALE_CHOICES = (100, 75, 60, 50, 35, 25)
#: The smallest title sizes offered, in points.
MIN_TITLE_CHOICES = (6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 14.0)
from tdorg.model.chart import Chart
from tdorg.model.compare import Comparison, compare
from tdorg.model.errors import TdorgError
from tdorg.model.rules import Report, validate

_SLIDES_NOTE = "PowerPoint slides are always laid out as on the canvas, never as a poster, and end with the " \
               "findings instead of marking boxes."
_INSTALL = "Graphviz (the pygraphviz package that comes with tdorg) cannot be found, so only DOT source and " \
           "PowerPoint slides can be written. Reinstall tdorg for PDF, SVG and PNG."


class ExportDialog(QDialog):
    """Chooses what to export and how; ``options()``, ``packet()`` and ``compare_to()`` give the choice.

    ``scenarios`` names the document's other scenarios, whose changes to the
    exported one a packet can include.
    """

    def __init__(self, parent: QWidget | None = None, remembered: dict[str, str] | None = None,
                 scenarios: Sequence[str] = (), exported: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export")
        remembered = remembered or {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        self.scenario_label = QLabel(f"Exports the scenario “{exported}”." if exported else "")
        self.scenario_label.setVisible(bool(exported))
        layout.addWidget(self.scenario_label)
        self.chart_radio = QRadioButton("The chart")
        self.packet_radio = QRadioButton("Board packet (PDF): cover, chart, metrics and findings with sources")
        group = QButtonGroup(self)
        group.addButton(self.chart_radio)
        group.addButton(self.packet_radio)
        (self.packet_radio if remembered.get("packet") == "1" else self.chart_radio).setChecked(True)
        layout.addWidget(self.chart_radio)
        layout.addWidget(self.packet_radio)
        self.changes_from = QComboBox()
        self.changes_from.addItem("None", None)
        for name in scenarios:
            self.changes_from.addItem(name, name)
        self.changes_row = QWidget()
        row = QHBoxLayout(self.changes_row)
        row.setContentsMargins(24, 0, 0, 0)
        row.addWidget(QLabel("Include changes from scenario:"))
        row.addWidget(self.changes_from, 1)
        self.changes_row.setVisible(bool(scenarios))
        layout.addWidget(self.changes_row)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(form)
        self.format = self._combo(FORMAT_LABELS, remembered.get("format", "pdf"))
        self.layout_combo = self._combo({"canvas": "As on the canvas", "auto": "Automatic (Graphviz)"},
                                        remembered.get("layout", "canvas"))
        self.page = self._combo(PAGE_LABELS, remembered.get("page", "letter"))
        self.orientation = self._combo({"auto": "Automatic: the one that prints the chart larger",
                                        "landscape": "Landscape", "portrait": "Portrait"},
                                       remembered.get("orientation", "auto"))
        self.orientation.setToolTip("Automatic prints a PDF fitted to the paper portrait when that takes fewer "
                                    "pages or prints the role titles larger, else landscape.")
        self.fit = self._combo({"page": "Fit to the paper: one page, or department pages",
                                "poster": "Poster: reading size, across pages"},
                               remembered.get("fit", "page"))
        self.min_title = self._combo({f"{v:g}": f"{v:g} pt" + (" (default)" if v == DEFAULT_MIN_TITLE_PT else "")
                                      for v in MIN_TITLE_CHOICES}, remembered.get("min_title_pt", "8"))
        self.min_title.setToolTip("Role titles never print smaller than this: a chart that would is split into "
                                  "department pages, each continued from the page above it.")
        self.poster_scale = self._combo({str(v): f"{v}% of reading size" for v in POSTER_SCALE_CHOICES},
                                        remembered.get("poster_scale", "100"))
        self.poster_scale.setToolTip("A smaller poster prints on fewer sheets; 50% is still readable.")
        self.badges = QCheckBox("Mark roles named by findings")
        self.badges.setChecked(remembered.get("badges") == "1")
        form.addRow("Format", self.format)
        form.addRow("Layout", self.layout_combo)
        form.addRow("Paper", self.page)
        form.addRow("Orientation", self.orientation)
        form.addRow("Big charts", self.fit)
        form.addRow("Poster size", self.poster_scale)
        form.addRow("Smallest titles", self.min_title)
        form.addRow("", self.badges)
        self.warning = QLabel(_INSTALL)
        self.warning.setWordWrap(True)
        self.warning.setProperty("role", "field-error")
        self.warning.setVisible(not graphviz_available())
        layout.addWidget(self.warning)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton("Export…", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for signal in (self.format.currentIndexChanged, self.packet_radio.toggled, self.fit.currentIndexChanged,
                       self.layout_combo.currentIndexChanged):
            signal.connect(self._sync)
        self._sync()
        self.setMinimumWidth(440)

    def _combo(self, choices: dict[str, str], current: str) -> QComboBox:
        combo = QComboBox()
        for key, text in choices.items():
            combo.addItem(text, key)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    def packet(self) -> bool:
        return self.packet_radio.isChecked()

    def compare_to(self) -> str | None:
        """The scenario whose changes the packet lists, if any."""
        return self.changes_from.currentData() if self.packet() else None

    def slides(self) -> bool:
        """PowerPoint slides are chosen: laid out as on the canvas, fitted, without badges (as ``tdorg export``)."""
        return not self.packet() and self.format.currentData() == "pptx"

    def _sync(self, *_args: object) -> None:
        packet, slides = self.packet(), self.slides()
        self.changes_row.setEnabled(packet)
        self.format.setEnabled(not packet)
        paged = packet or self.format.currentData() == "pdf"
        for widget in (self.page, self.orientation, self.fit):
            widget.setEnabled(paged)
        for widget in (self.layout_combo, self.badges):
            widget.setEnabled(not slides)
            widget.setToolTip(_SLIDES_NOTE if slides else "")
        options = self.options()
        self.poster_scale.setEnabled(paged and options.fit == "poster")
        self.min_title.setEnabled((paged or slides) and options.fit == "page" and options.layout == "canvas")
        needs_dot = packet or self.format.currentData() not in ("dot", "pptx")
        self.ok.setEnabled(graphviz_available() or not needs_dot)

    def orientation_open(self) -> bool:
        """No orientation is chosen: the export prints the one that prints the chart better."""
        return self.orientation.currentData() == "auto"

    def options(self) -> ExportOptions:
        """The chosen options; landscape when the orientation is left open (see ``orientation_open``)."""
        slides = self.slides()
        return ExportOptions(
            format="pdf" if self.packet() else self.format.currentData(),
            layout="canvas" if slides else self.layout_combo.currentData(),
            page=self.page.currentData(),
            orientation="landscape" if self.orientation_open() else self.orientation.currentData(),
            fit="page" if slides else self.fit.currentData(),
            badges=self.badges.isChecked() and not slides,
            poster_scale=float(self.poster_scale.currentData()),
            min_title_pt=float(self.min_title.currentData()),
        )

    def remembered(self) -> dict[str, str]:
        """The choices as shown (also those slides ignore), for the next export."""
        return {"packet": "1" if self.packet() else "0", "format": self.format.currentData(),
                "layout": self.layout_combo.currentData(), "page": self.page.currentData(),
                "orientation": self.orientation.currentData(), "fit": self.fit.currentData(),
                "badges": "1" if self.badges.isChecked() else "0",
                "poster_scale": self.poster_scale.currentData(), "min_title_pt": self.min_title.currentData()}


@dataclass
class ChangesFrom:
    """Another scenario (A) whose changes to the exported chart (B) a packet lists."""

    name_a: str
    chart_a: Chart
    report_a: Report | None
    name_b: str


class ExportJob(QThread):
    """Runs one export off the GUI thread; ``cancel()`` stops it."""

    progressed = Signal(str, float)
    succeeded = Signal(str)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, chart: Chart, report: Report | None, path: Path, options: ExportOptions, packet: bool,
                 parent: QWidget | None = None, changes_from: ChangesFrom | None = None,
                 scenario: str | None = None, orientation_open: bool = False) -> None:
        """With ``orientation_open``, ``options`` become those in the orientation that prints the chart better."""
        super().__init__(parent)
        self.chart, self.report, self.path, self.options, self.packet = chart, report, path, options, packet
        self.changes_from = changes_from
        self.scenario = scenario
        self.orientation_open = orientation_open
        #: Which mode gave which pages, once the export is done.
        self.pages_note = ""
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def _comparison(self) -> Comparison | None:
        base = self.changes_from
        if base is None:
            return None
        self.progressed.emit(f"Comparing with “{base.name_a}”", 0.0)
        if self.report is None:
            self.report = validate(self.chart)
        comparison = compare(base.chart_a, self.chart, base.report_a, self.report, base.name_a, base.name_b)
        if self._stop.is_set():
            raise ExportCancelledError()
        return comparison

    def _choose_orientation(self) -> str:
        """Turn the options to the orientation that prints better when none was chosen; the sentence why."""
        if not self.orientation_open:
            return ""
        from tdorg.export.orientation import choose_orientation

        self.progressed.emit("Choosing the orientation", 0.0)
        self.options, why = choose_orientation(self.chart, self.options, self.packet)
        if self._stop.is_set():
            raise ExportCancelledError()
        return why

    def run(self) -> None:
        def progress(stage: str, fraction: float) -> None:
            self.progressed.emit(stage, fraction)

        try:
            turned = self._choose_orientation()
            if self.packet:
                run = ExportRun(report=self.report, cancel=self._stop.is_set, progress=progress, scenario=self.scenario)
                target = export_packet(self.chart, self.path, self.options, run, comparison=self._comparison())
            else:
                run = ExportRun(report=self.report, cancel=self._stop.is_set, progress=progress)
                target = export_chart(self.chart, self.path, self.options, run)
        except ExportCancelledError:
            self.cancelled.emit()
        except (ExportError, TdorgError) as error:
            self.failed.emit(str(error))
        except OSError as error:
            self.failed.emit(f"{self.path}: {error.strerror or error}")
        else:
            self.pages_note = " ".join(filter(None, (turned, describe_export(self.chart, self.options, self.packet))))
            self.succeeded.emit(str(target))
