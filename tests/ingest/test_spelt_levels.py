"""A number written as a word, alone, in a level column (components/ingest/spelt_levels.py)."""

from __future__ import annotations

from typing import Any

import pytest

from components.framework.model import default_framework
from components.ingest.spelt_levels import spelt_level
from components.ingest.values import parse_level
from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, errors, read, xlsx

SCALE = default_framework().scale
ALL = range(1, 22)
LEVELS = {n: n % 5 for n in ALL}
WORDS = {
    "French": ["Zéro", "Un", "Deux", "Trois", "Quatre"],
    "Spanish": ["cero", "uno", "dos", "tres", "cuatro"],
    "Portuguese": ["zero", "um", "dois", "três", "quatro"],
    "Russian": ["ноль", "один", "два", "три", "четыре"],
    "Indonesian": ["nol", "satu", "dua", "tiga", "empat"],
    "Swahili": ["sifuri", "moja", "mbili", "tatu", "nne"],
    "Turkish": ["sıfır", "bir", "iki", "üç", "dört"],
}


@pytest.mark.parametrize(
    ("value", "level"),
    [
        ("deux", 2),
        (" Trois ", 3),
        ("cero", 0),
        ("два", 2),
        ("empat", 4),
        ("cinq", None),  # off the scale
        ("Due", None),  # Italian 2, but English too: only after a level word ("Livello due")
    ],
)
def test_spelt_level(value: Any, level: int | None) -> None:
    reading = spelt_level(value, SCALE)
    assert (reading.level if reading else None) == level
    if reading:
        assert reading.once  # said once per assessment
        assert "the number it spells" in reading.warning


@pytest.mark.parametrize("value", ["deux", "uno", "Dos"])
def test_a_number_word_alone_is_no_level_outside_a_level_column(value: str) -> None:
    # a header, a title or a country cell: only a level column reads it (``read_answers``)
    assert parse_level(value, SCALE).level is None


@pytest.mark.parametrize("value", [2, None, "Leadership", "Level 2"])
def test_other_cells_are_no_spelt_level(value: Any) -> None:
    assert spelt_level(value, SCALE) is None


@pytest.mark.parametrize("language", sorted(WORDS))
def test_levels_written_as_words_are_read_in_the_level_column_with_one_warning(
    language: str,
) -> None:
    words = WORDS[language]
    rows: list[list[Any]] = [
        ["Country", "Kenya"],
        ["Year", 2023],
        [],
        ["No.", "Capability", "Level"],
    ]
    # the words alone, and after the level word as "Niveau deux" already was
    rows += [
        [n, TITLES[n], words[LEVELS[n]] if n % 2 else f"Level {words[LEVELS[n]]}"] for n in ALL
    ]
    result = read("words.xlsx", xlsx({"Sheet1": rows}))
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}
    assert not errors(result)
    said = [p for p in result.problems if "the number it spells" in p.message]
    assert len(said) == 1
    assert_problem(result, "warning", "C5", "the number it spells")


def test_a_number_word_off_the_scale_is_still_refused() -> None:
    rows: list[list[Any]] = [
        ["Country", "Kenya"],
        ["Year", 2023],
        [],
        ["No.", "Capability", "Level"],
    ]
    rows += [[1, TITLES[1], "cinq"], [2, TITLES[2], "deux"]]
    result = read("words.xlsx", xlsx({"Sheet1": rows}))
    assert by_assessment(result) == {("Kenya", 2023, None): {2: 2}}
    assert_problem(result, "error", "C5", "“cinq”")
