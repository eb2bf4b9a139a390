"""A header that names the scale its column is scored on (components/ingest/header_scale.py):
"Note (sur 4)" is a grade out of 4, the level column, never a column of remarks."""

from __future__ import annotations

from typing import Any

import pytest

from components.ingest.matching import classify_header
from tests.ingest.reader_support import TITLES, by_assessment, errors, read, xlsx

ALL = range(1, 22)
LEVELS = {n: n % 5 for n in ALL}


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Note (sur 4)", "level"),
        ("Note (/4)", "level"),
        ("Note /4", "level"),
        ("Nota (0-4)", "level"),
        ("Nota (de 0 a 4)", "level"),
        ("Note (0 à 4)", "level"),
        ("Score (out of 4)", "level"),
        ("Note (sur 5)", "level"),  # a level column; its scale is refused when read
        ("Note", "evidence"),  # a remark, as in English
        ("Notes", "evidence"),
        ("Notes (page 4)", "evidence"),  # an aside that is no scale
        ("Kenya (0-4)", None),  # a country's column: not a header word
    ],
)
def test_a_header_scored_out_of_a_scale_is_the_level_column(header: str, field: Any) -> None:
    assert classify_header(header) == field


@pytest.mark.parametrize("written", [lambda v: f"{v} sur 4", lambda v: f"{v}/4", lambda v: v])
def test_a_french_form_graded_sur_4_is_read(written) -> None:
    rows: list[list[Any]] = [
        ["Pays : Togo"],
        ["Date : mars 2024"],
        [],
        ["Capacité", "Note (sur 4)"],
    ]
    rows += [[f"C{n} – {TITLES[n]}", written(LEVELS[n])] for n in ALL]
    result = read("togo.xlsx", xlsx({"Togo": rows}))
    assert by_assessment(result) == {("Togo", 2024, None): LEVELS}
    assert not errors(result)


def test_a_column_graded_out_of_another_scale_is_refused_whole() -> None:
    rows: list[list[Any]] = [
        ["Pays", "Togo"],
        ["Année", 2024],
        [],
        ["N°", "Capacité", "Note (sur 5)"],
    ]
    rows += [[n, TITLES[n], LEVELS[n] + 1] for n in ALL]
    result = read("togo.xlsx", xlsx({"Togo": rows}))
    assert by_assessment(result) == {}
    assert [p for p in errors(result) if "scale" in p.message]
