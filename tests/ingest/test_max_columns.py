"""A "Max score" column beside the level: the scale's top, not a second level column."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import assert_problem, by_assessment, read, xlsx

LEVELS = {n: n % 5 for n in range(1, 22)}


def _table(first: str, second: str, maximum: object, *, max_first: bool = False) -> bytes:
    header = ["Country", "Year", "Capability", first, second]
    rows = [header]
    for n, level in LEVELS.items():
        pair = [maximum, level] if max_first else [level, maximum]
        rows.append(["Kenya", 2023, n, *pair])
    return xlsx({"Scores": rows})


@pytest.mark.parametrize(
    ("first", "second", "max_first"),
    [
        ("Score", "Max score", False),
        ("Max score", "Score", True),
        ("Score", "Maximum score", False),
        ("Level", "Score max", False),
        ("Score", "Out of", False),
        ("Puntuación", "Puntuación máxima", False),
        ("Score", "Maximum", False),
    ],
)
def test_a_column_of_the_scales_top_is_not_a_level_column(first, second, max_first):
    result = read("scores.xlsx", _table(first, second, 4, max_first=max_first))
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}
    assert not [p for p in result.problems if p.severity == "error"]


@pytest.mark.parametrize("second", ["Max score", "Puntuación máxima", "Out of"])
def test_a_maximum_other_than_the_scales_top_refuses_the_scores(second):
    result = read("scores.xlsx", _table("Score", second, 5))
    assert by_assessment(result) == {}
    assert_problem(result, "error", "D1", "is scored out of 5")


def test_a_maximum_column_that_varies_is_still_a_rival_level_column():
    rows = [["Country", "Year", "Capability", "Score", "Max score"]]
    rows += [["Kenya", 2023, n, n % 5, (n + 2) % 5] for n in range(1, 22)]
    result = read("scores.xlsx", xlsx({"Scores": rows}))
    assert by_assessment(result) == {}
    assert_problem(result, "error", "D1", "Several columns are headed like the level")


def test_a_level_column_headed_like_a_maximum_is_not_refused_for_its_own_values():
    rows = [["Country", "Year", "Capability", "Max level"]]
    rows += [["Kenya", 2023, n, 3] for n in range(1, 22)]
    result = read("scores.xlsx", xlsx({"Scores": rows}))
    assert by_assessment(result) == {("Kenya", 2023, None): dict.fromkeys(range(1, 22), 3)}


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("Nombre d'ateliers sur l'année", 3),  # "sur" is an everyday French word
        ("Max participants", 20),
        ("Sources (max 3)", 1),
        ("Données sur la période", 2022),
        ("Maximum", 2023),  # a year, not the top of a scale
    ],
)
def test_a_constant_column_that_is_no_maximum_of_the_scale_leaves_the_levels_read(header, value):
    rows = [["Pays", "Année", "Capacité", "Niveau", header]]
    levels = {1: 1, 2: 2, 3: 3, 4: 4, 7: 2}
    rows += [["Kenya", 2023, n, level, value] for n, level in levels.items()]
    result = read("data.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {("Kenya", 2023, None): levels}
    assert not [p for p in result.problems if p.severity == "error"]
