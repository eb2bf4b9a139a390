"""Level labels abbreviated as people shorten them (components/ingest/level_abbreviations.py).

"Est.", "Dev", "Mat." typed into the template's Level cells are read when they start the
labels of one level only, with a warning naming the label; one that starts two levels' labels
is refused naming both; a word that only looks short ("Bas", "Not") stays no level.
"""

from __future__ import annotations

from typing import Any

import pytest

from components.framework.model import default_framework
from components.ingest.values import parse_level
from tests.ingest.reader_support import TITLES, by_assessment, errors, read, xlsx

SCALE = default_framework().scale


@pytest.mark.parametrize(
    ("text", "level", "label"),
    [
        ("Est.", 3, "Established"),
        ("Est", 3, "Established"),
        ("EST", 3, "Established"),
        ("Estab.", 3, "Established"),
        ("Dev.", 2, "Developing"),
        ("dev", 2, "Developing"),
        ("Mat.", 4, "Mature"),
        ("Mat", 4, "Mature"),
        ("Bui.", 1, "Building"),
        ("Mat. ", 4, "Mature"),
        # the labels in the scale's other languages, four letters at least
        ("Étab.", 3, "Établi"),
        ("En dév.", 2, "En développement"),
        ("Em desenv.", 2, "Em desenvolvimento"),
        ("Madu.", 4, "Maduro"),
        ("Inex.", 0, "Inexistant"),
        ("Parc.", 2, "Parcialmente implementado"),
    ],
)
def test_an_abbreviation_of_one_levels_labels_is_read_with_a_warning(
    text: str, level: int, label: str
) -> None:
    reading = parse_level(text, SCALE)
    assert (reading.level, reading.error) == (level, "")
    assert f"“{text.strip()}” was read as level {level}" in reading.warning
    assert f"as short for “{label}”" in reading.warning


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("En cou.", ["“En cours de construction” (level 1)", "“En cours de développement”"]),
        ("Sud.", ["“Sudah mapan” (level 3)", "“Sudah matang” (level 4)"]),
        ("Kur.", ["“Kuruluyor” (level 1)", "“Kurulmuş” (level 3)"]),
    ],
)
def test_an_abbreviation_of_two_levels_labels_is_refused_naming_them(
    text: str, named: list[str]
) -> None:
    reading = parse_level(text, SCALE)
    assert reading.level is None
    assert reading.error.startswith(f"“{text}” could be short for ")
    for words in named:
        assert words in reading.error


@pytest.mark.parametrize(
    "text",
    [
        "Ma",  # two letters say too little
        "De",
        "Not",  # "Not assessed" starts so too
        "Non",  # "Non évalué"
        "Bas",  # French "low"; Turkish "Başlangıç" needs four letters
        "Mad.",
        "Par.",
        "Low",
        "Med",
        "Yes",
        "Est. Dev.",  # two labels' starts
        "Est 2",  # not letters only
        "Not i",  # a letter is no abbreviation of a word
        "En c.",
        "Partially",  # a word of its own, not the start of "Partially in place"
    ],
)
def test_text_that_abbreviates_no_one_label_is_no_level(text: str) -> None:
    reading = parse_level(text, SCALE)
    assert reading.level is None
    assert not reading.warning


def test_the_template_filled_with_abbreviations_is_read_and_each_cell_said() -> None:
    written = {1: "Build.", 2: "Est.", 3: "Dev", 4: "Mat.", 5: "Estab.", 6: "Mat", 7: "Sud."}
    expected = {1: 1, 2: 3, 3: 2, 4: 4, 5: 3, 6: 4}
    rows: list[list[Any]] = [["Country", "Philippines"], ["Date or year", 2024], []]
    rows += [["No.", "Capability", "Level"]]
    rows += [[n, TITLES[n], written[n]] for n in written]
    result = read("form.xlsx", xlsx({"Assessment": rows}))
    assert by_assessment(result) == {("Philippines", 2024, None): expected}
    (refused,) = errors(result)
    assert refused.cell == "C11"
    assert "“Sud.” could be short for “Sudah mapan” (level 3) or “Sudah matang”" in refused.message
    said = {p.cell for p in result.problems if "as short for" in p.message}
    assert said == {"C6", "C7", "C8", "C9", "C10"}  # C5: "Build.", a word cut short
