"""A part of a country assessed on its own ("Tanzania (Mainland)", "Zanzibar", "Scotland"):
filed under its country and ISO3 code with the part as the round, said with a warning; two
parts of one country in one file stay two assessments."""

from __future__ import annotations

import pytest

from components.ingest.country_parts import part_of_country
from tests.ingest.reader_support import TITLES, assert_problem, none_if_missing, read, xlsx


def _wide(*heads: str) -> bytes:
    rows = [["Year", 2023], [], ["No.", "Capability", *heads]]
    rows += [[n, TITLES[n], *[(n + i) % 5 for i in range(len(heads))]] for n in range(1, 22)]
    return xlsx({"Scores": rows})


def _assessments(result) -> set[tuple]:
    frame = result.capabilities[["country", "iso3", "round"]].drop_duplicates()
    return {tuple(none_if_missing(v) for v in row) for row in frame.values}


@pytest.mark.parametrize(
    ("heads", "expected"),
    [
        (
            ("Tanzania (Mainland)", "Zanzibar"),
            {("Tanzania", "TZA", "Mainland"), ("Tanzania", "TZA", "Zanzibar")},
        ),
        (
            ("Tanzania (Mainland)", "Tanzania (Zanzibar)"),
            {("Tanzania", "TZA", "Mainland"), ("Tanzania", "TZA", "Zanzibar")},
        ),
        (
            ("Iraq (Federal)", "Kurdistan Region of Iraq"),
            {("Iraq", "IRQ", "Federal"), ("Iraq", "IRQ", "Kurdistan Region of Iraq")},
        ),
        (
            ("Scotland", "England and Wales"),
            {("United Kingdom", "GBR", "Scotland"), ("United Kingdom", "GBR", "England and Wales")},
        ),
        # a part with an ISO 3166 code of its own is a country; other brackets stay as before
        (("Hong Kong", "Kenya"), {("Hong Kong", "HKG", None), ("Kenya", "KEN", None)}),
        (("Tanzania (draft)", "Kenya"), {("Tanzania", "TZA", "draft"), ("Kenya", "KEN", None)}),
        (
            ("Bolivia (Plurinational State of)", "Kenya"),
            {("Bolivia", "BOL", None), ("Kenya", "KEN", None)},
        ),
    ],
)
def test_parts_of_a_country_are_the_country_with_the_part_as_round(heads, expected):
    result = read("parts.xlsx", _wide(*heads))
    assert _assessments(result) == expected
    assert len(result.capabilities) == 21 * len(heads)  # never merged into one


def test_the_warning_says_how_the_part_was_filed():
    result = read("parts.xlsx", _wide("Tanzania (Mainland)", "Zanzibar"))
    assert_problem(result, "warning", "C3", "“Mainland” as its round")
    assert_problem(result, "warning", "D3", "names a part of “Tanzania”")


def test_a_long_table_with_a_part_in_its_country_column():
    rows = [["Country", "Year", "Capability", "Level"]]
    rows += [["Tanzania (Mainland)", 2023, n, 2] for n in range(1, 22)]
    rows += [["Zanzibar", 2023, n, 3] for n in range(1, 22)]
    result = read("long.xlsx", xlsx({"Data": rows}))
    assert _assessments(result) == {
        ("Tanzania", "TZA", "Mainland"),
        ("Tanzania", "TZA", "Zanzibar"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tanzania (Mainland)", ("Tanzania", "TZA", "Mainland")),
        ("Tanzanie (partie continentale)", ("Tanzania", "TZA", "partie continentale")),
        ("Zanzibar", ("Tanzania", "TZA", "Zanzibar")),
        ("Kenya (Zanzibar)", None),  # Zanzibar is no part of Kenya: left to the country rules
        ("Elbonia (Mainland)", None),  # no known country before the bracket
        ("Kenya (Nairobi)", None),  # a word the list does not know
        ("Hong Kong SAR, China", None),  # an ISO 3166 entry of its own (an alias)
    ],
)
def test_which_names_are_parts(text, expected):
    assert part_of_country(text) == expected
