"""``tdorg rules [FILE]``: the framework's rules, their thresholds, and a chart's own settings."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tdorg.model.errors import FieldValueError

from .inputs import load_input
from .report_text import wrap_words

if TYPE_CHECKING:
    from tdorg.model.settings import RuleSettings

    from .inputs import Loaded

ORDER = 30


def add_command(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "rules",
        help="list the framework's rules, thresholds and sources",
        description=(
            "List every rule of the K-12 technology-department framework with its id, default severity, "
            "thresholds and source. Given a chart, also show the thresholds it overrides and the rules it "
            "switched off, with the reasons."
        ),
    )
    parser.add_argument("file", metavar="FILE", nargs="?", help="a chart whose settings to show")
    parser.add_argument("--scenario", metavar="NAME", help="scenario of a .tdorg file (default: the active one)")
    parser.add_argument("--set", metavar="RULE.NAME=VALUE", action="append", default=[],
                        help="override a threshold in FILE, e.g. --set SPN-1.max_direct_reports=12")
    parser.add_argument("--reset", metavar="RULE.NAME", action="append", default=[],
                        help="go back to a threshold's default in FILE")
    parser.add_argument("--disable", metavar="RULE=REASON", action="append", default=[],
                        help="switch a rule off in FILE, with the reason kept in the file")
    parser.add_argument("--enable", metavar="RULE", action="append", default=[], help="switch a rule back on in FILE")
    parser.set_defaults(handler=run_rules)


def run_rules(args: argparse.Namespace) -> int:
    from tdorg.model.rules import RULES
    from tdorg.model.settings import RuleSettings

    changes = args.set or args.reset or args.disable or args.enable
    if changes and not args.file:
        raise FieldValueError("file", "Name the chart file whose rule settings should change.")
    loaded = load_input(args.file, args.scenario) if args.file else None
    settings = loaded.chart.settings if loaded else RuleSettings()
    if changes and loaded:
        settings = _changed(settings, args)
        loaded.chart.set_settings(settings)
        _save(loaded)
    for rule in RULES:
        print(f"{rule.id:<6} {rule.severity.label:<8} {rule.title}")
        for name, default in rule.params.items():
            value = settings.threshold(rule.id, name, default)
            own = f"  (this chart: {value:g})" if value != default else ""
            print(f"{'':15}{name} = {default:g}{own}")
        if settings.is_disabled(rule.id):
            print(f"{'':15}switched off in this chart: {settings.disabled[rule.id]}")
        for line in wrap_words(rule.source, 84):
            print(f"{'':15}{line}")
    return 0


def _rule(rule_id: str) -> str:
    from tdorg.model.rules import RULES_BY_ID

    rule_id = rule_id.strip().upper()
    if rule_id not in RULES_BY_ID:
        raise FieldValueError("rule", f"There is no rule “{rule_id}”; run 'tdorg rules' to list them.")
    return rule_id


def _parameter(text: str) -> tuple[str, str]:
    from tdorg.model.rules import RULES_BY_ID

    rule_id, _, name = text.partition(".")
    rule_id = _rule(rule_id)
    params = RULES_BY_ID[rule_id].params
    if name not in params:
        known = ", ".join(params) or "none"
        raise FieldValueError("threshold", f"{rule_id} has no threshold “{name}” (its thresholds: {known}).")
    return rule_id, name


def _changed(settings: RuleSettings, args: argparse.Namespace) -> RuleSettings:
    for item in args.set:
        key, _, value = item.partition("=")
        rule_id, name = _parameter(key)
        try:
            number = float(value.replace(",", ""))
        except ValueError:
            raise FieldValueError("threshold", f"The value of {rule_id}.{name} must be a number; got “{value}”.") from None
        settings = settings.with_threshold(rule_id, name, number)
    for key in args.reset:
        settings = settings.without_threshold(*_parameter(key))
    for item in args.disable:
        rule_id, _, reason = item.partition("=")
        settings = settings.disable(_rule(rule_id), reason)
    for rule_id in args.enable:
        settings = settings.enable(_rule(rule_id))
    return settings


def _save(loaded: Loaded) -> None:
    from tdorg.model.formats import CSV, kind_of, save_chart

    if kind_of(loaded.path) == CSV:
        raise FieldValueError("file", f"{loaded.path}: a CSV file holds roles only, not rule settings; "
                                      "convert it to .tdorg or .json first.")
    if loaded.document is not None:
        from tdorg.model.persistence import save_document

        save_document(loaded.document, loaded.path)
    else:
        save_chart(loaded.chart, loaded.path)
