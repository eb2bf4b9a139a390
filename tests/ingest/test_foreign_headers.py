"""Headers in a language and script the reader does not know
(components/ingest/foreign_headers.py): the sheet is skipped naming them, never guessed."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.reader_support import TITLES, by_assessment, read, xlsx

ALL = range(1, 22)

LONG = {
    "chinese": ["国家", "年份", "编号", "能力", "等级"],
    "russian": ["Страна", "Год", "Номер", "Потенциал", "Уровень"],
    "arabic": ["الدولة", "السنة", "الرقم", "القدرة", "المستوى"],
    "greek": ["Χώρα", "Έτος", "Αριθμός", "Ικανότητα", "Επίπεδο"],
}


@pytest.mark.parametrize("language", sorted(LONG))
def test_long_table_with_unknown_headers_names_them(language: str) -> None:
    rows: list[list[Any]] = [LONG[language]]
    rows += [["X", 2023, n, TITLES[n], n % 5] for n in ALL]
    result = read("data.xlsx", xlsx({"Data": rows}))
    assert not by_assessment(result)
    skipped = next(p for p in result.problems if p.message.startswith("Skipped sheet"))
    for header in LONG[language]:
        assert f"“{header}”" in skipped.message
    assert "English, French, Spanish and Portuguese" in skipped.message
    assert "Country, Year, Capability and Level" in skipped.message


def test_countries_rows_with_unknown_headers_names_them() -> None:
    rows = [["Страна", "Год", *ALL], ["Кыргызстан", 2023, *(n % 5 for n in ALL)]]
    result = read("data.xlsx", xlsx({"Лист1": rows}))
    skipped = next(p for p in result.problems if p.message.startswith("Skipped sheet"))
    assert "“Страна”, “Год”" in skipped.message


def test_form_with_unknown_labels_names_the_table_headers() -> None:
    rows: list[list[Any]] = [["الدولة", "الأردن"], ["السنة", 2024], [], ["القدرة", "المستوى"]]
    rows += [[f"قدرة {n}", n % 5] for n in ALL]
    result = read("form.xlsx", xlsx({"التقييم": rows}))
    skipped = next(p for p in result.problems if p.message.startswith("Skipped sheet"))
    assert "row 4 (“القدرة”, “المستوى”)" in skipped.message


def test_latin_notes_keep_the_plain_message() -> None:
    rows = [["Some notes", "about the plan"], ["More words", "here"]]
    result = read("notes.xlsx", xlsx({"Notes 2": rows}))
    assert not any("English, French" in p.message for p in result.problems)
