"""Headers of two header words: the level with a remark, and bilingual headers."""

import pytest

from components.ingest.matching import classify_header
from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, read, xlsx


@pytest.mark.parametrize(
    ("header", "field"),
    [
        # the level and a remark in one column: the level column
        ("Level and comment", "level"),
        ("Level / comment", "level"),
        ("Level & notes", "level"),
        ("Level, comment", "level"),
        ("Score + comments", "level"),
        ("Current level and evidence", "level"),
        ("Niveau et commentaire", "level"),
        ("Nivel y comentarios", "level"),
        ("Nível e comentário", "level"),
        # the same header in two languages
        ("Capacité / Capability", "capability"),
        ("Capability / Capacidad", "capability"),
        ("Capacidade | Capability", "capability"),
        ("Capacité\nCapability", "capability"),
        ("Niveau / Level", "level"),
        ("Pays / Country", "country"),
        ("Année / Year", "year"),
        ("Commentaires / Comments", "evidence"),
        # parts naming two columns name none of the two; a remark first is the remark
        ("Country / Year", None),
        ("Kenya / Uganda", None),
        ("Evidence / Level", "evidence"),
        ("Confidence level and comments", "confidence"),
        # a pivot's count of the levels holds no level; "Nombre" is a name in Spanish
        ("Count of Level", None),
        ("Nombre de Niveau", None),
        ("Average of Level", "level"),
        ("Nombre de la capacidad", "capability"),
    ],
)
def test_a_header_of_two_header_words_names_one_column(header, field):
    assert classify_header(header) == field


def test_a_long_table_with_a_level_and_comment_column_is_read_with_a_warning_per_remark():
    cells = ["3 – committee meets quarterly", "4, because funding lapsed", "0 / pilot only", "2"]
    rows = [["Country", "Year", "Capability", "Level and comment"]]
    rows += [["Zambia", 2024, TITLES[n], cell] for n, cell in enumerate(cells, start=1)]
    result = read("zambia.xlsx", xlsx({"Zambia": rows}))
    assert by_assessment(result) == {("Zambia", 2024, None): {1: 3, 2: 4, 3: 0, 4: 2}}
    for cell in ("D2", "D3", "D4"):
        assert_problem(result, "warning", cell, "the words after the number")
    assert len(result.problems) == 3


def test_a_bilingual_header_row_is_read():
    rows = [["Pays / Country", "Sénégal"], ["Année / Year", 2024], []]
    rows += [["Capacité / Capability", "Niveau / Level", "Commentaires / Comments"]]
    rows += [[TITLES[n], n % 5, "note"] for n in range(1, 22)]
    result = read("senegal.xlsx", xlsx({"SN": rows}))
    assert by_assessment(result) == {("Sénégal", 2024, None): {n: n % 5 for n in range(1, 22)}}
    assert not result.problems


@pytest.mark.parametrize(
    ("cell", "field"),
    [
        ("السنة / Year: 2023", None),  # a label with its value, read as such, no header
        ("Année / Year : 2024", None),
        ("Pays / Country:", "country"),  # a colon with nothing after is still the header
        ("السنة / Year", "year"),
    ],
)
def test_a_bilingual_label_with_its_value_is_no_header(cell, field):
    assert classify_header(cell) == field
