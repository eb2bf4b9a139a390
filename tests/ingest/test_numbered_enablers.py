"""Enablers numbered 22 to 28 after the 21 capabilities, with no titles: read as enablers 1
to 7 only when the sheet makes it certain (a heading naming them, or a sheet named for
capabilities and enablers with the rows right after capability 21), with a warning; otherwise
an error per row that says how to make them readable."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import (
    TITLES,
    assert_problem,
    by_assessment,
    enabler_levels,
    read,
    xlsx,
)

CAPABILITY_LEVELS = {n: n % 5 for n in range(1, 22)}
ENABLER_LEVELS = {e: (e + 2) % 5 for e in range(1, 8)}


def _form(heading: str | None = None, sheet: str = "MNR", gap: bool = False) -> bytes:
    rows = [["Country", "Ghana"], ["Year", 2024], [], ["No.", "Capability", "Level"]]
    rows += [[n, TITLES[n], CAPABILITY_LEVELS[n]] for n in range(1, 22)]
    if heading is not None:
        rows.append([heading, None, None])
    if gap:
        rows.append([None, None, None])
    rows += [[21 + e, None, ENABLER_LEVELS[e]] for e in range(1, 8)]
    return xlsx({sheet: rows})


@pytest.mark.parametrize(
    ("heading", "sheet", "why"),
    [
        ("Enablers", "MNR", "the heading “Enablers” above them"),
        ("Facteurs favorables", "MNR", "the heading “Facteurs favorables” above them"),
        ("Facilitadores", "MNR", "the heading “Facilitadores” above them"),
        (None, "Capabilities & Enablers", "the sheet's name “Capabilities & Enablers”"),
        (None, "Capacités et favorables", "the sheet's name"),
    ],
)
def test_a_sheet_that_makes_it_certain_reads_them_as_enablers_with_a_warning(heading, sheet, why):
    result = read("form.xlsx", _form(heading, sheet))
    assert by_assessment(result) == {("Ghana", 2024, None): CAPABILITY_LEVELS}
    assert enabler_levels(result) == {("Ghana", 2024, None): ENABLER_LEVELS}
    assert not [p for p in result.problems if p.severity == "error"]
    first = "A27" if heading is not None else "A26"
    assert_problem(result, "warning", first, "were read as enablers 1 to 7")
    assert_problem(result, "warning", first, why)


@pytest.mark.parametrize(
    ("heading", "sheet", "gap"),
    [
        (None, "MNR", False),  # nothing says what 22 to 28 are
        ("Notes", "MNR", False),  # a heading, but not the enablers'
        (None, "Capabilities & Enablers", True),  # not right after capability 21
    ],
)
def test_otherwise_each_row_is_an_error_that_says_how_to_fix_it(heading, sheet, gap):
    result = read("form.xlsx", _form(heading, sheet, gap))
    assert by_assessment(result) == {("Ghana", 2024, None): CAPABILITY_LEVELS}
    assert enabler_levels(result) in ({}, {("Ghana", 2024, None): {}})
    errors = [p for p in result.problems if p.severity == "error"]
    assert len(errors) == 7
    assert all("“2" in p.message and "is not a capability" in p.message for p in errors)
    assert all("number them E1 to E7, or write each enabler's title" in p.fix for p in errors)


def test_a_number_past_the_enablers_gets_no_enabler_hint():
    rows = [["Country", "Ghana"], ["Year", 2024], [], ["No.", "Capability", "Level"]]
    rows += [[n, TITLES[n], 2] for n in range(1, 22)] + [[35, None, 2]]
    result = read("form.xlsx", xlsx({"MNR": rows}))
    problem = next(p for p in result.problems if p.cell == "A26")
    assert problem.severity == "error"
    assert "enabler" not in problem.fix
