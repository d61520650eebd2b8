"""The roles' indexes a validation pass reads: the roles listed under keys, and the roles passing a test.

A pass (:class:`~.context.Context`) works each index out on first use from these definitions; a live
validator keeps them up to date edit by edit with the same (:mod:`.index_updates`). The tests that
pick roles out are the framework's definitions of who owns privacy, who is the superintendent, who leads
teaching and learning and who does integration, shared by every rule.
"""

from __future__ import annotations

from collections import defaultdict
from operator import attrgetter
from typing import Callable, Iterable, Mapping

from ..people import holder_key
from ..role import Role


def is_privacy_owner(role: Role) -> bool:
    """Owns student-data privacy: the flag, the category, or the lead of data privacy."""
    return role.has("privacy_officer") or role.category == "privacy_officer" or "data_privacy" in role.leads


def is_superintendent(role: Role) -> bool:
    return role.category == "superintendent" or role.has("superintendent")


def is_teaching_learning(role: Role) -> bool:
    return role.has("teaching_learning_leader") or role.category == "instructional_leader"


def is_integration_role(role: Role) -> bool:
    """An integration role of INT-1 and INT-2: an integration coach, or the lead of integration."""
    return role.category == "integration_coach" or "instructional_integration" in role.leads


def _holder(role: Role) -> tuple[str, ...]:
    key = holder_key(role)
    return () if key is None else (key,)


#: The indexes that list roles under keys (in the chart's order of roles), with the keys each role is
#: listed under: a pass builds them from these, and a live validator keeps them up to date with the same
#: (:mod:`.index_updates`).
KEYED: dict[str, Callable[[Role], Iterable[str]]] = {
    "by_flag": attrgetter("flags"),
    "by_category": lambda role: (role.category,),
    "leads": attrgetter("leads"),
    "backups": attrgetter("backs_up"),
    "service_area_roles": attrgetter("service_areas"),
    "core_service_roles": attrgetter("core_services"),
    "holders": _holder,
    "filled_by_category": lambda role: () if role.vacant else (role.category,),
    "vacant_by_category": lambda role: (role.category,) if role.vacant else (),
}

#: The indexes that list the roles passing a test, with their tests (kept up to date the same way).
LISTED: dict[str, Callable[[Role], bool]] = {
    "privacy_owners": is_privacy_owner,
    "superintendents": is_superintendent,
    "dotted_sources": lambda role: bool(role.dotted_to),
}


def keyed_index(roles: Mapping[str, Role], name: str) -> dict[str, list[str]]:
    """The index ``name`` of :data:`KEYED`, worked out from every role."""
    out: dict[str, list[str]] = defaultdict(list)
    for role_id, keys in zip(roles, map(KEYED[name], roles.values())):
        for key in keys:
            out[key].append(role_id)
    return out


def listed_index(roles: Mapping[str, Role], name: str) -> list[str]:
    """The index ``name`` of :data:`LISTED`, worked out from every role."""
    return [role_id for role_id, listed in zip(roles, map(LISTED[name], roles.values())) if listed]


__all__ = ["KEYED", "LISTED", "is_integration_role", "is_privacy_owner", "is_superintendent", "is_teaching_learning",
           "keyed_index", "listed_index"]
