"""Live workshops in a SQLite library: a whole workshop, simultaneous votes, limits, names."""

from __future__ import annotations

import pytest

from components.library import workshop_votes as votes
from components.library import workshops
from components.library.access import sqlite_url
from components.library.schema import SCHEMA_VERSION
from components.library.workshops import WorkshopError
from tests import library_support, workshop_support
from tests.workshop_support import FW, opened


def test_a_whole_workshop_survives_a_restart(library_path, engine):
    workshop_support.check_a_whole_workshop(sqlite_url(library_path))
    assert library_support.schema_version(engine) == SCHEMA_VERSION


def test_forty_phones_voting_at_once_lose_nothing(library_path):
    workshop_support.check_simultaneous_votes(sqlite_url(library_path))


def test_limits_hold(library_path, monkeypatch):
    workshop_support.check_limits(sqlite_url(library_path), monkeypatch)


def test_looking_for_a_workshop_creates_no_library(engine, library_path):
    assert workshops.find_workshop(engine, "abcdefghijklmnop") is None
    with pytest.raises(WorkshopError, match="no workshop"):
        votes.join(engine, "abcdefghijklmnop", votes.new_token())
    assert workshops.open_workshops(engine).empty
    assert not library_path.exists()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"country": "  "}, "Write the country"),
        ({"year": 1200}, "between 1990 and 2100"),
        ({"capabilities": []}, "at least one capability"),
        ({"capabilities": [1, 1]}, "each capability once"),
        ({"capabilities": [22]}, "each capability once"),
    ],
)
def test_opening_refuses_what_cannot_be_a_workshop(engine, kwargs, message):
    arguments = {"country": "Zembla", "year": 2024, "round_label": None, "capabilities": [1]}
    arguments.update(kwargs)
    with pytest.raises(WorkshopError, match=message):
        workshops.open_workshop(engine, FW, **arguments)


def test_names_are_kept_for_the_participant_and_never_beside_votes(engine):
    new = opened(engine, capabilities=[4])
    token = votes.new_token()
    assert votes.set_name(engine, new.code, token, "  Ministry   of Justice ") == (
        "Ministry of Justice"
    )
    workshop_support.vote(engine, new.code, token, 4, 3)
    assert votes.join(engine, new.code, token).name == "Ministry of Justice"
    assert votes.participant_names(engine, new.workshop_id) == ["Ministry of Justice"]
    table = votes.all_votes(engine, new.workshop_id)
    assert "Ministry" not in table.to_csv()
    room = votes.room(engine, new.code)
    assert "Ministry" not in repr(room)


def test_a_decision_can_be_undone_and_notes_are_bounded(engine):
    new = opened(engine, capabilities=[5, 6])
    workshops.record_decision(engine, new.code, new.key, 5, level=3, note="ok", framework=FW)
    workshops.undo_decision(engine, new.code, new.key, 5)
    item = workshops.facilitate(engine, new.code, new.key).item(5)
    assert not item.decided
    assert item.agreed_level is None
    assert item.note is None
    with pytest.raises(WorkshopError, match="under 2000"):
        workshops.record_decision(
            engine, new.code, new.key, 5, level=3, note="x" * 2001, framework=FW
        )
    with pytest.raises(WorkshopError, match="not part of this workshop"):
        workshops.set_revealed(engine, new.code, new.key, 9, True)
    with pytest.raises(WorkshopError, match="no capability at that place"):
        workshops.go_to(engine, new.code, new.key, 2)


def test_an_older_library_takes_a_workshop(library_path):
    library_path.parent.mkdir(parents=True)
    workshop_support.check_workshop_in_an_older_library(sqlite_url(library_path))


def test_who_is_in_the_room(library_path):
    workshop_support.check_who_is_in_the_room(sqlite_url(library_path))


def test_a_participant_s_page_polls_the_room_and_their_own_ballot(library_path):
    workshop_support.check_a_participant_s_own_pulse(sqlite_url(library_path))
