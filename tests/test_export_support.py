"""Helpers shared by the export tests: reading back PDF, SVG and PNG output."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pypdf import PdfReader

SVG_NS = "{http://www.w3.org/2000/svg}"

needs_graphviz = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed")


def norm(text: str) -> str:
    """Text compared the way a reader sees it: ligatures unfolded, whitespace runs as one space."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def pdf_text(path: Path) -> str:
    reader = PdfReader(str(path))
    return norm(" ".join(page.extract_text() for page in reader.pages))


def pdf_page_count(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


def visible_page_texts(path: Path) -> list[str]:
    """Each page's text as poppler sees it, clipping included."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
    pages = out.decode("utf-8").split("\f")
    return [norm(p) for p in pages if p.strip()]


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
