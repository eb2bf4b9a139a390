"""Whose assessment a table is when its cells disagree or say too little about the country.

A Country label and a level column headed with a country: one country under two names is the
label's, two countries are never picked between silently (the label wins, a warning names
both). A table stacked under another with no country of its own is the one above's. An ISO3
code alone names the country; an empty template is said to be empty. A row whose country
cell sums up others is never an assessment.
"""

from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import load_workbook

from components.ingest.template import write_template
from tests.ingest.reader_support import (
    FW,
    TITLES,
    assert_problem,
    by_assessment,
    errors,
    read,
    xlsx,
)

LEVELS = {n: n % 5 for n in TITLES}
OTHER = {n: (n + 3) % 5 for n in TITLES}


def _form(label: str, header: str, levels=LEVELS) -> bytes:
    rows = [["Country:", label], ["Year:", 2024], [], ["No.", "Capability", header]]
    rows += [[n, TITLES[n], levels[n]] for n in TITLES]
    return xlsx({"Form": rows})


@pytest.mark.parametrize(
    ("label", "header"),
    [
        ("Kenya", "Kenia"),  # Spanish
        ("Kenya", "Quénia"),  # Portuguese
        ("Kenya", "Republic of Kenya"),
        ("Kenya", "République du Kenya"),
        ("Kenya", "KEN"),
        ("Côte d'Ivoire", "Costa de Marfil"),
        ("Brazil", "Brasil"),
        ("Kenya", "KENYA"),
    ],
)
def test_a_label_and_a_column_naming_one_country_give_the_labels_name_quietly(label, header):
    result = read("form.xlsx", _form(label, header))
    assert by_assessment(result) == {(label, 2024, None): LEVELS}
    assert not result.problems


@pytest.mark.parametrize(
    ("label", "header", "kept"),
    [
        ("Uganda", "Kenya", "Uganda"),  # Kenya's form copied, the label changed, not the column
        ("Ouganda", "Kenia", "Uganda"),  # filed under its English name
        ("Elbonia", "Freedonia", "Elbonia"),
        ("Uganda", "Kenya 2024", "Uganda"),
    ],
)
def test_a_label_contradicting_the_column_wins_with_a_warning_naming_both(label, header, kept):
    result = read("form.xlsx", _form(label, header))
    assert by_assessment(result) == {(kept, 2024, None): LEVELS}
    column_name = header.removesuffix(" 2024")
    assert_problem(
        result,
        "warning",
        "C4",
        f"The Country label says “{label}” but the level column is headed “{column_name}”",
    )
    assert not errors(result)


def test_several_countries_columns_under_a_label_keep_their_own_countries():
    rows = [["Country:", "Kenya"], ["Year:", 2024], [], ["No.", "Capability", "Kenya", "Uganda"]]
    rows += [[n, TITLES[n], LEVELS[n], OTHER[n]] for n in TITLES]
    result = read("form.xlsx", xlsx({"Form": rows}))
    assert by_assessment(result) == {
        ("Kenya", 2024, None): LEVELS,
        ("Uganda", 2024, None): OTHER,
    }


def _template(edit) -> bytes:
    workbook = load_workbook(BytesIO(write_template(FW)))
    edit(workbook["Assessment"])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _fill_levels(sheet, top: int, levels) -> None:
    for row in range(top, top + 21):
        number = sheet.cell(row=row, column=1).value
        sheet.cell(row=row, column=5).value = levels[number]


def _copy_table_below(sheet, heading: str, levels) -> None:
    """A heading under the template's table, then a copy of its header and rows."""
    sheet["A34"] = heading
    for offset in range(22):
        for column in range(1, 7):
            value = sheet.cell(row=10 + offset, column=column).value
            sheet.cell(row=35 + offset, column=column).value = value
    _fill_levels(sheet, 36, levels)


@pytest.mark.parametrize(
    "heading",
    [
        "Previous assessment (2021)",
        "Current assessment 2021",
        "Old round - 2021",
        "Évaluation précédente 2021",
        "Evaluación anterior (2021)",
        "Avaliação anterior 2021",
        "Draft 2021",
        "Latest update 2021",
    ],
)
def test_a_heading_over_a_second_table_is_never_a_country(heading):
    def edit(sheet):
        sheet["C4"], sheet["C6"] = "Ghana", 2024
        _fill_levels(sheet, 11, LEVELS)
        _copy_table_below(sheet, heading, OTHER)

    result = read("MNR assessment.xlsx", _template(edit))
    assert by_assessment(result) == {
        ("Ghana", 2024, None): LEVELS,
        ("Ghana", 2021, None): OTHER,
    }
    assert_problem(result, "warning", None, "it was filed under “Ghana”, the country of the table")
    assert not errors(result)


def test_a_second_table_under_its_own_country_keeps_it():
    def edit(sheet):
        sheet["C4"], sheet["C6"] = "Ghana", 2024
        _fill_levels(sheet, 11, LEVELS)
        _copy_table_below(sheet, "Togo 2022", OTHER)

    result = read("MNR assessment.xlsx", _template(edit))
    assert by_assessment(result) == {("Ghana", 2024, None): LEVELS, ("Togo", 2022, None): OTHER}


@pytest.mark.parametrize(("code", "country"), [("GHA", "Ghana"), ("ken", "Kenya")])
def test_the_iso3_code_alone_names_the_country(code, country):
    def edit(sheet):
        sheet["C5"], sheet["C6"] = code, 2024
        _fill_levels(sheet, 11, LEVELS)

    result = read("assessment.xlsx", _template(edit))
    assert by_assessment(result) == {(country, 2024, None): LEVELS}
    assert result.capabilities["iso3"].unique().tolist() == [code.upper()]
    assert_problem(result, "warning", "C4", f"was taken from the ISO3 code “{code.upper()}”")


def test_an_unknown_iso3_code_alone_is_no_country():
    def edit(sheet):
        sheet["C5"], sheet["C6"] = "XYZ", 2024
        _fill_levels(sheet, 11, LEVELS)

    result = read("assessment.xlsx", _template(edit))
    assert by_assessment(result) == {}
    assert_problem(result, "error", "C4", "No country is given on sheet “Assessment”")


def test_the_empty_template_is_said_to_be_empty():
    result = read("MNR template.xlsx", write_template(FW))
    assert by_assessment(result) == {}
    assert_problem(
        result,
        "error",
        "C4",
        "Nothing is filled in on sheet “Assessment”: no country, no year and no level.",
    )
    (problem,) = errors(result)
    assert "Write the country in C4" in problem.fix


def test_levels_without_a_country_still_say_the_country_is_missing():
    def edit(sheet):
        _fill_levels(sheet, 11, LEVELS)

    result = read("assessment.xlsx", _template(edit))
    assert_problem(result, "error", "C4", "No country is given on sheet “Assessment”")


@pytest.mark.parametrize(
    "label",
    [
        "Regional (avg)",
        "Regional mean",
        "Moyenne régionale",
        "Promedio regional",
        "Média regional",
        "Total",
        "Median",
        "All countries",
    ],
)
def test_a_summary_row_among_countries_is_skipped_with_a_warning(label):
    rows = [["Country", "Year", *(TITLES[n] for n in TITLES)]]
    rows.append(["Kenya", 2022, *(LEVELS[n] for n in TITLES)])
    rows.append(["Uganda", 2022, *(OTHER[n] for n in TITLES)])
    rows.append([label, 2022, *(2.5 if n % 2 else 2 for n in TITLES)])
    result = read("regional.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {("Kenya", 2022, None): LEVELS, ("Uganda", 2022, None): OTHER}
    assert_problem(result, "warning", "A4", "sums up other rows; it was not read as an assessment")
    assert not errors(result)


def test_a_summary_row_in_a_long_table_is_skipped_with_a_warning():
    rows = [["Country", "Year", "Capability", "Level"]]
    rows += [["Kenya", 2022, n, LEVELS[n]] for n in TITLES]
    rows += [["East Africa average", 2022, n, 2] for n in TITLES]
    result = read("long.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {("Kenya", 2022, None): LEVELS}
    assert_problem(result, "warning", "A23", "“East Africa average”")


@pytest.mark.parametrize(
    ("country", "year", "expected"),
    [
        ("Ghana", 2022, {("Ghana", 2024, None): LEVELS, ("Ghana", 2022, None): OTHER}),
        ("Togo", 2022, {("Ghana", 2024, None): LEVELS, ("Togo", 2022, None): OTHER}),
    ],
)
def test_the_whole_template_pasted_below_itself_keeps_its_own_country_and_year(
    country, year, expected
):
    def edit(sheet):
        sheet["C4"], sheet["C6"] = "Ghana", 2024
        _fill_levels(sheet, 11, LEVELS)
        for offset in range(31):  # title, labels and table, two blank rows below
            for column in range(1, 7):
                value = sheet.cell(row=1 + offset, column=column).value
                sheet.cell(row=34 + offset, column=column).value = value
        sheet["C37"], sheet["C39"] = country, year
        _fill_levels(sheet, 44, OTHER)

    result = read("MNR assessment.xlsx", _template(edit))
    assert by_assessment(result) == expected
    assert not errors(result)


def test_a_lower_table_with_neither_country_nor_year_is_not_guessed_at():
    def edit(sheet):
        sheet["C4"], sheet["C6"] = "Ghana", 2024
        _fill_levels(sheet, 11, LEVELS)
        _copy_table_below(sheet, "Previous assessment", OTHER)

    result = read("MNR assessment.xlsx", _template(edit))
    assert by_assessment(result) == {("Ghana", 2024, None): LEVELS}
    assert_problem(result, "error", None, "No country is given on sheet “Assessment”")
