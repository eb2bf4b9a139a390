"""A sheet of changes between two rounds (+1, 0, -1) is no assessment: left out with a
warning, never read as levels of a yearless assessment, never a row of errors."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import TITLES, by_assessment, errors, read, xlsx

COUNTRIES = ("Botswana", "Kenya", "Malawi")
BEFORE = {c: {n: (n + i) % 4 for n in range(1, 22)} for i, c in enumerate(COUNTRIES)}
AFTER = {c: {n: min(4, (n + i) % 4 + (n % 3 == 0)) for n in range(1, 22)} for i, c in
         enumerate(COUNTRIES)}  # fmt: skip
# One fall, so that a change is signed somewhere.
AFTER["Kenya"][5] = max(0, BEFORE["Kenya"][5] - 1)


def _round(title: str, levels: dict[str, dict[int, int]]) -> list[list]:
    rows: list[list] = [[title], [], ["Country", *(TITLES[n] for n in TITLES)]]
    return rows + [[c, *(levels[c][n] for n in TITLES)] for c in COUNTRIES]


def _change(title: str, *, written: str = "number") -> list[list]:
    rows: list[list] = [[title], [], ["Country", *(TITLES[n] for n in TITLES)]]
    for country in COUNTRIES:
        deltas = [AFTER[country][n] - BEFORE[country][n] for n in TITLES]
        if written == "text":
            shown: list = [f"{d:+d}" if d else "0" for d in deltas]
        else:
            shown = deltas
        rows.append([country, *shown])
    return rows


def _workbook(change_name: str, change_title: str, *, written: str = "number") -> bytes:
    return xlsx(
        {
            "2019 Baseline": _round("MNR assessment – 2019 Baseline", BEFORE),
            "2023 Review": _round("MNR assessment – 2023 Review", AFTER),
            change_name: _change(change_title, written=written),
        }
    )


EXPECTED = {
    **{(c, 2019, "Baseline"): BEFORE[c] for c in COUNTRIES},
    **{(c, 2023, "Review"): AFTER[c] for c in COUNTRIES},
}


@pytest.mark.parametrize(
    ("name", "title", "written"),
    [
        ("Change 2019-2023", "Change in level between the baseline and the review", "number"),
        ("Δ 2019–23", "Levels 2019 to 2023", "number"),
        ("Difference", "Difference between rounds", "text"),
        ("Sheet4", "Change in level, 2019 to 2023", "number"),
        ("Évolution 2019-2023", "Évolution des niveaux", "text"),
        ("Cambio 2019-2023", "Cambio de nivel", "number"),
        ("Progress 2019-2023", "Progress since the baseline", "number"),
    ],
)
def test_a_sheet_of_changes_is_left_out_with_a_warning(name, title, written):
    result = read("rounds.xlsx", _workbook(name, title, written=written))
    assert by_assessment(result) == EXPECTED
    warning = next(p for p in result.problems if p.sheet == name)
    assert "holds differences between assessments" in warning.message
    assert not errors(result)


def test_a_change_sheet_of_rises_only_is_left_out_when_its_countries_are_read_elsewhere():
    """No fall, so no sign: the name says change, and the countries' own sheets are read."""
    rows: list[list] = [["Change 2019-2023"], [], ["Country", *(TITLES[n] for n in TITLES)]]
    rows += [[c, *(n % 2 for n in TITLES)] for c in COUNTRIES]
    data = xlsx(
        {
            "2019 Baseline": _round("MNR assessment – 2019 Baseline", BEFORE),
            "2023 Review": _round("MNR assessment – 2023 Review", AFTER),
            "Change": rows,
        }
    )
    result = read("rounds.xlsx", data)
    assert by_assessment(result) == EXPECTED
    assert any(p.sheet == "Change" and "differences" in p.message for p in result.problems)


@pytest.mark.parametrize("name", ["Progress 2023", "Progress report"])
def test_a_progress_sheet_of_levels_is_read(name):
    """ "Progress" also names a round's report: without signs and a span of years, levels."""
    rows = [["Country", "Kenya"], ["Year", 2023], [], ["No.", "Capability", "Level"]]
    rows += [[n, TITLES[n], AFTER["Kenya"][n]] for n in TITLES]
    result = read("progress.xlsx", xlsx({name: rows}))
    assert by_assessment(result) == {("Kenya", 2023, None): AFTER["Kenya"]}


def test_a_dated_comparison_sheet_is_read():
    """A "Change" sheet giving each round's levels (dated columns) holds assessments."""
    rows: list[list] = [["No.", "Capability", "Kenya 2019", "Kenya 2023", "Change"]]
    rows += [
        [
            n,
            TITLES[n],
            BEFORE["Kenya"][n],
            AFTER["Kenya"][n],
            AFTER["Kenya"][n] - BEFORE["Kenya"][n],
        ]
        for n in TITLES
    ]
    result = read("compare.xlsx", xlsx({"Change 2019-2023": rows}))
    assert by_assessment(result) == {
        ("Kenya", 2019, None): BEFORE["Kenya"],
        ("Kenya", 2023, None): AFTER["Kenya"],
    }
