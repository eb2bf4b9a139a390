"""A level's label in two languages ("En desarrollo / Developing"), in either order: read when
both halves name the same level, refused when they name two."""

from __future__ import annotations

import pytest

from components.ingest.values import parse_level
from tests.ingest.reader_support import FW, TITLES, assert_problem, by_assessment, read, xlsx


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("En desarrollo / Developing", 2),
        ("Developing / En desarrollo", 2),
        ("En construcción / Building", 1),
        ("No existe / Not in place", 0),
        ("Establecido / Established", 3),
        ("Établi | Established", 3),
        ("Established|Établi", 3),
        ("Em desenvolvimento / Developing", 2),
        ("Not in place / Pas en place", 0),
    ],
)
def test_one_label_in_two_languages_is_that_level(text, level):
    reading = parse_level(text, FW.scale)
    assert (reading.level, reading.error, reading.warning) == (level, "", "")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Establecido / Building", "two different levels, 3 and 1"),
        ("En desarrollo / Mature", "two different levels, 2 and 4"),
        ("En desarrollo / in progress", "not a level"),
    ],
)
def test_two_labels_of_different_levels_are_refused(text, words):
    reading = parse_level(text, FW.scale)
    assert reading.level is None
    assert words in reading.error


def test_a_bilingual_sheet_is_read_with_its_labels_in_both_languages():
    given = {1: "En desarrollo / Developing", 2: "Building / En construcción"}
    given |= {3: "No existe / Not in place", 4: "Establecido / Building"}
    rows = [["Honduras – Autoevaluación RNM / MNR self-assessment – 2024"], []]
    rows += [["Capacidad / Capability", "Nivel / Level", "Comentario / Comment"]]
    rows += [[TITLES[n], given.get(n)] for n in range(1, 22)]
    result = read("rnm.xlsx", xlsx({"RNM-MNR": rows}))
    assert by_assessment(result) == {("Honduras", 2024, None): {1: 2, 2: 1, 3: 0}}
    assert_problem(result, "error", "B7", "two different levels, 3 and 1")
