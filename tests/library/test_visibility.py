"""Who may see a library assessment: enforced in the library's queries, for every viewer."""

from __future__ import annotations

import io

import openpyxl
import pytest

from components.framework.model import default_framework
from components.library import access, store
from components.library.transfer import export_workbook, import_workbook
from components.library.visibility import (
    EDITOR,
    VISITOR,
    Viewer,
    parse_visibility,
)
from tests.library_support import assessment

FRAMEWORK = default_framework()
PRIVATE_VISITOR = Viewer(editor=False, private=True)
PRIVATE_EDITOR = Viewer(editor=True, private=True)

# One assessment of each visibility, by country.
SAVED = {"Secretland": "editors", "Sumland": "aggregates", "Openland": "everyone"}


@pytest.fixture
def library(engine):
    for country, visibility in SAVED.items():
        store.save_assessments(engine, *assessment(country, 2024, 2), visibility=visibility)
    return engine


def _workbook_text(data: bytes) -> str:
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    return " ".join(
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )


# (viewer, the countries it may list, open and download by name)
VIEWERS = [
    pytest.param(VISITOR, ["Openland"], id="a visitor sees what is shared with everyone"),
    pytest.param(EDITOR, ["Openland", "Secretland", "Sumland"], id="an editor sees everything"),
    pytest.param(PRIVATE_VISITOR, [], id="private mode: a visitor sees nothing"),
    pytest.param(PRIVATE_EDITOR, ["Openland", "Secretland", "Sumland"], id="private: an editor"),
]


@pytest.mark.parametrize(("viewer", "named"), VIEWERS)
def test_list_open_and_download_show_only_what_the_viewer_may_see(library, viewer, named):
    listing = store.list_assessments(library, viewer=viewer)
    assert sorted(listing["country"]) == named
    # Opening by id: every id there is, guessed or not; hidden ones are simply not there.
    every_id = store.list_assessments(library, viewer=EDITOR)["library_id"].tolist()
    capabilities, enablers = store.open_assessments(library, every_id, viewer=viewer)
    assert sorted(set(capabilities["country"])) == named
    assert sorted(set(enablers["country"])) == named
    text = _workbook_text(export_workbook(library, viewer=viewer))
    for country in SAVED:
        assert (country in text) is (country in named)


def test_an_editors_only_assessment_cannot_be_inferred_by_a_visitor(library, engine):
    before = store.list_assessments(library, viewer=VISITOR)
    store.save_assessments(engine, *assessment("Hiddenia", 2025, 4), visibility="editors")
    after = store.list_assessments(library, viewer=VISITOR)
    # Not listed, not counted, no version numbers or filter choices that betray it.
    assert len(after) == len(before)
    assert "Hiddenia" not in store.filter_choices(after)[0]
    assert 2025 not in store.filter_choices(after)[1]
    assert after["versions"].tolist() == before["versions"].tolist()


def test_a_hidden_later_version_is_not_counted_for_a_visitor(engine):
    store.save_assessments(engine, *assessment("Versionia", 2024, 1), visibility="everyone")
    changed = assessment("Versionia", 2024, 3)
    store.save_assessments(engine, *changed, as_new_version=True, visibility="editors")
    visible = store.list_assessments(engine, viewer=VISITOR)
    assert visible[["version", "latest", "versions"]].values.tolist() == [[1, True, 1]]
    assert len(store.list_assessments(engine, viewer=EDITOR)) == 2


def test_new_saves_are_for_editors_only_unless_chosen(engine):
    store.save_assessments(engine, *assessment("Defaultia", 2024, 2))
    listing = store.list_assessments(engine, viewer=EDITOR)
    assert listing["visibility"].tolist() == ["editors"]
    assert store.list_assessments(engine, viewer=VISITOR).empty


def test_editors_change_who_may_see_an_assessment(library):
    secret = store.list_assessments(library, viewer=EDITOR).set_index("country")
    library_id = int(secret.loc["Secretland", "library_id"])
    assert store.set_visibility(library, [library_id], "everyone") == 1
    assert "Secretland" in set(store.list_assessments(library, viewer=VISITOR)["country"])
    assert store.set_visibility(library, [library_id], "editors") == 1
    assert "Secretland" not in set(store.list_assessments(library, viewer=VISITOR)["country"])
    with pytest.raises(ValueError, match="unknown visibility"):
        store.set_visibility(library, [library_id], "friends")  # type: ignore[arg-type]


def test_an_export_imported_elsewhere_keeps_visibilities_and_editions(library, tmp_path):
    from components.library.access import sqlite_url
    from components.library.database import create_library_engine

    other = create_library_engine(sqlite_url(tmp_path / "other.sqlite3"))
    exported = export_workbook(library, viewer=EDITOR)
    outcome = import_workbook(other, "library.xlsx", exported, FRAMEWORK, visibility="everyone")
    assert outcome.saved == 3
    copied = store.list_assessments(other, viewer=EDITOR).set_index("country")
    assert copied["visibility"].to_dict() == SAVED
    assert set(copied["framework_edition"]) == {FRAMEWORK.edition}
    # A workbook that is not a library export takes the importing editor's choice.
    plain = export_workbook(library, viewer=VISITOR)
    workbook = openpyxl.load_workbook(io.BytesIO(plain))
    for sheet in workbook.worksheets[1:]:
        sheet.delete_cols(12, 2)  # no visibility, no edition: as an older app exported it
    buffer = io.BytesIO()
    workbook.save(buffer)
    fresh = create_library_engine(sqlite_url(tmp_path / "fresh.sqlite3"))
    import_workbook(fresh, "older.xlsx", buffer.getvalue(), FRAMEWORK, visibility="aggregates")
    assert store.list_assessments(fresh, viewer=EDITOR)["visibility"].tolist() == ["aggregates"]
    other.dispose()
    fresh.dispose()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("editors", "editors"),
        ("Editors only", "editors"),
        ("EVERYONE", "everyone"),
        ("Everyone who uses this app", "everyone"),
        ("in aggregates only", "aggregates"),
        ("aggregate", "aggregates"),
        ("public", "everyone"),
        ("friends", None),
        (None, None),
    ],
)
def test_visibilities_are_read_from_settings_and_cells(value, expected):
    assert parse_visibility(value) == expected


@pytest.mark.parametrize(
    ("env", "section", "private", "visibility", "error"),
    [
        ({}, {}, False, "editors", None),
        ({"MNR_LIBRARY_PRIVATE": "1"}, {}, True, "editors", None),
        ({}, {"private": True}, True, "editors", None),
        ({}, {"private": "no", "default_visibility": "everyone"}, False, "everyone", None),
        ({"MNR_LIBRARY_DEFAULT_VISIBILITY": "aggregates"}, {}, False, "aggregates", None),
        ({"MNR_LIBRARY_PRIVATE": "maybe"}, {}, None, None, "true or false"),
        ({"MNR_LIBRARY_DEFAULT_VISIBILITY": "friends"}, {}, None, None, "editors, aggregates"),
    ],
)
def test_private_mode_and_default_visibility_settings(env, section, private, visibility, error):
    if error:
        with pytest.raises(access.ConfigError, match=error):
            access.library_config(env=env, secrets_section=section)
        return
    config = access.library_config(env=env, secrets_section=section)
    assert config.private is private
    assert config.default_visibility == visibility
    assert config.viewer(signed_in=False).private is private
    # Signing in only makes an editor where signing in is possible at all.
    assert not config.viewer(signed_in=True).editor
