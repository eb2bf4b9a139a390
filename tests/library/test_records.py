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
