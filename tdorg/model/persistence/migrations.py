"""Schema history of ``.tdorg`` files and the steps that upgrade old files.

Each schema version is kept here as the SQL that created it, frozen: the ORM
classes in :mod:`.tables` describe only the current schema. ``UPGRADES[n]``
turns a version-``n`` database into version ``n + 1``; :func:`upgrade` runs
every step a file needs in one transaction, on an in-memory copy of the file.

Version 1: a single chart (one ``chart`` row of district facts and notes),
roles without an annual cost.
Version 2: named scenarios, each with its own district facts, roles (with an
annual cost), dotted lines and rule settings; a ``document`` row records the
active scenario.
Version 3: district facts say whether the state requires a named privacy
officer (``NULL``: as the table of state laws says).
Version 4: an ``arrangement`` table keeps, per scenario, the managers whose
leaf reports the user arranged and in how many columns (0: one row).
Version 5: a ``collapsed`` table keeps, per scenario, the managers whose
subtrees the canvas hides.
"""

from __future__ import annotations

import sqlite3
from typing import Callable

from .tables import SCHEMA_VERSION

#: The DDL of schema version 1, one statement per item.
V1_DDL: tuple[str, ...] = (
    """CREATE TABLE chart (
        id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
        notes VARCHAR NOT NULL,
        district_name VARCHAR NOT NULL,
        state VARCHAR NOT NULL,
        students INTEGER,
        teachers INTEGER,
        staff INTEGER,
        devices INTEGER,
        buildings_elementary INTEGER,
        buildings_middle INTEGER,
        buildings_high INTEGER,
        buildings_other INTEGER,
        buildings_total INTEGER,
        one_to_one_grades VARCHAR NOT NULL,
        erate BOOLEAN
    )""",
    """CREATE TABLE role (
        id VARCHAR NOT NULL PRIMARY KEY,
        position INTEGER NOT NULL UNIQUE,
        reports_to VARCHAR REFERENCES role (id),
        title VARCHAR NOT NULL,
        category VARCHAR NOT NULL,
        person VARCHAR NOT NULL,
        fte FLOAT NOT NULL,
        vacant BOOLEAN NOT NULL,
        employment VARCHAR NOT NULL,
        flags VARCHAR NOT NULL,
        service_areas VARCHAR NOT NULL,
        core_services VARCHAR NOT NULL,
        leads VARCHAR NOT NULL,
        backs_up VARCHAR NOT NULL,
        notes VARCHAR NOT NULL
    )""",
    """CREATE TABLE dotted_line (
        role_id VARCHAR NOT NULL REFERENCES role (id),
        position INTEGER NOT NULL,
        target_id VARCHAR NOT NULL REFERENCES role (id),
        PRIMARY KEY (role_id, position)
    )""",
    """CREATE TABLE threshold (
        rule_id VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        value FLOAT NOT NULL,
        PRIMARY KEY (rule_id, name)
    )""",
    """CREATE TABLE disabled_rule (
        rule_id VARCHAR NOT NULL PRIMARY KEY,
        reason VARCHAR NOT NULL
    )""",
)

#: The DDL of schema version 2, as the 1 → 2 step creates it.
V2_DDL: tuple[str, ...] = (
    """CREATE TABLE document (
        id INTEGER NOT NULL,
        active INTEGER NOT NULL,
        app_version VARCHAR NOT NULL,
        PRIMARY KEY (id),
        CONSTRAINT single_document CHECK (id = 1)
    )""",
    """CREATE TABLE scenario (
        id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        name VARCHAR NOT NULL,
        notes VARCHAR NOT NULL,
        PRIMARY KEY (id),
        UNIQUE (position),
        UNIQUE (name)
    )""",
    """CREATE TABLE district (
        scenario_id INTEGER NOT NULL,
        name VARCHAR NOT NULL,
        state VARCHAR NOT NULL,
        students INTEGER,
        teachers INTEGER,
        staff INTEGER,
        devices INTEGER,
        buildings_elementary INTEGER,
        buildings_middle INTEGER,
        buildings_high INTEGER,
        buildings_other INTEGER,
        buildings_total INTEGER,
        one_to_one_grades VARCHAR NOT NULL,
        erate BOOLEAN,
        PRIMARY KEY (scenario_id),
        FOREIGN KEY(scenario_id) REFERENCES scenario (id)
    )""",
    """CREATE TABLE role (
        scenario_id INTEGER NOT NULL,
        id VARCHAR NOT NULL,
        position INTEGER NOT NULL,
        reports_to VARCHAR,
        title VARCHAR NOT NULL,
        category VARCHAR NOT NULL,
        person VARCHAR NOT NULL,
        fte DOUBLE NOT NULL,
        vacant BOOLEAN NOT NULL,
        employment VARCHAR NOT NULL,
        flags VARCHAR NOT NULL,
        service_areas VARCHAR NOT NULL,
        core_services VARCHAR NOT NULL,
        leads VARCHAR NOT NULL,
        backs_up VARCHAR NOT NULL,
        notes VARCHAR NOT NULL,
        annual_cost DOUBLE,
        PRIMARY KEY (scenario_id, id),
        UNIQUE (scenario_id, position),
        FOREIGN KEY(scenario_id, reports_to) REFERENCES role (scenario_id, id),
        FOREIGN KEY(scenario_id) REFERENCES scenario (id)
    )""",
    """CREATE TABLE dotted_line (
        scenario_id INTEGER NOT NULL,
        role_id VARCHAR NOT NULL,
        position INTEGER NOT NULL,
        target_id VARCHAR NOT NULL,
        PRIMARY KEY (scenario_id, role_id, position),
        FOREIGN KEY(scenario_id, role_id) REFERENCES role (scenario_id, id),
        FOREIGN KEY(scenario_id, target_id) REFERENCES role (scenario_id, id)
    )""",
    """CREATE TABLE threshold (
        scenario_id INTEGER NOT NULL,
        rule_id VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        value DOUBLE NOT NULL,
        PRIMARY KEY (scenario_id, rule_id, name),
        FOREIGN KEY(scenario_id) REFERENCES scenario (id)
    )""",
    """CREATE TABLE disabled_rule (
        scenario_id INTEGER NOT NULL,
        rule_id VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        PRIMARY KEY (scenario_id, rule_id),
        FOREIGN KEY(scenario_id) REFERENCES scenario (id)
    )""",
)

#: The table the 3 → 4 step adds.
V4_ARRANGEMENT_DDL = """CREATE TABLE arrangement (
        scenario_id INTEGER NOT NULL,
        role_id VARCHAR NOT NULL,
        columns INTEGER NOT NULL,
        PRIMARY KEY (scenario_id, role_id),
        FOREIGN KEY(scenario_id, role_id) REFERENCES role (scenario_id, id)
    )"""

#: The table the 4 → 5 step adds.
V5_COLLAPSED_DDL = """CREATE TABLE collapsed (
        scenario_id INTEGER NOT NULL,
        role_id VARCHAR NOT NULL,
        PRIMARY KEY (scenario_id, role_id),
        FOREIGN KEY(scenario_id, role_id) REFERENCES role (scenario_id, id)
    )"""

#: Tables each schema version must hold.
TABLES_BY_VERSION: dict[int, frozenset[str]] = {
    1: frozenset({"chart", "role", "dotted_line", "threshold", "disabled_rule"}),
    2: frozenset({"document", "scenario", "district", "role", "dotted_line", "threshold", "disabled_rule"}),
    3: frozenset({"document", "scenario", "district", "role", "dotted_line", "threshold", "disabled_rule"}),
    4: frozenset({"document", "scenario", "district", "role", "dotted_line", "arrangement", "threshold",
                  "disabled_rule"}),
    5: frozenset({"document", "scenario", "district", "role", "dotted_line", "arrangement", "collapsed", "threshold",
                  "disabled_rule"}),
}

#: Name given to the single chart of a version-1 file when it becomes a scenario.
V1_SCENARIO_NAME = "Current"

_V1_TABLES_TO_REBUILD = ("role", "dotted_line", "threshold", "disabled_rule")


def _upgrade_1_to_2(conn: sqlite3.Connection) -> None:
    """The single chart becomes the scenario "Current"; roles gain an annual cost."""
    for name in _V1_TABLES_TO_REBUILD:
        conn.execute(f"ALTER TABLE {name} RENAME TO v1_{name}")
    for statement in V2_DDL:
        conn.execute(statement)
    conn.execute("INSERT INTO document (id, active, app_version) VALUES (1, 0, '')")
    conn.execute(
        "INSERT INTO scenario (id, position, name, notes) SELECT 1, 0, ?, notes FROM chart",
        (V1_SCENARIO_NAME,),
    )
    conn.execute(
        """INSERT INTO district (scenario_id, name, state, students, teachers, staff, devices,
               buildings_elementary, buildings_middle, buildings_high, buildings_other,
               buildings_total, one_to_one_grades, erate)
           SELECT 1, district_name, state, students, teachers, staff, devices,
               buildings_elementary, buildings_middle, buildings_high, buildings_other,
               buildings_total, one_to_one_grades, erate
           FROM chart"""
    )
    conn.execute(
        """INSERT INTO role (scenario_id, id, position, reports_to, title, category, person, fte,
               vacant, employment, flags, service_areas, core_services, leads, backs_up, notes,
               annual_cost)
           SELECT 1, id, position, reports_to, title, category, person, fte,
               vacant, employment, flags, service_areas, core_services, leads, backs_up, notes,
               NULL
           FROM v1_role"""
    )
    conn.execute(
        "INSERT INTO dotted_line (scenario_id, role_id, position, target_id) "
        "SELECT 1, role_id, position, target_id FROM v1_dotted_line"
    )
    conn.execute("INSERT INTO threshold (scenario_id, rule_id, name, value) SELECT 1, rule_id, name, value FROM v1_threshold")
    conn.execute("INSERT INTO disabled_rule (scenario_id, rule_id, reason) SELECT 1, rule_id, reason FROM v1_disabled_rule")
    for name in ("chart",) + tuple(f"v1_{n}" for n in reversed(_V1_TABLES_TO_REBUILD)):
        conn.execute(f"DROP TABLE {name}")


def _upgrade_2_to_3(conn: sqlite3.Connection) -> None:
    """District facts gain the privacy-officer requirement, unset: each chart follows its state's law."""
    conn.execute("ALTER TABLE district ADD COLUMN privacy_officer_required BOOLEAN")


def _upgrade_3_to_4(conn: sqlite3.Connection) -> None:
    """Scenarios gain the arrangements the user chooses, none yet: every manager is arranged automatically."""
    conn.execute(V4_ARRANGEMENT_DDL)


def _upgrade_4_to_5(conn: sqlite3.Connection) -> None:
    """Scenarios gain the managers collapsed on the canvas, none yet: every role is shown."""
    conn.execute(V5_COLLAPSED_DDL)


#: ``UPGRADES[n]`` upgrades a version-``n`` database to version ``n + 1``.
UPGRADES: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _upgrade_1_to_2,
    2: _upgrade_2_to_3,
    3: _upgrade_3_to_4,
    4: _upgrade_4_to_5,
}


def upgrade(conn: sqlite3.Connection, version: int) -> None:
    """Bring a database at ``version`` to :data:`SCHEMA_VERSION`, all in one transaction.

    On failure the transaction is rolled back and the error propagates.
    """
    if version == SCHEMA_VERSION:
        return
    previous = conn.isolation_level
    conn.isolation_level = None  # explicit transaction control below
    try:
        conn.execute("BEGIN")
        try:
            for step in range(version, SCHEMA_VERSION):
                UPGRADES[step](conn)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION:d}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.isolation_level = previous
