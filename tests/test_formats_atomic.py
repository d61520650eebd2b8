"""Atomic writes: the old file stays intact when writing fails."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tdorg.model import Chart, Role
from tdorg.model.atomic import atomic_write_bytes, atomic_write_text, atomic_writer
from tdorg.model.errors import FileError
from tdorg.model.formats import read_json, write_csv, write_json


def test_write_replaces_content(tmp_path: Path) -> None:
    target = tmp_path / "f.txt"
    atomic_write_bytes(target, b"one")
    atomic_write_text(target, "twö")
    assert target.read_bytes() == "twö".encode("utf-8")
    assert os.listdir(tmp_path) == ["f.txt"]


def test_failure_inside_the_block_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "f.txt"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with atomic_writer(target, "w", encoding="utf-8") as handle:
            handle.write("half of the new")
            raise RuntimeError("crash")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["f.txt"]


def test_failed_replace_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chart = Chart(roles=[Role("a", "A")])
    target = tmp_path / "chart.json"
    write_json(chart, target)
    before = target.read_bytes()

    def refuse(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(FileError, match="disk is full"):
        write_json(Chart(roles=[Role("b", "B")]), target)
    with pytest.raises(FileError, match="disk is full"):
        write_csv(chart, tmp_path / "new.csv")
    assert target.read_bytes() == before
    assert read_json(target) == chart
    assert os.listdir(tmp_path) == ["chart.json"]


def test_writing_through_a_symbolic_link_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("{}", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    chart = Chart(roles=[Role("a", "A")])
    write_json(chart, link)
    assert link.is_symlink()
    assert read_json(real) == chart


def test_writing_into_a_missing_folder_or_onto_a_folder(tmp_path: Path) -> None:
    chart = Chart(roles=[Role("a", "A")])
    with pytest.raises(FileError, match="does not exist"):
        write_json(chart, tmp_path / "nowhere" / "a.json")
    (tmp_path / "taken.csv").mkdir()
    with pytest.raises(FileError, match="folder"):
        write_csv(chart, tmp_path / "taken.csv")


def test_existing_permissions_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "f.txt"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write_bytes(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_new_files_are_not_private_to_the_temp_mode(tmp_path: Path) -> None:
    target = tmp_path / "new.txt"
    atomic_write_bytes(target, b"x")
    assert stat.S_IMODE(target.stat().st_mode) & 0o044 == 0o666 & ~_umask() & 0o044


def test_text_mode_only_with_w(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        with atomic_writer(tmp_path / "x", "a"):
            pass


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
