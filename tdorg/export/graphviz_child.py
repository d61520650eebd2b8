"""The child program that draws a DOT file with the Graphviz bundled in pygraphviz.

Run as ``python graphviz_child.py --engine dot --format svg [--attr KEY=VALUE …] [--path DIR] SOURCE``
(see :mod:`tdorg.export.renderer`); it writes the drawing to standard output
and Graphviz's own messages to standard error. With ``--batch``, SOURCE is a
list of DOT files, one path a line, drawn in turn by this one process: each
drawing is written as its length in bytes (decimal digits and a newline),
then the drawing itself. It imports only the standard
library and pygraphviz, so it starts quickly, and it runs apart from the
editor, so a crash in Graphviz ends only this process.

Exit status: 0 drawn; 1 Graphviz could not read or draw the source (its
message is on standard error); :data:`EXIT_NO_GRAPHVIZ` pygraphviz cannot be
loaded.
"""

from __future__ import annotations

import argparse
import sys

EXIT_NO_GRAPHVIZ = 3


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="graphviz_child")
    parser.add_argument("--engine", required=True, help="layout engine: dot, or nop2 for positions as given")
    parser.add_argument("--format", required=True, help="svg, png or pdf")
    parser.add_argument("--attr", action="append", default=[], metavar="KEY=VALUE", help="a graph attribute")
    parser.add_argument("--path", action="append", default=[], help="a folder to import pygraphviz from")
    parser.add_argument("--batch", action="store_true", help="SOURCE lists DOT files, one a line")
    parser.add_argument("source", help="the DOT file, UTF-8")
    return parser.parse_args(argv)


def _graph(pygraphviz, source: str, attrs: list[str]):  # type: ignore[no-untyped-def]
    """The graph of the DOT file ``source`` with the ``KEY=VALUE`` graph attributes ``attrs`` set."""
    graph = pygraphviz.AGraph(filename=source)
    for pair in attrs:
        key, _, value = pair.partition("=")
        graph.graph_attr[key] = value
    return graph


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    sys.path[:0] = args.path
    try:
        import pygraphviz
    except ImportError as error:
        print(f"pygraphviz cannot be loaded: {error}", file=sys.stderr)
        return EXIT_NO_GRAPHVIZ
    try:
        if not args.batch:
            sys.stdout.flush()
            # pygraphviz hands the file descriptor to Graphviz, which writes the drawing as it goes.
            _graph(pygraphviz, args.source, args.attr).draw(path=sys.stdout.buffer, format=args.format,
                                                              prog=args.engine)
            return 0
        with open(args.source, encoding="utf-8") as listing:
            sources = listing.read().splitlines()
        out = sys.stdout.buffer
        for source in sources:
            drawing = _graph(pygraphviz, source, args.attr).draw(format=args.format, prog=args.engine)
            out.write(b"%d\n" % len(drawing))
            out.write(drawing)
            out.flush()
    except (pygraphviz.DotError, ValueError, OSError) as error:
        # Graphviz has already printed the details on standard error.
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
