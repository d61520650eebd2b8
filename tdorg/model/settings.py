"""Per-chart rule settings: threshold overrides and rules switched off."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from .values import NAME_MAX, NOTES_MAX, check_text


@dataclass(frozen=True)
class RuleSettings:
    """What a chart changes about the framework's defaults.

    ``thresholds`` maps a rule id to ``{parameter: value}``; ``disabled``
    maps a rule id to the reason the user gave for switching it off.
    """

    thresholds: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    disabled: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        _check(self.thresholds, self.disabled)
        frozen = {k: MappingProxyType(dict(v)) for k, v in self.thresholds.items()}
        object.__setattr__(self, "thresholds", MappingProxyType(frozen))
        object.__setattr__(self, "disabled", MappingProxyType(dict(self.disabled)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RuleSettings):
            return NotImplemented
        return self.as_dict() == other.as_dict()

    def __hash__(self) -> int:
        return hash(repr(self.as_dict()))

    def threshold(self, rule_id: str, name: str, default: float) -> float:
        return self.thresholds.get(rule_id, {}).get(name, default)

    def is_disabled(self, rule_id: str) -> bool:
        return rule_id in self.disabled

    def with_threshold(self, rule_id: str, name: str, value: float) -> "RuleSettings":
        thresholds = {k: dict(v) for k, v in self.thresholds.items()}
        thresholds.setdefault(rule_id, {})[name] = value
        return RuleSettings(thresholds, dict(self.disabled))

    def without_threshold(self, rule_id: str, name: str) -> "RuleSettings":
        thresholds = {k: dict(v) for k, v in self.thresholds.items()}
        thresholds.get(rule_id, {}).pop(name, None)
        thresholds = {k: v for k, v in thresholds.items() if v}
        return RuleSettings(thresholds, dict(self.disabled))

    def disable(self, rule_id: str, reason: str) -> "RuleSettings":
        if not reason.strip():
            from .errors import FieldValueError

            raise FieldValueError("reason", f"Say why {rule_id} is switched off; the reason is kept with the chart.")
        disabled = dict(self.disabled)
        disabled[rule_id] = reason.strip()
        return RuleSettings({k: dict(v) for k, v in self.thresholds.items()}, disabled)

    def enable(self, rule_id: str) -> "RuleSettings":
        disabled = {k: v for k, v in self.disabled.items() if k != rule_id}
        return RuleSettings({k: dict(v) for k, v in self.thresholds.items()}, disabled)

    def as_dict(self) -> dict[str, dict]:
        return {
            "thresholds": {k: dict(v) for k, v in sorted(self.thresholds.items())},
            "disabled": dict(sorted(self.disabled.items())),
        }


def _check(thresholds: Mapping[str, Mapping[str, float]], disabled: Mapping[str, str]) -> None:
    """Refuse a threshold outside its rule's range and a reason that is not valid text (:class:`FieldValueError`)."""
    if thresholds:
        from .rules.thresholds import check_threshold

        for rule_id, values in thresholds.items():
            for name, value in values.items():
                check_threshold(rule_id, name, value)
    for rule_id, reason in disabled.items():
        check_text("reason", rule_id, NAME_MAX, "A rule id")
        check_text("reason", reason, NOTES_MAX, f"The reason {rule_id} is switched off")
