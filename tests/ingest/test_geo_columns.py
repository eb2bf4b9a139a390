"""A survey tool's geo-IP location columns beside the question naming the assessed country."""

from __future__ import annotations

import pytest

from components.ingest.column_roles import asks_country
from components.ingest.geo_columns import asked_country_column, not_located
from tests.ingest.reader_support import FW, csv_bytes, read

LOCATION = ["IP Address", "Longitude", "Latitude", "Country", "City", "State/Region", "Postal"]
QUESTION = "Which country does this assessment cover?"


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (["Response ID", *LOCATION, QUESTION, "Leadership"], 8),
        # a Country column with no location beside it is the country column
        (["Country", "Year", QUESTION], 0),
        # location columns but no question: the Country column stays (nothing better)
        (LOCATION, 3),
        # two questions: which is meant is not guessed here
        ([*LOCATION, QUESTION, "Which country do you work in?"], 3),
    ],
)
def test_the_question_is_the_country_column_beside_a_tools_location(headers, expected):
    assert asked_country_column(tuple(headers), headers.index("Country"), asks_country) == expected


@pytest.mark.parametrize(
    ("asked", "texts", "expected"),
    [
        ([4, 8], dict(enumerate(["R", *LOCATION, QUESTION])), [8]),
        ([0, 2], {0: "Country", 1: "Year", 2: QUESTION}, [0, 2]),
        ([4], dict(enumerate(["R", *LOCATION])), [4]),
    ],
)
def test_a_form_leaves_a_located_country_column(asked, texts, expected):
    assert not_located(asked, texts) == expected


def test_an_alchemer_export_files_each_response_under_the_country_it_assessed():
    questions = [f"How would you rate {c.title}?:Current maturity level" for c in FW.capabilities]
    rows = [["Response ID", "Date Submitted", "Status", *LOCATION, QUESTION, *questions]]
    answers = {
        ("United Kingdom", "London", "Tanzania"): "2 - Developing",
        ("France", "Paris", "Madagascar"): "3 - Established",
    }
    for n, ((where, city, assessed), level) in enumerate(answers.items(), start=1):
        location = ["10.0.0.1", 1.0, 2.0, where, city, "", ""]
        rows.append([n, "2024-05-02 10:00:00", "Complete", *location, assessed, *[level] * 21])
    result = read("alchemer.csv", csv_bytes(rows))
    assert sorted(set(result.capabilities["country"])) == ["Madagascar", "Tanzania"]
