"""A column of countries' names under a business system's own heading."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import TITLES, csv_bytes, read

FOOTER = [
    [],
    ["Grand Totals (6 records)"],
    ["Confidential Information - Do Not Distribute"],
    ["Copyright (c) 2000-2023 salesforce.com, inc. All rights reserved."],
]


def _report(heading: str, countries: list[str], *, footer: bool = True) -> bytes:
    rows = [
        [
            heading,
            "MNR Assessment Name",
            "Capability Number",
            "Capability",
            "Maturity Level",
            "Assessment Date",
        ]
    ]
    for country in countries:
        for number in (1, 2, 3):
            rows.append(
                [
                    country,
                    f"MNR-{country[:3].upper()}-2023",
                    number,
                    TITLES[number],
                    number,
                    "7/29/2023",
                ]
            )
    return csv_bytes(rows + (FOOTER if footer else []))


@pytest.mark.parametrize(
    ("heading", "countries", "footer"),
    [
        ("Account Name", ["Côte d'Ivoire", "Senegal"], True),
        ("Organisation", ["Mali", "Niger"], False),
        ("Account Name", ["DRC", "Kenya"], True),  # another name of a country
    ],
)
def test_a_column_of_countries_is_the_country_column(heading, countries, footer):
    result = read("report.csv", _report(heading, countries, footer=footer))
    read_countries = set(result.capabilities["country"])
    assert len(read_countries) == len(countries)
    assert set(result.capabilities["year"]) == {2023}
    assert any(
        f"headed “{heading}”" in p.message and "read as the Country column" in p.message
        for p in result.problems
    )


def test_a_column_of_other_names_is_not_taken_for_countries():
    result = read(
        "report.csv", _report("Account Name", ["Plan International", "Save the Children"])
    )
    assert result.capabilities.empty
    assert not any("read as the Country column" in p.message for p in result.problems)
