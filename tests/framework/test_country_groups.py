"""The peer-group classifications shipped as data: components.framework.country_groups."""

from __future__ import annotations

import datetime
import tomllib

import pytest

from components.framework.country_groups import (
    GROUPS_DIR,
    INCOME_FILE,
    KINDS,
    M49_FILE,
    default_classification,
)


@pytest.mark.parametrize(
    ("iso3", "kind", "group"),
    [
        ("KEN", "un_region", "Africa"),
        ("KEN", "un_subregion", "Sub-Saharan Africa"),
        ("KEN", "income", "Lower middle income"),
        ("ken", "un_subregion", "Sub-Saharan Africa"),  # any case
        ("BRA", "un_subregion", "Latin America and the Caribbean"),
        ("DEU", "income", "High income"),
        ("PHL", "un_subregion", "South-eastern Asia"),
        ("AFG", "income", "Low income"),
        ("XAA", "un_subregion", None),  # the fictional demo's user-assigned codes: no group
        ("XAA", "income", None),
        (None, "income", None),
        ("", "un_region", None),
    ],
)
def test_countries_belong_to_their_published_groups(iso3, kind, group):
    assert default_classification().group_of(iso3, kind) == group


def test_every_kind_has_groups_and_names_its_source():
    classification = default_classification()
    assert "Sub-Saharan Africa" in classification.group_names("un_subregion")
    assert classification.group_names("income") == [
        "High income",
        "Low income",
        "Lower middle income",
        "Upper middle income",
    ]
    for kind in KINDS:
        source = classification.sources[kind]
        assert source.url.startswith("https://")
        datetime.date.fromisoformat(source.retrieved)
        assert source.publisher in source.citation
    assert classification.sources["income"].edition.startswith("FY")


@pytest.mark.parametrize("name", [M49_FILE, INCOME_FILE])
def test_each_data_file_records_its_source_url_and_date(name):
    data = tomllib.loads((GROUPS_DIR / name).read_text(encoding="utf-8"))
    for key in ("publisher", "title", "url", "retrieved"):
        assert data["source"][key]
    assert len(data["countries"]) > 200
    assert all(len(code) == 3 and code.isupper() for code in data["countries"])
