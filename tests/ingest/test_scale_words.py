"""The framework's scale in the file's own words, given by a key beside the table or on a
sheet of its own (components/ingest/scale_words.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, errors, read, xlsx

ALL = range(1, 22)
LEVELS = {n: n % 5 for n in ALL}
# Keys that number the framework's levels 0 to 4 in words of the file's own. Some of their words
# are framework labels (or translations) at their own level, some no label at all.
KEYS = {
    "spanish, own words": ["Inexistente", "Incipiente", "En desarrollo", "Consolidado", "Avanzado"],
    "portuguese, own words": [
        "Inexistente",
        "Inicial",
        "Em desenvolvimento",
        "Consolidado",
        "Avançado",
    ],
    "french, own words": ["Pas en place", "Émergent", "En développement", "Consolidé", "Avancé"],
    "english, own words": ["None", "Emerging", "Developing", "Embedded", "Leading"],
    "polish, no word known": ["Brak", "Początkowy", "Rozwijający się", "Ugruntowany", "Dojrzały"],
}


def _form(words: list[str], key_rows: list[list[Any]], where: str) -> dict[str, list[list[Any]]]:
    rows: list[list[Any]] = [["Country", "Guatemala"], ["Year", 2023], [], ["Capability", "Level"]]
    rows += [[TITLES[n], words[LEVELS[n]]] for n in ALL]
    if where == "beside":
        for i, entry in enumerate(key_rows):
            rows[4 + i] = [*rows[4 + i], None, None, *entry]
        return {"Evaluación": rows}
    return {"Evaluación": rows, "Escala": key_rows}


@pytest.mark.parametrize("where", ["beside", "on its own sheet"])
@pytest.mark.parametrize("language", sorted(KEYS))
@pytest.mark.parametrize("form", ["n = word", "n | word"])
def test_words_are_read_by_a_key_of_the_frameworks_numbers(
    language: str, where: str, form: str
) -> None:
    words = KEYS[language]
    key = (
        [[f"{n} = {word}"] for n, word in enumerate(words)]
        if form == "n = word"
        else [[n, word] for n, word in enumerate(words)]
    )
    result = read("gt.xlsx", xlsx(_form(words, key, where)))
    assert by_assessment(result) == {("Guatemala", 2023, None): LEVELS}
    assert not errors(result)
    said = [p for p in result.problems if "numbers the framework's levels" in p.message]
    assert len(said) <= 1  # once for the assessment, when a word needed the key


def test_the_warning_names_the_key_and_the_word() -> None:
    words = KEYS["spanish, own words"]
    key = [[f"{n} = {word}"] for n, word in enumerate(words)]
    result = read("gt.xlsx", xlsx(_form(words, key, "beside")))
    assert_problem(result, "warning", "B5", "“Incipiente” was read as level 1, as the key at")


@pytest.mark.parametrize(
    "key",
    [
        # the file's own scale: 1 to 5, reusing a framework word at another place
        [
            [f"{n} = {w}"]
            for n, w in enumerate(
                ["Initial", "Developing", "Established", "Advanced", "Leading"], 1
            )
        ],
        # 0 to 4, but a framework label at another level than its own
        [
            [f"{n} = {w}"]
            for n, w in enumerate(
                ["Inexistente", "En desarrollo", "Incipiente", "Consolidado", "Avanzado"]
            )
        ],
    ],
    ids=["another scale", "a label out of place"],
)
def test_a_key_of_another_scale_is_never_read_by(key: list[list[Any]]) -> None:
    words = [entry[0].split(" = ")[1] for entry in key]
    result = read("gt.xlsx", xlsx(_form(words, key, "beside")))
    assert by_assessment(result) in ({}, {("Guatemala", 2023, None): {}})
    assert errors(result)


def test_a_word_two_keys_number_differently_is_read_by_neither() -> None:
    words = KEYS["spanish, own words"]
    one = [[f"{n} = {w}"] for n, w in enumerate(words)]
    other = [[f"{n} = {w}"] for n, w in enumerate(["Nulo", "Bajo", "Incipiente", "Alto", "Pleno"])]
    sheets = _form(words, one, "beside")
    sheets["Otra escala"] = other
    result = read("gt.xlsx", xlsx(sheets))
    levels = by_assessment(result)[("Guatemala", 2023, None)]
    assert all(n not in levels for n in ALL if LEVELS[n] == 1)  # "Incipiente": 1 or 2?
    assert [p for p in errors(result) if "Incipiente" in p.message]
