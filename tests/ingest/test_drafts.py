"""Reading cells into an assessment: each unusable cell is reported at its address and the
rest is kept."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from components.ingest.drafts import Meta, MetaReader, label_and_value
from components.ingest.limits import ReadLimits
from components.ingest.sheets import ReadContext, Sheet
from tests.ingest.reader_support import (
    FW,
    SAMPLE_LEVELS,
    TITLES,
    assert_problem,
    by_assessment,
    capability_row,
    edit_template,
    errors,
    find,
    levels,
    none_if_missing,
    read,
    set_level,
    xlsx,
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
    level = sheet.cell(row=row, column=find(sheet, "Level").column)
    level.value = SAMPLE_LEVELS[1]  # the same level as capability 1's: the first row is kept
    return level.coordinate, 2


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
        ("Date or year", "FY 2022", "holds the year 2022; it was used", "year", 2022),
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


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Country: Krakozhia", ("country", "Krakozhia")),
        ("Year: 2023", ("year", "2023")),
        ("Year - 2023", ("year", "2023")),
        ("Año – 2024", ("year", "2024")),
        ("Pays : Elbonie", ("country", "Elbonie")),
        ("País: Guinea-Bissau", ("country", "Guinea-Bissau")),
        ("Date of assessment: 2023-05-01", ("date", "2023-05-01")),
        ("Date: 2023-05-01 10:30", ("date", "2023-05-01 10:30")),
        ("Round — Baseline", ("round", "Baseline")),
        ("Assessed by: Ministry of Justice", ("assessed_by", "Ministry of Justice")),
        ("ISO3: KEN", ("iso3", "KEN")),
        ("  Country:\u00a0 Elbonia ", ("country", "Elbonia")),
        # not a label with its value in one cell
        ("Country:", None),  # a label alone: a label cell of its own
        ("Country", None),
        ("Elbonia - MNR self-assessment 2024", None),  # a title: "Elbonia" is no label
        ("Guinea-Bissau", None),
        ("Level: 3", None),  # not metadata
        ("Notes: see the annex", None),
        (2023, None),
        (None, None),
    ],
)
def test_a_label_and_its_value_in_one_cell_are_read_as_such(cell, expected):
    assert label_and_value(cell) == expected


def _meta(rows, table_top):
    ctx = ReadContext("form.xlsx", FW, ReadLimits())
    sheet = Sheet("Form", [tuple(row) for row in rows])
    reader = MetaReader(ctx, sheet)
    meta = reader.labelled(table_top, 3)
    return meta, reader.empty, ctx.problems


HEADER = ("No.", "Capability", "Level")


@pytest.mark.parametrize(
    ("rows", "country", "year", "empty"),
    [
        # "Label: value" typed in one cell each (the title above names no country)
        (
            [("MNR Self-Assessment Tool",), ("Country: Krakozhia",), ("Year: 2023",), (), HEADER],
            "Krakozhia",
            2023,
            {},
        ),
        ([("Pays : Elbonie",), ("Année – 2022",), HEADER], "Elbonie", 2022, {}),
        # a label merged over A:B (the sheet reader copies it into B), its value in C
        (
            [
                ("NATIONAL MNR SELF-ASSESSMENT",) * 4,
                ("Country", "Country", "Freedonia"),
                ("Year", "Year", 2020),
                (),
                HEADER,
            ],
            "Freedonia",
            2020,
            {},
        ),
        # the same with the country left empty: the value belongs in C2, not in the merge
        (
            [("Country", "Country"), ("Year", "Year", 2020), (), HEADER],
            None,
            2020,
            {"country": "C1"},
        ),
        # merged over A:C with nothing in D: D is where the value goes
        ([("Country",) * 3, ("Year",) * 3 + (2021,), HEADER], None, 2021, {"country": "D1"}),
        # a plain label and value, and an empty label below (value column as the others')
        ([("Country:", "Elbonia"), ("Year:",), HEADER], "Elbonia", None, {"year": "B2"}),
        # a label with only the next label beside it is empty; its value goes where the
        # other label has its value
        ([("Country", "Year", 2020), HEADER], None, 2020, {"country": "C1"}),
    ],
    ids=[
        "label and value in one cell",
        "in French with a dash",
        "label merged over two columns",
        "merged label left empty",
        "label merged over three columns left empty",
        "plain label and an empty one",
        "label beside a label",
    ],
)
def test_labelled_metadata(rows, country, year, empty):
    meta, found_empty, _ = _meta(rows, table_top=len(rows) - 1)
    assert (meta.country, meta.when.year) == (country, year)
    assert found_empty == empty


def test_a_merged_label_left_empty_is_reported_at_the_cell_right_of_the_merge():
    def edit(workbook):
        sheet = workbook.active
        sheet.merge_cells("A2:B2")
        sheet.merge_cells("A3:B3")

    data = _form(
        [
            ["NATIONAL MNR SELF-ASSESSMENT"],
            ["Country", None, None],
            ["Year", None, 2020],
            [],
            ["No.", "Capability", "Level"],
            *([n, None, 1] for n in range(1, 22)),
        ],
        edit,
    )
    result = read("form.xlsx", data)
    assert_problem(result, "error", "C2", "No country", sheet="Sheet")
    assert "C2" in errors(result)[0].fix


def _form(rows, edit):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    edit(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("label", "closest"),
    [
        ("Sécurité routière", None),  # in no language is it a capability
        ("Tourisme balnéaire", None),
        ("Pesca artesanal", None),
        ("Recherche et veille", "capability 2 (Research, Analysis and Monitoring)"),
        ("Judiciary & prosecution services", "capability 5 (Judiciary and Prosecutors)"),
    ],
)
def test_an_unknown_title_gets_close_suggestions_or_the_advice_to_add_its_number(label, closest):
    rows = [["Country", "Senegal"], ["Year", 2024], [], ["Capability", "Level"], [label, 2]]
    result = read("form.xlsx", xlsx({"SN": rows}))
    if closest is None:
        assert_problem(result, "error", "A5", "no capability's title comes close to it")
        assert "number (1 to 21)" in errors(result)[0].fix
        assert "closest" not in errors(result)[0].message
    else:
        assert_problem(result, "error", "A5", f"The closest are: {closest}")


@pytest.mark.parametrize(
    "confidences",
    [(0.6, 0.8, 1.0), ("60%", "80%", "100%"), ("sure", "unsure", "maybe")],
)
def test_unreadable_confidences_are_said_once_per_column_and_the_levels_kept(confidences):
    rows = [["Country", "Togo"], ["Year", 2023], [], ["No.", "Capability", "Level", "Confidence"]]
    rows += [[n, TITLES[n], n % 5, confidences[n % 3]] for n in range(1, 22)]
    result = read("togo.xlsx", xlsx({"Assessment": rows}))
    assert by_assessment(result) == {("Togo", 2023, None): {n: n % 5 for n in range(1, 22)}}
    said = [p for p in result.problems if "not a confidence of low, medium or high" in p.message]
    assert len(said) == 1
    assert_problem(result, "warning", "D5:D25", "holds 21 values that are not a confidence")
    assert result.capabilities["confidence"].isna().all()


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("0.0", None),
        ("114377001", None),
        ("12-3", None),
        (" 7 ", None),
        ("Kenya", "Kenya"),
        ("Arvenia", "Arvenia"),
        ("KEN", "KEN"),
        ("Côte d'Ivoire", "Côte d'Ivoire"),
        ("Sudan 2", "Sudan 2"),
    ],
)
def test_a_number_is_never_kept_as_a_country_wherever_it_was_read(written, kept):
    assert Meta(country=written).country == kept
    assert Meta(country=written).over(Meta(country="Uganda")).country == (kept or "Uganda")
