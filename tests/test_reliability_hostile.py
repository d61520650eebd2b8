"""Hostile inputs: every one ends in a clear, specific error or a correct load.

About 1,100 generated files (random bytes, truncated and bit-flipped ``.tdorg``
files, SQLite files of other programs, files from a newer tdorg, malformed
JSON, CSV in odd encodings, damaged workbooks, huge fields, formulas, control
characters) are fed to every reader of their kind: the file opener, the
sample-format readers and the spreadsheet import. None may raise anything but a ``TdorgError`` with a message,
none may hang, and none may be written to. The count scales with
``TDORG_HEAVY_SCALE``.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
from pathlib import Path
from typing import Callable, Iterator

import pytest

from tdorg.model.errors import TdorgError
from tdorg.model.formats import load_chart
from tdorg.model.importing import MappingError, guess_mapping, plan_import, read_table, write_roles_xlsx
from tdorg.model.persistence import SCHEMA_VERSION, open_document, save_chart
from tdorg.model.rules import validate

pytestmark = pytest.mark.heavy

from tests.samples import SAMPLES
SCALE = float(os.environ.get("TDORG_HEAVY_SCALE", "1"))
PER_KIND = max(5, int(125 * SCALE))

Case = tuple[str, str, bytes]  # name, suffix, content


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


def cases(tmp: Path) -> list[Case]:
    rng = random.Random(7)
    valid = _valid_tdorg(tmp)
    out: list[Case] = []
    for make in (random_bytes, truncated, bit_flipped, malformed_json, odd_csv):
        out.extend(make(rng, valid))
    out.extend(odd_xlsx(rng, valid, tmp))
    out.extend(foreign_sqlite(rng, valid, tmp))
    out.extend(newer_version(rng, valid, tmp))
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


class Hang(Exception):
    pass


def _alarm(signum, frame):  # pragma: no cover - only on a hang
    raise Hang()


def test_hostile_inputs_end_in_clear_errors_or_correct_loads(tmp_path: Path):
    all_cases = cases(tmp_path)
    assert len(all_cases) >= 9 * PER_KIND
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    outcomes = {"error": 0, "loaded": 0}
    failures: list[str] = []
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for name, suffix, data in all_cases:
            path = inputs / f"{name}{suffix}"
            path.write_bytes(data)
            os.chmod(path, 0o444)
            stat = path.stat()
            for read in readers(path):
                signal.alarm(20)
                try:
                    validate(read())
                    outcomes["loaded"] += 1
                except MappingError as err:  # the sheet read, but its columns need the user's choice
                    outcomes["error"] += 1
                    if "column" not in str(err):
                        failures.append(f"{name}: unclear mapping message {err}")
                except TdorgError as err:
                    outcomes["error"] += 1
                    message = str(err)
                    if str(path) not in message or len(message) < len(str(path)) + 10 or "Traceback" in message:
                        failures.append(f"{name}: unclear message {message!r}")
                except Hang:
                    failures.append(f"{name}: hung")
                except Exception as err:  # noqa: BLE001 - the point is to catch anything else
                    failures.append(f"{name}: {type(err).__name__}: {err}")
                finally:
                    signal.alarm(0)
            after = path.stat()
            if path.read_bytes() != data or after.st_mtime_ns != stat.st_mtime_ns:
                failures.append(f"{name}: the input file was written to")
            leftovers = [p.name for p in inputs.iterdir() if p.name != path.name]
            if leftovers:
                failures.append(f"{name}: left files behind: {leftovers}")
            path.unlink()
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert failures == [], "\n".join(failures[:30])
    assert outcomes["error"] > 0 and outcomes["loaded"] > 0
