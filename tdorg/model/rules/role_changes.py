"""What one role's change touches: the aspects of the chart (see :mod:`.base`) the rules read.

A live validator sees each role an edit changed as it was and as it is (``None`` where it is
missing: a role added, or removed). A field edit touches the fields it changed, a category edit
the two categories, and the FTE of each kind of work the role counts for; a role that comes or
goes touches its manager's reports, its category and each field it holds a value in (a role with
no flags leaves every rule reading only flags as it was); only a role holding a person, before or
after, touches the people's FTE totals. Whether the IT organization changed is
asked of the last pass's indexes, before they follow the change.
"""

from __future__ import annotations

from ..people import holder_key
from ..role import Role
from ..vocab import INTEGRATION_WORK, SUPPORT_WORK
from .base import (
    CATEGORY,
    DOTTED,
    FIELDS,
    INTEGRATION_FTE,
    PEOPLE,
    REPORTS,
    STRUCTURE,
    SUPPORT_FTE,
    TECH_STAFF_FTE,
    categories,
)
from .context import TECH_STAFF_CATEGORIES, Context

#: The value each field holds in a role that says nothing in it.
_BLANK = Role(id="blank", title="")
_LEADER_FLAG = "top_it_leader"

#: Each kind of work's FTE, with the categories counting whole and the led functions counting by share.
_WORK = {
    SUPPORT_FTE: (SUPPORT_WORK.categories, SUPPORT_WORK.functions),
    INTEGRATION_FTE: (INTEGRATION_WORK.categories, INTEGRATION_WORK.functions),
    TECH_STAFF_FTE: (TECH_STAFF_CATEGORIES, frozenset()),
}
#: The fields a kind of work's FTE reads of the roles counting for it.
_WORK_FIELDS = frozenset({"category", "fte", "vacant", "leads"})
#: The fields a person's FTE total reads of the roles they hold.
_PEOPLE_FIELDS = frozenset({"person", "fte", "vacant"})


def role_aspects(old: Role | None, new: Role | None) -> set[str]:
    """The aspects a role's change from ``old`` to ``new`` touches (IT organization apart)."""
    roles = [r for r in (old, new) if r is not None]
    if old is None or new is None:
        role = roles[0]
        touched = {REPORTS, CATEGORY} | {f for f in FIELDS if getattr(role, f) != getattr(_BLANK, f)}
        if role.dotted_to:
            touched.add(DOTTED)
    else:
        touched = {f for f in FIELDS if getattr(old, f) != getattr(new, f)}
        if old.reports_to != new.reports_to:
            touched |= {STRUCTURE, REPORTS}
        if old.dotted_to != new.dotted_to:
            touched.add(DOTTED)
    if CATEGORY in touched:
        touched |= categories(*{r.category for r in roles})
    if (old is None or new is None or touched & _PEOPLE_FIELDS) and any(holder_key(r) is not None for r in roles):
        touched.add(PEOPLE)
    if touched & _WORK_FIELDS:
        touched.update(work for work, (whole, shared) in _WORK.items()
                       if any(r.category in whole or any(f in shared for f in r.leads) for r in roles))
    return touched


def is_leader(role: Role | None) -> bool:
    return role is not None and _LEADER_FLAG in role.flags


def moves_lines(old: Role | None, new: Role | None) -> bool:
    """Whether the change may move the role into or out of the IT organization: it comes or goes,
    or its manager, dotted lines or top-IT-leader flag changed."""
    return (old is None or new is None or old.reports_to != new.reports_to or old.dotted_to != new.dotted_to
            or is_leader(old) != is_leader(new))


def keeps_it_organization(ctx: Context, role_id: str, old: Role | None, new: Role | None) -> bool:
    """Whether the top IT leader's subtree and the roles with a line into IT stay as ``ctx`` (the
    last pass, not yet following the change) has them: the role, with its reports, stays in or out
    of each. ``False`` when it cannot tell."""
    if is_leader(old) != is_leader(new):
        return False
    known = ctx.__dict__
    subtree, outside = known.get("it_subtree"), known.get("dotted_into_it")
    if subtree is None or outside is None:
        return False
    if not subtree:  # no single top IT leader, and still none
        return True
    if old is None:
        assert new is not None
        manager = new.reports_to
        return manager not in subtree and manager not in outside and not any(t in subtree for t in new.dotted_to)
    if new is None:
        return role_id not in subtree and role_id not in outside
    if role_id == ctx.top_it_leader:
        return True
    inside = role_id in subtree
    if inside != (new.reports_to in subtree):
        return False
    if inside:
        return True
    dotted_in = any(t in subtree for t in new.dotted_to)
    return (role_id in outside) == (dotted_in or new.reports_to in outside)
