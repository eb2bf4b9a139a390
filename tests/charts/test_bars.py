"""Grouped domain bars: the chosen order, no bar (and an "n/a") for a missing score."""

from __future__ import annotations

import plotly.graph_objects as go

from components.charts.bars import domain_bars
from components.framework.palette import DOMAIN_PALETTE, NOT_ASSESSED_LABEL
from tests.charts.frames import DOMAIN_NAMES, FW, NAN, domain_scores


def test_domain_bars_group_by_domain_with_no_bar_for_a_missing_score():
    scores = domain_scores({"b": [2, 2, 2, 2, 2, 2], "a": [1, 2, 3, NAN, 2.5, 0]})
    figure = domain_bars(scores, {"a": "Arvenia 2023", "b": "Borland 2024"}, FW)
    bars = [t for t in figure.data if isinstance(t, go.Bar)]
    assert [b.name for b in bars] == ["Arvenia 2023", "Borland 2024"]  # the labels' order
    arvenia = bars[0]
    assert list(arvenia.x) == DOMAIN_NAMES
    assert list(arvenia.y) == [1, 2, 3, None, 2.5, 0]
    assert [b.marker.color for b in bars] == list(DOMAIN_PALETTE[:2])
    assert len({b.marker.pattern.shape for b in bars}) == 2
    assert list(figure.layout.yaxis.range) == [0, FW.scale.maximum]
    assert figure.layout.barmode == "group"
    assert arvenia.customdata[0][2] == "2 of 3 capabilities assessed"
    # The value on the bar and in its hover round a half up, as every table does.
    assert list(arvenia.text) == ["1.0", "2.0", "3.0", None, "2.5", "0.0"]
    assert [row[3] for row in arvenia.customdata] == ["1.0", "2.0", "3.0", "–", "2.5", "0.0"]
    assert "Score: %{customdata[3]}" in arvenia.hovertemplate
    # "n/a" sits in Arvenia's slot at Societal, not as a zero bar.
    gaps = [
        t for t in figure.data if isinstance(t, go.Scatter) and t.offsetgroup == arvenia.offsetgroup
    ]
    (gap,) = gaps
    assert [t for t in gap.text if t] == ["n/a"]
    assert gap.x[list(gap.text).index("n/a")] == "Societal"
    assert NOT_ASSESSED_LABEL in gap.hovertemplate
    assert figure.layout.showlegend
    assert figure.layout.legend.orientation == "h"


def test_every_assessment_keeps_an_na_slot_while_any_score_is_missing():
    scores = domain_scores({"b": [2, 2, 2, 2, 2, 2], "a": [1, 2, 3, NAN, 2.5, 0]})
    figure = domain_bars(scores, {"a": "Arvenia 2023", "b": "Borland 2024"}, FW)
    # Borland's n/a trace is empty, but it keeps the slots in line with the bars.
    assert len([t for t in figure.data if isinstance(t, go.Scatter)]) == 2


def test_with_every_score_present_there_is_no_na_trace():
    scores = domain_scores({"b": [2, 2, 2, 2, 2, 2], "a": [1, 2, 3, 4, 2.5, 0]})
    figure = domain_bars(scores, {"a": "Arvenia 2023", "b": "Borland 2024"}, FW)
    assert [type(t) for t in figure.data] == [go.Bar, go.Bar]


def test_domain_bars_escape_labels():
    figure = domain_bars(domain_scores({"a": [1] * 6}), {"a": "<img src=x>"}, FW)
    assert figure.data[0].name == "&lt;img src=x&gt;"
