"""Live workshops on PostgreSQL (as several replicas share it): the same checks as on SQLite.

They need ``MNR_TEST_POSTGRES_URL`` (``bash scripts/test.sh`` starts a throwaway server);
without it they are skipped, saying so, except in CI, where they fail.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests import workshop_support

POSTGRES_URL = os.environ.get("MNR_TEST_POSTGRES_URL", "").strip()


@pytest.fixture(autouse=True, scope="module")
def _require_postgres() -> None:
    if POSTGRES_URL:
        return
    reason = (
        "MNR_TEST_POSTGRES_URL is not set, so there is no PostgreSQL to test shared workshops "
        "with: run `bash scripts/test.sh`, or set it to a postgresql+psycopg:// test database"
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


def test_a_whole_workshop_survives_a_restart(pg_url):
    workshop_support.check_a_whole_workshop(pg_url)


def test_forty_phones_voting_at_once_lose_nothing(pg_url):
    workshop_support.check_simultaneous_votes(pg_url)


def test_limits_hold(pg_url, monkeypatch):
    workshop_support.check_limits(pg_url, monkeypatch)


def test_an_older_library_takes_a_workshop(pg_url):
    workshop_support.check_workshop_in_an_older_library(pg_url)


def test_who_is_in_the_room(pg_url):
    workshop_support.check_who_is_in_the_room(pg_url)


def test_a_participant_s_page_polls_the_room_and_their_own_ballot(pg_url):
    workshop_support.check_a_participant_s_own_pulse(pg_url)
