"""The template writer and the tolerant reader: round trips, edited templates, hand-made tables.

Every workbook is built in the test with openpyxl (no binary fixtures), so each case shows
exactly what a person's file looks like.
"""

import csv
import dataclasses
import datetime
import io
from collections.abc import Callable
from io import BytesIO
from typing import Any

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

from components.framework.model import Scale, ScaleLevel, default_framework
from components.ingest.file_guard import ReadLimits
from components.ingest.workbook import (
    ASSESSMENT_COLUMNS,
    CAPABILITY_COLUMNS,
    ENABLER_COLUMNS,
    AssessmentInput,
    find_duplicate_assessments,
    read_assessment_file,
    write_template,
)

FW = default_framework()
LABELS = {level.value: level.label for level in FW.scale.levels}
SAMPLE = AssessmentInput(
    country="Arvenia",
    iso3="XAA",
    year=2021,
    round="baseline",
    assessed_by="Demo team (fictional)",
    # every level of the scale, and every fourth capability not assessed
    levels={n: (None if n % 4 == 0 else n % 5) for n in range(1, 22)},
    evidence={1: "National committee since 2019", 5: "Training, 2020\nsecond line"},
    confidence={1: "high", 2: "low", 3: "medium"},
    enabler_levels={1: 3, 2: None, 3: 0, 7: 4},
    enabler_evidence={1: "MoU between ministries"},
    enabler_confidence={1: "low", 7: "high"},
)
SAMPLE_LEVELS = {n: SAMPLE.levels.get(n) for n in range(1, 22)}


# --- helpers ------------------------------------------------------------------------------


def _none(value: Any) -> Any:
    return None if pd.isna(value) else value


def levels(frame: pd.DataFrame, column: str = "capability") -> dict[int, int | None]:
    return {int(row[column]): _none(row["level"]) for _, row in frame.iterrows()}


def by_assessment(result) -> dict[tuple, dict[int, int]]:
    """(country, year, round) -> the levels given (not-assessed left out)."""
    found: dict[tuple, dict[int, int]] = {}
    for _, row in result.capabilities.iterrows():
        key = (row["country"], _none(row["year"]), _none(row["round"]))
        found.setdefault(key, {})
        if not pd.isna(row["level"]):
            found[key][int(row["capability"])] = int(row["level"])
    return found


def xlsx(sheets: dict[str, list[list[Any]]], hidden: tuple[str, ...] = ()) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if name in hidden:
            sheet.sheet_state = "hidden"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: list[list[Any]], sep: str = ",", encoding: str = "utf-8") -> bytes:
    text = io.StringIO()
    csv.writer(text, delimiter=sep).writerows(rows)
    return text.getvalue().encode(encoding)


def find(sheet, text: str):
    """The first cell whose value is ``text``."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value == text:
                return cell
    raise AssertionError(f"{text!r} not found")


def capability_row(sheet, number: int) -> int:
    number_column = find(sheet, "No.").column
    for row in range(1, sheet.max_row + 1):
        if sheet.cell(row=row, column=number_column).value == number:
            return row
    raise AssertionError(number)


def level_cell(sheet, number: int):
    return sheet.cell(row=capability_row(sheet, number), column=find(sheet, "Level").column)


def edit_template(edit: Callable[[Any], Any], assessment=SAMPLE) -> tuple[bytes, Any]:
    """The filled template, changed by ``edit(Assessment sheet)``; returns what edit returns."""
    workbook = load_workbook(BytesIO(write_template(FW, assessment)))
    marker = edit(workbook["Assessment"])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), marker


def reorder_columns(sheet, order: list[str]) -> None:
    """Rewrite the table with its columns in ``order`` (by header text), as a person would."""
    header = find(sheet, "No.").row
    headers = [sheet.cell(row=header, column=c).value for c in range(1, 8)]
    positions = [headers.index(name) + 1 for name in order]
    for row in range(header, sheet.max_row + 1):
        values = [sheet.cell(row=row, column=c).value for c in positions]
        for column, value in enumerate(values, start=1):
            sheet.cell(row=row, column=column).value = value


def rename(sheet, renames: dict[str, str]) -> None:
    for old, new in renames.items():
        find(sheet, old).value = new


def read(name: str, data: bytes, limits: ReadLimits | None = None):
    if limits is None:
        return read_assessment_file(name, data, FW)
    return read_assessment_file(name, data, FW, limits)


def assert_problem(result, severity: str, cell: str | None, words: str, sheet: Any = ...) -> None:
    matching = [
        p
        for p in result.problems
        if p.severity == severity and p.cell == cell and words in p.message
    ]
    assert matching, f"no {severity} at {cell} with {words!r} in {result.problems}"
    problem = matching[0]
    assert problem.file == result.file
    assert problem.fix
    if sheet is not ...:
        assert problem.sheet == sheet


# --- the template -------------------------------------------------------------------------


def test_round_trip_reads_back_exactly_what_was_written():
    result = read("arvenia.xlsx", write_template(FW, SAMPLE))
    assert result.problems == ()
    assert not result.has_errors
    caps = result.capabilities
    assert list(caps.columns) == CAPABILITY_COLUMNS
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
    assert list(enablers.columns) == ENABLER_COLUMNS
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


def test_result_dtypes_follow_the_data_contract():
    result = read("arvenia.xlsx", write_template(FW, SAMPLE))
    caps = result.capabilities
    for column in ("level", "capability", "year"):
        assert caps[column].dtype == "Int64"
    assert result.enablers["enabler"].dtype == "Int64"
    for column in ("country", "iso3", "date", "round", "source", "domain", "evidence"):
        assert caps[column].dtype == "string"
    assessments = result.assessments()
    assert list(assessments.columns) == [*ASSESSMENT_COLUMNS, "assessed", "total"]
    assert (assessments.loc[0, "assessed"], assessments.loc[0, "total"]) == (16, 21)


def test_template_layout():
    workbook = load_workbook(BytesIO(write_template(FW)))
    assert workbook.sheetnames == ["Instructions", "Assessment", "Enablers", "Scale"]
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


# --- the template after people edited it --------------------------------------------------


def _levels_written_every_way(sheet) -> None:
    forms = [
        lambda n: n,
        float,
        str,
        lambda n: f"{n} - {LABELS[n]}",
        lambda n: LABELS[n],
        lambda n: LABELS[n].lower() + " ",
        lambda n: LABELS[n].upper(),
        lambda n: f"Level {n}",
    ]
    for number, level in SAMPLE_LEVELS.items():
        if level is not None:
            level_cell(sheet, number).value = forms[number % len(forms)](level)


def _titles_only(sheet) -> None:
    number_column = find(sheet, "No.").column
    title_column = find(sheet, "Capability").column
    for number in range(1, 22):
        row = capability_row(sheet, number)
        title = sheet.cell(row=row, column=title_column)
        title.value = "  " + title.value.upper().replace(" AND ", " & ") + " "
    for row in range(find(sheet, "No.").row + 1, sheet.max_row + 1):
        sheet.cell(row=row, column=number_column).value = None


def _metadata_right_of_table(sheet) -> None:
    for offset, label in enumerate(
        ("Country", "ISO3 code (optional)", "Date or year", "Round label (optional)", "Assessed by")
    ):
        cell = find(sheet, label)
        value = sheet.cell(row=cell.row, column=cell.column + 1)
        sheet.cell(row=12 + offset, column=10).value = cell.value
        sheet.cell(row=12 + offset, column=12).value = value.value  # a gap between
        cell.value = value.value = None


def _sub_headings_and_blank_rows(sheet) -> None:
    row = capability_row(sheet, 4)
    sheet.insert_rows(row, 2)
    sheet.cell(row=row + 1, column=2).value = "Criminal Justice"


EDITED_TEMPLATES = {
    "rows inserted above": lambda s: s.insert_rows(1, 3),
    "columns reordered": lambda s: reorder_columns(
        s, ["Level", "Confidence", "Capability", "No.", "Evidence / notes", "Domain", "Description"]
    ),
    "headers reworded: capability no, score, comments": lambda s: rename(
        s,
        {
            "No.": "Capability no",
            "Level": "Score",
            "Evidence / notes": "Comments",
            "Confidence": "Confidence level",
        },
    ),
    "headers reworded: #, rating, notes": lambda s: rename(
        s, {"No.": "#", "Level": "Rating", "Evidence / notes": "Notes"}
    ),
    "headers reworded: number, maturity, title": lambda s: rename(
        s, {"No.": "Number", "Level": "Maturity (0-4)", "Capability": "Capability title"}
    ),
    "levels as numbers, text and labels in any case": _levels_written_every_way,
    "titles only, in capitals with &": _titles_only,
    "metadata moved right of the table": _metadata_right_of_table,
    "metadata labels reworded": lambda s: rename(
        s, {"Country": "Country name:", "Date or year": "Year", "Assessed by": "Assessor"}
    ),
    "sub-headings and blank rows in the table": _sub_headings_and_blank_rows,
}


@pytest.mark.parametrize("edit", EDITED_TEMPLATES.values(), ids=EDITED_TEMPLATES.keys())
def test_edited_template_reads_the_same(edit):
    data, _ = edit_template(edit)
    result = read("edited.xlsx", data)
    assert result.problems == ()
    assert levels(result.capabilities) == SAMPLE_LEVELS
    row = result.capabilities.iloc[0]
    assert (row["country"], row["year"], row["round"], row["iso3"]) == (
        "Arvenia",
        2021,
        "baseline",
        "XAA",
    )
    assert levels(result.enablers, "enabler")[7] == 4


def _set_level(number: int, value: Any) -> Callable[[Any], tuple[str, int]]:
    def edit(sheet):
        cell = level_cell(sheet, number)
        cell.value = value
        return cell.coordinate, number

    return edit


def _rows_above_then_bad_level(sheet):
    sheet.insert_rows(1, 5)
    return _set_level(3, 7)(sheet)


def _set_confidence(sheet):
    cell = sheet.cell(row=capability_row(sheet, 2), column=find(sheet, "Confidence").column)
    cell.value = "very"
    return cell.coordinate, None


def _set_title(number: int, title: str, clear_number: bool = True):
    def edit(sheet):
        row = capability_row(sheet, number)
        if clear_number:
            sheet.cell(row=row, column=find(sheet, "No.").column).value = None
        cell = sheet.cell(row=row, column=find(sheet, "Capability").column)
        cell.value = title
        return cell.coordinate, None if title == "Leadersip" else number

    return edit


def _duplicate_capability(sheet):
    row = capability_row(sheet, 2)
    sheet.cell(row=row, column=find(sheet, "No.").column).value = 1
    sheet.cell(row=row, column=find(sheet, "Capability").column).value = "Leadership"
    return sheet.cell(row=row, column=find(sheet, "Level").column).coordinate, 2


def _number_and_title_disagree(sheet):
    row = capability_row(sheet, 3)
    sheet.cell(row=row, column=find(sheet, "Capability").column).value = "Leadership"
    return sheet.cell(row=row, column=find(sheet, "No.").column).coordinate, 3


def _capability_emptied(sheet):
    row = capability_row(sheet, 2)
    number = sheet.cell(row=row, column=find(sheet, "No.").column)
    sheet.cell(row=row, column=find(sheet, "Capability").column).value = None
    number.value = None
    return number.coordinate, 2


BAD_TEMPLATES = {
    # name: (edit returning (cell, capability that loses its level or None), severity, words)
    "level out of range": (_set_level(3, 7), "error", "outside the scale"),
    "level not a whole number": (_set_level(3, 2.5), "error", "not a whole number"),
    "level unreadable": (_set_level(3, "mostly"), "error", "not a level"),
    "level label contradicts number": (_set_level(3, "3 - Building"), "error", "label"),
    "formula without a cached value": (_set_level(3, "=1+1"), "error", "formula"),
    "bad level after rows inserted above": (_rows_above_then_bad_level, "error", "scale"),
    "confidence not low/medium/high": (_set_confidence, "warning", "“very”"),
    "capability title misspelt": (_set_title(1, "Leadersip"), "warning", "taken as capability 1"),
    "capability unknown": (_set_title(1, "Budget lines"), "error", "not a capability"),
    "capability ambiguous": (_set_title(1, "Reporting"), "error", "more than one"),
    "same capability twice": (_duplicate_capability, "error", "second time"),
    "level without a capability": (_capability_emptied, "error", "no capability"),
    "number and title disagree": (_number_and_title_disagree, "error", "Leadership"),
}


@pytest.mark.parametrize(
    ("edit", "severity", "words"), BAD_TEMPLATES.values(), ids=BAD_TEMPLATES.keys()
)
def test_bad_cells_are_reported_with_their_cell_and_the_rest_is_kept(edit, severity, words):
    data, (cell, lost) = edit_template(edit)
    result = read("edited.xlsx", data)
    assert_problem(result, severity, cell, words, sheet="Assessment")
    expected = dict(SAMPLE_LEVELS)
    if lost is not None:
        expected[lost] = None  # the bad value is not used...
    assert levels(result.capabilities) == expected  # ...and every other level is kept
    assert len(result.problems) == 1


def test_level_written_as_not_applicable_is_not_assessed_without_a_problem():
    for value in ("n/a", "-", "Not assessed", "  "):
        data, _ = edit_template(_set_level(1, value))
        result = read("edited.xlsx", data)
        assert result.problems == ()
        assert levels(result.capabilities)[1] is None


def test_rows_inserted_above_shift_the_reported_cell():
    data, (cell, _) = edit_template(_rows_above_then_bad_level)
    _plain, (plain_cell, _) = edit_template(_set_level(3, 7))
    assert int(cell[1:]) == int(plain_cell[1:]) + 5
    assert read("a.xlsx", data).problems[0].cell == cell


def test_missing_country_is_an_error_naming_the_cell():
    def clear_country(sheet):
        cell = find(sheet, "Country")
        answer = sheet.cell(row=cell.row, column=cell.column + 1)
        answer.value = None
        return answer.coordinate

    data, cell = edit_template(clear_country)
    result = read("nocountry.xlsx", data)
    assert_problem(result, "error", cell, "No country", sheet="Assessment")
    assert result.capabilities.empty
    assert list(result.capabilities.columns) == CAPABILITY_COLUMNS


@pytest.mark.parametrize(
    ("label", "value", "words", "column", "kept"),
    [
        ("Date or year", "sometime soon", "not a year", "year", None),
        ("Date or year", "FY 2022", "2022 was used", "year", 2022),
        ("ISO3 code (optional)", "Arvenia", "not three letters", "iso3", None),
    ],
)
def test_unreadable_metadata_is_a_warning_and_the_assessment_is_kept(
    label, value, words, column, kept
):
    def edit(sheet):
        cell = find(sheet, label)
        answer = sheet.cell(row=cell.row, column=cell.column + 1)
        answer.value = value
        return answer.coordinate

    data, cell = edit_template(edit)
    result = read("meta.xlsx", data)
    assert_problem(result, "warning", cell, words, sheet="Assessment")
    assert not result.has_errors
    assert _none(result.capabilities.iloc[0][column]) == kept
    assert levels(result.capabilities) == SAMPLE_LEVELS


# --- hand-made tables ---------------------------------------------------------------------

ARVENIA_2021 = {1: 2, 2: 3, 7: 1, 12: 4, 21: 0}
ARVENIA_2023 = {1: 3, 2: 3, 10: 2}
BELMORA_2023 = {1: 1, 3: 2, 8: 3}
EXPECTED = {
    ("Arvenia", 2021, None): ARVENIA_2021,
    ("Arvenia", 2023, None): ARVENIA_2023,
    ("Belmora", 2023, None): BELMORA_2023,
}
ASSESSMENTS = [
    ("Arvenia", 2021, ARVENIA_2021),
    ("Arvenia", 2023, ARVENIA_2023),
    ("Belmora", 2023, BELMORA_2023),
]


def _capability_written(number: int) -> Any:
    """Capabilities as people write them in their own tables: numbers, titles, codes."""
    title = FW.capability(number).title
    return [number, title, f"C{number}", title.lower(), f"Capability {number}"][number % 5]


def long_rows(notes: str = "seen") -> list[list[Any]]:
    rows: list[list[Any]] = [["Country", "Year", "Capability", "Level", "Notes", "Confidence"]]
    for country, year, given in ASSESSMENTS:
        for number, level in given.items():
            rows.append([country, year, _capability_written(number), level, notes, "Medium"])
        rows.append([country, year, _capability_written(5), "n/a", None, None])
    return rows


def wide_capability_rows() -> list[list[Any]]:
    rows: list[list[Any]] = [["No.", "Capability", *(f"{c} {y}" for c, y, _ in ASSESSMENTS)]]
    for capability in FW.capabilities:
        n = capability.number
        rows.append([n, capability.title, *(given.get(n) for _, _, given in ASSESSMENTS)])
    return rows


def wide_country_rows(titles: bool = False) -> list[list[Any]]:
    heads = [c.title if titles else c.number for c in FW.capabilities]
    rows: list[list[Any]] = [[None if titles else "Country", "Year", *heads]]
    for country, year, given in ASSESSMENTS:
        rows.append([country, year, *(given.get(n) for n in range(1, 22))])
    return rows


def per_sheet(country: str, year: int, given: dict[int, int]) -> list[list[Any]]:
    rows: list[list[Any]] = [["Self-assessment"], [], ["Country:", country], ["Year", year], []]
    rows.append(["Capability", "Level", "Comments"])
    rows += [[FW.capability(n).title, level, None] for n, level in given.items()]
    return rows


HAND_MADE = {
    "long xlsx": ("long.xlsx", lambda: xlsx({"Data": long_rows()}), ()),
    "long xlsx with title rows and an extra column": (
        "long.xlsx",
        lambda: xlsx({"Data": [["Assessments 2021-2023"], [], *[[*r, "x"] for r in long_rows()]]}),
        (),
    ),
    "long csv": ("long.csv", lambda: csv_bytes(long_rows()), ()),
    "long csv with semicolons": ("long.csv", lambda: csv_bytes(long_rows(), sep=";"), ()),
    "long csv in Windows-1252": (
        "long.csv",
        lambda: csv_bytes(long_rows(notes="vérifié – “ok”"), encoding="cp1252"),
        ("not UTF-8",),
    ),
    "wide: capabilities as rows": ("wide.xlsx", lambda: xlsx({"W": wide_capability_rows()}), ()),
    "wide: capabilities as rows, with a text column": (
        "wide.xlsx",
        lambda: xlsx(
            {
                "W": [
                    [*r, "Lead agency" if i == 0 else "Ministry"]
                    for i, r in enumerate(wide_capability_rows())
                ]
            }
        ),
        ("holds text, not levels",),
    ),
    "wide: capabilities as rows, csv": ("wide.csv", lambda: csv_bytes(wide_capability_rows()), ()),
    "wide: capabilities as rows, titles only, no key header": (
        "wide.xlsx",
        lambda: xlsx(
            {
                "W": [
                    [None, *r[2:]] if i == 0 else [r[1], *r[2:]]
                    for i, r in enumerate(wide_capability_rows())
                ]
            }
        ),
        (),
    ),
    "wide: countries as rows, numbered columns": (
        "wide.xlsx",
        lambda: xlsx({"W": wide_country_rows()}),
        (),
    ),
    "wide: countries as rows, titled columns, unlabelled country column": (
        "wide.xlsx",
        lambda: xlsx({"W": wide_country_rows(titles=True)}),
        (),
    ),
    "wide: countries as rows, csv": ("wide.csv", lambda: csv_bytes(wide_country_rows()), ()),
    "one assessment per sheet": (
        "sheets.xlsx",
        lambda: xlsx(
            {f"{c} {y}": per_sheet(c, y, g) for c, y, g in ASSESSMENTS}
            | {"Notes": [["Collected by the regional office"]], "Empty": []}
        ),
        ("Skipped sheet “Notes”", "it is empty"),
    ),
}


@pytest.mark.parametrize(("name", "build", "warnings"), HAND_MADE.values(), ids=HAND_MADE.keys())
def test_hand_made_tables(name, build, warnings):
    result = read(name, build())
    assert by_assessment(result) == EXPECTED
    assert len(result.capabilities) == 21 * len(EXPECTED)
    assert not result.has_errors, result.problems
    assert len(result.problems) == len(warnings), result.problems
    for words in warnings:
        assert any(words in p.message for p in result.problems), (words, result.problems)
    for problem in result.problems:
        assert problem.file == name
        assert problem.fix


def test_long_table_keeps_evidence_confidence_and_rounds():
    rows = [
        ["Country", "ISO3", "Date", "Round", "Capability no", "Score", "Comments", "Confidence"],
        ["Arvenia", "xaa", "2023-03-31", "baseline", 1, 2, "a law", "HIGH"],
        ["Arvenia", "XAA", "2023-03-31", "baseline", 2, 3, None, None],
        ["arvenia ", "XAA", "2023-03-31", "review", 1, 4, None, "low"],
    ]
    result = read("rounds.xlsx", xlsx({"Data": rows}))
    assert result.problems == ()
    summary = result.assessments()
    assert list(summary["round"]) == ["baseline", "review"]
    assert list(summary["assessed"]) == [2, 1]
    baseline = result.capabilities[result.capabilities["round"] == "baseline"].set_index(
        "capability"
    )
    assert (baseline.loc[1, "evidence"], baseline.loc[1, "confidence"]) == ("a law", "high")
    assert (baseline.loc[1, "date"], baseline.loc[1, "year"], baseline.loc[1, "iso3"]) == (
        "2023-03-31",
        2023,
        "XAA",
    )


def test_bad_rows_of_a_long_table_are_reported_and_the_rest_kept():
    rows = long_rows()
    rows[1][3] = 9  # Arvenia 2021, capability 1: level out of range
    rows[2][2] = "Budget lines"  # Arvenia 2021, capability 2: unknown capability
    rows[3][0] = None  # Arvenia 2021, capability 7: no country
    rows.append(["Arvenia", 2021, _capability_written(12), 1, None, None])  # 12 again
    result = read("long.xlsx", xlsx({"Data": rows}))
    assert_problem(result, "error", "D2", "outside the scale", sheet="Data")
    assert_problem(result, "error", "C3", "not a capability", sheet="Data")
    assert_problem(result, "error", "A4", "no country", sheet="Data")
    assert_problem(result, "error", f"D{len(rows)}", "second time", sheet="Data")
    assert len(result.problems) == 4
    expected = dict(EXPECTED)
    expected[("Arvenia", 2021, None)] = {12: 4, 21: 0}
    assert by_assessment(result) == expected


def test_one_sheet_without_country_does_not_lose_the_others():
    sheets = {f"{c} {y}": per_sheet(c, y, g) for c, y, g in ASSESSMENTS}
    sheets["Belmora 2023"][2] = ["Country:", None]
    result = read("sheets.xlsx", xlsx(sheets))
    assert_problem(result, "error", "B3", "No country", sheet="Belmora 2023")
    assert set(by_assessment(result)) == {("Arvenia", 2021, None), ("Arvenia", 2023, None)}


def test_hidden_helper_sheets_are_skipped_silently():
    data = xlsx({"Data": long_rows(), "Lists": [["low"], ["medium"]]}, hidden=("Lists",))
    result = read("hidden.xlsx", data)
    assert result.problems == ()


def _enabler_levels(result) -> dict[tuple, dict[int, int]]:
    """(country, year, round) -> the enabler levels given (not-assessed left out)."""
    found: dict[tuple, dict[int, int]] = {}
    for _, row in result.enablers.iterrows():
        key = (row["country"], _none(row["year"]), _none(row["round"]))
        found.setdefault(key, {})
        if not pd.isna(row["level"]):
            found[key][int(row["enabler"])] = int(row["level"])
    return found


LONG_ENABLERS = [
    ["Country", "Year", "Enabler", "Level"],
    ["arvenia ", 2021, "E3", 2],  # the country as written elsewhere, give or take case
    ["Arvenia", 2021, "Data and evidence on CSEA", 1],
    ["Belmora", 2023, 1, 4],
]


def test_enablers_in_a_long_table_join_the_assessments_of_the_other_sheet():
    result = read("en.xlsx", xlsx({"Data": long_rows(), "Enablers": LONG_ENABLERS}))
    assert result.problems == ()
    assert by_assessment(result) == EXPECTED
    assert set(result.enablers["assessment_id"]) == set(result.capabilities["assessment_id"])
    assert _enabler_levels(result) == {
        ("Arvenia", 2021, None): {3: 2, 7: 1},
        ("Arvenia", 2023, None): {},
        ("Belmora", 2023, None): {1: 4},
    }


def test_enablers_in_a_long_table_of_capabilities_stay_with_their_assessment():
    rows = [*long_rows(), ["Arvenia", 2021, "E3", 2, None, None]]
    result = read("mixed.xlsx", xlsx({"Data": rows}))
    assert result.problems == ()
    assert _enabler_levels(result)[("Arvenia", 2021, None)] == {3: 2}


def test_enablers_whose_assessment_is_not_in_the_file_are_reported_not_made_assessments():
    rows = [
        *LONG_ENABLERS,
        ["Carvia", 2023, 1, 2],
        ["Carvia", 2023, 2, None],  # blank level: not assessed, still one of its rows
        ["Belmora", "2023-06-30", 2, 1],  # Belmora's capabilities give only the year
        ["Nowhere", 2020, 1, None],  # nothing given: nothing lost, nothing to say
    ]
    result = read("en.xlsx", xlsx({"Data": long_rows(), "Enablers": rows}))
    assert set(result.capabilities["country"]) == {"Arvenia", "Belmora"}
    assert result.capabilities["assessment_id"].nunique() == 3
    assert set(result.enablers["assessment_id"]) == set(result.capabilities["assessment_id"])
    assert_problem(
        result,
        "warning",
        "D5:D6",
        "enablers for Carvia 2023 have no capability assessment in this file",
        sheet="Enablers",
    )
    belmora = next(p for p in result.problems if "Belmora 2023-06-30" in p.message)
    assert (belmora.severity, belmora.cell) == ("warning", "D7")
    assert "Belmora 2023" in belmora.fix
    assert len(result.problems) == 2, result.problems
    assert _enabler_levels(result)[("Belmora", 2023, None)] == {1: 4}

    # a file of enablers alone has no assessment at all
    result = read("en.xlsx", xlsx({"Enablers": LONG_ENABLERS}))
    assert result.capabilities.empty
    assert result.enablers.empty
    assert_problem(result, "warning", "D2:D3", "enablers for arvenia 2021", sheet="Enablers")
    assert_problem(result, "warning", "D4", "enablers for Belmora 2023", sheet="Enablers")
    assert_problem(result, "error", None, "No assessment was found")


def test_enablers_given_twice_or_for_an_assessment_given_twice_are_reported():
    rows = [*long_rows(), ["Arvenia", 2021, "E3", 2, None, None]]
    enablers = [*LONG_ENABLERS[:2], ["Arvenia", 2021, 4, 3]]
    result = read("twice.xlsx", xlsx({"Data": rows, "Enablers": enablers}))
    assert_problem(result, "error", "D2", "second time for arvenia 2021", sheet="Enablers")
    assert _enabler_levels(result)[("Arvenia", 2021, None)] == {3: 2, 4: 3}

    sheets = {"A": per_sheet(*ASSESSMENTS[0]), "B": per_sheet(*ASSESSMENTS[0])}
    result = read("two.xlsx", xlsx({**sheets, "Enablers": LONG_ENABLERS[:3]}))
    assert_problem(result, "warning", "D2:D3", "more than one assessment", sheet="Enablers")
    assert result.enablers["level"].count() == 0


def test_an_enablers_sheet_needing_an_owner():
    # the template's Enablers sheet has no country: it belongs to the only assessment...
    sheets = {"Arvenia 2021": per_sheet(*ASSESSMENTS[0])}
    sheets["Enablers"] = [["No.", "Enabler", "Level"], [1, "x", 2]]
    result = read("one.xlsx", xlsx(sheets))
    assert _enabler_levels(result)[("Arvenia", 2021, None)] == {1: 2}
    # ... but in a workbook of two assessments: whose is it?
    sheets = {f"{c} {y}": per_sheet(c, y, g) for c, y, g in ASSESSMENTS[:2]}
    sheets["Enablers"] = [["No.", "Enabler", "Level"], [1, "x", 2]]
    result = read("two.xlsx", xlsx(sheets))
    assert_problem(result, "error", None, "not clear which assessment", sheet="Enablers")
    # with a Country label of its own, it joins that country's assessment
    sheets["Enablers"] = [
        ["Country", "Arvenia"],
        ["Year", 2023],
        [],
        ["No.", "Enabler", "Level"],
        [1, FW.enablers[0].title, 2],
    ]
    result = read("two.xlsx", xlsx(sheets))
    assert not result.problems, result.problems
    assert result.capabilities["assessment_id"].nunique() == 2
    assert _enabler_levels(result)[("Arvenia", 2023, None)] == {1: 2}


@pytest.mark.parametrize("name", ["README", "ReadMe", " readme ", "Instructions", "SCALE"])
def test_information_sheets_are_skipped_silently(name):
    notes = [["About this workbook"], ["Level", "Label"], [0, "Absent"]]
    result = read("notes.xlsx", xlsx({name: notes, "Data": long_rows()}))
    assert result.problems == ()
    assert by_assessment(result) == EXPECTED


def test_formula_cells_without_a_saved_result_are_reported_in_a_long_table():
    rows = long_rows()
    rows[1][3] = "=1+1"
    result = read("f.xlsx", xlsx({"Data": rows}))
    assert_problem(result, "error", "D2", "formula", sheet="Data")


# --- files the reader must refuse, politely -----------------------------------------------

GARBAGE = {
    "empty": ("a.xlsx", b""),
    "old xls": ("a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
    "random bytes": ("a.xlsx", bytes(range(256)) * 8),
    "truncated workbook": ("a.xlsx", write_template(FW)[:3000]),
    "a zip that is not a workbook": ("a.xlsx", b"PK\x05\x06" + b"\0" * 18),
}


@pytest.mark.parametrize(("name", "data"), GARBAGE.values(), ids=GARBAGE.keys())
def test_unreadable_files_become_one_error_not_an_exception(name, data):
    result = read(name, data)
    assert result.has_errors
    assert result.capabilities.empty
    assert result.enablers.empty
    assert list(result.capabilities.columns) == CAPABILITY_COLUMNS
    error = next(p for p in result.problems if p.severity == "error")
    assert error.file == name
    assert error.message
    assert error.fix


def test_a_csv_with_no_table_is_skipped_with_a_reason():
    result = read("notes.csv", csv_bytes([["Minutes of the meeting"], ["All present"]]))
    assert_problem(result, "warning", None, "Skipped the file", sheet=None)
    assert_problem(result, "error", None, "No assessment was found")


def test_a_sheet_with_no_table_says_why_it_was_skipped():
    data = xlsx({"Data": [["Capability", "Status"], ["Leadership", 2]]})
    result = read("x.xlsx", data)
    assert_problem(result, "warning", None, "no column is headed Level", sheet="Data")
    assert_problem(result, "error", None, "No assessment was found")


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_row_limit_reports_and_stops(kind):
    rows = [["Country", "Year", "Capability", "Level"]] + [
        [f"Country {i:02d}", 2020, 1, 2] for i in range(30)
    ]
    data = xlsx({"Data": rows}) if kind == "xlsx" else csv_bytes(rows)
    result = read(f"big.{kind}", data, ReadLimits(max_rows_per_sheet=10))
    assert_problem(result, "error", "row 11", "more than 10 rows")
    assert len(result.assessments()) == 9  # rows 2 to 10


@pytest.mark.parametrize(("formatted_row", "warned"), [(800, False), (5000, True)])
def test_empty_formatted_rows_past_the_limit_are_not_data(formatted_row, warned):
    workbook = Workbook()
    sheet = workbook.active
    for row in long_rows():
        sheet.append(row)
    sheet.cell(row=formatted_row, column=1).number_format = "0.0"  # empty, but stored
    buffer = BytesIO()
    workbook.save(buffer)
    result = read("formatted.xlsx", buffer.getvalue(), ReadLimits(max_rows_per_sheet=100))
    assert by_assessment(result) == EXPECTED
    assert not result.has_errors
    # the look past the limit is bounded; stopping short of the sheet's end is said
    assert bool(result.problems) is warned
    if warned:
        assert "empty rows" in result.problems[0].message


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_column_limit_reports_and_keeps_the_first_columns(kind):
    rows = wide_country_rows()
    data = xlsx({"W": rows}) if kind == "xlsx" else csv_bytes(rows)
    result = read(f"wide.{kind}", data, ReadLimits(max_columns=5))
    assert any(p.severity == "error" and "columns" in p.message for p in result.problems)
    assert by_assessment(result)[("Arvenia", 2021, None)] == {1: 2, 2: 3}


def test_too_many_sheets_is_an_error_not_an_exception():
    data = xlsx({f"S{i}": long_rows() for i in range(4)})
    result = read("many.xlsx", data, ReadLimits(max_sheets=3))
    assert result.has_errors
    assert any("sheets" in p.message for p in result.problems)


# --- results and duplicates ---------------------------------------------------------------


def test_problems_frame_lists_errors_first():
    rows = long_rows()
    rows[1][5] = "sure"  # a warning, found first
    rows[2][3] = 7  # an error, found second
    frame = read("long.xlsx", xlsx({"Data": rows})).problems_frame()
    assert list(frame.columns) == ["severity", "file", "sheet", "cell", "message", "fix"]
    assert list(frame["severity"]) == ["error", "warning"]
    assert list(frame["cell"]) == ["D3", "F2"]


def test_assessment_ids_are_stable_and_depend_on_the_source():
    data = write_template(FW, SAMPLE)
    first, again, other = (read(n, data) for n in ("a.xlsx", "a.xlsx", "b.xlsx"))
    ids = [r.capabilities["assessment_id"].iloc[0] for r in (first, again, other)]
    assert ids[0] == ids[1] != ids[2]
    assert len(ids[0]) == 12


def test_find_duplicate_assessments():
    same = write_template(FW, SAMPLE)
    shouted = write_template(FW, dataclasses.replace(SAMPLE, country="  ARVENIA "))
    other_round = write_template(FW, dataclasses.replace(SAMPLE, round="review"))
    other_year = write_template(FW, dataclasses.replace(SAMPLE, year=2022))
    results = [
        read("a.xlsx", same),
        read("b.xlsx", shouted),
        read("c.xlsx", other_round),
        read("d.xlsx", other_year),
        read("e.xlsx", xlsx({"Data": long_rows()})),
    ]
    capabilities = pd.concat([r.capabilities for r in results], ignore_index=True)
    duplicates = find_duplicate_assessments(capabilities)
    assert list(duplicates.columns) == [
        "duplicate_group",
        "assessment_id",
        "country",
        "year",
        "date",
        "round",
        "source",
        "assessed",
    ]
    assert list(duplicates["source"]) == ["a.xlsx › Assessment", "b.xlsx › Assessment"]
    assert list(duplicates["duplicate_group"]) == [1, 1]
    assert list(duplicates["assessed"]) == [16, 16]
    # a second group: the long table's Arvenia 2021 is "arvenia 2021" without a round
    plain = read("f.xlsx", xlsx({"Data": long_rows()}))
    both = pd.concat([capabilities, plain.capabilities], ignore_index=True)
    groups = find_duplicate_assessments(both).groupby("duplicate_group")["source"].apply(list)
    assert len(groups) == 4
    assert groups[2] == ["e.xlsx › Data", "f.xlsx › Data"]


def test_find_duplicate_assessments_of_nothing():
    empty = read("x.xlsx", b"").capabilities
    duplicates = find_duplicate_assessments(empty)
    assert duplicates.empty
    assert "duplicate_group" in duplicates.columns
    single = read("a.xlsx", write_template(FW, SAMPLE)).capabilities
    assert find_duplicate_assessments(single).empty


def _million_row_workbook(rows: int) -> bytes:
    """A bare xlsx whose one sheet has ``rows`` data rows and no <dimension> tag.

    Written by hand (openpyxl would take minutes): a long table of country, year, capability
    and level, the kind of file a database export produces.
    """
    import zipfile

    def text(value: str) -> str:
        return f'<c t="inlineStr"><is><t>{value}</t></is></c>'

    body = [
        "<row>" + text("country") + text("year") + text("capability") + text("level") + "</row>"
    ]
    body.extend(
        f"<row>{text('Land')}<c><v>2020</v></c>"
        f"<c><v>{i % 21 + 1}</v></c><c><v>{i % 5}</v></c></row>"
        for i in range(rows)
    )
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<sheetData>" + "".join(body) + "</sheetData></worksheet>"
    )
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}">'
            '<sheets><sheet name="Export" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>"
        ),
        "xl/worksheets/sheet1.xml": sheet,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_a_sheet_with_a_million_rows_is_read_up_to_the_limit_and_reported():
    data = _million_row_workbook(1_000_000)
    result = read_assessment_file("export.xlsx", data, default_framework())
    limit = ReadLimits().max_rows_per_sheet
    too_many = [p for p in result.problems if "more than" in p.message and "rows" in p.message]
    assert too_many, [p.message for p in result.problems][:3]
    assert too_many[0].sheet == "Export"
    assert str(limit) in too_many[0].message
    # What was read is kept: one assessment of Land 2020, with its 21 capabilities.
    assert result.capabilities["country"].unique().tolist() == ["Land"]
    assert result.capabilities["level"].notna().sum() == 21
