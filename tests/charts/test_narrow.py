"""Charts on narrow screens, and text that stays readable on every cell colour."""

from __future__ import annotations

import html
import math

import pandas as pd
import plotly.graph_objects as go
import pytest

from components.charts.bars import domain_bars
from components.charts.common import NARROW_FONT_SIZE, NARROW_LABEL_CHARS, TICK_FONT_SIZE
from components.charts.heatmap import level_heatmap
from components.charts.radar import PHONE_CONTENT_WIDTH, capability_radar, domain_radar
from components.charts.text_width import text_width
from components.charts.trends import (
    NARROW_CHANGE_LABEL_CHARS,
    change_chart,
    narrow_round_ticks,
    trend_lines,
)
from components.framework.palette import NOT_ASSESSED_COLOUR, level_colours
from tests.charts.frames import (
    DOMAIN_NAMES,
    FW,
    NAN,
    STATUS_CASES,
    capability_table,
    changes_frame,
    domain_scores,
    heatmap_frames,
    series,
    trend_frame,
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
    # The long name whole, on two lines within a phone's share of the width (0.4 of 328 px).
    assert figure.layout.yaxis.ticktext[0] == "A country with a really<br>very long name 2024"
    assert figure.layout.margin.l <= 0.4 * 328 + 14
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


# --- a phone's radar, trend lines and change chart --------------------------------------------


def plot_size(figure: go.Figure, width: int = PHONE_CONTENT_WIDTH) -> tuple[float, float]:
    """The plot area's width and height at ``width`` px (a 390 px phone's content width)."""
    margin = figure.layout.margin
    return width - margin.l - margin.r, figure.layout.height - margin.t - margin.b


@pytest.mark.parametrize("overlays", [0, 1, 3])
def test_a_phone_domain_radar_takes_the_width_with_no_blank_band_and_its_labels_fit(overlays):
    shapes = [series("Arvenia 2023", [1, 2, 3, 2, 1, 2])]
    shapes += [series(f"Other {i}", [2] * 6, "other") for i in range(overlays)]
    figure = domain_radar(shapes, FW, narrow=True)
    width, height = plot_size(figure)
    assert width >= 240  # it was about 200 px (80 px margins on each side)
    assert height == pytest.approx(width, abs=2)  # the circle fills the plot: no band under it
    radius = width / 2
    axis = figure.layout.polar.angularaxis
    for index, tick in enumerate(axis.ticktext):
        across = math.sin(math.radians(360 * index / len(axis.ticktext)))
        for line in html.unescape(tick).split("<br>"):
            reach = abs(across) * (radius + axis.ticklen) + text_width(line, NARROW_FONT_SIZE)
            assert reach <= radius + figure.layout.margin.l, (line, reach)


def test_a_phone_capability_radar_is_only_as_tall_as_its_circle():
    figure = capability_radar(capability_table({4: 1, 5: 2, 6: 0, 7: 4}), FW, "criminal-justice")
    narrow = capability_radar(
        capability_table({4: 1, 5: 2, 6: 0, 7: 4}), FW, "criminal-justice", narrow=True
    )
    width, height = plot_size(narrow)
    assert height == pytest.approx(width, abs=2)
    assert narrow.layout.height < figure.layout.height


ROUNDS = ["2019 (Baseline)", "2021 (First review)", "2023 (Second review)"]


def test_a_phone_trend_chart_gives_the_plot_the_width_and_keeps_round_labels_level_and_whole():
    trend = trend_frame([(f"r{i}", label, i, [1, 2, 3, 2, 1, 2]) for i, label in enumerate(ROUNDS)])
    figure = trend_lines(trend, FW, narrow=True)
    xaxis = figure.layout.xaxis
    assert list(xaxis.ticktext) == [
        "2019<br>Baseline",
        "2021<br>First review",
        "2023<br>Second review",
    ]
    assert list(xaxis.tickvals) == ROUNDS  # the points stay on their rounds
    assert xaxis.tickangle == 0
    assert xaxis.title.text is None  # nothing sits on the legend below
    assert figure.layout.legend.orientation == "h"
    width, _ = plot_size(figure)
    assert width >= 280  # it was about 170 px
    slot = width / len(ROUNDS)
    for tick in xaxis.ticktext:
        assert all(text_width(line, NARROW_FONT_SIZE) < slot - 8 for line in tick.split("<br>"))
    assert [row[1] for row in figure.data[0].customdata] == ROUNDS  # the hover names the round
    desktop = trend_lines(trend, FW)
    assert desktop.layout.xaxis.ticktext is None
    assert desktop.layout.xaxis.title.text == "Round"


@pytest.mark.parametrize(
    ("labels", "ticks"),
    [
        (["2019 (Baseline)", "2023"], ["2019<br>Baseline", "2023"]),
        (["Baseline 2019", "Review · 2022"], ["2019<br>Baseline", "2022<br>Review"]),
        (["Baseline", "Second review"], ["Baseline", "Second review"]),
        (["2023 <b>x</b> &amp; y"], ["2023<br>&lt;b&gt;x&lt;/b&gt; &amp; y"]),
        (
            ["2019 (Baseline)", "2020 (A long name of a round)", "2021", "2022"],
            ["2019<br>Baseline", "2020<br>A long n…", "2021", "2022"],
        ),
        ([f"{year} (Review)" for year in range(2015, 2021)], [str(y) for y in range(2015, 2021)]),
    ],
)
def test_narrow_round_ticks(labels, ticks):
    escaped = [html.escape(label) if "&amp;" not in label else label for label in labels]
    assert narrow_round_ticks(escaped) == ticks


def test_a_phone_change_chart_gives_the_grid_the_width_with_levels_as_numbers():
    figure = change_chart(changes_frame(STATUS_CASES), FW, narrow=True)
    xaxis, yaxis = figure.layout.xaxis, figure.layout.yaxis
    assert list(xaxis.ticktext) == [str(v) for v in FW.scale.values]
    assert xaxis.tickangle == 0  # read across
    names = [html.unescape(t) for t in yaxis.ticktext]
    assert all(len(n) <= NARROW_CHANGE_LABEL_CHARS and "<br>" not in n for n in names)
    assert names[1] == "2 · Research, Analy…"
    widest = max(text_width(n, NARROW_FONT_SIZE) for n in names)
    grid = PHONE_CONTENT_WIDTH - figure.layout.margin.l - figure.layout.margin.r - widest
    assert grid >= 200  # it was about 100 px
    hovers = {html.unescape(row[0]) for trace in figure.data for row in trace.customdata or []}
    assert FW.capability(2).label in hovers  # the whole name in the hover
    desktop = change_chart(changes_frame(STATUS_CASES), FW)
    assert desktop.layout.xaxis.ticktext[-1] == "4 · Mature"
    assert desktop.layout.yaxis.ticktext[1] == "2 · Research, Analysis and Monitoring"
