"""Guessing a role's category from its title, for sheets without a category column.

The first rule whose pattern appears in the title wins, so more specific
words come first ("Help Desk Technician" is help desk, "Data Privacy
Officer" is privacy). A title no rule recognises is ``other``; the user can
change any guess in the editor.
"""

from __future__ import annotations

import re

_RULES: tuple[tuple[str, str], ...] = (
    ("privacy_officer", r"privacy"),
    ("security", r"security|cyber"),
    ("network", r"network|infrastructure"),
    ("help_desk", r"help\s*-?\s*desk|service\s*desk|support\s*desk"),
    ("integration_coach", r"integration|coach|instructional\s+technolog|ed\s*tech"),
    ("building_technician", r"technician|\btech\b"),
    ("it_manager", r"assistant\s+(director|manager)|associate\s+director|deputy\s+director"),
    ("executive", r"(assistant|associate|deputy)\s+superintendent|chief\s+(academic|financial|operating|business|of\s+staff)"),
    ("board", r"board\s+of\s+(education|trustees|directors)|school\s+(board|committee)|^board$"),
    ("superintendent", r"superintendent"),
    (
        "it_leader",
        r"director\s+of\s+(information\s+)?technology|technology\s+director|\bcto\b|chief\s+technology"
        r"|chief\s+information|\bcio\b|\bit\s+director|director\s+of\s+it\b",
    ),
    ("instructional_leader", r"principal|director\s+of\s+(instruction|curriculum|teaching|schools|student\s+services)|curriculum"),
    ("pd_trainer", r"trainer|professional\s+development"),
    ("admin_assistant", r"assistant|secretary|clerk|receptionist"),
    ("data_sis", r"programmer|\bdata\b|\bsis\b|student\s+information"),
    ("systems_admin", r"systems|server|sysadmin"),
    ("software_apps", r"software|applications?\b"),
    ("it_manager", r"manager|coordinator|supervisor|director"),
)

_COMPILED: tuple[tuple[str, re.Pattern[str]], ...] = tuple((c, re.compile(p, re.IGNORECASE)) for c, p in _RULES)

#: Titles that name the district's top IT leader (checked after ``it_leader`` is guessed).
TOP_IT_LEADER_CATEGORY = "it_leader"


def guess_category(title: str) -> str:
    """The category a title most likely means; ``other`` when nothing matches."""
    text = " ".join(title.replace("/", " ").replace("-", " ").split())
    for category, pattern in _COMPILED:
        if pattern.search(text):
            return category
    return "other"
