"""The words of an undo step: roles named in quotes, a settings change named by its rule."""

from __future__ import annotations

from .settings import RuleSettings


def quoted(title: str, limit: int = 40) -> str:
    """A role title in typographic quotes, shortened for menus."""
    if len(title) > limit:
        title = title[: limit - 1].rstrip() + "…"
    return f"“{title}”"


def settings_change_text(old: RuleSettings, new: RuleSettings) -> str:
    """The undo text of a settings change: the one rule it touches, or "Change rule settings"."""
    switched_off = [r for r in new.disabled if r not in old.disabled]
    switched_on = [r for r in old.disabled if r not in new.disabled]
    thresholds = {r for r in set(old.thresholds) | set(new.thresholds)
                  if dict(old.thresholds.get(r, {})) != dict(new.thresholds.get(r, {}))}
    reasons = [r for r in new.disabled if r in old.disabled and old.disabled[r] != new.disabled[r]]
    touched = set(switched_off) | set(switched_on) | thresholds | set(reasons)
    if len(touched) == 1:
        rule_id = touched.pop()
        if switched_off:
            return f"Switch off {rule_id}"
        if switched_on:
            return f"Switch on {rule_id}"
        if reasons:
            return f"Change the reason {rule_id} is off"
        return f"Change {rule_id} threshold"
    return "Change rule settings"
