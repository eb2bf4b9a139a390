"""The distribution of a room's votes, and every capability's votes side by side."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from components.charts.agreement import (
    distribution_figure,
    distribution_view,
    dont_know_position,
    overview_figure,
)
from components.framework.model import default_framework
from components.framework.palette import NOT_ASSESSED_COLOUR, level_colours
from components.scoring.agreement import agreement, summary_table
from tests.charts.frames import room_votes

FW = default_framework()
SCALE = FW.scale


def test_bars_per_level_in_their_colours_with_dont_know_apart():
    result = agreement([1, 2, 2, 4, None, None], SCALE)
    figure = distribution_figure(result, SCALE, agreed=2)
    levels, dont_know = (t for t in figure.data if isinstance(t, go.Bar))
    assert list(levels.x) == list(SCALE.values)
    assert list(levels.y) == [0, 1, 2, 0, 1]
    assert list(levels.text) == ["0", "1", "2", "0", "1"]
    colours = level_colours(SCALE)
    assert list(levels.marker.color) == [colours[v] for v in SCALE.values]
    # The agreed level is outlined, and only it.
    assert list(levels.marker.line.width) == [0, 0, 4, 0, 0]
    assert list(dont_know.x) == [dont_know_position(SCALE)]
    assert list(dont_know.y) == [2]
    assert dont_know.marker.color == NOT_ASSESSED_COLOUR
    assert dont_know.marker.pattern.shape == "/"
    assert dont_know_position(SCALE) > SCALE.maximum
    ticks = list(figure.layout.xaxis.ticktext)
    assert ticks[-1] == "Don't know"
    assert "Developing" in ticks[2]


def test_the_median_is_a_line_and_the_middle_half_a_band():
    result = agreement([1, 2, 3, 3], SCALE)  # median 2.5, middle half 1.5 to 3
    figure = distribution_figure(result, SCALE)
    lines = [s for s in figure.layout.shapes if s.type == "line"]
    bands = [s for s in figure.layout.shapes if s.type == "rect"]
    assert [line.x0 for line in lines] == [2.5]
    # Between two bars, the dotted line comes down to the axis, behind the bars.
    assert (lines[0].y0, lines[0].layer) == (0, "below")
    assert lines[0].y1 == figure.layout.yaxis.range[1]
    assert (bands[0].x0, bands[0].x1) == (1.5 - 0.45, 3 + 0.45)
    assert any("Median 2.5" in a.text for a in figure.layout.annotations)


@pytest.mark.parametrize(
    ("votes", "median", "bar_top"),
    [([1, 2, 2], 2, 2), ([0, 0, 1, 1, 1, 3], 1, 3), ([4], 4, 1)],
)
def test_the_median_line_comes_down_to_its_bar_count(votes, median, bar_top):
    figure = distribution_figure(agreement(votes, SCALE), SCALE)
    (line,) = [s for s in figure.layout.shapes if s.type == "line"]
    assert line.x0 == median
    top = figure.layout.yaxis.range[1] / 1.45
    # It stops just above the number written on the median's bar: not in mid-air above it.
    assert bar_top < line.y0 <= bar_top + top * 0.18


def test_no_votes_draws_empty_bars_without_a_median():
    figure = distribution_figure(agreement([], SCALE), SCALE)
    assert list(figure.data[0].y) == [0] * len(SCALE.values)
    assert not figure.layout.shapes
    assert not figure.layout.annotations


def test_the_view_says_what_it_rests_on_and_has_a_table():
    view = distribution_view(agreement([0, 4, 0, 4, None], SCALE), SCALE)
    assert view.caption.startswith("5 votes: 4 with a level, 1 “don't know”")
    assert "Disagreement." in view.caption
    assert list(view.table["Votes"]) == [2, 0, 0, 0, 2, 1]
    assert view.table["Level"].iloc[-1] == "Don't know"


def test_the_overview_stacks_each_capability_by_level_in_the_workshop_order():
    votes, decisions = room_votes()
    figure = overview_figure(summary_table(votes, decisions, FW), FW)
    bars = list(figure.data)
    assert len(bars) == len(SCALE.values) + 1
    assert figure.layout.barmode == "stack"
    first_label = bars[0].y[0]
    assert first_label.startswith("⚠ 5 · Judiciary")  # disagreement is marked
    assert list(bars[0].x) == [1, 0]  # level 0: capability 5 then 1
    assert list(bars[2].x) == [0, 1]  # level 2
    assert list(bars[-1].x) == [1, 0]  # don't know
    assert bars[-1].name == "Don't know"
