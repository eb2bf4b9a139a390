"""AppTest: the facilitator page (open a workshop, run it) and the participant page (vote)."""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import parse_qsl

import pytest
from streamlit import config as st_config
from streamlit.testing.v1 import AppTest

from components.base.text import escape_markdown
from components.library import access, workshops
from components.library import workshop_votes as votes
from components.library.access import sqlite_url
from components.library.database import create_library_engine
from tests.shown import as_read
from tests.workshop_support import FW, opened, vote

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "blue whale under the bridge"  # noqa: S105 (a test passphrase)
HASH = access.hash_passphrase(PASSPHRASE, n=2**10)
SETTINGS = ("MNR_LIBRARY_URL", "MNR_LIBRARY_PATH", "MNR_LIBRARY_MODE", "MNR_EDITOR_PASSPHRASE_HASH")


@pytest.fixture
def engine(monkeypatch, tmp_path):
    for name in SETTINGS:
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "library.sqlite3"
    monkeypatch.setenv("MNR_LIBRARY_PATH", str(path))
    monkeypatch.setenv("MNR_EDITOR_PASSPHRASE_HASH", HASH)
    engine = create_library_engine(sqlite_url(path))
    yield engine
    engine.dispose()


def page(name: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page(f"pages/{name}.py")
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(elements) -> str:
    return " ".join(str(e.value) for e in elements)


def test_opening_a_workshop_needs_the_editor_sign_in(engine):
    at = page("workshop")
    assert at.title[0].value == "Run a live workshop"
    assert "needs the editor sign-in" in texts(at.info)
    at.text_input(key="workshop_passphrase").input(PASSPHRASE)
    next(b for b in at.button if b.label == "Sign in").click()
    at.run()
    at.text_input(key="workshop_open_country").input("Zembla")
    at.multiselect(key="workshop_open_capabilities").set_value([12, 3])
    next(b for b in at.button if b.label == "Open the workshop").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    code, key = at.query_params["w"], at.query_params["key"]
    workshop = workshops.facilitate(engine, code, key)
    assert workshop.title.startswith("Zembla ")
    assert [item.capability for item in workshop.items] == [12, 3]
    assert as_read(at.title[0].value).startswith("Workshop: Zembla")
    assert "Join from your phone" in texts(at.markdown)
    join = texts(at.code)
    assert f"/join?w={code}" in join
    assert key not in join.split("Facilitator")[0].split("workshop?")[0]


@pytest.mark.parametrize(
    ("mode", "words"),
    [("read-only", "Workshops are off here"), ("editor", "needs the editor sign-in")],
)
def test_who_may_open_a_workshop(engine, monkeypatch, mode, words):
    monkeypatch.setenv("MNR_LIBRARY_MODE", mode)
    at = page("workshop")
    assert words in texts(at.info)
    assert not [b for b in at.button if b.label == "Open the workshop"]


def test_without_a_passphrase_nobody_opens_a_workshop(engine, monkeypatch):
    monkeypatch.delenv("MNR_EDITOR_PASSPHRASE_HASH")
    at = page("workshop")
    assert "No editor passphrase is set up" in texts(at.info)


def test_a_facilitator_link_with_a_wrong_key_controls_nothing(engine):
    new = opened(engine)
    at = page("workshop", w=new.code, key="x" * 32)
    assert "key does not match" in texts(at.error)
    assert not [b for b in at.button if b.label == "Reveal"]


def test_the_facilitator_sees_counts_until_the_reveal_and_records_a_level(engine):
    new = opened(engine, capabilities=[7, 1], country="[Zembla](http://evil.example)")
    for level in (1, 3, 3, None):
        vote(engine, new.code, votes.new_token(), 7, level)
    at = page("workshop", w=new.code, key=new.key)
    title = at.title[0].value
    assert title == escape_markdown(
        "Workshop: [Zembla](http://evil.example) 2024 (national workshop)"
    )
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Votes in": "4", "In the room": "4"}  # no median before the reveal
    assert not at.get("plotly_chart")
    next(b for b in at.button if b.label == "Reveal").click()
    at.run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Median"] == "3"
    assert "**Disagreement**" in texts(at.markdown)  # 1, 3, 3: the middle half spans 1 to 3
    at.segmented_control(key="workshop_agreed_7").set_value(3)
    at.text_input(key="workshop_note_7").input("After a short talk")
    next(b for b in at.button if b.label == "Record the agreed level").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    item = workshops.facilitate(engine, new.code, new.key).item(7)
    assert (item.decided, item.agreed_level, item.note) == (True, 3, "After a short talk")
    assert "Agreed: **3 · Established**" in texts(at.success)
    # The agreed levels are this session's assessment now, from a workshop.
    collection = at.session_state["mnr_collection"]
    assert collection.count("workshop") == 1
    assert "1 from a workshop" in texts(at.sidebar.caption)


def test_a_participant_joins_votes_and_sees_only_their_own_vote(engine):
    new = opened(engine, capabilities=[7, 1])
    vote(engine, new.code, votes.new_token(), 7, 0)  # someone else
    at = page("join", w=new.code)
    token = at.query_params["p"]
    assert workshops.looks_like_code(token)
    assert "7 · Access to Image Databases" in texts(at.markdown)
    radio = at.radio(key="ballot_level_7")
    assert list(radio.options)[-1] == "Don't know"
    radio.set_value(2)
    at.text_area(key="ballot_comment_7").input("=cmd|' /C calc'!A0")
    next(b for b in at.button if b.label == "Send my vote").click()
    at.run()
    assert "Your vote: **2 · Developing**" in texts(at.success)
    assert "The room's votes" not in texts(at.markdown)  # hidden until the reveal
    assert votes.join(engine, new.code, token).votes[7] == votes.Vote(2, "=cmd|' /C calc'!A0")

    # The same link on a reconnecting phone finds the vote again.
    again = page("join", w=new.code, p=token)
    assert "Your vote: **2 · Developing**" in texts(again.success)
    workshops.set_revealed(engine, new.code, new.key, 7, True)
    revealed = page("join", w=new.code, p=token)
    assert "The room's votes" in texts(revealed.markdown)
    assert [bar.proto.text for bar in revealed.get("progress")][:3] == [
        "0 · Not in place: 1",
        "1 · Building: 0",
        "2 · Developing: 1",
    ]


def test_a_vote_changed_in_another_tab_replaces_the_one_this_tab_sent(engine):
    """Two tabs of one participant: the page redraws (its watch asks) and shows the vote as
    it now stands, in the ballot too, not the one this tab sent before."""
    new = opened(engine, capabilities=[7])
    at = page("join", w=new.code)
    token = at.query_params["p"]
    at.radio(key="ballot_level_7").set_value(2)
    next(b for b in at.button if b.label == "Send my vote").click()
    at.run()
    assert "Your vote: **2 · Developing**" in texts(at.success)

    vote(engine, new.code, token, 7, 4, "changed in my other tab")
    votes.set_name(engine, new.code, token, "Ministry of Justice")
    at.run()
    assert not at.exception
    assert "Your vote: **4 · Mature**" in texts(at.success)
    assert "2 · Developing" not in texts(at.success)
    assert at.radio(key="ballot_level_7").value == 4
    assert at.text_area(key="ballot_comment_7").value == "changed in my other tab"
    assert "You take part as Ministry of Justice" in [e.label for e in at.expander]
    name_box = next(t for t in at.text_input if t.label.startswith("Your name"))
    assert name_box.value == "Ministry of Justice"


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({}, "type the workshop's code shown there"),
        ({"w": "abcdefghijklmnop"}, "There is no workshop with this code"),
        ({"w": "<script>"}, "There is no workshop with this code"),
    ],
)
def test_a_bad_join_link_says_what_to_do(engine, params, words):
    at = page("join", **params)
    assert words in texts(at.info) + texts(at.error)


def test_a_closed_workshop_link_stops_working(engine):
    new = opened(engine)
    workshops.close_workshop(engine, new.code, new.key)
    at = page("join", w=new.code)
    assert "This workshop has ended" in texts(at.error)
    facilitator = page("workshop", w=new.code, key=new.key)
    assert "This workshop is closed" in texts(facilitator.warning)


def _profile_link(at: AppTest):
    return next(link for link in at.get("page_link") if link.proto.label == "See the profile")


@pytest.mark.parametrize("demo", [False, True])
def test_see_the_profile_opens_the_workshops_result(engine, demo):
    """With the demo loaded, the sidebar had chosen a demo country: the link must not show it."""
    new = opened(engine, capabilities=[1, 7], country="Zembla", round_label="room")
    workshops.record_decision(engine, new.code, new.key, 1, level=3, note=None, framework=FW)
    params = {"w": new.code, "key": new.key} | ({"source": "demo"} if demo else {})
    at = page("workshop", **params)
    assert _profile_link(at).proto.disabled  # nothing of the workshop's in this session yet
    next(b for b in at.button if b.label == "Put the agreed levels in my session").click()
    at.run()
    link = _profile_link(at)
    assert not link.proto.disabled
    at.switch_page("pages/profile.py")
    at.query_params.clear()
    at.query_params.update(parse_qsl(link.proto.query_string))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    shown = as_read(texts(at.title) + texts(at.markdown) + texts(at.caption))
    assert "Zembla" in shown
    assert "Arvenia" not in shown
    assert at.session_state["mnr_country"] == "Zembla"


@pytest.fixture
def listening_locally():
    """The app started as ``scripts/run.sh`` starts it: on this computer only."""
    before = st_config.get_option("server.address")
    st_config.set_option("server.address", "127.0.0.1")
    yield
    st_config.set_option("server.address", before)


def test_the_projector_warns_above_the_address_when_phones_cannot_reach_it(
    engine, listening_locally
):
    new = workshops.open_workshop(
        engine, FW, country="Zembla", year=2024, round_label=None, capabilities=[1]
    )
    at = page("workshop", w=new.code, key=new.key)
    order = [(node.type, getattr(node, "value", None)) for node in in_order(at.main)]
    warning = next(
        place for place, (kind, value) in enumerate(order) if kind == "warning" and value
    )
    assert "Phones cannot reach this address" in order[warning][1]
    assert "--server.address 0.0.0.0" in order[warning][1]
    # Above the address and the QR code, not folded away in an expander below them.
    address = next(place for place, (kind, _) in enumerate(order) if kind == "code")
    picture = next(place for place, (kind, _) in enumerate(order) if kind == "image")
    assert warning < address < picture


def in_order(node):
    """The elements of a block as a person reads them, top to bottom."""
    children = getattr(node, "children", None)
    if children is None:
        yield node
        return
    for key in sorted(children):
        yield from in_order(children[key])


@pytest.mark.parametrize("typed", ["{code}", "  {code} ", "http://192.168.1.20:8501/join?w={code}"])
def test_a_phone_without_the_link_types_the_code_and_joins(engine, typed):
    new = opened(engine, capabilities=[7])
    at = page("join")
    assert "type the workshop's code" in texts(at.info)
    next(t for t in at.text_input if t.label == "Workshop code").input(typed.format(code=new.code))
    next(b for b in at.button if b.label == "Join").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.query_params["w"] == new.code
    assert workshops.looks_like_code(at.query_params["p"])
    assert "7 · Access to Image Databases" in texts(at.markdown)
    assert votes.room(engine, new.code).participants == 1


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("abcdefghijklmnop", "No workshop has the code “abcdefghijklmnop”"),
        ("**bold** [x](http://evil.example)", "No workshop has the code"),
        ("", "Type the code first"),
        ("{closed}", "This workshop has ended"),
    ],
)
def test_a_wrong_workshop_code_says_so(engine, typed, words):
    closed = opened(engine)
    workshops.close_workshop(engine, closed.code, closed.key)
    at = page("join")
    next(t for t in at.text_input if t.label == "Workshop code").input(
        typed.format(closed=closed.code)
    )
    next(b for b in at.button if b.label == "Join").click()
    at.run()
    assert words in as_read(texts(at.error) + texts(at.warning))
    assert "w" not in at.query_params
    if "evil" in typed:  # shown as typed, not as a link or bold type
        assert "[x](http://evil.example)" in as_read(texts(at.error))
        assert "[x](" not in texts(at.error)
        assert "**bold**" not in texts(at.error)


def test_in_the_room_counts_the_phones_seen_lately_not_everyone_who_joined(engine):
    new = opened(engine, capabilities=[7])
    now = time.time()
    gone = [votes.new_token() for _ in range(9)]  # earlier tabs and phones, closed since
    here = [votes.new_token() for _ in range(3)]
    for token in gone + here:
        votes.join(engine, new.code, token)
    for token in gone:
        votes.mark_seen(engine, new.code, token, clock=now - votes.PRESENT_SECONDS - 1)
    for token in here:
        votes.mark_seen(engine, new.code, token, clock=now - 5)
    at = page("workshop", w=new.code, key=new.key)
    assert {m.label: m.value for m in at.metric}["In the room"] == "3"
    assert "12 joined since the start" in texts(at.caption)


def test_a_phone_with_the_page_open_says_it_is_in_the_room(engine):
    new = opened(engine, capabilities=[7])
    token = votes.new_token()
    votes.join(engine, new.code, token)
    votes.mark_seen(engine, new.code, token, clock=time.time() - 3600)  # asleep an hour
    assert votes.room(engine, new.code).present == 0
    page("join", w=new.code, p=token)  # the phone wakes: its page runs again
    assert votes.room(engine, new.code).present == 1


@pytest.mark.parametrize(("origin", "prefilled"), [("demo", ""), ("upload", "Zembla")])
def test_a_workshop_is_prefilled_with_the_sidebar_country_unless_invented(
    engine, origin, prefilled
):
    from components.ingest.collection import Collection, add_assessments
    from tests.factories import capability_rows, enabler_rows

    country = "Arvenia" if origin == "demo" else "Zembla"
    collection = add_assessments(
        Collection(),
        capability_rows("a", country, 2024, {1: 2}),
        enabler_rows("a", country, 2024),
        origin,
    )
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["mnr_collection"] = collection
    at.switch_page("pages/workshop.py").run()
    at.text_input(key="workshop_passphrase").input(PASSPHRASE)
    next(b for b in at.button if b.label == "Sign in").click()
    at.run()
    assert at.text_input(key="workshop_open_country").value == prefilled


def test_a_participant_is_told_the_facilitator_can_download_the_names_never_with_votes(engine):
    new = opened(engine, capabilities=[7])
    at = page("join", w=new.code)
    token = at.query_params["p"]
    (name_box,) = [e for e in at.expander if e.label == "You take part anonymously"]
    told = texts(name_box.caption)
    assert "the facilitator can download that list of names" in told
    assert "never beside your votes" in told
    next(t for t in at.text_input if t.label.startswith("Your name")).input("Ministry of Zembla")
    next(b for b in at.button if b.label == "Save").click()
    at.run()
    assert not at.exception
    assert "You take part as Ministry of Zembla" in [e.label for e in at.expander]
    vote(engine, new.code, token, 7, 2)
    # What the facilitator can download is what the participant was told: the names, no votes.
    facilitator = page("workshop", w=new.code, key=new.key)
    labels = [d.proto.label for d in facilitator.get("download_button")]
    assert "Who took part: the names given (CSV)" in labels
    assert votes.participant_names(engine, new.workshop_id) == ["Ministry of Zembla"]
    assert "Ministry of Zembla" not in texts(facilitator.markdown) + texts(facilitator.caption)
