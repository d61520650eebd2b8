"""Fitting a chart to the paper, and drawing its pages and poster sheets, against bare Graphviz.

For each size, interleaved round after round (medians, min–max, ratios):

- the canvas's layout with its column depth fitted to a Letter page (what
  every structural edit runs) and the plan of department pages;
- every department page's drawing (:func:`tdorg.export.graphviz.page_drawings.page_drawings`,
  from building the DOT to the checked, sized SVGs) against one bare
  ``neato -n2`` run of the bundled Graphviz drawing the same pinned pages as one
  SVG (the pages' pieces one under another, as ``build_graph`` gives them);
- the poster's drawings (overview and every printed sheet, each sheet's SVG
  built once) against one bare run drawing the whole chart's pinned DOT as SVG;
- the whole PDF export in department pages and as a poster (drawings, then the
  tagged PDF composed by Typst, written to a file) against one bare run drawing
  the same pinned DOT straight to PDF (what Graphviz alone makes of it; the SVG
  runs above show how much of that is Graphviz's own PDF writer).

With ``--cpu`` the whole PDF exports (department pages, poster) are also run
in a process of their own each round and timed in CPU time (their own and
their children's: Graphviz, Typst) against two references, both bare runs of
the bundled Graphviz (``neato -n2``) drawing straight to PDF, in CPU time:

- "whole": one run of the one DOT above (the pages' pieces one under another,
  or the whole chart once), each role drawn once;
- "each page" / "each sheet": the same pages as the export's, every page's or
  sheet's own pinned DOT (:func:`~tdorg.export.graphviz.page_drawings.page_source`,
  :func:`~tdorg.export.graphviz.poster_drawings.sheet_sources`) drawn by one
  child in turn (``--batch``), the poster's overview first; a role is drawn on
  every sheet it lies on, as the poster prints it (2.4 sheets a role).

With ``--before DIR`` (a checkout of tdorg) the same exports from that
checkout are timed beside them. ``--cpu-only`` times those CPU cases alone, and ``--fit page`` or
``--fit poster`` only one of the two exports (a poster's each-sheet reference takes about 90 s a round
at 5,000 roles).

    .venv/bin/python bench/bench_pages.py [SIZES...] [--rounds N] [--no-drawings]
        [--cpu[-only] [--before DIR] [--fit page|poster]]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.interleave import interleave, print_table, timed_run  # noqa: E402
from tdorg.export import ExportOptions, export_chart  # noqa: E402
from tdorg.export.pdf.chartpages import plan_for, planning_area  # noqa: E402
from tdorg.export.pdf.chartpdf import chart_area  # noqa: E402
from tdorg.export.graphviz.dot import box_size, build_graph, canvas_depth, engine_for, finding_counts  # noqa: E402
from tdorg.export.graphviz.page_drawings import page_drawings, page_source  # noqa: E402
from tdorg.export.graphviz.poster_drawings import poster_drawings, sheet_sources  # noqa: E402
from tdorg.export.graphviz.renderer import child_command, layout_engine  # noqa: E402
from tdorg.model.layout import Tree, layout_tree, sizes  # noqa: E402
from tdorg.model.rules import validate  # noqa: E402
from tdorg.model.synthetic import synthetic_chart  # noqa: E402


def timed(action) -> float:
    """Milliseconds ``action()`` takes."""
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def every_sheet(chart, options: ExportOptions) -> int:
    """The poster's drawings, with every sheet's SVG built (as a composer writes them out); their bytes."""
    made = poster_drawings(chart, options, chart_area(options, headed=False))
    return len(made.overview.svg) + sum(len(drawing.svg) for _, drawing in made.sheets)


#: Exports a synthetic chart's PDF (fitted to the page, or a poster) and prints the CPU seconds it took,
#: its children's included.
_EXPORT_JOB = """
import resource, sys, tempfile
from pathlib import Path
from tdorg.export import ExportOptions, export_chart
from tdorg.model.synthetic import synthetic_chart
size, fit = int(sys.argv[1]), sys.argv[2]
chart = synthetic_chart(size, seed=size)
def spent():
    return sum(u.ru_utime + u.ru_stime for u in (resource.getrusage(w) for w in (resource.RUSAGE_SELF,
                                                                                  resource.RUSAGE_CHILDREN)))
with tempfile.TemporaryDirectory() as folder:
    start = spent()
    export_chart(chart, Path(folder) / "chart.pdf", ExportOptions(timeout=3600, fit=fit, format="pdf"))
    print(spent() - start)
"""


def batch_file(folder: Path, name: str, sources: list[bytes]) -> Path:
    """The DOT ``sources`` written to ``folder`` as ``name-N.gv``, and the list of them a ``--batch`` child reads."""
    paths = []
    for i, source in enumerate(sources):
        paths.append(folder / f"{name}-{i}.gv")
        paths[-1].write_bytes(source)
    listing = folder / f"{name}.txt"
    listing.write_text("\n".join(map(str, paths)), encoding="utf-8")
    return listing


def page_sources(chart, plan, options: ExportOptions) -> list[bytes]:  # type: ignore[no-untyped-def]
    """Each department page's own pinned DOT of ``plan``, as the page export draws it."""
    counts = finding_counts(validate(chart)) if options.badges else {}
    return [page_source(chart, box_size(chart), page, counts) for page in plan.pages]


def cpu_of_run(command: list[str]) -> float:
    """CPU milliseconds of one run of ``command`` (user and system)."""
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        raise SystemExit(f"{' '.join(command)[:80]} failed ({status})")
    return (usage.ru_utime + usage.ru_stime) * 1000


def cpu_of_export(checkout: Path, size: int, fit: str) -> float:
    """CPU milliseconds of the PDF export (``fit``: page or poster) of ``size`` roles by the tdorg in ``checkout``."""
    done = subprocess.run([sys.executable, "-c", _EXPORT_JOB, str(size), fit], cwd=checkout, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(checkout)})
    if done.returncode != 0:
        raise SystemExit(f"the {fit} export in {checkout} failed: {done.stderr.strip()[-500:]}")
    return float(done.stdout) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[300, 2000, 5000])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-drawings", action="store_true", help="time the layout and the plan only")
    parser.add_argument("--cpu", action="store_true", help="also the PDF exports' CPU time, against bare")
    parser.add_argument("--cpu-only", action="store_true", help="only the PDF exports' CPU time, against bare")
    parser.add_argument("--before", type=Path, help="with --cpu: a checkout of tdorg to time beside this one")
    parser.add_argument("--fit", choices=("page", "poster"), help="with --cpu: only this PDF export")
    args = parser.parse_args()
    args.cpu = args.cpu or args.cpu_only
    options = ExportOptions(timeout=3600)
    poster = options.with_changes(fit="poster")
    pdf, pdf_poster = options.with_changes(format="pdf"), poster.with_changes(format="pdf")
    area = chart_area(options)
    program, extra = engine_for(options)
    command = [*child_command(), f"--engine={layout_engine(program, extra)}", "--format=svg"]
    as_pdf = [*command[:-1], "--format=pdf"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size in args.sizes:
            chart = synthetic_chart(size, seed=size)
            plan = plan_for(chart, options, area)
            assert plan is not None

            def fitted_layout() -> None:
                tree = Tree.of(chart)
                layout_tree(tree, sizes(200, 72), canvas_depth(chart, tree))

            cases = {
                "fitted layout": lambda: timed(fitted_layout),
                "page plan": lambda: timed(lambda: plan_for(chart, options, area)),
            }
            references = {}
            if not args.no_drawings:
                pages_dot, whole_dot = folder / "pages.gv", folder / "whole.gv"
                pages_dot.write_text(build_graph(chart, options, plan=plan).source, encoding="utf-8")
                whole_dot.write_text(build_graph(chart, poster).source, encoding="utf-8")
                cases.update({
                    "bare Graphviz, pages": lambda: timed_run([*command, str(pages_dot)]),
                    "department pages": lambda: timed(
                        lambda: page_drawings(chart, plan, planning_area(area), options)),
                    "bare Graphviz, whole": lambda: timed_run([*command, str(whole_dot)]),
                    "poster": lambda: timed(lambda: every_sheet(chart, poster)),
                    "bare Graphviz PDF, pages": lambda: timed_run([*as_pdf, str(pages_dot)]),
                    "bare Graphviz PDF, whole": lambda: timed_run([*as_pdf, str(whole_dot)]),
                    "PDF export, pages": lambda: timed(lambda: export_chart(chart, folder / "pages.pdf", pdf)),
                    "PDF export, poster": lambda: timed(lambda: export_chart(chart, folder / "poster.pdf", pdf_poster)),
                })
                references = {"department pages": "bare Graphviz, pages", "poster": "bare Graphviz, whole",
                              "PDF export, pages": "bare Graphviz PDF, pages",
                              "PDF export, poster": "bare Graphviz PDF, whole"}
                if args.cpu_only:
                    cases, references = {}, {}
                if args.cpu:
                    checkouts = {"": Path(__file__).resolve().parents[1]}
                    if args.before is not None:
                        checkouts[", before"] = args.before.resolve()
                    exports = []
                    if args.fit in (None, "page"):
                        each_page = batch_file(folder, "page", page_sources(chart, plan, options))
                        exports.append(("page", "pages", pages_dot, "page", each_page))
                    if args.fit in (None, "poster"):
                        each_sheet = batch_file(folder, "sheet", [whole_dot.read_bytes(), *sheet_sources(
                            chart, pdf_poster, chart_area(pdf_poster, headed=False))])
                        exports.append(("poster", "whole", whole_dot, "sheet", each_sheet))
                    for fit, what, dot_file, each, listing in exports:
                        bare = f"CPU: bare Graphviz PDF, {what}"
                        cases[bare] = lambda dot_file=dot_file: cpu_of_run([*as_pdf, str(dot_file)])
                        each_bare = f"CPU: bare Graphviz PDF, each {each}"
                        cases[each_bare] = lambda listing=listing: cpu_of_run([*as_pdf, "--batch", str(listing)])
                        for suffix, checkout in checkouts.items():
                            name = f"CPU: PDF export, {'poster' if fit == 'poster' else 'pages'}{suffix}"
                            cases[name] = lambda checkout=checkout, fit=fit: cpu_of_export(checkout, size, fit)
                            references[name] = (bare, each_bare)
            sheets = len(poster_drawings(chart, poster, chart_area(poster, headed=False)).sheets) \
                if not args.no_drawings else 0
            times = interleave(cases, args.rounds)
            print_table(times, references, f"{size:,} roles: {len(plan.pages)} pages"
                        + (f", {sheets} poster sheets" if sheets else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
