"""Thresholds in words: what each one means, and those a chart has changed from the framework's defaults."""

from __future__ import annotations

from dataclasses import dataclass

from ..settings import RuleSettings
from ..vocab import CRITICAL_FUNCTIONS, ESSENTIAL_FUNCTIONS, FUNCTIONS, label

#: What each threshold means, in words.
PARAM_LABELS = {
    "max_person_fte": "Most FTE one person may hold",
    "max_teachers_per_fte": "Teachers per integration FTE, at most",
    "intake_owners": "Help-desk intake owners expected",
    "max_devices_per_fte": "Devices per technician, at most",
    "max_students_per_fte": "Students per technology-staff FTE, at most",
    "high_per_tech": "High schools per building technician",
    "middle_per_tech": "Middle schools per building technician",
    "elementary_per_tech": "Elementary schools per building technician",
    "max_direct_reports": "Direct reports per manager, at most",
    "max_front_line_reports": "Direct reports per manager of front-line support staff, at most",
    # FUN-1 and EMP-1 check a function when its threshold is 1.
    **{f"essential_{f}": f"{label(FUNCTIONS, f)}: lead required (1/0)" for f in ESSENTIAL_FUNCTIONS},
    **{f"critical_{f}": f"{label(FUNCTIONS, f)}: staff backup required (1/0)" for f in CRITICAL_FUNCTIONS},
}


def param_label(name: str) -> str:
    return PARAM_LABELS.get(name, name.replace("_", " ").capitalize())


def number_text(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class ChangedThreshold:
    rule_id: str
    rule_title: str
    name: str
    value: float
    default: float

    def text(self) -> str:
        """E.g. ``Direct reports per manager, at most: 12 (framework default 10)``."""
        return f"{param_label(self.name)}: {number_text(self.value)} (framework default {number_text(self.default)})"


def changed_thresholds(settings: RuleSettings) -> list[ChangedThreshold]:
    """The thresholds ``settings`` sets to something other than the framework's default, by rule."""
    from .engine import RULES_BY_ID

    out = []
    for rule_id in sorted(settings.thresholds):
        rule = RULES_BY_ID.get(rule_id)
        if rule is None:
            continue
        for name, value in sorted(settings.thresholds[rule_id].items()):
            default = rule.params.get(name)
            if default is not None and value != default:
                out.append(ChangedThreshold(rule_id, rule.title, name, value, default))
    return out


__all__ = ["ChangedThreshold", "PARAM_LABELS", "changed_thresholds", "number_text", "param_label"]
