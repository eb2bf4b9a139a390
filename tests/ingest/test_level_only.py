"""Tables pasted into one cell per row, and sheets scoring domains: read, or a clear reason.

Rows whose columns are joined by tabs under a header are split into columns first
(test_tab_rows.py)."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import (
    FW,
    TITLES,
    assert_problem,
    by_assessment,
    errors,
    read,
    xlsx,
)

LEVELS = {n: (n * 3) % 5 for n in range(1, 22)}


@pytest.mark.parametrize(
    ("header", "row"),
    [
        ("No. Capability Level", "{n} {title} {level}"),  # a PDF converted one cell a row
        ("N° Capacité Niveau", "{n}. {title} {level}"),
    ],
)
def test_one_cell_rows_naming_capabilities_are_read_with_a_warning(header, row):
    rows = [["Zambia MNR self-assessment 2023"], [header]]
    rows += [[row.format(n=n, title=TITLES[n], level=LEVELS[n])] for n in range(1, 22)]
    result = read("pasted.xlsx", xlsx({"S": rows}))

    assert by_assessment(result) == {("Zambia", 2023, None): LEVELS}
    assert errors(result) == []
    assert_problem(result, "warning", "A3", "were read from the end of the cell")


def test_a_year_after_a_title_in_one_cell_is_not_a_level():
    rows = [["Zambia MNR self-assessment 2023"], ["No. Capability Level"]]
    rows += [[f"{n} {TITLES[n]} {LEVELS[n]}"] for n in range(1, 21)] + [["Legislation 2019"]]
    result = read("pasted.xlsx", xlsx({"S": rows}))

    assert by_assessment(result)[("Zambia", 2023, None)] == {n: LEVELS[n] for n in range(1, 21)}
    assert not any("2019" in problem.message for problem in result.problems)


@pytest.mark.parametrize(
    ("header", "joined", "split"),
    [
        ("No. Capability Level", " ", "split at Space"),
        ("N° Capacité Niveau", " ", "split at Space"),
    ],
)
def test_one_cell_rows_not_read_say_text_to_columns(header, joined, split):
    rows = [["Zambia MNR self-assessment 2023"], [header]]
    rows += [[joined.join([str(n), f"Local item {n}", str(LEVELS[n])])] for n in range(1, 22)]
    result = read("pasted.xlsx", xlsx({"S": rows}))

    assert by_assessment(result) == {}
    assert_problem(result, "warning", None, "holds all its headings in one cell (A2")
    assert_problem(result, "warning", None, f"Data > Text to Columns (Delimited, {split}")


def test_a_sheet_scoring_the_domains_says_the_mnr_is_scored_per_capability():
    togo = [["Country", "Togo"], ["Year", 2024], [], ["Domain", "Level"]]
    togo += [[domain.name, i % 5] for i, domain in enumerate(FW.domains)]
    result = read("return.xlsx", xlsx({"Togo": togo}))

    assert by_assessment(result) == {}
    assert_problem(result, "warning", None, "its rows are the framework's domains", sheet="Togo")
    assert_problem(result, "warning", None, "scored per capability", sheet="Togo")
