"""Levels drawn as marks (stars, Harvey balls, Roman numerals) with a key somewhere in the file:
read as the key gives them, wherever the key is; refused without a key, or with a key that
gives the marks another scale."""

from __future__ import annotations

import io
import zipfile

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, csv_bytes, read, xlsx

STARS = {0: "☆☆☆☆", 1: "★☆☆☆", 2: "★★☆☆", 3: "★★★☆", 4: "★★★★"}
BALLS = {0: "○", 1: "◔", 2: "◑", 3: "◕", 4: "●"}
ROMAN = {0: "0", 1: "I", 2: "II", 3: "III", 4: "IV"}
LABELS = {0: "Not in place", 1: "Building", 2: "Developing", 3: "Established", 4: "Mature"}
GIVEN = {n: n % 5 for n in range(1, 22)}


def _table(marks: dict[int, str], level_prefix: str = "") -> list[list]:
    rows = [["Kenya MNR 2024"], [], ["Capability", "Rating"]]
    return rows + [[TITLES[n], f"{level_prefix}{marks[GIVEN[n]]}"] for n in range(1, 22)]


def _beside(marks):  # the key in a column beside the table, one entry a cell
    rows = _table(marks)
    for level in range(5):
        rows[3 + level] += [None, f"{marks[level]}  = {level} {LABELS[level]}"]
    return rows


def _above(marks):  # a row of entries over the table
    rows = _table(marks)
    rows[1] = ["Key:"] + [f"{marks[lv]} {lv} {LABELS[lv]}" for lv in range(5)]
    return rows


def _below(marks):  # rows under the table: the mark, then its level in the next cell
    rows = [*_table(marks), [], ["Key"]]
    return rows + [[marks[lv], f"{lv} – {LABELS[lv]}"] for lv in range(5)]


def _line(marks):  # one line of text under the table
    entries = ", ".join(f"{marks[lv]} = {LABELS[lv].lower()}" for lv in range(5))
    return [*_table(marks), [], [f"Levels: {entries}; – = not reported"]]


@pytest.mark.parametrize("marks", [STARS, BALLS, ROMAN], ids=["stars", "balls", "roman"])
@pytest.mark.parametrize("place", [_beside, _above, _below, _line])
def test_marks_are_read_by_the_key_wherever_it_is(marks, place):
    result = read("scorecard.xlsx", xlsx({"Scorecard": place(marks)}))
    assert by_assessment(result) == {("Kenya", 2024, None): GIVEN}
    assert any("as the key at" in p.message for p in result.problems if p.severity == "warning")
    assert not [p for p in result.problems if p.severity == "error"]


def test_a_key_in_a_text_box_is_read():
    data = xlsx({"Scorecard": _table(STARS)})
    paragraphs = "".join(
        f"<a:p><a:r><a:t>{STARS[lv]}  {lv} – {LABELS[lv]}</a:t></a:r></a:p>" for lv in range(5)
    )
    drawing = (
        '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"'
        ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor>'
        f"<xdr:sp><xdr:txBody>{paragraphs}</xdr:txBody></xdr:sp></xdr:twoCellAnchor></xdr:wsDr>"
    )
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a") as book:
        book.writestr("xl/drawings/drawing1.xml", drawing)
    result = read("scorecard.xlsx", buffer.getvalue())
    assert by_assessment(result) == {("Kenya", 2024, None): GIVEN}
    assert_problem(result, "warning", "B4", "as the key at a text box gives it")


def test_a_csv_with_its_key_in_rows_below_reads_the_stars_and_skips_the_key_rows():
    rows = [r for r in _below(STARS) if r]
    result = read("scorecard.csv", csv_bytes(rows))
    assert by_assessment(result) == {("Kenya", 2024, None): GIVEN}
    assert_problem(result, "warning", "A25:A29", "key of the level marks")


@pytest.mark.parametrize(
    ("rows", "cell"),
    [
        (_table(STARS), "B4"),  # no key
        (_table({**STARS, 1: "★☆☆☆☆"}), "B4"),  # five stars, no key
        (_table(ROMAN), "B5"),  # Roman numerals without the file saying its scale
        # a key numbering the numerals from "I = not in place": another scale
        (_line({0: "I", 1: "II", 2: "III", 3: "IV", 4: "V"}), "B4"),
        # a key giving one mark two levels
        ([*_beside(STARS), ["", "", "", "★☆☆☆ = 2 Developing"]], "B4"),
    ],
    ids=["no key", "five stars", "roman no scale", "roman from I", "clash"],
)
def test_marks_without_a_key_of_this_scale_are_refused(rows, cell):
    result = read("scorecard.xlsx", xlsx({"Scorecard": rows}))
    assert_problem(result, "error", cell, "not")
    levels = by_assessment(result).get(("Kenya", 2024, None), {})
    assert levels.get(1) is None


def test_level_written_with_a_roman_numeral_and_the_scale_in_a_sentence():
    rows = _table(ROMAN, level_prefix="Level ")
    rows += [[], ["Maturity is rated from Level 0 (not in place) to Level IV (mature)."]]
    result = read("review.xlsx", xlsx({"Review": rows}))
    assert by_assessment(result) == {("Kenya", 2024, None): GIVEN}
    assert_problem(result, "warning", "B4", "“Level I” was read as level 1")


def _matrix(marks: dict[int, str], key: bool) -> list[list]:
    rows = [["MNR levels reported by countries (2024)"], [], ["Capability", "Kenya", "Ghana"]]
    rows += [[TITLES[n], marks[n % 5], marks[(n + 2) % 5]] for n in range(1, 22)]
    return rows + ([[], _line(marks)[-1]] if key else [])


@pytest.mark.parametrize("marks", [STARS, BALLS, ROMAN], ids=["stars", "balls", "roman"])
def test_a_table_of_countries_across_in_marks_is_read_by_its_key(marks):
    result = read("matrix.xlsx", xlsx({"Levels": _matrix(marks, key=True)}))
    assert by_assessment(result) == {
        ("Kenya", 2024, None): {n: n % 5 for n in range(1, 22)},
        ("Ghana", 2024, None): {n: (n + 2) % 5 for n in range(1, 22)},
    }


@pytest.mark.parametrize("marks", [STARS, ROMAN], ids=["stars", "roman"])
def test_a_table_of_countries_across_in_marks_without_a_key_gives_no_level(marks):
    result = read("matrix.xlsx", xlsx({"Levels": _matrix(marks, key=False)}))
    given = [level for found in by_assessment(result).values() for level in found.values()]
    assert set(given) <= {0}  # only the digit "0" (Roman rows) reads without the key
