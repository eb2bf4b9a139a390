"""A column of levels judged whole: another scale or percentages are refused, not misread."""

from __future__ import annotations

import pytest

from components.ingest.level_columns import column_scale_problem
from tests.ingest.reader_support import FW

SCALE = FW.scale


@pytest.mark.parametrize(
    ("header", "values", "refused_because"),
    [
        # Levels of the scale, however written: nothing to say.
        ("Level", [0, 1, 2, 3, 4, None], None),
        ("Level (0-4)", [1, 2, 3], None),
        ("Level (1-4)", [1, 2, 3, 4], None),  # 0 left unused, the same levels
        ("Score / 4", ["2", "3"], None),
        ("Level", ["2 - Developing", "mature", "n/a"], None),
        ("Level", [1, 2, 3, 4], None),  # no 5: nothing says the scale is another
        ("Level", [1, 3, 5], None),  # too few numbers to judge the column by
        ("Level", [0, 1, 2, 3, 4, 5], None),  # a 0: a typo's 5, reported by its cell
        ("Level", [0.0, 1.0, 4.0], None),  # whole numbers as floats
        # Another scale named in the header.
        ("Score (1-5)", [1, 2, 3], "is headed as a scale of 1 to 5"),
        ("Note de 1 à 5", [1, 2, 3], "is headed as a scale of 1 to 5"),
        ("Rating out of 10", [1, 2, 3], "is headed as a scale to 10"),
        ("Score /5", [1, 2, 3], "is headed as a scale to 5"),
        ("Score (max 5)", [1, 2, 3], "is headed as a scale to 5"),
        ("Score (max. 3)", [1, 2, 3], "is headed as a scale to 3"),
        ("Score (max 4)", [1, 2, 3], None),
        # A key in the header: its lowest or highest level, or a label, at another number.
        ("Rating (1 = lowest, 5 = highest)", [1, 2, 3, 4], "keys its own scale (1 = lowest,"),
        ("Level (1 = not in place, 4 = fully in place)", [1, 2, 4], "(1 = not in place, 4 ="),
        ("Level (1 = lowest)", [1, 2, 3, 4], "keys its own scale (1 = lowest)"),
        ("Maturity (0 = none, 3 = full)", [0, 1, 3], "keys its own scale (0 = none, 3 = full)"),
        ("Niveau (1 = faible, 4 = élevé)", [1, 2, 3], "keys its own scale (1 = faible,"),
        ("Level (1 = Pas en place, 5 = Mature)", [1, 2], "keys its own scale"),
        # A key on the framework's numbers, or no key at all.
        ("Level (0 = not in place, 4 = mature)", [0, 1, 2, 3, 4], None),
        ("Level (0 = none, 1 = low, 4 = very high)", [0, 1, 4], None),
        ("Level (1 = Building … 4 = Mature)", [1, 2, 3, 4], None),
        ("Q3: current level", [1, 2, 3, 4], None),
        ("Level 2023 - current", [1, 2, 3, 4], None),
        # A number that counts something else, then an end's word: no key.
        ("Level – Round 2: complete", [1, 2, 3, 4], None),
        ("Level (Stage 2 - complete)", [1, 2, 3, 4], None),
        ("Current level (FY2 - high)", [1, 2, 3, 4], None),
        ("Level (0–4) – Section 1: None", [1, 2, 3, 4], None),
        # The numbers say it: 1 to 5 with no 0; fractions (percentages shown as "75%").
        ("Level", [1, 2, 3, 4, 5, 5], "a scale of 1 to 5"),
        ("Level", ["1", "5", "2", "3"], "a scale of 1 to 5"),
        ("Level", [0, 0.25, 0.5, 1.0], "holds fractions (0, 0.25, 0.5, 1)"),
        ("Level", ["0,75", "1"], "holds fractions"),
    ],
)
def test_a_column_on_another_scale_is_refused_whole(header, values, refused_because):
    why = column_scale_problem(header, values, SCALE)
    if refused_because is None:
        assert why is None
    else:
        assert why is not None
        assert refused_because in why
        assert "0 to 4" in why  # and says which scale the framework uses
