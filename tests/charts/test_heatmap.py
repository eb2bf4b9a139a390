"""The heatmap: discrete level colours, hover text, height, row order and domain headers."""

from __future__ import annotations

import html
import itertools
import json
import math
import re
from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from components.charts.common import TICK_FONT_SIZE
from components.charts.heatmap import (
    HEATMAP_TEXT_MIN_CELL_PX,
    cells_hold_numbers,
    heatmap_height,
    legend_margin,
    level_heatmap,
    levels_in_cells,
    short_domain_name,
)
from components.charts.row_names import row_px
from components.charts.text_width import text_width
from components.framework.palette import (
    NOT_ASSESSED_COLOUR,
    NOT_ASSESSED_LABEL,
    domain_colours,
    level_colours,
)
from tests.charts.frames import (
    DOMAIN_NAMES,
    FW,
    NAN,
    framework_with_scale,
    heatmap_frames,
    written_cells,
)


def colour_at(colorscale: Sequence[Sequence[object]], position: float) -> str:
    """The colour a (stepped) plotly colorscale gives at ``position`` in [0, 1]."""
    stops = [(float(p), str(c)) for p, c in colorscale]
    for (low, low_colour), (high, high_colour) in itertools.pairwise(stops):
        if low <= position <= high and high > low:
            assert low_colour == high_colour, "a stepped colorscale never blends within a step"
            return low_colour
    raise AssertionError(f"{position} is outside the colorscale")


def test_heatmap_values_and_discrete_colours():
    levels, evidence, labels = heatmap_frames(6)
    figure = level_heatmap(levels, evidence, labels, FW)
    heatmap = figure.data[0]
    assert isinstance(heatmap, go.Heatmap)
    assert list(heatmap.x) == [c.number for c in FW.capabilities]
    z = np.array(heatmap.z, dtype=float)
    values = levels.to_numpy()
    sentinel = FW.scale.minimum - 1
    assert np.array_equal(z[~np.isnan(values)], values[~np.isnan(values)])
    assert (z[np.isnan(values)] == sentinel).all()
    assert np.isnan(values).any(), "the fixture must have missing cells"

    # Every integer level lands in the middle of a step that has exactly its colour.
    span = heatmap.zmax - heatmap.zmin
    expected = {sentinel: NOT_ASSESSED_COLOUR, **level_colours(FW.scale)}
    for value, colour in expected.items():
        assert colour_at(heatmap.colorscale, (value - heatmap.zmin) / span) == colour
        for nudge in (-0.45, 0.45):  # anywhere in the step, not only at its centre
            assert colour_at(heatmap.colorscale, (value + nudge - heatmap.zmin) / span) == colour
    colourbar = heatmap.colorbar
    assert list(colourbar.tickvals) == [sentinel, *FW.scale.values]
    assert list(colourbar.ticktext) == [
        NOT_ASSESSED_LABEL,
        *(f"{lvl.value} · {lvl.label}" for lvl in FW.scale.levels),
    ]


@pytest.mark.parametrize("values", [[0, 1, 2], [1, 2, 3, 4, 5, 6, 7]])
def test_heatmap_colorscale_for_other_scales(values):
    framework = framework_with_scale(values)
    levels = pd.DataFrame(
        [[float(values[i % len(values)]) for i in range(21)]], index=["a"], columns=range(1, 22)
    )
    levels.iloc[0, 0] = NAN
    figure = level_heatmap(levels, levels.astype(object).map(lambda _: ""), {"a": "A"}, framework)
    heatmap = figure.data[0]
    span = heatmap.zmax - heatmap.zmin
    colours = {values[0] - 1: NOT_ASSESSED_COLOUR, **level_colours(framework.scale)}
    for value, colour in colours.items():
        assert colour_at(heatmap.colorscale, (value - heatmap.zmin) / span) == colour


def test_heatmap_hover_escapes_wraps_and_truncates_evidence():
    levels, evidence, labels = heatmap_frames(2)
    levels.loc["id-0", 7] = 2.0
    levels.loc["id-1", 7] = NAN
    evidence.loc["id-0", 7] = "<script>alert('x')</script> " + "Linked to ICSE. " * 30
    labels["id-0"] = "Arvenia <i>2023</i>"
    figure = level_heatmap(levels, evidence, labels, FW)
    heatmap = figure.data[0]
    row, missing = heatmap.customdata[0][6], heatmap.customdata[1][6]
    assert row[0] == "Arvenia &lt;i&gt;2023&lt;/i&gt;"
    assert row[1] == "7 · Access to Image Databases"
    assert row[2] == "2 · Developing"
    assert "<script>" not in row[3]
    assert "&lt;script&gt;" in row[3]
    assert "<br>" in row[3]
    assert row[3].endswith("…")
    visible = re.sub(r"&\w+;", "x", row[3].replace("<br>", " ").removeprefix("Evidence: "))
    assert len(visible) <= 205
    assert missing[2] == NOT_ASSESSED_LABEL
    assert "%{customdata[3]}" in heatmap.hovertemplate
    assert "Arvenia &lt;i&gt;2023&lt;/i&gt;" in figure.layout.yaxis.ticktext


@pytest.mark.parametrize("rows", [0, 1, 2, 12, 40, 41, 80, 120, 200, 240])
def test_heatmap_height_grows_with_rows_and_stays_readable(rows):
    levels, evidence, labels = heatmap_frames(rows)
    figure = level_heatmap(levels, evidence, labels, FW)
    height = figure.layout.height
    assert 320 <= height <= 4000
    assert height == heatmap_height(rows)
    if rows:
        assert height >= heatmap_height(rows - 1)
        assert (height - 120) / rows >= 16 or (height == 4000 and 4000 / rows >= 18)
    heatmap = figure.data[0]
    assert heatmap.type == "heatmap"
    written = written_cells(figure)
    cell_px = (height - 120) / max(rows, 1)
    if rows and cell_px >= HEATMAP_TEXT_MIN_CELL_PX:  # every cell says its level
        assert levels_in_cells(figure)
        assert len(written) == rows * len(FW.capabilities)
        texts = [text for text, _ in written.values()]
        assert "–" in texts or not levels.isna().any().any()
    else:  # cells too small to read numbers in
        assert not levels_in_cells(figure)
        assert not written
        assert len(figure.data) == 1
    json.loads(figure.to_json())


def test_heatmap_rows_keep_their_order_and_never_merge():
    levels, evidence, _ = heatmap_frames(3)
    labels = {"id-0": "Same", "id-1": "Same", "id-2": "Other"}
    figure = level_heatmap(levels, evidence, labels, FW)
    heatmap = figure.data[0]
    assert list(heatmap.y) == [0, 1, 2]
    assert list(figure.layout.yaxis.ticktext) == ["Same", "Same", "Other"]
    assert list(figure.layout.yaxis.range) == [2.5, -0.5]  # first row at the top


def test_heatmap_groups_capabilities_by_domain():
    figure = level_heatmap(*heatmap_frames(3), FW)
    separators = [s for s in figure.layout.shapes if s.name == "domain-separator"]
    assert len(separators) == len(FW.domains) - 1
    assert sorted(s.x0 for s in separators) == [3.5, 7.5, 11.5, 15.5, 19.5]
    bands = [s for s in figure.layout.shapes if s.name == "domain-header"]
    assert [b.fillcolor for b in bands] == list(domain_colours(FW).values())
    headers = [a.text for a in figure.layout.annotations]
    # Short row names leave the columns room for longer names (plotly shows "&amp;" as "&").
    assert headers[:2] == ["Policy &amp; Gov.", "Criminal Justice"]
    assert [a.hovertext for a in figure.layout.annotations] == [
        n.replace("&", "&amp;") for n in DOMAIN_NAMES
    ]
    assert list(figure.layout.xaxis.ticktext) == [str(c.number) for c in FW.capabilities]


def test_heatmap_accepts_capability_columns_as_text_and_missing_columns():
    levels, evidence, labels = heatmap_frames(2)
    levels = levels.drop(columns=[21])
    levels.columns = [str(c) for c in levels.columns]
    figure = level_heatmap(levels, evidence, labels, FW)
    heatmap = figure.data[0]
    assert len(heatmap.z[0]) == 21
    assert heatmap.z[0][20] == FW.scale.minimum - 1  # the absent capability is "not assessed"


@pytest.mark.parametrize(
    ("name", "columns", "short"),
    [
        ("Policy and Governance", 3, "Pol. & Gov."),
        ("Media and Communications", 2, "Media"),
        ("Media and Communications", 4, "Media & Com."),
        ("Criminal Justice", 4, "Criminal Justice"),
        ("Victim", 1, "Vic."),
        ("Victim", 4, "Victim"),
    ],
)
def test_short_domain_names(name, columns, short):
    assert short_domain_name(name, columns) == short


@pytest.mark.parametrize(
    ("name", "columns", "column_px", "short"),
    [
        ("Criminal Justice", 4, 40, "Criminal Justice"),
        ("Criminal Justice", 4, 23, "Cri. Justice"),
        ("Policy and Governance", 3, 23, "Pol. & Gov."),
        ("Policy and Governance", 3, 19, "Policy"),
        ("Media and Communications", 2, 60, "Media & Com."),
        ("Media and Communications", 2, 90, "Media & Communications"),
    ],
)
def test_short_domain_names_fit_the_columns_in_pixels(name, columns, column_px, short):
    assert short_domain_name(name, columns, column_px=column_px) == short


@pytest.mark.parametrize("label", ["Arvenia 2023", "A country with a very long name indeed 2024"])
def test_domain_names_fit_their_bands_beside_any_row_names(label):
    levels, evidence, _ = heatmap_frames(2)
    labels = {"id-0": label, "id-1": label}
    figure = level_heatmap(levels, evidence, labels, FW)
    # The grid on the narrowest chart drawn beside the sidebar (1280x720: 820 px wide).
    left = figure.layout.margin.l
    legend = 96.4 + 34 + 16  # the widest level name, its bar and gaps, the right margin
    column_px = (820 - left - legend) / 21
    for annotation, band in zip(
        figure.layout.annotations,
        [s for s in figure.layout.shapes if s.name == "domain-header"],
        strict=True,
    ):
        shown = html.unescape(annotation.text)
        assert text_width(shown, TICK_FONT_SIZE) <= (band.x1 - band.x0) * column_px, shown


@pytest.mark.parametrize(
    ("names", "narrow", "margin"),
    [
        # plotly's own fit in Chromium for this name was 190 px: 14 px beyond its text.
        (["Calderra 2024 (Second review)", "Ab"], False, 192),
        (["Ab", "Cd"], False, 30),  # "Cd" is 15.9 px wide
        # On a phone the name takes two lines; the wider, "(Second review)", is 93.9 px.
        (["Calderra 2024 (Second review)", "Ab"], True, 108),
    ],
)
def test_heatmap_starts_its_left_margin_as_wide_as_the_row_names_need(names, narrow, margin):
    """plotly widens a margin too narrow for the row names by drawing the chart twice; the
    margin starts as wide as they need."""
    levels, evidence, _ = heatmap_frames(2)
    figure = level_heatmap(
        levels, evidence, dict(zip(["id-0", "id-1"], names, strict=True)), FW, narrow=narrow
    )
    assert figure.layout.margin.l == margin
    assert figure.layout.yaxis.automargin  # still on: a name wider than estimated still fits


@pytest.mark.parametrize(
    ("labels", "margin"),
    [
        # The bar's 15 px on each side, its 18 px, plotly's 12 px, the widest label (85.8 px
        # for "0 · Not in place"), and a pixel to spare: in Chromium plotly kept 147.
        (["Not assessed", "0 · Not in place", "4 · Mature"], 147),
        (["Not assessed"], 138),  # 76.4 px
        ([], 61),
    ],
)
def test_the_margin_beside_the_grid_fits_the_colour_bar(labels, margin):
    assert legend_margin(labels) == margin


@pytest.mark.parametrize("narrow", [False, True])
def test_the_colour_bar_has_its_room_from_the_start(narrow):
    levels, evidence, labels = heatmap_frames(4)
    figure = level_heatmap(levels, evidence, labels, FW, narrow=narrow)
    colourbar = figure.data[0].colorbar
    if narrow:  # under the grid, in the room the bottom margin keeps for it
        assert colourbar.orientation == "h"
        assert figure.layout.margin.r == 16
    else:  # beside the grid, at its edge, in a margin made for its labels
        assert (colourbar.x, colourbar.xanchor) == (1, "left")
        assert figure.layout.margin.r == legend_margin(list(colourbar.ticktext))


@pytest.mark.parametrize(
    ("height_px", "width_px", "written"),
    [
        (28, 22, True),  # a 1280x720 screen with the sidebar open, up to about 140 rows
        (19.4, 22, True),  # 200 rows in the tallest figure
        (16, 22, False),  # 240 rows: too low for a 14 px number
        (28, 12, False),  # too narrow
    ],
)
def test_numbers_are_written_in_cells_that_hold_them(height_px, width_px, written):
    assert cells_hold_numbers(height_px, width_px) is written


@pytest.mark.parametrize("rows", [8, 80, 137])
def test_many_rows_keep_their_numbers_and_their_domain_names(rows):
    """80 rounds of 30 countries: the cells are as tall as the demo's 8 rows, so they say
    their level; and every domain is named above its columns, whatever the figure's height."""
    levels, evidence, labels = heatmap_frames(rows)
    figure = level_heatmap(levels, evidence, labels, FW)
    assert levels_in_cells(figure)
    assert len(written_cells(figure)) == rows * len(FW.capabilities)
    headers = [a for a in figure.layout.annotations if a.hovertext]
    assert [html.unescape(a.hovertext) for a in headers] == DOMAIN_NAMES
    assert all(a.text and a.yref == "paper" and a.y == 1 for a in headers)
    # Each name lies in the band above the capability numbers, inside the top margin.
    for annotation in headers:
        assert 0 < annotation.yshift < figure.layout.margin.t - TICK_FONT_SIZE
    bands = [s for s in figure.layout.shapes if s.name == "domain-header"]
    assert len(bands) == len(DOMAIN_NAMES)
    assert all(b.ysizemode == "pixel" and b.y1 - b.y0 >= 24 for b in bands)


# Names longer than a desk's or a phone's share of the width: the example of the brief, an
# invented country as long as the longest real ones, a source added to tell two apart.
LONG_NAMES = [
    "Democratic Republic of the Congo 2024 (Second review)",
    "Democratic Republic of the Congo 2024 (Baseline)",
    "Sovereign Republic of the Yland Archipelago 2023 (Mid-term review)",
    "Saint Vincent and the Grenadines 2022",
    "Kenya 2023 · Kenya return.xlsx › Assessment",
    "Kenya 2023",
]
# The same names for 36 countries: more rows than a projector shows at once.
MANY_LONG_NAMES = [f"{name} {n}" for n in range(6) for name in LONG_NAMES]


def axis_names(figure: go.Figure) -> list[list[str]]:
    """The rows' names on the axis, each as the lines it is drawn on, as people read them."""
    return [html.unescape(tick).split("<br>") for tick in figure.layout.yaxis.ticktext]


@pytest.mark.parametrize("names", [LONG_NAMES, MANY_LONG_NAMES], ids=["6 rows", "36 rows"])
@pytest.mark.parametrize("narrow", [False, True], ids=["desk", "phone"])
def test_every_row_name_is_on_the_axis_whole_in_lines_of_whole_words(names, narrow):
    levels, evidence, _ = heatmap_frames(len(names))
    labels = dict(zip(levels.index, names, strict=True))
    figure = level_heatmap(levels, evidence, labels, FW, narrow=narrow)
    shown = axis_names(figure)
    assert [" ".join(lines) for lines in shown] == names  # nothing cut, nothing left out
    for name, lines in zip(names, shown, strict=True):
        assert 1 <= len(lines) <= 3
        # Broken only where a space was: each line is a run of the name's whole words.
        assert all(line == line.strip() and f" {line} " in f" {name} " for line in lines)
    # The margin holds the widest line, and stays within its share of the narrowest chart
    # (820 px beside a desk's sidebar, 328 px on a phone), leaving the grid the rest: 0.34
    # (0.4 on a phone), up to 0.45 (0.55) for a name three lines of that do not hold.
    widest = max(text_width(line, TICK_FONT_SIZE) for lines in shown for line in lines)
    margin = figure.layout.margin.l
    assert widest + 10 <= margin <= widest + 20
    assert margin <= (0.55 * 328 if narrow else 0.45 * 820) + 14
    # Each row is tall enough for its lines (14 px text, lines 1.3 em apart, air between).
    lines = max(len(lines) for lines in shown)
    assert lines > 1
    rows_px = (figure.layout.height - 120) / len(names)
    assert rows_px >= row_px(lines, TICK_FONT_SIZE) >= lines * 1.3 * TICK_FONT_SIZE
    # The hover has each name whole, as before.
    assert [html.unescape(row[0][0]) for row in figure.data[0].customdata] == names


def test_short_names_keep_one_line_and_the_rows_their_height():
    levels, evidence, labels = heatmap_frames(12)
    figure = level_heatmap(levels, evidence, labels, FW)
    assert all(len(lines) == 1 for lines in axis_names(figure))
    assert figure.layout.height == heatmap_height(12) == 120 + 28 * 12


@pytest.mark.parametrize(
    ("narrow", "lines"),
    [
        (False, ["Democratic Republic of the", "Congo 2024 (Second review)"]),
        (True, ["Democratic Republic", "of the Congo 2024", "(Second review)"]),
    ],
)
def test_a_long_name_is_wrapped_within_its_share_of_the_width(narrow, lines):
    levels, evidence, _ = heatmap_frames(2)
    labels = dict(
        zip(
            levels.index,
            ["Democratic Republic of the Congo 2024 (Second review)", "Kenya 2023"],
            strict=True,
        )
    )
    figure = level_heatmap(levels, evidence, labels, FW, narrow=narrow)
    assert axis_names(figure) == [lines, ["Kenya 2023"]]
    # Within the share (0.34 of a desk's 820 px, 0.4 of a phone's 328 px) and no wider than
    # the lines need.
    widest = max(text_width(line, TICK_FONT_SIZE) for line in lines)
    assert figure.layout.margin.l == math.ceil(widest + 14)
    assert widest <= (0.4 * 328 if narrow else 0.34 * 820)


def test_so_many_rows_that_they_are_low_keep_their_names_on_the_lines_they_hold():
    """200 rows with long names: the tallest figure gives each row 19 px, one line's room,
    so each name takes one line of a margin up to 0.45 of the chart, cut with "…" only when
    it is wider than that (the hover and the table have it whole)."""
    names = [f"{LONG_NAMES[n % 4]} {n}" for n in range(200)]
    levels, evidence, _ = heatmap_frames(len(names))
    figure = level_heatmap(levels, evidence, dict(zip(levels.index, names, strict=True)), FW)
    shown = axis_names(figure)
    assert figure.layout.height == 4000
    assert all(len(lines) == 1 for lines in shown)
    widest = 0.45 * 820
    assert figure.layout.margin.l <= widest + 14
    for name, (line,) in zip(names, shown, strict=True):
        if text_width(name, TICK_FONT_SIZE) <= widest:
            assert line == name
        else:
            assert line.endswith("…")
            assert name.startswith(line[:-1])
            assert text_width(line, TICK_FONT_SIZE) <= widest
    assert sum(lines[0] == name for lines, name in zip(shown, names, strict=True)) == 150


def test_names_as_wide_as_a_desk_s_share_leave_the_cells_their_numbers():
    """A name just within the share takes one line, and the grid beside it still writes the
    levels in the cells at the narrowest width (1280x720 with the sidebar open)."""
    levels, evidence, _ = heatmap_frames(2)
    name = "Independent Sovereign Republic of Calderra 24"  # 275.2 px of 278.8
    assert 0.33 * 820 < text_width(name, TICK_FONT_SIZE) <= 0.34 * 820
    figure = level_heatmap(
        levels, evidence, dict(zip(levels.index, [name, "Kenya"], strict=True)), FW
    )
    assert axis_names(figure)[0] == [name]
    assert levels_in_cells(figure)
