"""Drafts of assessments being entered in the app, on SQLite and on PostgreSQL: saved and read
back, expired, capped, unknown tokens, concurrent writers, the migration that adds them.

The PostgreSQL cases need ``MNR_TEST_POSTGRES_URL`` (``bash scripts/test.sh`` starts a
throwaway server); without it they are skipped, saying so, except in CI, where they fail.
"""

from __future__ import annotations

import datetime
import os
import threading
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, inspect, select, text
from sqlalchemy.engine import make_url

from components.library import store
from components.library.access import sqlite_url
from components.library.database import LibraryUnavailable, create_library_engine
from components.library.drafts import (
    DraftConflict,
    DraftLimits,
    DraftRefused,
    DraftUnreadable,
    count_drafts,
    delete_draft,
    delete_expired,
    draft_limits,
    is_token,
    load_draft,
    new_token,
    save_draft,
)
from components.library.schema import SCHEMA_VERSION
from components.library.tables import drafts_table
from tests import library_support

POSTGRES_URL = os.environ.get("MNR_TEST_POSTGRES_URL", "").strip()
NOW = datetime.datetime(2025, 6, 15, 12, 0, tzinfo=datetime.UTC)
LIMITS = DraftLimits(max_kb=4, max_drafts=3, expiry_days=30)
PAYLOAD = {"format": 1, "assessment_id": "entered-1", "country": "Zembla", "capabilities": {}}


def _postgres_url() -> Iterator[str]:
    if not POSTGRES_URL:
        reason = (
            "MNR_TEST_POSTGRES_URL is not set, so drafts are not tested on PostgreSQL: run "
            "`bash scripts/test.sh`, or set it to a postgresql+psycopg:// URL of a test database"
        )
        if os.environ.get("CI"):
            pytest.fail(f"The PostgreSQL tests must run in CI, but {reason}.")
        pytest.skip(reason)
    schema = f"mnr_drafts_{uuid.uuid4().hex[:12]}"
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


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path) -> Iterator[str]:
    """A library URL on each database: a SQLite file in a fresh folder, a fresh PG schema."""
    if request.param == "sqlite":
        (tmp_path / "data").mkdir()
        yield sqlite_url(tmp_path / "data" / "library.sqlite3")
    else:
        yield from _postgres_url()


@pytest.fixture
def engine(url: str) -> Iterator[Engine]:
    engine = create_library_engine(url)
    yield engine
    engine.dispose()


def later(days: float) -> datetime.datetime:
    return NOW + datetime.timedelta(days=days)


# --- save and load -------------------------------------------------------------------------------


def test_a_saved_draft_reads_back_and_each_save_replaces_it(engine):
    token = new_token()
    assert load_draft(engine, token, LIMITS) is None  # looking creates nothing
    save_draft(engine, token, PAYLOAD, LIMITS, now=NOW)
    stored = load_draft(engine, token, LIMITS, now=later(1))
    assert stored is not None
    assert stored.payload == PAYLOAD
    assert stored.used_at == NOW

    changed = {**PAYLOAD, "country": "Zembla (changed)", "evidence": "Ünïcode ✓"}
    save_draft(engine, token, changed, LIMITS, now=later(2))
    again = load_draft(engine, token, LIMITS, now=later(3))
    assert again is not None
    assert again.payload == changed
    assert count_drafts(engine) == 1


def test_the_token_itself_is_never_stored(engine):
    token = new_token()
    save_draft(engine, token, PAYLOAD, LIMITS, now=NOW)
    with engine.connect() as conn:
        keys = list(conn.execute(select(drafts_table.c.token_hash)).scalars())
    assert len(keys) == 1
    assert token not in keys[0]
    assert len(keys[0]) == 64  # its SHA-256


@pytest.mark.parametrize(
    "token",
    [
        "",
        "short",
        "x" * 200,
        "has spaces in it, 1234",
        "../../etc/passwd-0000000",
        "ok'; DROP TABLE",
    ],
)
def test_a_link_with_something_that_is_not_a_token_finds_nothing(engine, token):
    save_draft(engine, new_token(), PAYLOAD, LIMITS, now=NOW)
    assert not is_token(token)
    assert load_draft(engine, token, LIMITS, now=NOW) is None
    assert not delete_draft(engine, token)
    with pytest.raises(ValueError, match="not a draft token"):
        save_draft(engine, token, PAYLOAD, LIMITS, now=NOW)


def test_an_unknown_token_finds_nothing(engine):
    save_draft(engine, new_token(), PAYLOAD, LIMITS, now=NOW)
    assert load_draft(engine, new_token(), LIMITS, now=NOW) is None


def test_tokens_are_unguessable_and_fit_a_link():
    tokens = {new_token() for _ in range(1000)}
    assert len(tokens) == 1000
    assert all(is_token(t) and len(t) >= 22 for t in tokens)  # 128 random bits


def test_a_damaged_draft_says_so(engine):
    token = new_token()
    save_draft(engine, token, PAYLOAD, LIMITS, now=NOW)
    with engine.begin() as conn:
        conn.execute(drafts_table.update().values(payload="{not json"))
    with pytest.raises(DraftUnreadable):
        load_draft(engine, token, LIMITS, now=NOW)


def test_a_deleted_draft_is_gone(engine):
    token = new_token()
    save_draft(engine, token, PAYLOAD, LIMITS, now=NOW)
    assert delete_draft(engine, token)
    assert not delete_draft(engine, token)
    assert load_draft(engine, token, LIMITS, now=NOW) is None


# --- expiry --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("days", "kept"), [(29.9, True), (30.1, False)])
def test_a_draft_unused_for_longer_than_the_expiry_is_gone(engine, days, kept):
    token = new_token()
    save_draft(engine, token, PAYLOAD, LIMITS, now=NOW)
    assert (load_draft(engine, token, LIMITS, now=later(days)) is not None) is kept
    assert count_drafts(engine) == (1 if kept else 0)  # an expired one is deleted on sight


def test_opening_a_draft_counts_as_using_it(engine):
    token = new_token()
    save_draft(engine, token, PAYLOAD, LIMITS, now=NOW)
    assert load_draft(engine, token, LIMITS, now=later(20)) is not None
    assert load_draft(engine, token, LIMITS, now=later(45)) is not None  # 25 days after opening


def test_expired_drafts_are_cleared_for_everyone(engine):
    old, recent = new_token(), new_token()
    save_draft(engine, old, PAYLOAD, LIMITS, now=NOW)
    save_draft(engine, recent, PAYLOAD, LIMITS, now=later(20))
    assert delete_expired(engine, LIMITS, now=later(31)) == 1
    assert load_draft(engine, recent, LIMITS, now=later(31)) is not None


# --- caps ----------------------------------------------------------------------------------------


def test_a_draft_larger_than_the_limit_is_refused_and_the_stored_one_kept(engine):
    token = new_token()
    save_draft(engine, token, PAYLOAD, LIMITS, now=NOW)
    with pytest.raises(DraftRefused, match="more than the 4 KB a draft may hold") as refused:
        save_draft(engine, token, {**PAYLOAD, "evidence": "x" * 5000}, LIMITS, now=NOW)
    assert "shorten the longest evidence" in refused.value.reason
    stored = load_draft(engine, token, LIMITS, now=NOW)
    assert stored is not None
    assert stored.payload == PAYLOAD


def test_no_new_draft_past_the_limit_but_kept_drafts_still_save(engine):
    tokens = [new_token() for _ in range(3)]
    for token in tokens:
        save_draft(engine, token, PAYLOAD, LIMITS, now=NOW)
    with pytest.raises(DraftRefused, match="already keeps 3 drafts"):
        save_draft(engine, new_token(), PAYLOAD, LIMITS, now=later(1))
    assert count_drafts(engine) == 3
    save_draft(engine, tokens[0], {**PAYLOAD, "country": "still saved"}, LIMITS, now=later(2))
    # Once the old ones expire, there is room again.
    save_draft(engine, new_token(), PAYLOAD, LIMITS, now=later(31.5))
    assert count_drafts(engine) == 2


@pytest.mark.parametrize(
    ("env", "secrets", "expected"),
    [
        ({}, {}, DraftLimits(200, 2000, 30)),
        ({"MNR_DRAFT_MAX_KB": "64", "MNR_DRAFT_EXPIRY_DAYS": "7"}, {}, DraftLimits(64, 2000, 7)),
        ({}, {"draft_max_count": 50, "draft_expiry_days": "3"}, DraftLimits(200, 50, 3)),
        ({"MNR_DRAFT_MAX_COUNT": "10"}, {"draft_max_count": 50}, DraftLimits(200, 10, 30)),
        ({"MNR_DRAFT_MAX_KB": "lots", "MNR_DRAFT_MAX_COUNT": "-5"}, {}, DraftLimits()),
        ({"MNR_DRAFT_EXPIRY_DAYS": "1.5", "MNR_DRAFT_MAX_KB": "0"}, {}, DraftLimits()),
        ({"MNR_DRAFT_MAX_KB": " "}, {"draft_max_kb": "nan"}, DraftLimits()),
    ],
)
def test_limits_come_from_the_environment_then_secrets_and_typos_fall_back(env, secrets, expected):
    assert draft_limits(env, secrets) == expected


def test_a_limit_that_is_not_positive_cannot_be_made():
    with pytest.raises(ValueError, match="max_drafts"):
        DraftLimits(max_drafts=0)


# --- concurrency, availability, schema -----------------------------------------------------------


def test_concurrent_writers_to_two_drafts_lose_nothing(url):
    """Two people typing at once (two sessions, each its own draft and connection)."""
    engines = [create_library_engine(url), create_library_engine(url)]
    tokens = [new_token(), new_token()]
    limits = DraftLimits(max_drafts=10)
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def write(index: int) -> None:
        try:
            start.wait()
            for step in range(40):
                payload = {**PAYLOAD, "writer": index, "step": step}
                save_draft(engines[index], tokens[index], payload, limits)
        except BaseException as error:  # noqa: BLE001 (reported by the test below)
            errors.append(error)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    for index, token in enumerate(tokens):
        stored = load_draft(engines[0], token, limits)
        assert stored is not None
        assert (stored.payload["writer"], stored.payload["step"]) == (index, 39)
    assert count_drafts(engines[0]) == 2
    for engine in engines:
        engine.dispose()


def test_the_same_new_draft_saved_from_two_places_at_once_is_one_draft(url):
    engines = [create_library_engine(url) for _ in range(4)]
    token = new_token()
    start = threading.Barrier(4)
    errors: list[BaseException] = []

    def write(index: int) -> None:
        try:
            start.wait()
            save_draft(engines[index], token, {**PAYLOAD, "writer": index}, DraftLimits())
        except BaseException as error:  # noqa: BLE001
            errors.append(error)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert count_drafts(engines[0]) == 1
    for engine in engines:
        engine.dispose()


def test_an_unreachable_database_is_a_plain_reason(tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the library's folder should be")
    engine = create_library_engine(sqlite_url(blocked / "library.sqlite3"))
    with pytest.raises(LibraryUnavailable):
        save_draft(engine, new_token(), PAYLOAD, LIMITS)


def test_drafts_live_beside_the_library_without_touching_it(engine):
    store.save_assessments(engine, *library_support.assessment("Zembla", 2024, 2))
    save_draft(engine, new_token(), PAYLOAD, LIMITS, now=NOW)
    assert library_support.schema_version(engine) == SCHEMA_VERSION
    assert len(store.list_assessments(engine, viewer=library_support.EDITOR)) == 1


def test_a_library_of_an_earlier_version_gets_the_drafts_table(url):
    """The migration that adds drafts makes the layout the app writes, and keeps the data."""
    library_support.check_migration_from_version_1(url)
    engine = create_library_engine(url)
    columns = {c["name"]: c["nullable"] for c in inspect(engine).get_columns("mnr_drafts")}
    assert columns == {c.name: c.nullable for c in drafts_table.columns}
    indexes = {index["name"] for index in inspect(engine).get_indexes("mnr_drafts")}
    assert "mnr_drafts_used_at" in indexes
    token = new_token()
    save_draft(engine, token, PAYLOAD, LIMITS, now=NOW)
    assert load_draft(engine, token, LIMITS, now=NOW) is not None
    assert (
        len(store.list_assessments(engine, viewer=library_support.EDITOR)) == 3
    )  # two migrated, one new version
    engine.dispose()


def test_a_save_that_expects_what_it_last_saw_never_overwrites_a_change_made_elsewhere(engine):
    token = new_token()
    first = save_draft(engine, token, PAYLOAD, LIMITS, now=NOW)
    elsewhere = save_draft(
        engine, token, {**PAYLOAD, "country": "elsewhere"}, LIMITS, expected=first, now=NOW
    )
    with pytest.raises(DraftConflict) as conflict:
        save_draft(engine, token, {**PAYLOAD, "country": "here"}, LIMITS, expected=first, now=NOW)
    assert conflict.value.stored == elsewhere
    assert conflict.value.payload["country"] == "elsewhere"
    stored = load_draft(engine, token, LIMITS, now=NOW)
    assert stored is not None
    assert stored.payload["country"] == "elsewhere"
    assert stored.text == elsewhere
    # Expecting what is there now goes through; a draft deleted meanwhile is made again.
    save_draft(engine, token, {**PAYLOAD, "country": "here"}, LIMITS, expected=elsewhere, now=NOW)
    delete_draft(engine, token)
    save_draft(engine, token, PAYLOAD, LIMITS, expected=elsewhere, now=NOW)
    assert count_drafts(engine) == 1
