"""Text widths in Streamlit's font, and the margin a heatmap's row names start with."""

from __future__ import annotations

import pytest

from components.charts.text_width import label_margin, text_width


@pytest.mark.parametrize(
    ("text", "size", "pixels"),
    [
        ("", 14, 0.0),
        (" ", 10, 2.0),  # a space is 200/1000 of an em
        ("W", 10, 7.86),
        ("i", 10, 2.46),
        # Measured in Chromium on the heatmap's axis: 176.8 px (the table's widths are the
        # font's advances; the browser's shaping differs by under a pixel).
        ("Calderra 2024 (Second review)", 14, 177.436),
        ("é", 14, 14.0),  # outside ASCII: a full em, on the safe side
        # What the charts write themselves, measured in Chromium: the colour bar's level
        # names and the "–" of a cell not assessed.
        ("·", 1000, 249.0),
        ("0 · Not in place", 14, 85.848),
        ("–", 14, 6.72),
        ("中", 20, 20.0),
    ],
)
def test_text_width(text, size, pixels):
    assert text_width(text, size) == pytest.approx(pixels)


def test_wider_letters_take_more_room():
    assert text_width("WWWW", 14) > text_width("iiii", 14)
    assert text_width("Côte d'Ivoire", 14) > text_width("Cote d'Ivoire", 14)


@pytest.mark.parametrize(
    ("labels", "at_least", "margin"),
    [
        ([], 16, 16),  # no rows: the chart's own margin
        (["A"], 16, 22),  # 7.6 + 14 px, rounded up
        (["Calderra 2024 (Second review)"], 16, 192),  # plotly itself made it 190
        (["Calderra 2024 (Second review)", "Arvenia 2023"], 16, 192),
        (["x"], 300, 300),
    ],
)
def test_label_margin_is_the_widest_label_and_plotlys_room(labels, at_least, margin):
    assert label_margin(labels, 14, at_least=at_least) == margin
