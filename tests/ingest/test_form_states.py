"""A form asking each capability's current level and its target in columns of their own
(components/ingest/form_states.py): the current levels are read, the targets set aside."""

from __future__ import annotations

import pytest

from components.ingest.form_states import without_state
from tests.ingest.reader_support import (
    ARVENIA_2021,
    BELMORA_2023,
    LABELS,
    TITLES,
    by_assessment,
    csv_bytes,
    read,
    xlsx,
)

ALL = range(1, 22)
TARGET = dict.fromkeys(ALL, 4)


@pytest.mark.parametrize(
    ("heading", "found"),
    [
        ("C01[SQ001]. 1. Leadership – a committee [Current level]",
         ("C01[SQ001]. 1. Leadership – a committee", "current")),
        ("Leadership [Target level (2027)]", ("Leadership", "target")),
        ("Leadership [To be]", ("Leadership", "target")),
        ("Leadership [Now]", ("Leadership", "current")),
        ("Leadership [Before]", ("Leadership", "previous")),
        ("Rate each capability [Leadership]", None),
        ("Leadership", None),
    ],
)  # fmt: skip
def test_without_state(heading, found):
    assert without_state(heading) == found


def form(current: str, target: str | None, coded: bool) -> list[list[object]]:
    head = ["id. Response ID", "submitdate. Date submitted", "CTRY. Country"] if coded else [
        "Response ID", "Date submitted", "Country"
    ]  # fmt: skip
    for n in ALL:
        code = f"C{n:02}[SQ001]. " if coded else ""
        head.append(f"{code}{n}. {TITLES[n]} – what it means [{current}]")
        if target is not None:
            head.append(f"{code.replace('SQ001', 'SQ002')}{n}. {TITLES[n]} [{target}]")
    rows = [head]
    for number, (country, date, given) in enumerate(
        [("Arvenia", "2021-05-02 10:00:00", ARVENIA_2021),
         ("Belmora", "2023-06-01 11:00:00", BELMORA_2023)], 1
    ):  # fmt: skip
        cells: list[object] = [number, date, country]
        for n in ALL:
            cells.append(LABELS[given[n]] if n in given else None)
            if target is not None:
                cells.append(LABELS[TARGET[n]])
        rows.append(cells)
    return rows


@pytest.mark.parametrize(
    ("current", "target"),
    [("Current level", "Target level (2027)"), ("Now", "To be"), ("As-is", "Goal"),
     ("Current level", "Previous level")],
)  # fmt: skip
@pytest.mark.parametrize("coded", [True, False])
@pytest.mark.parametrize("make", ["csv", "xlsx"])
def test_the_current_levels_are_read_and_the_targets_set_aside(current, target, coded, make):
    rows = form(current, target, coded)
    data = csv_bytes(rows) if make == "csv" else xlsx({"results": rows})
    result = read(f"results.{make}", data)
    assert by_assessment(result) == {
        ("Arvenia", 2021, None): ARVENIA_2021,
        ("Belmora", 2023, None): BELMORA_2023,
    }
    said = [p for p in result.problems if "were set aside" in p.message]
    assert len(said) == 1
    assert said[0].cell == "E1"
    assert "21 columns" in said[0].message
    assert not [p for p in result.problems if p.severity == "error"]


def test_a_form_of_current_levels_alone_sets_nothing_aside():
    result = read("results.csv", csv_bytes(form("Current level", None, coded=True)))
    assert by_assessment(result) == {
        ("Arvenia", 2021, None): ARVENIA_2021,
        ("Belmora", 2023, None): BELMORA_2023,
    }
    assert not any("set aside" in p.message for p in result.problems)
