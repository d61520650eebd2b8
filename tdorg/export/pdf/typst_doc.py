"""Compiling a Typst document into a tagged, accessible PDF (PDF/UA-1) with tdorg's shipped fonts.

A document is a template from ``resources/typst/`` and the files it reads:
the chart's text goes in as JSON (``data.json``, read with Typst's
``json(...)``), never spliced into markup, so a title such as ``#, *, $, ]``
or ``\\`` prints as typed. The drawings go in as SVG files beside it. Only the
fonts in ``resources/fonts/`` are used, whatever the computer has installed.
Typst runs in a process of its own (:mod:`.typst_child`), so the memory it
takes to compose a large chart is given back when the document is done.
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
from pathlib import Path

from ... import resource_path
from ..errors import ExportError
from ..fonts import font_dir
from ..graphviz.runner import Cancel, run_program

#: How long one document may take to compose before it is stopped, in seconds.
TIME_LIMIT = 600.0

#: The name of the JSON file a template reads its data from.
DATA = "data.json"


class TypstError(ExportError):
    """Typst could not compose the pages."""

    def __init__(self, detail: str) -> None:
        first = " ".join(detail.split())[:300]
        super().__init__(f"The PDF pages could not be composed: {first}")


def compile_pdf(template: str, data: object, files: dict[str, bytes] | None = None, *,
                cancel: Cancel | None = None) -> bytes:
    """The PDF of ``resources/typst/<template>`` given ``data`` (as ``data.json``) and ``files``
    (name → contents, e.g. the SVG drawings), tagged and PDF/UA-1. ``cancel`` is polled while
    Typst works; it is stopped after :data:`TIME_LIMIT` seconds."""
    with tempfile.TemporaryDirectory(prefix="tdorg-typst-") as folder:
        root = Path(folder)
        for shared in resource_path("typst").glob("*.typ"):  # the template and what it imports
            (root / shared.name).write_bytes(shared.read_bytes())
        main = root / template
        (root / DATA).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        for name, contents in (files or {}).items():
            (root / name).write_bytes(contents)
        out = root / "out.pdf"
        command = [*child_command(), str(main), str(root), str(font_dir()), str(out)]
        done = run_program(command, io.BytesIO(), limit=1 << 20, timeout=TIME_LIMIT, cancel=cancel, name="Typst")
        if done.returncode != 0 or not out.is_file():
            raise TypstError(done.stderr.strip() or f"the program that composes them stopped (exit code "
                             f"{done.returncode})")
        return out.read_bytes()


def child_command() -> list[str]:
    """The command that starts :mod:`.typst_child`; the frozen app runs it itself."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--typst-child"]  # see tdorg.launcher.TYPST_CHILD
    return [sys.executable, "-I", str(Path(__file__).with_name("typst_child.py"))]


__all__ = ["DATA", "TypstError", "compile_pdf"]
