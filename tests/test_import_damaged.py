"""Damaged workbooks (.xls, .ods, .xlsx): a clear error or a table, never a crash of the reader."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tdorg.model.importing import SpreadsheetError
from tdorg.model.importing.workbook_guard import check_xls

from .test_import_readers import TITLED, write_xls

ROOT = Path(__file__).resolve().parents[1]


def test_an_xls_sheet_declaring_its_last_row_before_its_first_is_refused(tmp_path: Path) -> None:
    data = bytearray(write_xls(tmp_path / "staff.xls", {"Staff": TITLED}).read_bytes())
    at = data.find(b"\x00\x02\x0e\x00")  # the sheet's DIMENSIONS record: first row, last row, first and last column
    assert at > 0
    data[at + 4 : at + 8] = (200).to_bytes(4, "little")
    with pytest.raises(SpreadsheetError, match="a sheet's size is wrong"):
        check_xls(bytes(data), "staff.xls")


def test_mutated_workbooks_end_in_a_clear_error_or_a_table(tmp_path: Path) -> None:
    """Run in a child process: a reader that aborted would take the test run with it."""
    script = textwrap.dedent(f"""
        import random, sys
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from tdorg.model.importing import SpreadsheetError, read_table
        from tests.test_import_readers import TITLED, write_ods, write_xls
        from tests.test_import_table import write_xlsx
        folder = Path({str(tmp_path)!r})
        sources = [write(folder / f"source{{suffix}}", {{"Staff": TITLED}})
                   for write, suffix in ((write_xls, ".xls"), (write_ods, ".ods"), (write_xlsx, ".xlsx"))]
        rng = random.Random(7)
        for source in sources:
            data = source.read_bytes()
            for n in range(120):
                damaged = bytearray(data[: rng.randrange(len(data))] if n % 4 == 0 else data)
                for _ in range(rng.randrange(1, 6)):
                    damaged[rng.randrange(len(damaged))] = rng.randrange(256)
                path = folder / f"damaged{{source.suffix}}"
                path.write_bytes(bytes(damaged))
                try:
                    read_table(path)
                except SpreadsheetError:
                    pass
        print("done")
    """)
    pytest.importorskip("xlwt")
    pytest.importorskip("odf")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "done"
