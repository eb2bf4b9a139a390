"""AppTest: the assessment editor as people use it: score, see coverage, come back through the
link, add to the session, start from an earlier round, edit a library assessment."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from components.base.text import escape_markdown
from components.ingest.collection import Collection, add_assessments
from components.library import access, store
from components.library.access import sqlite_url
from components.library.database import create_library_engine
from components.library.drafts import count_drafts
from components.library.visibility import EDITOR
from tests.factories import capability_rows, enabler_rows
from tests.library_support import assessment
from tests.shown import as_read

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "green heron at the lock"  # noqa: S105 (a test passphrase)
SETTINGS = (
    "MNR_LIBRARY_URL",
    "MNR_LIBRARY_PATH",
    "MNR_LIBRARY_MODE",
    "MNR_EDITOR_PASSPHRASE_HASH",
    "MNR_DRAFT_MAX_KB",
    "MNR_DRAFT_MAX_COUNT",
    "MNR_DRAFT_EXPIRY_DAYS",
)


@pytest.fixture
def library(monkeypatch, tmp_path):
    """A library (and so the drafts) in a fresh SQLite file; the engine looks inside."""
    for name in SETTINGS:
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "library.sqlite3"
    monkeypatch.setenv("MNR_LIBRARY_PATH", str(path))
    monkeypatch.setenv("MNR_EDITOR_PASSPHRASE_HASH", access.hash_passphrase(PASSPHRASE, n=2**10))
    engine = create_library_engine(sqlite_url(path))
    yield engine
    engine.dispose()


def editor_page(collection: Collection | None = None, **params: str) -> AppTest:
    """The app opened at /assess, as a first request (a link, or a reloaded tab)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if collection is not None:
        at.session_state["mnr_collection"] = collection
    at.switch_page("pages/assess.py")
    for name, value in params.items():
        at.query_params[name] = value
    return ok(at.run())


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(elements) -> str:
    """What a person reads in these elements (Markdown escapes taken away)."""
    return " ".join(as_read(e.value) for e in elements)


def raw(elements) -> str:
    """The Markdown these elements were given, escapes and all."""
    return " ".join(str(e.value) for e in elements)


def level(at: AppTest, number: int, value: int | None, kind: str = "capability") -> AppTest:
    return ok(at.selectbox(key=f"assess_{kind}_level_{number}").set_value(value).run())


def meta(at: AppTest, **values: str) -> AppTest:
    for name, value in values.items():
        at.text_input(key=f"assess_meta_{name}").input(value)
    return ok(at.run())


def progress(at: AppTest) -> str:
    return " ".join(p.proto.text for p in at.get("progress"))


def domain_labels(at: AppTest) -> list[str]:
    return [e.label for e in at.expander if e.label.startswith("**") and "·" in e.label]


def uploads(*frames: tuple[pd.DataFrame, pd.DataFrame], origin: str = "upload") -> Collection:
    collection = Collection()
    for capabilities, enablers in frames:
        collection = add_assessments(collection, capabilities, enablers, origin)
    return collection


def fill_zembla(at: AppTest) -> AppTest:
    meta(at, country="Zembla", when="2024", round="Baseline")
    for number, value in ((1, 3), (2, 2), (8, 0), (9, 4)):
        level(at, number, value)
    at.text_area(key="assess_capability_evidence_1").input("National committee since 2019")
    at.segmented_control(key="assess_capability_confidence_1").set_value("high")
    return ok(at.run())


# --- scoring and coverage ------------------------------------------------------------------------


def test_looking_keeps_nothing_and_shows_every_domain_not_assessed(library):
    at = editor_page()
    assert at.title[0].value == "Assess in the app"
    assert "0 of 21 capabilities assessed" in progress(at)
    assert len(domain_labels(at)) == 7  # six domains and the enablers
    assert all("· 0 of" in label for label in domain_labels(at))
    assert not Path(library.url.database).exists()  # nothing typed, nothing created
    assert "draft" not in at.query_params


def test_levels_show_coverage_their_descriptor_and_clearing_goes_back_to_not_assessed(library):
    at = fill_zembla(editor_page())
    assert "4 of 21 capabilities assessed" in progress(at)
    assert "**1. Policy and Governance** · 2 of 3 assessed" in domain_labels(at)
    assert "**3. Victim** · 2 of 4 assessed" in domain_labels(at)
    captions = texts(at.get_by_key("assess-capability-1").caption)
    assert "in place nationally, resourced and used routinely" in captions  # level 3
    level(at, 8, None)
    assert "3 of 21 capabilities assessed" in progress(at)
    assert "never counted as 0" in texts(at.get_by_key("assess-capability-8").caption)
    level(at, 1, None, kind="enabler")
    level(at, 2, 1, kind="enabler")
    assert "1 of 7 enablers assessed" in progress(at)


def test_the_work_is_kept_as_a_draft_and_the_link_brings_it_back(library):
    at = fill_zembla(editor_page())
    token = at.query_params["draft"]
    assert isinstance(token, str)
    assert len(token) >= 22
    assert count_drafts(library) == 1
    assert "Kept as you go" in texts(at.caption)

    # Reloading the tab: a new session, only the address.
    reloaded = editor_page(draft=token)
    assert "Your draft is back: 4 of 21 capabilities assessed" in texts(reloaded.success)
    assert reloaded.text_input(key="assess_meta_country").value == "Zembla"
    assert reloaded.text_input(key="assess_meta_round").value == "Baseline"
    assert reloaded.selectbox(key="assess_capability_level_9").value == 4
    assert reloaded.selectbox(key="assess_capability_level_8").value == 0
    assert (
        reloaded.text_area(key="assess_capability_evidence_1").value
        == "National committee since 2019"
    )
    assert reloaded.segmented_control(key="assess_capability_confidence_1").value == "high"
    assert reloaded.query_params["draft"] == token
    assert count_drafts(library) == 1  # the same draft, not a copy


def test_switching_pages_loses_nothing(library):
    at = fill_zembla(editor_page())
    ok(at.switch_page("pages/framework.py").run())
    ok(at.switch_page("pages/assess.py").run())
    assert "4 of 21 capabilities assessed" in progress(at)
    assert at.selectbox(key="assess_capability_level_9").value == 4


@pytest.mark.parametrize("token", ["AAAAAAAAAAAAAAAAAAAAAA", "<script>alert(1)</script>", ""])
def test_an_unknown_or_broken_link_gets_a_notice_and_a_fresh_start(library, token):
    at = editor_page(draft=token)
    assert "The draft in this link was not found" in texts(at.info)
    assert "0 of 21 capabilities assessed" in progress(at)
    assert "draft" not in at.query_params
    meta(at, country="Yland")
    assert at.query_params["draft"] != token  # a new draft, never the unknown link's


# --- joining the session -------------------------------------------------------------------------


def test_added_to_the_session_it_shows_in_the_profile_and_follows_changes(library):
    at = fill_zembla(editor_page())
    add = at.button(key="assess_add")
    assert add.label == "Add to my session"
    ok(add.click().run())
    assert "**Zembla 2024 (Baseline)** is in your session" in texts(at.success)
    collection = at.session_state["mnr_collection"]
    assert collection.count("editor") == 1
    assert "1 entered in the app" in texts(at.sidebar.caption)
    assert at.sidebar.selectbox(key="mnr_country").value == "Zembla"  # chosen for the pictures
    # The editor's address reopens the draft alone, whatever the sidebar shows.
    assert set(at.query_params) == {"draft"}

    level(at, 2, 4)  # a change after adding reaches the session's copy at once
    session_levels = at.session_state["mnr_collection"].capabilities.set_index("capability")
    assert session_levels.loc[2, "level"] == 4
    assert pd.isna(session_levels.loc[3, "level"])  # not assessed stays missing

    ok(at.switch_page("pages/profile.py").run())
    assert "Zembla 2024 (Baseline)" in texts([*at.markdown, *at.header])
    assert at.get("plotly_chart")  # the radar is drawn


def test_a_country_is_required_and_a_future_year_refused_before_adding(library):
    at = editor_page()
    level(at, 1, 2)
    assert "Write the country" in texts(at.error)
    assert at.button(key="assess_add").disabled
    meta(at, country="Zembla", when="2099")
    assert "is in the future" in texts(at.error)
    assert at.button(key="assess_add").disabled
    meta(at, when="2024-05-31")
    assert not at.button(key="assess_add").disabled


def test_a_duplicate_in_the_session_is_replaced_only_when_asked(library):
    session = uploads(assessment("Zembla", 2024, 1))
    at = editor_page(session)
    meta(at, country="ZEMBLA", when="2024")
    level(at, 1, 4)
    assert "Your session already has Zembla 2024 (Uploaded)" in texts(at.warning)
    assert at.button(key="assess_add").disabled
    ok(at.checkbox(key="assess_replace").check().run())
    ok(at.button(key="assess_add").click().run())
    collection = at.session_state["mnr_collection"]
    assert collection.count() == 1
    assert collection.count("editor") == 1


def test_text_people_type_is_shown_literally(library):
    at = editor_page()
    hostile = "[Sign in](https://evil.example) **now**"
    meta(at, country=hostile, when="2024")
    ok(at.button(key="assess_add").click().run())
    assert f"**{escape_markdown(hostile)} 2024** is in your session" in raw(at.success)


# --- starting points -----------------------------------------------------------------------------


def open_start(at: AppTest) -> AppTest:
    at.session_state["assess_start_open"] = True
    return ok(at.run())


def test_a_new_round_starts_from_an_earlier_one_in_the_session(library):
    earlier = capability_rows("u1", "Zembla", 2021, {1: 2, 8: 3}, round_label="Baseline")
    demo = capability_rows("d1", "Arvenia", 2021, {1: 4})
    session = uploads((earlier, enabler_rows("u1", "Zembla", 2021)))
    session = add_assessments(session, demo, enabler_rows("d1", "Arvenia", 2021), "demo")
    at = open_start(editor_page(session))
    choice = at.selectbox(key="assess_start_choice")
    # A select box shows its options as plain text: nothing to escape there.
    assert choice.options == ["A blank assessment", "Zembla 2021 (Baseline) · Uploaded"]
    assert "fictional demo is not offered" in texts(at.caption)
    choice.set_value("session:u1")
    ok(at.run())
    ok(at.radio(key="assess_start_mode").set_value("round").run())
    ok(at.button(key="assess_start").click().run())
    assert "A new round was started from Zembla 2021" in texts(at.info)
    assert at.text_input(key="assess_meta_country").value == "Zembla"
    assert at.text_input(key="assess_meta_when").value == ""
    assert at.text_input(key="assess_meta_round").value == ""
    assert at.selectbox(key="assess_capability_level_8").value == 3
    assert "2 of 21 capabilities assessed" in progress(at)
    meta(at, when="2024")
    ok(at.button(key="assess_add").click().run())
    assert at.session_state["mnr_collection"].count() == 3  # the earlier round is kept


def test_an_editor_changes_a_library_assessment_and_saves_it_as_a_new_version(library):
    store.save_assessments(library, *assessment("Zembla", 2024, 2))
    at = editor_page()
    opened = open_start(at)
    assert "Editors who signed in on the Library page" in texts(opened.caption)
    ok(at.switch_page("pages/library.py").run())
    at.text_input(key="library_passphrase").input(PASSPHRASE)
    ok(next(b for b in at.button if b.label == "Sign in").click().run())
    ok(at.switch_page("pages/assess.py").run())
    at = open_start(at)
    library_id = int(store.list_assessments(library, viewer=EDITOR)["library_id"][0])
    at.selectbox(key="assess_start_choice").set_value(f"library:{library_id}")
    ok(at.run())
    ok(at.radio(key="assess_start_mode").set_value("edit").run())
    ok(at.button(key="assess_start").click().run())
    assert at.text_input(key="assess_meta_when").value == "2024"
    level(at, 5, 4)
    ok(at.button(key="assess_add").click().run())

    ok(at.switch_page("pages/library.py").run())
    ok(at.button(key="library_save").click().run())
    assert "already in the library as version 1" in texts(at.warning)
    ok(at.button(key="library_save_versions").click().run())
    assert "Zembla 2024: saved as version 2" in texts(at.success)
    listing = store.list_assessments(library, viewer=EDITOR)
    assert list(listing["version"]) == [1, 2]
    capabilities, _ = store.open_assessments(
        library, [int(listing["library_id"][1])], viewer=EDITOR
    )
    assert capabilities.set_index("capability").loc[5, "level"] == 4


def test_discarding_a_draft_forgets_it(library):
    at = fill_zembla(editor_page())
    token = at.query_params["draft"]
    at = open_start(at)
    assert at.button(key="assess_discard").disabled
    ok(at.checkbox(key="assess_discard_confirm").check().run())
    ok(at.button(key="assess_discard").click().run())
    assert "The draft was discarded" in texts(at.info)
    assert "0 of 21 capabilities assessed" in progress(at)
    assert count_drafts(library) == 0
    assert "was not found" in texts(editor_page(draft=token).info)


# --- when drafts cannot be kept ------------------------------------------------------------------


def test_read_only_library_mode_still_keeps_drafts(library, monkeypatch):
    monkeypatch.setenv("MNR_LIBRARY_MODE", "read-only")
    at = meta(editor_page(), country="Zembla")
    assert count_drafts(library) == 1
    assert "Kept as you go" in texts(at.caption)


@pytest.mark.parametrize(
    ("settings", "reason"),
    [
        ({"MNR_LIBRARY_URL": "postgresql+psycopg://u:p@127.0.0.1:1/db"}, "cannot be reached"),
        ({"MNR_LIBRARY_MODE": "admin"}, "read-only or editor"),
    ],
)
def test_without_the_database_the_editor_works_and_warns_that_reloading_loses_work(
    library, monkeypatch, settings, reason
):
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    at = fill_zembla(editor_page())
    warning = texts(at.warning)
    assert reason in warning
    assert "reloading this tab will lose it" in warning
    assert "u:p@" not in warning
    assert "4 of 21 capabilities assessed" in progress(at)
    assert "draft" not in at.query_params
    ok(at.button(key="assess_add").click().run())
    assert at.session_state["mnr_collection"].count("editor") == 1


def test_when_the_app_keeps_as_many_drafts_as_it_may_a_new_one_is_refused_plainly(
    library, monkeypatch
):
    monkeypatch.setenv("MNR_DRAFT_MAX_COUNT", "1")
    meta(editor_page(), country="First")
    at = meta(editor_page(), country="Second")
    warning = texts(at.warning)
    assert "already keeps 1 drafts" in warning or "already keeps 1 draft" in warning
    assert "reloading this tab will lose it" in warning
    assert count_drafts(library) == 1


def test_a_link_whose_draft_cannot_be_opened_now_is_never_written_over(library, monkeypatch):
    at = fill_zembla(editor_page())
    token = at.query_params["draft"]
    monkeypatch.setenv("MNR_LIBRARY_MODE", "admin")  # the library cannot be used for a while
    later = editor_page(draft=token)
    assert "could not be opened" in texts(later.warning)
    assert later.query_params["draft"] == token  # the link stays in the address
    meta(later, country="Typed meanwhile")
    monkeypatch.delenv("MNR_LIBRARY_MODE")
    ok(later.button(key="assess_retry").click().run())
    assert "Your draft is back" in texts(later.success)
    assert later.text_input(key="assess_meta_country").value == "Zembla"


def test_two_people_on_one_link_keep_each_others_changes(library):
    """A co-facilitator opens the same link on a tablet: neither overwrites the other."""
    first = fill_zembla(editor_page())
    token = first.query_params["draft"]
    second = editor_page(draft=token)
    level(first, 3, 4)  # the first person scores Legislation
    level(second, 21, 1)  # the second, who has not seen that, scores Universal Terminology
    assert "also changed elsewhere" in texts(second.info)
    assert second.selectbox(key="assess_capability_level_3").value == 4
    assert "6 of 21 capabilities assessed" in progress(second)
    level(first, 4, 2)  # the first person's next change brings in the second's
    assert first.selectbox(key="assess_capability_level_21").value == 1
    reopened = editor_page(draft=token)
    assert "7 of 21 capabilities assessed" in progress(reopened)
