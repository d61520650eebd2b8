"""The ``tdorg`` program: the editor when run bare or on one chart file, else the command line."""

from __future__ import annotations

import sys
from pathlib import Path

CHART_SUFFIXES = (".tdorg", ".json", ".csv")
#: First argument that makes the frozen app run the Graphviz child (it has no Python to start it with).
GRAPHVIZ_CHILD = "--graphviz-child"
#: The same for the Typst child (``tdorg.export.pdf.typst_doc.child_command``).
TYPST_CHILD = "--typst-child"


def wants_editor(argv: list[str]) -> bool:
    """``tdorg`` and ``tdorg chart.tdorg`` open the editor, also after the editor's one option
    ``--color-scheme light|dark``; anything else is a command."""
    if argv[:1] and argv[0].startswith("--color-scheme"):
        argv = argv[1:] if "=" in argv[0] else argv[2:]
    if not argv:
        return True
    return len(argv) == 1 and not argv[0].startswith("-") and Path(argv[0]).suffix.lower() in CHART_SUFFIXES


def main(argv: list[str] | None = None) -> int:
    """Run the editor or a command; any failure that escapes them is one line and exit code 2."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == [GRAPHVIZ_CHILD]:
        return graphviz_child(argv[1:])
    if argv[:1] == [TYPST_CHILD]:
        from .export.pdf.typst_child import main as typst_child

        return typst_child(argv[1:])
    try:
        if wants_editor(argv):
            from tdorg.ui.app import main as editor

            return editor(argv)
        from tdorg.cli.commands import run

        return run(argv)
    except Exception as error:  # noqa: BLE001 - never a traceback in front of a user
        from tdorg.cli.commands import unexpected_failure

        return unexpected_failure(error)


def graphviz_child(argv: list[str]) -> int:
    """Run ``tdorg/export/graphviz/graphviz_child.py`` from its file, without importing the export package."""
    import runpy

    child = runpy.run_path(str(Path(__file__).resolve().parent / "export" / "graphviz" / "graphviz_child.py"))
    return child["main"](argv)


if __name__ == "__main__":
    sys.exit(main())
