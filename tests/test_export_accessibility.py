"""The accessibility check: a tagged PDF made with Typst, an untagged one made with ReportLab, unreadable files."""

from __future__ import annotations

import contextlib
import io
import os

import pytest
from reportlab.pdfgen.canvas import Canvas

from tdorg import resource_path
from tdorg.export.pdf.accessibility import UnreadablePdfError, check_pdf
from tdorg.launcher import main

typst = pytest.importorskip("typst")

TAGGED = """
#set document(title: "Board packet · Compliant School District")
#set text(lang: "en", font: "DejaVu Sans")
= Technology Department Organization
A chart of the department.
== Findings
- STR-1 holds
- CAB-2 holds
== Metrics
#table(columns: 2, table.header[Figure][Value], [Students per FTE], [240], [Devices per technician], [1,500])
#figure(rect(width: 2cm, height: 1cm), alt: "Director of Technology, reports to Superintendent")
"""


def _typst(tmp_path, source: str, name: str, **kw) -> str:
    path = tmp_path / name
    (tmp_path / f"{name}.typ").write_text(source, encoding="utf-8")
    typst.compile(str(tmp_path / f"{name}.typ"), output=str(path), font_paths=[str(resource_path("fonts"))],
                  ignore_system_fonts=True, **kw)
    return str(path)


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_a_tagged_pdf_ua_document_has_everything(tmp_path):
    path = _typst(tmp_path, TAGGED, "tagged.pdf", pdf_standards=["ua-1"])
    result = check_pdf(path)
    assert result.tagged
    assert {t: result.tags.get(t, 0) for t in ("H1", "H2", "L", "LI", "Table", "TR", "TH", "TD", "Figure")} == {
        "H1": 1, "H2": 2, "L": 1, "LI": 2, "Table": 1, "TR": 3, "TH": 2, "TD": 4, "Figure": 1}
    assert (result.figures, result.figures_without_alt, result.tables, result.tables_without_headers) == (1, 0, 1, 0)
    assert result.title == "Board packet · Compliant School District"
    assert result.displays_title and result.language == "en" and result.pdfua_part == "1"
    assert result.fonts and all(result.fonts.values())
    assert result.pages == 1 and result.unmarked_pages == ()
    assert result.missing == [] and result.accessible
    code, out, _ = _run("check-pdf", path)
    assert code == 0
    assert "✓ Figures: 1 of 1 with alternative text" in out
    assert "PDF/UA-1" in out and out.rstrip().endswith("Everything required for an accessible posted document is present.")


def test_figures_without_alt_and_tables_without_headers_are_named(tmp_path):
    source = ('#set text(lang: "de", font: "DejaVu Sans")\n= Titel\n#table(columns: 2, [a], [b])\n'
              "#figure(rect(width: 1cm, height: 1cm))\n")
    result = check_pdf(_typst(tmp_path, source, "plain.pdf"))
    assert result.tagged and result.language == "de" and result.pdfua_part == ""
    assert (result.figures, result.figures_without_alt, result.tables, result.tables_without_headers) == (1, 1, 1, 1)
    assert result.missing == [
        "1 of 1 figure without alternative text (/Alt).",
        "1 of 1 table without header cells (TH).",
        "The document has no title.",
        "A viewer shows the file name, not the title (/DisplayDocTitle is not true).",
    ]


def test_an_untagged_reportlab_chart_misses_everything(tmp_path):
    path = tmp_path / "chart.pdf"
    canvas = Canvas(str(path))
    canvas.setTitle("Technology Department Organization")
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 720, "Director of Technology")
    canvas.showPage()
    canvas.drawString(72, 720, "Network Engineer")
    canvas.showPage()
    canvas.save()
    result = check_pdf(path)
    assert (result.tagged, result.tags, result.figures, result.tables) == (False, {}, 0, 0)
    assert result.title == "Technology Department Organization"
    assert result.fonts == {"Helvetica": False}
    assert result.unmarked_pages == (1, 2)
    assert result.missing == [
        "The PDF is not marked as tagged (/MarkInfo /Marked true).",
        "The PDF has no structure tree: a screen reader finds no headings, lists or tables.",
        "A viewer shows the file name, not the title (/DisplayDocTitle is not true).",
        "The document's language is not set (/Lang).",
        "Fonts not embedded: Helvetica.",
        "Content outside marked content (neither tagged nor an artifact) on pages 1, 2.",
    ]
    code, out, err = _run("check-pdf", str(path))
    assert code == 1 and err == ""
    assert "✗ Tagged: no (/MarkInfo /Marked)" in out and "Missing:" in out


@pytest.mark.parametrize("content", [b"", b"not a pdf at all", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog"])
def test_unreadable_files_end_in_a_message_not_a_traceback(tmp_path, content):
    path = tmp_path / "broken.pdf"
    path.write_bytes(content)
    with pytest.raises(UnreadablePdfError) as caught:
        check_pdf(path)
    assert str(path) in str(caught.value)
    code, out, err = _run("check-pdf", str(path))
    assert code == 2 and out == ""
    assert err.startswith(f"tdorg: {path}: ") and "Traceback" not in err and len(err.splitlines()) == 1


def test_a_missing_file_or_a_named_pipe_is_refused_at_once(tmp_path):
    code, _, err = _run("check-pdf", str(tmp_path / "none.pdf"))
    assert code == 2 and "There is no such file." in err
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    code, _, err = _run("check-pdf", str(fifo))
    assert code == 2 and "named pipe" in err
