"""The template writer: what the workbook holds, and that it reads back exactly."""

from __future__ import annotations

import dataclasses
import datetime
from io import BytesIO

import pandas as pd
import pytest
from openpyxl import load_workbook

from components.framework.model import Scale, ScaleLevel
from components.ingest.reader import read_assessment_file
from components.ingest.template import AssessmentInput, write_template
from tests.ingest.reader_support import (
    FW,
    LABELS,
    SAMPLE,
    SAMPLE_LEVELS,
    find,
    level_cell,
    levels,
    read,
)


def test_round_trip_reads_back_exactly_what_was_written():
    result = read("arvenia.xlsx", write_template(FW, SAMPLE))
    assert result.problems == ()
    caps = result.capabilities
    assert len(caps) == 21
    assert levels(caps) == SAMPLE_LEVELS
    assert caps["level"].isna().sum() == 5  # not assessed stays missing, never 0
    first = caps.iloc[0]
    assert (first["country"], first["iso3"], first["year"], first["round"]) == (
        "Arvenia",
        "XAA",
        2021,
        "baseline",
    )
    assert first["assessed_by"] == "Demo team (fictional)"
    assert pd.isna(first["date"])
    assert first["source"] == "arvenia.xlsx › Assessment"
    evidence = {int(r.capability): r.evidence for r in caps.itertuples() if not pd.isna(r.evidence)}
    assert evidence == dict(SAMPLE.evidence)
    confidence = {
        int(r.capability): r.confidence for r in caps.itertuples() if not pd.isna(r.confidence)
    }
    assert confidence == dict(SAMPLE.confidence)
    assert list(caps["domain"]) == [c.domain for c in FW.capabilities]

    enablers = result.enablers
    assert levels(enablers, "enabler") == {n: SAMPLE.enabler_levels.get(n) for n in range(1, 8)}
    assert set(enablers["assessment_id"]) == set(caps["assessment_id"])
    assert enablers.set_index("enabler").loc[1, "evidence"] == "MoU between ministries"
    assert enablers.set_index("enabler").loc[7, "confidence"] == "high"


def test_round_trip_with_a_date_and_nothing_optional():
    assessment = AssessmentInput(country="Belmora", date=datetime.date(2023, 3, 31), levels={4: 2})
    result = read("belmora.xlsx", write_template(FW, assessment))
    assert result.problems == ()
    row = result.capabilities.iloc[0]
    assert (row["date"], row["year"]) == ("2023-03-31", 2023)
    assert pd.isna(row["iso3"])
    assert pd.isna(row["round"])
    assert pd.isna(row["assessed_by"])
    assert {k: v for k, v in levels(result.capabilities).items() if v is not None} == {4: 2}
    assert result.enablers["level"].isna().all()
    assert len(result.enablers) == 7


def test_template_layout():
    workbook = load_workbook(BytesIO(write_template(FW)))
    assert workbook.sheetnames == ["Instructions", "Assessment", "Enablers", "Action plan", "Scale"]
    sheet = workbook["Assessment"]
    for label in (
        "Country",
        "ISO3 code (optional)",
        "Date or year",
        "Round label (optional)",
        "Assessed by",
    ):
        answer = sheet.cell(row=find(sheet, label).row, column=find(sheet, label).column + 1)
        assert answer.fill.fgColor.rgb.endswith("FFF7D6")
        assert answer.border.left.style == "thin"
    header = find(sheet, "No.")
    headers = [sheet.cell(row=header.row, column=c).value for c in range(1, 8)]
    assert headers == [
        "No.",
        "Domain",
        "Capability",
        "Description",
        "Level",
        "Evidence / notes",
        "Confidence",
    ]
    assert header.font.bold
    assert sheet.freeze_panes == f"A{header.row + 1}"
    assert sheet.cell(row=header.row + 1, column=4).alignment.wrap_text
    assert sheet.column_dimensions["D"].width > sheet.column_dimensions["A"].width
    assert [sheet.cell(row=header.row + n, column=3).value for n in range(1, 22)] == [
        c.title for c in FW.capabilities
    ]
    validations = {dv.formula1: str(dv.sqref) for dv in sheet.data_validations.dataValidation}
    level_list = next(f for f in validations if "2 - Developing" in f)
    assert all(f"{v} - {label}" in level_list for v, label in LABELS.items())
    assert validations[level_list] == f"E{header.row + 1}:E{header.row + 21}"
    assert validations['"low,medium,high"'] == f"G{header.row + 1}:G{header.row + 21}"

    enablers = workbook["Enablers"]
    assert [enablers.cell(row=find(enablers, "No.").row, column=c).value for c in range(1, 6)] == [
        "No.",
        "Enabler",
        "Level",
        "Evidence / notes",
        "Confidence",
    ]
    assert len(enablers.data_validations.dataValidation) == 2

    instructions = " ".join(
        str(c.value) for row in workbook["Instructions"].iter_rows() for c in row if c.value
    )
    for level in FW.scale.levels:
        assert level.label in instructions
        assert level.descriptor in instructions
    assert "not assessed" in instructions.lower()
    assert "low" in instructions
    scale = [list(r) for r in workbook["Scale"].iter_rows(min_row=2, values_only=True)]
    assert [r[:2] for r in scale] == [[v, label] for v, label in LABELS.items()]


def test_template_follows_the_framework_scale():
    scale = Scale(
        "Three steps",
        (ScaleLevel(1, "Low", "a"), ScaleLevel(2, "Mid", "b"), ScaleLevel(3, "Top", "c")),
    )
    framework = dataclasses.replace(FW, scale=scale)
    data = write_template(framework, AssessmentInput("Arvenia", year=2020, levels={1: 3}))
    sheet = load_workbook(BytesIO(data))["Assessment"]
    formulas = [dv.formula1 for dv in sheet.data_validations.dataValidation]
    assert '"1 - Low,2 - Mid,3 - Top"' in formulas
    assert level_cell(sheet, 1).value == "3 - Top"
    result = read_assessment_file("x.xlsx", data, framework)
    assert levels(result.capabilities)[1] == 3
    assert not result.problems


def test_write_template_refuses_impossible_input():
    with pytest.raises(ValueError, match="no capability 22"):
        write_template(FW, AssessmentInput("Arvenia", levels={22: 1}))
    with pytest.raises(ValueError, match="not on the scale"):
        write_template(FW, AssessmentInput("Arvenia", levels={1: 9}))
