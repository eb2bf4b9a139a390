"""A table of enablers beside the capabilities is read (components/ingest/side_enablers)."""

from __future__ import annotations

import pytest

from components.framework.model import default_framework
from tests.ingest.reader_support import (
    TITLES,
    assert_problem,
    by_assessment,
    enabler_levels,
    read,
    xlsx,
)

ENABLERS = {e.number: e.title for e in default_framework().enablers}
CAPS = {n: n % 5 for n in range(1, 22)}
ENABLER_LEVELS = {e: (e + 1) % 5 for e in range(1, 8)}


def side_by_side(head=("No.", "Enabler", "Level"), gap=1, title=None, level=None):
    rows = [["Country", "Rwanda"], ["Year", 2024], []]
    if title:
        rows[2] = [None] * (3 + gap) + [title]
    rows.append(["No.", "Capability", "Level"] + [None] * gap + list(head))
    for n in range(1, 22):
        row = [n, TITLES[n], CAPS[n]]
        if n <= 7:
            value = ENABLER_LEVELS[n] if level is None else level
            row += [None] * gap + [n, ENABLERS[n], value]
        rows.append(row)
    return rows


@pytest.mark.parametrize(
    "rows",
    [
        side_by_side(),
        side_by_side(title="Enablers"),
        side_by_side(gap=2),
        side_by_side(head=("Nº", "Facteur habilitant", "Niveau")),
        side_by_side(head=("#", "Facilitador", "Nivel")),
    ],
    ids=["plain", "titled", "two-blank-columns", "french", "spanish"],
)
def test_enablers_beside_the_capabilities_are_read(rows):
    result = read("rwanda.xlsx", xlsx({"Rwanda": rows}))
    assert by_assessment(result) == {("Rwanda", 2024, None): CAPS}
    assert enabler_levels(result) == {("Rwanda", 2024, None): ENABLER_LEVELS}
    assert result.problems == ()


def test_enablers_beside_without_levels_are_reported_by_range():
    result = read("rwanda.xlsx", xlsx({"Rwanda": side_by_side(level="tbd")}))
    assert by_assessment(result) == {("Rwanda", 2024, None): CAPS}
    assert not any(enabler_levels(result).values())
    assert_problem(result, "warning", "E4:G11", "A table of enablers beside the capabilities")
