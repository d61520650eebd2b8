"""The framework's rules: each a small unit with its id, severity, source and thresholds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lazy_imports import lazy_names

if TYPE_CHECKING:
    from .base import Finding, Metric, Report, Rule, Severity
    from .engine import RULES, RULES_BY_ID, Validator, validate
    from .metrics import compute_metrics
    from .sources import SOURCES, cite

#: Where each public name lives: importing ``rules.base`` alone does not load every rule.
__getattr__ = lazy_names(__name__, {
    "base": ("Finding", "Metric", "Report", "Rule", "Severity"),
    "engine": ("RULES", "RULES_BY_ID", "Validator", "validate"),
    "metrics": ("compute_metrics",),
    "sources": ("SOURCES", "cite"),
})

__all__ = [
    "Finding",
    "Metric",
    "RULES",
    "RULES_BY_ID",
    "Report",
    "Rule",
    "SOURCES",
    "Severity",
    "Validator",
    "cite",
    "compute_metrics",
    "validate",
]
