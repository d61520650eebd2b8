"""Turning one spreadsheet cell's text into a role field's value.

Each parser returns the value or raises :class:`CellError` with a sentence
for the row's problem list. Parsers accept what people type in a sheet:
``50%`` or ``0,5`` for an FTE, ``$85,000`` for a cost, labels as well as
keys for the vocabularies (``Building technician`` or
``building_technician``).
"""

from __future__ import annotations

import math
import re

from ..vocab import CATEGORIES, CORE_SERVICES, EMPLOYMENT_TYPES, FLAGS, SERVICE_AREAS


_YES = {"yes", "y", "true", "1", "x", "vacant", "open", "tbd", "tbh"}
_NO = {"", "no", "n", "false", "0", "filled"}
#: What a "person" cell may hold to say the position is empty.
VACANT_PERSON = {"vacant", "open", "tbd", "tbh", "to be hired", "position open", "(vacant)", "vacancy"}
_EMPLOYMENT_WORDS = {
    "staff": "staff", "employee": "staff", "full time": "staff", "fulltime": "staff", "part time": "staff",
    "parttime": "staff", "district": "staff", "contractor": "contractor", "contract": "contractor",
    "contracted": "contractor", "vendor": "contractor", "consultant": "contractor", "outsourced": "contractor",
    "shared": "shared", "shared service": "shared",
}
_MONEY_US = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")
_MONEY_EU = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$|^\d+,\d{1,2}$")
_KEY_RE = re.compile(r"[^a-z0-9]+")


class CellError(ValueError):
    """A cell's text is not a value the field accepts; ``str()`` says why."""


def parse_fte(text: str) -> float:
    raw = text.strip()
    value = raw.replace(" ", "")
    percent = value.endswith("%")
    if percent:
        value = value[:-1]
    if value.count(",") == 1 and "." not in value:
        value = value.replace(",", ".")
    try:
        number = float(value)
    except ValueError:
        raise CellError(f"FTE must be a number such as 1.0 or 0.5; got {raw!r}.") from None
    if percent:
        number /= 100
    if not math.isfinite(number) or number <= 0 or number > 1.0:
        raise CellError(f"FTE must be greater than 0 and at most 1.0 (one full-time position); got {raw!r}.")
    return number


def parse_yes_no(text: str, field: str = "Vacant") -> bool:
    value = text.strip().casefold()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise CellError(f"{field} must be yes or no (or empty); got {text.strip()!r}.")


def parse_money(text: str) -> float | None:
    raw = text.strip()
    value = raw
    for symbol in ("$", "€", "£", "USD", "usd"):
        value = value.replace(symbol, "")
    value = value.replace(" ", "").replace("\u00a0", "")
    if not value:
        return None
    if _MONEY_US.match(value):
        number = float(value.replace(",", ""))
    elif _MONEY_EU.match(value):
        number = float(value.replace(".", "").replace(",", "."))
    else:
        raise CellError(f"Annual cost must be an amount such as 85000 or $85,000.00; got {raw!r}.")
    return number


def _key(text: str) -> str:
    return _KEY_RE.sub("_", text.casefold()).strip("_")


_LOOKUPS: dict[int, dict[str, str]] = {}


def _lookup(vocabulary: dict[str, str]) -> dict[str, str]:
    """Keys and labels, reduced by :func:`_key`, to the vocabulary key (built once per vocabulary)."""
    table = _LOOKUPS.get(id(vocabulary))
    if table is None:
        table = {_key(label): name for name, label in vocabulary.items()}
        table.update({name: name for name in vocabulary})
        _LOOKUPS[id(vocabulary)] = table
    return table


def vocab_key(text: str, vocabulary: dict[str, str], what: str) -> str:
    """The vocabulary key ``text`` names, by key or by label, in any case or spacing."""
    table = _lookup(vocabulary)
    found = table.get(text) or table.get(_key(text))
    if found is not None:
        return found
    known = ", ".join(vocabulary)
    raise CellError(f"Unknown {what} {text.strip()!r}; expected one of: {known}.")


def parse_category(text: str) -> str:
    return vocab_key(text, CATEGORIES, "category")


def parse_employment(text: str) -> str:
    value = " ".join(text.replace("-", " ").split()).casefold()
    if value in _EMPLOYMENT_WORDS:
        return _EMPLOYMENT_WORDS[value]
    return vocab_key(text, EMPLOYMENT_TYPES, "employment type")


def split_list(text: str, separators: str = ";,") -> list[str]:
    parts = [text]
    for separator in separators:
        parts = [piece for part in parts for piece in part.split(separator)]
    return [part.strip() for part in parts if part.strip()]


def parse_vocab_list(text: str, vocabulary: dict[str, str], what: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(vocab_key(item, vocabulary, what) for item in split_list(text)))


def parse_flags(text: str) -> frozenset[str]:
    return frozenset(parse_vocab_list(text, FLAGS, "flag"))


def parse_service_areas(text: str) -> tuple[str, ...]:
    return parse_vocab_list(text, SERVICE_AREAS, "service area")


def parse_core_services(text: str) -> tuple[str, ...]:
    return parse_vocab_list(text, CORE_SERVICES, "core service")


def parse_functions(text: str) -> tuple[str, ...]:
    """Function names: "Data privacy" becomes ``data_privacy``."""
    return tuple(dict.fromkeys(_key(item) for item in split_list(text) if _key(item)))


def is_vacant_person(text: str) -> bool:
    return " ".join(text.split()).casefold() in VACANT_PERSON
