"""A capability's title and its level in one cell (two PDF columns merged) are read as the
title and the level, checked against the row's number; other level columns are untouched."""

from __future__ import annotations

from typing import Any

import pytest

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

LEVELS = {n: (n * 3) % 5 for n in range(1, 22)}
ENABLERS = {e.number: e.title for e in FW.enablers}
TITLE = ["Lebanon – MNR self-assessment 2023"]


def _table(header: list[str], row, levels=LEVELS) -> list[list[Any]]:
    return [TITLE, header] + [row(n, TITLES[n], level) for n, level in levels.items()]


SHAPES = {
    "number, merged, comments": (
        ["No.", "Capability Level", "Comments"],
        lambda n, title, level: [n, f"{title} {level}", "Pilot in two provinces"],
    ),
    "number and merged only": (
        ["No.", "Capability Level"],
        lambda n, title, level: [n, f"{title} {level}"],
    ),
    "dash between them": (
        ["#", "Capability / Level", "Notes"],
        lambda n, title, level: [n, f"{title} – {level}", None],
    ),
    "colon and the label": (
        ["No.", "Capability and level"],
        lambda n, title, level: [n, f"{title}: {level} - {FW.scale.level(level).label}"],
    ),
    "numbered title under Level": (
        ["No.", "Level"],
        lambda n, title, level: [n, f"{n}. {title} {level}"],
    ),
    "no number column, a remark beside": (
        ["Capability Level", "Comments"],
        lambda n, title, level: [f"{title} {level}", "Coordinated by the ministry"],
    ),
}


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
@pytest.mark.parametrize("shape", SHAPES)
def test_a_title_and_its_level_in_one_cell_are_read_as_both(shape, kind):
    rows = _table(*SHAPES[shape])
    data = xlsx({"Table 1": rows}) if kind == "xlsx" else csv_bytes(rows)
    result = read(f"lebanon.{kind}", data)
    assert by_assessment(result) == {("Lebanon", 2023, None): LEVELS}
    assert not errors(result)
    said = [p for p in result.problems if "read from the end of" in p.message]
    assert len(said) == 1
    assert "such as “" in said[0].message
    assert "Leadership" in said[0].message


def test_a_cell_naming_another_capability_than_its_row_is_an_error_the_rest_read():
    rows = _table(*SHAPES["number, merged, comments"])
    rows[2 + 3][1] = f"{TITLES[5]} 2"  # row of capability 4 names capability 5
    rows[2 + 7][1] = TITLES[8]  # capability 8's title alone: not assessed
    rows[2 + 6][0] = None  # capability 7's number left blank: its title says which
    result = read("lebanon.xlsx", xlsx({"Table 1": rows}))
    expected = {n: level for n, level in LEVELS.items() if n not in (4, 8)}
    assert by_assessment(result) == {("Lebanon", 2023, None): expected}
    assert_problem(result, "error", "B6", "names capability 5 (Judiciary and Prosecutors), but")
    assert len(errors(result)) == 1


def test_an_enablers_table_merged_alike_is_read_as_enablers():
    rows = [["Country", "Lebanon"], ["Year", 2023], ["No.", "Enabler Level"]]
    rows += [[n, f"{title} {n % 5}"] for n, title in ENABLERS.items()]
    caps = [["Country", "Lebanon"], ["Year", 2023], ["No.", "Capability", "Level"]]
    caps += [[n, TITLES[n], level] for n, level in LEVELS.items()]
    result = read("lebanon.xlsx", xlsx({"Assessment": caps, "Enablers": rows}))
    enablers = dict(zip(result.enablers["enabler"], result.enablers["level"], strict=True))
    assert enablers == {n: n % 5 for n in ENABLERS}


@pytest.mark.parametrize(
    ("cells", "error"),
    [
        # levels with their labels: no title in them, nothing to split
        ({n: f"{level} - {FW.scale.level(level).label}" for n, level in LEVELS.items()}, None),
        # two cells only hold a title and a level: each is a level cell that is no level
        ({n: (f"{TITLES[n]} {level}" if n < 3 else level) for n, level in LEVELS.items()}, "C3"),
    ],
)
def test_other_level_columns_are_read_as_they_are(cells, error):
    rows = [TITLE, ["No.", "Capability", "Level"]]
    rows += [[n, TITLES[n], cells[n]] for n in LEVELS]
    result = read("lebanon.xlsx", xlsx({"Table 1": rows}))
    assert not [p for p in result.problems if "read from the end of" in p.message]
    if error is None:
        assert by_assessment(result) == {("Lebanon", 2023, None): LEVELS}
    else:
        assert_problem(result, "error", error, "is not a level on the scale")
