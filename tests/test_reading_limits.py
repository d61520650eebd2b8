"""What every reader refuses: special files, huge files, over-long or invalid text, huge numbers, duplicate keys.

Whatever a reader accepts can be written back and read again.
"""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tdorg.cli.commands import run
from tdorg.cli.report_text import format_report, wrap_words
from tdorg.export.labels import wrap
from tdorg.model.errors import CorruptFileError, FileError, FormatError
from tdorg.model.formats import load_chart, save_chart
from tdorg.model.formats.sample_json import write_json
from tdorg.model.persistence import open_document
from tdorg.model.rules import validate
from tdorg.model.values import NAME_MAX, NOTES_MAX, TITLE_MAX
from tests.samples import SAMPLES

SAMPLE = SAMPLES / "west-salem.json"


def sample_data() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def write(tmp_path: Path, data: dict, name: str = "chart.json", raw: dict[str, str] | None = None) -> Path:
    """``data`` as JSON; each ``"@key@"`` string in it is replaced by the raw JSON text ``raw[key]``."""
    text = json.dumps(data)
    for key, value in (raw or {}).items():
        text = text.replace(f'"@{key}@"', value)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def tampered_tdorg(tmp_path: Path, sql: str, *values: object) -> Path:
    """The sample saved as ``.tdorg``, then changed by ``sql`` as another program could."""
    path = tmp_path / "plan.tdorg"
    save_chart(load_chart(SAMPLE), path)
    with sqlite3.connect(path) as conn:
        conn.execute(sql, values)
    conn.close()
    return path


# --- item 11: special files -------------------------------------------------------------


def _read_in_child(path: Path) -> subprocess.CompletedProcess:
    """Load ``path`` in a child with 10 s of CPU and 1 GB of memory at most, so a regression cannot hang the run."""

    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (10, 10))
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    code = "import sys; from tdorg.cli.commands import run; sys.exit(run(['validate', sys.argv[1]]))"
    return subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                          preexec_fn=limits, timeout=60, cwd=Path(__file__).parents[1])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    path = tmp_path / "p.tdorg"
    os.mkfifo(path)
    done = _read_in_child(path)
    assert done.returncode == 2 and "named pipe" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("name,device", [("z.json", "/dev/zero"), ("u.csv", "/dev/urandom"), ("z.tdorg", "/dev/zero")])
def test_a_link_to_a_device_is_refused(tmp_path, name, device):
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    path = tmp_path / name
    path.symlink_to(device)
    done = _read_in_child(path)
    assert done.returncode == 2 and "a device" in done.stderr and "Traceback" not in done.stderr


def test_a_file_bigger_than_any_chart_is_refused_by_its_size(tmp_path):
    path = tmp_path / "big.json"
    with open(path, "wb") as handle:
        handle.truncate(80 * 1024 * 1024)
    with pytest.raises(FileError, match="at most 64 MB"):
        load_chart(path)


# --- item 9: capped fields and linear wrapping ---------------------------------------------


@pytest.mark.parametrize("where,limit", [("district.name", NAME_MAX), ("roles.0.title", TITLE_MAX), ("notes", NOTES_MAX),
                                         ("settings.disabled.SEC-1", NOTES_MAX)])
def test_over_long_text_is_refused_by_the_json_reader_naming_the_limit(tmp_path, where, limit):
    data = sample_data()
    data.setdefault("settings", {"thresholds": {}, "disabled": {}})
    target, *keys = where.split(".")
    holder = data
    for key in [target, *keys][:-1]:
        holder = holder[int(key)] if key.isdigit() else holder.setdefault(key, {})
    holder[[target, *keys][-1]] = "x" * 4_000_000
    with pytest.raises(FormatError, match=f"at most {limit:,} characters"):
        load_chart(write(tmp_path, data))


def test_over_long_text_is_refused_by_the_csv_and_tdorg_readers(tmp_path):
    csv = tmp_path / "roles.csv"
    csv.write_text("id,title,category,reports_to\nsupt," + "y" * 100_000 + ",other,\n", encoding="utf-8")
    with pytest.raises(FormatError, match="at most 200 characters"):
        load_chart(csv)
    path = tampered_tdorg(tmp_path, "UPDATE role SET notes = ? WHERE id = 'supt'", "n" * 20_000)
    with pytest.raises(CorruptFileError, match="at most 10,000 characters"):
        open_document(path)


def test_wrapping_a_long_unbroken_word_cuts_it_into_full_lines():
    # Quadratic before: 20 MB took minutes in textwrap; now linear (the child's CPU limit bounds the test).
    code = ("from tdorg.cli.report_text import wrap_words; from tdorg.export.labels import wrap;"
            "lines = wrap_words('x' * 20_000_000, 100, '  ', '  '); assert len(lines) == 20_000_000 // 98 + 1;"
            "assert len(wrap('y' * 2_000_000)) > 1000")

    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (10, 10))

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, preexec_fn=limits, timeout=60,
                          cwd=Path(__file__).parents[1])
    assert done.returncode == 0, done.stderr
    lines = wrap_words("alpha " + "b" * 250 + " gamma delta", 100, "> ", "  ")
    assert [len(line) for line in lines][:2] == [100, 100] and lines[0] == "> alpha " + "b" * 92
    assert lines[-1].endswith("b gamma delta") and all(line.startswith("  ") for line in lines[1:])
    assert "".join(line[2:] for line in lines).replace(" ", "") == "alpha" + "b" * 250 + "gammadelta"
    assert all(len(line) <= 100 for line in wrap_words("w " * 1000, 100))
    assert wrap("z" * 500)[0].startswith("zzz") and "".join(wrap("z" * 500)) == "z" * 500


def test_a_long_reason_a_rule_is_off_wraps_in_the_report():
    chart = load_chart(SAMPLE)
    chart.set_settings(chart.settings.disable("SEC-1", "r" * NOTES_MAX))
    text = format_report(chart, validate(chart), width=80)
    assert text.count("r" * 70) >= NOTES_MAX // 80


# --- item 14: numbers ------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["students", "devices"])
@pytest.mark.parametrize("digits", [400, 5000])
def test_a_huge_district_count_is_refused_with_a_sentence(tmp_path, field, digits):
    data = sample_data()
    data["district"][field] = "@n@"
    path = write(tmp_path, data, raw={"n": "9" * digits})
    with pytest.raises(FormatError) as caught:
        load_chart(path)
    message = str(caught.value)
    assert (field in message.lower()) if digits == 400 else (f"{digits:,} digits" in message)
    assert run(["validate", str(path)]) == 2


@pytest.mark.parametrize("field", ["annual_cost", "fte"])
def test_a_huge_role_number_is_refused_naming_the_field(tmp_path, field):
    data = sample_data()
    data["roles"][0][field] = "@n@"
    with pytest.raises(FormatError) as caught:
        load_chart(write(tmp_path, data, raw={"n": "9" * 400}))
    assert caught.value.field == field
    data["district"]["buildings"] = {"high": "@n@"}
    data["roles"][0][field] = 1
    with pytest.raises(FormatError, match="high buildings"):
        load_chart(write(tmp_path, data, raw={"n": "9" * 400}))


def test_huge_numbers_in_csv_and_tdorg_files_are_refused(tmp_path):
    csv = tmp_path / "roles.csv"
    csv.write_text("id,title,category,reports_to,annual_cost\nsupt,Superintendent,other,," + "9" * 400 + "\n",
                   encoding="utf-8")
    with pytest.raises(FormatError, match="Annual cost"):
        load_chart(csv)
    path = tampered_tdorg(tmp_path, "UPDATE district SET students = ?", "9" * 400)
    with pytest.raises(CorruptFileError, match="Students"):
        open_document(path)


# --- item 15: invalid text -------------------------------------------------------------------


@pytest.mark.parametrize("bad,words", [("ok \ud800 text", "not valid text"), ("ok \x00 text", "NUL character")])
@pytest.mark.parametrize("where", ["title", "person", "notes", "district", "chart notes", "reason"])
def test_invalid_text_is_refused_on_read_so_everything_loaded_can_be_saved(tmp_path, where, bad, words):
    data = sample_data()
    if where == "district":
        data["district"]["name"] = bad
    elif where == "chart notes":
        data["notes"] = bad
    elif where == "reason":
        data["settings"] = {"thresholds": {}, "disabled": {"SEC-1": bad}}
    else:
        data["roles"][1][where] = bad
    with pytest.raises(FormatError, match=words):
        load_chart(write(tmp_path, data))


# --- item 18: duplicate keys -----------------------------------------------------------------


def test_a_duplicate_key_is_refused_naming_it(tmp_path):
    text = SAMPLE.read_text(encoding="utf-8").rstrip()
    assert text.endswith("}")
    path = tmp_path / "dup.json"
    path.write_text(text[:-1] + ', "roles": []}', encoding="utf-8")
    with pytest.raises(FormatError, match="'roles' appears twice"):
        load_chart(path)
    data = sample_data()
    role = json.dumps(data["roles"][0])
    path.write_text(json.dumps(data).replace(role, role[:-1] + ', "title": "Other"}', 1), encoding="utf-8")
    with pytest.raises(FormatError, match="'title' appears twice"):
        load_chart(path)


# --- item 2: what is written can be read -----------------------------------------------------


def test_every_sample_written_as_json_is_standard_json_that_reads_back(tmp_path):
    for sample in sorted(SAMPLES.glob("*.json")):
        chart = load_chart(sample)
        out = tmp_path / sample.name
        write_json(chart, out)
        json.loads(out.read_text(encoding="utf-8"), parse_constant=lambda name: pytest.fail(f"{name} written"))
        assert load_chart(out) == chart


def test_rules_set_to_infinity_is_refused_so_the_file_still_opens(tmp_path, capsys):
    path = tmp_path / "plan.tdorg"
    save_chart(load_chart(SAMPLE), path)
    assert run(["rules", str(path), "--set", "SPN-1.max_direct_reports=1e999"]) == 2
    assert run(["convert", str(path), str(tmp_path / "plan.json")]) == 0
    assert "Infinity" not in (tmp_path / "plan.json").read_text(encoding="utf-8")
    assert open_document(path).names


# --- more roles than any chart ---------------------------------------------------------------


def test_more_roles_than_a_chart_holds_are_refused_by_every_reader(tmp_path):
    from tdorg.model.values import ROLES_MAX

    many = ROLES_MAX + 1
    csv = tmp_path / "many.csv"
    csv.write_text("id,title,category,reports_to\n" + "".join(f"r{n},T,other,\n" for n in range(many)), encoding="utf-8")
    with pytest.raises(FormatError, match=f"more than {ROLES_MAX:,} roles"):
        load_chart(csv)
    blank = tmp_path / "blank.csv"
    blank.write_text("id,title,category,reports_to\n" + "\n" * 1_000_000 + "a,T,other,\n", encoding="utf-8")
    with pytest.raises(FormatError, match="lines"):
        load_chart(blank)
    data = {"roles": [{"id": f"r{n}", "title": "T"} for n in range(many)]}
    with pytest.raises(FormatError, match=f"more than {ROLES_MAX:,} roles"):
        load_chart(write(tmp_path, data))
    path = tampered_tdorg(
        tmp_path, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
        "INSERT INTO role SELECT scenario_id, 'x' || i, 1000 + i, NULL, 'T', 'other', '', 1.0, 0, 'staff', '', '', '', "
        "'', '', '', NULL FROM n, (SELECT MIN(scenario_id) AS scenario_id FROM role)", many)
    with pytest.raises(CorruptFileError, match=f"more than {ROLES_MAX:,} roles"):
        open_document(path)


@pytest.mark.parametrize(("limit", "whole"), [(5000, True), (1500, False)])
def test_a_file_that_grew_after_its_size_was_taken_is_read_whole_or_refused_past_the_limit(
    tmp_path, monkeypatch, limit, whole
):
    from tdorg.model import files

    path = tmp_path / "growing.bin"
    path.write_bytes(bytes(range(256)) * 8)  # 2,048 bytes, of which the size taken says 1,000
    real_fstat = os.fstat
    monkeypatch.setattr(files.os, "fstat", lambda fd: os.stat_result((*real_fstat(fd)[:6], 1000, *real_fstat(fd)[7:])))
    if whole:
        assert files.read_bytes(path, limit=limit) == path.read_bytes()
    else:
        with pytest.raises(FileError, match="at most 0 MB"):
            files.read_bytes(path, limit=limit)
