"""Display tables: levels in words, missing shown as missing, labels that tell rows apart."""

import pandas as pd
import pytest

from components.framework.model import default_framework
from components.ingest.labels import assessment_label
from components.scoring.tables import level_text, preview_table
from tests.factories import capability_rows


@pytest.mark.parametrize(
    ("level", "text"),
    [
        (0, "0 · Not in place"),
        (4, "4 · Mature"),
        (4.0, "4 · Mature"),
        (2.5, "2.5"),  # a median between two levels stays a number
        (9, "9"),  # off the scale: the number, never a made-up word
        (None, "Not assessed"),
        (pd.NA, "Not assessed"),
        (float("nan"), "Not assessed"),
    ],
)
def test_level_text(level, text):
    assert level_text(level, default_framework().scale) == text


@pytest.mark.parametrize(
    ("row", "label"),
    [
        ({"country": "Arvenia", "year": 2020, "date": pd.NA, "round": pd.NA}, "Arvenia 2020"),
        (
            {"country": "Arvenia", "year": 2020, "date": "2020-05-01", "round": "Baseline"},
            "Arvenia 2020-05-01 (Baseline)",
        ),
        ({"country": "Arvenia", "year": pd.NA, "date": pd.NA, "round": pd.NA}, "Arvenia"),
    ],
)
def test_assessment_label(row, label):
    assert assessment_label(pd.Series(row)) == label


def test_preview_has_every_capability_and_one_column_per_assessment():
    frame = pd.concat(
        [
            capability_rows("a", "Arvenia", 2020, {1: 2, 7: 0}),
            capability_rows("b", "Arvenia", 2020, {1: 3}, source="other.xlsx › Sheet1"),
        ],
        ignore_index=True,
    )
    table = preview_table(frame, default_framework())
    assert len(table) == 21
    assert list(table.columns) == [
        "Arvenia 2020 · test.xlsx › Assessment",
        "Arvenia 2020 · other.xlsx › Sheet1",
    ]
    first = table.iloc[:, 0]
    assert first["1 · Leadership"] == "2 · Developing"
    assert first["7 · Access to Image Databases"] == "0 · Not in place"
    assert first["2 · Research, Analysis and Monitoring"] == "Not assessed"
