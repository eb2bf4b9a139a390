"""Reading cells into an assessment: each unusable cell is reported at its address and the
rest is kept."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import (
    SAMPLE_LEVELS,
    assert_problem,
    capability_row,
    edit_template,
    errors,
    find,
    levels,
    none_if_missing,
    read,
    set_level,
)


def _rows_above_then_bad_level(sheet):
    sheet.insert_rows(1, 5)
    return set_level(3, 7)(sheet)


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
    "level out of range": (set_level(3, 7), "error", "outside the scale"),
    "level not a whole number": (set_level(3, 2.5), "error", "not a whole number"),
    "level unreadable": (set_level(3, "mostly"), "error", "not a level"),
    "level label contradicts number": (set_level(3, "3 - Building"), "error", "label"),
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
        data, _ = edit_template(set_level(1, value))
        result = read("edited.xlsx", data)
        assert result.problems == ()
        assert levels(result.capabilities)[1] is None


def test_rows_inserted_above_shift_the_reported_cell():
    data, (cell, _) = edit_template(_rows_above_then_bad_level)
    _plain, (plain_cell, _) = edit_template(set_level(3, 7))
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
    assert not errors(result)
    assert none_if_missing(result.capabilities.iloc[0][column]) == kept
    assert levels(result.capabilities) == SAMPLE_LEVELS
