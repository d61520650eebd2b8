"""Opening and saving a ``.tdorg`` file beside a raw sqlite3 read and write of the same rows.

For each size (1,000, 5,000 and 20,000 roles by default) a synthetic chart is
saved once; then, interleaved round after round:

- ``open``: :func:`open_document` (header, schema and integrity checks, every
  row checked, the chart built); its reference ``raw read`` reads the file's
  bytes into an in-memory database and fetches every row of every table;
- ``save``: :func:`save_document` (rows built, the database made in memory,
  written beside the target, flushed and renamed over it); its reference
  ``raw write`` creates the same tables in a new file with sqlite3, inserts the
  same rows and commits.

Times are this process's CPU time (the machine is shared: wall time swings with
the other work on it), medians with min–max over the rounds. Target: each ≤ 3×
its reference at every size.

    .venv/bin/python bench/bench_open_save.py [--rounds N] [SIZES...]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from interleave import interleave, print_table  # noqa: E402

from tdorg.model import Document  # noqa: E402
from tdorg.model.persistence import open_document, save_document  # noqa: E402
from tdorg.model.synthetic import synthetic_chart  # noqa: E402


def _tables(path: Path) -> list[tuple[str, str, list[tuple]]]:
    """Each table of the file: its name, the SQL that created it, and its rows."""
    conn = sqlite3.connect(path)
    try:
        tables = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
        return [(name, sql, conn.execute(f"SELECT * FROM {name}").fetchall()) for name, sql in tables]
    finally:
        conn.close()


def cases(folder: Path, roles: int) -> dict[str, object]:
    document = Document.of(synthetic_chart(roles))
    saved = folder / f"chart-{roles}.tdorg"
    save_document(document, saved)
    tables = _tables(saved)

    def timed(work) -> float:
        """CPU milliseconds of ``work`` in this process: steadier than wall time on a shared machine."""
        start = time.process_time()
        work()
        return (time.process_time() - start) * 1000

    def raw_read() -> None:
        conn = sqlite3.connect(":memory:")
        conn.deserialize(saved.read_bytes())
        for name, _sql, _rows in tables:
            conn.execute(f"SELECT * FROM {name}").fetchall()
        conn.close()

    def raw_write() -> None:
        target = folder / "raw.sqlite"
        target.unlink(missing_ok=True)
        conn = sqlite3.connect(target)
        with conn:
            for name, sql, rows in tables:
                conn.execute(sql)
                if rows:
                    conn.executemany(f"INSERT INTO {name} VALUES ({', '.join('?' * len(rows[0]))})", rows)
        conn.close()

    return {
        f"open {roles:,}": lambda: timed(lambda: open_document(saved)),
        f"raw read {roles:,}": lambda: timed(raw_read),
        f"save {roles:,}": lambda: timed(lambda: save_document(document, folder / "saved.tdorg")),
        f"raw write {roles:,}": lambda: timed(raw_write),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 5000, 20000])
    parser.add_argument("--rounds", type=int, default=21)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for roles in args.sizes:
            timed_cases = cases(Path(tmp), roles)
            times = interleave(timed_cases, args.rounds)  # type: ignore[arg-type]
            references = {f"open {roles:,}": f"raw read {roles:,}", f"save {roles:,}": f"raw write {roles:,}"}
            print_table(times, references, f"{roles:,} roles, {args.rounds} interleaved rounds (target ≤ 3×)")


if __name__ == "__main__":
    main()
