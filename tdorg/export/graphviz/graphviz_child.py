"""The child program that draws a DOT file with the Graphviz bundled in pygraphviz.

Run as ``python graphviz_child.py --engine=dot --format=svg [--attr=KEY=VALUE …] [--path=DIR] SOURCE``
(see :mod:`tdorg.export.graphviz.renderer`); it writes the drawing to standard output
and Graphviz's own messages to standard error. With ``--batch``, SOURCE is a
list of DOT files, one path a line, drawn in turn by this one process: each
drawing is written as its length in bytes (decimal digits and a newline),
then the drawing itself. It runs apart from the editor, so a crash in
Graphviz ends only this process.

It starts in about the time a Graphviz program does: it imports nothing but
pygraphviz's compiled Graphviz bindings (``pygraphviz._graphviz``), not the
package's Python layer (``AGraph``, whose imports take longer than Graphviz
takes to start), and reads its few options without :mod:`argparse`.

Like Graphviz's own ``dot`` program, it frees a drawing's graph and layout
only when another drawing follows: the last one's memory goes with the
process. Freeing a layout takes Graphviz 14 a sixth of the drawing's time
(1,000 roles, automatic layout), time the system's ``dot`` never spends.

Started with ``--wait`` (and ``--path``), it loads the bindings and then
reads the rest of its command line from standard input, the arguments
separated by NUL characters: the renderer keeps one child started this way
ahead of the next drawing, so a drawing does not wait for a start.

Exit status: 0 drawn (or, with ``--wait``, given nothing to draw); 1
Graphviz could not read or draw the source (its message is on standard
error); 2 a wrong command line; :data:`EXIT_NO_GRAPHVIZ`
pygraphviz cannot be loaded.
"""

from __future__ import annotations

import sys

EXIT_NO_GRAPHVIZ = 3
#: cgraph's kind of object for nodes.
AGNODE = 1
EXIT_USAGE = 2
#: Load the bindings, then read the options and the source from standard input, separated by NUL characters.
WAIT = "--wait"
_OPTIONS = {"--engine": "engine", "--format": "format", "--attr": "attr"}


class UsageError(Exception):
    """A command line the child does not understand."""


def _arguments(argv: list[str]) -> dict[str, list[str]]:
    """``--name=value`` options (each name may repeat), ``--batch`` and the one source, by name."""
    found: dict[str, list[str]] = {"engine": [], "format": [], "attr": [], "batch": [], "source": []}
    for arg in argv:
        name, equals, value = arg.partition("=")
        if arg == "--batch":
            found["batch"].append(arg)
        elif name == "--path":
            continue  # used before the options are read
        elif equals and name in _OPTIONS:
            found[_OPTIONS[name]].append(value)
        elif arg.startswith("-"):
            raise UsageError(f"unknown option {arg!r}")
        else:
            found["source"].append(arg)
    for one in ("engine", "format", "source"):
        if len(found[one]) != 1:
            raise UsageError(f"give exactly one {one}")
    return found


def _bindings():  # type: ignore[no-untyped-def]
    """pygraphviz's compiled module, loaded without running the package (its ``__init__`` imports ``AGraph``)."""
    if "pygraphviz" not in sys.modules:
        # The import system's finders, asked in turn as importlib.util.find_spec would (whose own imports cost more
        # than the rest of this start): the folders on sys.path, or the frozen app's archive.
        specs = (getattr(finder, "find_spec", lambda *_: None)("pygraphviz", None) for finder in sys.meta_path)
        spec = next((s for s in specs if s is not None and s.submodule_search_locations), None)
        if spec is None:
            raise ImportError("No module named 'pygraphviz'")
        package = type(sys)("pygraphviz")
        package.__path__ = list(spec.submodule_search_locations)
        sys.modules["pygraphviz"] = package
    from pygraphviz import _graphviz

    return _graphviz


def _draw(  # type: ignore[no-untyped-def]
    gv, source: str, attrs: list[str], engine: bytes, fmt: bytes, out=None, *, free: bool = False,
) -> bytes | None:
    """Lay out the DOT file ``source``, with the ``KEY=VALUE`` graph attributes ``attrs``, and draw it.

    The drawing goes into ``out``, a binary file whose descriptor Graphviz
    writes into as it goes, or without ``out`` is returned. The graph, its
    layout and the Graphviz context are freed afterwards if ``free``, else
    left to the end of the process (a failed drawing ends it)."""
    with open(source, "rb") as handle:
        graph = gv.agread(handle, None)  # ValueError when the source is not DOT
    context = gv.gvContextWithBuiltins()
    for pair in attrs:
        key, _, value = pair.partition("=")
        gv.agattr_label(graph, 0, key.encode(), value.encode())
    if gv.gvLayout(context, graph, engine) != 0:
        raise ValueError(f"Graphviz cannot lay out the chart with {engine.decode()!r}")
    drawing = None
    if out is None:
        rendered = gv.gvRenderData(context, graph, fmt)  # [status, bytes], or the status alone on failure
        status, drawing = rendered if isinstance(rendered, list) else (rendered, None)
    else:
        status = gv.gvRender(context, graph, fmt, out)
    if status != 0:
        raise ValueError(f"Graphviz cannot draw the chart as {fmt.decode()!r}")
    if free:
        gv.gvFreeLayout(context, graph)
        gv.gvFreeContext(context)
        gv.agclose(graph)
    return drawing


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    sys.path[:0] = [arg.partition("=")[2] for arg in argv if arg.startswith("--path=")]
    try:
        gv = _bindings()
    except ImportError as error:
        print(f"pygraphviz cannot be loaded: {error}", file=sys.stderr)
        return EXIT_NO_GRAPHVIZ
    # Every graph read gets the default node label Graphviz's own programs give it (the node's name), so a
    # node without a label is drawn with its name, as by ``dot``.
    gv.agattr(None, AGNODE, b"label", b"\\N")
    if WAIT in argv:  # started ahead of its drawing: the rest of the command line comes on standard input
        job = sys.stdin.buffer.read()
        if not job:  # nothing to draw after all
            return 0
        argv = [arg for arg in argv if arg != WAIT] + job.decode("utf-8").split("\0")
    try:
        args = _arguments(argv)
    except UsageError as error:
        print(f"graphviz_child: {error}", file=sys.stderr)
        return EXIT_USAGE
    engine, fmt, source = args["engine"][0].encode(), args["format"][0].encode(), args["source"][0]
    try:
        if not args["batch"]:
            sys.stdout.flush()
            _draw(gv, source, args["attr"], engine, fmt, sys.stdout.buffer)  # written as Graphviz goes
            return 0
        with open(source, encoding="utf-8") as listing:
            sources = listing.read().splitlines()
        out = sys.stdout.buffer
        for i, each in enumerate(sources):
            drawing = _draw(gv, each, args["attr"], engine, fmt, free=i < len(sources) - 1) or b""
            out.write(b"%d\n" % len(drawing))
            out.write(drawing)
            out.flush()
    except (ValueError, OSError) as error:
        # Graphviz has already printed the details on standard error.
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
