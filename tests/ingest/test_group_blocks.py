"""A board's groups, each under the table's header again (components/ingest/group_blocks):
Monday.com's domains one under another, each with its name, its header and a "sum" footer,
under the board's title "Viet Nam MNR 2025", are one assessment of the title's country and
year; a second assessment pasted under the first (its own labels, or the same capabilities
again) stays apart."""

from __future__ import annotations

from typing import Any

import pytest

from components.framework.model import default_framework
from tests.ingest.reader_support import TITLES, by_assessment, errors, read, xlsx

FW = default_framework()
DOMAINS = {d.name: [c.number for c in FW.capabilities if c.domain == d.id] for d in FW.domains}
LEVELS = {n: (n * 3) % 5 for n in range(1, 22) if n not in (6, 16)}


def _board(title: str, *, footer: bool, blank: bool, header=("Name", "Person", "Level (0-4)")):
    rows: list[list[Any]] = [[title], []]
    for domain, numbers in DOMAINS.items():
        rows += [[domain], list(header)]
        rows += [[TITLES[n], "Maria Santos", LEVELS.get(n)] for n in numbers]
        if footer:
            rows.append([None, None, sum(LEVELS.get(n, 0) for n in numbers), "sum"])
        if blank:
            rows.append([])
    return rows


@pytest.mark.parametrize("footer", [True, False])
@pytest.mark.parametrize("blank", [True, False])
@pytest.mark.parametrize(
    ("sheet", "title", "expected"),
    [
        ("Viet Nam", "Viet Nam MNR 2025", ("Vietnam", 2025)),
        ("Board", "Nepal – MNR self-assessment 2024", ("Nepal", 2024)),
        ("Nepal", "MNR 2024", ("Nepal", 2024)),
    ],
)
def test_a_boards_groups_are_one_assessment_under_its_title(footer, blank, sheet, title, expected):
    result = read("monday.xlsx", xlsx({sheet: _board(title, footer=footer, blank=blank)}))

    assert by_assessment(result) == {(*expected, None): LEVELS}
    assert not errors(result)
    messages = [p.message for p in result.problems]
    assert any("a board's groups, each under its name" in m for m in messages)
    assert not any(m.startswith("No date or year is given") for m in messages)


def test_a_second_assessment_under_the_first_stays_apart():
    rows = [["Country", "Kenya"], ["Year", 2021], ["Capability", "Level"]]
    rows += [[TITLES[n], 1] for n in range(1, 11)]
    rows += [[], ["Country", "Kenya"], ["Year", 2023], ["Capability", "Level"]]
    rows += [[TITLES[n], 3] for n in range(11, 22)]

    result = read("two.xlsx", xlsx({"Kenya": rows}))

    assert by_assessment(result) == {
        ("Kenya", 2021, None): dict.fromkeys(range(1, 11), 1),
        ("Kenya", 2023, None): dict.fromkeys(range(11, 22), 3),
    }


def test_a_block_giving_the_same_capabilities_again_is_not_joined():
    rows = [["Kenya MNR 2024"], [], ["Capability", "Level"]]
    rows += [[TITLES[n], 1] for n in range(1, 22)]
    rows += [[], ["Previous round"], ["Capability", "Level"]]
    rows += [[TITLES[n], 0] for n in range(1, 22)]

    result = read("two.xlsx", xlsx({"Kenya": rows}))

    assert by_assessment(result).get(("Kenya", 2024, None)) == dict.fromkeys(range(1, 22), 1)
    assert not any("a board's groups" in p.message for p in result.problems)
