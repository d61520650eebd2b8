"""Helpers shared by the export tests: reading back PDF, SVG and PNG output."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pypdf import PdfReader

from tdorg.export import graphviz_available

SVG_NS = "{http://www.w3.org/2000/svg}"

needs_graphviz = pytest.mark.skipif(not graphviz_available(), reason="pygraphviz (tdorg's Graphviz) is not installed")
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed")


def norm(text: str) -> str:
    """Text compared the way a reader sees it: ligatures unfolded, whitespace runs as one space."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def pdf_text(path: Path) -> str:
    reader = PdfReader(str(path))
    return norm(" ".join(page.extract_text() for page in reader.pages))


def pdf_page_count(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


def visible_page_texts(path: Path, workers: int = 2) -> list[str]:
    """Each page's text as poppler sees it, clipping included (pages read by a few processes at once)."""
    count = pdf_page_count(path)
    step = -(-count // workers)
    runs = [
        subprocess.Popen(
            ["pdftotext", "-enc", "UTF-8", "-f", str(first), "-l", str(min(count, first + step - 1)), str(path), "-"],
            stdout=subprocess.PIPE,
        )
        for first in range(1, count + 1, step)
    ]
    pages: list[str] = []
    for run in runs:
        out, _ = run.communicate()
        assert run.returncode == 0
        pages += out.decode("utf-8").split("\f")[:-1]  # each page ends with a form feed
    assert len(pages) == count
    return [norm(p) for p in pages]


def svg_nodes(path: Path) -> dict[str, str]:
    """Node name → the node's text, from Graphviz SVG (parsed strictly as XML)."""
    root = ET.parse(path).getroot()
    nodes = {}
    for group in root.iter(f"{SVG_NS}g"):
        if group.get("class") != "node":
            continue
        name = group.findtext(f"{SVG_NS}title") or ""
        texts = ["".join(t.itertext()) for t in group.iter(f"{SVG_NS}text")]
        nodes[name] = norm(" ".join(texts))
    return nodes


def svg_edge_count(path: Path) -> int:
    root = ET.parse(path).getroot()
    return sum(1 for g in root.iter(f"{SVG_NS}g") if g.get("class") == "edge")


def role_nodes(nodes: dict[str, str]) -> dict[str, str]:
    """Without the invisible joints of stacked reporting lines."""
    return {k: v for k, v in nodes.items() if "~" not in k}
