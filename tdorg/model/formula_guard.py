"""Keeping spreadsheet programs from running cell text as a formula.

Text that starts like a formula (``=``, ``+``, ``-``, ``@``, a tab or a
carriage return) is written with a leading apostrophe, which spreadsheet
programs read as "this is text". Plain numbers stay as they are. Text that
already starts with an apostrophe before such a character gets a second one,
so reading back with :func:`unneutralise` always gives the original text.
"""

from __future__ import annotations

import re

#: Characters that make a spreadsheet program read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def neutralise(text: str) -> str:
    """``text`` made safe to open in a spreadsheet program."""
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    if len(text) > 1 and text[0] == "'" and unneutralise(text) != text:
        return "'" + text
    return text


def unneutralise(text: str) -> str:
    """Undo :func:`neutralise`: drop the apostrophe put before formula-like text."""
    if len(text) > 1 and text[0] == "'" and (text[1] in FORMULA_STARTS or text[1] == "'"):
        return text[1:]
    return text
