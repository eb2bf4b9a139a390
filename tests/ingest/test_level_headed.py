"""Columns headed by a level of the scale or by "Not assessed" are never countries: counts of
countries per level are refused with a message saying why; beside countries, left out."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import (
    TITLES,
    assert_problem,
    by_assessment,
    errors,
    read,
    xlsx,
)

LEVELS = {n: n % 5 for n in range(1, 22)}
OTHER = {n: (n + 1) % 5 for n in range(1, 22)}
ENGLISH = ["Not in place", "Building", "Developing", "Established", "Mature"]
FRENCH = ["Inexistant", "En construction", "En développement", "Établi", "Mature"]
SPANISH = ["0 - Inexistente", "1 - En construcción", "2 - En desarrollo", "3 - Establecido"]


def _distribution(levels: list[str], extra: list[str], title: str) -> bytes:
    """Per capability, how many countries are at each level (32 in all)."""
    head = ["No.", "Capability", *levels, *extra]
    rows: list[list] = [[title], [], head]
    for n, name in TITLES.items():
        counts = [(n * (i + 3)) % 9 for i in range(len(levels))]
        tail = [32 - sum(counts)] if "Not assessed" in extra or "Non évalué" in extra else []
        if extra and extra[-1] in ("Total", "Total general"):
            tail.append(32 if tail else sum(counts))
        rows.append([n, name, *counts, *tail][: len(head)])
    return xlsx({"Distribution": rows})


@pytest.mark.parametrize(
    ("levels", "extra", "title"),
    [
        (ENGLISH, ["Not assessed", "Total"], "Number of member countries at each level (2023)"),
        (ENGLISH, ["Not assessed"], "Regional summary"),
        (ENGLISH, ["Total"], "Regional summary"),
        (FRENCH, ["Non évalué"], "Répartition"),
        (SPANISH, ["Total general"], "Distribución"),
        (ENGLISH, [], "Countries at each level, by capability"),
    ],
)
def test_counts_of_countries_per_level_are_refused_saying_why(levels, extra, title):
    result = read("distribution.xlsx", _distribution(levels, extra, title))
    assert by_assessment(result) == {}
    problem = next(p for p in errors(result) if "count the countries at each level" in p.message)
    assert problem.cell.startswith("C3:")
    assert "Country, Capability and Level" in problem.fix
    assert not any("outside the scale" in p.message for p in errors(result))


@pytest.mark.parametrize("header", ["Mature", "2 - Developing", "Not assessed", "Non évalué"])
def test_a_level_headed_column_beside_countries_is_left_out(header):
    rows = [["No.", "Capability", "Kenya 2022", "Uganda 2022", header]]
    rows += [[n, TITLES[n], LEVELS[n], OTHER[n], (n * 7) % 5] for n in TITLES]
    result = read("wide.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {("Kenya", 2022, None): LEVELS, ("Uganda", 2022, None): OTHER}
    assert_problem(result, "warning", "E1", f"The column headed “{header}” is")
    assert not errors(result)


@pytest.mark.parametrize("header", ["Level 2", "Level2", "Niveau 3"])
def test_a_level_column_numbered_is_not_a_level_heading(header):
    """ "Level 2" (or Excel's "Level2" for a second "Level") heads levels, not level 2."""
    rows = [["Country", "Bangladesh"], ["Year", 2023], [], ["No.", "Capability", header]]
    rows += [[n, TITLES[n], LEVELS[n]] for n in TITLES]
    result = read("form.xlsx", xlsx({"Scores": rows}))
    assert by_assessment(result) == {("Bangladesh", 2023, None): LEVELS}
