"""The domain of tdorg: charts, roles, the framework's rules, and files.

Nothing in this package imports Qt; the GUI and the command line share it.
Importing one module (``tdorg.model.errors``) does not load the others: the
names below load their module on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy_imports import lazy_names

if TYPE_CHECKING:
    from .chart import Change, Chart, Removal
    from .district import Buildings, District
    from .document import Document, Scenario
    from .role import Role
    from .settings import RuleSettings

__getattr__ = lazy_names(__name__, {
    "chart": ("Change", "Chart", "Removal"),
    "district": ("Buildings", "District"),
    "document": ("Document", "Scenario"),
    "role": ("Role",),
    "settings": ("RuleSettings",),
})

__all__ = ["Buildings", "Change", "Chart", "District", "Document", "Removal", "Role", "RuleSettings", "Scenario"]
