"""Word's prompt for an empty box in a level cell: not assessed, with one warning naming them."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import assert_problem, by_assessment, errors, read, xlsx


def form(levels: dict[int, object]) -> list[list]:
    rows: list[list] = [["Country", "Zambia"], ["Year", 2024], [], ["No.", "Capability", "Level"]]
    return rows + [[n, f"Capability {n}", level] for n, level in levels.items()]


@pytest.mark.parametrize(
    "prompt",
    [
        "Choose an item.",
        "Click or tap here to enter text.",
        "Click here to enter text.",
        "CHOOSE AN ITEM",
        "Choisissez un élément.",
        "Elija un elemento.",
        "Escolher um item.",
    ],
)
def test_words_prompt_is_not_assessed_with_one_warning(prompt):
    levels: dict[int, object] = {n: n % 5 for n in range(1, 22)}
    for number in (4, 8, 12):
        levels[number] = prompt
    result = read("zambia.xlsx", xlsx({"Assessment": form(levels)}))
    expected = {n: v for n, v in levels.items() if isinstance(v, int)}
    assert by_assessment(result) == {("Zambia", 2024, None): expected}
    assert not errors(result)
    warnings = [p for p in result.problems if "Word's text" in p.message]
    assert len(warnings) == 1
    assert_problem(result, "warning", "C8", "the level cells C8, C12, C16 still show Word's text")
    assert "not assessed" in warnings[0].message


def test_one_prompt_is_named_alone():
    levels: dict[int, object] = dict.fromkeys(range(1, 22), 2)
    levels[5] = "Choose an item."
    result = read("zambia.xlsx", xlsx({"Assessment": form(levels)}))
    assert_problem(result, "warning", "C9", "the level cell C9 still shows Word's text")


def test_a_prompt_per_assessment_in_a_long_table():
    rows: list[list] = [["Country", "Year", "Capability", "Level"]]
    for country in ("Zambia", "Malawi"):
        rows += [[country, 2024, n, "Choose an item." if n == 3 else 1] for n in range(1, 22)]
    result = read("long.xlsx", xlsx({"Data": rows}))
    warnings = [p for p in result.problems if "Word's text" in p.message]
    assert [w.cell for w in warnings] == ["D4", "D25"]
    assert not errors(result)
