"""Two level columns read together (components/ingest/level_copies.py): a column per country
("Level (Kenya)" | "Level (Uganda)"), or copies of the template merged by hand ("Level (MoJ)" |
"Level (Police)", each filling its rows). Where the columns say nothing of the kind, or the
copies disagree, the reader does as before: one column read, or the table refused."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.reader_support import TITLES, by_assessment, errors, read, xlsx

ALL = range(1, 22)
FIRST = {n: n % 5 for n in ALL}
SECOND = {n: (n + 2) % 5 for n in ALL}


def _form(country: str, headings: list[str], columns: list[dict[int, Any]]) -> bytes:
    """The template's shape: Country and Date or year labels, then No. | Capability | the
    level columns | Evidence."""
    rows: list[list[Any]] = [["Country", country], ["Date or year", 2024], []]
    rows += [["No.", "Capability", *headings, "Evidence / notes"]]
    rows += [[n, TITLES[n], *(column.get(n) for column in columns), f"note {n}"] for n in ALL]
    return xlsx({"Assessment": rows})


@pytest.mark.parametrize(
    ("country", "headings", "names"),
    [
        ("Kenya / Uganda", ["Level (Kenya)", "Level (Uganda)"], ["Kenya", "Uganda"]),
        ("Kenya", ["Level (Kenya)", "Level (Uganda)"], ["Kenya", "Uganda"]),
        ("East Africa", ["Kenya level", "Uganda level"], ["Kenya", "Uganda"]),
        ("", ["Level - Ghana", "Level - Togo"], ["Ghana", "Togo"]),
        ("Sénégal / Mali", ["Niveau (Sénégal)", "Niveau (Mali)"], ["Sénégal", "Mali"]),
        ("Perú y Bolivia", ["Nivel [Perú]", "Nivel [Bolivia]"], ["Perú", "Bolivia"]),
    ],
)
def test_a_level_column_per_country_is_each_countrys_assessment(
    country: str, headings: list[str], names: list[str]
) -> None:
    result = read("regional.xlsx", _form(country, headings, [FIRST, SECOND]))
    assert by_assessment(result) == {
        (names[0], 2024, None): FIRST,
        (names[1], 2024, None): SECOND,
    }
    assert not errors(result)
    said = [p for p in result.problems if "each name a country" in p.message]
    assert len(said) == 1
    assert f"“{headings[0]}” (C4), “{headings[1]}” (D4)" in said[0].message


def test_three_countries_side_by_side_are_three_assessments() -> None:
    third = {n: 4 - n % 5 for n in ALL}
    headings = ["Level (Kenya)", "Level (Uganda)", "Level (Tanzania)"]
    result = read("regional.xlsx", _form("EAC", headings, [FIRST, SECOND, third]))
    assert by_assessment(result) == {
        ("Kenya", 2024, None): FIRST,
        ("Uganda", 2024, None): SECOND,
        ("Tanzania", 2024, None): third,
    }


@pytest.mark.parametrize(
    "headings",
    [
        ["Level (Kenya)", "Level (Kenya)"],  # one country twice: whose is which?
        ["Level (Kenya)", "Level (draft)"],  # a country beside a draft
        ["Level (KEN)", "Level (UGA)"],  # codes alone may be acronyms
    ],
)
def test_columns_that_do_not_each_name_another_country_stay_refused(headings: list[str]) -> None:
    result = read("regional.xlsx", _form("Kenya", headings, [FIRST, SECOND]))
    assert ("Uganda", 2024, None) not in by_assessment(result)
    assert any("Several columns are headed like the level" in p.message for p in errors(result))


# Two ministries' copies merged: each filled its rows (the first column rows 1-10, the second
# 11-21), and both capability 10, alike.
MOJ = {n: FIRST[n] for n in range(1, 11)}
POLICE = {n: FIRST[n] for n in range(10, 22)}


@pytest.mark.parametrize(
    "headings",
    [
        ["Level (MoJ)", "Level (Police)"],
        ["Level (Ministry of Health)", "Level (Ministry of Education)"],
        ["Score – MoJ", "Score – Police"],
        ["Niveau (MJ)", "Niveau (Police)"],
        ["Level", "Level (Police)"],
    ],
)
def test_copies_merged_by_hand_are_read_together(headings: list[str]) -> None:
    result = read("merged.xlsx", _form("Albania", headings, [MOJ, POLICE]))
    assert by_assessment(result) == {("Albania", 2024, None): FIRST}
    assert not errors(result)
    (said,) = [p for p in result.problems if "were read together" in p.message]
    assert said.cell == "C4"
    assert f"in two columns, “{headings[0]}” (C4), “{headings[1]}” (D4)" in said.message
    assert "they agree (row 14)" in said.message
    evidence = result.capabilities.set_index("capability")["evidence"]
    assert evidence[15] == "note 15"  # the notes of a row the second column gave


def test_three_copies_merged_fill_one_assessment() -> None:
    parts = [{n: FIRST[n] for n in ALL if n % 3 == k} for k in range(3)]
    headings = ["Level (MoJ)", "Level (Police)", "Level (Social Welfare)"]
    result = read("merged.xlsx", _form("Albania", headings, parts))
    assert by_assessment(result) == {("Albania", 2024, None): FIRST}
    assert any("in three columns" in p.message for p in result.problems)


def test_a_long_table_of_merged_copies_keeps_each_countrys_rows() -> None:
    rows: list[list[Any]] = [["Country", "Year", "Capability", "Level (MoJ)", "Level (Police)"]]
    for k, country in enumerate(["Albania", "Kosovo"]):
        for n in ALL:
            level = (n + k) % 5
            rows.append(
                [country, 2023, TITLES[n], level if n <= 10 else None, level if n > 10 else None]
            )
    result = read("long.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {
        (country, 2023, None): {n: (n + k) % 5 for n in ALL}
        for k, country in enumerate(["Albania", "Kosovo"])
    }


@pytest.mark.parametrize(
    ("headings", "second"),
    [
        # two full opinions that disagree: which is right is the person's to say
        (["Level (MoJ)", "Level (Police)"], SECOND),
        # copies headed by when: last year's beside this year's, whatever rows they fill
        (["Level (old)", "Level (new)"], POLICE),
        (["Level (previous)", "Level (current)"], POLICE),
        # a column of notes under a level heading is no copy
        (["Level (MoJ)", "Level (Police)"], dict.fromkeys(range(11, 22), "see annex")),
    ],
)
def test_columns_that_are_no_copies_of_one_assessment_are_not_read_together(
    headings: list[str], second: dict[int, Any]
) -> None:
    first = MOJ if second is not SECOND else FIRST
    result = read("merged.xlsx", _form("Albania", headings, [first, second]))
    assert not any("were read together" in p.message for p in result.problems)
    assert by_assessment(result) != {("Albania", 2024, None): {**second, **first}}


def test_the_scales_key_beside_an_unfilled_table_is_no_copy() -> None:
    key = {n: n - 1 for n in range(1, 6)}  # 0 to 4 down the first five rows, the scale's key
    given = {n: FIRST[n] for n in range(8, 22)}
    result = read("key.xlsx", _form("Albania", ["Level", "Score"], [given, key]))
    assert not any("were read together" in p.message for p in result.problems)
    assert by_assessment(result) == {("Albania", 2024, None): given}
