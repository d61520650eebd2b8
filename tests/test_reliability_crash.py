"""A save killed at any moment leaves a file that opens, holding exactly the old or the new chart.

A child process saves a large chart over a file holding an older one and is
killed with SIGKILL after a random delay spanning the whole save. The run
count defaults to 100 and scales with ``TDORG_HEAVY_SCALE``.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest

from tdorg.model import Document
from tdorg.model.persistence import open_document, save_document
from tdorg.model.synthetic import synthetic_chart

pytestmark = [
    pytest.mark.heavy,
    pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "darwin", reason="needs fork()"),
]

SCALE = float(os.environ.get("TDORG_HEAVY_SCALE", "1"))
RUNS = max(10, int(100 * SCALE))
ROLES = 1500


def _kill_at_random_moments(tmp_path: Path, target: Path, old: Document, new: Document, save) -> tuple[int, int]:
    pristine = target.read_bytes()
    # How long a whole save takes in a child; kills land anywhere up to 1.5 times that.
    start = time.perf_counter()
    os.waitpid(_fork_call(save, new, tmp_path / "timing.tdorg"), 0)
    span = (time.perf_counter() - start) * 1.5
    rng = random.Random(20261123)
    outcomes = {"old": 0, "new": 0}
    for _ in range(RUNS):
        target.write_bytes(pristine)
        pid = _fork_call(save, new, target)
        time.sleep(rng.uniform(0, span))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        reopened = open_document(target)
        if reopened == old:
            outcomes["old"] += 1
        elif reopened == new:
            outcomes["new"] += 1
        else:  # pragma: no cover - the failure this test exists to catch
            pytest.fail("a killed save left a file holding neither the old nor the new chart")
    return outcomes["old"], outcomes["new"]


def _fork_call(save, doc: Document, path: Path) -> int:
    """Run ``save(doc, path)`` in a forked child; returns the child's pid."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        try:
            save(doc, path)
        finally:
            os._exit(0)
    return pid


@pytest.fixture(scope="module")
def documents() -> tuple[Document, Document]:
    old = Document.of(synthetic_chart(ROLES, seed=1))
    new = Document.of(synthetic_chart(ROLES, seed=2))
    new.chart.update_role("cto", title="Chief Technology and Innovation Officer")
    return old, new


def test_killed_save_leaves_old_or_new_file(tmp_path: Path, documents):
    old, new = documents
    target = tmp_path / "district.tdorg"
    save_document(old, target)
    n_old, n_new = _kill_at_random_moments(tmp_path, target, old, new, save_document)
    # Random delays across the whole save give both outcomes; each run was checked above.
    assert n_old + n_new == RUNS
    assert n_old > 0 and n_new > 0


def test_save_after_a_killed_save_still_works(tmp_path: Path, documents):
    old, new = documents
    target = tmp_path / "district.tdorg"
    save_document(old, target)
    pid = _fork_call(save_document, new, target)
    time.sleep(0.01)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    save_document(new, target)
    assert open_document(target) == new


def test_a_later_save_removes_old_leftovers_of_killed_saves(tmp_path: Path, documents):
    old, _ = documents
    target = tmp_path / "district.tdorg"
    stale = tmp_path / ".district.tdorg.abc123.tmp"
    fresh = tmp_path / ".district.tdorg.def456.tmp"
    for leftover in (stale, fresh):
        leftover.write_bytes(b"half a file")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    save_document(old, target)
    assert not stale.exists()
    assert fresh.exists()  # could be another program's save in progress


def test_killed_autosave_leaves_old_or_new_recovery_file(tmp_path: Path, documents):
    """The editor's autosave writer, killed at random moments, leaves a recovery
    file and note that are each complete: the previous autosave or the new one."""
    from tdorg.model.recovery import read_note, write_recovery

    old, new = documents
    recovery, note = tmp_path / "token.tdorg", tmp_path / "token.json"
    write_recovery(old, recovery, note, None, "Old")

    def autosave(doc: Document, path: Path) -> None:
        write_recovery(doc, path, note, tmp_path / "plan.tdorg", "New")

    n_old, n_new = _kill_at_random_moments(tmp_path, recovery, old, new, autosave)
    assert n_old + n_new == RUNS and n_new > 0
    assert read_note(note)["name"] in ("Old", "New")
