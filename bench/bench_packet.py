"""The board packet: time to write a packet of a synthetic chart, beside the same export from another
checkout of tdorg (``--before DIR``, e.g. a ``git worktree`` of an older commit), interleaved.

Each round exports the packet in a child process with each source tree
(the chart is generated, validated and exported there; Python's start-up
and imports are included, the same for both), and prints medians with
min–max and the ratio of the medians. Targets: a 300-role packet ≤ 3 s; a
5,000-role packet ≤ 2× the packet time before the Typst composition.

    .venv/bin/python bench/bench_packet.py --before /tmp/before --sizes 300 5000 --rounds 3
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from interleave import interleave, print_table, timed_run  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = (
    "import sys\n"
    "from datetime import date\n"
    "from tdorg.export import ExportRun, export_packet\n"
    "from tdorg.model.synthetic import synthetic_chart\n"
    "export_packet(synthetic_chart(int(sys.argv[1])), sys.argv[2], None, ExportRun(title_date=date(2027, 3, 4)))\n"
)


def _case(tree: Path, roles: int, out: Path):  # type: ignore[no-untyped-def]
    env = {**os.environ, "PYTHONPATH": str(tree)}
    command = [sys.executable, "-c", SCRIPT, str(roles), str(out)]
    return lambda: timed_run(command, env=env)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="another tdorg source tree to compare with")
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 5000])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tdorg-bench-packet-") as folder:
        for roles in args.sizes:
            cases = {f"{roles} roles, now": _case(ROOT, roles, Path(folder) / "now.pdf")}
            references = {}
            if args.before is not None:
                cases[f"{roles} roles, before"] = _case(args.before, roles, Path(folder) / "before.pdf")
                references[f"{roles} roles, now"] = f"{roles} roles, before"
            times = interleave(cases, args.rounds, warmup=0)
            print_table(times, references, f"Board packet, {roles:,} roles ({args.rounds} rounds)")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
