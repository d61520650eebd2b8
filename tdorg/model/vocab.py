"""The controlled vocabularies of the K-12 technology-department framework.

Every list here comes from the framework's "Data the rules read" section and
the samples' README. Charts may add their own functions; categories, flags,
service areas, core services and employment types are closed sets.
"""

from __future__ import annotations

from typing import NamedTuple

CATEGORIES: dict[str, str] = {
    "superintendent": "Superintendent",
    "executive": "Executive (cabinet)",
    "it_leader": "IT leader",
    "it_manager": "IT manager",
    "network": "Network",
    "systems_admin": "Systems administrator",
    "building_technician": "Building technician",
    "help_desk": "Help desk",
    "software_apps": "Software / applications",
    "data_sis": "Data / SIS",
    "security": "Cybersecurity",
    "integration_coach": "Integration coach",
    "pd_trainer": "PD trainer",
    "admin_assistant": "Administrative assistant",
    "privacy_officer": "Privacy officer",
    "instructional_leader": "Instructional leader",
    "board": "Board of Education",
    "other": "Other",
}

#: Categories the framework counts as technology roles (CEN-1, STF-2).
TECH_CATEGORIES: frozenset[str] = frozenset(
    {
        "network",
        "systems_admin",
        "building_technician",
        "help_desk",
        "software_apps",
        "data_sis",
        "security",
    }
)

#: Categories that only sit above the superintendent (STR-1).
BOARD_CATEGORIES: frozenset[str] = frozenset({"board"})

#: Categories of front-line support staff: a manager of these alone has the wider span (SPN-1).
FRONT_LINE_CATEGORIES: frozenset[str] = frozenset({"building_technician", "help_desk"})


class WorkKind(NamedTuple):
    """A kind of work whose effective FTE a ratio counts: roles of its categories count
    whole, other roles by the share of their led functions that are of this kind."""

    name: str
    categories: frozenset[str]
    functions: frozenset[str]


#: Technician work: devices per technician (STF-1) and technicians for the buildings (STF-3).
SUPPORT_WORK = WorkKind(
    "support", FRONT_LINE_CATEGORIES, frozenset({"help_desk", "device_repair"})
)
#: Integration work: teachers per integration FTE (INT-3).
INTEGRATION_WORK = WorkKind(
    "integration", frozenset({"integration_coach"}), frozenset({"instructional_integration", "professional_development"})
)

FLAGS: dict[str, str] = {
    "top_it_leader": "Top IT leader",
    "cabinet": "Cabinet member",
    "superintendent": "Superintendent",
    "teaching_learning_leader": "Teaching & learning leader",
    "privacy_officer": "Privacy officer",
    "intake_owner": "Intake owner (help desk)",
    "assistant": "Assistant / staff position (drawn beside its manager)",
}

SERVICE_AREAS: dict[str, str] = {
    "instruction": "Curriculum & instruction support",
    "administrative": "Administrative & business systems",
    "communication": "Communication & delivery",
}

CORE_SERVICES: dict[str, str] = {
    "support": "Support services",
    "professional_development": "Professional development",
    "planning": "Strategic planning, research & documentation",
}

#: Functions known to the framework; a chart may name others.
FUNCTIONS: dict[str, str] = {
    "network": "Network",
    "servers": "Servers",
    "help_desk": "Help desk",
    "device_repair": "Device repair",
    "student_information_system": "Student information system",
    "student_accounts": "Student accounts",
    "software_support": "Software support",
    "data_privacy": "Data privacy",
    "cybersecurity": "Cybersecurity",
    "erate": "E-rate / CIPA",
    "instructional_integration": "Instructional integration",
    "professional_development": "Professional development",
    "strategic_planning": "Strategic planning",
    "procurement": "Procurement",
}

#: Functions every department needs a lead for (FUN-1).
ESSENTIAL_FUNCTIONS: tuple[str, ...] = (
    "network",
    "servers",
    "help_desk",
    "device_repair",
    "student_information_system",
    "student_accounts",
)

#: Functions that must not rest on a contractor alone (EMP-1).
CRITICAL_FUNCTIONS: tuple[str, ...] = (
    "network",
    "servers",
    "cybersecurity",
    "data_privacy",
    "student_information_system",
)

EMPLOYMENT_TYPES: dict[str, str] = {
    "staff": "Staff",
    "contractor": "Contractor",
    "shared": "Shared",
}

BUILDING_LEVELS: tuple[str, ...] = ("elementary", "middle", "high", "other")


def label(vocabulary: dict[str, str], key: str) -> str:
    """Human label for a vocabulary key; unknown keys are shown readably."""
    return vocabulary.get(key, key.replace("_", " ").capitalize())
