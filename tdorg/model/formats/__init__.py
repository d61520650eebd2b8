"""Chart files by extension: ``.tdorg`` (the app's own), ``.json`` and ``.csv`` (the samples').

``load_chart`` and ``save_chart`` pick the format from the file's extension.
A ``.tdorg`` file can hold several scenarios; these functions read its active
scenario and write a one-scenario file. Use
:mod:`tdorg.model.persistence` directly to keep every scenario.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ...lazy_imports import lazy_names
from ..errors import FileError

if TYPE_CHECKING:
    from ..chart import Chart
    from .sample_csv import read_csv, write_csv
    from .sample_json import read_json, write_json

#: The readers and writers load on first use: ``kind_of`` and the extensions stay cheap to import.
__getattr__ = lazy_names(__name__, {"sample_csv": ("read_csv", "write_csv"), "sample_json": ("read_json", "write_json")})

TDORG = ".tdorg"
JSON = ".json"
CSV = ".csv"
EXTENSIONS: tuple[str, ...] = (TDORG, JSON, CSV)

#: What a format keeps of a chart, for notes shown to the user.
LOSSES: dict[str, str] = {
    CSV: "CSV keeps roles only: the district facts, chart notes, rule settings, arrangements and collapsed managers are not written.",
}


def kind_of(path: str | Path) -> str:
    """The format of ``path`` by its extension; :class:`FileError` for any other."""
    suffix = Path(path).suffix.lower()
    if suffix not in EXTENSIONS:
        known = ", ".join(EXTENSIONS)
        shown = f"“{suffix}”" if suffix else "no extension"
        raise FileError(path, f"tdorg cannot tell the format of a file with {shown}; use one of {known}.")
    return suffix


def load_chart(path: str | Path) -> Chart:
    """Read a chart from a ``.tdorg``, ``.json`` or ``.csv`` file."""
    kind = kind_of(path)
    if kind == JSON:
        from .sample_json import read_json

        return read_json(path)
    if kind == CSV:
        from .sample_csv import read_csv

        return read_csv(path)
    from ..persistence import open_chart

    return open_chart(path)


def save_chart(chart: Chart, path: str | Path) -> None:
    """Write a chart to a ``.tdorg``, ``.json`` or ``.csv`` file, atomically."""
    kind = kind_of(path)
    if kind == JSON:
        from .sample_json import write_json

        write_json(chart, path)
    elif kind == CSV:
        from .sample_csv import write_csv

        write_csv(chart, path)
    else:
        from ..persistence import save_chart as save_tdorg

        save_tdorg(chart, path)


__all__ = [
    "CSV",
    "EXTENSIONS",
    "JSON",
    "LOSSES",
    "TDORG",
    "kind_of",
    "load_chart",
    "read_csv",
    "read_json",
    "save_chart",
    "write_csv",
    "write_json",
]
