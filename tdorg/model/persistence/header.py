"""The 100-byte header of an SQLite database file, read without SQLite.

Reading it first lets tdorg tell a file that is not SQLite at all, another
program's database, a newer tdorg's file and a truncated file apart before
handing the bytes to SQLite.
"""

from __future__ import annotations

from dataclasses import dataclass

MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


@dataclass(frozen=True)
class SqliteHeader:
    page_size: int
    #: Pages the database says it has, or ``None`` when that figure is stale.
    page_count: int | None
    user_version: int
    application_id: int

    @property
    def expected_size(self) -> int | None:
        return None if self.page_count is None else self.page_size * self.page_count


def looks_like_sqlite(data: bytes) -> bool:
    """True when ``data`` starts like an SQLite database (or is a cut-off start of one)."""
    return data.startswith(MAGIC) or (0 < len(data) < len(MAGIC) and MAGIC.startswith(data))


def parse_header(data: bytes) -> SqliteHeader | None:
    """The header of ``data``, or ``None`` when it is too short to hold one."""
    if len(data) < HEADER_SIZE or not data.startswith(MAGIC):
        return None
    raw_page_size = int.from_bytes(data[16:18], "big")
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    change_counter = data[24:28]
    valid_for = data[92:96]
    page_count = int.from_bytes(data[28:32], "big") if change_counter == valid_for else None
    if page_count == 0:
        page_count = None
    return SqliteHeader(
        page_size=page_size,
        page_count=page_count,
        user_version=int.from_bytes(data[60:64], "big", signed=True),
        application_id=int.from_bytes(data[68:72], "big", signed=True),
    )
