"""The ``tdorg-sample`` JSON format: district facts, notes and roles.

``null`` means unknown. Besides the sample's fields, a role may carry
``notes`` and ``annual_cost``, and the document may carry rule ``settings``
(thresholds and rules switched off with a reason); all three are written.
``arrangements`` maps the id of a manager whose leaf reports the user arranged
to the number of columns chosen (0: one row); it is written only when there
are some. ``collapsed`` lists the ids of the managers whose subtrees the canvas
hides, also written only when there are some.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from ..arrangement import check_arrangement
from ..chart import Chart
from ..district import Buildings, District
from ..errors import EditError, FormatError
from ..role import Role
from ..settings import RuleSettings
from ..values import NOTES_MAX, ROLES_MAX, check_text, shown, too_many_roles
from ..vocab import BUILDING_LEVELS, FLAGS
from .assemble import RoleEntry, build_chart, role_label
from .sample_csv import COLUMNS
from .json_lines import JsonLocator
from .text_file import read_text, write_text

FORMAT_NAME = "tdorg-sample"
FORMAT_VERSION = 1

_TEXT = ("title", "person", "category", "employment", "notes")
_LISTS = ("dotted_to", "flags", "service_areas", "core_services", "leads", "backs_up")
#: A role object's keys: the same fields, in the same order, as the CSV columns.
ROLE_KEYS = COLUMNS
_COUNTS = ("students", "teachers", "staff", "devices")
DISTRICT_KEYS = ("name", "state", *_COUNTS, "buildings", "one_to_one_grades", "erate", "privacy_officer_required")
_BUILDING_KEYS = (*BUILDING_LEVELS, "total")


class _Reader:
    def __init__(self, path: str | Path, text: str) -> None:
        self.path = path
        self.where = JsonLocator(text)

    def fail(self, at: tuple, reason: str, field: str | None = None) -> FormatError:
        return FormatError(self.path, reason, self.where.line(at), field)

    # --- document ---------------------------------------------------------

    def document(self, data: Any) -> Chart:
        if not isinstance(data, dict):
            raise self.fail((), "A chart must be a JSON object with “district”, “notes” and “roles”.")
        fmt = data.get("format", FORMAT_NAME)
        if fmt != FORMAT_NAME:
            raise self.fail((), f"This is not a tdorg chart: its format is {shown(fmt)}, not “{FORMAT_NAME}”.", "format")
        version = data.get("version", FORMAT_VERSION)
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise self.fail((), f"The version must be a whole number; got {shown(version)}.", "version")
        if version > FORMAT_VERSION:
            raise self.fail((), f"Written by a newer tdorg (format version {version}); update tdorg to read it.", "version")
        if "roles" not in data:
            raise self.fail((), "There is no “roles” list.", "roles")
        roles = data["roles"]
        if not isinstance(roles, list):
            raise self.fail(("roles",), "“roles” must be a list of role objects.", "roles")
        if len(roles) > ROLES_MAX:  # said without looking for the line, which would mean parsing it all again
            raise FormatError(self.path, too_many_roles(), field="roles")
        notes = data.get("notes")
        if notes is not None:
            try:
                check_text("notes", notes, NOTES_MAX, "The text of the chart notes")
            except EditError as error:
                raise self.fail((), str(error), "notes") from None
        district = self.district(data.get("district"))
        settings = self.settings(data.get("settings"))
        entries = [self.role(item, n) for n, item in enumerate(roles)]
        ids = {e.values["id"] for e in entries}
        arrangements = self.arrangements(data.get("arrangements"), ids)
        collapsed = self.collapsed(data.get("collapsed"), ids)
        return build_chart(self.path, entries, district, notes or "", settings, arrangements, collapsed)

    def collapsed(self, raw: Any, ids: set[str]) -> list[str]:
        if raw is None:
            return []
        if not isinstance(raw, list):
            raise self.fail(("collapsed",), "“collapsed” must list the ids of collapsed managers.", "collapsed")
        for n, role_id in enumerate(raw):
            if not isinstance(role_id, str) or role_id not in ids:
                raise self.fail(("collapsed", n), f"{shown(role_id)} is collapsed, but there is no role with that id.",
                                "collapsed")
        return raw

    # --- arrangements ---------------------------------------------------------

    def arrangements(self, raw: Any, ids: set[str]) -> dict[str, int]:
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            raise self.fail(("arrangements",), "“arrangements” must map a manager's id to a number of columns (0: one row).",
                            "arrangements")
        for role_id, columns in raw.items():
            at = ("arrangements", role_id)
            if role_id not in ids:
                raise self.fail(at, f"The reports of {shown(role_id)} are arranged, but there is no role with that id.",
                                "arrangements")
            try:
                check_arrangement(columns)
            except EditError as error:
                raise self.fail(at, f"Role {shown(role_id)}: {error}", "arrangements") from None
        return raw

    # --- district -----------------------------------------------------------

    def district(self, raw: Any) -> District:
        at = ("district",)
        if raw is None:
            return District()
        if not isinstance(raw, dict):
            raise self.fail(at, "“district” must be an object.", "district")
        self._no_unknown_keys(raw, DISTRICT_KEYS, at, "district", "district.")
        values: dict[str, Any] = {}
        for key in ("name", "state", "one_to_one_grades"):
            values[key] = self._text(raw.get(key), at, f"district.{key}")
        values["state"] = values["state"].strip().upper()
        for key in _COUNTS:
            values[key] = self._count(raw.get(key), at, f"district.{key}")
        erate = raw.get("erate")
        if erate is not None and not isinstance(erate, bool):
            raise self.fail(at, f"E-rate must be true, false or null; got {shown(erate)}.", "district.erate")
        values["erate"] = erate
        required = raw.get("privacy_officer_required")
        if required is not None and not isinstance(required, bool):
            raise self.fail(at, f"“privacy_officer_required” must be true, false or null; got {shown(required)}.",
                            "district.privacy_officer_required")
        values["privacy_officer_required"] = required
        values["buildings"] = self.buildings(raw.get("buildings"))
        district = District(**values)
        try:
            district.check()
        except EditError as error:
            raise self.fail(at, str(error), f"district.{getattr(error, 'field', '')}") from None
        return district

    def buildings(self, raw: Any) -> Buildings:
        at = ("district", "buildings")
        if raw is None:
            return Buildings()
        if not isinstance(raw, dict):
            raise self.fail(at, "“buildings” must be an object or null.", "district.buildings")
        self._no_unknown_keys(raw, _BUILDING_KEYS, at, "buildings", "district.buildings.")
        return Buildings(**{k: self._count(raw.get(k), at, f"district.buildings.{k}") for k in _BUILDING_KEYS})

    # --- settings -----------------------------------------------------------

    def settings(self, raw: Any) -> RuleSettings:
        at = ("settings",)
        if raw is None:
            return RuleSettings()
        if not isinstance(raw, dict):
            raise self.fail(at, "“settings” must be an object.", "settings")
        self._no_unknown_keys(raw, ("thresholds", "disabled"), at, "settings", "settings.")
        thresholds = raw.get("thresholds") or {}
        disabled = raw.get("disabled") or {}
        if not isinstance(thresholds, dict) or not all(isinstance(v, dict) for v in thresholds.values()):
            raise self.fail(at, "Thresholds must map a rule id to {parameter: number}.", "settings.thresholds")
        for rule, params in thresholds.items():
            for name, value in params.items():
                if not _is_number(value):
                    raise self.fail(
                        at, f"Threshold {shown(name)} of {rule} must be a number; got {shown(value)}.", "settings.thresholds"
                    )
        if not isinstance(disabled, dict) or not all(isinstance(v, str) and v.strip() for v in disabled.values()):
            raise self.fail(at, "“disabled” must map a rule id to the reason it is switched off.", "settings.disabled")
        try:
            return RuleSettings(thresholds, {k: v.strip() for k, v in disabled.items()})
        except EditError as error:
            raise self.fail(at, str(error), f"settings.{getattr(error, 'field', '')}") from None

    # --- roles --------------------------------------------------------------

    def role(self, raw: Any, index: int) -> RoleEntry:
        at = ("roles", index)
        if not isinstance(raw, dict):
            raise self.fail(at, f"Role {index + 1} must be an object; got {type(raw).__name__}.")
        label = role_label(raw.get("id"), index)

        def fail(reason: str, field: str | None = None) -> FormatError:
            return self.fail(at, f"{label}: {reason}", field)

        unknown = sorted(set(raw) - set(ROLE_KEYS))
        if unknown:
            raise fail(f"unknown field {shown(unknown[0])}; role fields are: {', '.join(ROLE_KEYS)}.", unknown[0])
        for key in ("id", "title"):
            if not isinstance(raw.get(key), str):
                raise fail(f"“{key}” is required and must be text; got {shown(raw.get(key))}.", key)
        values: dict[str, Any] = {"id": raw["id"].strip()}
        for key in _TEXT:
            value = raw.get(key)
            if value is not None and not isinstance(value, str):
                raise fail(f"“{key}” must be text; got {shown(value)}.", key)
            if value is not None:
                values[key] = value
        values["category"] = values.get("category") or "other"
        values["employment"] = values.get("employment") or "staff"
        manager = raw.get("reports_to")
        if manager is not None and not isinstance(manager, str):
            raise fail(f"“reports_to” must be a role id (text) or empty; got {shown(manager)}.", "reports_to")
        values["reports_to"] = (manager or "").strip() or None
        for key in _LISTS:
            value = raw.get(key)
            if value is None:
                continue
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise fail(f"“{key}” must be a list of words; got {shown(value)}.", key)
            values[key] = tuple(v.strip() for v in value if v.strip())
        for key in ("fte", "annual_cost"):
            value = raw.get(key)
            if value is not None and not _is_number(value):
                raise fail(f"“{key}” must be a number; got {shown(value)}.", key)
            if value is not None:
                values[key] = value
        vacant = raw.get("vacant")
        if vacant is not None and not isinstance(vacant, bool):
            raise fail(f"“vacant” must be true or false; got {shown(vacant)}.", "vacant")
        values["vacant"] = bool(vacant)
        return RoleEntry(values, label, lambda: self.where.line(at))

    # --- helpers ------------------------------------------------------------

    def _text(self, value: Any, at: tuple, field: str) -> str:
        if value is None:
            return ""
        if not isinstance(value, str):
            raise self.fail(at, f"{field.split('.')[-1].replace('_', ' ').capitalize()} must be text; got {shown(value)}.", field)
        return value

    def _count(self, value: Any, at: tuple, field: str) -> int | None:
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value  # the district's own check refuses a count too large
        if isinstance(value, float) and math.isfinite(value) and value.is_integer() and value >= 0:
            return int(value)
        name = field.split(".")[-1].replace("_", " ")
        raise self.fail(at, f"The number of {name} must be a whole number of 0 or more, or null; got {shown(value)}.", field)

    def _no_unknown_keys(self, raw: dict, known: tuple[str, ...], at: tuple, what: str, prefix: str) -> None:
        unknown = sorted(set(raw) - set(known))
        if unknown:
            raise self.fail(
                at, f"Unknown {what} field {shown(unknown[0])}; expected: {', '.join(known)}.", prefix + unknown[0]
            )


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


#: Longest whole number read; anything longer is refused before it is converted. Shorter
#: ones too large for their field are refused by the field's own check, which names it.
_MAX_DIGITS = 1000


class _Refused(ValueError):
    """Raised by the decoder's hooks for JSON that is valid but no chart holds; ``text`` is what to blame."""

    def __init__(self, message: str, text: str = "") -> None:
        super().__init__(message)
        self.text = text

    def line(self, document: str) -> int | None:
        at = document.find(self.text) if self.text else -1
        return None if at < 0 else document.count("\n", 0, at) + 1


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) < len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise _Refused(f"The key {shown(key)} appears twice in one object; each field may be given once.")
            seen.add(key)
    return data


def _whole_number(text: str) -> int:
    if len(text.lstrip("-")) > _MAX_DIGITS:
        digits = len(text.lstrip("-"))
        raise _Refused(f"A number has {digits:,} digits; tdorg reads numbers of at most {_MAX_DIGITS}.", text)
    return int(text)


def read_json(path: str | Path) -> Chart:
    """Read a ``tdorg-sample`` JSON chart; raise :class:`FormatError` naming the line and field."""
    text = read_text(path)
    return chart_from_data(parse_json(text, path), path, text)


def parse_json(text: str, path: str | Path) -> Any:
    """``text`` parsed as a chart file is: no key twice in an object, no number of more than 1,000 digits;
    :class:`FormatError` naming ``path`` (a file, or where the text came from) otherwise."""
    try:
        return json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_int=_whole_number)
    except json.JSONDecodeError as error:
        raise FormatError(path, f"This is not valid JSON: {error.msg} (column {error.colno}).", error.lineno) from None
    except _Refused as error:
        raise FormatError(path, str(error), error.line(text)) from None
    except RecursionError:
        raise FormatError(path, "This JSON is nested too deeply to be a chart.") from None


def chart_from_data(data: Any, path: str | Path, text: str = "") -> Chart:
    """The chart a parsed ``tdorg-sample`` document describes, every field and line checked as a file's are;
    :class:`FormatError` naming ``path`` and, given the ``text`` it was parsed from, the line."""
    return _Reader(path, text).document(data)


# --- writing --------------------------------------------------------------


def district_to_dict(district: District) -> dict[str, Any]:
    """District facts as the format writes them (``None`` for unknown)."""
    b = district.buildings
    buildings: dict[str, Any] | None = None
    if not b.is_unknown() or b.total is not None:
        buildings = {level: getattr(b, level) for level in _BUILDING_KEYS}
    return {
        "name": district.name,
        "state": district.state,
        **{key: getattr(district, key) for key in _COUNTS},
        "buildings": buildings,
        "one_to_one_grades": district.one_to_one_grades,
        "erate": district.erate,
        # Written only when the chart overrides its state's law, so older readers open the rest.
        **({} if district.privacy_officer_required is None
           else {"privacy_officer_required": district.privacy_officer_required}),
    }


def role_to_dict(role: Role) -> dict[str, Any]:
    return {
        "id": role.id,
        "title": role.title,
        "person": role.person,
        "category": role.category,
        "reports_to": role.reports_to or "",
        "dotted_to": list(role.dotted_to),
        "fte": role.fte,
        "vacant": role.vacant,
        "employment": role.employment,
        "flags": [f for f in FLAGS if f in role.flags],
        "service_areas": list(role.service_areas),
        "core_services": list(role.core_services),
        "leads": list(role.leads),
        "backs_up": list(role.backs_up),
        "notes": role.notes,
        "annual_cost": role.annual_cost,
    }


def chart_to_dict(chart: Chart) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "district": district_to_dict(chart.district),
        "notes": chart.notes,
        "settings": chart.settings.as_dict(),
        "roles": [role_to_dict(r) for r in chart.roles_in_order()],
        **({"arrangements": dict(chart.arrangements)} if chart.arrangements else {}),
        **({"collapsed": sorted(chart.collapsed)} if chart.collapsed else {}),
    }


def write_json(chart: Chart, path: str | Path) -> None:
    """Write ``chart`` as ``tdorg-sample`` JSON, atomically."""
    text = json.dumps(chart_to_dict(chart), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    write_text(path, text)
