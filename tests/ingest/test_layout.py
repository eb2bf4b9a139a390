"""Finding the table: the template after people edited it, hand-made long and wide tables,
and sheets that hold no table."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import (
    ASSESSMENTS,
    EXPECTED,
    LABELS,
    SAMPLE_LEVELS,
    assert_problem,
    by_assessment,
    capability_row,
    csv_bytes,
    edit_template,
    errors,
    find,
    level_cell,
    levels,
    long_rows,
    per_sheet,
    read,
    rename,
    reorder_columns,
    wide_capability_rows,
    wide_country_rows,
    xlsx,
)

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
        ("holds text or numbers that are not levels",),
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
            | {"Remarks": [["Collected by the regional office"]], "Empty": []}
        ),
        ("Skipped sheet “Remarks”", "it is empty"),
    ),
}


@pytest.mark.parametrize(("name", "build", "warnings"), HAND_MADE.values(), ids=HAND_MADE.keys())
def test_hand_made_tables(name, build, warnings):
    result = read(name, build())
    assert by_assessment(result) == EXPECTED
    assert len(result.capabilities) == 21 * len(EXPECTED)
    assert not errors(result), result.problems
    assert len(result.problems) == len(warnings), result.problems
    for words in warnings:
        assert any(words in p.message for p in result.problems), (words, result.problems)
    for problem in result.problems:
        assert problem.file == name
        assert problem.fix


def test_hidden_helper_sheets_are_skipped_silently():
    data = xlsx({"Data": long_rows(), "Lists": [["low"], ["medium"]]}, hidden=("Lists",))
    result = read("hidden.xlsx", data)
    assert result.problems == ()


@pytest.mark.parametrize("name", ["README", "ReadMe", " readme ", "Instructions", "SCALE"])
def test_information_sheets_are_skipped_silently(name):
    notes = [["About this workbook"], ["Level", "Label"], [0, "Absent"]]
    result = read("notes.xlsx", xlsx({name: notes, "Data": long_rows()}))
    assert result.problems == ()
    assert by_assessment(result) == EXPECTED


def test_a_csv_with_no_table_is_skipped_with_a_reason():
    result = read("notes.csv", csv_bytes([["Minutes of the meeting"], ["All present"]]))
    assert_problem(result, "warning", None, "Skipped the file", sheet=None)
    assert_problem(result, "error", None, "No assessment was found")


def test_a_sheet_with_no_table_says_why_it_was_skipped():
    data = xlsx({"Data": [["Capability", "Lead agency"], ["Leadership", "Cabinet"]]})
    result = read("x.xlsx", data)
    assert_problem(result, "warning", None, "no column is headed Level", sheet="Data")
    assert_problem(result, "error", None, "No assessment was found")


@pytest.mark.parametrize("band", [lambda y: y, str, lambda y: f"FY{y}"])
def test_a_year_band_merged_over_each_level_and_evidence_pair_gives_one_assessment_a_year(band):
    """Row 3: 2021 | 2023 | 2025, each merged over Level | Evidence (a spreadsheet keeps the
    year in the first cell of each merge; calamine reads the number 2021 as 2021.0)."""
    from io import BytesIO

    from openpyxl import Workbook

    from tests.ingest.reader_support import TITLES

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tracker"
    sheet.append(["Elbonia – MNR progress tracker"])
    sheet.append([])
    sheet.append([None, None, band(2021), None, band(2023), None, band(2025), None])
    sheet.append(["No.", "Capability", *["Level", "Evidence"] * 3])
    for n in range(1, 22):
        sheet.append([n, TITLES[n], n % 5, "minutes", (n + 1) % 5, None, (n + 2) % 5, "report"])
    for merge in ("C3:D3", "E3:F3", "G3:H3"):
        sheet.merge_cells(merge)
    buffer = BytesIO()
    workbook.save(buffer)
    result = read("tracker.xlsx", buffer.getvalue())
    assert by_assessment(result) == {
        ("Elbonia", year, None): {n: (n + k) % 5 for n in range(1, 22)}
        for k, year in enumerate((2021, 2023, 2025))
    }
    assert set(result.capabilities["evidence"].dropna()) == {"minutes", "report"}


@pytest.mark.parametrize("code_header", ["ISO3", "ISO code", "country_code", "Country ISO3"])
def test_a_wide_table_keyed_by_iso3_codes_alone_is_read_by_them(code_header):
    """Capabilities across, one assessment a row, and no column of names: the ISO3 codes
    name the countries (as a careful reader takes "KEN" for Kenya)."""
    kenya = {n: n % 5 for n in range(1, 22)}
    uganda = {n: (n + 1) % 5 for n in range(1, 22)}
    head = [code_header, "Year"] + [f"C{n}" for n in range(1, 22)]
    rows = [head, ["KEN", 2024, *kenya.values()], ["UGA", 2023, *uganda.values()]]
    result = read("codes.csv", csv_bytes(rows))
    assert by_assessment(result) == {("Kenya", 2024, None): kenya, ("Uganda", 2023, None): uganda}


@pytest.mark.parametrize(
    "headings",
    [
        [f"Level {i}" for i in range(5)],
        [f"Niveau {i}" for i in range(5)],
        [
            f"Level {i} – {label}"
            for i, label in enumerate(
                ("Not in place", "Building", "Developing", "Established", "Mature")
            )
        ],
    ],
)
def test_a_tick_form_whose_level_columns_are_headed_level_0_to_4_is_read(headings):
    from tests.ingest.reader_support import TITLES

    rows = [["Uganda MNR 2023"], [], ["No.", "Capability", *headings, "Evidence"]]
    for n in range(1, 22):
        rows.append([n, TITLES[n], *("x" if n % 5 == i else None for i in range(5)), "seen"])
    result = read("ticks.xlsx", xlsx({"Checklist": rows}))
    assert by_assessment(result) == {("Uganda", 2023, None): {n: n % 5 for n in range(1, 22)}}
    assert not [p for p in result.problems if p.severity == "error"]
