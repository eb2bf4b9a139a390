"""The assessment library on PostgreSQL: the store, a killed writer, concurrent writers,
migration, and two app processes (replicas) sharing one library.

They need a PostgreSQL server: ``MNR_TEST_POSTGRES_URL`` names a database the tests may
create schemas in (``bash scripts/test.sh`` starts a throwaway server with
``scripts/postgres.sh`` and sets it). Without it these tests are skipped, saying so, except in
CI (``CI`` set), where they fail: CI must prove the shared library works.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pandas as pd
import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from components.framework.model import default_framework
from components.ingest.demo import load_demo
from components.library import access, store
from components.library.database import (
    LibraryUnavailable,
    create_library_engine,
    describe_library,
)
from components.library.transfer import export_workbook, import_workbook
from components.library.visibility import EDITOR
from tests import library_support
from tests.conftest import open_page, running_app, screenshot, wait_until_idle
from tests.library_support import assessment

POSTGRES_URL = os.environ.get("MNR_TEST_POSTGRES_URL", "").strip()


@pytest.fixture(autouse=True, scope="module")
def _require_postgres() -> None:
    if POSTGRES_URL:
        return
    reason = (
        "MNR_TEST_POSTGRES_URL is not set, so there is no PostgreSQL to test the shared library "
        "with: run `bash scripts/test.sh` (it starts a throwaway server with "
        "scripts/postgres.sh), or set it to a postgresql+psycopg:// URL of a test database"
    )
    if os.environ.get("CI"):
        pytest.fail(f"The PostgreSQL tests must run in CI, but {reason}.")
    pytest.skip(reason)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A URL of the test database whose tables live in a fresh schema of their own."""
    schema = f"mnr_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(make_url(POSTGRES_URL).set(drivername="postgresql+psycopg"))
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def engine(pg_url: str) -> Iterator[Engine]:
    engine = create_library_engine(pg_url)
    yield engine
    engine.dispose()


def test_the_library_works_the_same_on_postgresql(engine):
    demo = load_demo(default_framework())
    outcomes = store.save_assessments(engine, demo.capabilities, demo.enablers)
    assert [o.status for o in outcomes] == ["saved"] * 20
    listing = store.list_assessments(engine, viewer=EDITOR)
    assert len(listing) == 20
    assert str(listing["saved_at"].dt.tz) == "UTC"
    capabilities, _ = store.open_assessments(engine, listing["library_id"], viewer=EDITOR)
    columns = ["country", "year", "round", "capability", "level", "evidence", "confidence"]
    pd.testing.assert_frame_equal(
        capabilities[columns].sort_values(columns[:4]).reset_index(drop=True),
        demo.capabilities[columns].sort_values(columns[:4]).reset_index(drop=True),
    )
    first = int(listing["library_id"][0])
    assert store.rename_assessment(engine, first, "Renamed")
    assert store.delete_assessments(engine, [int(listing["library_id"][1])]) == 1
    exported = export_workbook(engine, viewer=EDITOR)
    assert import_workbook(engine, "library.xlsx", exported, default_framework()).saved == 0
    assert describe_library(engine).startswith("PostgreSQL database")


def test_saving_twice_is_refused_or_a_new_version_on_postgresql(engine):
    (first,) = store.save_assessments(engine, *assessment("Zembla", 2024, 2))
    (again,) = store.save_assessments(engine, *assessment("Zembla", 2024, 3))
    assert (first.status, again.status, again.version) == ("saved", "exists", 1)
    (second,) = store.save_assessments(engine, *assessment("Zembla", 2024, 3), as_new_version=True)
    assert (second.status, second.version) == ("saved", 2)
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO mnr_assessments (country, country_key, year, when_key, round_key, "
                "version, saved_at, title, content_hash) VALUES ('ZEMBLA', 'zembla', 2024, "
                "'2024', '', 2, now(), 'copy', 'x')"
            )
        )


def test_an_unreachable_server_gives_a_plain_reason():
    url = make_url(POSTGRES_URL).set(port=1).render_as_string(hide_password=False)
    with pytest.raises(LibraryUnavailable, match="cannot be reached") as caught:
        store.list_assessments(create_library_engine(url), viewer=EDITOR)
    password = make_url(POSTGRES_URL).password
    assert not password or password not in caught.value.reason


def test_a_library_of_the_previous_schema_version_migrates_on_postgresql(pg_url):
    library_support.check_migration_from_version_1(pg_url)


def test_a_library_of_schema_7_files_each_country_s_saves_as_one_entry_on_postgresql(pg_url):
    library_support.check_schema_7_library_files_entries_by_country(pg_url)


def test_saved_under_a_country_s_old_name_and_new_one_it_is_one_assessment_on_postgresql(
    pg_url,
):
    library_support.check_new_name_is_a_new_version_of_the_old(pg_url)


def test_a_writer_killed_mid_transaction_leaves_the_postgresql_library_intact(pg_url):
    library_support.check_killed_writer_leaves_library_intact(pg_url)


def test_concurrent_writers_on_postgresql_lose_nothing(pg_url, tmp_path):
    library_support.check_concurrent_writers_lose_nothing(pg_url, tmp_path / "go")


# --- two replicas ------------------------------------------------------------------------------

PASSPHRASE = "two replicas one library"  # noqa: S105 (a test passphrase)


@pytest.mark.browser
def test_two_app_processes_share_one_library(pg_url, tmp_path, browser):
    """Saved through one replica, the assessment is in the library the other one shows."""
    from playwright.sync_api import expect

    upload = tmp_path / "zembla-2024.xlsx"
    upload.write_bytes(library_support.template_bytes("Zembla", 2024, level=2))
    env = {
        "MNR_LIBRARY_URL": pg_url,
        "MNR_LIBRARY_MODE": "editor",
        "MNR_EDITOR_PASSPHRASE_HASH": access.hash_passphrase(PASSPHRASE, n=2**12),
    }
    with (
        running_app("replica-a", env=env) as replica_a,
        running_app("replica-b", env=env) as replica_b,
    ):
        contexts = []
        try:
            contexts.append(browser.new_context(viewport={"width": 1280, "height": 900}))
            first = contexts[0].new_page()
            first.set_default_timeout(30_000)
            open_page(first, replica_a + "/upload")
            first.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
                str(upload)
            )
            first.get_by_role("button", name="Add 1 assessment to this session").click()
            first.wait_for_selector(
                "text=Every assessment read from these files is in this session"
            )
            # Through the app's own navigation, so the session (and its upload) is kept.
            first.locator('[data-testid="stSidebarNav"]').get_by_text("Library").click()
            first.wait_for_selector("h1:has-text('Assessment library')")
            wait_until_idle(first)
            first.get_by_text("Editors: sign in").click()
            first.get_by_label("Editor passphrase").fill(PASSPHRASE)
            first.get_by_role("button", name="Sign in").click()
            first.wait_for_selector("text=Signed in as an editor")
            # Shared with everyone: the visitor of the other replica may then see it.
            first.locator('[data-testid="stRadio"]').first.get_by_text(
                "Everyone who uses this app", exact=True
            ).click()
            wait_until_idle(first)
            first.get_by_role("button", name="Save 1 assessment to the library").click()
            first.wait_for_selector("text=Zembla 2024: saved as version 1.")
            wait_until_idle(first)
            screenshot(first, "library-replica-a-saved")

            contexts.append(browser.new_context(viewport={"width": 1280, "height": 900}))
            second = contexts[1].new_page()
            second.set_default_timeout(30_000)
            open_page(second, replica_b + "/library")
            second.wait_for_selector("text=1 assessment shared with everyone")
            shown = second.locator('[data-testid="stMain"]').inner_text()
            # Saved through replica A, listed by replica B.
            assert "1 assessment shared with everyone" in shown
            assert "PostgreSQL database" not in shown  # where it lives is for editors only
            second.get_by_role("button", name="Open all 1 shown").click()
            second.wait_for_selector("text=Opened 1 library assessment in this session")
            wait_until_idle(second)
            screenshot(second, "library-replica-b-sees-it")
            # The opened assessment is this session's now: the sidebar offers its country.
            sidebar = second.locator('[data-testid="stSidebar"]')
            expect(sidebar.get_by_role("combobox", name="Country")).to_have_value("Zembla")
        finally:
            for context in contexts:
                context.close()

    listing = store.list_assessments(engine := create_library_engine(pg_url), viewer=EDITOR)
    assert list(listing["title"]) == ["Zembla 2024"]
    assert list(listing["visibility"]) == ["everyone"]
    engine.dispose()
