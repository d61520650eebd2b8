"""Refusing an export target that would overwrite a chart.

An export never goes onto a file it reads (the same file by any path, hard
link or symbolic link), nor onto a name with a chart or spreadsheet
extension: ``-o plan.tdorg`` for a PDF is a slip that would lose the chart.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from ..model.formats import EXTENSIONS
from ..model.importing.table import WORKBOOK_EXTENSIONS
from .errors import ExportOptionError

#: Extensions of files that hold charts or roles; an export is never written under one.
CHART_EXTENSIONS: tuple[str, ...] = (*EXTENSIONS, *WORKBOOK_EXTENSIONS)


def check_target(path: str | os.PathLike[str], fmt: str, inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Raise :class:`ExportOptionError` if writing the ``fmt`` export at ``path`` could overwrite a chart."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix in CHART_EXTENSIONS:
        raise ExportOptionError(
            f"{target}: that is the name of a chart file ({suffix}), and the export is {fmt.upper()}; "
            f"tdorg does not write exports under chart names. Name the output .{fmt}."
        )
    for source in inputs:
        if _same_file(target, Path(source)):
            raise ExportOptionError(
                f"{target}: that is the chart {source} being read for this export; choose another file to write."
            )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return False


__all__ = ["CHART_EXTENSIONS", "check_target"]
