"""The assessment library on SQLite (always run): saving, versions, integrity, export, migration."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from components.framework.model import default_framework
from components.ingest.collection import Collection, add_assessments, summarise
from components.ingest.demo import load_demo
from components.ingest.workbook import CAPABILITY_COLUMNS, ENABLER_COLUMNS, read_assessment_file
from components.library import store
from components.library.access import sqlite_url
from tests import library_support
from tests.library_support import assessment, many

COMPARED = [c for c in CAPABILITY_COLUMNS if c not in ("assessment_id", "source")]
COMPARED_ENABLERS = [c for c in ENABLER_COLUMNS if c not in ("assessment_id", "source")]


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "library.sqlite3"


@pytest.fixture
def engine(library_path: Path):
    engine = store.create_library_engine(sqlite_url(library_path))
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def demo():
    return load_demo(default_framework())


def _first_changed(demo) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The demo's first assessment with other levels: the same assessment, a new version."""
    first = [demo.capabilities["assessment_id"].iloc[0]]
    capabilities = store.only(demo.capabilities, first)
    capabilities["level"] = pd.array([1] * len(capabilities), dtype="Int64")
    return capabilities, store.only(demo.enablers, first)


def _sorted(frame: pd.DataFrame, columns: list[str], item: str) -> pd.DataFrame:
    return frame[columns].sort_values(["country", "year", item]).reset_index(drop=True)


# --- the file and its settings ---------------------------------------------------------------


def test_looking_creates_nothing_and_the_first_save_creates_the_file(engine, library_path):
    assert store.schema_version(engine) is None
    assert store.list_assessments(engine).empty
    assert list(store.list_assessments(engine).columns) == store.LIST_COLUMNS
    capabilities, enablers = store.open_assessments(engine, [1])
    assert capabilities.empty
    assert enablers.empty
    assert not library_path.exists()
    assert not library_path.parent.exists()

    store.save_assessments(engine, *assessment("Zembla", 2024, 2))
    assert library_path.exists()
    assert store.schema_version(engine) == store.SCHEMA_VERSION


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout_and_foreign_keys(engine):
    store.ensure_schema(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == store.BUSY_TIMEOUT_MS
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


# --- saving, versions, duplicates -------------------------------------------------------------


def test_saved_assessments_open_exactly_as_they_were(engine, demo):
    outcomes = store.save_assessments(engine, demo.capabilities, demo.enablers)
    assert [o.status for o in outcomes] == ["saved"] * 20
    assert {o.version for o in outcomes} == {1}

    listing = store.list_assessments(engine)
    assert len(listing) == 20
    assert listing["latest"].all()
    assert (listing["total"] == 21).all()
    capabilities, enablers = store.open_assessments(engine, listing["library_id"])
    pd.testing.assert_frame_equal(
        _sorted(capabilities, COMPARED, "capability"),
        _sorted(demo.capabilities, COMPARED, "capability"),
    )
    pd.testing.assert_frame_equal(
        _sorted(enablers, COMPARED_ENABLERS, "enabler"),
        _sorted(demo.enablers, COMPARED_ENABLERS, "enabler"),
    )
    assert capabilities["source"].str.startswith("Library › version 1").all()


def test_opened_assessments_plug_into_a_collection_as_library(engine, demo):
    store.save_assessments(engine, demo.capabilities, demo.enablers)
    listing = store.list_assessments(engine)
    capabilities, enablers = store.open_assessments(engine, listing["library_id"][:3])
    collection = add_assessments(Collection(), capabilities, enablers, "library")
    assert collection.count("library") == 3
    assert set(summarise(collection)["origin"]) == {"library"}
    # The ids are stable: opening the same assessments again replaces them, never doubles.
    again, again_enablers = store.open_assessments(engine, listing["library_id"][:3])
    assert add_assessments(collection, again, again_enablers, "library").count() == 3


def test_saving_the_same_assessment_again_is_refused_unless_a_new_version_is_asked_for(engine):
    first = assessment("Zembla", 2024, 2)
    (saved,) = store.save_assessments(engine, *first)
    assert (saved.status, saved.version) == ("saved", 1)

    (identical,) = store.save_assessments(engine, *first)
    assert identical.status == "identical"
    assert "identical to version 1" in identical.message

    changed = assessment("zembla ", 2024, 3)  # same country, other spelling, other levels
    (refused,) = store.save_assessments(engine, *changed)
    assert (refused.status, refused.version) == ("exists", 1)
    assert "already in the library as version 1" in refused.message
    assert "version 2" in refused.message
    assert len(store.list_assessments(engine)) == 1

    (new_version,) = store.save_assessments(engine, *changed, as_new_version=True)
    assert (new_version.status, new_version.version) == ("saved", 2)
    (again,) = store.save_assessments(engine, *changed, as_new_version=True)
    assert again.status == "identical"  # a new version is never a copy of the latest

    listing = store.list_assessments(engine)
    assert list(listing["version"]) == [1, 2]
    assert list(listing["latest"]) == [False, True]
    assert list(listing["versions"]) == [2, 2]


def test_the_database_itself_refuses_a_duplicate_version(engine):
    store.save_assessments(engine, *assessment("Zembla", 2024, 2))
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO mnr_assessments (country, country_key, year, when_key, round_key, "
                "version, saved_at, title, content_hash) VALUES ('ZEMBLA', 'zembla', 2024, "
                "'2024', '', 1, '2024-01-01 00:00:00', 'copy', 'x')"
            )
        )


def test_a_save_that_fails_half_way_saves_nothing(engine):
    good, good_enablers = assessment("Good", 2024, 2)
    bad, bad_enablers = assessment("Bad", 2024, 2)
    bad = pd.concat([bad, bad.iloc[[0]]], ignore_index=True)  # capability 1 twice
    with pytest.raises(store.LibraryUnavailable):
        store.save_assessments(
            engine,
            pd.concat([good, bad], ignore_index=True),
            pd.concat([good_enablers, bad_enablers], ignore_index=True),
        )
    assert store.list_assessments(engine).empty


def test_a_facilitator_finds_monday_s_eight_assessments_on_friday(library_path, demo):
    eight = demo.capabilities["assessment_id"].drop_duplicates()[:8]
    monday = store.create_library_engine(sqlite_url(library_path))
    outcomes = store.save_assessments(
        monday, store.only(demo.capabilities, eight), store.only(demo.enablers, eight)
    )
    assert len(outcomes) == 8
    monday.dispose()  # the laptop is switched off

    friday = store.create_library_engine(sqlite_url(library_path))
    listing = store.list_assessments(friday)
    assert len(listing) == 8
    capabilities, _ = store.open_assessments(friday, listing["library_id"])
    assert capabilities["assessment_id"].nunique() == 8
    friday.dispose()


# --- listing, renaming, deleting ----------------------------------------------------------------


def test_filters_by_country_year_text_and_latest(engine, demo):
    store.save_assessments(engine, demo.capabilities, demo.enablers)
    store.save_assessments(engine, *_first_changed(demo), as_new_version=True)
    listing = store.list_assessments(engine)
    countries, years = store.filter_choices(listing)
    assert countries[0] == "Arvenia"
    assert years == sorted(years, reverse=True)

    arvenia = store.filter_listing(listing, country="arvenia")
    assert set(arvenia["country"]) == {"Arvenia"}
    assert set(store.filter_listing(listing, year=2019)["year"]) == {2019}
    assert len(store.filter_listing(listing, text="BASELINE")) == len(
        listing[listing["round"].str.casefold() == "baseline"]
    )
    assert store.filter_listing(listing, text="no such thing").empty
    latest = store.filter_listing(listing, country="Arvenia", latest_only=True)
    assert len(latest) == len(arvenia) - 1
    table = store.listing_table(listing)
    assert list(table.columns)[:3] == ["Title", "Country", "Date or year"]


def test_rename_and_delete(engine):
    store.save_assessments(engine, *many("Country", 3))
    listing = store.list_assessments(engine)
    first = int(listing["library_id"][0])
    assert store.rename_assessment(engine, first, "  Workshop   baseline ")
    assert store.list_assessments(engine)["title"][0] == "Workshop baseline"
    with pytest.raises(ValueError, match="empty"):
        store.rename_assessment(engine, first, "   ")
    assert not store.rename_assessment(engine, 9999, "Nobody")

    assert store.delete_assessments(engine, listing["library_id"][:2]) == 2
    assert len(store.list_assessments(engine)) == 1
    with engine.connect() as conn:
        left = conn.execute(text("SELECT count(*) FROM mnr_capability_levels")).scalar()
    assert left == 21  # the levels went with their assessments


def test_only_uploads_can_be_saved(demo):
    collection = add_assessments(Collection(), demo.capabilities, demo.enablers, "demo")
    upload, upload_enablers = assessment("Zembla", 2024, 2)
    collection = add_assessments(collection, upload, upload_enablers, "upload")
    assert list(store.saveable_assessments(collection.capabilities).values()) == ["Zembla 2024"]
    assert store.saveable_assessments(Collection().capabilities) == {}


# --- export and import --------------------------------------------------------------------------


def test_export_is_a_workbook_the_reader_reads_back(engine, demo):
    framework = default_framework()
    capabilities = demo.capabilities.copy()
    capabilities.loc[0, "evidence"] = "=HYPERLINK('http://example.invalid')"
    store.save_assessments(engine, capabilities, demo.enablers)
    store.save_assessments(engine, *_first_changed(demo), as_new_version=True)

    result = read_assessment_file("library.xlsx", store.export_workbook(engine), framework)
    assert result.problems == ()
    assert result.capabilities["assessment_id"].nunique() == 21  # 20, and a second version
    assert set(result.capabilities["source"].str.split(" › ").str[1]) == {"Library", "Library v2"}
    version_1 = result.capabilities[result.capabilities["source"] == "library.xlsx › Library"]
    pd.testing.assert_frame_equal(
        _sorted(version_1, COMPARED, "capability"), _sorted(capabilities, COMPARED, "capability")
    )
    assert "=HYPERLINK('http://example.invalid')" in set(version_1["evidence"].dropna())


def test_import_brings_back_versions_and_titles_once(engine, tmp_path, demo):
    framework = default_framework()
    store.save_assessments(engine, demo.capabilities, demo.enablers)
    store.save_assessments(engine, *_first_changed(demo), as_new_version=True)
    store.rename_assessment(engine, int(store.list_assessments(engine)["library_id"][0]), "Renamed")
    exported = store.export_workbook(engine)

    other = store.create_library_engine(sqlite_url(tmp_path / "other.sqlite3"))
    first = store.import_workbook(other, "library.xlsx", exported, framework)
    assert (first.saved, first.already_there) == (21, 0)
    original = store.list_assessments(engine).drop(columns=["library_id", "saved_at", "source"])
    copied = store.list_assessments(other).drop(columns=["library_id", "saved_at", "source"])
    pd.testing.assert_frame_equal(original, copied)

    second = store.import_workbook(other, "library.xlsx", exported, framework)
    assert (second.saved, second.already_there) == (0, 21)
    assert len(store.list_assessments(other)) == 21
    other.dispose()


def test_import_of_a_file_that_is_not_a_workbook_saves_nothing(engine):
    outcome = store.import_workbook(engine, "notes.xlsx", b"not a workbook", default_framework())
    assert outcome.outcomes == ()
    assert outcome.read.has_errors
    assert not Path(engine.url.database).exists()


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
    with pytest.raises(store.LibraryUnavailable, match=reason):
        store.list_assessments(store.create_library_engine(url))


def test_a_folder_the_app_cannot_make_gives_a_plain_reason(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("a file where the library's folder should be")
    engine = store.create_library_engine(sqlite_url(blocker / "library.sqlite3"))
    with pytest.raises(store.LibraryUnavailable, match="folder could not be used"):
        store.save_assessments(engine, *assessment("Zembla", 2024, 2))


def test_a_file_that_is_not_a_library_gives_a_plain_reason(tmp_path):
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"this is a text file, not a database" * 100)
    engine = store.create_library_engine(sqlite_url(path))
    with pytest.raises(store.LibraryUnavailable, match="not a readable library"):
        store.list_assessments(engine)


def test_a_library_from_a_newer_app_is_refused(engine, library_path):
    store.save_assessments(engine, *assessment("Zembla", 2024, 2))
    with sqlite3.connect(library_path) as raw:
        raw.execute("UPDATE mnr_schema_version SET version = 99")
    with pytest.raises(store.LibraryUnavailable, match="newer version of this app"):
        store.list_assessments(engine)


# --- migration, crash, concurrency ----------------------------------------------------------------


def test_a_library_of_the_previous_schema_version_opens_and_keeps_its_data(library_path):
    library_path.parent.mkdir(parents=True)
    library_support.check_migration_from_version_1(sqlite_url(library_path))


def test_a_writer_killed_mid_transaction_leaves_the_library_intact(library_path):
    library_support.check_killed_writer_leaves_library_intact(sqlite_url(library_path))


def test_concurrent_writers_lose_nothing_and_duplicate_nothing(library_path, tmp_path):
    library_support.check_concurrent_writers_lose_nothing(sqlite_url(library_path), tmp_path / "go")


@pytest.mark.parametrize(
    "url", ["postgres://u:secret@db.internal/mnr", "postgresql://u:secret@db.internal:5433/mnr"]
)
def test_postgresql_urls_use_psycopg_3_with_a_connect_timeout(url):
    engine = store.create_library_engine(url)  # no connection is made here
    assert engine.url.drivername == "postgresql+psycopg"
    assert engine.url.query["connect_timeout"] == str(store.CONNECT_TIMEOUT_S)
    assert store.describe_library(engine).startswith("PostgreSQL database mnr on db.internal")
    assert "secret" not in store.describe_library(engine)
