"""The combined data as xlsx and csv: they read back as the same assessments, safely."""

from __future__ import annotations

import datetime
import io

import openpyxl
import pandas as pd
import pytest

from components.exports.safe_text import FORMULA_TRIGGERS
from components.exports.tables import combined_csv, combined_workbook_xlsx
from components.ingest.reader import read_assessment_file
from tests.exports.samples import FRAMEWORK, SCRIPT
from tests.factories import capability_rows, enabler_rows

ROUND_TRIP_COLUMNS = ["country", "year", "round", "capability", "level", "evidence", "confidence"]
CAPABILITY_HEADER = [
    "Country",
    "ISO3",
    "Year",
    "Date",
    "Round",
    "Assessed by",
    "Capability no",
    "Capability",
    "Domain",
    "Level",
    "Evidence",
    "Confidence",
]


def _rows(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[ROUND_TRIP_COLUMNS].astype(object).where(frame[ROUND_TRIP_COLUMNS].notna(), None)


def _from_capability_sheet(result) -> pd.DataFrame:
    capabilities = result.capabilities
    return capabilities[capabilities["source"].str.endswith("Capabilities")]


def test_workbook_reads_back_to_the_same_capabilities(demo):
    data = combined_workbook_xlsx(demo.capabilities, demo.enablers, FRAMEWORK)
    result = read_assessment_file("export.xlsx", data, FRAMEWORK)
    assert not [p for p in result.problems if p.severity == "error"]
    read = _from_capability_sheet(result)
    pd.testing.assert_frame_equal(
        _rows(read).reset_index(drop=True), _rows(demo.capabilities).reset_index(drop=True)
    )
    assert read["assessment_id"].nunique() == demo.capabilities["assessment_id"].nunique()
    assert list(read["iso3"].unique()) == list(demo.capabilities["iso3"].unique())


def test_workbook_sheets_and_enablers(demo):
    data = combined_workbook_xlsx(
        demo.capabilities.assign(origin="demo"), demo.enablers.assign(origin="demo"), FRAMEWORK
    )
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["README", "Capabilities", "Enablers", "Scale"]
    readme = "\n".join(str(c.value) for c in workbook["README"]["A"] if c.value)
    assert "Fictional demo data" in readme
    assert f"{demo.capabilities['assessment_id'].nunique()} assessments against" in readme
    sheet = workbook["Enablers"]
    header = [c.value for c in sheet[1]]
    assert header == [
        *CAPABILITY_HEADER[:6],
        "Enabler no",
        "Enabler",
        "Level",
        "Evidence",
        "Confidence",
        "Origin",
    ]
    count = demo.enablers["assessment_id"].nunique()
    assert sheet.max_row == 1 + count * len(FRAMEWORK.enablers)
    assert sheet.cell(2, header.index("Enabler") + 1).value == FRAMEWORK.enablers[0].title
    assert sheet.cell(2, header.index("Origin") + 1).value == "Fictional demo"


def test_workbook_enablers_read_back_into_the_same_assessments(demo):
    data = combined_workbook_xlsx(demo.capabilities, demo.enablers, FRAMEWORK)
    result = read_assessment_file("export.xlsx", data, FRAMEWORK)
    # Not a word about the README or Scale sheets, nor about enablers without an owner.
    assert result.problems == ()
    assert (
        result.capabilities["assessment_id"].nunique()
        == demo.capabilities["assessment_id"].nunique()
    )
    assert set(result.enablers["assessment_id"]) == set(result.capabilities["assessment_id"])
    assert result.enablers["level"].count() == demo.enablers["level"].count()


def test_workbook_keeps_dates_and_missing_levels(hostile):
    capabilities, enablers = hostile
    capabilities = capabilities.assign(date="2022-05-04")
    data = combined_workbook_xlsx(capabilities, enablers, FRAMEWORK)
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert "fictional" not in str(workbook["README"]["A"][-1].value).casefold()
    assert workbook["Capabilities"]["D2"].value == datetime.datetime(2022, 5, 4)
    read = _from_capability_sheet(read_assessment_file("export.xlsx", data, FRAMEWORK))
    assert list(read["date"].unique()) == ["2022-05-04"]
    assert read.loc[read["capability"] == 7, "level"].isna().all()
    assert read["level"].count() == capabilities["level"].count()
    # The apostrophe that neutralised "=1+1" stays part of the text when read back.
    assert read.loc[read["capability"] == 2, "evidence"].iloc[0] == "'=1+1"
    assert read.loc[read["capability"] == 1, "evidence"].iloc[0] == SCRIPT + " & <b>bold</b>"
    # A control character XML cannot hold is dropped; the rest of the text is kept as given.
    assert read.loc[read["capability"] == 4, "evidence"].iloc[0] == (
        "Line one\nLine two with a control char"
    )


@pytest.mark.parametrize("trigger", FORMULA_TRIGGERS)
def test_exports_neutralise_formulas(trigger):
    text = f'{trigger}HYPERLINK("http://example.invalid")'
    capabilities = capability_rows("f-1", text, 2023, {1: 2}, round_label=text)
    capabilities["evidence"] = text
    capabilities["confidence"] = text
    capabilities["assessed_by"] = text
    enablers = enabler_rows("f-1", text, 2023).assign(evidence=text)

    data = combined_workbook_xlsx(capabilities, enablers, FRAMEWORK)
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    for name in ("Capabilities", "Enablers"):
        for row in workbook[name].iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str):
                    assert cell.data_type == "s"
                    assert not cell.value.startswith(FORMULA_TRIGGERS)
                    assert not cell.value.startswith("=")
    evidence = workbook["Capabilities"]["K2"]
    assert evidence.value == "'" + text

    csv_text = combined_csv(capabilities, FRAMEWORK).decode("utf-8-sig")
    frame = pd.read_csv(io.StringIO(csv_text), dtype=str, keep_default_na=False)
    for column in ("Country", "Round", "Assessed by", "Evidence"):
        assert (frame[column] == "'" + text).all()


def test_csv_reads_back_to_the_same_capabilities(demo):
    data = combined_csv(demo.capabilities, FRAMEWORK)
    assert data.startswith(b"\xef\xbb\xbf")  # a byte-order mark: Excel reads accents right
    assert data.decode("utf-8-sig").splitlines()[0].split(",") == CAPABILITY_HEADER
    result = read_assessment_file("export.csv", data, FRAMEWORK)
    assert not result.problems
    pd.testing.assert_frame_equal(
        _rows(result.capabilities).reset_index(drop=True),
        _rows(demo.capabilities).reset_index(drop=True),
    )


def test_data_exports_of_an_empty_collection_have_headers_only():
    empty = capability_rows("x", "X", 2020, {}).iloc[0:0]
    csv_text = combined_csv(empty, FRAMEWORK).decode("utf-8-sig")
    assert csv_text.strip() == ",".join(CAPABILITY_HEADER)
    workbook = openpyxl.load_workbook(
        io.BytesIO(combined_workbook_xlsx(empty, enabler_rows("x", "X", 2020).iloc[0:0], FRAMEWORK))
    )
    assert workbook["Capabilities"].max_row == 1
