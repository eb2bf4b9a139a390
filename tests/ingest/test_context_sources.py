"""Where an assessment's country and year come from when the usual places lack them: ISO3
codes alone, labels below the table, the round's text, a sheet name that disagrees, a typo's
stray row, and a blank template sheet beside a filled copy (probe round 7)."""

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
    csv_bytes,
    errors,
    read,
    xlsx,
)

ALL = range(1, 22)


def level(n: int, shift: int) -> int:
    return (n + shift) % 5


def full(shift: int) -> dict[int, int]:
    return {n: level(n, shift) for n in ALL}


# --- Q10: a long table keyed only by ISO3 codes ------------------------------------------


@pytest.mark.parametrize(
    ("header", "codes", "as_csv"),
    [
        ("ISO3", ("KEN", "UGA", "TZA"), False),
        ("ISO", ("KEN", "UGA"), False),
        ("Country code", ("KEN", "UGA"), False),
        ("country_code", ("ken", "uga"), True),
        ("iso3", ("ken", "uga"), True),
        ("Code pays", ("SEN", "CIV"), False),
        ("Código ISO", ("COL", "PER"), False),
    ],
)
def test_each_rows_country_is_its_iso3_codes(header, codes, as_csv):
    rows = [[header, "Year", "Capability", "Level"]]
    rows += [[c, 2022, n, level(n, i)] for i, c in enumerate(codes) for n in ALL]
    data = csv_bytes(rows) if as_csv else xlsx({"S": rows})
    result = read("x.csv" if as_csv else "x.xlsx", data)
    names = {c.upper(): FW_NAME[c.upper()] for c in codes}
    assert by_assessment(result) == {
        (names[c.upper()], 2022, None): full(i) for i, c in enumerate(codes)
    }
    assert not errors(result)
    assert_problem(result, "warning", "A1", "taken from its ISO3 code")
    assert set(result.capabilities["iso3"]) == {c.upper() for c in codes}


FW_NAME = {
    "KEN": "Kenya",
    "UGA": "Uganda",
    "TZA": "Tanzania",
    "SEN": "Senegal",
    "CIV": "Côte d'Ivoire",
    "COL": "Colombia",
    "PER": "Peru",
}


def test_an_empty_country_column_beside_iso3_codes_takes_the_codes():
    rows = [["Country", "ISO3", "Year", "Capability", "Level"]]
    rows += [[None, c, 2022, n, level(n, i)] for i, c in enumerate(("KEN", "UGA")) for n in ALL]
    result = read("x.xlsx", xlsx({"S": rows}))
    assert by_assessment(result) == {
        ("Kenya", 2022, None): full(0),
        ("Uganda", 2022, None): full(1),
    }
    assert not errors(result)


def test_an_unknown_code_among_the_codes_is_not_read_as_countries():
    rows = [["ISO3", "Year", "Capability", "Level"]]
    rows += [[c, 2022, n, 2] for c in ("KEN", "XQZ") for n in ALL]
    result = read("x.xlsx", xlsx({"Kenya": rows}))
    assert ("Uganda", 2022, None) not in by_assessment(result)
    assert not any("taken from its ISO3 code" in p.message for p in result.problems)


@pytest.mark.parametrize(
    ("name", "iso3", "country"),
    [
        ("S", "KEN", "Kenya"),  # the ISO3 label's country, not the tab's letter
        ("A1", "UGA", "Uganda"),
        ("KE", "TZA", "Tanzania"),
        ("S", None, None),  # no country at all: refused, never "S"
        ("x", None, None),
        ("UK", None, "United Kingdom"),  # a name of the aliases file, not a letter or two
    ],
)
def test_a_sheet_name_of_one_or_two_letters_is_never_a_country(name, iso3, country):
    rows = [["ISO3", iso3], []] if iso3 else []
    rows += [["No.", "Capability", "Level"]] + [[n, TITLES[n], 2] for n in ALL]
    result = read("x.xlsx", xlsx({name: rows}))
    assert [k[0] for k in by_assessment(result)] == ([country] if country else [])
    assert not any(f"country “{name}”" in p.message for p in result.problems if iso3)


# --- S02: Country and Year labels below the table -----------------------------------------


@pytest.mark.parametrize(
    "footer",
    [
        [["Country:", "Kenya"], ["Year:", 2023]],
        [["Country", "Kenya"], ["Year", 2023], ["Completed by:", "J. Mwangi"]],
        [["Country: Kenya"], ["Year: 2023"]],
        [["Pays :", "Kenya"], ["Année :", 2023], ["Signature:", None]],
        [["País", "Kenya"], ["Año", 2023]],
    ],
)
def test_country_and_year_labels_below_the_table_are_read(footer):
    rows = [["No.", "Capability", "Level"]] + [[n, TITLES[n], level(n, 2)] for n in ALL]
    result = read("x.xlsx", xlsx({"Assessment": [*rows, [], *footer]}))
    assert by_assessment(result) == {("Kenya", 2023, None): full(2)}
    assert not errors(result)


def test_labels_above_win_over_labels_below():
    rows = [["Country", "Uganda"], ["Year", 2021], [], ["No.", "Capability", "Level"]]
    rows += [[n, TITLES[n], 1] for n in ALL] + [[], ["Country", "Kenya"], ["Year", 2023]]
    result = read("x.xlsx", xlsx({"Assessment": rows}))
    assert list(by_assessment(result)) == [("Uganda", 2021, None)]


def test_a_note_below_the_table_is_not_a_label():
    rows = [["No.", "Capability", "Level"]] + [[n, TITLES[n], 1] for n in ALL]
    rows += [[], ["Reviewed with the Kenya team in 2023"]]
    result = read("x.xlsx", xlsx({"Assessment": rows}))
    assert result.capabilities.empty
    assert_problem(result, "error", None, "No country is given")


# --- V07: the year only in the round's text -----------------------------------------------


@pytest.mark.parametrize(
    ("rounds", "years"),
    [
        (("Round 1 (2021)", "Round 2 (2023)"), (2021, 2023)),
        (("Baseline 2019", "Follow-up 2022"), (2019, 2022)),
        (("2022 review", "2024 review"), (2022, 2024)),
    ],
)
def test_a_round_column_gives_the_year_it_holds(rounds, years):
    rows = [["Country", "Round", "Capability", "Level"]]
    rows += [["Kenya", r, TITLES[n], level(n, i)] for i, r in enumerate(rounds) for n in ALL]
    result = read("x.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {
        ("Kenya", y, r): full(i) for i, (r, y) in enumerate(zip(rounds, years, strict=True))
    }
    assert_problem(result, "warning", "B2", f"The year {years[0]} was taken from the round")


def test_a_round_label_gives_the_year_when_no_year_label_does():
    rows = [["Country", "Kenya"], ["Round", "Baseline 2019"], [], ["No.", "Capability", "Level"]]
    rows += [[n, TITLES[n], 3] for n in ALL]
    result = read("x.xlsx", xlsx({"Assessment": rows}))
    assert list(by_assessment(result)) == [("Kenya", 2019, "Baseline 2019")]


def test_a_year_column_wins_over_the_rounds_text():
    rows = [["Country", "Year", "Round", "Capability", "Level"]]
    rows += [["Kenya", 2020, "Round 1 (2021)", TITLES[n], 3] for n in ALL]
    result = read("x.xlsx", xlsx({"Data": rows}))
    assert list(by_assessment(result)) == [("Kenya", 2020, "Round 1 (2021)")]
    assert not any("taken from the round" in p.message for p in result.problems)


# --- R06: the sheet's (or file's) name says another year than the year cell ---------------


@pytest.mark.parametrize(
    ("sheet", "file", "warned"),
    [
        ("Kenya 2023", "x.xlsx", "The sheet name “Kenya 2023” says 2023"),
        ("Kenya", "kenya_mnr_2024.xlsx", "The file name “kenya_mnr_2024.xlsx” says 2024"),
        ("Kenya 2021", "kenya_mnr_2024.xlsx", None),  # the sheet's name agrees: enough
        ("Kenya 2021", "x.xlsx", None),
        ("Kenya", "mac-excel-1904-dates.xlsx", None),  # no assessment's year
    ],
)
def test_a_name_with_another_year_than_the_year_cell_is_said(sheet, file, warned):
    rows = [["Country", "Kenya"], ["Year", 2021], [], ["No.", "Capability", "Level"]]
    rows += [[n, TITLES[n], 2] for n in ALL]
    result = read(file, xlsx({sheet: rows}))
    assert list(by_assessment(result)) == [("Kenya", 2021, None)]
    said = [p for p in result.problems if "the year 2021 was kept" in p.message]
    if warned is None:
        assert not said
    else:
        assert len(said) == 1
        assert warned in said[0].message


# --- R10: a typo's one row beside its country's assessment --------------------------------


def test_a_misspelt_countrys_stray_row_is_said_to_belong_to_the_country():
    rows = [["Country", "Year", "Capability", "Level"]]
    rows += [["Keyna" if n == 11 else "Kenya", 2023, TITLES[n], 2] for n in ALL]
    rows += [["Uganda", 2023, TITLES[n], 3] for n in ALL]
    result = read("x.xlsx", xlsx({"Data": rows}))
    found = by_assessment(result)
    assert found[("Keyna", 2023, None)] == {11: 2}  # kept apart, never merged silently
    assert 11 not in found[("Kenya", 2023, None)]
    assert_problem(result, "warning", "A12", "Did you mean Kenya (KEN)?")
    assert_problem(result, "warning", "A12", "probably belongs to Kenya 2023's assessment")


def test_a_misspelt_country_whose_country_has_the_capability_is_not_said_to_belong():
    rows = [["Country", "Year", "Capability", "Level"]]
    rows += [["Kenya", 2023, TITLES[n], 2] for n in ALL] + [["Keyna", 2023, TITLES[11], 1]]
    result = read("x.xlsx", xlsx({"Data": rows}))
    assert_problem(result, "warning", "A23", "Did you mean Kenya (KEN)?")
    assert not any("probably belongs" in p.message for p in result.problems)


# --- R02: the template's blank sheet beside a filled copy ---------------------------------


def test_a_blank_template_sheet_beside_a_filled_copy_is_a_warning_not_an_error():
    result = read("x.xlsx", xlsx_blank_original())
    assert [k[0] for k in by_assessment(result)] == ["Uganda"]
    assert not errors(result)
    [said] = [p for p in result.problems if p.sheet == "Assessment"]
    assert said.severity == "warning"
    assert "Nothing is filled in" in said.message


def test_a_blank_template_alone_is_still_an_error():
    workbook = load_workbook(BytesIO(write_template(FW)))
    buffer = BytesIO()
    workbook.save(buffer)
    result = read("x.xlsx", buffer.getvalue())
    assert any(
        p.severity == "error" and "Nothing is filled in" in p.message for p in result.problems
    )


def xlsx_blank_original() -> bytes:
    workbook = load_workbook(BytesIO(write_template(FW)))
    copy = workbook.copy_worksheet(workbook["Assessment"])
    copy.title = "Assessment (2)"
    copy["C4"], copy["C6"] = "Uganda", 2024
    for row in range(1, copy.max_row + 1):
        if copy.cell(row, 1).value in ALL:
            copy.cell(row, 5).value = 2
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
