"""``tdorg check-pdf FILE.pdf``: what a PDF carries for accessibility, and whether anything required is missing."""

from __future__ import annotations

import argparse
import sys

ORDER = 55  # after ``export`` in ``tdorg --help``
EXIT_OK = 0
EXIT_MISSING = 1


def add_command(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check-pdf",
        help="report what a PDF carries for accessibility (tags, title, language, alt text, table headers)",
        description=(
            "Read a PDF (a board packet, a chart or any other) and report what it carries for accessibility: "
            "whether it is tagged, its structure tags (headings, lists, tables, figures) with counts, figures "
            "with and without alternative text, tables with and without header cells, the document title and "
            "whether viewers show it, the language, a PDF/UA identification in its metadata, whether its fonts "
            "are embedded, and the pages whose content is not marked."
        ),
        epilog=(
            "Exit codes: 0 everything a posted document needs is present (a PDF/UA identification is reported "
            "but not required); 1 something is missing; 2 the file cannot be read or the command line is wrong."
        ),
    )
    parser.add_argument("file", metavar="FILE.pdf", help="the PDF to check")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from tdorg.export.pdf.accessibility import check_pdf

    result = check_pdf(args.file)
    for line in result.lines():
        print(line, file=sys.stdout)
    return EXIT_OK if result.accessible else EXIT_MISSING
