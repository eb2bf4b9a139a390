"""A key of the scale anywhere in the workbook: numbered from 1, it refuses the numbers; on
the app's own 0 to 4 it is fine, and its rows are never capabilities."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import assert_problem, by_assessment, errors, read, xlsx

LABELS = ["Not in place", "Building", "Developing", "Established", "Mature"]
FRENCH = ["Pas en place", "En construction", "En développement", "Établi", "Mature"]


def form(levels: dict[int, int], country: str = "Ghana") -> list[list]:
    """A country's form: Country and Year above a No. | Capability | Level table."""
    rows: list[list] = [["Country", country], ["Year", 2024], [], ["No.", "Capability", "Level"]]
    rows += [[n, f"Capability {n}", level] for n, level in levels.items()]
    return rows


ONE_TO_FOUR = {n: 1 + n % 4 for n in range(1, 22)}  # 1 to 4 only: no 5 gives it away
FROM_1 = "numbers the levels from 1, where this framework numbers them from 0"  # the error


def key_in_cells(start: int, labels=LABELS) -> list[list]:
    return [["Score", "Meaning"]] + [[start + i, label] for i, label in enumerate(labels)]


def key_one_cell(start: int, sep: str, labels=LABELS) -> list[list]:
    return [["Key:"]] + [[f"{start + i}{sep}{label}"] for i, label in enumerate(labels)]


def beside(rows: list[list], key: list[list], column: int = 4, top: int = 3) -> list[list]:
    rows = [list(r) for r in rows]
    for offset, cells in enumerate(key):
        row = rows[top + offset]
        row += [None] * (column - len(row))
        row += cells
    return rows


@pytest.mark.parametrize(
    "sheets",
    [
        # beside the table, a "Score | Meaning" table of its own
        {"Ghana": beside(form(ONE_TO_FOUR), key_in_cells(1))},
        # below it, one cell a level, as people type a key
        {"Ghana": [*form(ONE_TO_FOUR), [], *key_one_cell(1, " = ")]},
        {"Ghana": [*form(ONE_TO_FOUR), [], *key_one_cell(1, " - ")]},
        {"Ghana": [*form(ONE_TO_FOUR), [], *key_one_cell(1, ": ")]},
        # on a sheet of its own, in French, all in one cell
        {
            "Ghana": form(ONE_TO_FOUR),
            "Clé": [["\n".join(f"{i + 1} = {label}" for i, label in enumerate(FRENCH))]],
        },
        {"Ghana": form(ONE_TO_FOUR), "Legend": key_in_cells(1)},
    ],
)
def test_a_key_numbering_the_levels_from_1_refuses_the_numbers(sheets):
    result = read("ghana.xlsx", xlsx(sheets))
    assert by_assessment(result) == {}  # never read one level too high
    assert_problem(result, "error", "C4", FROM_1, sheet="Ghana")


def test_a_key_leaving_its_top_level_out_is_told_by_where_it_starts():
    """A key of "1 Not in place" … "4 Established", no "Mature", says nothing of a 5."""
    result = read(
        "ghana.xlsx", xlsx({"Ghana": beside(form(ONE_TO_FOUR), key_in_cells(1, LABELS[:4]))})
    )
    assert by_assessment(result) == {}
    assert_problem(result, "error", "C4", FROM_1)
    message = next(p.message for p in result.problems if p.cell == "C4")
    assert "5" not in message.replace("E5", "")


@pytest.mark.parametrize(
    "key",
    [
        key_one_cell(0, " = "),
        key_one_cell(0, " - "),
        key_in_cells(0),
    ],
)
def test_a_key_on_the_apps_own_scale_is_not_read_as_capabilities(key):
    levels = {n: n % 5 for n in range(1, 22)}
    result = read("ghana.xlsx", xlsx({"Ghana": [*form(levels), [], *key]}))
    assert by_assessment(result) == {("Ghana", 2024, None): levels}
    assert not errors(result)
    assert not any("second time" in p.message for p in result.problems)


def test_a_key_beside_on_the_apps_scale_keeps_every_capability():
    levels = {n: n % 5 for n in range(1, 22)}
    result = read("ghana.xlsx", xlsx({"Ghana": beside(form(levels), key_in_cells(0))}))
    assert by_assessment(result) == {("Ghana", 2024, None): levels}
    assert not errors(result)


@pytest.mark.parametrize(
    "levels",
    [
        # Capabilities 1-3 at levels 0-2 look like a key "1 Not in place, 2 Building, …" but
        # the table goes on with capability 4.
        {n: LABELS[(n - 1) % 5] for n in range(1, 22)},
        # Capabilities 2-4 at 1-3: the same, further down.
        {1: "Mature", **{n: LABELS[(n - 1) % 5] for n in range(2, 22)}},
    ],
)
def test_capabilities_with_level_words_that_happen_to_go_up_are_no_key(levels):
    rows = [["Country", "Ghana"], ["Year", 2024], [], ["No.", "Level"]]
    rows += [[n, level] for n, level in levels.items()]
    result = read("ghana.xlsx", xlsx({"Ghana": rows}))
    found = by_assessment(result)[("Ghana", 2024, None)]
    assert found == {n: LABELS.index(label) for n, label in levels.items()}


def test_a_key_does_not_refuse_levels_written_as_words():
    levels = {n: LABELS[n % 5] for n in range(1, 22)}
    result = read("ghana.xlsx", xlsx({"Ghana": form(levels), "Key": key_in_cells(1)}))
    assert by_assessment(result) == {("Ghana", 2024, None): {n: n % 5 for n in range(1, 22)}}


def test_a_note_that_5_is_mature_is_a_key_alone():
    rows = [*form(ONE_TO_FOUR), [], ["Note: 5 = Mature"], ["5 = Mature"]]
    result = read("ghana.xlsx", xlsx({"Ghana": rows}))
    assert by_assessment(result) == {}
    assert_problem(result, "error", "C4", FROM_1)


def test_one_level_cell_at_odds_with_its_label_refuses_that_cell_only():
    levels: dict[int, object] = dict(ONE_TO_FOUR)
    levels[2] = "1: Not in place"  # number and label disagree: that cell, not a key
    result = read("ghana.xlsx", xlsx({"Ghana": form(levels)}))
    expected = {n: v for n, v in ONE_TO_FOUR.items() if n != 2}
    assert by_assessment(result) == {("Ghana", 2024, None): expected}
    assert_problem(result, "error", "C6", "gives the number 1 but the label of level 0")


@pytest.mark.parametrize(
    "summary",
    [
        # Counts of capabilities per level, not a key: the labels go on, the numbers do not.
        [
            ["Capabilities", "Level"],
            [1, "Not in place"],
            [2, "Building"],
            [3, "Developing"],
            [9, "Established"],
            [6, "Mature"],
        ],
        # "5 = Mature" in a table row (an earlier level), not on a line of its own.
        [["Capability", "Previous"], ["Leadership", "5 = Mature"]],
    ],
)
def test_what_only_looks_like_a_key_leaves_the_levels_read(summary):
    rows = [["No.", "Capability", "Level"]] + [[n, None, n % 5] for n in range(1, 22)]
    book = {"Kenya": [["Country", "Kenya"], ["Year", 2023], [], *rows], "Summary": summary}
    result = read("book.xlsx", xlsx(book))
    assert by_assessment(result) == {("Kenya", 2023, None): {n: n % 5 for n in range(1, 22)}}


def ordered(start: int, order: list[int], labels=LABELS) -> list[tuple[int, str]]:
    """The key's entries (number, label) in ``order`` of the levels (0 to 4)."""
    return [(start + level, labels[level]) for level in order]


DOWN = [4, 3, 2, 1, 0]
SHUFFLED = [2, 0, 4, 1, 3]


@pytest.mark.parametrize(
    "key",
    [
        # "5 = Mature" first, down to "1 = Not in place": below the table or beside it
        [["Key:"]] + [[f"{n} = {label}"] for n, label in ordered(1, DOWN)],
        [["Key:"]] + [[f"{n} - {label}"] for n, label in ordered(1, DOWN, FRENCH)],
        [["Score", "Meaning"]] + [[n, label] for n, label in ordered(1, DOWN)],
        # every level once, in no order, still clearly a key
        [["Key:"]] + [[f"{n}: {label}"] for n, label in ordered(1, SHUFFLED)],
        [["Score", "Meaning"]] + [[n, label] for n, label in ordered(1, SHUFFLED)],
        # all in one cell, a line each, from the top down
        [["\n".join(f"{n} = {label}" for n, label in ordered(1, DOWN))]],
    ],
)
def test_a_key_from_1_in_any_order_refuses_the_numbers_as_one_going_up_does(key):
    for sheets in (
        {"Ghana": [*form(ONE_TO_FOUR), [], *key]},
        {"Ghana": beside(form(ONE_TO_FOUR), key)},
    ):
        result = read("ghana.xlsx", xlsx(sheets))
        assert by_assessment(result) == {}  # never read one level too high
        assert_problem(result, "error", "C4", FROM_1, sheet="Ghana")


@pytest.mark.parametrize(
    "key",
    [
        [["Key:"]] + [[f"{n} = {label}"] for n, label in ordered(0, DOWN)],
        [["Score", "Meaning"]] + [[n, label] for n, label in ordered(0, DOWN)],
        [["Key:"]] + [[f"{n} - {label}"] for n, label in ordered(0, SHUFFLED, FRENCH)],
    ],
)
def test_a_key_from_0_in_any_order_is_the_apps_own_scale(key):
    levels = {n: n % 5 for n in range(1, 22)}
    result = read("ghana.xlsx", xlsx({"Ghana": [*form(levels), [], *key]}))
    assert by_assessment(result) == {("Ghana", 2024, None): levels}
    assert not errors(result)
    assert not any("second time" in p.message for p in result.problems)


def test_levels_of_capabilities_going_down_are_not_a_key():
    # "No. | Level" rows 5 Mature, 4 Established, 3 Developing … are capabilities' levels
    levels = {n: max(0, 5 - n) if n <= 5 else 2 for n in range(1, 22)}
    words = {n: LABELS[level] for n, level in levels.items()}
    result = read("ghana.xlsx", xlsx({"Ghana": form(words)}))
    assert by_assessment(result) == {("Ghana", 2024, None): levels}
    assert not errors(result)


@pytest.mark.parametrize(
    "key",
    [
        ", ".join(f"{n} = {label}" for n, label in ordered(1, DOWN)),
        "; ".join(f"{n} = {label}" for n, label in ordered(1, list(range(5)))),
        "Key: " + ", ".join(f"{n} = {label}" for n, label in ordered(1, DOWN)),
        "Légende : " + ", ".join(f"{n} - {label}" for n, label in ordered(1, DOWN, FRENCH)),
    ],
)
def test_a_key_on_one_line_in_one_cell_is_recognised(key):
    result = read("ghana.xlsx", xlsx({"Ghana": [*form(ONE_TO_FOUR), [], [key]]}))
    assert by_assessment(result) == {}  # never read one level too high
    assert_problem(result, "error", "C4", FROM_1, sheet="Ghana")


@pytest.mark.parametrize(
    "key",
    [
        # one line above the form, as the probe's national scale: 4 is "Not in place"
        [["Scale: 4 = Not in place, 3 = Building, 2 = Developing, 1 = Established, 0 = Mature"]],
        # a Score | Meaning table, 1 to 5 from the top down
        [["Score", "Meaning"], *([5 - i, label] for i, label in enumerate(LABELS))],
        # one cell a level, 4 down to 0 in the order of the names
        [["Key:"], *([f"{4 - i} = {label}"] for i, label in enumerate(LABELS))],
    ],
)
def test_a_key_numbering_the_levels_the_other_way_round_refuses_the_numbers(key):
    result = read("ghana.xlsx", xlsx({"Ghana": [*key, [], *form(ONE_TO_FOUR)]}))
    assert by_assessment(result) == {}  # never read upside down
    refused = [p for p in errors(result) if "the other way round" in p.message]
    assert refused, result.problems
