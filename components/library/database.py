"""The library's database: engines for SQLite and PostgreSQL, transactions, plain errors.

One library per deployment (not per user). An embedded SQLite file is the default; it is
created on the first write, never by merely looking. A PostgreSQL URL makes the library
shared between several app processes (replicas).

Every write is one transaction (``writing``): a process killed half-way through a save leaves
the library as it was. SQLite runs in WAL mode with a busy timeout and foreign keys on, and
writes take the write lock up front (``BEGIN IMMEDIATE``), so concurrent savers queue instead
of failing. Database and file-system errors reach people as ``LibraryUnavailable`` with a
reason in plain words (``guard``), never with a password.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, make_url

from components.base.text import shorten

BUSY_TIMEOUT_MS = 15_000
CONNECT_TIMEOUT_S = 5


class LibraryUnavailable(Exception):  # noqa: N818 (it is a state, not a programming error)
    """The library cannot be used right now; ``reason`` says why in plain words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


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


def sqlite_path(engine: Engine) -> Path | None:
    """The library's file for a SQLite library; None for a database server."""
    if engine.url.get_backend_name() != "sqlite":
        return None
    return Path(engine.url.database or "")


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """One write transaction (``BEGIN IMMEDIATE`` on SQLite), committed only if all went well."""
    with engine.connect() as conn:
        conn.execution_options(mnr_write=True)
        with conn.begin():
            yield conn


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """One read transaction: a consistent snapshot of the library."""
    with engine.connect() as conn, conn.begin():
        yield conn


@contextmanager
def guard(engine: Engine) -> Iterator[None]:
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
    return f"the database said: {shorten(first, 200)}"


def _tail(message: str) -> str:
    """The last clause of a driver's message ("…: Connection refused" -> "connection refused")."""
    tail = message.rsplit(":", 1)[-1].strip()
    return (tail[:1].lower() + tail[1:]) if tail else message
