"""Headers of two header words: the level with a remark, and bilingual headers."""

import pytest

from components.ingest.matching import classify_header
from tests.ingest.reader_support import (
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    read,
    xlsx,
)


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


# Two header words of one field side by side (WPS Office, bilingual templates), for every field.
SIDE_BY_SIDE = [
    ("年份 Year", "year"),
    ("Year 年份", "year"),
    ("年份Year", "year"),  # no space where the script changes
    ("国家 Country", "country"),
    ("国家Country", "country"),
    ("Pays Country", "country"),
    ("Land Country", "country"),
    ("Année Year", "year"),
    ("Año Year", "year"),
    ("Jahr Year", "year"),
    ("Год Year", "year"),
    ("السنة Year", "year"),
    ("能力 Capability", "capability"),
    ("Capacité Capability", "capability"),
    ("Niveau Level", "level"),
    ("级别 Level", "level"),
    ("Stufe Level", "level"),
    ("Commentaires Comments", "evidence"),
    ("Facilitateur Enabler", "enabler"),
    ("Domaine Domain", "domain"),
    ("Confiance Confidence", "confidence"),
    ("Date Fecha", "date"),
    ("ISO3 Code ISO3", "iso3"),
    ("Tahun Year", "year"),
    ("Ülke Country", "country"),
    ("Évaluation Year", "year"),
    # two fields, or a word that is no header: none
    ("Country Year", None),
    ("国家 Year", None),
    ("Kenya Country", None),
    ("年份 2023", None),
]


@pytest.mark.parametrize(("header", "field"), SIDE_BY_SIDE)
def test_two_header_words_of_one_field_side_by_side_name_it(header, field):
    assert classify_header(header) == field


def test_a_table_headed_in_two_languages_side_by_side_is_read_with_its_year():
    # WPS Office's wide table: "国家 Country | 年份 Year | capabilities".
    rows = [["国家 Country", "年份 Year", *(TITLES[n] for n in range(1, 22))]]
    rows += [[c, 2024, *(n % 5 for n in range(1, 22))] for c in ("Peru", "Rwanda")]
    result = read("wps.xlsx", xlsx({"Sheet1": rows}))
    assert by_assessment(result) == {
        (c, 2024, None): {n: n % 5 for n in range(1, 22)} for c in ("Peru", "Rwanda")
    }
    assert not result.problems


def test_a_long_table_headed_side_by_side_is_read():
    rows = [["Pays Country", "Année Year", "Capacité Capability", "Niveau Level"]]
    rows += [["Sénégal", 2023, TITLES[n], n % 5] for n in range(1, 22)]
    result = read("sn.csv", csv_bytes(rows))
    assert by_assessment(result) == {("Sénégal", 2023, None): {n: n % 5 for n in range(1, 22)}}
