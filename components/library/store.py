"""The assessment library: assessments kept between visits, in SQLite or PostgreSQL.

One library per deployment (not per user). An embedded SQLite file is the default; it is
created on the first write, never by merely looking. A PostgreSQL URL makes the library
shared between several app processes (replicas).

Integrity, whatever the database:

- Every write is one transaction: a process killed half-way through a save leaves the
  library as it was. SQLite runs in WAL mode with a busy timeout and foreign keys on, and
  writes take the write lock up front (``BEGIN IMMEDIATE``), so concurrent savers queue
  instead of failing. On PostgreSQL a save that lost a race is retried from the start.
- An assessment is identified by its country, date (or year) and round, as the upload page's
  duplicate check does; each save of the same assessment is a numbered version. A unique
  constraint on (country, date or year, round, version) makes a silent duplicate impossible
  at the database level. Saving one that is already there is refused with a message, unless
  the caller asks for a new version; content identical to the latest version is never saved
  again.
- The schema carries a version (``mnr_schema_version``); the app migrates an older library
  forward when it opens it, one step at a time in one transaction, and refuses a library
  made by a newer app.

Everything here is free of Streamlit. Frames coming out follow the tidy contract of
``components.ingest.workbook`` (``CAPABILITY_COLUMNS`` / ``ENABLER_COLUMNS``), ready for
``components.ingest.collection.add_assessments(..., origin="library")``.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import random
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pandas as pd
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    delete,
    event,
    func,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, make_url

from components.base.text import normalise
from components.framework.model import Framework
from components.ingest.file_guard import FileRejected, check_upload
from components.ingest.labels import assessment_label, unique_assessment_labels
from components.ingest.workbook import (
    CAPABILITY_COLUMNS,
    ENABLER_COLUMNS,
    SOURCE_SEPARATOR,
    ReadResult,
    read_assessment_file,
)

SCHEMA_VERSION = 2
BUSY_TIMEOUT_MS = 15_000
CONNECT_TIMEOUT_S = 5
SAVE_ATTEMPTS = 6
MAX_TITLE_CHARS = 200
# Any constant will do: it names the advisory lock that serialises migrations on PostgreSQL.
_MIGRATION_LOCK = 0x4D4E52  # "MNR"

LIST_COLUMNS = [
    "library_id",
    "title",
    "country",
    "iso3",
    "year",
    "date",
    "round",
    "version",
    "latest",
    "versions",
    "assessed_by",
    "source",
    "saved_at",
    "assessed",
    "total",
]


class LibraryUnavailable(Exception):  # noqa: N818 (it is a state, not a programming error)
    """The library cannot be used right now; ``reason`` says why in plain words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# --- the schema (current version) ----------------------------------------------------------

metadata = MetaData()
schema_version_table = Table(
    "mnr_schema_version", metadata, Column("version", Integer, nullable=False)
)


def _assessment_columns_v1() -> list[Any]:
    """The assessments table's columns and key as schema version 1 made them: fresh objects
    on every call, since a column belongs to one table. Later versions add to them."""
    return [
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("country", Text, nullable=False),
        Column("country_key", Text, nullable=False),
        Column("iso3", Text),
        Column("year", Integer),
        Column("date", Text),
        Column("when_key", Text, nullable=False),
        Column("round", Text),
        Column("round_key", Text, nullable=False),
        Column("version", Integer, nullable=False),
        Column("assessed_by", Text),
        Column("source", Text),
        Column("saved_at", DateTime(timezone=True), nullable=False),
        UniqueConstraint(
            "country_key", "when_key", "round_key", "version", name="mnr_assessment_version"
        ),
    ]


def _levels_table(schema: MetaData, name: str, item: str) -> Table:
    """The levels of one kind of item (``capability`` or ``enabler``), unchanged since
    schema version 1; capabilities also keep their domain."""
    columns = [
        Column(
            "assessment",
            Integer,
            ForeignKey("mnr_assessments.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        Column(item, Integer, primary_key=True),
    ]
    if item == "capability":
        columns.append(Column("domain", Text))
    columns += [Column("level", Integer), Column("evidence", Text), Column("confidence", Text)]
    return Table(name, schema, *columns)


assessments_table = Table(
    "mnr_assessments",
    metadata,
    *_assessment_columns_v1(),
    # Added by schema version 2:
    Column("title", Text, nullable=False, server_default=""),
    Column("content_hash", Text, nullable=False, server_default=""),
)
capability_levels_table = _levels_table(metadata, "mnr_capability_levels", "capability")
enabler_levels_table = _levels_table(metadata, "mnr_enabler_levels", "enabler")


def _schema_v1() -> MetaData:
    """The first layout: assessments and their levels, without titles or fingerprints."""
    v1 = MetaData()
    Table("mnr_schema_version", v1, Column("version", Integer, nullable=False))
    Table("mnr_assessments", v1, *_assessment_columns_v1())
    for name, item in (("mnr_capability_levels", "capability"), ("mnr_enabler_levels", "enabler")):
        _levels_table(v1, name, item)
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
    for record in _load_records(conn, ids=None):
        conn.execute(
            update(assessments_table)
            .where(a.id == record.library_id)
            .values(title=record.title, content_hash=record.content_hash)
        )


MIGRATIONS: dict[int, Callable[[Connection], None]] = {0: _migrate_0_to_1, 1: _migrate_1_to_2}


# --- engines -------------------------------------------------------------------------------


def create_library_engine(url: str) -> Engine:
    """An engine for the library at ``url`` (no connection is made yet).

    SQLite: WAL journal, a busy timeout, foreign keys on, ``BEGIN IMMEDIATE`` for writes.
    PostgreSQL: the psycopg 3 driver, a connect timeout, connections checked before use.
    Raises ``LibraryUnavailable`` for a URL that is not a usable database address.
    """
    try:
        parsed = make_url(url)
    except (sa_exc.ArgumentError, ValueError) as error:
        raise LibraryUnavailable(
            "its address is not a valid database URL (check MNR_LIBRARY_URL or [library] url "
            "in secrets.toml; for example postgresql+psycopg://user:password@host/database)"
        ) from error
    backend = parsed.get_backend_name()
    try:
        if backend == "sqlite":
            return _sqlite_engine(parsed)
        if backend in {"postgresql", "postgres"}:
            return _postgres_engine(parsed)
    except (sa_exc.ArgumentError, sa_exc.NoSuchModuleError, ImportError) as error:
        raise LibraryUnavailable(
            f"the database driver for {backend} is not installed ({type(error).__name__})"
        ) from error
    raise LibraryUnavailable(
        f"{backend} databases are not supported; use a SQLite file or PostgreSQL"
    )


def _sqlite_engine(parsed: URL) -> Engine:
    database = parsed.database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        raise LibraryUnavailable(
            "a SQLite library needs a file path (for example sqlite:////var/lib/mnr/library.db)"
        )
    engine = create_engine(
        parsed.set(drivername="sqlite+pysqlite"),
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # The driver's own transaction handling is switched off: SQLAlchemy's "begin" below
        # says BEGIN itself, so DDL is transactional too and writes can lock up front.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")
        _use_wal(cursor)
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        writing = conn.get_execution_options().get("mnr_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

    return engine


def _use_wal(cursor: Any) -> None:
    """Switch the file to WAL (it stays so); wait while another process is switching it.

    On a new file several processes may try at once, and SQLite answers "locked" at once
    there instead of waiting for the busy timeout, so the wait is done here.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).casefold() == "wal":
                return
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            busy = "locked" in str(error) or "busy" in str(error)
            if not busy or time.monotonic() > deadline:
                raise
            time.sleep(random.uniform(0.005, 0.03))  # noqa: S311


def _postgres_engine(parsed: URL) -> Engine:
    if parsed.drivername in {"postgresql", "postgres"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    query = dict(parsed.query)
    query.setdefault("connect_timeout", str(CONNECT_TIMEOUT_S))
    query.setdefault("application_name", "mnr-dashboard")
    return create_engine(parsed.set(query=query), pool_pre_ping=True, pool_size=5)


def describe_library(engine: Engine) -> str:
    """Where the library is, for people (never with a password)."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        return f"SQLite file {url.database}"
    where = url.host or "localhost"
    if url.port:
        where += f":{url.port}"
    return f"PostgreSQL database {url.database or '(default)'} on {where}"


def _sqlite_path(engine: Engine) -> Path | None:
    if engine.url.get_backend_name() != "sqlite":
        return None
    return Path(engine.url.database or "")


@contextmanager
def _writing(engine: Engine) -> Iterator[Connection]:
    """One write transaction (``BEGIN IMMEDIATE`` on SQLite), committed only if all went well."""
    with engine.connect() as conn:
        conn.execution_options(mnr_write=True)
        with conn.begin():
            yield conn


@contextmanager
def _reading(engine: Engine) -> Iterator[Connection]:
    """One read transaction: a consistent snapshot of the library."""
    with engine.connect() as conn, conn.begin():
        yield conn


@contextmanager
def _guard(engine: Engine) -> Iterator[None]:
    """Database and file-system errors become ``LibraryUnavailable`` with a plain reason."""
    try:
        yield
    except LibraryUnavailable:
        raise
    except sa_exc.DBAPIError as error:
        raise LibraryUnavailable(_plain_reason(engine, error)) from error
    except sa_exc.SQLAlchemyError as error:
        raise LibraryUnavailable(
            f"the database could not be used ({type(error).__name__})"
        ) from error
    except OSError as error:
        raise LibraryUnavailable(
            f"its folder could not be used ({error.strerror or type(error).__name__})"
        ) from error


def _plain_reason(engine: Engine, error: sa_exc.DBAPIError) -> str:
    original = str(error.orig or error).strip()
    first = original.splitlines()[0] if original else type(error).__name__
    lowered = first.casefold()
    if engine.url.get_backend_name() == "sqlite":
        where = engine.url.database
        if "unable to open database file" in lowered:
            return (
                f"the file {where} cannot be opened (check that its folder exists and is writable)"
            )
        if "not a database" in lowered or "malformed" in lowered:
            return f"the file {where} is not a readable library (it is not a SQLite database)"
        if "locked" in lowered or "busy" in lowered:
            return "the library is busy with another save; try again in a moment"
        if "readonly" in lowered or "read-only" in lowered:
            return f"the file {where} is read-only for the app"
    else:
        where = f"{engine.url.host or 'localhost'}:{engine.url.port or 5432}"
        if "password authentication failed" in lowered:
            return f"the database server at {where} refused the user name or password"
        if any(
            words in lowered
            for words in (
                "connection refused",
                "timeout expired",
                "could not translate host",
                "failed to resolve host",
                "no route to host",
            )
        ):
            return f"the database server at {where} cannot be reached ({_tail(first)})"
    if len(first) > 200:
        first = first[:199] + "…"
    return f"the database said: {first}"


def _tail(message: str) -> str:
    """The last clause of a driver's message ("…: Connection refused" -> "connection refused")."""
    tail = message.rsplit(":", 1)[-1].strip()
    return (tail[:1].lower() + tail[1:]) if tail else message


# --- schema versions -----------------------------------------------------------------------


def _stored_version(conn: Connection) -> int:
    if not inspect(conn).has_table("mnr_schema_version"):
        return 0
    value = conn.execute(select(func.max(schema_version_table.c.version))).scalar()
    return int(value or 0)


def schema_version(engine: Engine) -> int | None:
    """The library's schema version; None when a SQLite library file does not exist yet."""
    path = _sqlite_path(engine)
    if path is not None and not path.exists():
        return None
    with _guard(engine), _reading(engine) as conn:
        return _stored_version(conn)


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
    with _guard(engine):
        path = _sqlite_path(engine)
        if path is not None and not path.exists():
            if not create:
                return False
            path.parent.mkdir(parents=True, exist_ok=True)
        with _reading(engine) as conn:
            version = _stored_version(conn)
        if version == SCHEMA_VERSION:
            return True
        if version > SCHEMA_VERSION:
            raise _too_new(version)
        with _writing(engine) as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
            version = _stored_version(conn)
            if version > SCHEMA_VERSION:
                raise _too_new(version)
            while version < SCHEMA_VERSION:
                MIGRATIONS[version](conn)
                version += 1
            conn.execute(delete(schema_version_table))
            conn.execute(insert(schema_version_table).values(version=version))
    return True


# --- records: one assessment as the library keeps it ---------------------------------------


@dataclass(frozen=True)
class _Record:
    """One assessment, ready to be written (or as read back)."""

    meta: dict[str, Any]
    capabilities: list[dict[str, Any]]
    enablers: list[dict[str, Any]]
    session_id: str = ""
    library_id: int | None = None
    version: int | None = None
    title_override: str | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        return assessment_key(
            self.meta["country"], self.meta["year"], self.meta["date"], self.meta["round"]
        )

    @property
    def label(self) -> str:
        return assessment_label(pd.Series(self.meta))

    @property
    def title(self) -> str:
        return self.title_override or self.label

    @property
    def content_hash(self) -> str:
        """A fingerprint of what was assessed: metadata and every answer, not where it came from."""
        content = {
            "meta": {k: self.meta[k] for k in ("country", "iso3", "year", "date", "round")}
            | {"assessed_by": self.meta["assessed_by"]},
            # Sorted by their JSON text: a stable order that never compares None with a number.
            "capabilities": sorted(
                (
                    json.dumps(
                        [row["capability"], row["level"], row["evidence"], row["confidence"]]
                    )
                    for row in self.capabilities
                ),
            ),
            "enablers": sorted(
                (
                    json.dumps([row["enabler"], row["level"], row["evidence"], row["confidence"]])
                    for row in self.enablers
                ),
            ),
        }
        encoded = json.dumps(content, sort_keys=True, default=str, ensure_ascii=False)
        return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def assessment_key(
    country: object, year: object, date: object, round_label: object
) -> tuple[str, str, str]:
    """What makes two assessments "the same": country, date (or year), round, as normalised
    text. The same rule as the upload page's duplicate check."""
    when = _value(date)
    if when is None:
        year_value = _value(year)
        when = "" if year_value is None else str(int(year_value))
    return (
        normalise(str(_value(country) or "")),
        str(when),
        normalise(str(_value(round_label) or "")),
    )


def library_assessment_id(key: tuple[str, str, str], version: int) -> str:
    """The session id of a library assessment: stable across libraries, exports and imports."""
    raw = "|".join(("library", *key, str(version)))
    return hashlib.sha1(raw.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]


def _value(value: Any) -> Any:
    """A plain Python value for the database: None for every kind of missing."""
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        return value
    if hasattr(value, "item"):  # numpy / pandas scalars
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _int(value: Any) -> int | None:
    value = _value(value)
    return None if value is None else int(value)


def _str(value: Any) -> str | None:
    value = _value(value)
    return None if value is None else str(value)


def _records(capabilities: pd.DataFrame, enablers: pd.DataFrame) -> list[_Record]:
    """Tidy frames (any number of assessments) to records, in the frames' order."""
    if capabilities.empty:
        return []
    enablers_by_id = (
        dict(list(enablers.groupby("assessment_id", sort=False))) if not enablers.empty else {}
    )
    records = []
    for assessment_id, rows in capabilities.groupby("assessment_id", sort=False):
        first = rows.iloc[0]
        meta = {
            "country": _str(first["country"]),
            "iso3": _str(first["iso3"]),
            "year": _int(first["year"]),
            "date": _str(first["date"]),
            "round": _str(first["round"]),
            "assessed_by": _str(first["assessed_by"]),
            "source": _str(first["source"]),
        }
        if not meta["country"]:
            raise ValueError(f"Assessment {assessment_id} has no country; it cannot be saved.")
        capability_rows = [
            {
                "capability": _int(row.capability),
                "domain": _str(row.domain),
                "level": _int(row.level),
                "evidence": _str(row.evidence),
                "confidence": _str(row.confidence),
            }
            for row in rows.itertuples(index=False)
        ]
        enabler_frame = enablers_by_id.get(assessment_id)
        enabler_rows = (
            []
            if enabler_frame is None
            else [
                {
                    "enabler": _int(row.enabler),
                    "level": _int(row.level),
                    "evidence": _str(row.evidence),
                    "confidence": _str(row.confidence),
                }
                for row in enabler_frame.itertuples(index=False)
            ]
        )
        records.append(_Record(meta, capability_rows, enabler_rows, session_id=str(assessment_id)))
    return records


# --- saving --------------------------------------------------------------------------------

SaveStatus = Literal["saved", "exists", "identical"]


@dataclass(frozen=True)
class SaveOutcome:
    """What happened to one assessment on a save.

    ``saved``: written as ``version``. ``exists``: the library already has it (latest
    ``version``) with different content; nothing was written, and saving it as a new version
    is the caller's explicit choice. ``identical``: the library already has exactly this
    (as ``version``); nothing was written.
    """

    session_id: str
    label: str
    status: SaveStatus
    version: int
    library_id: int | None = None

    @property
    def message(self) -> str:
        if self.status == "saved":
            return f"{self.label}: saved as version {self.version}."
        if self.status == "identical":
            return (
                f"{self.label} is already in the library, identical to version "
                f"{self.version}: nothing new to save."
            )
        return (
            f"{self.label} is already in the library as version {self.version}. Save it as "
            f"version {self.version + 1}, or cancel."
        )


def save_assessments(
    engine: Engine,
    capabilities: pd.DataFrame,
    enablers: pd.DataFrame,
    *,
    as_new_version: bool = False,
) -> list[SaveOutcome]:
    """Save the assessments in the frames to the library, all in one transaction.

    An assessment not yet in the library is saved as version 1. One already there is not
    written: its outcome is ``exists`` (or ``identical``). With ``as_new_version`` it is saved
    as the next version instead, unless its content is identical to the latest version.
    If anything fails, nothing is saved.
    """
    records = _records(capabilities, enablers)
    if not records:
        return []
    policy: _Policy = "new-version" if as_new_version else "refuse"
    return _write_records(engine, records, policy)


_Policy = Literal["refuse", "new-version", "import"]


def _write_records(
    engine: Engine, records: Sequence[_Record], policy: _Policy
) -> list[SaveOutcome]:
    ensure_schema(engine)
    with _guard(engine):
        for attempt in range(SAVE_ATTEMPTS):
            try:
                with _writing(engine) as conn:
                    return [_save_one(conn, record, policy) for record in records]
            except sa_exc.IntegrityError as error:
                # Another process saved a version of the same assessment between our read of
                # the latest version and our insert (possible on PostgreSQL, where reads do
                # not block writers). Nothing of ours was kept: start again from a fresh read.
                if not _lost_a_race(error) or attempt == SAVE_ATTEMPTS - 1:
                    raise
                time.sleep(random.uniform(0.01, 0.05) * (attempt + 1))  # noqa: S311
    raise AssertionError("unreachable")  # pragma: no cover


def _lost_a_race(error: sa_exc.IntegrityError) -> bool:
    """Whether the error is the version constraint (a concurrent save), not bad data."""
    message = str(error.orig or error).casefold()
    return "mnr_assessment_version" in message or "mnr_assessments.country_key" in message


def _save_one(conn: Connection, record: _Record, policy: _Policy) -> SaveOutcome:
    a = assessments_table.c
    country_key, when_key, round_key = record.key
    existing = conn.execute(
        select(a.version, a.content_hash)
        .where(a.country_key == country_key, a.when_key == when_key, a.round_key == round_key)
        .order_by(a.version.desc())
    ).all()
    fingerprint = record.content_hash
    if existing:
        latest, latest_hash = existing[0]
        if policy == "import":
            same = next((v for v, h in existing if h == fingerprint), None)
            if same is not None:
                return SaveOutcome(record.session_id, record.label, "identical", same)
        elif latest_hash == fingerprint:
            return SaveOutcome(record.session_id, record.label, "identical", latest)
        elif policy == "refuse":
            return SaveOutcome(record.session_id, record.label, "exists", latest)
        version = latest + 1
    else:
        version = 1
    result = conn.execute(
        insert(assessments_table).values(
            country=record.meta["country"],
            country_key=country_key,
            iso3=record.meta["iso3"],
            year=record.meta["year"],
            date=record.meta["date"],
            when_key=when_key,
            round=record.meta["round"],
            round_key=round_key,
            version=version,
            assessed_by=record.meta["assessed_by"],
            source=record.meta["source"],
            saved_at=datetime.datetime.now(datetime.UTC),
            title=_clean_title(record.title),
            content_hash=fingerprint,
        )
    )
    library_id = int(result.inserted_primary_key[0])
    if record.capabilities:
        conn.execute(
            insert(capability_levels_table),
            [{"assessment": library_id, **row} for row in record.capabilities],
        )
    if record.enablers:
        conn.execute(
            insert(enabler_levels_table),
            [{"assessment": library_id, **row} for row in record.enablers],
        )
    return SaveOutcome(record.session_id, record.label, "saved", version, library_id)


# --- listing, opening, renaming, deleting --------------------------------------------------


def list_assessments(engine: Engine) -> pd.DataFrame:
    """Every assessment in the library (every version), one row each, in ``LIST_COLUMNS``.

    ``latest`` marks the newest version of each assessment, ``versions`` counts them;
    ``assessed`` and ``total`` count capabilities with a level and capabilities in all.
    An empty frame when the library is empty or its SQLite file does not exist yet.
    """
    if not ensure_schema(engine, create=False):
        return _empty_listing()
    a = assessments_table.c
    levels = capability_levels_table.c
    counts = (
        select(
            levels.assessment,
            func.count().label("total"),
            func.count(levels.level).label("assessed"),
        )
        .group_by(levels.assessment)
        .subquery()
    )
    statement = (
        select(
            a.id,
            a.title,
            a.country,
            a.iso3,
            a.year,
            a.date,
            a.round,
            a.version,
            a.assessed_by,
            a.source,
            a.saved_at,
            a.country_key,
            a.when_key,
            a.round_key,
            counts.c.assessed,
            counts.c.total,
        )
        .select_from(assessments_table.outerjoin(counts, counts.c.assessment == a.id))
        .order_by(a.country_key, a.when_key, a.round_key, a.version)
    )
    with _guard(engine), _reading(engine) as conn:
        rows = conn.execute(statement).mappings().all()
    if not rows:
        return _empty_listing()
    frame = pd.DataFrame([dict(row) for row in rows])
    keys = frame[["country_key", "when_key", "round_key"]].astype(str).agg("|".join, axis=1)
    frame["latest"] = frame["version"] == frame.groupby(keys)["version"].transform("max")
    frame["versions"] = frame.groupby(keys)["version"].transform("size")
    frame["saved_at"] = frame["saved_at"].map(_as_utc)
    frame = frame.rename(columns={"id": "library_id"})
    frame["assessed"] = frame["assessed"].fillna(0)
    frame["total"] = frame["total"].fillna(0)
    return _typed_listing(frame[LIST_COLUMNS])


def _empty_listing() -> pd.DataFrame:
    return _typed_listing(pd.DataFrame({column: [] for column in LIST_COLUMNS}))


def _typed_listing(frame: pd.DataFrame) -> pd.DataFrame:
    types: dict[str, str] = {
        "library_id": "int64",
        "version": "int64",
        "versions": "int64",
        "assessed": "int64",
        "total": "int64",
        "latest": "bool",
        "year": "Int64",
    }
    types.update(
        dict.fromkeys(
            ("title", "country", "iso3", "date", "round", "assessed_by", "source"), "string"
        )
    )
    typed = frame.astype(types)
    typed["saved_at"] = pd.to_datetime(typed["saved_at"], utc=True)
    return typed.reset_index(drop=True)


def _as_utc(value: Any) -> datetime.datetime | None:
    if value is None or (not isinstance(value, datetime.datetime) and pd.isna(value)):
        return None
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value)
    if value.tzinfo is None:  # SQLite keeps the UTC time without its zone
        return value.replace(tzinfo=datetime.UTC)
    return value.astimezone(datetime.UTC)


def filter_listing(
    listing: pd.DataFrame,
    *,
    country: str | None = None,
    year: int | None = None,
    text: str | None = None,
    latest_only: bool = False,
) -> pd.DataFrame:
    """The rows of ``list_assessments`` that match every filter given.

    ``country`` matches the country as written (ignoring case and spacing), ``year`` the
    year (also of dated assessments), ``text`` any of title, country, round, assessed by and
    source (ignoring case and accents).
    """
    keep = pd.Series(True, index=listing.index)
    if country:
        keep &= listing["country"].fillna("").map(normalise) == normalise(country)
    if year is not None:
        keep &= listing["year"].astype("Int64").eq(int(year)).fillna(False)
    if text and text.strip():
        wanted = normalise(text)
        haystack = (
            listing[["title", "country", "iso3", "round", "assessed_by", "source"]]
            .astype("string")
            .fillna("")
            .agg(" ".join, axis=1)
            .map(normalise)
        )
        keep &= haystack.str.contains(wanted, regex=False)
    if latest_only:
        keep &= listing["latest"]
    return listing[keep].reset_index(drop=True)


def filter_choices(listing: pd.DataFrame) -> tuple[list[str], list[int]]:
    """The countries (alphabetically) and years (newest first) a listing can be filtered by."""
    if listing.empty:
        return [], []
    countries = sorted(set(listing["country"].dropna().astype(str)), key=str.casefold)
    years = sorted({int(y) for y in listing["year"].dropna()}, reverse=True)
    return countries, years


def listing_table(listing: pd.DataFrame) -> pd.DataFrame:
    """The listing with the headers and words a person reads."""
    total = listing["total"]
    return pd.DataFrame(
        {
            "Title": listing["title"],
            "Country": listing["country"],
            "Date or year": listing["date"].fillna(listing["year"].astype("string")),
            "Round": listing["round"],
            "Version": [
                f"{v} (latest)" if latest and count > 1 else str(v)
                for v, latest, count in zip(
                    listing["version"], listing["latest"], listing["versions"], strict=True
                )
            ],
            "Capabilities assessed": [
                f"{a} of {t}" for a, t in zip(listing["assessed"], total, strict=True)
            ],
            "Assessed by": listing["assessed_by"],
            "Saved (UTC)": listing["saved_at"].dt.strftime("%Y-%m-%d %H:%M"),
        }
    ).fillna({"Round": "–", "Assessed by": "–", "Date or year": "–"})


def listing_labels(listing: pd.DataFrame) -> dict[int, str]:
    """Library id -> "Title · version n" for pickers."""
    return {
        int(library_id): f"{title} · version {version}"
        for library_id, title, version in zip(
            listing["library_id"], listing["title"], listing["version"], strict=True
        )
    }


def open_assessments(
    engine: Engine, library_ids: Iterable[int]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The chosen library assessments as tidy capability and enabler frames.

    Each gets a session id from its country, date, round and version
    (``library_assessment_id``), and a source naming its library version.
    """
    wanted = sorted({int(i) for i in library_ids})
    if not wanted or not ensure_schema(engine, create=False):
        return _typed(pd.DataFrame(columns=CAPABILITY_COLUMNS)), _typed(
            pd.DataFrame(columns=ENABLER_COLUMNS)
        )
    with _guard(engine), _reading(engine) as conn:
        records = _load_records(conn, ids=wanted)
    return _frames(records)


def _load_records(conn: Connection, ids: Sequence[int] | None) -> list[_Record]:
    """Records (with library id and version) for the given ids, or for all when None."""
    a = assessments_table.c
    columns = [
        a.id,
        a.country,
        a.iso3,
        a.year,
        a.date,
        a.round,
        a.assessed_by,
        a.source,
        a.version,
        a.title,
    ]
    statement = select(*columns).order_by(a.country_key, a.when_key, a.round_key, a.version)
    caps = capability_levels_table.c
    ens = enabler_levels_table.c
    cap_statement = select(
        caps.assessment, caps.capability, caps.domain, caps.level, caps.evidence, caps.confidence
    ).order_by(caps.assessment, caps.capability)
    en_statement = select(
        ens.assessment, ens.enabler, ens.level, ens.evidence, ens.confidence
    ).order_by(ens.assessment, ens.enabler)
    if ids is not None:
        statement = statement.where(a.id.in_(ids))
        cap_statement = cap_statement.where(caps.assessment.in_(ids))
        en_statement = en_statement.where(ens.assessment.in_(ids))
    heads = conn.execute(statement).mappings().all()
    by_id: dict[int, tuple[list[dict[str, Any]], list[dict[str, Any]]]] = {
        int(head["id"]): ([], []) for head in heads
    }
    for row in conn.execute(cap_statement).mappings():
        if int(row["assessment"]) in by_id:
            by_id[int(row["assessment"])][0].append(
                {k: row[k] for k in ("capability", "domain", "level", "evidence", "confidence")}
            )
    for row in conn.execute(en_statement).mappings():
        if int(row["assessment"]) in by_id:
            by_id[int(row["assessment"])][1].append(
                {k: row[k] for k in ("enabler", "level", "evidence", "confidence")}
            )
    records = []
    for head in heads:
        meta = {
            k: head[k]
            for k in ("country", "iso3", "year", "date", "round", "assessed_by", "source")
        }
        capability_rows, enabler_rows = by_id[int(head["id"])]
        records.append(
            _Record(
                meta,
                capability_rows,
                enabler_rows,
                library_id=int(head["id"]),
                version=int(head["version"]),
                title_override=head["title"] or None,
            )
        )
    return records


def _frames(records: Sequence[_Record]) -> tuple[pd.DataFrame, pd.DataFrame]:
    capability_rows: list[dict[str, Any]] = []
    enabler_rows: list[dict[str, Any]] = []
    for record in records:
        version = record.version or 1
        origin = f"Library{SOURCE_SEPARATOR}version {version}"
        if record.meta["source"]:
            origin += f" (from {record.meta['source']})"
        head = {
            "assessment_id": library_assessment_id(record.key, version),
            **{k: record.meta[k] for k in ("country", "iso3", "year", "date", "round")},
            "assessed_by": record.meta["assessed_by"],
            "source": origin,
        }
        capability_rows += [head | row for row in record.capabilities]
        enabler_rows += [head | row for row in record.enablers]
    capabilities = pd.DataFrame(capability_rows, columns=CAPABILITY_COLUMNS, dtype=object)
    enablers = pd.DataFrame(enabler_rows, columns=ENABLER_COLUMNS, dtype=object)
    return _typed(capabilities), _typed(enablers)


_INT_COLUMNS = ("year", "capability", "enabler", "level")


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """The data contract's dtypes: nullable integers, text as "string" with <NA>."""
    types = {c: ("Int64" if c in _INT_COLUMNS else "string") for c in frame.columns}
    return frame.astype(types).reset_index(drop=True)


def _clean_title(title: str) -> str:
    cleaned = " ".join(str(title).split())
    if not cleaned:
        raise ValueError("A title cannot be empty.")
    return cleaned[:MAX_TITLE_CHARS]


def rename_assessment(engine: Engine, library_id: int, title: str) -> bool:
    """Give one library assessment (one version) a new title; False when it is not there.

    Raises ``ValueError`` for an empty title; a very long one is cut to ``MAX_TITLE_CHARS``.
    """
    cleaned = _clean_title(title)
    if not ensure_schema(engine, create=False):
        return False
    a = assessments_table.c
    with _guard(engine), _writing(engine) as conn:
        result = conn.execute(
            update(assessments_table).where(a.id == int(library_id)).values(title=cleaned)
        )
        return bool(result.rowcount)


def delete_assessments(engine: Engine, library_ids: Iterable[int]) -> int:
    """Delete library assessments (with their levels) in one transaction; how many went."""
    wanted = sorted({int(i) for i in library_ids})
    if not wanted or not ensure_schema(engine, create=False):
        return 0
    with _guard(engine), _writing(engine) as conn:
        # Children first, so this does not depend on the database enforcing ON DELETE CASCADE.
        conn.execute(
            delete(capability_levels_table).where(capability_levels_table.c.assessment.in_(wanted))
        )
        conn.execute(
            delete(enabler_levels_table).where(enabler_levels_table.c.assessment.in_(wanted))
        )
        result = conn.execute(delete(assessments_table).where(assessments_table.c.id.in_(wanted)))
        return int(result.rowcount)


# --- export and import ---------------------------------------------------------------------

EXPORT_SHEET = "Library"
EXPORT_HEADERS = (
    "Country",
    "ISO3",
    "Year",
    "Date",
    "Round",
    "Assessed by",
    "Capability",
    "Level",
    "Evidence",
    "Confidence",
    "Library title",  # not a column the reader knows: it is ignored there, and read on import
)
_VERSION_SHEET = re.compile(rf"^{EXPORT_SHEET}(?: v(?P<version>\d+))?$", re.IGNORECASE)
_INSTRUCTIONS = (
    "MNR Dashboard: the assessment library, exported",
    "",
    "Each Library sheet is a long table: one row per country, date or year, round and "
    "capability (enablers are written E1 to E7 in the Capability column).",
    "The sheet Library holds the first version of every assessment; Library v2 the second "
    "versions, and so on.",
    "A blank level means the capability was not assessed.",
    "Upload this workbook on the upload page to look at it, or import it on the library page "
    "to bring it into another library (identical assessments are not imported twice).",
)


def export_sheet_name(version: int) -> str:
    return EXPORT_SHEET if version == 1 else f"{EXPORT_SHEET} v{version}"


def export_workbook(engine: Engine) -> bytes:
    """The whole library as an xlsx workbook that ``read_assessment_file`` reads back.

    Text is written as text (never as a formula), whatever it starts with.
    """
    records: list[_Record] = []
    if ensure_schema(engine, create=False):
        with _guard(engine), _reading(engine) as conn:
            records = _load_records(conn, ids=None)
    workbook = Workbook()
    info = workbook.active
    info.title = "Instructions"
    for line in _INSTRUCTIONS:
        info.append([line])
    info["A1"].font = Font(bold=True, size=14)
    info.column_dimensions["A"].width = 110
    by_version: dict[int, list[_Record]] = {}
    for record in records:
        by_version.setdefault(record.version or 1, []).append(record)
    for version in sorted(by_version) or [1]:
        sheet = workbook.create_sheet(export_sheet_name(version))
        _write_row(sheet, 1, EXPORT_HEADERS)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        row = 2
        for record in by_version.get(version, []):
            m = record.meta
            head = [m["country"], m["iso3"], m["year"], m["date"], m["round"], m["assessed_by"]]
            for item in record.capabilities:
                values = [item["capability"], item["level"], item["evidence"], item["confidence"]]
                _write_row(sheet, row, [*head, *values, record.title])
                row += 1
            for item in record.enablers:
                values = [
                    f"E{item['enabler']}",
                    item["level"],
                    item["evidence"],
                    item["confidence"],
                ]
                _write_row(sheet, row, [*head, *values, record.title])
                row += 1
        for letter, width in zip(
            "ABCDEFGHIJK", (18, 7, 7, 12, 14, 18, 11, 7, 50, 11, 30), strict=True
        ):
            sheet.column_dimensions[letter].width = width
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_row(sheet: Any, row: int, values: Sequence[Any]) -> None:
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # text stays text: "=..." in evidence is never a formula


@dataclass(frozen=True)
class ImportOutcome:
    """What an import read (with its problems) and what happened to each assessment."""

    read: ReadResult
    outcomes: tuple[SaveOutcome, ...] = field(default_factory=tuple)

    @property
    def saved(self) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == "saved")

    @property
    def already_there(self) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == "identical")


def import_workbook(engine: Engine, name: str, data: bytes, framework: Framework) -> ImportOutcome:
    """Bring the assessments of a workbook into the library, in one transaction.

    Any workbook the reader reads will do; an export of a library keeps its versions (in
    order) and titles. An assessment identical to a version already in the library is not
    imported again; one that differs becomes the next version of it.
    """
    result = read_assessment_file(name, data, framework)
    if result.capabilities.empty:
        return ImportOutcome(result)
    titles = _export_titles(name, data)
    records = []
    for record in _records(result.capabilities, result.enablers):
        sheet = (record.meta["source"] or "").rpartition(SOURCE_SEPARATOR)[2]
        match = _VERSION_SHEET.match(sheet.strip())
        version = int(match.group("version") or 1) if match else 1
        title = titles.get((sheet, record.key))
        records.append((version, _with(record, title_override=title)))
    ordered = [record for _, record in sorted(records, key=lambda pair: pair[0])]
    return ImportOutcome(result, tuple(_write_records(engine, ordered, "import")))


def _with(record: _Record, **changes: Any) -> _Record:
    return _Record(
        record.meta,
        record.capabilities,
        record.enablers,
        session_id=changes.get("session_id", record.session_id),
        library_id=record.library_id,
        version=record.version,
        title_override=changes.get("title_override", record.title_override),
    )


def _export_titles(name: str, data: bytes) -> dict[tuple[str, tuple[str, str, str]], str]:
    """Titles from the "Library title" column of a library export; empty for other files."""
    try:
        if check_upload(name, data) != "xlsx":
            return {}
        workbook = load_workbook(
            io.BytesIO(data), read_only=True, data_only=True, keep_links=False, keep_vba=False
        )
    except (FileRejected, OSError, ValueError, KeyError):
        return {}
    titles: dict[tuple[str, tuple[str, str, str]], str] = {}
    try:
        for sheet in workbook.worksheets:
            if not _VERSION_SHEET.match(sheet.title.strip()):
                continue
            rows = sheet.iter_rows(values_only=True)
            header = [str(v).strip() if v is not None else "" for v in next(rows, ())]
            if header[: len(EXPORT_HEADERS)] != list(EXPORT_HEADERS):
                continue
            for values in rows:
                row = dict(zip(EXPORT_HEADERS, values, strict=False))
                title = row.get("Library title")
                if not row.get("Country") or not title:
                    continue
                key = assessment_key(row["Country"], row["Year"], row["Date"], row["Round"])
                titles.setdefault((sheet.title, key), str(title))
    except Exception:  # noqa: BLE001
        # Titles are a nicety: a workbook that the reader accepted but this pass cannot read
        # (damaged, unusual) is imported with titles made from country, date and round.
        return {}
    finally:
        workbook.close()
    return titles


# --- what a session can save -----------------------------------------------------------------

SAVEABLE_ORIGINS = frozenset({"upload"})


def saveable_assessments(capabilities: pd.DataFrame) -> dict[str, str]:
    """Session id -> label of the session's assessments that can go into the library.

    Uploads only: the fictional demo never goes into a library, and assessments opened from
    the library are there already.
    """
    if capabilities.empty or "origin" not in capabilities.columns:
        return {}
    rows = capabilities[capabilities["origin"].isin(SAVEABLE_ORIGINS)]
    if rows.empty:
        return {}
    return unique_assessment_labels(rows.drop_duplicates("assessment_id"))


def only(frame: pd.DataFrame, assessment_ids: Iterable[str]) -> pd.DataFrame:
    """The rows of the given assessments, without the session's ``origin`` column."""
    wanted = set(assessment_ids)
    rows = frame[frame["assessment_id"].isin(wanted)]
    return rows.drop(columns=["origin"], errors="ignore").reset_index(drop=True)
