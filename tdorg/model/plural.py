"""Counted nouns in messages: "1 role", "2 roles", "1,200 students"."""

from __future__ import annotations


def plural(count: int, word: str, many: str | None = None) -> str:
    """``count`` with ``word``, or with ``many`` (default ``word`` + "s") when the count is not one."""
    return f"{count:,} {word if count == 1 else (many or word + 's')}"
