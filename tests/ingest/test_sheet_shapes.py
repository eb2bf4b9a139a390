"""Sheets reshaped before reading (components/ingest/sheet_shapes.py): Apple Numbers' csv of
several tables (numbers_tables.py) and a form's matrix answered in one cell (matrix_cells.py)."""

from __future__ import annotations

import pytest

from components.ingest.matrix_cells import pairs_of
from tests.ingest.reader_support import (
    FW,
    LABELS,
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    read,
)

ALL = range(1, 22)
NP = {n: (n * 3 + 1) % 5 for n in ALL}
ENABLERS = {e: (e + 2) % 5 for e in range(1, 8)}


def numbers_csv(name: str, enablers_header: tuple[str, ...]) -> bytes:
    titles = {e.number: e.title for e in FW.enablers}
    rows = [[f"{name} 1"], ["Country", "Year", "No.", "Capability", "Level"]]
    rows += [["Nepal", 2023, n, TITLES[n], NP[n]] for n in ALL]
    rows += [[], [f"{name} 2"], list(enablers_header)]
    rows += [[e, titles[e], ENABLERS[e]] for e in range(1, 8)]
    return csv_bytes(rows)


@pytest.mark.parametrize("name", ["Table", "Tableau", "Tabla"])
@pytest.mark.parametrize("header", [("No.", "Enabler", "Level"), ("N°", "Facilitateur", "Niveau")])
def test_numbers_csv_reads_each_table_as_its_own(name: str, header: tuple[str, ...]) -> None:
    result = read("numbers.csv", numbers_csv(name, header))
    assert by_assessment(result) == {("Nepal", 2023, None): NP}
    enablers = result.enablers
    assert {int(r.enabler): int(r.level) for r in enablers.itertuples()} == ENABLERS
    assert not [p for p in result.problems if p.severity == "error"]


def test_a_csv_with_one_table_line_is_read_as_before() -> None:
    rows = [["Table 1"], ["Country", "Year", "Capability", "Level"]]
    rows += [["Nepal", 2023, n, NP[n]] for n in ALL]
    assert by_assessment(read("one.csv", csv_bytes(rows))) == {("Nepal", 2023, None): NP}


@pytest.mark.parametrize(
    ("cell", "pairs"),
    [
        ("Leadership: 3\nLegislation: 2\nCSEA Hotline: 4", 3),
        ("Leadership: 3, Research, Analysis and Monitoring: 2, Legislation: 1", 3),
        ("Leadership: 3; Legislation: 2; CSEA Hotline: 4", 3),
        ("Note: see annex", None),
        ("Leadership: 3, Legislation", None),
    ],
)
def test_pairs_of_a_cell(cell: str, pairs: int | None) -> None:
    found = pairs_of(cell)
    assert (None if found is None else len(found)) == pairs


@pytest.mark.parametrize(
    ("joiner", "form"),
    [
        ("\n", lambda n: f"{n}. {TITLES[n]}: {LABELS[NP[n]]}"),
        (", ", lambda n: f"{TITLES[n]}: {NP[n]}"),
        ("; ", lambda n: f"C{n}: {NP[n]}"),
    ],
)
def test_a_matrix_answered_in_one_cell_is_read_per_respondent(joiner, form) -> None:
    rows = [["Submission Date", "Country", "Year", "Rate each capability"]]
    rows += [["Mar 3, 2024", "Nepal", 2024, joiner.join(form(n) for n in ALL)]]
    rows += [["Mar 4, 2024", "Kenya", 2024, joiner.join(form(n) for n in (1, 2, 3))]]
    result = read("jotform.csv", csv_bytes(rows))
    assert by_assessment(result) == {
        ("Nepal", 2024, None): NP,
        ("Kenya", 2024, None): {n: NP[n] for n in (1, 2, 3)},
    }
    assert_problem(result, "warning", "D1", "“capability: level” pairs")


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        ("Leadership: 3\nPolicing: 2\nLegislation: 1", "“Policing” names no capability"),
        ("Leadership: 3\nLegislation: high\nCSEA Hotline: 1", "“high” is not a level"),
        ("Leadership: 3\nLeadership: 2\nLegislation: 1", "capability 1 is given twice"),
        ("1: 3\n2: 2\n3: 1", "“1” names no capability"),
    ],
)
def test_a_matrix_cell_not_read_for_certain_is_reported(cell: str, said: str) -> None:
    rows = [["Submission Date", "Country", "Year", "Rate each capability"]]
    rows += [["Mar 3, 2024", "Nepal", 2024, cell]]
    result = read("jotform.csv", csv_bytes(rows))
    assert by_assessment(result) == {}
    assert_problem(result, "warning", "D2", said)


def test_numbers_enablers_table_with_two_countries_above_is_reported_not_guessed() -> None:
    rows = [["Table 1"], ["Country", "Year", "Capability", "Level"]]
    rows += [[c, 2023, n, NP[n]] for c in ("Nepal", "Kenya") for n in ALL]
    rows += [[], ["Table 2"], ["No.", "Enabler", "Level"]] + [[e, "", 2] for e in range(1, 8)]
    result = read("numbers.csv", csv_bytes(rows))
    assert set(by_assessment(result)) == {("Nepal", 2023, None), ("Kenya", 2023, None)}
    assert result.enablers["level"].isna().all()
    assert_problem(result, "error", None, "The enablers of the csv have no country")
