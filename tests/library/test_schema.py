"""The library's schema: made on the first save only, migrated forward, kept by the database."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from components.library.access import sqlite_url
from components.library.database import LibraryUnavailable
from components.library.schema import SCHEMA_VERSION, ensure_schema
from components.library.store import (
    LIST_COLUMNS,
    list_assessments,
    open_assessments,
    save_assessments,
)
from components.library.visibility import EDITOR
from tests import library_support
from tests.library_support import assessment


def test_looking_creates_nothing_and_the_first_save_creates_the_file(engine, library_path):
    assert not ensure_schema(engine, create=False)
    assert list_assessments(engine, viewer=EDITOR).empty
    assert list(list_assessments(engine, viewer=EDITOR).columns) == LIST_COLUMNS
    capabilities, enablers = open_assessments(engine, [1], viewer=EDITOR)
    assert capabilities.empty
    assert enablers.empty
    assert not library_path.exists()
    assert not library_path.parent.exists()

    save_assessments(engine, *assessment("Zembla", 2024, 2))
    assert library_path.exists()
    assert library_support.schema_version(engine) == SCHEMA_VERSION


def test_the_database_itself_refuses_a_duplicate_version(engine):
    save_assessments(engine, *assessment("Zembla", 2024, 2))
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO mnr_assessments (country, country_key, year, when_key, round_key, "
                "version, saved_at, title, content_hash) VALUES ('ZEMBLA', 'zembla', 2024, "
                "'2024', '', 1, '2024-01-01 00:00:00', 'copy', 'x')"
            )
        )


def test_a_library_from_a_newer_app_is_refused(engine, library_path):
    save_assessments(engine, *assessment("Zembla", 2024, 2))
    with sqlite3.connect(library_path) as raw:
        raw.execute("UPDATE mnr_schema_version SET version = 99")
    with pytest.raises(LibraryUnavailable, match="newer version of this app"):
        list_assessments(engine, viewer=EDITOR)


def test_a_library_of_the_previous_schema_version_opens_and_keeps_its_data(library_path):
    library_path.parent.mkdir(parents=True)
    library_support.check_migration_from_version_1(sqlite_url(library_path))


def test_a_library_of_schema_7_files_each_country_s_saves_as_one_entry(library_path):
    library_path.parent.mkdir(parents=True)
    library_support.check_schema_7_library_files_entries_by_country(sqlite_url(library_path))
