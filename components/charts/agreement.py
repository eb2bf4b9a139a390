"""How a room voted: the distribution of the votes on one capability, and every capability of
a workshop side by side.

Levels keep their colours (viridis, the same as every chart); "don't know" is a hatched
grey bar set apart on the right, so it is seen but never read as a level. The median is a
dashed line and the middle half a shaded band; the agreed level, once recorded, is outlined.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.base.text import count_of
from components.charts.common import (
    AXIS_TITLE_FONT,
    FONT_SIZE,
    NEUTRAL_COLOUR,
    TICK_FONT,
    common_layout,
    escape,
    wrap,
)
from components.charts.views import FigureView
from components.framework.model import Framework, Scale
from components.framework.palette import NOT_ASSESSED_COLOUR, level_colours
from components.scoring.agreement import (
    DONT_KNOW_LABEL,
    Agreement,
    agreement_word,
    median_text,
    spread_text,
)

DONT_KNOW_GAP = 1.5  # how far right of the top level the "don't know" bar stands
_OUTLINE = "#1A1A1A"


def dont_know_position(scale: Scale) -> float:
    """Where the "don't know" bar stands on the level axis."""
    return scale.maximum + DONT_KNOW_GAP


def distribution_figure(
    result: Agreement, scale: Scale, *, agreed: int | None = None, height: int = 420
) -> go.Figure:
    """Bars of the votes per level, "don't know" apart, the median and the middle half.

    ``agreed`` outlines the agreed level's bar. Counts are written on the bars. The y axis
    starts at 0 and has whole numbers only.
    """
    colours = level_colours(scale)
    figure = go.Figure()
    values = list(scale.values)
    counts = [result.distribution.get(value, 0) for value in values]
    top = max([*counts, result.dont_know, 1])
    if result.lower_quartile is not None and result.upper_quartile is not None:
        figure.add_vrect(
            x0=result.lower_quartile - 0.45,
            x1=result.upper_quartile + 0.45,
            fillcolor="#EEF2F6",
            line_width=0,
            layer="below",
        )
    figure.add_trace(
        go.Bar(
            x=values,
            y=counts,
            name="Votes",
            marker={
                "color": [colours[value] for value in values],
                "line": {
                    "color": _OUTLINE,
                    "width": [4 if value == agreed else 0 for value in values],
                },
            },
            text=[str(count) for count in counts],
            textposition="outside",
            textfont={"size": FONT_SIZE + 5},
            cliponaxis=False,
            customdata=[escape(f"{v} · {scale.level(v).label}") for v in values],
            hovertemplate="%{customdata}: %{y} votes<extra></extra>",
        )
    )
    figure.add_trace(
        go.Bar(
            x=[dont_know_position(scale)],
            y=[result.dont_know],
            name=DONT_KNOW_LABEL,
            marker={
                "color": NOT_ASSESSED_COLOUR,
                "pattern": {"shape": "/", "fgcolor": NEUTRAL_COLOUR, "size": 10},
            },
            text=[str(result.dont_know)],
            textposition="outside",
            textfont={"size": FONT_SIZE + 5},
            cliponaxis=False,
            hovertemplate=f"{DONT_KNOW_LABEL}: %{{y}} votes<extra></extra>",
        )
    )
    if result.median is not None:
        # Down from its label to the bars: to the count on the median's own bar (never through
        # the number), or to the axis between two bars.
        under = counts[values.index(result.median)] if result.median in values else None
        figure.add_shape(
            type="line",
            x0=result.median,
            x1=result.median,
            y0=0 if under is None else under + top * 0.17,
            y1=top * 1.45,
            line={"color": _OUTLINE, "width": 3, "dash": "dot"},
            layer="below",
        )
        figure.add_annotation(
            x=result.median,
            y=1,
            yref="paper",
            yanchor="bottom",
            text=f"Median {result.median:g}",
            showarrow=False,
            font={"size": FONT_SIZE + 2},
            bgcolor="rgba(255,255,255,0.85)",
        )
    figure.update_xaxes(
        tickmode="array",
        tickvals=[*values, dont_know_position(scale)],
        ticktext=[
            *(wrap(escape(f"{v} · {scale.level(v).label}"), 12) for v in values),
            DONT_KNOW_LABEL,
        ],
        tickfont={"size": FONT_SIZE + 1},
        range=[scale.minimum - 0.6, dont_know_position(scale) + 0.6],
        fixedrange=True,
    )
    figure.update_yaxes(
        range=[0, top * 1.45],
        dtick=max(1, round(top / 5)),
        tickfont=TICK_FONT,
        title={"text": "Votes", "font": AXIS_TITLE_FONT},
        fixedrange=True,
    )
    common_layout(figure, height=height, legend=False, margin={"t": 20, "b": 20, "l": 60, "r": 20})
    figure.update_layout(bargap=0.25)
    return figure


def distribution_caption(result: Agreement, scale: Scale) -> str:
    """What the distribution rests on and says, in one sentence for the screen."""
    parts = [
        f"{count_of(result.votes, 'vote')}: {result.counted} with a level, "
        f"{result.dont_know} “don't know” (left out of the median and the spread)."
    ]
    if result.counted:
        parts.append(f"Median {median_text(result, scale)}; {spread_text(result)}.")
    parts.append(f"{agreement_word(result)}.")
    return " ".join(parts)


def distribution_table(result: Agreement, scale: Scale) -> pd.DataFrame:
    """The distribution as a table: each level and "don't know" with its votes."""
    return pd.DataFrame(
        {
            "Level": [f"{v} · {scale.level(v).label}" for v in scale.values] + [DONT_KNOW_LABEL],
            "Votes": [result.distribution.get(v, 0) for v in scale.values] + [result.dont_know],
        }
    )


def distribution_view(
    result: Agreement, scale: Scale, *, agreed: int | None = None, height: int = 420
) -> FigureView:
    """The distribution figure with its caption and table alternative."""
    return FigureView(
        distribution_figure(result, scale, agreed=agreed, height=height),
        distribution_caption(result, scale),
        distribution_table(result, scale),
    )


def overview_figure(summary: pd.DataFrame, framework: Framework) -> go.Figure:
    """Every capability of a workshop as a horizontal bar of its votes, stacked by level
    ("don't know" last, hatched grey), in the workshop's order from the top.

    ``summary`` is ``scoring.agreement.summary_table``; a capability marked with "⚠" in its
    label is one the room disagreed on.
    """
    scale = framework.scale
    colours = level_colours(scale)
    labels = [
        wrap(escape(f"{'⚠ ' if flag else ''}{number} · {title}"), 34)
        for number, title, flag in zip(
            summary["capability"], summary["title"], summary["disagreement"], strict=True
        )
    ]
    figure = go.Figure()
    for position, value in enumerate(scale.values):
        figure.add_trace(
            go.Bar(
                y=labels,
                x=[int(counts[position]) for counts in summary["counts"]],
                orientation="h",
                name=escape(f"{value} · {scale.level(value).label}"),
                marker={"color": colours[value], "line": {"color": "#FFFFFF", "width": 1}},
                hovertemplate="%{y}<br>%{x} votes<extra>%{fullData.name}</extra>",
            )
        )
    figure.add_trace(
        go.Bar(
            y=labels,
            x=list(summary["dont_know"]),
            orientation="h",
            name=DONT_KNOW_LABEL,
            marker={
                "color": NOT_ASSESSED_COLOUR,
                "pattern": {"shape": "/", "fgcolor": NEUTRAL_COLOUR, "size": 8},
            },
            hovertemplate="%{y}<br>%{x} votes<extra>" + DONT_KNOW_LABEL + "</extra>",
        )
    )
    figure.update_layout(barmode="stack", legend_traceorder="normal")
    figure.update_yaxes(autorange="reversed", tickfont={"size": 13}, fixedrange=True)
    figure.update_xaxes(
        title={"text": "Votes", "font": AXIS_TITLE_FONT},
        tickfont=TICK_FONT,
        dtick=max(1, -(-int(summary["votes"].max() if len(summary) else 0) // 8)),
        rangemode="tozero",
        fixedrange=True,
    )
    common_layout(
        figure,
        height=max(260, 150 + 34 * len(summary)),
        legend=True,
        margin={"t": 70, "b": 50, "l": 280, "r": 20},
    )
    # The legend above the bars: below them it would meet the axis title when rows are few.
    figure.update_layout(legend={"y": 1.02, "yanchor": "bottom", "x": 0, "xanchor": "left"})
    return figure
