"""A key of a scale written as numbers and words ("1 = lowest, 5 = highest"): whether it numbers
the levels otherwise than the framework (components/ingest/header_keys.py)."""

from __future__ import annotations

import pytest

from components.ingest.header_keys import key_pairs, numbered_otherwise
from tests.ingest.reader_support import FW


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Rating (1 = lowest, 5 = highest)", [(1, "lowest"), (5, "highest")]),
        ("1 - None / 2 - Basic / 3 - Good", [(1, "None"), (2, "Basic"), (3, "Good")]),
        ("Scale: 0: none; 3: full.", [(0, "none"), (3, "full")]),
        ("Score (1-5)", []),  # a range, not a key
        ("Level 2023", []),
        ("Leadership", []),
    ],
)
def test_key_pairs(text, pairs):
    assert key_pairs(text) == pairs


@pytest.mark.parametrize(
    ("pairs", "otherwise"),
    [
        ([(1, "lowest"), (5, "highest")], True),
        ([(1, "Absent"), (2, "Emerging"), (3, "Functional"), (4, "Strong")], True),
        ([(0, "None"), (1, "Partial"), (2, "Substantial"), (3, "Full")], True),
        ([(1, "Not in place"), (2, "Developing")], True),  # a label at another number
        ([(0, "En place"), (1, "Pas en place")], True),  # French labels, numbered otherwise
        ([(0, "Not in place"), (4, "Mature")], False),
        ([(0, "None"), (1, "Low"), (2, "Medium"), (3, "High"), (4, "Very high")], False),
        ([(1, "North"), (2, "South"), (3, "East"), (4, "West")], False),  # no scale
        ([], False),
    ],
)
def test_numbered_otherwise(pairs, otherwise):
    assert numbered_otherwise(pairs, FW.scale, in_header=True) is otherwise


@pytest.mark.parametrize(
    ("pairs", "in_header", "otherwise"),
    [
        # "Low" and "high" key a level column's header, and a confidence or priority elsewhere.
        ([(1, "Low"), (2, "Medium"), (3, "High")], True, True),
        ([(1, "Low"), (2, "Medium"), (3, "High")], False, False),
        ([(1, "Absent"), (4, "Strong")], False, True),
    ],
)
def test_low_and_high_key_a_scale_only_in_a_level_header(pairs, in_header, otherwise):
    assert numbered_otherwise(pairs, FW.scale, in_header=in_header) is otherwise
