"""A live validator's indexes kept across edits: each changed role applied by difference.

A :class:`~.context.Context` works its indexes out on first use. A live validator keeps one
context for the life of the chart and hands it every role an edit changed, as it was and as it
is (``None`` where the role is missing): :func:`follow` takes the role out of the lists it left
and puts it into the lists it joined, at its place in the chart's order of roles, so each index
stays exactly what a fresh pass would build (lists in the chart's order, keys in the order of
their first role). Indexes worked out from others are dropped and worked out again when asked.
"""

from __future__ import annotations

from bisect import insort
from typing import Callable, Iterable, Mapping

from ..people import holder_key
from ..exact_sum import exact
from ..role import Role
from .context import Context
from .role_changes import is_leader, moves_lines
from .role_indexes import KEYED, LISTED, is_integration_role, is_teaching_learning


#: Indexes worked out from other indexes, with the roles they list: dropped when such a role changes.
DERIVED: dict[str, Callable[[Role], bool]] = {
    "integration_roles": is_integration_role,
}


def follow(ctx: Context, role_id: str, old: Role | None, new: Role | None, place: Mapping[str, int]) -> None:
    """Bring ``ctx``'s indexes from ``old`` to ``new`` for one role; ``place`` orders the chart's roles."""
    known = ctx.__dict__
    for name, keys_of in KEYED.items():
        index = known.get(name)
        if index is not None:
            _move_keyed(index, keys_of, role_id, old, new, place, ctx.roles, ordered=name != "holders")
    for name, test in LISTED.items():
        listed = known.get(name)
        if listed is not None:
            was, now = old is not None and test(old), new is not None and test(new)
            if was and not now:
                listed.remove(role_id)
            elif now and not was:
                insort(listed, role_id, key=place.__getitem__)
    for name, test in DERIVED.items():
        if name in known and (old is not None and test(old) or new is not None and test(new)):
            del known[name]
    sums = known.get("exact_fte")
    if sums is not None and (old is None or new is None or _summed(old) != _summed(new)):
        for role, sign in ((old, -1), (new, 1)):
            if role is not None:
                key = (role.category, role.vacant)
                total = sums.get(key, 0) + sign * exact(role.fte)
                if total:
                    sums[key] = total
                else:
                    del sums[key]
    _follow_it_subtree(ctx, role_id, old, new)
    _follow_integration(ctx, role_id, old, new)
    if ctx.people_findings.entries:  # the people holding the role, before and after, are worded again
        ctx.people_findings.stale.update(k for k in (old and holder_key(old), new and holder_key(new)) if k is not None)


def _summed(role: Role) -> tuple[str, bool, float]:
    return role.category, role.vacant, role.fte


def _move_keyed(index: dict[str, list[str]], keys_of: Callable[[Role], Iterable[str]], role_id: str,
                old: Role | None, new: Role | None, place: Mapping[str, int], roles: Mapping[str, Role],
                ordered: bool) -> None:
    """Take ``role_id`` out of the lists of the keys it left, into those it joined; the keys put back in the
    order a fresh pass meets them when ``ordered`` (no rule reads the order of the people)."""
    was = tuple(keys_of(old)) if old is not None else ()
    now = tuple(keys_of(new)) if new is not None else ()
    if was == now:
        return
    reorder = False
    for key in was:
        if key in now:
            continue
        listed = index[key]
        head = listed[0]
        listed.remove(role_id)
        if not listed:
            del index[key]
        elif head == role_id:
            reorder = True
    for key in now:
        if key in was:
            continue
        listed = index.get(key)
        if listed is None:
            index[key] = [role_id]
            reorder = True
        else:
            insort(listed, role_id, key=place.__getitem__)
            reorder = reorder or listed[0] == role_id
    kept_before, kept_now = [k for k in was if k in now], [k for k in now if k in was]
    if ordered and (reorder or kept_before != kept_now):
        _order_keys(index, keys_of, place, roles)


def _order_keys(index: dict[str, list[str]], keys_of: Callable[[Role], Iterable[str]], place: Mapping[str, int],
                roles: Mapping[str, Role]) -> None:
    """Keys in the order a fresh pass meets them: by their first role, then by that role's own order of keys."""
    def first_seen(item: tuple[str, list[str]]) -> tuple[int, int]:
        key, listed = item
        return place[listed[0]], tuple(keys_of(roles[listed[0]])).index(key)

    items = sorted(index.items(), key=first_seen)
    index.clear()
    index.update(items)


def _follow_it_subtree(ctx: Context, role_id: str, old: Role | None, new: Role | None) -> None:
    """The IT subtree moved by one role's change, and the lines into IT from outside it dropped
    when they may have changed (worked out again from the dotted lines when asked)."""
    known = ctx.__dict__
    subtree = known.get("it_subtree")
    lines = old is None or new is None or old.reports_to != new.reports_to or old.dotted_to != new.dotted_to
    if subtree is None or is_leader(old) != is_leader(new):
        known.pop("it_subtree", None)
        known.pop("dotted_into_it", None)
        ctx.forget_spans()
        ctx.integration_findings.forget()
        return
    # A span is a manager's count of reports and whether they are all front-line: the role's own, its managers'.
    if old is None or new is None or old.reports_to != new.reports_to or old.category != new.category:
        ctx.stale_spans.update(m for m in (role_id, old and old.reports_to, new and new.reports_to) if m is not None)
    if not lines:
        return
    leader, team = ctx.top_it_leader, []
    was_inside = role_id in subtree
    if new is None:
        subtree.discard(role_id)
    elif leader is not None and (old is None or old.reports_to != new.reports_to):
        inside = role_id == leader or new.reports_to in subtree
        if inside != was_inside:
            team = [role_id, *ctx.chart.descendants(role_id)]
            if inside:
                subtree.update(team)
            else:
                subtree.difference_update(team)
            ctx.stale_spans.update(team)
    outside = known.get("dotted_into_it")
    if outside is not None and _moves_outside(ctx, role_id, old, new, was_inside, team, outside):
        if not team and not was_inside and new is not None and not ctx.chart.child_count(role_id):
            # a role without reports outside the subtree: only whether it has a line into IT itself can change
            into = new.reports_to in outside or any(t in subtree for t in new.dotted_to)
            (outside.add if into else outside.discard)(role_id)
        else:
            del known["dotted_into_it"]


def _follow_integration(ctx: Context, role_id: str, old: Role | None, new: Role | None) -> None:
    """The integration roles whose INT-2 finding the role's change may have changed: the role itself; when
    it moved lines or became or stopped being a teaching and learning role, every role whose walk reaches
    it (which are also the only roles whose line into IT such a move can change) and the roles it has a
    dotted line to (a teaching and learning role's dotted line counts for them); when its being a teaching
    and learning role changed, every finding too (each names the first such role); when its title
    changed, the findings naming it. Every one when the top IT leader changed, or too many walk to it."""
    kept = ctx.integration_findings.entries
    if not kept:
        return
    if is_leader(old) != is_leader(new):
        ctx.integration_findings.forget()
        return
    stale = ctx.integration_findings.stale
    teaching = (old is not None and is_teaching_learning(old)) != (new is not None and is_teaching_learning(new))
    if teaching or moves_lines(old, new):
        walkers = _walkers(ctx, role_id, _MANY_WALKERS)
        if walkers is None:
            ctx.integration_findings.forget()
            return
        stale.update(walkers)
        stale.update(t for role in (old, new) if role is not None for t in role.dotted_to)
    else:
        stale.add(role_id)
    if teaching:
        stale.update(r for r, (finding, _) in kept.items() if finding is not None)
    if old is not None and new is not None and old.title != new.title:
        stale.update(r for r, (_, named) in kept.items() if role_id in named)


#: Above this many roles walking to a changed role, INT-2 works every finding out again.
_MANY_WALKERS = 1000


def _walkers(ctx: Context, role_id: str, limit: int) -> set[str] | None:
    """The role and every role whose walk up the solid lines and out the dotted ones reaches it (its reports
    and its dotted reports, theirs, and so on); ``None`` when there are more than ``limit``."""
    children, dotted_in = ctx.chart.children, ctx.chart.dotted_reports
    found, frontier = {role_id}, [role_id]
    while frontier:
        current = frontier.pop()
        if current not in ctx.roles:
            continue
        for walker in (*children(current), *dotted_in(current)):
            if walker not in found:
                found.add(walker)
                frontier.append(walker)
        if len(found) > limit:
            return None
    return found


def _moves_outside(ctx: Context, role_id: str, old: Role | None, new: Role | None, was_inside: bool,
                   team: list[str], outside: set[str]) -> bool:
    """Whether the roles outside the IT subtree with a dotted line into it may have changed: a team came
    into or left the subtree with a dotted line in or out of it (or left it for a place under one of those
    roles), or a role outside it changed its lines."""
    if team:
        chart, roles = ctx.chart, ctx.roles
        return (new is not None and new.reports_to in outside
                or any(m in outside or roles[m].dotted_to or chart.dotted_reports(m) for m in team))
    if was_inside and (new is not None or role_id not in outside):  # its own lines are inside lines
        return False
    return (role_id in outside or (new is not None and new.reports_to in outside)
            or (old.dotted_to if old else ()) != (new.dotted_to if new else ()))
