"""Level words: spelt numbers, filler words, and typos read only when one label is close."""

import pytest

from components.ingest.level_words import misread_number, spelt_number, typo_level, without_fillers

LABELS = {"not in place": 0, "building": 1, "developing": 2, "established": 3, "mature": 4}


@pytest.mark.parametrize(
    ("key", "level"),
    [
        ("devloping", 2),
        ("buidling", 1),
        ("mautre", 4),
        ("notinplace", 0),
        ("established", 3),
        ("emerging", None),
        ("mat", None),  # too short to be sure
        ("2 developing", None),  # a number is not a typo
    ],
)
def test_typo_level(key, level):
    assert typo_level(key, LABELS, ["not assessed"]) == level


def test_a_typo_close_to_two_levels_is_not_read():
    labels = {"planned": 1, "planted": 2}
    assert typo_level("planed", labels, []) is None
    assert typo_level("planned", {"planned": 1, "mature": 4}, []) == 1


def test_a_typo_as_close_to_a_not_assessed_word_is_not_read():
    labels = {"not rated": 0, "mature": 4}
    assert typo_level("not ratd", labels, ["not rated yet"]) == 0
    assert typo_level("not ratd", labels, ["not rates"]) is None


@pytest.mark.parametrize(
    ("text", "digit"),
    [
        ("two", "2"),
        ("Deux", "2"),
        ("três", "3"),
        ("cero", "0"),
        ("une", "1"),
        ("many", None),
        ("quattro", "4"),
        ("drie", "3"),
        ("два", "2"),
        ("Ноль", "0"),
        ("tiga", "3"),
        ("üç", "3"),
        ("uc", "3"),  # typed without its letters
        ("mbili", "2"),
        ("ثلاثة", "3"),
        ("چهار", "4"),
        ("สอง", "2"),
        ("三", "3"),
        ("due", "2"),  # Italian; alone in a level column it stays no level (``spelt_levels``)
        ("bon", None),  # Vietnamese "bốn" is French "bon" once accents go: left out
    ],
)
def test_spelt_number(text, digit):
    assert spelt_number(text) == digit


def test_without_fillers():
    assert without_fillers("not yet in place") == "not in place"
    assert without_fillers("fully mature") == "mature"
    assert without_fillers("partly mature") == "partly mature"


@pytest.mark.parametrize(
    ("text", "error", "fix"),
    [
        ("O", "the letter O — did you mean 0?", "Write the digit 0"),
        ("o ", "the letter O — did you mean 0?", "Write the digit 0"),
        ("II", "is a Roman numeral (2)", "Write each level as a digit"),
        ("IV", "is a Roman numeral (4)", "every number is one lower"),
        ("Oui", None, None),
        ("i", None, None),  # a lone lower-case letter is no numeral anyone writes for a level
        ("Iv.x", None, None),
    ],
)
def test_letters_that_look_like_a_number_are_said_not_read(text, error, fix):
    found = misread_number(text, 0, 4)
    if error is None:
        assert found is None
    else:
        assert found is not None
        assert error in found[0]
        assert fix in found[1]


@pytest.mark.parametrize(
    ("key", "labels"),
    [
        ("implementado", {"no implementado": 0, "establecido": 3}),
        ("mis en place", {"pas mis en place": 0, "etabli": 3}),
        ("not developing", {"developing": 2, "mature": 4}),
    ],
)
def test_a_text_is_no_typo_of_a_label_it_negates(key, labels):
    assert typo_level(key, labels, []) is None
