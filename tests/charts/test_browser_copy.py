"""The figure the browser gets: its template written out, and a revision of its content.

That plotly.js draws the copy as it drew the original is checked in Chromium, for every kind of
chart, in ``tests/browser/test_browser_copy.py``; here, what the copy holds.
"""

from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
import pytest

from components.charts.browser_copy import browser_copy
from components.charts.common import common_layout
from components.charts.heatmap import level_heatmap
from tests.charts.frames import FW, heatmap_frames
from tests.charts.test_common import EMPTY, FIGURES


def spec(figure: go.Figure) -> dict:
    return json.loads(figure.to_json())


def charted(*traces, **layout) -> go.Figure:
    """A figure as the charts make them: the screen template, then the chart's own layout."""
    figure = go.Figure(list(traces))
    common_layout(figure, height=400, legend=False)
    figure.update_layout(**layout)
    return figure


@pytest.mark.parametrize("kind", [*FIGURES, *(f"empty {k}" for k in EMPTY)])
def test_the_copy_has_no_template_and_leaves_the_figure_as_it_was(kind):
    make = EMPTY[kind.removeprefix("empty ")] if kind.startswith("empty ") else FIGURES[kind]
    figure = make()
    before = figure.to_json()
    copy = spec(browser_copy(figure))
    assert copy["layout"]["template"] is None  # "none" to plotly.js, in both hand-overs
    assert copy["layout"]["datarevision"]
    assert figure.to_json() == before
    assert spec(figure)["layout"]["template"]["layout"]["font"] == {"color": "#2a3f5f"}


def test_the_revision_is_the_same_for_the_same_figure_and_changes_with_anything_in_it():
    levels, evidence, labels = heatmap_frames(5)
    first = spec(browser_copy(level_heatmap(levels, evidence, labels, FW)))
    again = spec(browser_copy(level_heatmap(levels, evidence, labels, FW)))
    assert first["layout"]["datarevision"] == again["layout"]["datarevision"]

    changed_level = levels.copy()
    changed_level.iat[0, 0] = 4 if changed_level.iat[0, 0] != 4 else 3
    renamed = {**labels, next(iter(labels)): "Renamed 2020"}  # a tick text, in the layout
    for other in (
        level_heatmap(changed_level, evidence, labels, FW),
        level_heatmap(levels, evidence, renamed, FW),
    ):
        revision = spec(browser_copy(other))["layout"]["datarevision"]
        assert revision != first["layout"]["datarevision"]


# Figures whose templating the copy does not mirror keep their template (drawn as before).
KEEPS_TEMPLATE = {
    "another trace type": lambda: charted(go.Pie(values=[1, 2])),
    "markers coloured by numbers": lambda: charted(
        go.Scatterpolar(r=[1, 2, 3], theta=["a", "b", "c"], marker={"color": [1, 2, 3]})
    ),
    "markers coloured by a numpy array": lambda: charted(
        go.Scatter(x=[1, 2], y=[1, 2], marker={"color": np.array([1.0, 2.0])})
    ),
    "a shared colour axis": lambda: charted(
        go.Scatter(x=[1], y=[1], marker={"color": [1], "coloraxis": "coloraxis"})
    ),
    "an annotation on an axis no trace draws on": lambda: charted(
        go.Scatter(x=[1], y=[1]), annotations=[{"text": "a", "x": 1, "y": 1, "yref": "y2"}]
    ),
}


@pytest.mark.parametrize("kind", KEEPS_TEMPLATE)
def test_what_it_does_not_mirror_keeps_its_template(kind):
    copy = spec(browser_copy(KEEPS_TEMPLATE[kind]()))
    assert copy["layout"]["template"]["layout"]["font"] == {"color": "#2a3f5f"}
    assert copy["layout"]["datarevision"]


def test_frames_go_with_the_copy():
    figure = charted(go.Scatter(x=[1], y=[1]))
    figure.frames = [go.Frame(data=[go.Scatter(x=[2], y=[2])], name="later")]
    assert spec(browser_copy(figure))["frames"][0]["name"] == "later"


# What plotly.js does with a template, as the copy writes it out. plotly_white's values:
# text #2a3f5f, grid and axis lines #EBF0F8, bar outlines white.
WRITTEN_OUT = [
    ("the template's layout", charted(go.Scatter(x=[1], y=[1])), "font.color", "#2a3f5f"),
    (
        "under the figure's own values",
        charted(go.Scatter(x=[1], y=[1]), font={"color": "#111111"}),
        "font.color",
        "#111111",
    ),
    ("a value axis's grid", charted(go.Bar(x=["a"], y=[1])), "yaxis.gridcolor", "#EBF0F8"),
    ("its grid is on", charted(go.Bar(x=["a"], y=[1])), "yaxis.showgrid", True),
    ("no grid along bars", charted(go.Bar(x=["a"], y=[1])), "xaxis.showgrid", False),
    (
        "no grid along lying bars",
        charted(go.Bar(x=[1], y=["a"], orientation="h")),
        "yaxis.showgrid",
        False,
    ),
    ("bars given x alone lie: no grid along", charted(go.Bar(x=[1, 2])), "yaxis.showgrid", False),
    ("bars given x alone lie: grid across", charted(go.Bar(x=[1, 2])), "xaxis.showgrid", True),
    ("no axis line unless asked", charted(go.Scatter(x=[1], y=[1])), "xaxis.showline", False),
    (
        "an axis line asked for, in the template's colour",
        charted(go.Scatter(x=[1], y=[1]), xaxis={"showline": True}),
        "xaxis.linecolor",
        "#EBF0F8",
    ),
    (
        "every x axis",
        charted(go.Scatter(x=[1], y=[1], xaxis="x2"), xaxis2={"side": "top"}),
        "xaxis2.gridcolor",
        "#EBF0F8",
    ),
    (
        "a polar axis's line",
        charted(go.Scatterpolar(r=[1, 2], theta=["a", "b"])),
        "polar.angularaxis.linecolor",
        "#EBF0F8",
    ),
    ("a trace's defaults", charted(go.Bar(x=["a"], y=[1])), "0.marker.line.color", "white"),
    (
        "no colour bar for markers without a colour scale",
        charted(go.Scatterpolar(r=[1, 2], theta=["a", "b"])),
        "0.marker",
        None,
    ),
    (
        "a heatmap's colour bar, under its own",
        charted(go.Heatmap(z=[[1]], colorbar={"thickness": 18})),
        "0.colorbar",
        {"outlinewidth": 0, "ticks": "", "thickness": 18},
    ),
    (
        "each annotation",
        charted(go.Scatter(x=[1], y=[1]), annotations=[{"text": "a", "x": 1, "y": 1}]),
        "annotations.0.arrowcolor",
        "#2a3f5f",
    ),
]


@pytest.mark.parametrize(
    ("figure", "path", "expected"),
    [case[1:] for case in WRITTEN_OUT],
    ids=[case[0] for case in WRITTEN_OUT],
)
def test_the_template_is_written_under_the_figure(figure, path, expected):
    copy = spec(browser_copy(figure))
    first, *rest = path.split(".")
    value = copy["data"][int(first)] if first.isdigit() else copy["layout"][first]
    for key in rest:
        value = value[int(key)] if key.isdigit() else value.get(key)
    assert value == expected
