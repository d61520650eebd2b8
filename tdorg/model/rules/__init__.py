"""The framework's rules: each a small unit with its id, severity, source and thresholds."""

from .base import Finding, Metric, Report, Rule, Severity
from .engine import RULES, RULES_BY_ID, Validator, validate
from .metrics import compute_metrics
from .sources import SOURCES, cite

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
