"""Reading a long table's rows: evidence, confidence and rounds kept, bad rows reported."""

from __future__ import annotations

from components.ingest.report import summarise_assessments
from tests.ingest.reader_support import (
    ASSESSMENTS,
    EXPECTED,
    assert_problem,
    by_assessment,
    capability_written,
    enabler_levels,
    long_rows,
    per_sheet,
    read,
    xlsx,
)


def test_long_table_keeps_evidence_confidence_and_rounds():
    rows = [
        ["Country", "ISO3", "Date", "Round", "Capability no", "Score", "Comments", "Confidence"],
        ["Arvenia", "xaa", "2023-03-31", "baseline", 1, 2, "a law", "HIGH"],
        ["Arvenia", "XAA", "2023-03-31", "baseline", 2, 3, None, None],
        ["arvenia ", "XAA", "2023-03-31", "review", 1, 4, None, "low"],
    ]
    result = read("rounds.xlsx", xlsx({"Data": rows}))
    assert result.problems == ()
    summary = summarise_assessments(result.capabilities)
    assert list(summary["round"]) == ["baseline", "review"]
    assert list(summary["assessed"]) == [2, 1]
    baseline = result.capabilities[result.capabilities["round"] == "baseline"].set_index(
        "capability"
    )
    assert (baseline.loc[1, "evidence"], baseline.loc[1, "confidence"]) == ("a law", "high")
    assert (baseline.loc[1, "date"], baseline.loc[1, "year"], baseline.loc[1, "iso3"]) == (
        "2023-03-31",
        2023,
        "XAA",
    )


def test_bad_rows_of_a_long_table_are_reported_and_the_rest_kept():
    rows = long_rows()
    rows[1][3] = 9  # Arvenia 2021, capability 1: level out of range
    rows[2][2] = "Budget lines"  # Arvenia 2021, capability 2: unknown capability
    rows[3][0] = None  # Arvenia 2021, capability 7: no country
    rows.append(["Arvenia", 2021, capability_written(12), 1, None, None])  # 12 again
    result = read("long.xlsx", xlsx({"Data": rows}))
    assert_problem(result, "error", "D2", "outside the scale", sheet="Data")
    assert_problem(result, "error", "C3", "not a capability", sheet="Data")
    assert_problem(result, "error", "A4", "no country", sheet="Data")
    assert_problem(result, "error", f"D{len(rows)}", "second time", sheet="Data")
    assert len(result.problems) == 4
    expected = dict(EXPECTED)
    expected[("Arvenia", 2021, None)] = {12: 4, 21: 0}
    assert by_assessment(result) == expected


def test_one_sheet_without_country_does_not_lose_the_others():
    sheets = {f"{c} {y}": per_sheet(c, y, g) for c, y, g in ASSESSMENTS}
    sheets["Belmora 2023"][2] = ["Country:", None]
    result = read("sheets.xlsx", xlsx(sheets))
    assert_problem(result, "error", "B3", "No country", sheet="Belmora 2023")
    assert set(by_assessment(result)) == {("Arvenia", 2021, None), ("Arvenia", 2023, None)}


def test_enablers_in_a_long_table_of_capabilities_stay_with_their_assessment():
    rows = [*long_rows(), ["Arvenia", 2021, "E3", 2, None, None]]
    result = read("mixed.xlsx", xlsx({"Data": rows}))
    assert result.problems == ()
    assert enabler_levels(result)[("Arvenia", 2021, None)] == {3: 2}
