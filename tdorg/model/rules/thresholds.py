"""Checking a threshold against the range its rule declares."""

from __future__ import annotations

from ..errors import FieldValueError
from ..values import NAME_MAX, check_text, is_finite_number, shown
from .base import Bounds
from .engine import RULES_BY_ID


def bounds_of(rule_id: str, name: str) -> Bounds | None:
    """The range of a known rule's threshold; ``None`` for a rule or threshold this version does not know."""
    rule = RULES_BY_ID.get(rule_id)
    return rule.ranges.get(name) if rule is not None else None


def check_threshold(rule_id: object, name: object, value: object) -> float:
    """``value`` as a float when it is a number in the threshold's range; else :class:`FieldValueError`.

    Thresholds of rules this version does not know are kept as long as they are finite numbers.
    """
    rule_id = check_text("threshold", rule_id, NAME_MAX, "A rule id")
    name = check_text("threshold", name, NAME_MAX, f"A threshold name of {rule_id}")
    if not is_finite_number(value):
        raise FieldValueError("threshold", f"The threshold {rule_id}.{name} must be a finite number; got {shown(value)}.")
    bounds = bounds_of(rule_id, name)
    if bounds is not None and not bounds.allows(value):  # type: ignore[arg-type]
        raise FieldValueError(
            "threshold", f"The threshold {rule_id}.{name} must be {bounds.describe()}; got {shown(value)}."
        )
    try:
        return float(value)  # type: ignore[arg-type]
    except OverflowError:
        raise FieldValueError("threshold", f"The threshold {rule_id}.{name} is too large; got {shown(value)}.") from None
