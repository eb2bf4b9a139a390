"""Level words that reached the file damaged: cut in two by a PDF converter, misread by OCR,
followed by a reference mark or a descriptor line, a letter for a digit, a date Excel made."""

import datetime

import pytest

from components.ingest.level_dates import date_as_level
from components.ingest.level_slips import label_start, ocr_label
from components.ingest.values import parse_level
from tests.ingest.reader_support import FW, TITLES, assert_problem, by_assessment, read, xlsx

SCALE = FW.scale
LABELS = {"not in place": 0, "building": 1, "developing": 2, "established": 3, "mature": 4}


@pytest.mark.parametrize(
    ("text", "level", "words"),
    [
        # The first half of a label a PDF converter broke over two cells.
        ("Develop", 2, "the only label that starts that way"),
        ("Build", 1, "the only label that starts that way"),
        ("Not in", 0, "the only label that starts that way"),
        ("Devel", 2, "the only label that starts that way"),
        ("Establish", 3, "the only label it is close to"),
        ("En développ", 2, "the only label that starts that way"),
        ("Em desenvolv", 2, "the only label that starts that way"),
        ("En construc", 1, "the only label that starts that way"),
        # OCR's 1 for l, 0 for o, | for l.
        ("Estab1ished", 3, "reading the digit 1, 0 or the bar | as the letter l or o"),
        ("Deve1oping", 2, "as the letter l or o"),
        ("Bui1ding", 1, "as the letter l or o"),
        ("Not in p1ace", 0, "as the letter l or o"),
        ("Deve|oping", 2, "the only label it is close to"),  # a typo as much as a slip
        ("Estab1ecido", 3, "as the letter l or o"),
        ("Em desenv0lvimento", 2, "as the letter l or o"),
        # Reference marks a web page or Word leaves after a word.
        ("3[a]", 3, "without the reference mark “[a]”"),
        ("2[b]", 2, "without the reference mark “[b]”"),
        ("3[1]", 3, "without the reference mark “[1]”"),
        ("Established[12]", 3, "without the reference mark “[12]”"),
    ],
)
def test_a_damaged_level_word_is_read_with_a_warning(text, level, words):
    reading = parse_level(text, SCALE)
    assert (reading.level, reading.error) == (level, "")
    assert words in reading.warning
    assert f"“{text}”" in reading.warning


@pytest.mark.parametrize(
    "text",
    [
        "Not i",  # too short to be sure ("Dev" is an abbreviation: ``level_abbreviations``)
        "Not",
        "Level",
        "Bui1d",  # an OCR slip that is no whole label
        "3 [2]",  # a space before: perhaps two levels
        "3[x2]",
        "Mature1",
        "Partially",  # a word of its own, not the start of "Partially in place"
        "Parcialmente",
    ],
)
def test_what_could_be_more_than_one_thing_is_refused(text):
    reading = parse_level(text, SCALE)
    assert reading.level is None
    assert reading.error


def test_a_start_shared_by_two_levels_names_neither():
    labels = {"in place": 3, "in progress": 2}
    assert label_start("in pro", labels, []) == 2
    assert label_start("in pl", labels, []) is None  # too short for its label
    assert label_start("in p", labels, []) is None
    assert label_start("not ass", {"not assessed yet": 0}, ["not assessed"]) is None


def test_ocr_reads_only_a_whole_label():
    assert ocr_label("Estab1ished", LABELS) == 3
    assert ocr_label("1", LABELS) is None
    assert ocr_label("Established 2", LABELS) is None


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("l", "“l” is the letter l — did you mean 1?"),
        ("|", "“|” is a bar — did you mean 1?"),
        ("I", "“I” is a Roman numeral (1) or the letter I — did you mean 1?"),
        ("O", "is the letter O — did you mean 0?"),
    ],
)
def test_a_letter_for_a_digit_gets_a_hint(text, error):
    reading = parse_level(text, SCALE)
    assert reading.level is None
    assert error in reading.error
    assert reading.fix


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Level 3: Established\npolicy adopted and funded", 3),
        ("Established\npolicy adopted and funded", 3),
        ("2 - Developing\nin use, partial coverage", 2),
        ("Nivel 2: En desarrollo\nen uso, cobertura parcial", 2),
        ("Niveau 0 : Pas en place\naucune politique", 0),
    ],
)
def test_a_label_with_its_descriptor_on_the_next_line_does_not_warn(text, level):
    reading = parse_level(text, SCALE)
    assert (reading.level, reading.error, reading.warning) == (level, "", "")


@pytest.mark.parametrize(
    "text",
    [
        "Level 3: Established\nwas 2 in 2021",  # a number below: not just a descriptor
        "Level 3: Established\nnot yet mature",  # another level's label below
    ],
)
def test_a_label_with_more_than_a_descriptor_below_still_says_so(text):
    reading = parse_level(text, SCALE)
    assert reading.error or reading.warning


@pytest.mark.parametrize(
    ("value", "error", "fix"),
    [
        (datetime.datetime(2022, 4, 3), "Excel turned what was typed (3/4?) into a date", "as 3"),
        (datetime.date(2022, 3, 4), "Excel turned what was typed (3/4?) into a date", "as 3"),
        (datetime.date(2024, 4, 4), "(4/4?)", "as 4"),
        (datetime.date(2022, 2, 3), "Excel may have turned what was typed (2/3 or 3/2?)", "alone"),
        (datetime.date(2022, 7, 15), "“2022-07-15” is a date, not a level", ""),
    ],
)
def test_a_level_excel_made_a_date_gets_a_hint(value, error, fix):
    level, said, warning, how = date_as_level(value, SCALE)
    assert (level, warning) == (None, "")
    assert error in said
    assert fix in how
    assert parse_level(value, SCALE).error == said


def _table(levels: list[list[object]]) -> bytes:
    rows = [["Country", "Peru"], ["Year", 2024], ["Capability", "Level", None]]
    rows += [[TITLES[n], *cells] for n, cells in enumerate(levels, start=1)]
    return xlsx({"Peru": rows})


def test_a_workbook_from_a_pdf_with_broken_and_ocr_level_words_is_read():
    cells = [["Establish", "ed"], ["Develop", "ing"], ["Build", "ing"], ["Not in", "place"]]
    cells += [["Estab1ished"], ["Deve1oping"], ["3[a]"], ["Mature"]]
    result = read("pdf.xlsx", _table(cells))
    assert by_assessment(result) == {
        ("Peru", 2024, None): dict(enumerate([3, 2, 1, 0, 3, 2, 3, 4], 1))
    }
    assert not [p for p in result.problems if p.severity == "error"]
    assert_problem(
        result, "warning", "B5", "“Develop” and “ing” in the next cell were read together as"
    )
    assert_problem(result, "warning", "B8", "“Estab1ished” is not on the scale as written")
    assert_problem(result, "warning", "B10", "without the reference mark “[a]”")


@pytest.mark.parametrize(
    ("start", "rest", "level", "joined"),
    [
        ("Est", "ablished", 3, "Established"),  # too short alone, whole once joined
        ("Not in", "place", 0, "Not in place"),
        ("En dévelop", "pement", 2, "En développement"),
        ("Estab", "lecido", 3, "Establecido"),
    ],
)
def test_a_level_word_broken_over_two_cells_is_read_joined(start, rest, level, joined):
    result = read("pdf.xlsx", _table([[start, rest]]))
    assert by_assessment(result) == {("Peru", 2024, None): {1: level}}
    assert_problem(
        result, "warning", "B4", f"“{start}” and “{rest}” in the next cell were read together"
    )
    assert_problem(result, "warning", "B4", f"as “{joined}”")


@pytest.mark.parametrize("rest", ["ok", "see annex 2", "Mature"])
def test_a_next_cell_that_does_not_complete_the_word_is_not_joined(rest):
    result = read("pdf.xlsx", _table([["Not i", rest]]))
    assert by_assessment(result) == {("Peru", 2024, None): {}}
    assert_problem(result, "error", "B4", "“Not i” is not a level on the scale")
