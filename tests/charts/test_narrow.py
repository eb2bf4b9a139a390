"""Charts on narrow screens, and text that stays readable on every cell colour."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
import pytest

from components.charts.bars import domain_bars
from components.charts.common import NARROW_LABEL_CHARS, TICK_FONT_SIZE
from components.charts.heatmap import level_heatmap
from components.charts.radar import capability_radar, domain_radar
from components.framework.palette import NOT_ASSESSED_COLOUR, level_colours
from tests.charts.frames import (
    DOMAIN_NAMES,
    FW,
    NAN,
    capability_table,
    domain_scores,
    heatmap_frames,
    series,
    written_cells,
)


def luminance(hex_colour: str) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(int(hex_colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_heatmap_cell_text_has_at_least_4_5_to_1_contrast():
    levels, evidence, labels = heatmap_frames(30)
    figure = level_heatmap(levels, evidence, labels, FW)
    colours = level_colours(FW.scale)
    written = written_cells(figure)
    assert len(written) == levels.size  # every cell says its level
    seen = set()
    for (row, number), (shown, colour) in written.items():
        value = levels.iat[row, number - 1]
        missing = bool(pd.isna(value))
        background = NOT_ASSESSED_COLOUR if missing else colours[int(value)]
        assert shown == ("–" if missing else f"{value:g}")
        assert contrast(colour, background) >= 4.5, (shown, colour, background)
        seen.add(shown)
    assert seen == {"–", *(str(v) for v in FW.scale.values)}  # every level was checked
    grid, *copies = figure.data
    assert copies, "light and dark text: the copy writes the cells the grid's colour does not"
    for copy in copies:  # see-through, and the grid's own hover stays
        assert {colour for _, colour in copy.colorscale} == {"rgba(0,0,0,0)"}
        assert copy.hoverinfo == "skip"
        assert (list(copy.x), list(copy.y)) == (list(grid.x), list(grid.y))


@pytest.mark.parametrize("domain", [d.id for d in FW.domains])
def test_a_phone_heatmap_shows_one_domain(domain):
    levels, evidence, labels = heatmap_frames(5)
    labels["id-0"] = "A country with a really very long name 2024"
    figure = level_heatmap(levels, evidence, labels, FW, domain_id=domain, narrow=True)
    numbers = [c.number for c in FW.capabilities_in(domain)]
    heatmap = figure.data[0]
    assert list(heatmap.x) == numbers
    assert sorted({number for _, number in written_cells(figure)}) == numbers
    assert [a.hovertext for a in figure.layout.annotations] == [FW.domain(domain).name]
    assert list(figure.layout.xaxis.range) == [numbers[0] - 0.5, numbers[-1] + 0.5]
    assert heatmap.colorbar.orientation == "h"  # the legend lies under the grid
    assert len(figure.layout.yaxis.ticktext[0]) <= 18
    assert heatmap.customdata[0][0][0] == html.escape(labels["id-0"])  # the hover: all of it


def test_narrow_radar_labels_are_short_and_the_hover_keeps_the_names():
    figure = domain_radar([series("Arvenia 2023", [1, 2, 3, 2, 1, 2])], FW, narrow=True)
    ticks = list(figure.layout.polar.angularaxis.ticktext)
    assert len(ticks) == len(DOMAIN_NAMES)
    for tick in ticks:
        assert max(len(line) for line in html.unescape(tick).split("<br>")) <= 12
    assert "Media" in ticks[-1]
    (trace,) = figure.data
    assert [row[0] for row in trace.customdata[:-1]] == [
        html.escape(n, quote=False) for n in DOMAIN_NAMES
    ]
    assert figure.layout.margin.l < 110
    assert figure.layout.margin.r < 110


def test_narrow_capability_radar_labels_are_cut_with_the_full_name_in_the_hover():
    table = capability_table({4: 1, 5: 2, 6: 0, 7: 4})
    figure = capability_radar(table, FW, "criminal-justice", narrow=True)
    ticks = [
        html.unescape(t).replace("<br>", " ") for t in figure.layout.polar.angularaxis.ticktext
    ]
    assert all(len(t) <= NARROW_LABEL_CHARS for t in ticks)
    full = [c.label for c in FW.capabilities_in("criminal-justice")]
    hover = [html.unescape(row[0]) for row in figure.data[0].customdata[:-1]]
    assert all(
        name in " ".join(hover)
        for name in [c.title for c in FW.capabilities_in("criminal-justice")]
    )
    assert len(full) == len(ticks)


def test_horizontal_bars_put_domains_down_the_page_with_full_size_values():
    scores = domain_scores({"a": [1, 2, 3, NAN, 2.5, 0], "b": [2, 2, 2, 2, 2, 2]})
    figure = domain_bars(scores, {"a": "Arvenia 2023", "b": "Borland 2024"}, FW, horizontal=True)
    bars = [t for t in figure.data if isinstance(t, go.Bar)]
    assert {b.orientation for b in bars} == {"h"}
    assert list(bars[0].y) == DOMAIN_NAMES
    assert list(bars[0].x) == [1, 2, 3, None, 2.5, 0]
    assert list(bars[0].text) == ["1.0", "2.0", "3.0", None, "2.5", "0.0"]
    assert bars[0].textfont.size == TICK_FONT_SIZE
    assert bars[0].constraintext == "none"
    assert figure.layout.yaxis.autorange == "reversed"  # the first domain on top
    assert list(figure.layout.xaxis.range) == [0, FW.scale.maximum]
    gap = next(t for t in figure.data if isinstance(t, go.Scatter) and "n/a" in list(t.text))
    assert gap.y[list(gap.text).index("n/a")] == "Societal"
