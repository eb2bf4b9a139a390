"""What every figure shares (fonts, legend, ui revision, empty input), and the hover texts.

Checked on one figure of each kind, on their data (trace types, values, text), not on pixels.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from components.charts.bars import domain_bars
from components.charts.common import UIREVISION, coverage_text, evidence_html
from components.charts.heatmap import level_heatmap
from components.charts.radar import capability_radar, domain_radar
from components.charts.trends import change_chart, trend_lines
from components.framework.palette import NOT_ASSESSED_LABEL
from tests.charts.frames import (
    FW,
    NAN,
    STATUS_CASES,
    capability_table,
    changes_frame,
    domain_scores,
    heatmap_frames,
    series,
    trend_frame,
)

FIGURES: dict[str, Callable[[], go.Figure]] = {
    "domain_radar": lambda: domain_radar(
        [
            series("Arvenia 2023", [2.0, 1.5, NAN, 3.0, 2.5, 1.0]),
            series("Arvenia 2021", [1.0, 1.0, 1.0, 2.0, 2.0, 0.5], "overlay"),
            series("Peer median (8 countries)", [2.0] * 6, "peer"),
        ],
        FW,
    ),
    "capability_radar": lambda: capability_radar(
        capability_table({4: 1, 5: 2, 7: 3}), FW, "criminal-justice"
    ),
    "capability_bars": lambda: capability_radar(
        capability_table({20: 0, 21: 3}), FW, "media-and-communications"
    ),
    "level_heatmap": lambda: level_heatmap(*heatmap_frames(5), FW),
    "domain_bars": lambda: domain_bars(
        domain_scores({"a": [1, 2, 3, NAN, 2, 1], "b": [2, 2, 2, 2, 2, 2]}),
        {"a": "Arvenia", "b": "Borland"},
        FW,
    ),
    "trend_lines": lambda: trend_lines(
        trend_frame([("r1", "2021", 0, [1, 1, 1, 1, NAN, 1]), ("r2", "2023", 1, [2] * 6)]), FW
    ),
    "change_chart": lambda: change_chart(changes_frame(STATUS_CASES), FW),
}


@pytest.mark.parametrize("kind", FIGURES)
def test_every_figure_is_projector_ready_and_serialises(kind):
    figure = FIGURES[kind]()
    layout = figure.layout
    white = pio.templates["plotly_white"]
    # plotly_white as far as a chart draws: its layout (but subplots no chart has) and its
    # defaults for every trace type in the figure.
    kept = layout.template.to_plotly_json()
    for name, value in white.layout.to_plotly_json().items():
        if name not in {"scene", "geo", "ternary", "mapbox", "map"}:
            assert kept["layout"][name] == value, name
    for trace in figure.data:
        assert kept["data"][trace.type] == white.to_plotly_json()["data"][trace.type]
    assert layout.uirevision == UIREVISION
    assert layout.font.size >= 15
    assert not (layout.title and layout.title.text), "pages give the heading, not the figure"
    assert layout.height
    assert layout.height >= 300
    for axis in [layout.xaxis, layout.yaxis]:
        if axis.tickfont and axis.tickfont.size is not None:
            assert axis.tickfont.size >= 14
        if axis.title and axis.title.text:
            assert axis.title.font.size >= 16
    if layout.polar and layout.polar.radialaxis.range:
        assert layout.polar.radialaxis.tickfont.size >= 14
        assert layout.polar.angularaxis.tickfont.size >= 14
    json.loads(figure.to_json())  # serialises without kaleido or a browser


@pytest.mark.parametrize("kind", FIGURES)
def test_multi_series_figures_have_a_horizontal_legend_below(kind):
    figure = FIGURES[kind]()
    if sum(1 for t in figure.data if t.showlegend is not False) > 1:
        assert figure.layout.showlegend
        assert figure.layout.legend.orientation == "h"
        legend = figure.layout.legend
        below_plot = legend.yref != "container" and legend.y < 0
        at_figure_foot = legend.yref == "container" and legend.y < 0.1
        assert below_plot or at_figure_foot


# --- empty input ----------------------------------------------------------------------------------


EMPTY: dict[str, Callable[[], go.Figure]] = {
    "domain_radar": lambda: domain_radar([], FW),
    "capability_radar": lambda: capability_radar(capability_table({}).iloc[0:0], FW, "victim"),
    "domain_bars": lambda: domain_bars(domain_scores({}), {}, FW),
    "trend_lines": lambda: trend_lines(trend_frame([]), FW),
    "change_chart": lambda: change_chart(changes_frame({}).iloc[0:0], FW),
    "level_heatmap": lambda: level_heatmap(*heatmap_frames(0), FW),
}


@pytest.mark.parametrize("kind", EMPTY)
def test_empty_input_gives_an_empty_but_valid_figure(kind):
    figure = EMPTY[kind]()
    json.loads(figure.to_json())
    for trace in figure.data:
        if trace.name == NOT_ASSESSED_LABEL:
            continue  # flags on the rim saying nothing was assessed: expected
        for attr in ("r", "y"):
            values = getattr(trace, attr, None)
            if values is not None and not isinstance(trace, go.Heatmap):
                assert all(v is None for v in values), f"{kind}: {trace.name} draws data"


# --- hover text -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("assessed", "total", "peer", "text"),
    [
        (3, 4, False, "3 of 4 capabilities assessed"),
        (0, 4, False, NOT_ASSESSED_LABEL),
        (1, None, False, "1 capability assessed"),
        (2, None, False, "2 capabilities assessed"),
        (8, None, True, "median of 8 assessments"),
        (1, None, True, "median of 1 assessment"),
        (None, 4, False, ""),
        (NAN, 4, False, ""),
    ],
)
def test_hover_says_what_a_score_rests_on(assessed, total, peer, text):
    assert coverage_text(assessed, total, peer=peer) == text


@pytest.mark.parametrize("evidence", [None, NAN, pd.NA, "", "  \n "])
def test_hover_without_evidence_says_so(evidence):
    assert evidence_html(evidence) == "No evidence recorded"


def test_hover_evidence_is_cut_with_an_ellipsis_wrapped_and_escaped():
    assert evidence_html("Linked  to\nICSE") == "Evidence: Linked to ICSE"
    text = evidence_html("<b>Strategy</b> " + "adopted in 2020 " * 20)
    assert text.startswith("Evidence: &lt;b&gt;Strategy&lt;/b&gt; adopted")
    lines = text.removeprefix("Evidence: ").split("<br>")
    shown = [line.replace("&lt;", "<").replace("&gt;", ">") for line in lines]
    assert len(shown) > 1
    assert all(len(line) <= 60 for line in shown)
    assert len(" ".join(shown)) <= 200
    assert shown[-1].endswith("…")
