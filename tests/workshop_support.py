"""Checks of live workshops shared by the SQLite and PostgreSQL tests, each on a library URL."""

from __future__ import annotations

import threading

import pandas as pd
import pytest
from sqlalchemy import text

from components.framework.model import default_framework
from components.library import workshop_votes as votes
from components.library import workshops
from components.library.database import create_library_engine
from components.library.workshops import WorkshopError
from tests.conftest import open_page

FW = default_framework()


def opened(engine, capabilities=(7, 1, 12), **kwargs):
    """A workshop on the given capabilities, started on the first one."""
    new = workshops.open_workshop(
        engine,
        FW,
        country=kwargs.get("country", "Zembla"),
        year=kwargs.get("year", 2024),
        round_label=kwargs.get("round_label", "national workshop"),
        capabilities=list(capabilities),
    )
    workshops.go_to(engine, new.code, new.key, 0)
    return new


def vote(engine, code, token, capability, level, comment=None, **kwargs):
    return votes.cast_vote(
        engine, code, token, capability, level=level, comment=comment, framework=FW, **kwargs
    )


def check_a_whole_workshop(url: str) -> None:
    """Open, join, vote, change a vote, reveal, close, agree, move on, restart, end."""
    engine = create_library_engine(url)
    new = opened(engine)
    assert len(new.code) >= 16
    assert len(new.key) >= 32
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT code, key_hash FROM mnr_workshops")).one()
    assert stored[0] == new.code
    assert new.key not in stored[1]  # only the key's hash is kept
    with pytest.raises(WorkshopError, match="key does not match"):
        workshops.facilitate(engine, new.code, "x" * 32)
    with pytest.raises(WorkshopError, match="key does not match"):
        workshops.set_revealed(engine, new.code, "x" * 32, 7, True)

    phones = [votes.new_token() for _ in range(5)]
    for token in phones:
        seat = votes.join(engine, new.code, token)
        assert seat.workshop.current.capability == 7
        assert seat.votes == {}
    for token, level in zip(phones, [1, 2, 2, 3, None], strict=True):
        vote(engine, new.code, token, 7, level, "=HYPERLINK(x)" if level == 3 else None)
    # A participant changes their mind: still one vote, the new one.
    vote(engine, new.code, phones[0], 7, 2, "on reflection")
    room = votes.room(engine, new.code)
    assert room.participants == 5
    assert sorted(room.levels, key=lambda v: -1 if v is None else v) == [None, 2, 2, 2, 3]
    assert set(room.comments) == {"=HYPERLINK(x)", "on reflection"}
    # A phone that reconnects with its link finds its own vote, and only its own.
    assert votes.join(engine, new.code, phones[0]).votes == {7: votes.Vote(2, "on reflection")}

    pulse = workshops.poll(engine, new.workshop_id)
    workshops.set_closed(engine, new.code, new.key, 7, True)
    after = workshops.poll(engine, new.workshop_id)
    assert after.stage == pulse.stage + 1
    assert after.revision == pulse.revision + 1
    with pytest.raises(WorkshopError, match="closed"):
        vote(engine, new.code, phones[1], 7, 4)
    workshops.set_revealed(engine, new.code, new.key, 7, True)
    workshops.record_decision(engine, new.code, new.key, 7, level=2, note="agreed", framework=FW)

    workshops.go_to(engine, new.code, new.key, 1)
    with pytest.raises(WorkshopError, match="moved on"):
        vote(engine, new.code, phones[1], 7, 4)
    vote(engine, new.code, phones[1], 1, 0)
    workshops.record_decision(engine, new.code, new.key, 1, level=None, note=None, framework=FW)
    # Coming back to a capability keeps what was voted and decided.
    workshops.go_to(engine, new.code, new.key, 0)
    engine.dispose()

    restarted = create_library_engine(url)  # as a restarted app, or another replica
    workshop = workshops.facilitate(restarted, new.code, new.key)
    assert workshop.current.capability == 7
    assert workshop.item(7).revealed
    assert workshop.item(7).closed
    assert (workshop.item(7).agreed_level, workshop.item(7).note) == (2, "agreed")
    assert workshop.item(1).decided
    assert workshop.item(1).agreed_level is None
    assert not workshop.item(12).decided
    table = votes.all_votes(restarted, workshop.id)
    assert len(table) == 6
    assert sorted(table["participant"].unique()) == [1, 2, 3, 4, 5]
    assert list(table["capability"]) == [1, 7, 7, 7, 7, 7]
    assert "name" not in table.columns

    capabilities, enablers = votes.assessment_frames(workshop, FW, 5)
    assert len(capabilities) == 21
    assert enablers.empty
    levels = capabilities.set_index("capability")["level"]
    assert levels[7] == 2
    assert pd.isna(levels[1])
    assert pd.isna(levels[12])
    assert pd.isna(levels[3])
    assert capabilities["assessed_by"].iloc[0] == "Workshop of 5 participants"
    assert new.code not in capabilities["source"].iloc[0]
    assert new.code not in capabilities["assessment_id"].iloc[0]

    workshops.close_workshop(restarted, new.code, new.key)
    with pytest.raises(WorkshopError, match="ended"):
        votes.join(restarted, new.code, phones[0])
    with pytest.raises(WorkshopError, match="ended"):
        vote(restarted, new.code, phones[0], 7, 1)
    with pytest.raises(WorkshopError, match="closed"):
        workshops.go_to(restarted, new.code, new.key, 2)
    assert workshops.facilitate(restarted, new.code, new.key).status == "closed"
    restarted.dispose()


def check_simultaneous_votes(url: str, participants: int = 40) -> None:
    """Many phones voting at the same moment, twice each: nothing lost, nothing doubled."""
    engine = create_library_engine(url)
    new = opened(engine, capabilities=[3])
    tokens = [votes.new_token() for _ in range(participants)]
    start = threading.Barrier(participants)
    problems: list[BaseException] = []

    def phone(index: int) -> None:
        try:
            start.wait(timeout=30)
            vote(engine, new.code, tokens[index], 3, index % 5)
            vote(engine, new.code, tokens[index], 3, (index + 1) % 5)
        except BaseException as error:  # noqa: BLE001 (reported below)
            problems.append(error)

    threads = [threading.Thread(target=phone, args=(i,)) for i in range(participants)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not problems, problems
    room = votes.room(engine, new.code)
    assert room.participants == participants
    assert sorted(room.levels) == sorted((i + 1) % 5 for i in range(participants))
    pulse = workshops.poll(engine, new.workshop_id)
    assert pulse.revision == 1 + 2 * participants  # the start, then every vote once
    engine.dispose()


def check_limits(url: str, monkeypatch) -> None:
    """Rate limit, participant cap, comment length, open workshops cap."""
    engine = create_library_engine(url)
    new = opened(engine, capabilities=[2])
    token = votes.new_token()
    for second in range(votes.MAX_WRITES_PER_WINDOW):
        vote(engine, new.code, token, 2, second % 5, clock=1000.0 + second)
    with pytest.raises(WorkshopError, match=r"wait \d+ seconds"):
        vote(engine, new.code, token, 2, 1, clock=1030.0)
    vote(engine, new.code, token, 2, 1, clock=1000.0 + votes.WINDOW_SECONDS + 1)
    assert votes.room(engine, new.code).levels == (1,)
    with pytest.raises(WorkshopError, match="under 500"):
        vote(engine, new.code, token, 2, 1, "x" * 501, clock=2000.0)

    monkeypatch.setattr(votes, "MAX_PARTICIPANTS", 2)
    votes.join(engine, new.code, votes.new_token())
    with pytest.raises(WorkshopError, match="full"):
        votes.join(engine, new.code, votes.new_token())
    votes.join(engine, new.code, token)  # someone already in keeps their seat

    with pytest.raises(WorkshopError, match="not a level"):
        vote(engine, new.code, token, 2, 9)
    for bad in ("", "short", "a" * 65, "bad code with spaces"):
        with pytest.raises(WorkshopError, match="no workshop"):
            votes.join(engine, bad, token)
    with pytest.raises(WorkshopError, match="damaged"):
        votes.join(engine, new.code, "<script>")

    monkeypatch.setattr(workshops, "MAX_OPEN_WORKSHOPS", 2)
    opened(engine)
    with pytest.raises(WorkshopError, match="2 workshops are open already"):
        opened(engine)
    listing = workshops.open_workshops(engine)
    assert len(listing) == 2
    assert workshops.close_as_editor(engine, int(listing["workshop_id"][0]))
    opened(engine)  # a place was freed
    engine.dispose()


def check_workshop_in_an_older_library(url: str) -> None:
    """A library of schema version 1 takes a workshop: migrated on the way, data kept."""
    from components.library import store
    from tests import library_support

    engine = create_library_engine(url)
    library_support.make_version_1_library(engine)
    new = opened(engine, capabilities=[1])
    vote(engine, new.code, votes.new_token(), 1, 2)
    assert votes.room(engine, new.code).levels == (2,)
    listing = store.list_assessments(engine, viewer=library_support.EDITOR)
    assert list(listing["title"]) == ["Yland 2023", "Zembla 2024 (baseline)"]
    engine.dispose()


def check_who_is_in_the_room(url: str) -> None:
    """Joined since the start, and seen lately: a vote and a heartbeat count, a silence not."""
    engine = create_library_engine(url)
    new = opened(engine, capabilities=[4])
    now = 10_000_000.0
    quiet, voter, beating = (votes.new_token() for _ in range(3))
    for token in (quiet, voter, beating):
        votes.join(engine, new.code, token)
        votes.mark_seen(engine, new.code, token, clock=now - 600)  # all joined long ago
    vote(engine, new.code, voter, 4, 2, clock=now - 10)
    before = workshops.poll(engine, new.workshop_id)
    assert votes.mark_seen(engine, new.code, beating, clock=now - 30)
    # A heartbeat changes no counter: no screen redraws for it.
    assert workshops.poll(engine, new.workshop_id) == before
    assert not votes.mark_seen(engine, new.code, votes.new_token(), clock=now)  # no seat
    room = votes.room(engine, new.code, clock=now)
    assert (room.participants, room.present) == (3, 2)
    later = votes.room(engine, new.code, clock=now - 10 + votes.PRESENT_SECONDS + 1)
    assert (later.participants, later.present) == (3, 0)
    engine.dispose()


def check_a_participant_s_own_pulse(url: str) -> None:
    """What a participant's page polls: the room's stage, and their own name and vote on the
    capability it shows, whichever tab gave them; another participant's vote changes none of
    it (no phone redraws for it)."""
    engine = create_library_engine(url)
    new = opened(engine, capabilities=[8, 9])
    mine, other = votes.new_token(), votes.new_token()
    for token in (mine, other):
        votes.join(engine, new.code, token)
    start = votes.seat_pulse(engine, new.workshop_id, mine, 8)
    assert (start.name, start.vote, start.status) == (None, None, "open")

    vote(engine, new.code, other, 8, 4, "theirs")  # another participant: nothing of mine moves
    assert votes.seat_pulse(engine, new.workshop_id, mine, 8) == start
    vote(engine, new.code, mine, 8, 2, "sent from my first tab")
    votes.set_name(engine, new.code, mine, "Ministry of Justice")
    seen = votes.seat_pulse(engine, new.workshop_id, mine, 8)
    assert seen.vote == votes.Vote(2, "sent from my first tab")
    assert (seen.name, seen.stage) == ("Ministry of Justice", start.stage)
    vote(engine, new.code, mine, 8, None)  # "don't know" is a vote, not the absence of one
    assert votes.seat_pulse(engine, new.workshop_id, mine, 8).vote == votes.Vote(None, None)
    assert votes.seat_pulse(engine, new.workshop_id, other, 8).vote == votes.Vote(4, "theirs")

    workshops.go_to(engine, new.code, new.key, 1)  # the room moves on: the stage says so
    moved = votes.seat_pulse(engine, new.workshop_id, mine, 9)
    assert moved.stage > start.stage
    assert moved.vote is None  # nothing voted on the new capability yet
    waiting = votes.seat_pulse(engine, new.workshop_id, mine, None)  # no capability shown
    assert (waiting.vote, waiting.name) == (None, "Ministry of Justice")
    stranger = votes.seat_pulse(engine, new.workshop_id, votes.new_token(), 8)
    assert (stranger.name, stranger.vote) == (None, None)  # no seat: nothing of anyone's
    assert votes.seat_pulse(engine, new.workshop_id + 1000, mine, 8) is None
    workshops.close_workshop(engine, new.code, new.key)
    assert votes.seat_pulse(engine, new.workshop_id, mine, 9).status == "closed"
    engine.dispose()


def open_workshop_as_host(host, url: str, passphrase: str, country: str, wait: float) -> str:
    """In a browser page, sign in on ``url`` (the /workshop page, maybe with a link's
    parameters) and open a workshop for ``country``, as a facilitator does; its code."""
    from playwright.sync_api import expect

    host.set_default_timeout(30_000)
    open_page(host, url)
    host.get_by_label("Editor passphrase").fill(passphrase)
    host.get_by_role("button", name="Sign in").click()
    host.get_by_role("textbox", name="Country").fill(country)
    host.get_by_role("button", name="Open the workshop").click()
    host.wait_for_function("() => new URLSearchParams(location.search).has('key')")
    expect(host.get_by_text("Join from your phone")).to_be_visible(timeout=wait)
    return host.evaluate("() => new URLSearchParams(location.search).get('w')")
