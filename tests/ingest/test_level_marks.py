"""Quotes, pictographs and footnote marks around a level, and a reason after "N/A"."""

import pytest

from components.ingest.level_marks import reason_after_not_assessed, unwrapped
from components.ingest.values import parse_level
from components.ingest.vocabulary import default_vocabulary
from tests.ingest.reader_support import FW, assert_problem, by_assessment, read, xlsx

SCALE = FW.scale


def _form(levels: list) -> bytes:
    rows = [["Country", "Elbonia"], ["Year", 2024], [], ["No.", "Capability", "Level"]]
    rows += [[number, None, level] for number, level in enumerate(levels, start=1)]
    return xlsx({"Form": rows})


@pytest.mark.parametrize(
    ("value", "level", "words"),
    [
        # quotes from an e-mail or a csv: straight, curly, low-9, guillemets, one side only
        ('"3"', 3, "without the quotes"),
        ("‘2’", 2, "without the quotes"),
        ("“1”", 1, "without the quotes"),
        ("«4»", 4, "without the quotes"),
        ("„0“", 0, "without the quotes"),
        ("'3'", 3, "without the quotes"),
        ("3'", 3, "without the quotes"),
        ('"Developing"', 2, "without the quotes"),
        # pictographs before or after, with a number, a label or both
        ("🟢 3 - Established", 3, "without the symbol “🟢”"),
        ("🟢 3", 3, "without the symbol “🟢”"),
        ("3 🟢", 3, "without the symbol “🟢”"),
        ("✅ 3", 3, "without the symbol “✅”"),
        ("★ 3", 3, "without the symbol “★”"),
        ("🟡 Developing", 2, "without the symbol “🟡”"),
        ("⭐️ Mature", 4, "without the symbol"),
        ("👍🏽 1", 1, "without the symbol"),
        ("➡ 2 · Developing", 2, "without the symbol “➡”"),
        # footnote marks, shown as typed ("3¹", not "31")
        ("3*", 3, "without the footnote mark “*”"),
        ("3¹", 3, "“3¹” was read as level 3"),
        ("Established†", 3, "without the footnote mark “†”"),
        ("2‡", 2, "without the footnote mark “‡”"),
        ("“3*”", 3, "without the quotes and the footnote mark “*”"),
    ],
)
def test_a_level_with_marks_around_it_is_read_with_a_warning(value, level, words):
    reading = parse_level(value, SCALE)
    assert (reading.level, reading.error) == (level, "")
    assert words in reading.warning


def test_a_single_leading_apostrophe_is_excels_text_marker_and_read_quietly():
    assert parse_level("'3", SCALE) == parse_level(3, SCALE)


@pytest.mark.parametrize(
    "value",
    # a colour, dots or ticks say no level; marks of doubt are not footnotes
    ["🔴", "🟢🟡", "●●●○", "○○○○", "✓", "✔", "✓✓✓", "✘", "2?", "~3", "approx. 3", "2+", '"2?"'],
)
def test_what_is_not_a_level_stays_refused(value):
    reading = parse_level(value, SCALE)
    assert reading.level is None
    assert reading.error


def test_nothing_around_a_cell_is_nothing_to_unwrap():
    assert unwrapped("3 - Established") is None
    assert unwrapped("🔴") is None  # nothing would be left


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("N/A – no federal system", "N/A"),
        ("n/a: no federal system", "n/a"),
        ("Not applicable (no federal system)", "Not applicable"),
        ("n.a. - devolved to the states", "n.a."),
        ("Sans objet - pas d'État fédéral", "Sans objet"),
        ("No aplica – no hay sistema federal", "No aplica"),
        ("Não se aplica: sem sistema federal", "Não se aplica"),
    ],
)
def test_not_assessed_with_its_reason_is_not_assessed_and_says_the_reason_was_not_kept(
    value, words
):
    reading = parse_level(value, SCALE)
    assert (reading.level, reading.error) == (None, "")
    assert f"read as not assessed (“{words}”)" in reading.warning
    assert "Evidence column" in reading.fix


@pytest.mark.parametrize("value", ["N/A - 3", "not assessed: 2 last year"])
def test_a_number_after_not_assessed_could_be_a_level_so_nothing_is_assumed(value):
    assert reason_after_not_assessed(value, default_vocabulary().not_assessed) is None
    assert parse_level(value, SCALE).error


def test_a_form_with_marked_levels_gives_each_level_and_names_each_cell():
    levels = ['"3"', "🟢 4 - Mature", "2*", "N/A – no federal system", "None in place", "1"]
    result = read("form.xlsx", _form(levels))
    assert by_assessment(result) == {("Elbonia", 2024, None): {1: 3, 2: 4, 3: 2, 5: 0, 6: 1}}
    assert_problem(result, "warning", "C5", "without the quotes")
    assert_problem(result, "warning", "C6", "without the symbol “🟢”")
    assert_problem(result, "warning", "C7", "without the footnote mark “*”")
    assert_problem(result, "warning", "C8", "read as not assessed")
    # "None in place" says the label of level 0 in other words: read so, with a warning.
    assert_problem(result, "warning", "C9", "read as level 0")
    assert not [p for p in result.problems if p.severity == "error"]


def test_a_tick_form_whose_level_columns_carry_a_coloured_dot_is_still_a_tick_form():
    header = [
        "No.",
        "🔴 Not in place",
        "🟠 Building",
        "🟡 Developing",
        "🟢 Established",
        "🟢 Mature",
    ]
    rows = [["Country", "Elbonia"], ["Year", 2024], [], header]
    for number in range(1, 22):
        ticks = [None] * 5
        ticks[number % 5] = "x"
        rows.append([number, *ticks])
    result = read("form.xlsx", xlsx({"Form": rows}))
    assert by_assessment(result) == {("Elbonia", 2024, None): {n: n % 5 for n in range(1, 22)}}
    assert not result.problems


@pytest.mark.parametrize(
    ("value", "level"),
    [
        ("3\ufe0f\u20e3", 3),  # keycap emoji: digit, variation selector, keycap frame
        ("0\ufe0f\u20e3", 0),
        ("4\u20e3", 4),  # without the variation selector
        ("2\ufe0f\u20e3 - Developing", 2),
        ("1\ufe0f\u20e3 Building", 1),
        ("③", 3),  # a circled digit, read the same way
    ],
)
def test_a_keycap_digit_is_read_as_its_digit_like_a_circled_one(value, level):
    reading = parse_level(value, SCALE)
    assert (reading.level, reading.error, reading.warning) == (level, "", "")


@pytest.mark.parametrize("value", ["5\ufe0f\u20e3", "#\ufe0f\u20e3", "\U0001f51f"])
def test_a_keycap_off_the_scale_is_refused(value):
    reading = parse_level(value, SCALE)
    assert reading.level is None
    assert reading.error


def test_a_form_of_keycap_levels_gives_each_level():
    result = read("keycaps.xlsx", _form([f"{n % 5}\ufe0f\u20e3" for n in range(1, 22)]))
    assert by_assessment(result) == {("Elbonia", 2024, None): {n: n % 5 for n in range(1, 22)}}
    assert not [p for p in result.problems if p.severity == "error"]
