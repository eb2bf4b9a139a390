"""Blocks stacked on one sheet: a second assessment under the first, the enablers under the
capabilities."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from openpyxl import load_workbook

from components.ingest.sheets import quoted
from components.ingest.template import write_template
from tests.ingest.reader_support import FW, LABELS, by_assessment, errors, read, xlsx

FIRST = {n: (n * 3) % 5 for n in range(1, 22)}
SECOND = {n: (n + 2) % 5 for n in range(1, 22)}
ENABLERS = {e.number: (e.number * 2) % 5 for e in FW.enablers}


def filled(edit) -> bytes:
    """The template filled in for Ghana 2024 (capabilities only), changed by ``edit``."""
    workbook = load_workbook(BytesIO(write_template(FW)))
    sheet = workbook["Assessment"]
    sheet["C4"], sheet["C6"] = "Ghana", 2024
    for row in range(11, 32):
        sheet.cell(row, 5).value = f"{FIRST[sheet.cell(row, 1).value]} - "
        sheet.cell(row, 5).value += LABELS[FIRST[sheet.cell(row, 1).value]]
    edit(workbook)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _copy(sheet: Any, top: int, bottom: int, to: int) -> None:
    for row in range(top, bottom + 1):
        for column in range(1, 8):
            sheet.cell(to + row - top, column).value = sheet.cell(row, column).value


@pytest.mark.parametrize(
    ("country_label", "year_label", "gap"),
    [
        ("Country", "Date or year", 2),
        ("Pays", "Année", 1),
        ("País", "Año", 4),
        ("Country:", "Year", 0),
    ],
)
def test_the_template_pasted_below_itself_gives_two_assessments(country_label, year_label, gap):
    def edit(workbook: Any) -> None:
        sheet = workbook["Assessment"]
        top = 32 + gap
        _copy(sheet, 1, 31, top)
        sheet.cell(top + 3, 2).value = country_label
        sheet.cell(top + 3, 3).value = "Ghana"
        sheet.cell(top + 5, 2).value = year_label
        sheet.cell(top + 5, 3).value = 2022
        for row in range(top + 10, top + 31):
            number = sheet.cell(row, 1).value
            sheet.cell(row, 5).value = SECOND[number]

    result = read("ghana.xlsx", filled(edit))
    assert by_assessment(result) == {("Ghana", 2024, None): FIRST, ("Ghana", 2022, None): SECOND}
    assert not errors(result)


def pasted_block(workbook: Any) -> None:
    """The Enablers sheet's block (heading and header row too) pasted under capability 21."""
    sheet, enablers = workbook["Assessment"], workbook["Enablers"]
    sheet["A33"] = "Cross-cutting enablers"
    for row in range(4, 12):
        for column in range(1, 6):
            sheet.cell(30 + row, column).value = enablers.cell(row, column).value
    for e, level in ENABLERS.items():
        sheet.cell(34 + e, 3).value = f"{level} - {LABELS[level]}"
    del workbook["Enablers"]


def rows_under_heading(heading: str, title_column: int = 3):
    """Enablers typed under capability 21 in the same columns, under a heading row."""

    def edit(workbook: Any) -> None:
        sheet = workbook["Assessment"]
        sheet.cell(33, 2).value = heading
        for enabler in FW.enablers:
            row = 33 + enabler.number
            sheet.cell(row, 1).value = enabler.number
            sheet.cell(row, title_column).value = enabler.title
            sheet.cell(row, 5).value = ENABLERS[enabler.number]
        del workbook["Enablers"]

    return edit


def heading_then_header(heading: str, header: tuple[str, str]):
    """Enablers typed under capability 21 under a heading row and their own header row
    ("ENABLERS", then "Enabler | Level"), without numbers."""

    def edit(workbook: Any) -> None:
        sheet = workbook["Assessment"]
        sheet.cell(33, 1).value = heading
        sheet.cell(34, 3).value, sheet.cell(34, 5).value = header
        for enabler in FW.enablers:
            sheet.cell(34 + enabler.number, 3).value = enabler.title
            sheet.cell(34 + enabler.number, 5).value = ENABLERS[enabler.number]
        del workbook["Enablers"]

    return edit


@pytest.mark.parametrize(
    "edit",
    [
        pasted_block,
        heading_then_header("ENABLERS", ("Enabler", "Level")),
        heading_then_header("Enablers", ("Enabler", "Current level")),
        heading_then_header("Facilitateurs", ("Facilitateur", "Niveau")),
        rows_under_heading("ENABLERS"),
        rows_under_heading("Cross-cutting enablers"),
        rows_under_heading("Facilitateurs"),
        rows_under_heading("Habilitadores"),
    ],
)
def test_enablers_under_the_capabilities_are_read_as_enablers(edit):
    result = read("ghana.xlsx", filled(edit))
    assert by_assessment(result) == {("Ghana", 2024, None): FIRST}
    enablers = result.enablers.dropna(subset=["level"])
    assert dict(zip(enablers["enabler"], enablers["level"], strict=True)) == ENABLERS
    assert not errors(result)


@pytest.mark.parametrize(
    ("value", "shown"), [(1.0, "“1”"), (2.5, "“2.5”"), ("1.0", "“1.0”"), (7, "“7”")]
)
def test_whole_numbers_are_quoted_as_whole_numbers(value, shown):
    assert quoted(value) == shown


def stacked_sheet(second_title: str) -> bytes:
    """Tanzania's levels under a title, and a second table of the same shape under
    ``second_title``, as people put a target table under the assessment."""
    rows: list[list[Any]] = [["Country", "Tanzania"], ["MNR self-assessment 2024"], []]
    rows.append(["No.", "Capability", "Level"])
    rows += [[c.number, c.title, c.number % 5] for c in FW.capabilities]
    rows += [[], [second_title], ["No.", "Capability", "Level"]]
    rows += [[c.number, c.title, (c.number + 1) % 5] for c in FW.capabilities]
    return xlsx({"MNR": rows})


@pytest.mark.parametrize(
    "title",
    [
        "TARGET LEVELS (2027)",
        "Targets for 2027",
        "Desired situation 2027",
        "Goals 2027",
        "To-be",
        "Niveaux cibles 2027",
        "Objectifs 2027",
        "Metas para 2027",
        "Nivel deseado 2027",
        "Situação desejada 2027",
    ],
)
def test_a_table_titled_as_targets_is_left_out_with_a_warning(title):
    result = read("stacked.xlsx", stacked_sheet(title))
    assert list(by_assessment(result)) == [("Tanzania", 2024, None)]
    assert not errors(result)
    [said] = [p for p in result.problems if "holds target levels" in p.message]
    assert said.severity == "warning"
    assert quoted(title) in said.message


@pytest.mark.parametrize("title", ["MNR self-assessment 2027", "Current and target levels 2027"])
def test_a_table_titled_otherwise_is_still_an_assessment(title):
    result = read("stacked.xlsx", stacked_sheet(title))
    assert ("Tanzania", 2027, None) in by_assessment(result)
    assert not [p for p in result.problems if "holds target levels" in p.message]


def _blocks_under(title: str) -> bytes:
    """A sheet titled ``title``, then a "Country: …" block each for three countries."""
    rows: list[list[Any]] = [[title]]
    for country, levels in BLOCKS.items():
        rows += [[], [f"Country: {country}"], ["No.", "Capability", "Level"]]
        rows += [[n, FW.capability(n).title, level] for n, level in levels.items()]
    return xlsx({"All countries": rows})


BLOCKS = {"Viet Nam": FIRST, "Lao PDR": SECOND, "Philippines": FIRST}


@pytest.mark.parametrize(
    "title", ["ASEAN MNR baseline 2022", "MNR baseline 2022", "Eastern Africa 2022"]
)
def test_the_sheets_title_dates_every_block_stacked_under_it(title):
    result = read("asean_baseline_2023.xlsx", _blocks_under(title))
    assert by_assessment(result) == {
        ("Vietnam", 2022, None): FIRST,
        ("Laos", 2022, None): SECOND,
        ("Philippines", 2022, None): FIRST,
    }
    said = [p.message for p in result.problems if "was taken from" in p.message]
    assert said == ["The year 2022 was taken from the title."]  # once, not the file's 2023


def test_a_title_naming_a_country_dates_only_the_block_under_it():
    result = read("asean_baseline_2023.xlsx", _blocks_under("Viet Nam 2022"))
    assert {(country, year) for country, year, _ in by_assessment(result)} == {
        ("Vietnam", 2022),
        ("Laos", 2023),
        ("Philippines", 2023),
    }


def test_a_sheets_title_does_not_date_a_block_when_the_blocks_have_year_labels():
    """ "MNR Self-Assessment Tool 2022" over Kenya's block (Year 2023) and Uganda's (Year left
    blank): the title's year is no block's, and Uganda's stays undated."""
    rows: list[list[Any]] = [["MNR Self-Assessment Tool 2022"]]
    for country, year, levels in (("Kenya", 2023, FIRST), ("Uganda", None, SECOND)):
        rows += [[], ["Country", country], ["Year", year], ["No.", "Capability", "Level"]]
        rows += [[n, FW.capability(n).title, level] for n, level in levels.items()]
    result = read("east_africa.xlsx", xlsx({"Region": rows}))
    assert by_assessment(result) == {("Kenya", 2023, None): FIRST, ("Uganda", None, None): SECOND}


def test_blocks_titled_by_their_country_under_a_regions_title_keep_their_own():
    """ "ECOWAS regional summary 2024" over "Ghana (2021)" and the blocks below: the first
    block is Ghana's, not the region's (which would leave it out as no country)."""
    rows: list[list[Any]] = [["ECOWAS regional summary 2024"], []]
    for title, levels in (("Ghana (2021)", FIRST), ("Senegal (2022)", SECOND)):
        rows += [[title], ["No.", "Capability", "Level"]]
        rows += [[n, FW.capability(n).title, level] for n, level in levels.items()]
        rows.append([])
    result = read("ecowas.xlsx", xlsx({"Region": rows}))
    assert by_assessment(result) == {("Ghana", 2021, None): FIRST, ("Senegal", 2022, None): SECOND}
