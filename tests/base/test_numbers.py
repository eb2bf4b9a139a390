"""Shown scores: one decimal, halves away from zero, and differences of the shown scores."""

import pytest

from components.base.numbers import difference_text, score_text, signed_text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (3.25, "3.3"),  # Victim 2021 in the demo: was "3.2" (halves to even)
        (3.75, "3.8"),
        (2.25, "2.3"),  # Dravonia's Victim: was "2.2"
        (2.75, "2.8"),
        (0.25, "0.3"),
        (0.05, "0.1"),
        (43 / 20, "2.2"),  # 2.15 is stored as 2.1499999…: still a half
        (sum([0.1] * 3) * 10 + 0.05, "3.1"),  # float error in a sum does not flip it
        (45 / 21, "2.1"),  # 2.143: the demo's overall score in 2021
        (62 / 21, "3.0"),  # 2.952
        (3.5, "3.5"),
        (4, "4.0"),
        (0, "0.0"),
        (-0.04, "0.0"),  # never "-0.0"
        (-1.25, "-1.3"),  # away from zero
        (float("nan"), "–"),
        (None, "–"),
        ("not a number", "–"),
    ],
)
def test_score_text_rounds_halves_up(value, expected):
    assert score_text(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.25, "+0.3"),
        (-1.25, "−1.3"),
        (-0.25, "−0.3"),
        (0.04, "0.0"),
        (-0.04, "0.0"),
        (1, "+1.0"),
        (float("nan"), "–"),
    ],
)
def test_signed_text(value, expected):
    assert signed_text(value) == expected


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (3.25, 3.5, "+0.2"),  # shown 3.3 → 3.5
        (45 / 21, 62 / 21, "+0.9"),  # shown 2.1 → 3.0 (the exact change is +0.81)
        (3.5, 3.75, "+0.3"),  # Calderra's Victim beside Arvenia's: 3.8 − 3.5
        (3.5, 2.25, "−1.2"),  # Dravonia's Victim beside Arvenia's: 2.3 − 3.5
        (1.25, 1.25, "0.0"),
        (1.24, 1.26, "+0.1"),  # 1.2 → 1.3: the shown scores differ, so does the change
        (1.26, 1.34, "0.0"),  # both 1.3
        (float("nan"), 2.0, "–"),
        (2.0, None, "–"),
    ],
)
def test_difference_text_is_the_difference_of_the_shown_scores(before, after, expected):
    assert difference_text(before, after) == expected


@pytest.mark.parametrize("tenths", range(-45, 46))
@pytest.mark.parametrize("offset", [-0.04, 0.0, 0.04, 0.05])
def test_a_reader_subtracting_the_shown_scores_gets_the_shown_difference(tenths, offset):
    before, after = 2.05, 2.05 + tenths / 10 + offset
    shown = float(score_text(after)) - float(score_text(before))
    expected = "0.0" if round(shown, 6) == 0 else f"{shown:+.1f}".replace("-", "−")
    assert difference_text(before, after) == expected
