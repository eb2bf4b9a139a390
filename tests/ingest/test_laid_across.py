"""A table laid across (its labels down a column, one capability per column): read upright,
its cells named where they are in the file; tables that only look like it are left alone."""

import pytest

from tests.ingest.reader_support import (
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    errors,
    read,
    xlsx,
)

CAPS = range(1, 22)
JORDAN = {n: n % 5 for n in CAPS}
META = [["Country", "Jordan"], ["Year", 2024]]


def _rows(labels: list[str], levels=JORDAN, gap: bool = True) -> list[list]:
    """The form laid across: Country and Year above, then one row per label."""
    values = {
        "No.": list(CAPS),
        "Capability": [TITLES[n] for n in CAPS],
        "Level": [levels.get(n) for n in CAPS],
        "Evidence": [f"Report {n}" for n in CAPS],
    }
    return [*META, *([[]] if gap else []), *([label, *values[label]] for label in labels)]


@pytest.mark.parametrize(
    ("labels", "gap", "cells"),
    [
        (["Capability", "Level"], True, "A4:V5"),
        (["No.", "Capability", "Level", "Evidence"], True, "A4:V7"),
        (["No.", "Level"], True, "A4:V5"),
        # Country and Year straight above the table: still the sheet's own labels.
        (["No.", "Capability", "Level", "Evidence"], False, "A3:V6"),
    ],
)
def test_a_form_laid_across_is_read_upright_and_says_so(labels, gap, cells):
    result = read("jordan.xlsx", xlsx({"Assessment": _rows(labels, gap=gap)}))
    assert by_assessment(result) == {("Jordan", 2024, None): JORDAN}
    assert not errors(result)
    assert_problem(result, "warning", cells, "is laid across")


def test_its_evidence_is_read_with_its_level():
    result = read(
        "jordan.xlsx", xlsx({"Assessment": _rows(["No.", "Capability", "Level", "Evidence"])})
    )
    frame = result.capabilities.set_index("capability")
    assert frame.loc[7, "evidence"] == "Report 7"


def test_messages_name_the_cells_where_they_are_in_the_file():
    levels = {**JORDAN, 7: "high"}  # capability 7 is column H; the level row is row 6
    rows = _rows(["No.", "Capability", "Level"], levels)
    result = read("jordan.xlsx", xlsx({"Assessment": rows}))
    assert_problem(result, "error", "H6", "“high” is not a level")
    assert 7 not in by_assessment(result)[("Jordan", 2024, None)]


def test_a_capability_given_twice_names_both_cells():
    rows = [*META, [], ["Capability", *(TITLES[n] for n in CAPS), TITLES[3]]]
    rows.append(["Level", *(JORDAN[n] for n in CAPS), 4])
    result = read("jordan.xlsx", xlsx({"Assessment": rows}))
    assert_problem(result, "error", "D5, W5", "(3 in D5, 4 in W5)")


def test_several_assessments_laid_across_are_each_read():
    rows = [
        ["Country", *["Kenya"] * 21, *["Uganda"] * 21],
        ["Year", *[2023] * 42],
        ["Capability", *(TITLES[n] for n in CAPS), *(TITLES[n] for n in CAPS)],
        ["Level", *(n % 5 for n in CAPS), *((n + 1) % 5 for n in CAPS)],
    ]
    result = read("east.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {
        ("Kenya", 2023, None): {n: n % 5 for n in CAPS},
        ("Uganda", 2023, None): {n: (n + 1) % 5 for n in CAPS},
    }


def test_a_csv_laid_across_is_read_too():
    result = read("jordan.csv", csv_bytes(_rows(["No.", "Capability", "Level"])))
    assert by_assessment(result) == {("Jordan", 2024, None): JORDAN}


@pytest.mark.parametrize(
    "rows",
    [
        # An Excel pivot's caption ("Average of Level") above its "Row Labels", countries down.
        [
            ["Year", 2024],
            [],
            ["Average of Level", "Column Labels"],
            ["Row Labels", *(TITLES[n] for n in CAPS), "Grand Total"],
            ["Kenya", *(n % 5 for n in CAPS), 2],
        ],
        # A form of label and value pairs, one capability after another.
        [*META, *([["Capability", TITLES[n]], ["Level", n % 5]] for n in CAPS)],
    ],
    ids=["pivot", "pairs"],
)
def test_tables_that_only_look_laid_across_are_not_turned(rows):
    result = read("other.xlsx", xlsx({"Sheet1": [r for part in rows for r in _flat(part)]}))
    assert not [p for p in result.problems if "laid across" in p.message]


def _flat(part):
    """A row, or the pair of rows a form's entry is."""
    return part if part and isinstance(part[0], list) else [part]
