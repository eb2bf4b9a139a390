"""Characters that do not show (a zero-width space, a soft hyphen, a byte order mark) are left
out wherever the reader reads a cell, and named where a message quotes text that holds them."""

from __future__ import annotations

import io
from typing import Any

import pytest
from openpyxl import Workbook

from components.ingest.invisible_chars import invisible_named, visible
from tests.ingest.odf_support import Sheet as OdsSheet
from tests.ingest.odf_support import ods
from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, csv_bytes, read

LEVELS = {n: (n * 3) % 5 for n in range(1, 22)}
# What a PDF converter, Word or a web page leaves in text (category Cf and the like).
INVISIBLE = {
    "zero-width space": "\u200b",
    "zero-width non-joiner": "\u200c",
    "zero-width joiner": "\u200d",
    "word joiner": "\u2060",
    "byte order mark": "\ufeff",
    "soft hyphen": "\u00ad",
    "left-to-right mark": "\u200e",
    "right-to-left mark": "\u200f",
    "left-to-right embedding": "\u202a",
    "pop directional formatting": "\u202c",
    "first strong isolate": "\u2068",
    "Arabic letter mark": "\u061c",
    "Mongolian vowel separator": "\u180e",
    "combining grapheme joiner": "\u034f",
    "Hangul filler": "\u3164",
}


def _rows(mark: str) -> list[list[Any]]:
    """A table with ``mark`` in every kind of cell the reader reads: the labels' values, the
    headers, the capabilities' numbers and titles, the levels (before, after and alone)."""
    rows: list[list[Any]] = [
        [f"Coun{mark}try", f"{mark}Kenya{mark}"],
        [f"Year{mark}", f"20{mark}23"],
        [],
        [f"No.{mark}", f"Capa{mark}bility", f"{mark}Level"],
    ]
    for n, level in LEVELS.items():
        title = TITLES[n]
        title = f"{title[:4]}{mark}{title[4:]}" if n % 2 else f"{mark}{title}{mark}"
        written = (f"{mark}{level}", f"{level}{mark}", f"{mark}{level}{mark}")[n % 3]
        rows.append([f"{n}{mark}" if n % 4 else n, title, written])
    rows.append([22, mark, mark])  # a cell holding only what does not show is empty
    return rows


def _xlsx(rows: list[list[Any]], *, streamed: bool = False) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Assessment"
    for row in rows:
        sheet.append(row)
    if streamed:  # a stored cell far below: the sheet is read row by row (``xlsx_extent``)
        sheet.cell(row=200000, column=1).number_format = "0.0"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


FORMATS = {
    "xlsx": lambda rows: ("k.xlsx", _xlsx(rows)),
    "xlsx streamed": lambda rows: ("k.xlsx", _xlsx(rows, streamed=True)),
    "csv": lambda rows: ("k.csv", csv_bytes(rows)),
    "ods": lambda rows: ("k.ods", ods([OdsSheet("Assessment", rows)])),
}


@pytest.mark.parametrize("kind", FORMATS)
@pytest.mark.parametrize("mark", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_characters_that_do_not_show_are_read_as_nothing_in_every_cell(kind, mark):
    name, data = FORMATS[kind](_rows(mark))
    result = read(name, data)
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}
    assert not result.problems, result.problems


def test_a_zero_width_space_inside_a_level_is_left_out_too():
    rows = [["Country", "Kenya"], ["Year", 2023], ["Capability", "Level"]]
    rows += [[TITLES[n], "2\u200b - Devel\u00adoping" if n == 1 else 2] for n in range(1, 22)]
    result = read("k.xlsx", _xlsx(rows))
    assert by_assessment(result) == {("Kenya", 2023, None): dict.fromkeys(range(1, 22), 2)}
    assert not result.problems


def test_a_title_line_with_invisible_characters_gives_the_country_and_year():
    rows = [["Viet\u00a0Nam \u2013 MNR self\u00adassessment 20\u200b24"], ["No.", "Capability"]]
    rows[1].append("Level")
    rows += [[n, TITLES[n], LEVELS[n]] for n in range(1, 22)]
    result = read("v.xlsx", _xlsx(rows))
    assert by_assessment(result) == {("Vietnam", 2024, None): LEVELS}


def test_a_country_written_with_a_joiner_that_is_part_of_its_spelling_is_still_read():
    # Pashto's "Bangladesh" holds a zero-width non-joiner between two letters: its spelling.
    rows = [["Country", "\u0628\u0646\u06ab\u0644\u0647\u200c\u062f\u06cc\u0634"], ["Year", 2023]]
    rows += [["Capability", "Level"]] + [[TITLES[n], LEVELS[n]] for n in range(1, 22)]
    result = read("b.xlsx", _xlsx(rows))
    assert result.capabilities["iso3"].unique().tolist() == ["BGD"]


def test_a_sheet_name_quoted_in_a_message_says_it_holds_an_invisible_character():
    rows = [["Capability", "Level"]] + [[TITLES[n], LEVELS[n]] for n in range(1, 22)]
    workbook = Workbook()
    workbook.active.title = "Scores\u200b"
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = read("scores.xlsx", buffer.getvalue())
    said = "sheet “Scores\u200b” (it contains a zero-width space, which does not show)"
    assert_problem(result, "error", None, said)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\u200b1", "1"),
        ("3\u200c", "3"),
        ("Legis\u00adlation", "Legislation"),
        ("\ufeffKenya\u200e", "Kenya"),
        ("\u202aLevel\u202c", "Level"),
        ("Child\u2060Helpline", "ChildHelpline"),
        ("Ke\u200dnya", "Kenya"),  # a joiner between Latin letters is no part of a spelling
        ("Кения\u200b", "Кения"),
        ("\u062a\u200c\u0647", "\u062a\u200c\u0647"),  # Persian: part of the spelling, kept
        ("\u1780\u200b\u17a2", "\u1780\u200b\u17a2"),  # Khmer: its words parted so, kept
        ("\u200c\u062a", "\u062a"),  # at the start it parts nothing: left out
        ("Leadership", "Leadership"),
        ("Côte d'Ivoire", "Côte d'Ivoire"),
    ],
)
def test_visible_leaves_out_what_does_not_show(text, shown):
    assert visible(text) == shown


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Legis\u00adlation", " (it contains a soft hyphen, which does not show)"),
        ("Leader\u200bship", " (it contains a zero-width space, which does not show)"),
        (
            "A\u00adB\u200dC",
            " (it contains a soft hyphen and a zero-width joiner, which does not show)",
        ),
        (
            "\u2066Kenya",
            " (it contains the invisible character U+2066 (left-to-right isolate), which does "
            "not show)",
        ),
        ("\u062a\u200c\u0647", ""),  # part of the spelling: nothing to say
        ("Legislation", ""),
        (3, ""),
    ],
)
def test_invisible_characters_are_named(text, said):
    assert invisible_named(text) == said


@pytest.mark.parametrize("name", ["Ken\u200bya 2023", "\ufeffKenya 20\u00ad23", "Kenya\u200e 2023"])
def test_a_sheet_name_with_invisible_characters_gives_its_country_and_year(name):
    rows = [["Capability", "Level"]] + [[TITLES[n], LEVELS[n]] for n in range(1, 22)]
    workbook = Workbook()
    workbook.active.title = name
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = read("scores.xlsx", buffer.getvalue())
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}
