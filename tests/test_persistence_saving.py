"""Saves are atomic: a failure or a crash leaves the previous file as it was, and no temporary file after an error."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tdorg.model import Chart, District
from tdorg.model.errors import FileError
from tdorg.model.persistence import open_chart, save_chart
from tests.test_persistence import every_field_chart

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def test_saving_into_a_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "x.tdorg"
    with pytest.raises(FileError) as caught:
        save_chart(Chart(), path)
    assert type(caught.value) is FileError and "does not exist" in str(caught.value)
    assert not path.parent.exists()


def test_saving_onto_a_folder(tmp_path: Path) -> None:
    (tmp_path / "folder.tdorg").mkdir()
    with pytest.raises(FileError) as caught:
        save_chart(Chart(), tmp_path / "folder.tdorg")
    assert "is a folder" in str(caught.value)
    assert list((tmp_path / "folder.tdorg").iterdir()) == []


@pytest.mark.skipif(AS_ROOT, reason="the superuser may write in any folder")
def test_saving_into_a_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(FileError) as caught:
            save_chart(Chart(), folder / "x.tdorg")
    finally:
        folder.chmod(0o755)
    assert "Permission denied" in str(caught.value) and str(folder) in str(caught.value)
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    "error, words",
    [
        (PermissionError(errno.EACCES, "Permission denied"), "Permission denied"),
        (OSError(errno.EROFS, "Read-only file system"), "read-only disk"),
    ],
)
def test_a_folder_that_refuses_new_files_gives_a_file_error(
    error: OSError, words: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(os, "open", refuse)  # creating the temporary file beside the target
    path = tmp_path / "x.tdorg"
    with pytest.raises(FileError) as caught:
        save_chart(Chart(), path)
    assert type(caught.value) is FileError
    assert str(caught.value).startswith(f"{path}: ") and words in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def _old_file(tmp_path: Path) -> tuple[Path, bytes]:
    path = tmp_path / "plan.tdorg"
    save_chart(Chart(District(name="The old version")), path)
    return path, path.read_bytes()


def test_a_failure_while_writing_keeps_the_old_file_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, before = _old_file(tmp_path)
    written: list[int] = []

    def disk_full(fd: int) -> None:
        written.append(os.fstat(fd).st_size)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(FileError) as caught:
        save_chart(every_field_chart(), path)
    assert written and written[0] > 0  # the new content was being written when it failed
    assert "disk is full" in str(caught.value) and str(path) in str(caught.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.tdorg"]
    monkeypatch.undo()
    assert open_chart(path).district.name == "The old version"


def test_a_failing_rename_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, before = _old_file(tmp_path)

    def refuse(src: object, dst: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(FileError) as caught:
        save_chart(every_field_chart(), path)
    assert "input/output error" in str(caught.value) and "previous version is unchanged" in str(caught.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.tdorg"]


def test_an_interrupted_save_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, before = _old_file(tmp_path)

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        save_chart(every_field_chart(), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.tdorg"]


_CRASHING_SAVE = """
import builtins, io, os, sys
from tdorg.model.persistence import save_chart
from tests.test_persistence import every_field_chart

class DiesHalfway(io.FileIO):
    def write(self, data):
        os.write(self.fileno(), bytes(data)[: len(data) // 2])
        os._exit(3)  # the process dies in the middle of writing the new content

real_open = builtins.open
builtins.open = lambda file, mode="r", *a, **k: DiesHalfway(file, "wb") if "w" in mode else real_open(file, mode, *a, **k)
save_chart(every_field_chart(), sys.argv[1])
"""


def test_a_crash_in_the_middle_of_a_save_leaves_the_old_file_intact(tmp_path: Path) -> None:
    path, before = _old_file(tmp_path)
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-c", _CRASHING_SAVE, str(path)], cwd=root, capture_output=True, timeout=120)
    assert done.returncode == 3, done.stderr.decode()
    assert path.read_bytes() == before
    assert open_chart(path).district.name == "The old version"
    # Only the half-written temporary file is left beside it, under a hidden name.
    leftovers = [p for p in tmp_path.iterdir() if p != path]
    assert len(leftovers) == 1 and leftovers[0].name.startswith(".plan.tdorg.")
    assert leftovers[0].stat().st_size > 0


def test_a_number_too_large_to_store_is_refused_and_the_old_file_kept(tmp_path: Path) -> None:
    path, before = _old_file(tmp_path)
    chart = Chart(District(name="Huge", students=5))
    object.__setattr__(chart.district, "students", 10**20)  # past the district's own check, as a bug might put it
    with pytest.raises(FileError) as caught:
        save_chart(chart, path)
    assert type(caught.value) is FileError and "too large" in str(caught.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.tdorg"]


def test_text_that_cannot_be_encoded_is_refused_and_the_old_file_kept(tmp_path: Path) -> None:
    path, before = _old_file(tmp_path)
    chart = Chart(District(name="Fine"))
    object.__setattr__(chart.district, "name", "Lone \ud800 surrogate")  # past the district's own check
    with pytest.raises(FileError) as caught:
        save_chart(chart, path)
    assert "not valid Unicode" in str(caught.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.tdorg"]


def test_a_snapshot_of_a_document_saves_as_the_document_did_when_it_was_taken() -> None:
    """What autosave writes in the background: the snapshot, read as the writer reads charts, gives the same
    file, and the edits after it change the document, not the snapshot."""
    from tdorg.model import Document
    from tdorg.model.document import Scenario
    from tdorg.model.persistence.writer import document_bytes

    chart = every_field_chart()
    document = Document([Scenario("Current", chart), Scenario("Proposed", chart.copy())], 1)
    before = document_bytes(document)
    snapshot = document.snapshot()
    assert document_bytes(snapshot) == before
    top = chart.roots()[0]
    chart.remove_role(chart.children(top)[0])
    assert document_bytes(snapshot) == before != document_bytes(document)
    assert [r.id for r in document.snapshot().scenarios[0].chart.roles_in_order()] == chart.tree_order()
