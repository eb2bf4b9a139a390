"""The assessment library on SQLite (always run): saving, versions, listing, renaming, deleting,
and integrity under a killed writer and concurrent writers."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import text

from components.ingest.collection import Collection, add_assessments, summarise
from components.library import store
from components.library.access import sqlite_url
from components.library.database import LibraryUnavailable, create_library_engine
from components.library.visibility import EDITOR
from tests import library_support
from tests.library_support import (
    COMPARED,
    COMPARED_ENABLERS,
    assessment,
    first_changed,
    many,
    sorted_rows,
)

# --- saving, versions, duplicates -------------------------------------------------------------


def test_saved_assessments_open_exactly_as_they_were(engine, demo):
    outcomes = store.save_assessments(engine, demo.capabilities, demo.enablers)
    assert [o.status for o in outcomes] == ["saved"] * 20
    assert {o.version for o in outcomes} == {1}

    listing = store.list_assessments(engine, viewer=EDITOR)
    assert len(listing) == 20
    assert listing["latest"].all()
    assert (listing["total"] == 21).all()
    capabilities, enablers = store.open_assessments(engine, listing["library_id"], viewer=EDITOR)
    pd.testing.assert_frame_equal(
        sorted_rows(capabilities, COMPARED, "capability"),
        sorted_rows(demo.capabilities, COMPARED, "capability"),
    )
    pd.testing.assert_frame_equal(
        sorted_rows(enablers, COMPARED_ENABLERS, "enabler"),
        sorted_rows(demo.enablers, COMPARED_ENABLERS, "enabler"),
    )
    assert capabilities["source"].str.startswith("Library › version 1").all()


def test_opened_assessments_plug_into_a_collection_as_library(engine, demo):
    store.save_assessments(engine, demo.capabilities, demo.enablers)
    listing = store.list_assessments(engine, viewer=EDITOR)
    capabilities, enablers = store.open_assessments(
        engine, listing["library_id"][:3], viewer=EDITOR
    )
    collection = add_assessments(Collection(), capabilities, enablers, "library")
    assert collection.count("library") == 3
    assert set(summarise(collection)["origin"]) == {"library"}
    # The ids are stable: opening the same assessments again replaces them, never doubles.
    again, again_enablers = store.open_assessments(engine, listing["library_id"][:3], viewer=EDITOR)
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
    assert len(store.list_assessments(engine, viewer=EDITOR)) == 1

    (new_version,) = store.save_assessments(engine, *changed, as_new_version=True)
    assert (new_version.status, new_version.version) == ("saved", 2)
    (again,) = store.save_assessments(engine, *changed, as_new_version=True)
    assert again.status == "identical"  # a new version is never a copy of the latest

    listing = store.list_assessments(engine, viewer=EDITOR)
    assert list(listing["version"]) == [1, 2]
    assert list(listing["latest"]) == [False, True]
    assert list(listing["versions"]) == [2, 2]


def test_saved_under_a_country_s_old_name_and_its_new_one_it_is_one_assessment(library_path):
    library_path.parent.mkdir(parents=True)
    library_support.check_new_name_is_a_new_version_of_the_old(sqlite_url(library_path))


def test_a_save_that_fails_half_way_saves_nothing(engine):
    good, good_enablers = assessment("Good", 2024, 2)
    bad, bad_enablers = assessment("Bad", 2024, 2)
    bad = pd.concat([bad, bad.iloc[[0]]], ignore_index=True)  # capability 1 twice
    with pytest.raises(LibraryUnavailable):
        store.save_assessments(
            engine,
            pd.concat([good, bad], ignore_index=True),
            pd.concat([good_enablers, bad_enablers], ignore_index=True),
        )
    assert store.list_assessments(engine, viewer=EDITOR).empty


def test_a_facilitator_finds_monday_s_eight_assessments_on_friday(library_path, demo):
    eight = demo.capabilities["assessment_id"].drop_duplicates()[:8]
    monday = create_library_engine(sqlite_url(library_path))
    outcomes = store.save_assessments(
        monday, store.only(demo.capabilities, eight), store.only(demo.enablers, eight)
    )
    assert len(outcomes) == 8
    monday.dispose()  # the laptop is switched off

    friday = create_library_engine(sqlite_url(library_path))
    listing = store.list_assessments(friday, viewer=EDITOR)
    assert len(listing) == 8
    capabilities, _ = store.open_assessments(friday, listing["library_id"], viewer=EDITOR)
    assert capabilities["assessment_id"].nunique() == 8
    friday.dispose()


# --- listing, renaming, deleting ----------------------------------------------------------------


def test_filters_by_country_year_text_and_latest(engine, demo):
    store.save_assessments(engine, demo.capabilities, demo.enablers)
    store.save_assessments(engine, *first_changed(demo), as_new_version=True)
    listing = store.list_assessments(engine, viewer=EDITOR)
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
    listing = store.list_assessments(engine, viewer=EDITOR)
    first = int(listing["library_id"][0])
    assert store.rename_assessment(engine, first, "  Workshop   baseline ")
    assert store.list_assessments(engine, viewer=EDITOR)["title"][0] == "Workshop baseline"
    with pytest.raises(ValueError, match="empty"):
        store.rename_assessment(engine, first, "   ")
    assert not store.rename_assessment(engine, 9999, "Nobody")

    assert store.delete_assessments(engine, listing["library_id"][:2]) == 2
    assert len(store.list_assessments(engine, viewer=EDITOR)) == 1
    with engine.connect() as conn:
        left = conn.execute(text("SELECT count(*) FROM mnr_capability_levels")).scalar()
    assert left == 21  # the levels went with their assessments


def test_only_uploads_can_be_saved(demo):
    collection = add_assessments(Collection(), demo.capabilities, demo.enablers, "demo")
    upload, upload_enablers = assessment("Zembla", 2024, 2)
    collection = add_assessments(collection, upload, upload_enablers, "upload")
    assert list(store.saveable_assessments(collection.capabilities).values()) == ["Zembla 2024"]
    assert store.saveable_assessments(Collection().capabilities) == {}


# --- a killed writer, concurrent writers ----------------------------------------------------------


def test_a_writer_killed_mid_transaction_leaves_the_library_intact(library_path):
    library_support.check_killed_writer_leaves_library_intact(sqlite_url(library_path))


def test_concurrent_writers_lose_nothing_and_duplicate_nothing(library_path, tmp_path):
    library_support.check_concurrent_writers_lose_nothing(sqlite_url(library_path), tmp_path / "go")
