"""A title row holding something besides its title: a page's number, a hidden list, two cells."""

from __future__ import annotations

import io
from typing import Any

import pytest
from openpyxl import Workbook

from tests.ingest.reader_support import FW, by_assessment, read

GIVEN = {1: 2, 2: 3, 3: 1}


def _workbook(top: list[list[Any]], *, hidden: str | None = None) -> bytes:
    """A sheet with ``top`` above a table of ``GIVEN``'s levels; column ``hidden`` hidden."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Scores"
    for row in [*top, [], ["Capability", "Level", "Notes"]]:
        sheet.append(row)
    for number, level in GIVEN.items():
        sheet.append([FW.capability(number).title, level, "seen"])
    if hidden:
        sheet.column_dimensions[hidden].hidden = True
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("top", "hidden", "expected"),
    [
        # the title in two cells, the country in one and the round's year in the other
        ([["Dominican Republic", "MNR 2023"]], None, ("Dominican Republic", 2023)),
        (
            [["MNR self-assessment", None, "Republic of Moldova 2022"]],
            None,
            ("Republic of Moldova", 2022),
        ),
        ([["Nepal", "Model National Response", "Self-assessment 2021"]], None, ("Nepal", 2021)),
        # a print layout's page number beside the title
        (
            [["BRAZIL – MNR SELF-ASSESSMENT 2023", None, None, None, "Page 1 of 3"]],
            None,
            ("BRAZIL", 2023),
        ),
        ([["Chile MNR 2024", None, "p. 1/2"]], None, ("Chile", 2024)),
        # a drop-down's list beside the title, in a column left visible
        (
            [["Serbia – MNR 2023", None, None, None, None, None, "0 - Not in place"]],
            None,
            ("Serbia", 2023),
        ),
        # a drop-down's list in a hidden column, beside the title and alone below it
        (
            [
                ["Serbia – MNR 2023", None, None, None, None, None, "0 - Not in place"],
                [None] * 6 + ["1 - Building"],
            ],
            "G",
            ("Serbia", 2023),
        ),
    ],
)
def test_the_title_is_read_beside_what_is_not_part_of_it(top, hidden, expected):
    result = read("scores.xlsx", _workbook(top, hidden=hidden))
    assert by_assessment(result) == {(*expected, None): GIVEN}
    assert any(f"“{expected[0]}” was taken from the title" in p.message for p in result.problems)


@pytest.mark.parametrize(
    ("top", "hidden"),
    [
        # two texts naming no country: no title, refused as before
        ([["Ministry of Interior", "MNR 2023"]], None),
        # two countries over groups of columns: no one title
        ([["Kenya", "Uganda"]], None),
        ([["Kenya 2023", None, "Uganda 2023"]], None),
        # four texts are a row of words, not a title
        ([["Kenya", "Uganda", "Tanzania", "Rwanda"]], None),
        # a hidden list of countries (a drop-down's) beside the title is no part of it
        (
            [
                ["MNR self-assessment 2023", None, None, None, None, None, "Albania"],
                [None] * 6 + ["Kenya"],
            ],
            "G",
        ),
    ],
)
def test_a_row_of_several_texts_gives_no_invented_country(top, hidden):
    result = read("scores.xlsx", _workbook(top, hidden=hidden))
    assert by_assessment(result) == {}
    assert any("No country is given" in p.message for p in result.problems)
