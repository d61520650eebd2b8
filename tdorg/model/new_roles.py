"""What a role added from the palette starts as: its title, its flags, vacant."""

from __future__ import annotations

from .chart import Chart
from .role import Role
from .vocab import CATEGORIES

#: The title a new role of each category starts with.
DEFAULT_TITLES: dict[str, str] = {
    "superintendent": "Superintendent",
    "executive": "Cabinet Member",
    "it_leader": "Director of Technology",
    "it_manager": "Technology Manager",
    "network": "Network Engineer",
    "systems_admin": "Systems Administrator",
    "building_technician": "Building Technician",
    "help_desk": "Help Desk Technician",
    "software_apps": "Applications Specialist",
    "data_sis": "SIS / Data Specialist",
    "security": "Cybersecurity Specialist",
    "integration_coach": "Technology Integration Coach",
    "pd_trainer": "Technology Trainer",
    "admin_assistant": "Administrative Assistant",
    "privacy_officer": "Data Privacy Officer",
    "instructional_leader": "Director of Instruction",
    "other": "New Role",
}

#: Role types in families, in the order a department is usually built.
ROLE_FAMILIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Leadership", ("board", "superintendent", "executive", "it_leader", "it_manager", "instructional_leader")),
    ("Infrastructure", ("network", "systems_admin", "security")),
    ("Support", ("help_desk", "building_technician")),
    ("Applications & data", ("software_apps", "data_sis", "privacy_officer")),
    ("Teaching & learning", ("integration_coach", "pd_trainer")),
    ("Office", ("admin_assistant", "other")),
)


def new_flags(chart: Chart, category: str) -> frozenset[str]:
    """The flags a new role of ``category`` gets in ``chart``: the first IT leader is the top one."""
    if category == "superintendent":
        return frozenset({"superintendent", "cabinet"})
    if category == "it_leader" and not any(r.has("top_it_leader") for r in chart.roles.values()):
        return frozenset({"top_it_leader", "cabinet"})
    if category == "privacy_officer":
        return frozenset({"privacy_officer"})
    return frozenset()


def new_role(chart: Chart, category: str, manager_id: str | None) -> Role:
    """A vacant role of ``category`` reporting to ``manager_id``, with a fresh id for ``chart``."""
    return Role(
        id=chart.new_id(category),
        title=DEFAULT_TITLES.get(category, CATEGORIES.get(category, "New Role")),
        category=category,
        reports_to=manager_id,
        vacant=True,
        flags=new_flags(chart, category),
    )
