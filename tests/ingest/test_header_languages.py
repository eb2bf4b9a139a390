"""A header written in two (or three) languages, one row under the other: read once, as one."""

from __future__ import annotations

import pytest

from components.ingest.header_languages import heads_again
from components.ingest.layout import ItemTable
from tests.ingest.reader_support import TITLES, by_assessment, errors, read, xlsx

CAPS = range(1, 22)
LEVELS = {n: (None if n == 13 else n % 5) for n in CAPS}
GIVEN = {n: level for n, level in LEVELS.items() if level is not None}
FRENCH = ["N°", "Capacité", "Niveau", "Observations"]
ENGLISH = ["No.", "Capability", "Level", "Remarks"]
SPANISH = ["N.º", "Capacidad", "Nivel", "Comentarios"]
PORTUGUESE = ["N.º", "Capacidade", "Nível", "Observações"]


def _form(headers: list[list], labels=(["Pays : Bénin"], ["Année : 2023"], [])) -> list[list]:
    rows = [*labels, *headers]
    return rows + [[n, TITLES[n], LEVELS[n], None] for n in CAPS]


def _long(headers: list[list]) -> list[list]:
    return [*headers, *[["Bénin", 2023, n, TITLES[n], LEVELS[n]] for n in CAPS]]


def _stacked() -> list[list]:
    togo = [[], ["Pays : Togo"], ["Année : 2023"], [], FRENCH, ENGLISH]
    return _form([FRENCH, ENGLISH]) + togo + [[n, TITLES[n], 2, None] for n in CAPS]


# (sheets, the assessments expected: (country, year) -> levels)
SHAPES = {
    "French over English, one-cell labels (an .xls from Benin)": (
        {"Bénin 2023": _form([FRENCH, ENGLISH])},
        {("Bénin", 2023): GIVEN},
    ),
    "the same on a sheet named Feuil1": (
        {"Feuil1": _form([FRENCH, ENGLISH])},
        {("Bénin", 2023): GIVEN},
    ),
    "English over French": ({"Sheet1": _form([ENGLISH, FRENCH])}, {("Bénin", 2023): GIVEN}),
    "three languages": (
        {"Hoja1": _form([SPANISH, ENGLISH, PORTUGUESE], (["País: Bolivia"], ["Año: 2023"]))},
        {("Bolivia", 2023): GIVEN},
    ),
    "the number merged down over both rows": (
        {"Feuil1": _form([FRENCH, [None, "Capability", "Level", "Remarks"]])},
        {("Bénin", 2023): GIVEN},
    ),
    "a long table": (
        {
            "Data": _long(
                [
                    ["Pays", "Année", "N°", "Capacité", "Niveau"],
                    ["Country", "Year", "No.", "Capability", "Level"],
                ]
            )
        },
        {("Bénin", 2023): GIVEN},
    ),
    "two bilingual forms stacked": (
        {"Feuil1": _stacked()},
        {("Bénin", 2023): GIVEN, ("Togo", 2023): dict.fromkeys(CAPS, 2)},
    ),
}


@pytest.mark.parametrize(("sheets", "expected"), SHAPES.values(), ids=SHAPES.keys())
def test_a_header_in_two_languages_is_read_once(sheets, expected):
    result = read("bilingue.xlsx", xlsx(sheets))
    found = {key[:2]: levels for key, levels in by_assessment(result).items()}
    assert found == expected
    frame = result.capabilities
    assert len(frame) == 21 * len(expected)  # each capability once per assessment
    assert not errors(result)
    # the lower header row is no data row, and the upper one no label
    assert not [p for p in result.problems if "Capability" in p.message or "“N" in p.message]
    assert not [p for p in result.problems if "has a level" in p.message]


def test_enablers_under_a_header_in_two_languages_are_read_as_enablers():
    enablers = [[], ["N°", "Facilitateur", "Niveau", None], ["No.", "Enabler", "Level", None]]
    enablers += [[n, f"Facilitateur {n}", n % 4, None] for n in range(1, 8)]
    result = read("bilingue.xlsx", xlsx({"Feuil1": _form([FRENCH, ENGLISH]) + enablers}))
    assert by_assessment(result) == {("Bénin", 2023, None): GIVEN}
    assert dict(zip(result.enablers["enabler"], result.enablers["level"], strict=True)) == {
        n: n % 4 for n in range(1, 8)
    }
    assert not errors(result)


TABLE = ItemTable(3, {"number": 0, "capability": 1, "level": 2, "evidence": 3}, "capability")


@pytest.mark.parametrize(
    ("cells", "again"),
    [
        (ENGLISH, True),
        (["No.", "Capability", "Level"], True),
        ([None, "Capability", "Level", None], True),  # number merged down
        (["#", "Capacidad", "Nivel", "Notas"], True),
        # rows of data, or of another table
        ([1, "Leadership", 2, None], False),
        ([None, "Leadership", 2, None], False),
        (["No.", "Enabler", "Level", "Remarks"], False),  # the enablers' header
        (["No.", "Capability", None, None], False),  # no level heading
        ([None, None, "Level", None], False),  # no capability heading
        (["No.", "Capability", "Level", 3], False),  # a number beside: data
        ((), False),
    ],
)
def test_a_row_heads_the_table_again_only_with_header_words(cells, again):
    assert heads_again(tuple(cells), TABLE) is again
