"""Over time: a country's domain scores across rounds, and each capability between two rounds."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from components.base.numbers import score_text
from components.base.text import shorten
from components.charts.common import (
    AXIS_TITLE_FONT,
    FONT_SIZE,
    NARROW_FONT_SIZE,
    NEUTRAL_COLOUR,
    TICK_FONT,
    TICK_FONT_SIZE,
    as_float,
    common_layout,
    coverage_text,
    domain_lookup,
    escape,
    score_axis,
    wrap,
)
from components.framework.model import Framework, Scale
from components.framework.palette import DOMAIN_PALETTE, NOT_ASSESSED_COLOUR, domain_colours
from components.scoring.tables import level_text

# The change chart colours its lines by what happened. Improved and declined are the
# Okabe-Ito bluish green and vermillion (safe for colour-blindness, and the direction is also
# shown by the marker's shape); "unchanged" is a quiet grey.
STATUS_COLOURS: dict[str, str] = {
    "improved": "#009E73",
    "unchanged": "#999999",
    "declined": "#D55E00",
    "newly assessed": DOMAIN_PALETTE[0],  # Okabe-Ito blue: new information, neither good nor bad
    "no longer assessed": NEUTRAL_COLOUR,
    "not assessed": NOT_ASSESSED_COLOUR,
}
_STATUS_LABELS = {
    "improved": "Improved",
    "unchanged": "Unchanged",
    "declined": "Declined",
    "newly assessed": "Newly assessed",
    "no longer assessed": "No longer assessed",
    "not assessed": "Not assessed in either round",
}
# Trend lines: one symbol and one dash per domain, so that the lines are told apart without
# colour. The dash matters where lines run on top of each other (equal scores): Criminal
# Justice and Media and Communications are Okabe-Ito orange and vermillion, close on a
# projector, and a solid line drawn over a dashed one still shows both. The palette stays the
# same as on every other page.
_DOMAIN_SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "star", "cross")
DOMAIN_DASHES = ("solid", "solid", "dash", "dot", "dashdot", "dash", "longdash")
# A phone's change chart: capability labels cut to this many characters (the hover and the
# table keep the whole name), so the grid of levels gets most of the width.
NARROW_CHANGE_LABEL_CHARS = 20
_YEAR = re.compile(r"\b(\d{4})\b")


def trend_lines(trend: pd.DataFrame, framework: Framework, *, narrow: bool = False) -> go.Figure:
    """One line per domain across rounds (x in the rounds' ``order``), gaps where no score.

    ``narrow`` (a phone): the round labels are the year over a short name, level and whole
    (the hover names the round), no axis title sits over the legend, and the plot keeps the
    width, as the legend is below it.
    """
    scale = framework.scale
    round_ids: list[Any] = []
    round_labels: list[str] = []
    if not trend.empty:
        rounds = trend.drop_duplicates("assessment_id").sort_values("order", kind="stable")
        round_ids = list(rounds["assessment_id"])
        round_labels = _unique_texts([escape(label) for label in rounds["label"]])
    lookup = domain_lookup(trend)
    colours = domain_colours(framework)
    figure = go.Figure()
    for index, domain in enumerate(framework.domains):
        rows = [lookup.get((assessment_id, domain.id), {}) for assessment_id in round_ids]
        values = [as_float(row.get("score")) for row in rows]
        figure.add_trace(
            go.Scatter(
                x=round_labels,
                y=values,
                name=escape(domain.name),
                mode="lines+markers",
                connectgaps=False,
                line={
                    "color": colours[domain.id],
                    "width": 3,
                    "dash": DOMAIN_DASHES[index % len(DOMAIN_DASHES)],
                },
                marker={
                    "color": colours[domain.id],
                    "size": 12,
                    "symbol": _DOMAIN_SYMBOLS[index % len(_DOMAIN_SYMBOLS)],
                },
                cliponaxis=False,
                customdata=[
                    [
                        escape(domain.name),
                        label,
                        coverage_text(row.get("assessed"), row.get("total")),
                        score_text(value),
                    ]
                    for label, row, value in zip(round_labels, rows, values, strict=True)
                ],
                hovertemplate=(
                    "<b>%{customdata[0]}</b><br>%{customdata[1]}<br>Score: %{customdata[3]}"
                    "<br>%{customdata[2]}<extra></extra>"
                ),
            )
        )
    figure.update_xaxes(
        type="category",
        categoryorder="array",
        categoryarray=round_labels,
        tickfont={"size": FONT_SIZE},
        title={"text": "Round", "font": AXIS_TITLE_FONT},
    )
    score_axis(figure, scale)
    if not narrow:
        common_layout(figure, height=500, legend=True, legend_y=-0.22)
        return figure
    figure.update_xaxes(
        tickmode="array",
        tickvals=round_labels,
        ticktext=narrow_round_ticks(round_labels),
        tickangle=0,
        tickfont={"size": NARROW_FONT_SIZE},
        title=None,
    )
    figure.update_yaxes(title={"text": "Score (mean level)", "font": {"size": NARROW_FONT_SIZE}})
    common_layout(
        figure,
        height=560,
        legend=True,
        legend_y=-0.16,
        margin={"t": 20, "b": 20, "l": 50, "r": 16},
    )
    return figure


def narrow_round_ticks(labels: Sequence[str]) -> list[str]:
    """Round labels for a phone: the year, and under it the rest of the label cut short.

    "2021 (First review)" becomes "2021<br>First review"; the more rounds, the shorter the
    second line (none when there are more than five), so neighbours never meet or tilt.
    """
    chars = 0 if len(labels) > 5 else 39 // max(len(labels), 1)
    ticks = []
    for label in (html.unescape(text) for text in labels):
        found = _YEAR.search(label)
        if found is None:
            ticks.append(escape(shorten(label, max(chars, 6))))
            continue
        rest = (label[: found.start()] + label[found.end() :]).strip(" ()·-–,")
        rest = rest.replace("(", "").replace(")", "").strip()
        second = f"<br>{escape(shorten(rest, chars))}" if rest and chars else ""
        ticks.append(found.group(1) + second)
    return ticks


def change_chart(changes: pd.DataFrame, framework: Framework, *, narrow: bool = False) -> go.Figure:
    """Each capability's level in two rounds: hollow marker before, filled marker after.

    A line joins the two, coloured by what happened (improved, unchanged, declined); the filled
    marker points the way the level moved (a triangle right or left), so the direction reads
    without colour. A capability missing in one or both rounds gets a short note instead of
    a made-up line.

    ``narrow`` (a phone): capability names cut short on the axis (whole in the hover), the
    levels as numbers read across, so the grid gets most of the width; the caption says what
    the numbers mean.
    """
    scale = framework.scale
    rows = changes.reset_index(drop=True)
    labels = [
        escape(f"{int(number)} · {title}")
        for number, title in zip(rows["capability"], rows["title"], strict=True)
    ]
    befores = [as_float(v) for v in rows["level_before"]]
    afters = [as_float(v) for v in rows["level_after"]]
    statuses = [str(s) for s in rows["status"]]
    figure = go.Figure()

    for status, colour in STATUS_COLOURS.items():
        indices = [i for i, s in enumerate(statuses) if s == status]
        if status == "not assessed" or not indices:
            continue
        x: list[float | None] = []
        y: list[str | None] = []
        symbols: list[str] = []
        sizes: list[int] = []
        customdata: list[list[str]] = []
        for i in indices:
            hover = [
                labels[i],
                escape(level_text(befores[i], scale)),
                escape(level_text(afters[i], scale)),
                _change_text(status, befores[i], afters[i]),
            ]
            for value, symbol, size in (
                (befores[i], "circle-open", 15),
                (afters[i], _after_symbol(status), 17),
            ):
                if value is None:
                    continue
                x.append(value)
                y.append(labels[i])
                symbols.append(symbol)
                sizes.append(size)
                customdata.append(hover)
            # None separates one capability's segment from the next.
            x.append(None)
            y.append(None)
            symbols.append("circle")
            sizes.append(0)
            customdata.append(["", "", "", ""])
        figure.add_trace(
            go.Scatter(
                x=x,
                y=y,
                name=_STATUS_LABELS[status],
                mode="lines+markers",
                connectgaps=False,
                line={"color": colour, "width": 4},
                marker={
                    "color": colour,
                    "symbol": symbols,
                    "opacity": 1,
                    "size": sizes,
                    "line": {"color": colour, "width": 2.5},
                },
                cliponaxis=False,
                customdata=customdata,
                hovertemplate=(
                    "<b>%{customdata[0]}</b><br>Earlier: %{customdata[1]}"
                    "<br>Later: %{customdata[2]}<br>%{customdata[3]}<extra></extra>"
                ),
            )
        )

    notes = _change_notes(labels, befores, afters, scale)
    if notes is not None:
        figure.add_trace(notes)
    # Legend-only keys for the two marker kinds, so the chart explains itself when exported.
    for name, symbol in (("Earlier round", "circle-open"), ("Later round", "circle")):
        figure.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                name=name,
                mode="markers",
                marker={
                    "color": NEUTRAL_COLOUR,
                    "symbol": symbol,
                    "size": 14,
                    "line": {"width": 2.5},
                },
                hoverinfo="skip",
            )
        )

    for boundary in _domain_row_boundaries(rows):
        figure.add_shape(
            type="line",
            name="domain-separator",
            xref="paper",
            x0=0,
            x1=1,
            yref="y",
            y0=boundary,
            y1=boundary,
            line={"color": "#BFBFBF", "width": 1},
            layer="below",
        )
    figure.update_xaxes(
        range=[scale.minimum - 0.5, scale.maximum + 0.5],
        tickmode="array",
        tickvals=list(scale.values),
        ticktext=(
            [f"{v:g}" for v in scale.values]
            if narrow
            else [escape(level_text(v, scale)) for v in scale.values]
        ),
        tickangle=0 if narrow else None,
        tickfont=TICK_FONT,
        side="top",
        zeroline=False,
        fixedrange=True,
    )
    figure.update_yaxes(
        type="category",
        categoryorder="array",
        categoryarray=labels,
        tickmode="array",
        tickvals=labels,
        ticktext=(
            [_narrow_change_label(label) for label in labels]
            if narrow
            else [wrap(label, 40) for label in labels]
        ),
        tickfont={"size": NARROW_FONT_SIZE} if narrow else TICK_FONT,
        autorange="reversed",
        automargin=True,
        showgrid=True,
        fixedrange=True,
    )
    # 34 px a row leaves room for a label wrapped onto two lines (one line on a phone: 28 px).
    height = max(320, 150 + (28 if narrow else 34) * len(labels))
    top = 40 if narrow else 60
    common_layout(
        figure,
        height=height,
        legend=True,
        legend_y=-40 / (height - top - 70),  # about 40 px below the plot, whatever the height
        margin={"t": top, "b": 90, "l": 8 if narrow else 16, "r": 16 if narrow else 24},
    )
    return figure


def _narrow_change_label(label: str) -> str:
    """A capability's axis label on a phone: its number and the start of its title."""
    return escape(shorten(html.unescape(label), NARROW_CHANGE_LABEL_CHARS))


def _change_notes(
    labels: Sequence[str],
    befores: Sequence[float | None],
    afters: Sequence[float | None],
    scale: Scale,
) -> go.Scatter | None:
    """Text notes for capabilities missing in one or both rounds."""
    middle = (scale.minimum + scale.maximum) / 2
    x: list[float] = []
    y: list[str] = []
    text: list[str] = []
    positions: list[str] = []
    for label, before, after in zip(labels, befores, afters, strict=True):
        if before is not None and after is not None:
            continue
        if before is None and after is None:
            x.append(middle)
            text.append("not assessed in both rounds")
            positions.append("middle center")
        else:
            value = after if before is None else before
            x.append(value)
            text.append(
                "not assessed in the earlier round"
                if before is None
                else "not assessed in the later round"
            )
            positions.append("middle right" if value <= middle else "middle left")
        y.append(label)
    if not x:
        return None
    return go.Scatter(
        x=x,
        y=y,
        # An invisible marker pushes the text clear of the visible marker at the same spot.
        mode="markers+text",
        marker={"size": 24, "opacity": 0},
        text=text,
        textposition=positions,
        textfont={"size": TICK_FONT_SIZE, "color": NEUTRAL_COLOUR},
        name="Notes",
        showlegend=False,
        cliponaxis=False,
        hoverinfo="skip",
    )


def _domain_row_boundaries(rows: pd.DataFrame) -> list[float]:
    """Category positions between consecutive rows of different domains (for thin lines)."""
    if "domain" not in rows:
        return []
    domains = list(rows["domain"])
    return [i - 0.5 for i in range(1, len(domains)) if domains[i] != domains[i - 1]]


def _after_symbol(status: str) -> str:
    """The filled marker: a triangle pointing the way the level moved, else a disc."""
    if status == "improved":
        return "triangle-right"
    if status == "declined":
        return "triangle-left"
    return "circle"


def _change_text(status: str, before: float | None, after: float | None) -> str:
    """The status in words for the hover, with the step when the level moved: "Improved (+2)"."""
    label = _STATUS_LABELS.get(status, status.capitalize())
    if before is not None and after is not None and after != before:
        return f"{label} ({after - before:+g})"
    return label


def _unique_texts(texts: Sequence[str]) -> list[str]:
    """Make repeated labels unique (a category axis would merge them into one point)."""
    seen: dict[str, int] = {}
    unique = []
    for text in texts:
        seen[text] = seen.get(text, 0) + 1
        unique.append(text if seen[text] == 1 else f"{text} ({seen[text]})")
    return unique
