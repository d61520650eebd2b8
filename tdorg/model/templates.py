"""Charts to start from: blank, the sample districts, and size starters.

The sample districts are the JSON files in ``resources/templates/`` (found
through :func:`tdorg.resource_path`); the size starters are built in
:mod:`~tdorg.model.starter_charts`. A dialog lists
:func:`templates` and calls :func:`new_from_template` with the chosen key;
every call gives a new, independent chart.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from tdorg import resource_path

from .chart import Chart
from .errors import TdorgError
from .formats.sample_json import read_json
from .starter_charts import STARTERS

BLANK = "blank"
#: Kinds of template, in the order :func:`templates` lists them.
KINDS = ("blank", "size", "sample")


class UnknownTemplateError(TdorgError):
    def __init__(self, key: str, known: list[str]) -> None:
        super().__init__(f"There is no template “{key}”; the templates are: {', '.join(known)}.")
        self.key = key


@dataclass(frozen=True)
class Template:
    """One entry of New from template."""

    key: str
    name: str
    description: str
    kind: str  # "blank", "size" or "sample"
    students: int | None = None


def templates_dir() -> Path:
    """The folder holding the sample district JSON files (it may be missing)."""
    return resource_path("templates")


def _sample_files(folder: Path | None) -> list[Path]:
    folder = templates_dir() if folder is None else folder
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def _describe_sample(path: Path) -> Template | None:
    """Name and size from the file's district facts; ``None`` for a file that is not a sample chart."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        district = data.get("district") or {}
        roles = data.get("roles") or []
    except (OSError, ValueError, AttributeError):
        return None
    if not isinstance(district, dict) or not isinstance(roles, list):
        return None
    name = str(district.get("name") or path.stem.replace("-", " ").title())
    students = district.get("students")
    students = students if isinstance(students, int) and not isinstance(students, bool) else None
    facts = [f"{students:,} students" if students is not None else "", str(district.get("state") or ""),
             f"{len(roles)} roles"]
    description = "A real department as its leader described it: " + ", ".join(f for f in facts if f) + "."
    return Template(path.stem, name, description, "sample", students)


def templates(folder: Path | None = None) -> list[Template]:
    """Blank, the size starters, then the sample districts found in ``folder`` (default: the shipped ones)."""
    out = [Template(BLANK, "Blank chart", "An empty chart with no district facts: start from nothing.", "blank")]
    for key, (name, description, build) in STARTERS.items():
        out.append(Template(key, name, description, "size", build().district.students))
    for path in _sample_files(folder):
        template = _describe_sample(path)
        if template is not None and template.key not in {t.key for t in out}:
            out.append(template)
    return out


def new_from_template(key: str, folder: Path | None = None) -> Chart:
    """A new chart from the template ``key`` (see :func:`templates`)."""
    if key == BLANK:
        return Chart()
    if key in STARTERS:
        return STARTERS[key][2]()
    for path in _sample_files(folder):
        if path.stem == key:
            return read_json(path)
    raise UnknownTemplateError(key, [t.key for t in templates(folder)])
