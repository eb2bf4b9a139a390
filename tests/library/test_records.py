"""One assessment as the library keeps it: what makes two the same, and what makes them differ."""

from __future__ import annotations

import pandas as pd
import pytest

from components.library.records import library_assessment_id, records_from_frames
from tests.library_support import assessment


def test_the_same_assessment_is_recognised_whatever_its_spelling_or_file():
    capabilities, enablers = assessment("Zembla", 2024, 2)
    (record,) = records_from_frames(capabilities, enablers)
    (from_another_file,) = records_from_frames(capabilities.assign(source="copy.xlsx"), enablers)
    (respelled,) = records_from_frames(capabilities.assign(country="  ZEMBLA "), enablers)
    (reassessed,) = records_from_frames(
        capabilities.assign(level=pd.array([3] * len(capabilities), dtype="Int64")), enablers
    )

    assert record.key == respelled.key == reassessed.key == ("zembla", "2024", "")
    assert from_another_file.content_hash == record.content_hash  # the file is not content
    assert reassessed.content_hash != record.content_hash
    assert record.title == "Zembla 2024"
    assert len(record.capabilities) == 21
    assert len(record.enablers) == 7
    # Session ids are stable across libraries, and differ between versions.
    assert library_assessment_id(record.key, 1) == library_assessment_id(respelled.key, 1)
    assert library_assessment_id(record.key, 1) != library_assessment_id(record.key, 2)


def test_an_assessment_without_a_country_cannot_be_kept():
    capabilities, enablers = assessment("Zembla", 2024, 2)
    with pytest.raises(ValueError, match="no country"):
        records_from_frames(capabilities.assign(country=pd.NA), enablers)


def test_an_assessment_keeps_the_framework_edition_it_was_saved_with(engine):
    from components.library import store
    from components.library.visibility import EDITOR
    from tests.library_support import assessment

    store.save_assessments(engine, *assessment("Zembla", 2020, 2), edition="2010")
    store.save_assessments(engine, *assessment("Yland", 2024, 3))
    listing = store.list_assessments(engine, viewer=EDITOR).set_index("country")
    assert listing["framework_edition"].to_dict() == {"Yland": "2016", "Zembla": "2010"}
    capabilities, enablers = store.open_assessments(
        engine, listing["library_id"].tolist(), viewer=EDITOR
    )
    editions = capabilities.drop_duplicates("country").set_index("country")["framework_edition"]
    assert editions.to_dict() == {"Yland": "2016", "Zembla": "2010"}
    assert set(enablers["framework_edition"]) == {"2016", "2010"}
    # Saved again from the session, an opened assessment keeps its own edition.
    zembla = capabilities[capabilities["country"] == "Zembla"].assign(
        level=lambda f: f["level"].fillna(1)
    )
    store.save_assessments(
        engine, zembla, enablers[enablers["country"] == "Zembla"], as_new_version=True
    )
    again = store.list_assessments(engine, viewer=EDITOR)
    assert set(again.loc[again["country"] == "Zembla", "framework_edition"]) == {"2010"}


@pytest.mark.parametrize(
    ("saved", "iso3", "opened"),
    [
        # saved by an earlier version under the ISO list's name: opened under the name people use
        ("Congo, The Democratic Republic of the", "COD", "Democratic Republic of the Congo"),
        ("Russian Federation", None, "Russia"),
        ("Democratic Republic of the Congo", "COD", "Democratic Republic of the Congo"),
        ("Zembla", None, "Zembla"),
        # a code of another country: left as saved
        ("Russian Federation", "UKR", "Russian Federation"),
    ],
)
def test_a_country_saved_under_its_old_iso_name_opens_under_the_name_people_use(
    engine, saved, iso3, opened
):
    from components.library import store
    from components.library.visibility import EDITOR

    capabilities, enablers = assessment(saved, 2021, 2)
    capabilities, enablers = capabilities.assign(iso3=iso3), enablers.assign(iso3=iso3)
    store.save_assessments(engine, capabilities, enablers)
    listing = store.list_assessments(engine, viewer=EDITOR)
    capabilities, enablers = store.open_assessments(
        engine, listing["library_id"].tolist(), viewer=EDITOR
    )
    assert set(capabilities["country"]) == {opened}
    assert set(enablers["country"]) == {opened}
    assert list(listing["country"]) == [opened]  # and listed so
