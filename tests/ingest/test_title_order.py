"""Titles the reader does not know (components/ingest/title_order.py): placed only where the
framework's order settles them; seven rows numbered 1 to 7 of them maybe the enablers, never
read as capabilities 1 to 7."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.reader_support import (
    TITLES,
    assert_problem,
    by_assessment,
    enabler_levels,
    errors,
    read,
    xlsx,
)

ALL = range(1, 22)
LEVELS = {n: n % 5 for n in ALL}
# Titles in a team's own words, close to the framework's (or its translations') but not theirs.
OWN = {
    4: "Polícia especializada",
    5: "Magistrados e procuradores",
    6: "Gestão de ofensores",
    9: "Técnicos de proteção da criança",
    15: "Apoio a ofensores",
}


def _rows(titles: dict[int, str], order: list[int] | None = None) -> list[list[Any]]:
    rows: list[list[Any]] = [["País", "Guiné-Bissau"], ["Ano", 2024], [], ["Capacidade", "Nível"]]
    return rows + [[titles.get(n, TITLES[n]), LEVELS[n]] for n in order or ALL]


def test_own_titles_in_the_frameworks_order_are_read_at_their_place_with_a_warning() -> None:
    result = read("gb.xlsx", xlsx({"Avaliação": _rows(OWN)}))
    assert by_assessment(result) == {("Guinea-Bissau", 2024, None): LEVELS}
    assert not errors(result)
    assert_problem(result, "warning", "A8", "“Polícia especializada” (A8) is not a title")
    assert_problem(result, "warning", "A8", "between capability 3 and 5")


def test_a_first_or_last_row_is_placed_from_the_ends_too() -> None:
    own = {1: "Governança e liderança", 21: "Terminologia comum"}
    result = read("gb.xlsx", xlsx({"Avaliação": _rows(own)}))
    assert by_assessment(result) == {("Guinea-Bissau", 2024, None): LEVELS}
    assert_problem(result, "warning", "A5", "it comes before capability 2")
    assert_problem(result, "warning", "A25", "it comes after capability 20")


@pytest.mark.parametrize(
    ("case", "titles", "order", "unread"),
    [
        # sorted by title: the known rows are out of the framework's order
        ("out of order", OWN, sorted(ALL, key=lambda n: OWN.get(n, TITLES[n])), set(OWN)),
        # capability 5's row deleted: two capabilities missing where one row stands
        ("a gap of two", {4: OWN[4]}, [n for n in ALL if n != 5], {4}),
        # a row whose words are close to no title is never placed, whatever its place
        ("no likeness", {4: "Budget lines"}, None, {4}),
        # more rows unknown than known: the order is no evidence
        ("too few known", {n: f"Título {n}" for n in range(1, 15)}, None, set(range(1, 15))),
    ],
)
def test_unknown_titles_stay_errors_where_the_order_does_not_settle_them(
    case: str, titles: dict[int, str], order: list[int] | None, unread: set[int]
) -> None:
    result = read("gb.xlsx", xlsx({"Avaliação": _rows(titles, order)}))
    levels = by_assessment(result).get(("Guinea-Bissau", 2024, None), {})
    assert not unread & set(levels), case
    assert len(errors(result)) >= 1
    assert not [p for p in result.problems if "the one missing at its place" in p.message]


def test_a_numbered_table_keeps_its_numbers() -> None:
    rows: list[list[Any]] = [
        ["Country", "Kenya"],
        ["Year", 2023],
        [],
        ["No.", "Capability", "Level"],
    ]
    rows += [[n, OWN.get(n, TITLES[n]), LEVELS[n]] for n in ALL]
    result = read("ke.xlsx", xlsx({"Sheet1": rows}))
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}
    assert not [p for p in result.problems if "the one missing at its place" in p.message]


# --- seven rows numbered 1 to 7 whose titles name no capability: maybe the enablers ---------

FORM = [["Country", "Kenya"], ["Year", 2023], [], ["No.", "Capability", "Level"]]
FORM += [[n, TITLES[n], LEVELS[n]] for n in ALL]
# An Enablers sheet translated into a language the app does not read (Polish, Hungarian).
POLISH = [f"Czynnik wspierający {n}" for n in range(1, 8)]
HUNGARIAN = [f"Támogató tényező {n}" for n in range(1, 8)]


@pytest.mark.parametrize("titles", [POLISH, HUNGARIAN])
@pytest.mark.parametrize("header", [["No.", "Title", "Level"], ["No.", "Czynnik", "Level"]])
@pytest.mark.parametrize("with_form", [True, False], ids=["beside the form", "alone"])
def test_seven_numbered_rows_titled_otherwise_are_not_capabilities_1_to_7(
    titles: list[str], header: list[str], with_form: bool
) -> None:
    rows: list[list[Any]] = [["Country", "Kenya"], ["Year", 2023], [], header]
    rows += [[n, titles[n - 1], n % 4] for n in range(1, 8)]
    sheets = {"Assessment": FORM, "Arkusz2": rows} if with_form else {"Arkusz2": rows}
    result = read("two.xlsx", xlsx(sheets))
    read_levels = by_assessment(result).get(("Kenya", 2023, None), {})
    assert read_levels == (LEVELS if with_form else {})
    assert_problem(result, "error", "A4", "they may be the seven enablers")


def test_said_as_the_enablers_they_are_read_as_the_enablers() -> None:
    rows: list[list[Any]] = [["No.", "Enabler", "Level"]]
    rows += [[n, POLISH[n - 1], n % 4] for n in range(1, 8)]
    result = read("two.xlsx", xlsx({"Assessment": FORM, "Arkusz2": rows}))
    assert enabler_levels(result) == {("Kenya", 2023, None): {n: n % 4 for n in range(1, 8)}}


@pytest.mark.parametrize(
    "rows",
    [
        # capabilities 1 to 7 under their own titles: a partial assessment, read as ever
        [[n, TITLES[n], n % 4] for n in range(1, 8)],
        # numbered past 7: capabilities, whatever their titles
        [[n, f"Zdolność {n}", n % 4] for n in range(1, 9)],
    ],
    ids=["titled as capabilities", "eight rows"],
)
def test_other_tables_of_few_rows_are_read_as_before(rows: list[list[Any]]) -> None:
    sheet = [["Country", "Kenya"], ["Year", 2023], [], ["No.", "Title", "Level"], *rows]
    result = read("one.xlsx", xlsx({"Sheet1": sheet}))
    assert by_assessment(result) == {("Kenya", 2023, None): {r[0]: r[2] for r in rows}}
    assert not [p for p in result.problems if "seven enablers" in p.message]
