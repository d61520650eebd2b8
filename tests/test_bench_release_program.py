"""The export benchmark's reference for the bundled Graphviz release: its own program, built from
bench/graphviz_program.c, draws exactly what tdorg's child draws from the same DOT, a node without a label
included (both draw its name)."""

import io
import shutil
import subprocess

import pytest

from bench.bench_export import release_programs
from tdorg.export.graphviz import renderer

SOURCE = b'digraph { node [shape=box]; a [label="Director of Technology"]; a -> b; a -> c; b [label="Network"] }'
PINNED = b'digraph { node [shape=box, label="Role"]; a [pos="0,100"]; b [pos="-80,0"]; c [pos="80,0"]; a -> b; a -> c }'


@pytest.mark.skipif(shutil.which("gcc") is None, reason="needs gcc to build the benchmark's program")
@pytest.mark.parametrize(("engine", "program", "extra", "source"),
                         [("dot", "dot", [], SOURCE), ("nop2", "neato", ["-n2"], PINNED)])
def test_the_release_program_draws_the_childs_bytes(tmp_path, engine, program, extra, source):
    programs = release_programs(tmp_path)
    assert set(programs) == {"dot", "neato"}
    (tmp_path / "chart.gv").write_bytes(source)
    drawn = subprocess.run([programs[program], *extra, "-Tsvg", str(tmp_path / "chart.gv")], capture_output=True,
                           check=True).stdout
    into = io.BytesIO()
    renderer.render(source, engine, "svg", into, timeout=60)
    assert drawn == into.getvalue()
