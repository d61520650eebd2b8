"""Hostile inputs: every one ends in a clear, specific error or a correct load.

About 1,300 generated files are fed to every reader of their kind (the file
opener, the sample-format readers and the spreadsheet import): random bytes,
truncated and bit-flipped ``.tdorg`` files, SQLite files of other programs,
files from a newer tdorg, malformed JSON, CSV in odd encodings, damaged
workbooks, huge fields, formulas, control characters; and the kinds a
determined tester found: ``.tdorg`` schema bombs (computed columns, triggers,
views, expression indexes, a costly check on every row), thresholds of 0, NaN
and infinity, 400- and 5,000-digit numbers, lone surrogates, megabytes of
unbroken text, duplicate JSON keys, named pipes and links to ``/dev/zero``,
a workbook declaring millions of shared strings, CSV with very many rows or
blank lines. They are read in a child process: each read ends within 10 s,
the process stays within 500 MB, nothing but a ``TdorgError`` with a message
naming the file is raised, whatever loads can be saved and read back, and no
input is changed. The count scales with ``TDORG_HEAVY_SCALE``.
"""

from __future__ import annotations

import hashlib
import io
import json
import multiprocessing
import os
import random
import resource
import signal
import sqlite3
import stat as stat_module
import time
import zipfile
from pathlib import Path
from typing import Callable, Iterator

import pytest

from bench.memory import peak_bytes
from tdorg.model.errors import TdorgError
from tdorg.model.formats import load_chart, save_chart as save_as
from tdorg.model.importing import MappingError, guess_mapping, plan_import, read_table, write_roles_xlsx
from tdorg.model.persistence import SCHEMA_VERSION, open_document, save_chart
from tdorg.model.rules import validate
from tdorg.model.values import ROLES_MAX
from tdorg.model.synthetic import synthetic_chart

pytestmark = pytest.mark.heavy

from tests.samples import SAMPLES
SCALE = float(os.environ.get("TDORG_HEAVY_SCALE", "1"))
PER_KIND = max(5, int(125 * SCALE))
#: Each read ends within this many seconds, and the reading process stays within this memory.
SECONDS = 10
MAX_RSS = 500 * 2**20
#: A case's content: bytes, a path to link to (a device), or ``FIFO`` for a named pipe.
FIFO = "fifo"

Case = tuple[str, str, "bytes | str"]  # name, suffix, content


def _valid_tdorg(tmp: Path) -> bytes:
    path = tmp / "valid.tdorg"
    save_chart(load_chart(SAMPLES / "francis-howell.json"), path)
    return path.read_bytes()


def random_bytes(rng: random.Random, _: bytes) -> Iterator[Case]:
    for n in range(PER_KIND):
        suffix = (".tdorg", ".json", ".csv")[n % 3]
        yield f"random-{n}", suffix, rng.randbytes(rng.choice([0, 1, 16, 100, 512, 4096]))


def truncated(rng: random.Random, valid: bytes) -> Iterator[Case]:
    for n in range(PER_KIND):
        yield f"truncated-{n}", ".tdorg", valid[: rng.randrange(0, len(valid))]


def bit_flipped(rng: random.Random, valid: bytes) -> Iterator[Case]:
    for n in range(PER_KIND):
        data = bytearray(valid)
        for _ in range(rng.choice([1, 2, 8, 64])):
            i = rng.randrange(len(data))
            data[i] ^= 1 << rng.randrange(8)
        yield f"flipped-{n}", ".tdorg", bytes(data)


def foreign_sqlite(rng: random.Random, valid: bytes, tmp: Path) -> Iterator[Case]:
    for n in range(PER_KIND // 2 + 1):
        path = tmp / f"foreign-{n}.db"
        con = sqlite3.connect(path)
        if n % 3 == 1:
            con.execute("PRAGMA application_id = 0x54444f52")
        con.execute(f"CREATE TABLE t{n} (a INTEGER, b TEXT)")
        con.executemany(f"INSERT INTO t{n} VALUES (?, ?)", [(i, "x" * i) for i in range(n % 7)])
        if n % 3 == 2:
            con.execute("CREATE TABLE roles (id TEXT)")
        con.commit()
        con.close()
        yield f"foreign-{n}", ".tdorg", path.read_bytes()


def newer_version(rng: random.Random, valid: bytes, tmp: Path) -> Iterator[Case]:
    for n in range(PER_KIND // 2 + 1):
        path = tmp / f"newer-{n}.tdorg"
        path.write_bytes(valid)
        con = sqlite3.connect(path)
        con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1 + rng.randrange(1000)}")
        con.commit()
        con.close()
        yield f"newer-{n}", ".tdorg", path.read_bytes()


_JSON_MUTATIONS: list[Callable[[random.Random, dict], object]] = [
    lambda rng, d: d["roles"][rng.randrange(len(d["roles"]))].__setitem__("fte", rng.choice([0, -1, 1.5, "x", None, [], 1e308])),
    lambda rng, d: d["roles"][rng.randrange(len(d["roles"]))].__setitem__("reports_to", rng.choice(["ghost", 5, ["a"]])),
    lambda rng, d: d["roles"][rng.randrange(len(d["roles"]))].__setitem__("title", rng.choice(["", "x" * 100_000, "=cmd|' /C calc'!A0", "\x00\x07\x1b[31m", 7])),
    lambda rng, d: d["roles"][rng.randrange(len(d["roles"]))].__setitem__("category", rng.choice(["wizard", None, 3])),
    lambda rng, d: d["roles"][rng.randrange(len(d["roles"]))].__setitem__("flags", rng.choice(["top_it_leader", {"a": 1}, ["nope"]])),
    lambda rng, d: d["roles"].append(dict(d["roles"][0])),
    lambda rng, d: d.__setitem__("district", rng.choice([None, [], "x", {"students": "many"}, {"state": "Wisconsin"}])),
    lambda rng, d: d.__setitem__("roles", rng.choice([None, {}, "x", [1, 2], [[]]])),
    lambda rng, d: d["roles"][0].__setitem__("reports_to", d["roles"][-1]["id"]),
    lambda rng, d: d.pop("roles"),
    lambda rng, d: d["roles"][rng.randrange(len(d["roles"]))].__setitem__("person", "\u202e" + "ñ" * rng.randrange(300)),
]


def malformed_json(rng: random.Random, _: bytes) -> Iterator[Case]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.json"))]
    for n in range(PER_KIND * 2):
        text = texts[n % len(texts)]
        if n % 3 == 0:  # damage the text itself
            i = rng.randrange(len(text))
            text = text[:i] + rng.choice(["", "{", "]", '"', "\x00", ",,", "\ud800"[:0] + "\\u12"]) + text[i + rng.randrange(40):]
            yield f"json-text-{n}", ".json", text.encode("utf-8", "surrogatepass")
        else:  # well-formed JSON with wrong content
            data = json.loads(text)
            rng.choice(_JSON_MUTATIONS)(rng, data)
            yield f"json-data-{n}", ".json", json.dumps(data).encode()


def odd_csv(rng: random.Random, _: bytes) -> Iterator[Case]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.csv"))]
    for n in range(PER_KIND * 2):
        text = texts[n % len(texts)]
        lines = text.splitlines()
        kind = n % 8
        if kind == 0:
            data = text.encode(rng.choice(["utf-16", "utf-32", "cp1252"]))
        elif kind == 1:
            data = ("\ufeff" + text.replace("Director", "Directör")).encode("utf-8")
        elif kind == 2:
            data = text.replace("Director", "Direçtor").encode("latin-1")
        elif kind == 3:
            i = rng.randrange(1, len(lines))
            cells = lines[i].split(",")
            cells[rng.randrange(len(cells))] = rng.choice(['=cmd|"/C calc"!A0', "+1+1", "@SUM(A1)", "-2", '"unterminated'])
            lines[i] = ",".join(cells)
            data = "\n".join(lines).encode()
        elif kind == 4:
            i = rng.randrange(1, len(lines))
            lines[i] = lines[i].replace("Technician", "T" + "x" * rng.choice([300, 200_000]), 1)
            data = "\n".join(lines).encode()
        elif kind == 5:
            data = "\n".join(line + "\x00\x1b\x7f" if rng.random() < 0.3 else line for line in lines).encode()
        elif kind == 6:
            header = lines[0].split(",")
            header.pop(rng.randrange(len(header)))
            data = "\n".join([",".join(header)] + lines[1:]).encode()
        else:
            data = "\n".join(lines[: rng.randrange(len(lines))]).replace(",", rng.choice([";", "\t", ","])).encode()
        yield f"csv-{n}", ".csv", data


def _valid_xlsx(tmp: Path) -> bytes:
    path = tmp / "valid.xlsx"
    write_roles_xlsx(load_chart(SAMPLES / "francis-howell.json"), path)
    return path.read_bytes()


def odd_xlsx(rng: random.Random, _: bytes, tmp: Path) -> Iterator[Case]:
    """Damaged workbooks, and workbooks holding formulas, huge cells and control characters."""
    from openpyxl import Workbook

    valid = _valid_xlsx(tmp)
    for n in range(PER_KIND):
        kind = n % 4
        if kind == 0:
            data = valid[: rng.randrange(len(valid))]
        elif kind == 1:
            flipped = bytearray(valid)
            for _ in range(rng.choice([1, 4, 32])):
                flipped[rng.randrange(len(flipped))] ^= 1 << rng.randrange(8)
            data = bytes(flipped)
        else:
            book = Workbook()
            sheet = book.active
            sheet.append(["Position ID", "Job Title", "Employee", "Reports To", "FTE"])
            for row in range(rng.randrange(1, 30)):
                cells = [f"p{row}", f"Technician {row}", f"Person {row}", f"p{rng.randrange(row + 1)}", 1]
                cells[rng.randrange(5)] = rng.choice([
                    '=cmd|"/C calc"!A0', "=1+1", "x" * rng.choice([300, 40_000]), "\u202e\t", None, -3, 1e300, "",
                ])
                sheet.append(cells)
            path = tmp / f"book-{n}.xlsx"
            book.save(path)
            data = path.read_bytes()
        yield f"xlsx-{n}", ".xlsx", data


#: Statements that turn a tdorg file into a bomb or a file tdorg never writes, one list per variant.
_SCHEMA_BOMBS: list[list[str]] = [
    ["ALTER TABLE role ADD COLUMN g TEXT GENERATED ALWAYS AS (printf('%.*c', 900000000, 'x')) VIRTUAL"],
    ["ALTER TABLE district ADD COLUMN g INTEGER GENERATED ALWAYS AS (length(zeroblob(900000000)))"],
    ["CREATE TRIGGER t AFTER UPDATE ON role BEGIN SELECT printf('%.*c', 900000000, 'x'); END"],
    ["CREATE VIEW v AS SELECT printf('%.*c', 900000000, 'x') FROM role"],
    ["CREATE INDEX i ON role (printf('%.*c', 100000, title))"],
    ["CREATE INDEX i ON role (title) WHERE length(printf('%.*c', 100000, title)) > 0"],
    ["CREATE TABLE extra (x)"],
    ["ALTER TABLE role ADD COLUMN extra TEXT"],
    ["UPDATE district SET name = printf('%.*c', 3000000, 'x')"],
    ["UPDATE district SET students = '" + "9" * 400 + "'"],
    ["UPDATE role SET annual_cost = 1e999 WHERE position = 0"],
    ["UPDATE role SET title = CAST(X'41EDA08042' AS TEXT) WHERE position = 1"],
    ["INSERT INTO threshold VALUES ((SELECT MIN(id) FROM scenario), 'STF-3', 'high_per_tech', 0)"],
    ["INSERT INTO threshold VALUES ((SELECT MIN(id) FROM scenario), 'SPN-1', 'max_direct_reports', 1e999)"],
    ["UPDATE scenario SET notes = printf('%.*c', 20000, 'n')"],
    ["INSERT INTO arrangement VALUES ((SELECT MIN(id) FROM scenario), 'dir', 99999999999)"],
    ["INSERT INTO arrangement VALUES ((SELECT MIN(id) FROM scenario), 'dir', '" + "9" * 400 + "')"],
    ["INSERT INTO arrangement VALUES ((SELECT MIN(id) FROM scenario), 'nobody', 2)"],
]

#: Raw JSON values for the ``"@@"`` placeholder at each place of a chart.
_JSON_HOSTILE_VALUES = ["0", "-1", "NaN", "Infinity", "-Infinity", "1e999", "9" * 400, "9" * 5000, "1.5"]
_JSON_TEXT_VALUES = ['"\\ud800"', '"a\\udfffb"', '"' + "x" * 4_000_000 + '"']


def _placed(data: dict, where: str) -> dict:
    """``data`` with the placeholder ``"@@"`` at ``where`` (dotted keys; digits index lists)."""
    *keys, last = where.split(".")
    holder = data
    for key in keys:
        if key.isdigit():
            holder = holder[int(key)]
        else:
            holder[key] = holder.get(key) or {}
            holder = holder[key]
    holder[int(last) if last.isdigit() else last] = "@@"
    return data


def hostile_json(rng: random.Random, _: bytes) -> Iterator[Case]:
    """Thresholds out of range, huge numbers, invalid or over-long text, duplicate keys."""
    text = (SAMPLES / "francis-howell.json").read_text(encoding="utf-8")
    numbers = ["settings.thresholds.STF-3.high_per_tech", "settings.thresholds.SPN-1.max_direct_reports",
               "district.students", "district.devices", "district.buildings.high", "roles.2.annual_cost", "roles.3.fte",
               "arrangements.dir", "arrangements.nobody"]
    texts = ["roles.1.title", "roles.1.person", "roles.1.notes", "district.name", "notes",
             "settings.disabled.SEC-1", "district.one_to_one_grades"]
    for n in range(PER_KIND):
        data = json.loads(text)
        data.setdefault("settings", {"thresholds": {}, "disabled": {}})
        if n % 5 == 4:  # a key twice
            key = rng.choice(['"roles"', '"district"', '"title"', '"students"'])
            body = json.dumps(data)
            at = body.index(key)
            yield f"json-duplicate-{n}", ".json", (body[:at] + key + ': null, ' + body[at:]).encode()
            continue
        if n % 2:
            where, value = rng.choice(numbers), rng.choice(_JSON_HOSTILE_VALUES)
        else:
            where, value = rng.choice(texts), rng.choice(_JSON_TEXT_VALUES)
        yield f"json-hostile-{n}", ".json", json.dumps(_placed(data, where)).replace('"@@"', value).encode()


def schema_bombs(rng: random.Random, valid: bytes, tmp: Path) -> Iterator[Case]:
    """Tdorg files with computed columns, triggers, views, odd indexes and tables, and values no chart holds."""
    for n in range(max(len(_SCHEMA_BOMBS), PER_KIND // 3)):
        path = tmp / f"bomb-{n}.tdorg"
        path.write_bytes(valid)
        con = sqlite3.connect(path)
        for statement in _SCHEMA_BOMBS[n % len(_SCHEMA_BOMBS)]:
            con.execute(statement)
        con.commit()
        con.close()
        yield f"schema-bomb-{n}", ".tdorg", path.read_bytes()
    # One costly check on every row of a big file: stopped by the reader's work budget.
    path = tmp / "bomb-check.tdorg"
    save_chart(synthetic_chart(2000), path)
    con = sqlite3.connect(path)
    (sql,) = con.execute("SELECT sql FROM sqlite_master WHERE name = 'role'").fetchone()
    costly = " AND ".join(["length(printf('%.*c', 900000, title)) > 0"] * 4)
    con.execute("PRAGMA writable_schema = ON")
    con.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'role'", (sql.rstrip()[:-1] + f", CHECK ({costly}))",))
    con.commit()
    con.close()
    yield "schema-bomb-check", ".tdorg", path.read_bytes()


def hostile_csv(rng: random.Random, _: bytes) -> Iterator[Case]:
    """Huge numbers and long words in the sample CSV format."""
    lines = (SAMPLES / "francis-howell.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    for n in range(PER_KIND // 3):
        row = lines[1 + n % (len(lines) - 1)].split(",")
        column = rng.choice(["annual_cost", "fte", "title", "person", "notes"])
        if column not in header:
            continue
        row[header.index(column)] = rng.choice(["9" * 400, "9" * 5000, "1e999", "nan", "y" * 100_000])
        body = [lines[0], *lines[1:], ",".join(row)] if n % 2 else [lines[0], ",".join(row), *lines[1:]]
        yield f"csv-hostile-{n}", ".csv", "\n".join(body).encode()


def special_files(rng: random.Random, _: bytes) -> Iterator[Case]:
    """Named pipes, and links to endless devices, under every chart suffix."""
    for suffix in (".tdorg", ".json", ".csv", ".xlsx"):
        if hasattr(os, "mkfifo"):
            yield f"fifo{suffix[1:]}", suffix, FIFO
        for device in ("/dev/zero", "/dev/urandom"):
            if os.path.exists(device):
                yield f"{Path(device).name}{suffix[1:]}", suffix, device


def spreadsheet_bombs(rng: random.Random, _: bytes, tmp: Path) -> Iterator[Case]:
    """A small workbook declaring millions of shared strings; CSV with very many rows or blank lines."""
    valid = _valid_xlsx(tmp)
    strings = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2000000" ' \
              b'uniqueCount="2000000">' + b"<si><t>x</t></si>" * 2_000_000 + b"</sst>"
    source = zipfile.ZipFile(io.BytesIO(valid))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        for item in source.infolist():
            book.writestr(item, source.read(item.filename) if item.filename != "xl/sharedStrings.xml" else strings)
        if "xl/sharedStrings.xml" not in source.namelist():
            book.writestr("xl/sharedStrings.xml", strings)
    yield "xlsx-shared-strings", ".xlsx", out.getvalue()
    header = "id,title,category,reports_to\n"
    # one row more than a chart holds: refused once the rows are counted, before a chart is built
    many = range(ROLES_MAX + 1)
    yield "csv-many-rows", ".csv", (header + "".join(f"r{n},Technician {n},other,\n" for n in many)).encode()
    yield "csv-blank-lines", ".csv", (header + "\n" * 5_000_000 + "a,Director,it_leader,\n").encode()


def cases(tmp: Path) -> list[Case]:
    rng = random.Random(7)
    valid = _valid_tdorg(tmp)
    out: list[Case] = []
    for make in (random_bytes, truncated, bit_flipped, malformed_json, odd_csv, hostile_json, hostile_csv,
                 special_files):
        out.extend(make(rng, valid))
    out.extend(odd_xlsx(rng, valid, tmp))
    out.extend(foreign_sqlite(rng, valid, tmp))
    out.extend(newer_version(rng, valid, tmp))
    out.extend(schema_bombs(rng, valid, tmp))
    out.extend(spreadsheet_bombs(rng, valid, tmp))
    return out


def _import(path: Path):
    """The spreadsheet import as the dialog drives it: read, map, plan, build the good rows."""
    table = read_table(path)
    plan = plan_import(table, guess_mapping(table.headers))
    plan.summary()
    return plan.chart(include_bad=bool(plan.problems) and len(plan.rows) % 2 == 0)


def readers(path: Path) -> list:
    """Every way tdorg reads a file of this kind."""
    if path.suffix == ".tdorg":
        return [lambda: open_document(path).chart]
    if path.suffix == ".xlsx":
        return [lambda: _import(path)]
    if path.suffix == ".csv":
        return [lambda: load_chart(path), lambda: _import(path)]
    return [lambda: load_chart(path)]


def write_input(path: Path, data: bytes | str) -> None:
    if data == FIFO:
        os.mkfifo(path)
    elif isinstance(data, str):
        path.symlink_to(data)
    else:
        path.write_bytes(data)
        os.chmod(path, 0o444)


def fingerprint(path: Path) -> tuple:
    """What must not change: a link's target, a pipe's identity, a file's content and modification time."""
    if path.is_symlink():
        return ("link", os.readlink(path))
    info = path.stat()
    if not stat_module.S_ISREG(info.st_mode):
        return ("special", info.st_ino, info.st_mtime_ns)
    return ("file", hashlib.sha256(path.read_bytes()).hexdigest(), info.st_mtime_ns)


class Hang(Exception):
    pass


def _alarm(signum, frame):  # pragma: no cover - only on a hang
    raise Hang()


def _saved_and_read_back(chart, scratch: Path) -> str | None:
    """Whatever loaded can be saved, as .tdorg, JSON and CSV (roles only), and read back equal; else why not."""
    for suffix in (".tdorg", ".json", ".csv"):
        out = scratch / f"saved{suffix}"
        try:
            save_as(chart, out)
            back = load_chart(out)
        except TdorgError as err:
            return f"loads but cannot be saved and read back as {suffix}: {err}"
        finally:
            out.unlink(missing_ok=True)
        if (back.roles != chart.roles) if suffix == ".csv" else (back != chart):
            return f"reads back different from {suffix}"
    return None


def check_inputs(inputs: Path, scratch: Path, progress: Path) -> dict:
    """Read every file in ``inputs`` with every reader of its kind; the outcome, the failures and the peak memory.

    Runs in a child process: each read must end within ``SECONDS``; the peak resident memory is its own.
    """
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))  # a runaway reader fails instead of swapping
    outcomes = {"error": 0, "loaded": 0}
    failures: list[str] = []
    peaks: dict[str, int] = {}
    signal.signal(signal.SIGALRM, _alarm)
    took: dict[str, float] = {}
    for path in sorted(inputs.iterdir()):
        progress.write_text(path.name)
        started = time.monotonic()
        for read in readers(path):
            signal.alarm(SECONDS)
            try:
                chart = read()
                validate(chart)
                problem = _saved_and_read_back(chart, scratch)
                if problem:
                    failures.append(f"{path.name}: {problem}")
                outcomes["loaded"] += 1
            except MappingError as err:  # the sheet read, but its columns need the user's choice
                outcomes["error"] += 1
                if "column" not in str(err):
                    failures.append(f"{path.name}: unclear mapping message {err}")
            except TdorgError as err:
                outcomes["error"] += 1
                message = str(err)
                if (str(path) not in message or not len(str(path)) + 10 < len(message) < len(str(path)) + 2000
                        or "Traceback" in message):
                    failures.append(f"{path.name}: unclear message {message[:300]!r}")
            except Hang:
                failures.append(f"{path.name}: took more than {SECONDS} s")
            except Exception as err:  # noqa: BLE001 - the point is to catch anything else
                failures.append(f"{path.name}: {type(err).__name__}: {str(err)[:300]}")
            finally:
                signal.alarm(0)
        peaks[path.name] = peak_bytes()
        took[path.name] = time.monotonic() - started
    print("slowest:", sorted(took.items(), key=lambda item: -item[1])[:15])
    return {"outcomes": outcomes, "failures": failures, "peaks": peaks}


def _child(inputs: str, scratch: str, progress: str, result: str) -> None:
    Path(result).write_text(json.dumps(check_inputs(Path(inputs), Path(scratch), Path(progress))))


def test_hostile_inputs_end_in_clear_errors_or_correct_loads(tmp_path: Path):
    all_cases = cases(tmp_path)
    assert len(all_cases) >= 9 * PER_KIND
    inputs, scratch = tmp_path / "inputs", tmp_path / "scratch"
    inputs.mkdir()
    scratch.mkdir()
    before = {}
    for name, suffix, data in all_cases:
        path = inputs / f"{name}{suffix}"
        write_input(path, data)
        before[path.name] = fingerprint(path)
    progress, result = tmp_path / "progress", tmp_path / "result.json"
    child = multiprocessing.get_context("spawn").Process(
        target=_child, args=(str(inputs), str(scratch), str(progress), str(result)))
    child.start()
    child.join(timeout=SECONDS * 3 + 2 * len(all_cases))
    if child.is_alive():  # stuck where a signal cannot reach
        child.kill()
        child.join()
        pytest.fail(f"reading {progress.read_text()} never ended")
    assert child.exitcode == 0, f"the reading process died at {progress.read_text()} (exit {child.exitcode})"
    report = json.loads(result.read_text())
    failures = report["failures"]
    peak = 0
    for name, rss in report["peaks"].items():  # in reading order: a rise names the input that caused it
        if rss > MAX_RSS and peak <= MAX_RSS:
            failures.append(f"{name}: the reader's memory rose to {rss / 2**20:,.0f} MB")
        peak = max(peak, rss)
    for name, was in before.items():
        if fingerprint(inputs / name) != was:
            failures.append(f"{name}: the input file was changed")
    leftovers = sorted({p.name for p in inputs.iterdir()} - set(before)) + [p.name for p in scratch.iterdir()]
    if leftovers:
        failures.append(f"files left behind: {leftovers[:10]}")
    assert failures == [], "\n".join(failures[:30])
    assert report["outcomes"]["error"] > 0 and report["outcomes"]["loaded"] > 0
