"""The tables of a ``.tdorg`` file (current schema), as SQLAlchemy ORM classes.

These row classes describe storage only; :mod:`.mapping` converts them to and
from the domain values (``Chart``, ``Role``…), which know nothing of SQL.

List fields of a role (flags, service areas, core services, functions) are
stored as text joined by ``;``: none of their values may contain one. Dotted
lines are references to other roles, so they have a table of their own, with
their order kept in ``position``; so are the arrangements the user chose for
some managers' leaf reports, and the managers collapsed on the canvas.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, ForeignKeyConstraint, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

#: The schema version written to ``PRAGMA user_version``.
SCHEMA_VERSION = 5

#: ``PRAGMA application_id`` of every tdorg file: the ASCII bytes "TDOR".
APPLICATION_ID = int.from_bytes(b"TDOR", "big")

#: Separator of list values inside one text column.
LIST_SEPARATOR = ";"


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    """The single row of file-wide facts."""

    __tablename__ = "document"
    __table_args__ = (CheckConstraint("id = 1", name="single_document"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Position of the active scenario.
    active: Mapped[int]
    #: Version of tdorg that wrote the file, for diagnostics.
    app_version: Mapped[str]


class ScenarioRow(Base):
    __tablename__ = "scenario"

    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(unique=True)
    name: Mapped[str] = mapped_column(unique=True)
    notes: Mapped[str]


class DistrictRow(Base):
    """District facts of one scenario."""

    __tablename__ = "district"

    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenario.id"), primary_key=True)
    name: Mapped[str]
    state: Mapped[str]
    students: Mapped[int | None]
    teachers: Mapped[int | None]
    staff: Mapped[int | None]
    devices: Mapped[int | None]
    buildings_elementary: Mapped[int | None]
    buildings_middle: Mapped[int | None]
    buildings_high: Mapped[int | None]
    buildings_other: Mapped[int | None]
    buildings_total: Mapped[int | None]
    one_to_one_grades: Mapped[str]
    erate: Mapped[bool | None]
    #: ``NULL``: as the state's law says.
    privacy_officer_required: Mapped[bool | None]


class RoleRow(Base):
    """One role of one scenario.

    ``position`` is the role's place in the chart outline (pre-order, siblings
    in the user's order), so reading roles by position rebuilds sibling order.
    """

    __tablename__ = "role"
    __table_args__ = (
        UniqueConstraint("scenario_id", "position"),
        ForeignKeyConstraint(["scenario_id", "reports_to"], ["role.scenario_id", "role.id"]),
    )

    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenario.id"), primary_key=True)
    id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int]
    reports_to: Mapped[str | None]
    title: Mapped[str]
    category: Mapped[str]
    person: Mapped[str]
    fte: Mapped[float]
    vacant: Mapped[bool]
    employment: Mapped[str]
    flags: Mapped[str]
    service_areas: Mapped[str]
    core_services: Mapped[str]
    leads: Mapped[str]
    backs_up: Mapped[str]
    notes: Mapped[str]
    annual_cost: Mapped[float | None]


class DottedLineRow(Base):
    """A dotted line from ``role_id`` to ``target_id``, ``position``-th of its role."""

    __tablename__ = "dotted_line"
    __table_args__ = (
        ForeignKeyConstraint(["scenario_id", "role_id"], ["role.scenario_id", "role.id"]),
        ForeignKeyConstraint(["scenario_id", "target_id"], ["role.scenario_id", "role.id"]),
    )

    scenario_id: Mapped[int] = mapped_column(primary_key=True)
    role_id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    target_id: Mapped[str]


class ArrangementRow(Base):
    """The user's arrangement of ``role_id``'s leaf reports: ``columns`` of them, 0 for one row."""

    __tablename__ = "arrangement"
    __table_args__ = (ForeignKeyConstraint(["scenario_id", "role_id"], ["role.scenario_id", "role.id"]),)

    scenario_id: Mapped[int] = mapped_column(primary_key=True)
    role_id: Mapped[str] = mapped_column(primary_key=True)
    columns: Mapped[int]


class CollapsedRow(Base):
    """A manager whose subtree the canvas hides."""

    __tablename__ = "collapsed"
    __table_args__ = (ForeignKeyConstraint(["scenario_id", "role_id"], ["role.scenario_id", "role.id"]),)

    scenario_id: Mapped[int] = mapped_column(primary_key=True)
    role_id: Mapped[str] = mapped_column(primary_key=True)


class ThresholdRow(Base):
    """A rule threshold the chart overrides."""

    __tablename__ = "threshold"

    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenario.id"), primary_key=True)
    rule_id: Mapped[str] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[float]


class DisabledRuleRow(Base):
    """A rule the chart switches off, with the user's reason."""

    __tablename__ = "disabled_rule"

    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenario.id"), primary_key=True)
    rule_id: Mapped[str] = mapped_column(primary_key=True)
    reason: Mapped[str]


#: Every table of the current schema, parents before children.
TABLES = (DocumentRow, ScenarioRow, DistrictRow, RoleRow, DottedLineRow, ArrangementRow, CollapsedRow, ThresholdRow,
          DisabledRuleRow)
