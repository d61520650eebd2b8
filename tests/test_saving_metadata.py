"""A save replaces the file but keeps what the file was: owner, group, mode, extended attributes;
new files follow the umask (charts and exports alike); a refused replace names its real cause."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from tdorg.model import Chart, District
from tdorg.model import atomic
from tdorg.model.atomic import atomic_write_bytes, other_names
from tdorg.model.errors import FileError
from tdorg.model.persistence import open_chart, save_chart
from tests.samples import SAMPLES

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NOBODY = 65534


def _chart(name: str) -> Chart:
    return Chart(District(name=name))


@pytest.mark.skipif(not AS_ROOT, reason="only the superuser may give a file to another user")
def test_saving_as_the_superuser_keeps_the_owner_and_group(tmp_path: Path) -> None:
    path = tmp_path / "plan.tdorg"
    save_chart(_chart("Theirs"), path)
    os.chown(path, NOBODY, NOBODY)
    path.chmod(0o640)
    save_chart(_chart("Edited by root"), path)
    info = path.stat()
    assert (info.st_uid, info.st_gid) == (NOBODY, NOBODY)
    assert stat.S_IMODE(info.st_mode) == 0o640
    assert open_chart(path).district.name == "Edited by root"


@pytest.mark.skipif(not hasattr(os, "setxattr"), reason="no extended attributes here")
def test_extended_attributes_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "plan.tdorg"
    save_chart(_chart("Old"), path)
    try:
        os.setxattr(path, "user.tdorg.reviewed", b"board 2027")
    except OSError:
        pytest.skip("this file system takes no user attributes")
    save_chart(_chart("New"), path)
    assert os.getxattr(path, "user.tdorg.reviewed") == b"board 2027"


def test_a_new_file_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        save_chart(_chart("New"), tmp_path / "new.tdorg")
        atomic_write_bytes(tmp_path / "new.txt", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.tdorg").stat().st_mode) == 0o640
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640


@pytest.mark.parametrize("kind", ["svg", "png", "pdf"])
def test_exports_follow_the_umask(kind: str, tmp_path: Path) -> None:
    from tdorg.export import ExportOptions, export_chart
    from tdorg.model.formats import read_json

    chart = read_json(SAMPLES / "west-salem.json")
    old = os.umask(0o077)
    try:
        out = export_chart(chart, tmp_path / f"chart.{kind}", ExportOptions(format=kind))
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_other_names_counts_hard_links(tmp_path: Path) -> None:
    path = tmp_path / "plan.tdorg"
    save_chart(_chart("Shared"), path)
    assert other_names(path) == 0 and other_names(tmp_path / "missing.tdorg") == 0
    os.link(path, tmp_path / "board copy.tdorg")
    assert other_names(path) == 1
    save_chart(_chart("Edited"), path)  # the save makes this name a file of its own
    assert other_names(path) == 0
    assert open_chart(tmp_path / "board copy.tdorg").district.name == "Shared"


def _chattr(flag: str, path: Path) -> bool:
    if shutil.which("chattr") is None:
        return False
    return subprocess.run(["chattr", flag, str(path)], capture_output=True).returncode == 0


def test_an_immutable_file_in_a_writable_folder_says_so(tmp_path: Path) -> None:
    path = tmp_path / "plan.tdorg"
    save_chart(_chart("Frozen"), path)
    if not _chattr("+i", path):
        pytest.skip("cannot mark a file immutable here (needs chattr and the right to use it)")
    try:
        before = path.read_bytes()
        with pytest.raises(FileError) as caught:
            save_chart(_chart("Edited"), path)
        assert path.read_bytes() == before
    finally:
        _chattr("-i", path)
    message = str(caught.value)
    assert "“plan.tdorg” is marked immutable" in message and "may not write in the folder" not in message
    assert "previous version is unchanged" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.tdorg"]


def _sharing_violation() -> PermissionError:
    error = PermissionError(errno.EACCES, "The process cannot access the file because it is being used")
    error.winerror = 32  # type: ignore[attr-defined]  # what Windows sets for a sharing violation
    return error


def test_a_sharing_violation_is_retried_then_the_save_goes_through(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.tdorg"
    save_chart(_chart("Old"), path)
    real_replace = os.replace
    refusals = [_sharing_violation(), _sharing_violation()]

    def busy_for_a_moment(src: object, dst: object) -> None:
        if refusals:
            raise refusals.pop()
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", busy_for_a_moment)
    save_chart(_chart("New"), path)
    assert not refusals and open_chart(path).district.name == "New"


def test_a_lasting_sharing_violation_fails_with_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.tdorg"
    save_chart(_chart("Old"), path)
    before = path.read_bytes()
    tries: list[int] = []

    def always_busy(src: object, dst: object) -> None:
        tries.append(1)
        raise _sharing_violation()

    monkeypatch.setattr(atomic, "REPLACE_RETRY_SECONDS", 0.2)
    monkeypatch.setattr(os, "replace", always_busy)
    with pytest.raises(FileError) as caught:
        save_chart(_chart("New"), path)
    assert len(tries) > 1
    assert "Another program has “plan.tdorg” open" in str(caught.value) and "OneDrive" in str(caught.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.tdorg"]


def test_a_plain_permission_error_is_not_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.tdorg"
    save_chart(_chart("Old"), path)
    tries: list[int] = []

    def refuse(src: object, dst: object) -> None:
        tries.append(1)
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(FileError, match="previous version is unchanged"):
        save_chart(_chart("New"), path)
    assert tries == [1]



@pytest.mark.skipif(not hasattr(os, "getuid"), reason="no user ids here")
def test_another_users_file_in_a_shared_folder_says_whose_it_is(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)  # like /tmp: everyone may write, only owners may replace their files
    path = shared / "plan.tdorg"
    save_chart(_chart("Theirs"), path)
    owner = path.stat().st_uid

    def refuse(src: object, dst: object) -> None:  # what the system answers a user who is not the owner
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "getuid", lambda: owner + 1)
    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(FileError) as caught:
        save_chart(_chart("Mine"), path)
    assert "“plan.tdorg” belongs to another user" in str(caught.value)
    assert "may not write in the folder" not in str(caught.value)
