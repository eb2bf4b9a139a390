"""The library's schema version and its migrations.

The schema carries a version (``mnr_schema_version``); the app migrates an older library
forward when it opens it, one step at a time in one transaction, and refuses a library made
by a newer app. A migration is a function from one version to the next, in ``MIGRATIONS``.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    delete,
    func,
    insert,
    inspect,
    select,
    text,
    update,
)

from components.library.database import LibraryUnavailable, guard, reading, sqlite_path, writing
from components.library.identity import rekey_assessments
from components.library.records import load_records
from components.library.tables import (
    assessment_columns_v1,
    assessments_table,
    levels_table,
    schema_version_table,
)
from components.library.workshop_tables import workshop_schema

SCHEMA_VERSION = 8
# Any constant will do: it names the advisory lock that serialises migrations on PostgreSQL.
_MIGRATION_LOCK = 0x4D4E52  # "MNR"


def _schema_v1() -> MetaData:
    """The first layout: assessments and their levels, without titles or fingerprints."""
    v1 = MetaData()
    Table("mnr_schema_version", v1, Column("version", Integer, nullable=False))
    Table("mnr_assessments", v1, *assessment_columns_v1())
    for name, item in (("mnr_capability_levels", "capability"), ("mnr_enabler_levels", "enabler")):
        levels_table(v1, name, item)
    return v1


def _migrate_0_to_1(conn: Connection) -> None:
    _schema_v1().create_all(conn)


def _migrate_1_to_2(conn: Connection) -> None:
    """Titles and content fingerprints; both are filled in for what is already there."""
    conn.execute(text("ALTER TABLE mnr_assessments ADD COLUMN title TEXT NOT NULL DEFAULT ''"))
    conn.execute(
        text("ALTER TABLE mnr_assessments ADD COLUMN content_hash TEXT NOT NULL DEFAULT ''")
    )
    a = assessments_table.c
    for record in load_records(conn, ids=None):
        conn.execute(
            update(assessments_table)
            .where(a.id == record.library_id)
            .values(title=record.title, content_hash=record.content_hash)
        )


def _migrate_2_to_3(conn: Connection) -> None:
    """Who may see each assessment, and the framework edition it was made against.

    Assessments already in the library become "editors only": the safe choice, since nobody
    chose to show them (an editor can open them up on the Library page). They were all made
    against the 2016 edition, the only one an app before this schema knew (framework format 1).
    """
    conn.execute(
        text("ALTER TABLE mnr_assessments ADD COLUMN visibility TEXT NOT NULL DEFAULT 'editors'")
    )
    conn.execute(
        text(
            "ALTER TABLE mnr_assessments ADD COLUMN framework_edition TEXT NOT NULL DEFAULT '2016'"
        )
    )


def _migrate_3_to_4(conn: Connection) -> None:
    """Live workshops: workshops, their capabilities, participants and votes (new tables)."""
    tables = MetaData()
    workshop_schema(tables, seen_at=False)
    tables.create_all(conn)


def _migrate_4_to_5(conn: Connection) -> None:
    """Drafts of assessments being entered in the app, by the hash of their link's token.

    Spelled out here rather than taken from ``tables``: a migration makes the layout of its
    own version, whatever later versions do to the table.
    """
    drafts = MetaData()
    Table(
        "mnr_drafts",
        drafts,
        Column("token_hash", Text, primary_key=True),
        Column("payload", Text, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("used_at", DateTime(timezone=True), nullable=False),
        Index("mnr_drafts_used_at", "used_at"),
    )
    drafts.create_all(conn)


def _migrate_5_to_6(conn: Connection) -> None:
    """Action plans: per saved version of an assessment, one row per capability with a plan.

    A new table, so assessments already saved keep their content (and fingerprints) and have
    no plan. Spelled out here, as the drafts migration is.
    """
    plans = MetaData()
    Table("mnr_assessments", plans, Column("id", Integer, primary_key=True))
    Table(
        "mnr_plans",
        plans,
        Column(
            "assessment",
            Integer,
            ForeignKey("mnr_assessments.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        Column("capability", Integer, primary_key=True),
        Column("priority", Text),
        Column("target_level", Integer),
        Column("target_date", Text),
        Column("lead", Text),
        Column("actions", Text),
        Column("status", Text, nullable=False),
    )
    plans.tables["mnr_plans"].create(conn)


def _migrate_6_to_7(conn: Connection) -> None:
    """When each workshop participant was last seen with the page open (empty for now)."""
    conn.execute(text("ALTER TABLE mnr_workshop_participants ADD COLUMN seen_at FLOAT"))


def _migrate_7_to_8(conn: Connection) -> None:
    """Assessments filed by their country's identity, not by the name they were saved under.

    An earlier app keyed an entry by the normalised name, so "Viet Nam" (the ISO list's name,
    saved before the dashboard showed "Vietnam") and "Vietnam" saved since were two entries:
    they become one, with their versions in the order they were saved
    (``identity.rekey_assessments``). The layout is unchanged.
    """
    rekey_assessments(conn)


MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    0: _migrate_0_to_1,
    1: _migrate_1_to_2,
    2: _migrate_2_to_3,
    3: _migrate_3_to_4,
    4: _migrate_4_to_5,
    5: _migrate_5_to_6,
    6: _migrate_6_to_7,
    7: _migrate_7_to_8,
}


def stored_version(conn: Connection) -> int:
    """The schema version of the library ``conn`` is connected to; 0 for an empty database."""
    if not inspect(conn).has_table("mnr_schema_version"):
        return 0
    value = conn.execute(select(func.max(schema_version_table.c.version))).scalar()
    return int(value or 0)


def _too_new(version: int) -> LibraryUnavailable:
    return LibraryUnavailable(
        f"it was made by a newer version of this app (library format {version}; this app "
        f"reads up to {SCHEMA_VERSION}). Update the app to use it"
    )


def ensure_schema(engine: Engine, *, create: bool = True) -> bool:
    """Create or migrate the library to ``SCHEMA_VERSION``; False when there is none to open.

    With ``create=False`` a missing SQLite file is left missing (looking creates nothing).
    Migrations run in one write transaction, serialised between processes (SQLite's write
    lock, PostgreSQL's advisory lock), so two replicas starting at once migrate once.
    """
    with guard(engine):
        path = sqlite_path(engine)
        if path is not None and not path.exists():
            if not create:
                return False
            path.parent.mkdir(parents=True, exist_ok=True)
        with reading(engine) as conn:
            version = stored_version(conn)
        if version == SCHEMA_VERSION:
            return True
        if version > SCHEMA_VERSION:
            raise _too_new(version)
        with writing(engine) as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
            version = stored_version(conn)
            if version > SCHEMA_VERSION:
                raise _too_new(version)
            while version < SCHEMA_VERSION:
                MIGRATIONS[version](conn)
                version += 1
            conn.execute(delete(schema_version_table))
            conn.execute(insert(schema_version_table).values(version=version))
    return True
