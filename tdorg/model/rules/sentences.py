"""Pieces of the findings' sentences: lists in words, labels inside a sentence, functions by name."""

from __future__ import annotations

from ..vocab import FUNCTIONS, label


def and_list(items: list[str]) -> str:
    """“a”, “a and b”, “a, b and c”."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def in_sentence(text: str) -> str:
    """A label inside a sentence: “Help desk” → “help desk”, but “E-rate / CIPA” stays."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def function_name(function: str) -> str:
    return in_sentence(label(FUNCTIONS, function))


def function_names(functions: list[str] | tuple[str, ...]) -> str:
    """“network, servers and help desk”: function labels in a sentence."""
    return and_list([function_name(f) for f in functions])


__all__ = ["and_list", "function_name", "function_names", "in_sentence"]
