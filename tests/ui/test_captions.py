"""What the picture pages say when something is missing: plurals right, names kept as text."""

import pytest

from components.ui.captions import not_comparable, too_few_rounds, undated_note


@pytest.mark.parametrize(
    ("count", "note"),
    [
        (
            1,
            "1 assessment has no year or date and cannot be chosen by year: choose All rounds "
            "to include it.",
        ),
        (
            3,
            "3 assessments have no year or date and cannot be chosen by year: choose All "
            "rounds to include them.",
        ),
    ],
)
def test_undated_note(count, note):
    assert undated_note(count) == note


@pytest.mark.parametrize(
    ("country", "others", "notice"),
    [
        (
            "Zembla",
            [],
            "A trend needs at least two rounds of the same country; Zembla has one in this "
            "session. No country in this session has more than one round yet.",
        ),
        (
            "Zembla",
            ["Arvenia", "Belmora"],
            "A trend needs at least two rounds of the same country; Zembla has one in this "
            "session. Countries with several rounds in this session: Arvenia, Belmora.",
        ),
        (
            "[Zembla](https://e.org)",
            ["St. Kitts"],
            "A trend needs at least two rounds of the same country; "
            "\\[Zembla\\]\\(https\\:\u2060\\/\\/e\\.org\\) has one in this session. Countries with "
            "several rounds in this session: St\\. Kitts.",
        ),
    ],
    ids=["no country has rounds", "others have rounds", "names stay text"],
)
def test_too_few_rounds(country, others, notice):
    assert too_few_rounds(country, others) == notice


def test_not_comparable_counts_capabilities_assessed_in_one_round_or_none():
    counts = {
        "improved": 4,
        "unchanged": 3,
        "declined": 2,
        "newly assessed": 5,
        "no longer assessed": 1,
        "not assessed": 6,
    }
    assert not_comparable(counts) == 12
