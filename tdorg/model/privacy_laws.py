"""States whose law requires a district to name a student-data privacy officer (PRV-1).

Where the law requires a designated officer, PRV-1 is an error and a vacant
officer position does not count; elsewhere a missing owner is a warning. A
chart can say otherwise in its district facts (a district may be bound by
board policy or a contract, or a law may have changed since this table).
"""

from __future__ import annotations

from typing import NamedTuple


class PrivacyLaw(NamedTuple):
    state: str
    #: The law, as it is cited.
    citation: str
    #: What it asks of a district.
    requires: str


#: The table, by two-letter state code.
PRIVACY_LAWS: dict[str, PrivacyLaw] = {
    law.state: law
    for law in (
        PrivacyLaw(
            "NY",
            "New York Education Law § 2-d and Part 121 of the Regulations of the Commissioner of Education (8 NYCRR § 121.8)",
            "each educational agency designates a data protection officer",
        ),
        PrivacyLaw(
            "IL",
            "Illinois Student Online Personal Protection Act, Section 27 (105 ILCS 85/27), as amended by P.A. 101-516",
            "each school designates a staff member as its privacy officer",
        ),
        PrivacyLaw(
            "UT",
            "Utah Student Data Protection Act, Utah Code § 53E-9-303(2)",
            "each local education agency designates a student data manager",
        ),
    )
}


def state_law(state: str) -> PrivacyLaw | None:
    """The law of ``state`` that requires a named privacy officer, if the table has one."""
    return PRIVACY_LAWS.get(state.strip().upper())


def named_officer_required(state: str, setting: bool | None) -> bool:
    """Whether the district must name a privacy officer: the chart's own setting when it has
    one (``True``/``False``), otherwise what the table says of its state."""
    return state_law(state) is not None if setting is None else setting


def state_law_text(state: str) -> str:
    """What the table says of ``state``, in a sentence for the district facts."""
    code = state.strip().upper()
    law = state_law(code)
    if law is not None:
        return f"{code}: {law.citation} — {law.requires}."
    if not code:
        return "Enter the state to look up its law."
    return f"{code}: no law in tdorg's table requires a named privacy officer."
