"""Typst composes in a process of its own (the packets' tests check the documents it makes): its
errors come back as messages, and Cancel stops it."""

from __future__ import annotations

import pytest

from tdorg.export.errors import ExportCancelledError
from tdorg.export.pdf.typst_doc import TypstError, compile_pdf


def test_typsts_own_message_reaches_the_user() -> None:
    with pytest.raises(TypstError, match="The PDF pages could not be composed: .+"):
        compile_pdf("chart.typ", {"not": "what the chart template reads"})


def test_a_cancelled_composition_stops() -> None:
    with pytest.raises(ExportCancelledError):
        compile_pdf("chart.typ", {}, cancel=lambda: True)
