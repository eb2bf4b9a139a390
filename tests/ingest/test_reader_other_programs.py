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
