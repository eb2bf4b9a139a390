"""AppTest: the library page as people use it: look, open, sign in, save, rename, delete."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from components.framework.model import default_framework
from components.ingest.collection import Collection, add_assessments
from components.ingest.demo import load_demo
from components.library import access, store
from components.library.access import sqlite_url
from components.library.database import create_library_engine
from components.library.transfer import export_workbook
from components.library.visibility import EDITOR
from tests.library_support import assessment, many
from tests.shown import as_read

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "blue whale under the bridge"  # noqa: S105 (a test passphrase)
HASH = access.hash_passphrase(PASSPHRASE, n=2**10)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SETTINGS = (
    "MNR_LIBRARY_URL",
    "MNR_LIBRARY_PATH",
    "MNR_LIBRARY_MODE",
    "MNR_EDITOR_PASSPHRASE_HASH",
    "MNR_LIBRARY_PRIVATE",
    "MNR_LIBRARY_DEFAULT_VISIBILITY",
)


@pytest.fixture
def library(monkeypatch, tmp_path):
    """An editor-mode library in a fresh SQLite file; the engine lets tests look inside."""
    for name in SETTINGS:
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "library.sqlite3"
    monkeypatch.setenv("MNR_LIBRARY_PATH", str(path))
    monkeypatch.setenv("MNR_EDITOR_PASSPHRASE_HASH", HASH)
    engine = create_library_engine(sqlite_url(path))
    yield engine
    engine.dispose()


def library_page(collection: Collection | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if collection is not None:
        at.session_state["mnr_collection"] = collection
    at.run()
    at.switch_page("pages/library.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def uploads(*frames: tuple[pd.DataFrame, pd.DataFrame]) -> Collection:
    collection = Collection()
    for capabilities, enablers in frames:
        collection = add_assessments(collection, capabilities, enablers, "upload")
    return collection


def sign_in(at: AppTest, passphrase: str = PASSPHRASE) -> AppTest:
    at.text_input(key="library_passphrase").input(passphrase)
    next(b for b in at.button if b.label == "Sign in").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(elements) -> str:
    return " ".join(as_read(e.value) for e in elements)


def caption(at: AppTest) -> str:
    """What the listing says it holds: "3 saved assessments" (editors) or "2 assessments
    shared with everyone" (everybody else)."""
    return next(
        as_read(c.value)
        for c in at.caption
        if "saved assessment" in as_read(c.value) or "shared with everyone" in as_read(c.value)
    )


def saved_lines(at: AppTest) -> list[str]:
    """The green boxes saying what was saved (not the one saying who is signed in)."""
    return [as_read(s.value) for s in at.success if "saved" in as_read(s.value)]


def button(at: AppTest, key: str):
    return at.button(key=key)


def test_an_empty_library_is_shown_and_looking_creates_no_file(library):
    at = library_page()
    assert at.title[0].value == "Assessment library"
    assert "nothing here to open yet" in texts(at.info)
    assert "0 assessments shared with everyone" in caption(at)
    assert not Path(library.url.database).exists()


def test_read_only_mode_shows_and_opens_the_library_but_offers_no_editing(library, monkeypatch):
    store.save_assessments(library, *many("Country", 2), visibility="everyone")
    monkeypatch.setenv("MNR_LIBRARY_MODE", "read-only")
    at = library_page()
    assert "read-only here" in texts(at.info)
    assert "2 assessments shared with everyone" in caption(at)
    assert not [t for t in at.text_input if t.key == "library_passphrase"]
    keys = {b.key for b in at.button}
    assert not keys & {"library_save", "library_delete", "library_import"}
    button(at, "library_open_all").click().run()
    assert "Opened 2 library assessments" in texts(at.success)
    assert at.session_state["mnr_collection"].count("library") == 2


def test_without_a_passphrase_hash_nobody_can_sign_in(library, monkeypatch):
    monkeypatch.delenv("MNR_EDITOR_PASSPHRASE_HASH")
    at = library_page()
    assert "No editor passphrase is set up" in texts(at.info)
    assert "python -m components.library.access hash" in texts(at.info)
    assert not [t for t in at.text_input if t.key == "library_passphrase"]


def test_a_wrong_passphrase_is_refused_and_the_right_one_signs_in(library):
    at = sign_in(library_page(), "not the passphrase")
    assert "not right" in texts(at.error)
    assert not [b for b in at.button if b.key == "library_sign_out"]
    at = sign_in(at)
    assert "Signed in as an editor" in texts(at.success)
    button(at, "library_sign_out").click().run()
    assert [t for t in at.text_input if t.key == "library_passphrase"]


def test_saving_asks_before_making_a_new_version_and_never_duplicates(library):
    at = sign_in(library_page(uploads(assessment("Zembla", 2024, 2))))
    save = button(at, "library_save")
    assert save.label == "Save 1 assessment to the library"
    save.click().run()
    assert "Zembla 2024: saved as version 1" in texts(at.success)
    assert "1 saved assessment" in caption(at)

    button(at, "library_save").click().run()
    assert "identical to version 1" in texts(at.info)
    assert len(store.list_assessments(library, viewer=EDITOR)) == 1

    # The same assessment, re-assessed: the page asks before it makes version 2.
    at.session_state["mnr_collection"] = uploads(assessment("Zembla", 2024, 3))
    at.run()
    button(at, "library_save").click().run()
    assert "already in the library as version 1" in texts(at.warning)
    assert "Already in the library, with different content: Zembla 2024" in texts(at.warning)
    assert len(store.list_assessments(library, viewer=EDITOR)) == 1
    button(at, "library_save_versions").click().run()
    assert "Zembla 2024: saved as version 2" in texts(at.success)
    assert list(store.list_assessments(library, viewer=EDITOR)["version"]) == [1, 2]

    at.session_state["mnr_collection"] = uploads(assessment("Zembla", 2024, 4))
    at.run()
    button(at, "library_save").click().run()
    button(at, "library_save_cancel").click().run()
    assert "Nothing more was saved" in texts(at.info)
    assert len(store.list_assessments(library, viewer=EDITOR)) == 2


def test_saving_many_says_so_once_with_the_details_folded_and_what_was_not_saved_named(
    library,
):
    twelve = many("Land", 12)
    at = sign_in(library_page(uploads(twelve)))
    button(at, "library_save").click().run()
    # One line for twelve, not twelve boxes above the list; each assessment's line folded.
    assert saved_lines(at) == ["12 assessments saved to the library."]
    [details] = at.expander
    assert details.label == "Details (12)"
    shown = texts(details.markdown)
    assert shown.count(": saved as version 1.") == 12
    assert "Land 0 2022: saved as version 1." in shown
    assert "12 saved assessments" in caption(at)

    # Saved again with two more: the two new ones saved, the twelve named plainly as unchanged.
    at = sign_in(library_page(uploads(many("Land", 14))))
    button(at, "library_save").click().run()
    assert saved_lines(at) == ["2 assessments saved to the library."]
    [unchanged] = [as_read(i.value) for i in at.info if "identical" in as_read(i.value)]
    assert unchanged.startswith("12 assessments already in the library, identical")
    assert "Land 0 2022" in unchanged
    assert "Land 11 2022" in unchanged
    assert len(store.list_assessments(library, viewer=EDITOR)) == 14


def test_the_fictional_demo_is_never_offered_for_saving(library):
    at = library_page()
    at.sidebar.button(key="sidebar_load_demo").click().run()
    at = sign_in(at)
    assert not [b for b in at.button if b.key == "library_save"]
    assert "the fictional demo is never saved" in texts(at.caption)


def test_rename_and_delete_with_confirmation(library):
    store.save_assessments(library, *many("Country", 3))
    at = sign_in(library_page())
    first = int(store.list_assessments(library, viewer=EDITOR)["library_id"][0])
    rename_form = next(s for s in at.selectbox if s.label == "Assessment to rename")
    rename_form.set_value(first)
    next(t for t in at.text_input if t.label == "New title").input("Baseline workshop")
    next(b for b in at.button if b.label == "Rename").click()
    at.run()
    assert "Baseline workshop" in texts(at.success)
    assert store.list_assessments(library, viewer=EDITOR)["title"][0] == "Baseline workshop"

    at.multiselect(key="library_delete_choice").set_value([first]).run()
    assert button(at, "library_delete").disabled  # not before the confirmation is ticked
    at.checkbox(key="library_delete_confirm").check().run()
    assert not button(at, "library_delete").disabled
    button(at, "library_delete").click().run()
    assert "Deleted 1 assessment from the library" in texts(at.success)
    assert len(store.list_assessments(library, viewer=EDITOR)) == 2


def test_filters_narrow_the_list(library):
    demo = load_demo(default_framework())
    store.save_assessments(library, demo.capabilities, demo.enablers, visibility="everyone")
    at = library_page()
    assert len(at.dataframe[0].value) == 20
    at.selectbox(key="library_filter_country").set_value("Belmora").run()
    assert set(at.dataframe[0].value["Country"]) == {"Belmora"}
    at.text_input(key="library_filter_text").input("nothing like this").run()
    assert "No saved assessment matches" in texts(at.info)


def test_import_of_a_library_workbook(library, tmp_path):
    source = create_library_engine(sqlite_url(tmp_path / "other.sqlite3"))
    store.save_assessments(source, *many("Imported", 3))
    exported = export_workbook(source, viewer=EDITOR)
    source.dispose()
    at = sign_in(library_page())
    at.file_uploader(key="library_import_file").set_value([("library.xlsx", exported, XLSX)]).run()
    button(at, "library_import").click().run()
    assert "Imported 3 assessments; 0 were in the library already" in texts(at.success)
    assert len(store.list_assessments(library, viewer=EDITOR)) == 3


@pytest.mark.parametrize(
    ("settings", "reason"),
    [
        ({"MNR_LIBRARY_URL": "postgresql+psycopg://u:p@127.0.0.1:1/db"}, "cannot be reached"),
        ({"MNR_LIBRARY_URL": "this is not a URL"}, "not a valid database URL"),
        ({"MNR_LIBRARY_MODE": "admin"}, "read-only or editor"),
    ],
)
def test_an_unavailable_library_says_why_and_uploads_still_work(
    library, monkeypatch, settings, reason
):
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    at = library_page()
    warning = texts(at.warning)
    assert warning.startswith("The library is not available: ")
    assert reason in warning
    assert "Uploads still work in this session." in warning
    assert "u:p@" not in warning  # never a password
    at.switch_page("pages/upload.py").run()
    assert not at.exception
    assert at.title[0].value == "Upload assessments"


def test_settings_can_come_from_secrets(monkeypatch, tmp_path):
    for name in SETTINGS:
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "from-secrets.db"
    engine = create_library_engine(sqlite_url(path))
    store.save_assessments(engine, *assessment("Zembla", 2024, 2), visibility="everyone")
    engine.dispose()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.secrets["library"] = {"path": str(path), "mode": "read-only"}
    at.run()
    at.switch_page("pages/library.py").run()
    assert not at.exception
    assert "read-only here" in texts(at.info)
    # The library in the file named in the secrets is the one shown (its location is only
    # shown to editors, so the test recognises it by its content).
    assert caption(at).startswith("1 assessment shared with everyone")
    assert str(path) not in caption(at)


def test_monday_s_eight_assessments_are_there_on_friday_after_a_restart(library):
    demo = load_demo(default_framework())
    eight = list(demo.capabilities["assessment_id"].drop_duplicates()[:8])
    monday = sign_in(
        library_page(
            uploads((store.only(demo.capabilities, eight), store.only(demo.enablers, eight)))
        )
    )
    save = button(monday, "library_save")
    assert save.label == "Save 8 assessments to the library"
    monday.radio(key="library_save_visibility").set_value("everyone")
    save.click().run()
    assert saved_lines(monday) == ["8 assessments saved to the library."]
    assert texts(monday.expander[0].markdown).count("saved as version 1") == 8

    st.cache_resource.clear()  # the app is restarted: no engine, no session survives
    friday = library_page()
    assert "8 assessments shared with everyone" in caption(friday)
    button(friday, "library_open_all").click().run()
    collection = friday.session_state["mnr_collection"]
    assert collection.count("library") == 8
    assert sorted(collection.assessment_ids) == sorted(
        store.open_assessments(
            library, store.list_assessments(library, viewer=EDITOR)["library_id"], viewer=EDITOR
        )[0]["assessment_id"].unique()
    )


def test_a_guesser_is_slowed_while_an_editor_signs_in(library):
    from components.ui.library import sign_in_limiter

    sign_in_limiter.clear()  # a fresh count for this test (it is shared by the process)
    guesser = library_page()
    for attempt in range(3):
        guesser = sign_in(guesser, f"wrong guess {attempt}")
        assert "That passphrase is not right" in texts(guesser.error)
    guesser = sign_in(guesser, "wrong guess again")
    assert "Too many wrong passphrases were tried from here" in texts(guesser.error)
    # The right passphrase from the guesser's session must wait too...
    guesser = sign_in(guesser)
    assert "Try again in" in texts(guesser.error)
    # ...while an editor in another session signs in at once.
    editor = sign_in(library_page())
    assert "Signed in as an editor." in texts(editor.success)


def _secret_and_open(library) -> None:
    store.save_assessments(library, *assessment("Secretland", 2024, 3), visibility="editors")
    store.save_assessments(library, *assessment("Sumland", 2024, 1), visibility="aggregates")
    store.save_assessments(library, *assessment("Openland", 2023, 2), visibility="everyone")


def page_with_link(**params: str) -> AppTest:
    """The app opened on a link: the first request carries the parameters."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def every_text(at: AppTest) -> str:
    parts = [texts(at.info), texts(at.warning), texts(at.markdown), texts(at.caption)]
    parts += [str(frame.value.to_dict()) for frame in at.dataframe]
    parts += [str(box.options) for box in at.selectbox] + [str(m.options) for m in at.multiselect]
    return " ".join(parts)


def test_a_visitor_cannot_see_or_open_an_editors_only_assessment(library):
    _secret_and_open(library)
    at = library_page()
    assert "1 assessment shared with everyone" in caption(at)
    shown = every_text(at)
    assert "Openland" in shown
    assert "Secretland" not in shown
    assert "Sumland" not in shown  # in aggregates only: never under its name
    button(at, "library_open_all").click().run()
    countries = set(at.session_state["mnr_collection"].capabilities["country"])
    assert countries == {"Openland"}


@pytest.mark.parametrize(
    "params",
    [
        {"country": "Secretland", "source": "library"},
        {"country": "Secretland"},
        {"country": "Sumland", "source": "library"},
    ],
)
def test_a_link_naming_a_hidden_country_says_what_a_link_to_no_country_says(library, params):
    _secret_and_open(library)
    hidden = page_with_link(**params)
    nowhere = page_with_link(**{**params, "country": "Nowhereland"})
    assert hidden.session_state["mnr_collection"].is_empty
    notice = texts(hidden.info) + texts(hidden.warning)
    assert notice.replace("Secretland", "X").replace("Sumland", "X") == (
        texts(nowhere.info) + texts(nowhere.warning)
    ).replace("Nowhereland", "X")


def test_a_link_to_a_shared_library_assessment_opens_it(library):
    _secret_and_open(library)
    at = page_with_link(country="Openland", round="2023", source="library")
    collection = at.session_state["mnr_collection"]
    assert collection.count("library") == 1
    assert at.session_state["mnr_country"] == "Openland"
    assert at.query_params["source"] == "library"


def test_private_mode_shows_nothing_of_the_library_before_sign_in(library, monkeypatch):
    _secret_and_open(library)
    monkeypatch.setenv("MNR_LIBRARY_PRIVATE", "true")
    at = library_page()
    assert "This library is private" in texts(at.info)
    assert "Openland" not in every_text(at)
    assert not at.dataframe
    assert not [b for b in at.button if b.key in {"library_open_all", "library_open"}]
    assert "Download the library" not in texts(at.header)
    linked = page_with_link(country="Openland", source="library")
    assert linked.session_state["mnr_collection"].is_empty
    at = sign_in(at)
    assert "3 saved assessments" in caption(at)


def test_editors_set_visibility_and_signing_out_takes_hidden_ones_out_of_the_session(library):
    _secret_and_open(library)
    at = sign_in(library_page())
    assert "3 saved assessments" in caption(at)
    button(at, "library_open_all").click().run()
    assert at.session_state["mnr_collection"].count("library") == 3
    secret = int(
        store.list_assessments(library, viewer=EDITOR)
        .set_index("country")
        .loc["Secretland", "library_id"]
    )
    at.multiselect(key="library_visibility_choice").set_value([secret])
    at.radio(key="library_visibility_value").set_value("everyone")
    next(b for b in at.button if b.label == "Apply").click().run()
    assert "1 assessment now: Everyone who uses this app" in texts(at.success)
    button(at, "library_sign_out").click().run()
    # Secretland is shared now and stays; Sumland (aggregates only) leaves the session.
    countries = set(at.session_state["mnr_collection"].capabilities["country"])
    assert countries == {"Openland", "Secretland"}
    assert "taken out of this session" in texts(at.info)
