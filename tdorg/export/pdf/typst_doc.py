"""Compiling a Typst document into a tagged, accessible PDF (PDF/UA-1) with tdorg's shipped fonts.

A document is a template from ``resources/typst/`` and the files it reads:
the chart's text goes in as JSON (``data.json``, read with Typst's
``json(...)``), never spliced into markup, so a title such as ``#, *, $, ]``
or ``\\`` prints as typed. The drawings go in as SVG files beside it. Only the
fonts in ``resources/fonts/`` are used, whatever the computer has installed.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from ... import resource_path
from ..errors import ExportError
from ..fonts import font_dir

#: The name of the JSON file a template reads its data from.
DATA = "data.json"


class TypstError(ExportError):
    """Typst could not compose the pages."""

    def __init__(self, detail: str) -> None:
        first = " ".join(detail.split())[:300]
        super().__init__(f"The PDF pages could not be composed: {first}")


def compile_pdf(template: str, data: object, files: dict[str, bytes] | None = None) -> bytes:
    """The PDF of ``resources/typst/<template>`` given ``data`` (as ``data.json``) and ``files``
    (name → contents, e.g. the SVG drawings), tagged and PDF/UA-1."""
    import typst

    with tempfile.TemporaryDirectory(prefix="tdorg-typst-") as folder:
        root = Path(folder)
        for shared in resource_path("typst").glob("*.typ"):  # the template and what it imports
            (root / shared.name).write_bytes(shared.read_bytes())
        main = root / template
        (root / DATA).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        for name, contents in (files or {}).items():
            (root / name).write_bytes(contents)
        try:
            return typst.compile(str(main), root=str(root), font_paths=[str(font_dir())], ignore_system_fonts=True,
                                 pdf_standards="ua-1", pdf_tags=True)
        except typst.TypstError as error:
            raise TypstError(str(error)) from None
        except OSError as error:
            raise TypstError(f"a file could not be read ({error})") from None


__all__ = ["DATA", "TypstError", "compile_pdf"]
