"""A sheet with no table whose title says whose the file's table is (Power Query from PDF)."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, errors, read, xlsx

LEVELS = {n: (n + 3) % 5 for n in range(1, 22)}


def _table(power_query: bool) -> list[list]:
    rows = [["Column1", "Column2", "Column3", "Column4"]] if power_query else []
    rows.append(["Ref", "MNR capability", "Assessed level", "Comment"])
    rows += [[f"C{n}", title, LEVELS[n]] for n, title in TITLES.items()]
    return rows


@pytest.mark.parametrize(
    ("title", "country", "year"),
    [
        (["Jordan – MNR assessment 2024 (from PDF report)"], "Jordan", 2024),
        (["Rapport MNR du Maroc, 2023"], "Morocco", 2023),
        (["Kenya", None, None, "MNR self-assessment 2022"], "Kenya", 2022),  # in two cells
        (["Ministry of Interior – MNR self-assessment 2022"], None, None),  # no country
    ],
)
@pytest.mark.parametrize("cover_first", [True, False])
@pytest.mark.parametrize("power_query", [True, False])
def test_a_cover_s_title_gives_the_table_its_country_and_year(
    title, country, year, cover_first, power_query
):
    sheets = {"Table002 (Page 3)": _table(power_query)}
    sheets = {"Sheet1": [title], **sheets} if cover_first else {**sheets, "Sheet1": [title]}
    result = read("from_pdf.xlsx", xlsx(sheets))

    if country is None:
        assert by_assessment(result) == {}
        assert any("No country is given" in p.message for p in errors(result))
        return
    assert by_assessment(result) == {(country, year, None): LEVELS}
    assert errors(result) == []
    assert_problem(result, "warning", None, "were taken from sheet “Sheet1”")
    assert not any("No date or year" in p.message for p in result.problems)


def test_covers_naming_two_countries_give_none():
    sheets = {
        "Cover": [["Jordan – MNR assessment 2024"]],
        "Table": _table(False),
        "Notes": [["Lebanon – MNR assessment 2024"]],
    }
    result = read("two.xlsx", xlsx(sheets))

    assert by_assessment(result) == {}
    assert any("No country is given" in p.message for p in errors(result))


def test_a_sheet_of_notes_is_no_cover():
    notes = [[f"Note {i}: Jordan's ministry reviewed the report in 2024."] for i in range(20)]
    result = read("notes.xlsx", xlsx({"Table": _table(False), "Notes": notes}))

    assert by_assessment(result) == {}
