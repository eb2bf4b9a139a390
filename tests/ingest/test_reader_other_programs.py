"""Workbooks written by another program than openpyxl (LibreOffice Calc) read correctly.

The fixtures are made by scripts/make_libreoffice_fixtures.py, which also defines what they
hold; this test reads them with the app's reader and compares.
"""

from pathlib import Path

import pandas as pd
import pytest

from components.framework.model import default_framework
from components.ingest.reader import read_assessment_file
from scripts.make_libreoffice_fixtures import ZEMBLA, wide_levels

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def read(name: str):
    path = FIXTURES / name
    return read_assessment_file(path.name, path.read_bytes(), default_framework())


def test_the_fixtures_really_come_from_libreoffice():
    import zipfile

    for name in ("libreoffice-filled-template.xlsx", "libreoffice-wide-table.xlsx"):
        with zipfile.ZipFile(FIXTURES / name) as archive:
            assert b"LibreOffice" in archive.read("docProps/app.xml")


def test_template_resaved_by_libreoffice_reads_back_exactly():
    result = read("libreoffice-filled-template.xlsx")
    assert result.problems == ()
    capabilities = result.capabilities.set_index("capability")
    assert capabilities["country"].unique().tolist() == ["Zembla"]
    assert capabilities["year"].unique().tolist() == [2023]
    assert capabilities["iso3"].unique().tolist() == ["XZZ"]
    assert capabilities["round"].unique().tolist() == ["Baseline"]
    for number, level in ZEMBLA.levels.items():
        read_level = capabilities.loc[number, "level"]
        assert (None if pd.isna(read_level) else int(read_level)) == level
    assert capabilities.loc[1, "evidence"] == ZEMBLA.evidence[1]
    assert capabilities.loc[12, "confidence"] == "medium"
    enablers = result.enablers.set_index("enabler")["level"].to_dict()
    assert enablers == ZEMBLA.enabler_levels


@pytest.mark.parametrize(
    ("country", "year", "column"),
    [("Quentra", 2021, 0), ("Quentra", 2023, 1), ("Ostravia", 2023, 2)],
)
def test_wide_table_saved_by_libreoffice(country, year, column):
    result = read("libreoffice-wide-table.xlsx")
    assert [p for p in result.problems if p.severity == "error"] == []
    frame = result.capabilities
    rows = frame[(frame["country"] == country) & (frame["year"] == year)].set_index("capability")
    assert len(rows) == 21
    for number in range(1, 22):
        expected = wide_levels(number)[column]
        got = rows.loc[number, "level"]
        assert (None if pd.isna(got) else int(got)) == expected


def _xls(far: tuple[int, int] | None = None) -> bytes:
    """A long table as Excel 97-2003 saves it (xlwt writes real BIFF8), one level blank."""
    import io

    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Assessments")
    for column, header in enumerate(("Pays", "Année", "Capacité", "Niveau")):
        sheet.write(0, column, header)
    for row, capability in enumerate(default_framework().capabilities, start=1):
        for column, value in enumerate(("Elbonia", 2024, capability.title)):
            sheet.write(row, column, value)
        if capability.number != 9:
            sheet.write(row, 3, capability.number % 5)
    if far is not None:
        sheet.write(*far, "stray")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_an_xls_workbook_reads_every_level():
    result = read_assessment_file("elbonia.xls", _xls(), default_framework())
    assert result.problems == ()
    levels = result.capabilities.set_index("capability")["level"]
    assert levels.isna().sum() == 1
    assert pd.isna(levels[9])
    assert {n: int(levels[n]) for n in levels.index if n != 9} == {
        n: n % 5 for n in range(1, 22) if n != 9
    }


def test_an_xls_with_a_cell_far_out_is_refused_before_it_is_opened():
    result = read_assessment_file("elbonia.xls", _xls(far=(65535, 255)), default_framework())
    assert result.capabilities.empty
    (problem,) = result.problems
    assert problem.severity == "error"
    assert "row 65,536 and column 256" in problem.message
    assert ".xlsx" in problem.fix
