"""Grouped bars: the domain scores of several assessments side by side."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from components.base.numbers import score_text
from components.charts.common import (
    FONT_SIZE,
    NEUTRAL_COLOUR,
    TICK_FONT_SIZE,
    as_float,
    common_layout,
    coverage_text,
    domain_lookup,
    escape,
    score_axis,
    wrap,
)
from components.framework.model import Framework
from components.framework.palette import DOMAIN_PALETTE, NOT_ASSESSED_LABEL, text_colour_on

# Bars get a pattern each as well as a colour, so they are told apart in greyscale and by
# people who cannot tell the colours apart; the first has none.
_BAR_PATTERNS = ("", "/", "x", ".", "\\", "+", "-", "|")


def domain_bars(
    scores: pd.DataFrame,
    labels: Mapping[str, str],
    framework: Framework,
    *,
    horizontal: bool = False,
) -> go.Figure:
    """Domain scores side by side: one group per domain, one bar per assessment.

    ``horizontal`` (for a phone) lays the domains down the page, their names on the left
    and each value at the end of its bar, so neither has to squeeze into a narrow width.

    Assessments are in the order of ``labels`` (the order the person chose, not a ranking),
    then any others in ``scores`` in order of appearance. A domain without a score gets no
    bar and an "n/a" at the foot of its slot, so absence is visible and never looks like 0.
    """
    scale = framework.scale
    ids = _assessment_order(scores, labels)
    names = [domain.name for domain in framework.domains]
    lookup = domain_lookup(scores)
    # Beyond four bars per group (eight rows, lying down) the numbers crowd each other.
    show_values = len(ids) <= (8 if horizontal else 4)
    figure = go.Figure()
    gaps: list[go.Scatter] = []
    for index, assessment_id in enumerate(ids):
        label = escape(labels.get(assessment_id, str(assessment_id)))
        colour = DOMAIN_PALETTE[index % len(DOMAIN_PALETTE)]
        rows = [lookup.get((assessment_id, domain.id), {}) for domain in framework.domains]
        values = [as_float(row.get("score")) for row in rows]
        customdata = [
            [
                label,
                escape(domain.name),
                coverage_text(row.get("assessed"), row.get("total")),
                score_text(value),
            ]
            for domain, row, value in zip(framework.domains, rows, values, strict=True)
        ]
        group = f"assessment-{index}"
        figure.add_trace(
            go.Bar(
                **_placed(names, values, horizontal),
                name=label,
                offsetgroup=group,
                marker={
                    "color": colour,
                    "pattern": {
                        "shape": _BAR_PATTERNS[index % len(_BAR_PATTERNS)],
                        "fgcolor": text_colour_on(colour),
                        "fillmode": "overlay",
                        "size": 9,
                        "solidity": 0.3,
                    },
                },
                text=(
                    [None if v is None else score_text(v) for v in values] if show_values else None
                ),
                textposition="outside",
                textfont={"size": TICK_FONT_SIZE},
                # Values keep their size: plotly would otherwise shrink them to the bar's width.
                constraintext="none",
                cliponaxis=False,
                customdata=customdata,
                hovertemplate=(
                    "<b>%{customdata[0]}</b><br>%{customdata[1]}<br>Score: %{customdata[3]}"
                    "<br>%{customdata[2]}<extra></extra>"
                ),
            )
        )
        # One "n/a" trace per assessment, even an empty one: scatter traces are grouped like
        # the bars (scattermode="group"), so the n-th text lands in the n-th bar's slot.
        gaps.append(
            go.Scatter(
                **_placed(names, [0 if v is None else None for v in values], horizontal),
                mode="text",
                text=["n/a" if v is None else None for v in values],
                textposition="middle right" if horizontal else "top center",
                textfont={"size": TICK_FONT_SIZE, "color": NEUTRAL_COLOUR},
                offsetgroup=group,
                name=f"{label}: not assessed",
                showlegend=False,
                cliponaxis=False,
                customdata=customdata,
                hovertemplate=(
                    f"<b>%{{customdata[0]}}</b><br>%{{customdata[1]}}<br>{NOT_ASSESSED_LABEL}"
                    "<extra></extra>"
                ),
            )
        )
    # When no domain lacks a score, the n/a traces would all be empty: left out, they spare
    # the browser a fifth of the chart's drawing.
    if any(text is not None for gap in gaps for text in gap.text):
        for gap in gaps:
            figure.add_trace(gap)
    figure.update_layout(barmode="group", scattermode="group", bargap=0.25, bargroupgap=0.05)
    category_axis = {
        "type": "category",
        "categoryorder": "array",
        "categoryarray": names,
        "tickmode": "array",
        "tickvals": names,
        "ticktext": [wrap(escape(n), 12 if horizontal else 14) for n in names],
        "tickfont": {"size": FONT_SIZE},
    }
    if horizontal:
        figure.update_yaxes(**category_axis, autorange="reversed", automargin=True)
        score_axis(figure, scale, axis="x")
        # A row of bars per assessment in each domain, and room for the legend below.
        height = 120 + len(names) * (24 * len(ids) + 24) + (28 * len(ids) if len(ids) > 1 else 0)
        common_layout(
            figure,
            height=height,
            legend=len(ids) > 1,
            legend_y=-60 / height - 0.02,
            margin={"t": 20, "b": 60, "l": 8, "r": 36},
        )
    else:
        figure.update_xaxes(**category_axis)
        score_axis(figure, scale)
        common_layout(figure, height=520, legend=len(ids) > 1, legend_y=-0.2)
    return figure


def _placed(names: list[str], values: list[Any], horizontal: bool) -> dict[str, Any]:
    """A trace's coordinates: domains along x and values up (or, horizontal, the other way)."""
    if horizontal:
        return {"x": values, "y": names, "orientation": "h"}
    return {"x": names, "y": values}


def _assessment_order(scores: pd.DataFrame, labels: Mapping[str, str]) -> list[Any]:
    """The ids in ``labels`` order, then any others in ``scores`` in order of appearance."""
    present = list(dict.fromkeys(scores["assessment_id"])) if not scores.empty else []
    ordered = [i for i in labels if i in set(present)]
    return ordered + [i for i in present if i not in set(ordered)]
