"""A domain's sheet numbered from 1 (the position within the domain) is read by its titles,
with one warning per sheet; a number that is not the title's position stays an error."""

import pytest

from components.framework.model import default_framework
from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, errors, read, xlsx

FW = default_framework()
DOMAINS = {d.name: [c.number for c in FW.capabilities_in(d.id)] for d in FW.domains}


def _level(number: int) -> int:
    return (number * 3) % 5


def _sheet(domain: str, title: str | None = None, numbers=None) -> list[list]:
    """The domain's capabilities numbered 1..n under a Country/Year block (a title line
    above it when given)."""
    caps = DOMAINS[domain]
    numbers = numbers or range(1, len(caps) + 1)
    head = [["Country", "Kenya"], ["Year", 2023], []]
    rows = [[i, TITLES[n], _level(n)] for i, n in zip(numbers, caps, strict=True)]
    return [*([[title]] if title else []), *head, ["No.", "Capability", "Level"], *rows]


@pytest.mark.parametrize(
    ("sheet", "title"),
    [
        ("Criminal Justice", None),  # the sheet's name names the domain
        ("Justicia penal", None),  # in another language
        ("Sheet2", "Kenya 2023 - Criminal Justice"),  # a title line does
    ],
)
def test_numbers_restarting_on_a_domain_sheet_are_positions_within_the_domain(sheet, title):
    result = read("mnr.xlsx", xlsx({sheet: _sheet("Criminal Justice", title)}))
    assert by_assessment(result) == {("Kenya", 2023, None): {n: _level(n) for n in (4, 5, 6, 7)}}
    [warning] = [p for p in result.problems if "restart at 1" in p.message]
    assert "positions within the domain" in warning.message
    assert "“Criminal Justice”" in warning.message
    assert not errors(result)


def test_a_workbook_of_domain_sheets_numbered_from_1_is_one_assessment_of_21():
    sheets = {name: _sheet(name, f"Kenya 2023 - {name}")[3:] for name in DOMAINS}
    for name in DOMAINS:  # the title line alone gives the country and the year
        sheets[name].insert(0, [f"Kenya 2023 - {name}"])
    result = read("mnr.xlsx", xlsx(sheets))
    assert by_assessment(result) == {("Kenya", 2023, None): {n: _level(n) for n in range(1, 22)}}
    warned = [p.sheet for p in result.problems if "restart at 1" in p.message]
    assert warned == [name for name in DOMAINS if name != "Policy and Governance"]
    assert not errors(result)


@pytest.mark.parametrize(
    ("sheet", "numbers"),
    [
        ("Sheet2", None),  # no domain named: the number and title disagree
        ("Victim", None),  # titles of another domain
    ],
)
def test_a_number_that_is_not_the_position_within_the_domain_stays_an_error(sheet, numbers):
    result = read("mnr.xlsx", xlsx({sheet: _sheet("Criminal Justice", numbers=numbers)}))
    assert_problem(result, "error", "A5", "the row was not used")
    assert not [p for p in result.problems if "restart at 1" in p.message]


def test_rows_whose_number_is_not_their_position_are_errors_the_others_read():
    sheet = _sheet("Criminal Justice", numbers=[2, 1, 3, 4])
    result = read("mnr.xlsx", xlsx({"Criminal Justice": sheet}))
    assert by_assessment(result) == {("Kenya", 2023, None): {6: _level(6), 7: _level(7)}}
    assert_problem(result, "error", "A5", "Row 5 says “2”")
    assert_problem(result, "error", "A6", "Row 6 says “1”")
