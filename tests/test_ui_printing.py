"""File › Print… and Print Preview…: the chart PDF's pages on the printer, made in the background."""

import subprocess

from PySide6.QtGui import QColor, QPageLayout
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QMessageBox

from tdorg.export import ExportCancelledError, ExportError, ExportOptions
from tdorg.ui.exporting.printing import print_options
from tests.test_export_support import needs_graphviz, needs_poppler, pdf_page_count


def print_to(monkeypatch, target, pages=None):
    """The print dialog chooses a PDF file printer writing ``target`` (and a page range ``pages``)."""
    def choose(dialog):
        assert dialog.windowTitle() == "Print Chart"
        printer = dialog.printer()
        assert printer.docName().startswith("Francis Howell R-III School District")  # as the queue lists it
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        if pages:
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(*pages)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", choose)


def poster(window):
    """The last export was a poster: a chart that prints on several sheets."""
    window.settings.setValue("export/fit", "poster")
    window.settings.setValue("export/page", "a4")


def export_as_printed(window, folder):
    """File › Export… of the chart PDF that printing makes."""
    exported = folder / "exported.pdf"
    job = window.exporter.start(exported, print_options(window.exporter.remembered()), False)
    assert job.wait(120_000)
    return exported


def distinct_colours(pdf, page=0):
    document = QPdfDocument()
    assert document.load(str(pdf)) == QPdfDocument.Error.None_
    image = document.render(page, document.pagePointSize(page).toSize())
    colours = {image.pixelColor(x, y).rgb() for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    document.close()
    return colours


@needs_graphviz
@needs_poppler
def test_printing_to_a_pdf_file_prints_the_exports_pages_with_their_text(window, qtbot, monkeypatch, tmp_path):
    poster(window)
    target = tmp_path / "printed.pdf"
    print_to(monkeypatch, target)
    with qtbot.waitSignal(window.printing.done, timeout=120_000):
        window.printing.print_chart()
    exported = export_as_printed(window, tmp_path)
    assert pdf_page_count(target) == pdf_page_count(exported) > 1
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "Director" in text and "Network Engineer" in text
    assert "Sent" in window.statusBar().currentMessage()


@needs_graphviz
def test_a_page_range_prints_only_those_pages(window, qtbot, monkeypatch, tmp_path):
    poster(window)
    target = tmp_path / "two.pdf"
    print_to(monkeypatch, target, pages=(2, 3))
    with qtbot.waitSignal(window.printing.done, timeout=120_000):
        window.printing.print_chart()
    assert pdf_page_count(target) == 2


@needs_graphviz
def test_the_preview_draws_every_page_of_the_chart_on_the_printer(window, qtbot, monkeypatch, tmp_path):
    poster(window)
    drawn = tmp_path / "preview.pdf"
    seen = {}

    def show(dialog):
        seen["title"] = dialog.windowTitle()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(drawn))
        seen["layout"] = dialog.printer().pageLayout().pageSize().id()
        printer.setPageLayout(dialog.printer().pageLayout())
        printer.setFullPage(True)
        dialog.paintRequested.emit(printer)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QPrintPreviewDialog, "exec", show)
    with qtbot.waitSignal(window.printing.done, timeout=120_000):
        window.printing.preview()
    exported = export_as_printed(window, tmp_path)
    assert seen["title"] == "Print Preview"
    assert seen["layout"].name == "A4"  # the printer starts on the export's paper
    assert pdf_page_count(drawn) == pdf_page_count(exported) > 1
    colours = distinct_colours(drawn)
    assert QColor("white").rgb() in colours and len(colours) > 20  # boxes and text, not a blank sheet


def test_a_failed_export_is_explained_in_the_error_box_and_nothing_prints(window, qtbot, dialogs, monkeypatch,
                                                                          tmp_path):
    def fail(*_args, **_kwargs):
        raise ExportError("Graphviz stopped after 120 seconds.")

    monkeypatch.setattr("tdorg.ui.exporting.export_dialog.export_chart", fail)
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: pytest_fail("no print dialog after a failure"))
    dialogs.answer(QMessageBox.StandardButton.Ok)
    with qtbot.waitSignal(window.printing.done, timeout=120_000):
        window.printing.print_chart()
    assert dialogs.seen == [("Could not print the chart", "Graphviz stopped after 120 seconds.")]


def test_cancel_while_the_pages_are_made_prints_nothing(window, qtbot, monkeypatch):
    def stopped(*_args, **_kwargs):
        raise ExportCancelledError()

    monkeypatch.setattr("tdorg.ui.exporting.export_dialog.export_chart", stopped)
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: pytest_fail("no print dialog after Cancel"))
    with qtbot.waitSignal(window.printing.done, timeout=120_000):
        window.printing.print_chart()
    assert window.statusBar().currentMessage() == "Printing cancelled."


def test_printing_takes_the_last_exports_choices_and_defaults_for_the_rest():
    options = print_options({"format": "svg", "layout": "auto", "page": "a3", "orientation": "portrait",
                             "fit": "poster", "badges": "1", "poster_scale": "50", "min_title_pt": "10"})
    assert options == ExportOptions(format="pdf", layout="auto", page="a3", orientation="portrait", fit="poster",
                                    badges=True, poster_scale=50.0, min_title_pt=10.0)
    assert print_options({"page": "napkin", "poster_scale": "900", "min_title_pt": "big"}) == ExportOptions()


def pytest_fail(message):
    import pytest

    pytest.fail(message)


@needs_graphviz
def test_an_orientation_left_open_prints_the_one_that_prints_larger(make_window, qtbot, monkeypatch):
    window = make_window("west-salem")  # narrow: its titles print at 13.3 pt portrait, 10.0 pt landscape
    seen = []
    monkeypatch.setattr(QPrintPreviewDialog, "exec",
                        lambda dialog: seen.append(dialog.printer().pageLayout().orientation()) or 0)
    for remembered in ("", "auto", "landscape"):
        window.settings.setValue("export/orientation", remembered)
        with qtbot.waitSignal(window.printing.done, timeout=120_000):
            window.printing.preview()
    portrait, landscape = QPageLayout.Orientation.Portrait, QPageLayout.Orientation.Landscape
    assert seen == [portrait, portrait, landscape]
