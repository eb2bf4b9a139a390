"""The library's database: engines, SQLite's settings, and plain reasons when it cannot be used."""

from __future__ import annotations

import pytest

from components.library.access import sqlite_url
from components.library.database import (
    BUSY_TIMEOUT_MS,
    CONNECT_TIMEOUT_S,
    LibraryUnavailable,
    create_library_engine,
    describe_library,
)
from components.library.schema import ensure_schema
from components.library.store import list_assessments, save_assessments
from components.library.visibility import EDITOR
from tests.library_support import assessment


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout_and_foreign_keys(engine):
    ensure_schema(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


@pytest.mark.parametrize(
    "url", ["postgres://u:secret@db.internal/mnr", "postgresql://u:secret@db.internal:5433/mnr"]
)
def test_postgresql_urls_use_psycopg_3_with_a_connect_timeout(url):
    engine = create_library_engine(url)  # no connection is made here
    assert engine.url.drivername == "postgresql+psycopg"
    assert engine.url.query["connect_timeout"] == str(CONNECT_TIMEOUT_S)
    assert describe_library(engine).startswith("PostgreSQL database mnr on db.internal")
    assert "secret" not in describe_library(engine)


# --- when the library cannot be used --------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("definitely not a url", "not a valid database URL"),
        ("mysql://user@host/db", "not supported"),
        ("sqlite://", "needs a file path"),
        ("sqlite:///:memory:", "needs a file path"),
    ],
)
def test_a_bad_url_gives_a_plain_reason(url, reason):
    with pytest.raises(LibraryUnavailable, match=reason):
        list_assessments(create_library_engine(url), viewer=EDITOR)


def test_a_folder_the_app_cannot_make_gives_a_plain_reason(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("a file where the library's folder should be")
    engine = create_library_engine(sqlite_url(blocker / "library.sqlite3"))
    with pytest.raises(LibraryUnavailable, match="folder could not be used"):
        save_assessments(engine, *assessment("Zembla", 2024, 2))


def test_a_file_that_is_not_a_library_gives_a_plain_reason(tmp_path):
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"this is a text file, not a database" * 100)
    engine = create_library_engine(sqlite_url(path))
    with pytest.raises(LibraryUnavailable, match="not a readable library"):
        list_assessments(engine, viewer=EDITOR)
