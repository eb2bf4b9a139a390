"""What a sub-column's heading says (``sub_headings``): a year or round, whose scoring, a
target, or what the column holds; and how a table's sub-columns are settled."""

from __future__ import annotations

import pytest

from components.ingest.sub_headings import SubHeading, choose, sub_heading


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (2018, SubHeading("level", 2018)),
        ("2020", SubHeading("level", 2020)),
        ("Baseline (2020)", SubHeading("level", 2020, "Baseline")),
        ("Round 1 (2017)", SubHeading("level", 2017, "Round 1")),
        ("Midline", SubHeading("level", None, "Midline")),
        ("BL 2020", SubHeading("level", 2020, "BL")),
        ("MTR (2022)", SubHeading("level", 2022, "MTR")),
        ("R2 2019", SubHeading("level", 2019, "R2")),
        ("Référence 2019", SubHeading("level", 2019, "Référence")),
        ("score 2023", SubHeading("level", 2023)),
        ("Level", SubHeading("level")),
        ("Score", SubHeading("level")),
        ("Target (2025)", SubHeading("target", 2025)),
        ("target 2026", SubHeading("target", 2026)),
        ("Objectif 2027", SubHeading("target", 2027)),
        ("TARGET LEVELS (2027)", SubHeading("target", 2027)),
        ("Self", SubHeading("self")),
        ("SELF", SubHeading("self")),
        ("Self-assessed level", SubHeading("self")),
        ("Auto-évaluation", SubHeading("self")),
        ("Draft", SubHeading("self")),
        ("Self 2020", SubHeading("self", 2020)),
        ("Validated", SubHeading("settled")),
        ("FINAL", SubHeading("settled")),
        ("Agreed level", SubHeading("settled")),
        ("Consensus", SubHeading("settled")),
        ("Official score", SubHeading("settled")),
        ("Niveau validé", SubHeading("settled")),
        ("Validated 2022", SubHeading("settled", 2022)),
        ("Revised level", SubHeading("revised")),
        ("Comments", SubHeading("notes")),
        ("Change", SubHeading("summary")),
        ("Average", SubHeading("summary")),
    ],
)
def test_a_sub_heading_says_its_round_role_or_target(value, expected):
    assert sub_heading(value) == expected


@pytest.mark.parametrize(
    "value",
    [None, 3, "Botswana", "Kenya 2021", "Leadership", "Eastern and Southern Africa", "Peer", "A"],
)
def test_a_name_or_a_level_is_no_sub_heading(value):
    assert sub_heading(value) is None


def _heads(*values):
    return {column: ("cap", sub_heading(value)) for column, value in enumerate(values)}


@pytest.mark.parametrize(
    ("values", "read", "aside", "unsure"),
    [
        # Each year its own assessment; the target set aside.
        (("2018", "2020", "Target 2025"), {2018: 0, 2020: 1}, {"target": [2]}, []),
        # The validated level read, the self-assessment set aside.
        (("Self", "Validated"), {None: 1}, {"self": [0]}, []),
        (("FINAL", "Draft", "Comments"), {None: 0}, {"self": [1], "notes": [2]}, []),
        # Two columns of one round that nothing tells apart.
        (("Level", "Score"), {}, {}, [0, 1]),
        (("Revised", "Validated"), {}, {}, [0, 1]),
        (("Validated", "Final"), {}, {}, [0, 1]),
    ],
)
def test_choose_settles_a_tables_sub_columns(values, read, aside, unsure):
    choice = choose(_heads(*values))
    assert {key[0]: owned["cap"] for key, owned in choice.read.items()} == read
    assert choice.aside == aside
    assert choice.unsure == unsure
