"""Columns headed by the scale's levels that hold counts are never countries."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import (
    LABELS,
    TITLES,
    assert_problem,
    by_assessment,
    errors,
    read,
    xlsx,
)

ENGLISH = [f"{value} {label}" for value, label in LABELS.items()]
FRENCH = ["Inexistant", "En construction", "En développement", "Établi", "Mature"]
SPANISH = ["0 - Inexistente", "1 - En construcción", "2 - En desarrollo", "3 - Establecido", "4"]


def votes(headers: list, *, agreed: bool) -> bytes:
    head = ["No.", "Capability", *headers] + (["Agreed level"] if agreed else [])
    rows = [["Country", "Moldova"], ["Year", 2024], [], head]
    for n, title in TITLES.items():
        counts = [0] * 5
        counts[n % 5] = 6
        counts[(n + 1) % 5] = 3
        rows.append([n, title, *counts] + ([n % 5] if agreed else []))
    return xlsx({"Votes": rows})


@pytest.mark.parametrize("headers", [ENGLISH, FRENCH, [*SPANISH[:4], "4 - Maduro"]])
def test_vote_counts_without_an_agreed_level_are_reported_not_read_as_countries(headers):
    result = read("votes.xlsx", votes(headers, agreed=False))
    assert by_assessment(result) == {}
    assert_problem(result, "error", "C4:G4", "hold a count for each level", sheet="Votes")
    problem = next(p for p in result.problems if "count for each level" in p.message)
    assert "Agreed level" in problem.fix
    assert not any("outside the scale" in p.message for p in errors(result))


def test_vote_counts_with_an_agreed_level_are_read_from_it():
    result = read("votes.xlsx", votes(ENGLISH, agreed=True))
    assert by_assessment(result) == {("Moldova", 2024, None): {n: n % 5 for n in TITLES}}


def test_a_tick_form_with_x_is_still_read():
    rows = [["Country", "Moldova"], ["Year", 2024], [], ["No.", "Capability", *ENGLISH]]
    for n, title in TITLES.items():
        rows.append([n, title, *("x" if k == n % 5 else None for k in range(5))])
    result = read("ticks.xlsx", xlsx({"Ticks": rows}))
    assert by_assessment(result) == {("Moldova", 2024, None): {n: n % 5 for n in TITLES}}


def test_a_count_beside_a_word_under_level_headers_is_never_a_country():
    rows = [["Country", "Moldova"], ["Year", 2024], [], ["No.", "Capability", *ENGLISH]]
    for n, title in TITLES.items():
        rows.append([n, title, *(6 if k == n % 5 else "few" for k in range(5))])
    result = read("words.xlsx", xlsx({"Words": rows}))
    assert all(key[0] not in ENGLISH for key in by_assessment(result))
    assert errors(result)


def rubric(headers: list) -> list[list]:
    rows: list[list] = [["No.", "Capability", *headers]]
    for n, title in TITLES.items():
        rows.append([n, title, *(f"{h}: what {title.lower()} looks like here." for h in headers)])
    return rows


DASHED = [f"{value} - {label}" for value, label in LABELS.items()]


@pytest.mark.parametrize("headers", [DASHED, FRENCH, [*SPANISH[:4], "4 - Maduro"]])
def test_a_rubric_sheet_is_taken_as_a_description_of_the_levels(headers):
    form = [["Country", "Moldova"], ["Year", 2024], [], ["No.", "Capability", "Level"]]
    form += [[n, title, n % 5] for n, title in TITLES.items()]
    result = read("rubric.xlsx", xlsx({"Rubric": rubric(headers), "Moldova": form}))
    assert by_assessment(result) == {("Moldova", 2024, None): {n: n % 5 for n in TITLES}}
    assert not errors(result)
    assert_problem(result, "warning", "C1:G1", "was taken as a description of the levels")


def test_a_rubric_alone_reads_nothing_and_says_so():
    result = read("rubric.xlsx", xlsx({"Rubric": rubric(DASHED)}))
    assert by_assessment(result) == {}
    assert_problem(result, "warning", "C1:G1", "a description of the levels", sheet="Rubric")
    assert_problem(result, "error", None, "No assessment was found")
