"""Realistic synthetic districts of any size, for benchmarks and large-chart tests.

The shape follows the samples: a superintendent and cabinet, a top IT leader
with network, systems, help desk, field services and integration teams; each
school site adds a principal, building technicians under a regional field
manager, and an integration coach with a dotted line to the principal.
"""

from __future__ import annotations

import random
from typing import Iterator

from .chart import Chart
from .district import Buildings, District
from .role import Role

_LEVELS = ("elementary", "elementary", "elementary", "middle", "high")


def _top(rng: random.Random) -> list[Role]:
    def r(id_: str, title: str, cat: str, to: str | None, **kw: object) -> Role:
        return Role(id=id_, title=title, category=cat, reports_to=to, person=f"Person {rng.randrange(1, 10**6)}", **kw)  # type: ignore[arg-type]

    return [
        r("supt", "Superintendent", "superintendent", None, flags=frozenset({"superintendent", "cabinet"})),
        r("cto", "Chief Technology Officer", "it_leader", "supt", flags=frozenset({"top_it_leader", "cabinet"}),
          service_areas=("administrative",), core_services=("planning",), leads=("strategic_planning", "procurement")),
        r("cao", "Chief Academic Officer", "executive", "supt", flags=frozenset({"cabinet", "teaching_learning_leader"})),
        r("cfo", "Chief Financial Officer", "executive", "supt", flags=frozenset({"cabinet"})),
        r("aa", "Administrative Assistant", "admin_assistant", "cto"),
        r("dpo", "Data Privacy Officer", "privacy_officer", "cto", flags=frozenset({"privacy_officer"}),
          leads=("data_privacy",), backs_up=("erate",)),
        r("ciso", "Cybersecurity Engineer", "security", "cto", service_areas=("communication",),
          core_services=("support",), leads=("cybersecurity",), backs_up=("network",)),
        r("nm", "Network Manager", "network", "cto", service_areas=("communication",), core_services=("support",),
          leads=("network", "erate"), backs_up=("cybersecurity",)),
        r("sm", "Systems Manager", "systems_admin", "cto", service_areas=("administrative",), core_services=("support",),
          leads=("servers", "student_information_system"), backs_up=("data_privacy",)),
        r("hdm", "Help Desk Manager", "help_desk", "cto", flags=frozenset({"intake_owner"}), core_services=("support",),
          leads=("help_desk",), backs_up=("student_accounts",)),
        r("tsm", "Technology Services Manager", "it_manager", "cto", core_services=("support",),
          leads=("device_repair",), backs_up=("help_desk",)),
        r("itc", "Instructional Technology Coordinator", "integration_coach", "cto", dotted_to=("cao",),
          service_areas=("instruction",), core_services=("professional_development",),
          leads=("instructional_integration", "professional_development")),
        r("ne1", "Network Engineer", "network", "nm", service_areas=("communication",), core_services=("support",),
          backs_up=("network",)),
        r("sis", "SIS Specialist", "data_sis", "sm", service_areas=("administrative",), core_services=("support",),
          leads=("student_accounts",), backs_up=("student_information_system", "servers")),
    ]


def _sites(rng: random.Random) -> Iterator[Role]:
    """Endless stream of site roles, always after the roles they report to."""
    site = 0
    while True:
        site += 1
        region = (site - 1) // 8 + 1
        if (site - 1) % 8 == 0:
            yield Role(id=f"fm{region}", title=f"Field Services Manager, Region {region}", category="it_manager",
                       reports_to="tsm", core_services=("support",), person=f"Person {rng.randrange(10**6)}")
            yield Role(id=f"ds{region}", title=f"Director of Schools, Region {region}", category="instructional_leader",
                       reports_to="cao", flags=frozenset({"teaching_learning_leader"}),
                       person=f"Person {rng.randrange(10**6)}")
            yield Role(id=f"il{region}", title=f"Integration Lead, Region {region}", category="integration_coach",
                       reports_to="itc", dotted_to=(f"ds{region}",), service_areas=("instruction",),
                       core_services=("professional_development",), person=f"Person {rng.randrange(10**6)}")
        if site % 10 == 0:
            yield Role(id=f"hd{site}", title=f"Help Desk Analyst {site // 10}", category="help_desk",
                       reports_to="hdm", core_services=("support",), backs_up=("help_desk",))
        level = _LEVELS[site % len(_LEVELS)]
        yield Role(id=f"pr{site}", title=f"Principal, {level.capitalize()} School {site}",
                   category="instructional_leader", reports_to=f"ds{region}", person=f"Person {rng.randrange(10**6)}")
        for j in range(1, (2 if level == "high" else 1) + 1):
            vacant = rng.random() < 0.03
            yield Role(id=f"bt{site}-{j}", title=f"Building Technician, School {site}" + (f" ({j})" if j > 1 else ""),
                       category="building_technician", reports_to=f"fm{region}", vacant=vacant,
                       person="" if vacant else f"Person {rng.randrange(10**6)}", core_services=("support",),
                       backs_up=("device_repair",), dotted_to=(f"pr{site}",))
        yield Role(id=f"ic{site}", title=f"Integration Coach, School {site}", category="integration_coach",
                   reports_to=f"il{region}", dotted_to=(f"pr{site}",), fte=0.5 if rng.random() < 0.3 else 1.0,
                   service_areas=("instruction",), core_services=("professional_development",),
                   backs_up=("instructional_integration",))


def synthetic_chart(n_roles: int, seed: int = 0) -> Chart:
    """A plausible district chart with exactly ``n_roles`` roles."""
    if n_roles < 1:
        raise ValueError("n_roles must be at least 1")
    rng = random.Random(seed)
    roles = _top(rng)[:n_roles]
    present = {r.id for r in roles}
    roles = [r.with_changes(dotted_to=tuple(t for t in r.dotted_to if t in present)) for r in roles]
    stream = _sites(rng)
    sites_seen: set[str] = set()
    while len(roles) < n_roles:
        role = next(stream)
        roles.append(role)
        if role.id.startswith("pr"):
            sites_seen.add(role.id)
    sites = max(1, len(sites_seen))
    levels = [_LEVELS[s % len(_LEVELS)] for s in range(1, sites + 1)]
    students = sites * 550
    district = District(
        name=f"Synthetic Unified School District ({n_roles} roles)",
        state="CA",
        students=students,
        teachers=students // 16,
        staff=students // 8,
        devices=int(students * 1.25),
        buildings=Buildings(
            elementary=levels.count("elementary"), middle=levels.count("middle"), high=levels.count("high"), other=1
        ),
        one_to_one_grades="K-12",
        erate=True,
    )
    return Chart(district, roles)


#: Managers whose reports a wide chart hands to their own manager.
_FLATTENED = ("fm", "il", "ds")


def wide_synthetic_chart(n_roles: int, seed: int = 0) -> Chart:
    """:func:`synthetic_chart` made shallow and wide: the field managers', integration leads' and
    directors' reports go straight to their managers (technicians to one manager, and so on)."""
    chart = synthetic_chart(n_roles, seed)
    roles = chart.roles
    flat = []
    for role in chart.roles_in_order():
        manager = role.reports_to
        if manager is not None and manager.startswith(_FLATTENED) and manager[2:].isdigit():
            role = role.with_changes(reports_to=roles[manager].reports_to)
        flat.append(role)
    return Chart(chart.district, flat, chart.settings)
