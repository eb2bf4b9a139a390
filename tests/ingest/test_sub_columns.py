"""Sub-columns under a capability's heading: one row per country, each capability's columns
told apart by a year, a round, whose scoring or a target (``sub_columns``)."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from components.ingest.values import split_assessment_header
from tests.ingest.reader_support import TITLES, by_assessment, errors, read

COUNTRIES = ("Kenya", "Uganda", "Ghana")


def level(country: str, number: int, sub: int) -> int:
    """A level for each country, capability and sub-column, different across all three."""
    return (COUNTRIES.index(country) + number * 2 + sub * 3) % 5


def _book(rows: list[list[Any]], merges: list[str] = ()) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tracker"
    for row in rows:
        sheet.append(row)
    for ref in merges:
        sheet.merge_cells(ref)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _wide(
    subs: list[Any],
    *,
    heading=lambda n: f"{n}. {TITLES[n]}",
    merged: bool = True,
    above: list[list[Any]] = (),
    meta: tuple[str, ...] = ("Country",),
    meta_values=lambda country: [],
    blank: set[tuple[str, int]] = frozenset(),
) -> bytes:
    """Countries down; each capability's heading over ``subs`` (merged, or written once),
    the sub-headings in the row below; a sub-column of a (country, sub) in ``blank`` empty."""
    first = len(meta)
    top = [*meta]
    under: list[Any] = [None] * first
    for n in range(1, 22):
        top += [heading(n)] + [None] * (len(subs) - 1)
        under += subs
    rows = [*above, top, under]
    for country in COUNTRIES:
        cells: list[Any] = [country, *meta_values(country)]
        for n in range(1, 22):
            cells += [
                None if (country, s) in blank else level(country, n, s) for s in range(len(subs))
            ]
        rows.append(cells)
    header = len(above) + 1
    merges = [
        f"{get_column_letter(c + 1)}{header}:{get_column_letter(c + 1)}{header + 1}"
        for c in range(first)
    ]
    if merged:
        for n in range(21):
            left = first + n * len(subs) + 1
            right = left + len(subs) - 1
            merges.append(f"{get_column_letter(left)}{header}:{get_column_letter(right)}{header}")
    return _book(rows, merges)


def said(result, words: str) -> None:
    """A warning with ``words`` in it (wherever it points)."""
    found = [p.message for p in result.problems if p.severity == "warning"]
    assert any(words in message for message in found), found


def _levels(country: str, sub: int) -> dict[int, int]:
    return {n: level(country, n, sub) for n in range(1, 22)}


def test_years_under_each_capability_are_each_years_assessment():
    data = _wide([2019, 2021, 2023], blank={("Ghana", 0)})
    result = read("tracker.xlsx", data)
    expected = {
        (country, year, None): _levels(country, sub)
        for country in COUNTRIES
        for sub, year in enumerate((2019, 2021, 2023))
        if (country, sub) != ("Ghana", 0)
    }
    assert by_assessment(result) == expected
    assert not errors(result)
    said(result, "are headed by year or round (“2019”, “2021”, “2023”)")
    said(result, "No assessment was read for Ghana under “2019”")


def test_a_round_not_filled_in_yet_gives_no_assessment():
    data = _wide([2019, 2021, 2023], blank={(country, 2) for country in COUNTRIES})
    result = read("tracker.xlsx", data)
    assert set(by_assessment(result)) == {
        (country, year, None) for country in COUNTRIES for year in (2019, 2021)
    }
    said(result, "No level is given under “2023”: no assessment was read for that round.")


@pytest.mark.parametrize(
    ("subs", "kept"),
    [
        # Rounds with their years, and a target set aside.
        (["Baseline (2020)", "Midline (2022)", "Endline (2024)", "Target (2025)"], [0, 1, 2]),
        # Years as text, written once over unmerged sub-columns.
        (["2018", "2020", "Target 2027"], [0, 1]),
        # Spanish and French rounds.
        (["Línea de base 2019", "Seguimiento 2022", "Meta 2025"], [0, 1]),
    ],
)
@pytest.mark.parametrize("merged", [True, False])
def test_rounds_under_each_capability_keep_their_label_and_year(subs, kept, merged):
    result = read("logframe.xlsx", _wide(subs, merged=merged))
    found = by_assessment(result)
    assert len(found) == len(COUNTRIES) * len(kept)
    for sub in kept:
        _, when, round_label = split_assessment_header(subs[sub])
        for country in COUNTRIES:
            assert found[(country, int(when), round_label)] == _levels(country, sub)
    if len(kept) < len(subs):
        said(result, "hold targets, not assessments")
    assert not errors(result)


@pytest.mark.parametrize(
    ("subs", "read_sub", "aside"),
    [
        (["Self", "Validated"], 1, "Self"),
        (["SELF", "FINAL"], 1, "SELF"),
        (["Agreed", "Self-assessed"], 0, "Self-assessed"),
        (["Auto-évaluation", "Validé"], 1, "Auto-évaluation"),
        (["Autoevaluación", "Consensuado"], 1, "Autoevaluación"),
    ],
)
def test_the_settled_level_is_read_beside_a_self_assessment(subs, read_sub, aside):
    data = _wide(
        subs,
        meta=("Country", "Year"),
        meta_values=lambda country: [2023],
        above=[["Regional validation exercise 2023"], []],
    )
    result = read("validation.xlsx", data)
    assert by_assessment(result) == {
        (country, 2023, None): _levels(country, read_sub) for country in COUNTRIES
    }
    said(result, f"those under “{aside}” were set aside")
    assert not errors(result)


def test_a_level_and_a_comment_under_each_capability_read_the_level():
    result = read("scores.xlsx", _wide(["Score", "Comments"], above=[["Scores 2022"]]))
    assert by_assessment(result) == {
        (country, 2022, None): _levels(country, 0) for country in COUNTRIES
    }
    said(result, "The columns headed “Comments” beside the levels")


@pytest.mark.parametrize(
    ("subs", "words"),
    [
        (["Self", "Peer"], "“Self”, “Peer”"),
        (["Revised", "Validated"], "“Revised”, “Validated”"),
        (["Level", "Score"], "“Level”, “Score”"),
    ],
)
def test_sub_columns_nothing_tells_apart_are_refused(subs, words):
    result = read("unclear.xlsx", _wide(subs, above=[["Scores 2022"]]))
    assert by_assessment(result) == {}
    problem = errors(result)[0]
    assert words in problem.message
    assert "not read" in problem.message
    assert "year or round" in problem.fix


def _band(rounds: list[str], *, merged: bool, codes: bool = True) -> bytes:
    top: list[Any] = ["Country", "ISO3"]
    under: list[Any] = [None, None]
    for name in rounds:
        top += [name] + ([name] * 20 if not merged else [None] * 20)
        under += [f"C{n}" if codes else TITLES[n] for n in range(1, 22)]
    rows = [top, under]
    for country, code in zip(COUNTRIES, ("KEN", "UGA", "GHA"), strict=True):
        cells: list[Any] = [country, code]
        for sub in range(len(rounds)):
            cells += [level(country, n, sub) for n in range(1, 22)]
        rows.append(cells)
    merges = ["A1:A2", "B1:B2"]
    if merged:
        merges += [
            f"{get_column_letter(3 + i * 21)}1:{get_column_letter(23 + i * 21)}1"
            for i in range(len(rounds))
        ]
    return _book(rows, merges)


@pytest.mark.parametrize("merged", [True, False])
@pytest.mark.parametrize(
    ("rounds", "keys"),
    [
        (["Round 1 (2017)", "Round 2 (2019)"], [(2017, "Round 1"), (2019, "Round 2")]),
        (["2021", "2023"], [(2021, None), (2023, None)]),
    ],
)
def test_a_band_of_rounds_over_the_capabilities_gives_each_its_round(merged, rounds, keys):
    result = read("rounds.xlsx", _band(rounds, merged=merged))
    assert by_assessment(result) == {
        (country, year, label): _levels(country, sub)
        for sub, (year, label) in enumerate(keys)
        for country in COUNTRIES
    }
    assert not errors(result)


@pytest.mark.parametrize(
    ("score", "other", "other_read"),
    [
        ("{title} – score 2023", "{title} – target 2026", False),
        ("{title} 2021", "{title} 2023", True),
        ("{title} (2021)", "{title} (2023)", True),
    ],
)
def test_flat_headings_tell_each_capabilitys_columns_apart(score, other, other_read):
    header: list[Any] = ["Country"]
    for n in range(1, 22):
        header += [score.format(title=TITLES[n], n=n), other.format(title=TITLES[n], n=n)]
    rows = [header]
    for country in COUNTRIES:
        cells: list[Any] = [country]
        for n in range(1, 22):
            cells += [level(country, n, 0), level(country, n, 1)]
        rows.append(cells)
    result = read("flat.xlsx", _book(rows))
    first = 2023 if "score 2023" in score else 2021
    expected = {(country, first, None): _levels(country, 0) for country in COUNTRIES}
    if other_read:
        expected |= {(country, 2023, None): _levels(country, 1) for country in COUNTRIES}
    else:
        said(result, "hold targets, not assessments")
    assert by_assessment(result) == expected
    assert not errors(result)


def test_a_plain_countries_table_is_read_as_before():
    rows = [["Country", *(TITLES[n] for n in range(1, 22))]]
    rows += [[c, *(level(c, n, 0) for n in range(1, 22))] for c in COUNTRIES]
    result = read("plain.xlsx", _book(rows))
    assert by_assessment(result) == {(c, None, None): _levels(c, 0) for c in COUNTRIES}
    assert not [p for p in result.problems if "year or round" in p.message]


def test_rounds_without_a_year_take_none_from_the_title():
    subs = ["Baseline (2020)", "Midline", "Endline", "Target (2025)"]
    result = read("logframe.xlsx", _wide(subs, above=[["Programme logframe 2024"]]))
    assert by_assessment(result) == {
        (country, year, label): _levels(country, sub)
        for sub, (year, label) in enumerate(
            ((2020, "Baseline"), (None, "Midline"), (None, "Endline"))
        )
        for country in COUNTRIES
    }
    said(result, "The rounds “Midline”, “Endline” name no year")
    assert not [p for p in result.problems if "2024" in p.message]


def test_rounds_without_a_year_take_the_year_of_their_row():
    data = _wide(
        ["Baseline", "Endline", "Target"],
        meta=("Country", "Year"),
        meta_values=lambda country: [2019 + COUNTRIES.index(country)],
    )
    result = read("rounds.xlsx", data)
    assert by_assessment(result) == {
        (country, 2019 + i, label): _levels(country, sub)
        for i, country in enumerate(COUNTRIES)
        for sub, label in enumerate(("Baseline", "Endline"))
    }
    assert not [p for p in result.problems if "name no year" in p.message]
