"""Export speed: tdorg's whole export, the bundled Graphviz alone, and the system's Graphviz, on the same DOT.

For each size and layout, tdorg writes the DOT source once; then, round after
round (see ``interleave.py``), the same chart is exported by tdorg (SVG, and
PDF fitted to a Letter sheet), the DOT source is drawn in the same format
through tdorg's renderer (``tdorg/export/graphviz/renderer.py``: the Graphviz bundled in
pygraphviz, in a child process, the drawing checked) and by the system's
``dot``/``neato`` program. The renderer draws twice: with the child it keeps
started after a drawing (how every drawing but an app's first is made) and
with a child started for the drawing (the first). The same drawings are also
timed in CPU time (user and system, from ``wait4``), which a busy machine
disturbs less: the system program, a new child, and a child that only starts
(what a waiting child spent before its job came). Printed: each case's median
with its min–max, tdorg's export over the bundled drawing (tdorg's own work:
building the graph, composing the PDF pages, checking and writing the file)
and the bundled drawings over the system's (target ≤ 1×). The system program
runs 0.2 s after the renderer, once the child it keeps has started.

The batch case is the one tdorg draws in batches: the chart's department
pages (each page's own DOT with its pinned positions, ``page_source``) drawn
by one child (``render_batch``, as the page export draws them) against one
run of the system's ``neato -n2`` given every page's file, each drawn in
turn; on the clock and in CPU time. (A batch of the automatic layout's dot
drawings is not set against separate runs: Graphviz 14 frees a dot layout
in time growing faster than the graph, a quarter of a 1,000-role drawing's
instructions, which a program run once per drawing never spends, and tdorg
never draws dot layouts in batches.)

Beside it, the bundled release as a program of its own: ``graphviz_program.c``
(what Graphviz's ``dot`` does with its command line), compiled here against
the wheel's Graphviz libraries when ``gcc`` and the wheel's ``pygraphviz.libs``
are found. Its drawings are byte for byte the bundled child's, so the two
differ only by the child's way of running (Python's start, the bindings);
the system's program may be another Graphviz release.

The system's Graphviz is only the reference: when ``dot`` is missing, Debian's
``graphviz`` package is installed (``apt-get``, through ``sudo`` when not root)
if that is possible; otherwise the system column is left out. tdorg itself
never uses it.

    .venv/bin/python bench/bench_export.py [SIZES...] [--layouts auto,canvas] [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_pages import batch_file, page_sources  # noqa: E402
from bench.interleave import interleave, print_table, timed_run  # noqa: E402

from tdorg.export import ExportOptions, export_chart  # noqa: E402
from tdorg.export.graphviz import renderer  # noqa: E402
from tdorg.export.graphviz.dot import engine_for  # noqa: E402
from tdorg.export.graphviz.graphviz_child import WAIT  # noqa: E402
from tdorg.export.graphviz.renderer import layout_engine, render, render_batch  # noqa: E402
from tdorg.export.pdf.chartpages import plan_for  # noqa: E402
from tdorg.export.pdf.chartpdf import chart_area  # noqa: E402
from tdorg.model.synthetic import synthetic_chart  # noqa: E402


def system_graphviz(program: str) -> str | None:
    """The system's ``program`` (``dot``, ``neato``), installing Debian's ``graphviz`` package when it is missing."""
    found = shutil.which(program)
    if found is not None or not shutil.which("apt-get"):
        return found
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    print(f"{program} is missing: installing Debian's graphviz package as the reference", flush=True)
    install = [*sudo, "apt-get", "install", "-y", "--no-install-recommends", "graphviz"]
    if subprocess.run(install, capture_output=True).returncode != 0:
        subprocess.run([*sudo, "apt-get", "update"], capture_output=True)
        subprocess.run(install, capture_output=True)
    return shutil.which(program)


def _timed(action) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def _settled(action) -> float:  # type: ignore[no-untyped-def]
    """``action``'s time, once the child the renderer keeps started after its last drawing has loaded."""
    time.sleep(0.2)
    return action()


def _bundled(source: bytes, engine: str, fmt: str, folder: Path, new_child: bool = False) -> float:
    if new_child:
        renderer._take_spare([])  # noqa: SLF001 - no command is [], so the waiting child is let go
    with open(folder / f"bundled.{fmt}", "w+b") as into:
        return _timed(lambda: render(source, engine, fmt, into, timeout=3600))


def cpu_ms(command: list[str], job: bytes | None = None) -> float:
    """CPU milliseconds (user and system) of one run of ``command``, given ``job`` on its input if not None."""
    child = subprocess.Popen(command, stdin=subprocess.DEVNULL if job is None else subprocess.PIPE,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if job is not None:
        child.stdin.write(job)  # type: ignore[union-attr]
        child.stdin.close()  # type: ignore[union-attr]
    _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        raise SystemExit(f"{' '.join(command)[:80]} failed ({status})")
    return (usage.ru_utime + usage.ru_stime) * 1000


def cpu_cases(system: list[str], child: list[str]) -> dict:
    """CPU time of the system program, of a new child drawing the same, and of a child that starts and is given
    nothing to draw (what a waiting child has spent before its job comes)."""
    return {"CPU: system": lambda: cpu_ms(system), "CPU: new child": lambda: cpu_ms(child),
            "CPU: child start alone": lambda: cpu_ms([*renderer.child_command(), WAIT], b"")}


#: The name of the bundled release's own program in the tables.
RELEASE = "CPU: bundled release's program"


def also_against(references: dict[str, str | tuple[str, ...]], name: str, reference: str) -> None:
    """Set the case ``name`` against ``reference`` too, beside any reference it already has."""
    earlier = references.get(name, ())
    references[name] = (*((earlier,) if isinstance(earlier, str) else earlier), reference)


def release_programs(folder: Path) -> dict[str, str]:
    """The bundled Graphviz release's ``dot`` and ``neato`` programs, built into ``folder`` from
    ``graphviz_program.c`` against the wheel's libraries; none where there is no ``gcc`` or no such libraries."""
    import pygraphviz  # noqa: PLC0415 - only to find the wheel's libraries

    libraries = Path(pygraphviz.__file__).resolve().parents[1] / "pygraphviz.libs"
    wanted = ("libgvc-", "libcgraph-", "libgvplugin_")
    found = sorted(str(f) for f in libraries.glob("*.so*") if f.name.startswith(wanted))
    if not shutil.which("gcc") or len(found) < 3:
        return {}
    built = folder / "dot"
    source = Path(__file__).with_name("graphviz_program.c")
    if subprocess.run(["gcc", "-O2", "-o", str(built), str(source), *found, f"-Wl,-rpath,{libraries}"],
                      capture_output=True).returncode != 0:
        return {}
    (folder / "neato").symlink_to(built)  # Graphviz picks its default layout from the program's name
    return {"dot": str(built), "neato": str(folder / "neato")}


def page_batch(  # type: ignore[no-untyped-def]
    chart, folder: Path, rounds: int, release: dict[str, str],
) -> tuple[dict, dict, str]:
    """The department pages' drawings as the page export makes them, one child for all, against one run of
    the system's ``neato -n2`` given every page's DOT file: the timings, their references and a title."""
    options = ExportOptions(timeout=3600)
    plan = plan_for(chart, options, chart_area(options))
    assert plan is not None
    sources = page_sources(chart, plan, options)
    listing = batch_file(folder, "page", sources)
    paths = listing.read_text(encoding="utf-8").split("\n")
    program, extra = engine_for(options.with_changes(layout="canvas"))
    engine, system = layout_engine(program, extra), system_graphviz(program)
    bundled = [*renderer.child_command(), f"--engine={engine}", "--format=svg", "--batch", str(listing)]
    cases = {"bundled, pages in one child": lambda: _timed(
        lambda: render_batch(sources, engine, "svg", timeout=3600)),
             "CPU: bundled, one child": lambda: cpu_ms(bundled)}
    references = {}
    if system is not None:
        command = [system, *extra, "-Tsvg", *paths, "-o", str(folder / "pages.svg")]
        cases.update({f"system {program}, one run": lambda: _settled(lambda: timed_run(command)),
                      "CPU: system, one run": lambda: cpu_ms(command)})
        references = {"bundled, pages in one child": f"system {program}, one run",
                      "CPU: bundled, one child": "CPU: system, one run"}
    if release:
        cases[RELEASE] = lambda: cpu_ms([release[program], *extra, "-Tsvg", *paths, "-o",
                                         str(folder / "release-pages.svg")])
        also_against(references, "CPU: bundled, one child", RELEASE)
    title = (f"{len(chart.roles):,} roles, the {len(sources)} department pages' drawings (SVG), "
             f"{rounds} interleaved rounds:")
    return interleave(cases, rounds), references, title


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 5000])
    parser.add_argument("--layouts", default="auto,canvas")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds below 5,000 roles (2 from 5,000)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        release = release_programs(folder)
        for size in args.sizes:
            chart = synthetic_chart(size, seed=size)
            rounds = 2 if size >= 5000 else max(1, args.rounds)
            for layout in args.layouts.split(","):
                dot_file = folder / f"chart-{size}-{layout}.dot"
                build = _timed(lambda: export_chart(chart, dot_file, ExportOptions(format="dot", layout=layout)))
                source = dot_file.read_bytes()
                program, extra = engine_for(ExportOptions(layout=layout))
                engine = layout_engine(program, extra)
                system = system_graphviz(program)
                for fmt in ("svg", "pdf"):
                    options = ExportOptions(format=fmt, layout=layout, timeout=3600)
                    target = folder / f"tdorg-{size}-{layout}.{fmt}"
                    # In this order, each drawing through a waiting child finds it started 0.2 s or more before.
                    system_name = f"system {program}"
                    command = [system or program, *extra, f"-T{fmt}", str(dot_file), "-o", str(folder / f"system.{fmt}")]
                    cases = {
                        "tdorg export": lambda: _timed(lambda: export_chart(chart, target, options)),
                        "bundled, new child": lambda: _bundled(source, engine, fmt, folder, new_child=True),
                        system_name: lambda: _settled(lambda: timed_run(command)),
                        "bundled Graphviz": lambda: _bundled(source, engine, fmt, folder),
                    }
                    references = {"tdorg export": "bundled Graphviz", "bundled, new child": system_name,
                                  "bundled Graphviz": system_name}
                    if system is None:
                        cases = {name: case for name, case in cases.items() if not name.startswith("system")}
                    else:
                        child = [*renderer.child_command(), f"--engine={engine}", f"--format={fmt}", str(dot_file)]
                        cases.update(cpu_cases(command, child))
                        references["CPU: new child"] = "CPU: system"
                    if release:
                        cases[RELEASE] = lambda: cpu_ms([release[program], *extra, f"-T{fmt}", str(dot_file), "-o",
                                                         str(folder / f"release.{fmt}")])
                        also_against(references, "CPU: new child", RELEASE)
                    references = {name: ref for name, ref in references.items() if name in cases
                                  and all(each in cases for each in (ref if isinstance(ref, tuple) else (ref,)))}
                    title = (f"{size:,} roles, {layout} layout, {fmt.upper()} (DOT built in {build:.0f} ms), "
                             f"{rounds} interleaved rounds:")
                    print_table(interleave(cases, rounds), references, title)
                    sys.stdout.flush()
            if size == min(args.sizes):
                print_table(*page_batch(chart, folder, rounds, release))
                sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
