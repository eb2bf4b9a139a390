"""Titles wrapped onto the next row (a PDF converted to Excel): one capability's rows joined."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, read, xlsx

LEVELS = {n: (n * 2 + 1) % 5 for n in range(1, 22)}
TOP = [["Country", "Sri Lanka"], ["Year", 2022], []]


def _split(title: str, at: int) -> tuple[str, str] | None:
    """The title cut at the space nearest ``at`` characters, as a narrow PDF column wraps."""
    cut = title.rfind(" ", 0, at)
    cut = cut if cut > 0 else title.find(" ")
    return (title[:cut], title[cut + 1 :]) if cut > 0 else None


def _rows(at: int, level_on: str, header=("No.", "Capability", "Level")) -> list[list]:
    rows = [*TOP, list(header)]
    for n, title in TITLES.items():
        parts = _split(title, at) if len(title) > at else None
        if parts is None:
            rows.append([n, title, LEVELS[n]])
        elif level_on == "first":
            rows += [[n, parts[0], LEVELS[n]], [None, parts[1], None]]
        else:
            rows += [[n, parts[0], None], [None, parts[1], LEVELS[n]]]
    return rows


@pytest.mark.parametrize("at", [12, 20, 28])
@pytest.mark.parametrize("level_on", ["first", "second"])
@pytest.mark.parametrize(
    "header",
    [("No.", "Capability", "Level"), ("N°", "Capacité", "Niveau"), ("#", "Capacidad", "Nivel")],
)
def test_a_title_wrapped_onto_the_next_row_is_one_row(at, level_on, header):
    result = read("converted.xlsx", xlsx({"Table 1": _rows(at, level_on, header)}))
    assert by_assessment(result) == {("Sri Lanka", 2022, None): LEVELS}
    first = 5 + next(
        i for i, title in enumerate(TITLES.values()) if _split(title, at) and len(title) > at
    )
    assert_problem(result, "warning", f"B{first}", "wrapped onto the next row")
    assert not [p for p in result.problems if "second time" in p.message]


def test_the_number_alone_on_the_first_row_and_the_title_and_level_below():
    rows = [*TOP, ["No.", "Capability", "Level"]]
    for n, title in TITLES.items():
        rows += [[n, None, None], [None, title, LEVELS[n]]] if n % 2 else [[n, title, LEVELS[n]]]
    result = read("converted.xlsx", xlsx({"Table 1": rows}))
    assert by_assessment(result) == {("Sri Lanka", 2022, None): LEVELS}


def test_a_title_over_three_rows_with_its_description_and_evidence_wrapped_too():
    rows = [*TOP, ["No.", "Capability", "Description", "Level", "Evidence"]]
    for n, title in TITLES.items():
        rows.append([n, title, "About it", LEVELS[n], "A report"])
    rows[4 + 1] = [2, "Research,", "Research and", None, "Study of"]  # capability 2's rows
    rows[5:6] = [
        rows[5],
        [None, "Analysis and", "data", None, "2021"],
        [None, "Monitoring", None, LEVELS[2], None],
    ]
    result = read("converted.xlsx", xlsx({"Table 1": rows}))
    assert by_assessment(result) == {("Sri Lanka", 2022, None): LEVELS}
    frame = result.capabilities
    evidence = frame.loc[frame["capability"] == 2, "evidence"].item()
    assert evidence == "Study of 2021"


def test_a_word_cut_with_a_hyphen_is_joined_without_it():
    rows = [*TOP, ["No.", "Capability", "Level"]]
    rows += [[n, TITLES[n], LEVELS[n]] for n in range(1, 4)]
    rows += [[4, "Dedicated Law Enforce-", None], [None, "ment", LEVELS[4]]]
    result = read("converted.xlsx", xlsx({"Table 1": rows}))
    assert by_assessment(result) == {("Sri Lanka", 2022, None): {n: LEVELS[n] for n in range(1, 5)}}


def test_two_levels_for_one_wrapped_title_are_neither_used():
    rows = [*TOP, ["No.", "Capability", "Level"], [1, TITLES[1], 3]]
    rows += [[2, "Research, Analysis", 1], [None, "and Monitoring", 4], [3, TITLES[3], 2]]
    result = read("converted.xlsx", xlsx({"Table 1": rows}))
    assert by_assessment(result) == {("Sri Lanka", 2022, None): {1: 3, 3: 2}}
    assert_problem(
        result, "error", "C7", "look like one title wrapped over several rows (capability 2"
    )
    assert not [p for p in result.problems if "second time" in p.message]


def test_a_row_without_number_but_with_its_own_title_is_its_own_row():
    rows = [*TOP, ["No.", "Capability", "Level"], [1, "Leadership", 3], [None, TITLES[2], 1]]
    rows += [[3, TITLES[3], 2]]
    result = read("converted.xlsx", xlsx({"Table 1": rows}))
    assert by_assessment(result) == {("Sri Lanka", 2022, None): {1: 3, 2: 1, 3: 2}}
    assert not [p for p in result.problems if "wrapped" in p.message]


def test_a_long_table_without_numbers_joins_a_title_only_when_it_is_whole():
    rows = [["Country", "Year", "Capability", "Level"]]
    rows += [["Kenya", 2023, "Research, Analysis", None], [None, None, "and Monitoring", 2]]
    rows += [["Kenya", 2023, TITLES[1], 4]]
    result = read("long.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {("Kenya", 2023, None): {1: 4, 2: 2}}


def test_rows_of_two_countries_are_never_joined():
    rows = [["Country", "Year", "Capability", "Level"]]
    rows += [["Kenya", 2023, "Research, Analysis", 1], ["Ghana", 2023, "and Monitoring", 2]]
    result = read("long.xlsx", xlsx({"Data": rows}))
    assert not [p for p in result.problems if "wrapped" in p.message]


def test_a_long_table_row_with_its_own_country_is_never_a_continuation():
    rows = [["Country", "Year", "Capability", "Level"]]
    rows += [["Kenya", 2023, "C02 Research, Analysis and Monitoring", 1]]
    rows += [["Kenya", 2023, "Budget allocated", 4]]
    result = read("long.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {("Kenya", 2023, None): {2: 1}}
    assert not [p for p in result.problems if "wrapped" in p.message]
