"""Sums of floats kept exactly, so that a total kept edit by edit and one summed afresh agree to the last bit."""

from __future__ import annotations

#: A sum of float values kept exactly as a whole number of the smallest fraction a float holds (2⁻¹⁰⁷⁴).
_EXACT_BITS = 1074
EXACT_ONE = 1 << _EXACT_BITS


def exact(value: float) -> int:
    """``value`` (a float) as a whole number of 2⁻¹⁰⁷⁴, exactly: sums of these lose nothing."""
    numerator, denominator = value.as_integer_ratio()
    return numerator << (_EXACT_BITS + 1 - denominator.bit_length())
