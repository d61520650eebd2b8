"""The domain of tdorg: charts, roles, the framework's rules, and files.

Nothing in this package imports Qt; the GUI and the command line share it.
"""

from .chart import Change, Chart, Removal
from .district import Buildings, District
from .document import Document, Scenario
from .role import Role
from .settings import RuleSettings

__all__ = ["Buildings", "Change", "Chart", "District", "Document", "Removal", "Role", "RuleSettings", "Scenario"]
