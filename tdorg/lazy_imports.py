"""Package names that load their module on first use, and patterns compiled on first use, so that importing
a package stays cheap.

A package ``__init__`` lists where each public name lives and sets its
module ``__getattr__`` (PEP 562) to :func:`lazy_names`:

    __getattr__ = lazy_names(__name__, {"engine": ("Validator", "validate"), "base": ("Report",)})

``from package import Validator`` then imports ``package.engine`` at that
moment, and importing ``package.base`` alone no longer loads the engine.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import import_module
from typing import Callable


def lazy_names(package: str, homes: dict[str, tuple[str, ...]]) -> Callable[[str], object]:
    """A module ``__getattr__`` for ``package`` that imports each name from ``package.<home>``."""
    module_of = {name: module for module, names in homes.items() for name in names}

    def __getattr__(name: str) -> object:
        module = module_of.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f"{package}.{module}"), name)
        setattr(import_module(package), name, value)  # later lookups skip this function
        return value

    return __getattr__


def pattern(expression: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A function giving ``expression`` compiled with ``flags``, compiled at its first call: a module's patterns
    compiled at its import cost every start, though most are first needed when a file is read or a field typed."""

    @cache
    def compiled() -> re.Pattern[str]:
        return re.compile(expression, flags)

    return compiled
