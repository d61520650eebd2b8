"""File › Print… and Print Preview…: the chart on paper exactly as File › Export… lays it out as a PDF.

The chart PDF is made with the last export's choices (layout, paper,
orientation, big charts, badges; an orientation left Automatic is the one
that prints the chart better) in the background, with the export's progress dialog and
Cancel, into a temporary folder. Its pages are then drawn onto the printer's
pages, each scaled to the sheet; printing to a PDF file writes the export's
own pages, so their text stays text.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, QRectF, QSize, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtWidgets import QDialog, QStatusBar, QWidget

from ..widgets.error_box import show_error

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

    from tdorg.export import ExportOptions

    from .exporter import Exporter

#: How finely a page is drawn for a printer: dots per inch.
PRINT_DPI = 300
_PAPER = {"letter": QPageSize.PageSizeId.Letter, "legal": QPageSize.PageSizeId.Legal,
          "tabloid": QPageSize.PageSizeId.Tabloid, "a4": QPageSize.PageSizeId.A4, "a3": QPageSize.PageSizeId.A3}
_FAILED = "Could not print the chart"


def print_options(remembered: dict[str, str]) -> "ExportOptions":
    """The chart PDF's options from the last export's ``remembered`` choices (a choice that is not valid is
    left at its default)."""
    from tdorg.export import ExportOptions
    from tdorg.export.option_choices import FITS, LAYOUTS, MIN_TITLE_PTS, ORIENTATIONS, PAGE_SIZES, POSTER_SCALES

    defaults = ExportOptions()

    def choice(key: str, allowed: tuple[str, ...] | dict[str, object]) -> str:
        value = remembered.get(key, "")
        return value if value in allowed else getattr(defaults, key)

    def number(key: str, low: float, high: float) -> float:
        try:
            value = float(remembered.get(key, ""))
        except ValueError:
            return getattr(defaults, key)
        return value if low <= value <= high else getattr(defaults, key)

    return ExportOptions(format="pdf", layout=choice("layout", LAYOUTS), page=choice("page", PAGE_SIZES),
                         orientation=choice("orientation", ORIENTATIONS), fit=choice("fit", FITS),
                         badges=remembered.get("badges") == "1", poster_scale=number("poster_scale", *POSTER_SCALES),
                         min_title_pt=number("min_title_pt", *MIN_TITLE_PTS))


def page_numbers(printer: "QPrinter", count: int) -> list[int]:
    """The pages (from 0) of a ``count``-page document the print dialog chose: all, or a range."""
    from PySide6.QtPrintSupport import QPrinter

    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage(), min(printer.toPage() or count, count)
        return list(range(first - 1, last))
    return list(range(count))


def paint_pages(document: "QPdfDocument", printer: "QPrinter") -> bool:
    """Draw the chosen pages of ``document`` on ``printer``, each scaled to the sheet and centred on it."""
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        for n, index in enumerate(page_numbers(printer, document.pageCount())):
            if n:
                printer.newPage()
            sheet = QRectF(painter.viewport())
            points = document.pagePointSize(index)
            scale = min(sheet.width() / points.width(), sheet.height() / points.height())
            target = QRectF(0, 0, points.width() * scale, points.height() * scale)
            target.moveCenter(sheet.center())
            dots = min(scale, PRINT_DPI / 72)
            image = document.render(index, QSize(round(points.width() * dots), round(points.height() * dots)))
            painter.drawImage(target, image)
    finally:
        painter.end()
    return True


def copy_pages(source: Path, target: Path, pages: list[int]) -> None:
    """Write ``pages`` of the PDF ``source`` to ``target`` as they are (text stays text)."""
    from pypdf import PdfReader, PdfWriter

    reader, writer = PdfReader(source), PdfWriter()
    for index in pages:
        writer.add_page(reader.pages[index])
    with target.open("wb") as out:
        writer.write(out)


class Printing(QObject):
    """File › Print… and Print Preview… of the shown scenario, through the exporter's background export."""

    #: A print or preview has ended (printed, cancelled or failed).
    done = Signal()

    def __init__(self, exporter: "Exporter", status: QStatusBar, parent: QWidget) -> None:
        super().__init__(parent)
        self.exporter, self.status, self.window = exporter, status, parent

    def print_chart(self) -> None:
        """Make the chart PDF, then ask for a printer and print it."""
        self._make_pdf(self._print)

    def preview(self) -> None:
        """Make the chart PDF, then show its pages as the printer would print them."""
        self._make_pdf(self._preview)

    def _make_pdf(self, then: Callable[["QPdfDocument", Path, "ExportOptions"], None]) -> None:
        from tdorg.export.option_choices import ORIENTATIONS

        from .export_dialog import ExportJob
        from .exporter import ready_graphviz

        running = self.exporter.job
        if running is not None and running.isRunning():
            self.status.showMessage("An export is running; print when it has finished.", 8000)
            self.done.emit()
            return
        ready_graphviz()  # it starts while the chart is copied and its drawing is built
        remembered = self.exporter.remembered()
        options = print_options(remembered)
        folder = Path(tempfile.mkdtemp(prefix="tdorg-print-"))
        pdf = folder / "chart.pdf"
        sessions = self.exporter.sessions
        open_orientation = remembered.get("orientation") not in ORIENTATIONS  # left Automatic
        job = ExportJob(sessions.active.chart.copy(), sessions.report, pdf, options, False, self.window,
                        orientation_open=open_orientation)

        def succeeded(_target: str) -> None:
            try:
                self._with_document(pdf, lambda document: then(document, pdf, job.options))
            finally:
                shutil.rmtree(folder, ignore_errors=True)
                self.done.emit()

        def stopped() -> None:
            shutil.rmtree(folder, ignore_errors=True)
            self.done.emit()

        job.succeeded.connect(succeeded)
        job.failed.connect(lambda message: (show_error(self.window, _FAILED, message), stopped()))
        job.cancelled.connect(lambda: (self.status.showMessage("Printing cancelled.", 8000), stopped()))
        self.exporter.run_job(job, "Preparing to Print")

    def _with_document(self, pdf: Path, use: Callable[["QPdfDocument"], None]) -> None:
        from PySide6.QtPdf import QPdfDocument

        document = QPdfDocument(self)
        try:
            if document.load(str(pdf)) != QPdfDocument.Error.None_ or document.pageCount() == 0:
                show_error(self.window, _FAILED, "The chart's pages could not be read back for the printer.")
                return
            use(document)
        finally:
            document.close()
            document.deleteLater()

    def _printer(self, options: "ExportOptions") -> "QPrinter":
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.exporter.whereabouts()[1])  # what the printer's queue lists
        printer.setFullPage(True)  # the chart's pages bring their own margins
        orientation = (QPageLayout.Orientation.Landscape if options.orientation == "landscape"
                       else QPageLayout.Orientation.Portrait)
        printer.setPageSize(QPageSize(_PAPER[options.page]))
        printer.setPageOrientation(orientation)
        return printer

    def _print(self, document: "QPdfDocument", pdf: Path, options: "ExportOptions") -> None:
        from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter

        printer = self._printer(options)
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle("Print Chart")
        dialog.setMinMax(1, document.pageCount())
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        pages = page_numbers(printer, document.pageCount())
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
            target = Path(printer.outputFileName())
            try:
                copy_pages(pdf, target, pages)
            except OSError as error:
                show_error(self.window, _FAILED, f"{target}: {error.strerror or error}")
                return
        elif not paint_pages(document, printer):
            show_error(self.window, _FAILED, f"The printer “{printer.printerName()}” could not be started.")
            return
        self.status.showMessage(f"Sent {len(pages)} page{'s' if len(pages) != 1 else ''} to "
                                f"{printer.outputFileName() or printer.printerName() or 'the printer'}.", 8000)

    def _preview(self, document: "QPdfDocument", _pdf: Path, options: "ExportOptions") -> None:
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        printer = self._printer(options)  # kept here: the dialog does not own it
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setWindowTitle("Print Preview")
        dialog.paintRequested.connect(lambda printer: paint_pages(document, printer))
        dialog.resize(self.window.size() * 0.85)
        dialog.exec()
