"""Charts: the tidy frames of ``components.scoring.scores`` turned into plotly figures.

Every function here is pure (a frame and the framework in, a ``go.Figure`` out) and imports no
streamlit, so pages stay thin and the figures can be tested on their data.

Rules every figure follows, because they are what make the pictures honest and legible:

- A missing level or score is *missing*: never drawn as 0. Radars and lines leave a gap,
  bars leave no bar and say "n/a", the heatmap paints the cell ``NOT_ASSESSED_COLOUR``;
  hover and legend say "Not assessed".
- Colours come from ``components.framework.palette`` only: a level has the same colour on
  every chart, a domain the same colour on every chart. Series of the same kind are also told
  apart by dash, marker symbol or pattern, so the charts still read in greyscale and when printed.
- Scales are fixed (the framework's ``scale.minimum`` to ``scale.maximum``), so that two
  charts of different assessments can be compared by their shapes.
- Text is sized for a 1280x720 projector (15 px body, 14 px ticks, 16 px axis titles), and no
  figure carries a title: the page gives the heading and the caption.
- All text that may come from people (assessment labels, series names, evidence) is
  HTML-escaped: plotly renders a subset of HTML in labels and hover boxes.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.framework.model import Capability, Framework, Scale
from components.framework.palette import (
    DOMAIN_PALETTE,
    NOT_ASSESSED_COLOUR,
    NOT_ASSESSED_LABEL,
    domain_colours,
    level_colours,
    text_colour_on,
)

__all__ = [
    "FONT_FAMILY",
    "HEATMAP_TEXT_MAX_ROWS",
    "NEUTRAL_COLOUR",
    "STATUS_COLOURS",
    "UIREVISION",
    "RadarSeries",
    "capability_radar",
    "change_chart",
    "discrete_colorscale",
    "domain_bars",
    "domain_radar",
    "heatmap_height",
    "level_heatmap",
    "level_legend_items",
    "short_domain_name",
    "trend_lines",
]

# Kept constant so that plotly keeps zoom, pan and legend clicks when Streamlit reruns a page.
UIREVISION = "mnr-dashboard"

FONT_SIZE = 15
TICK_FONT_SIZE = 14
AXIS_TITLE_FONT_SIZE = 16
# Streamlit's own font first, so charts match the page. Not "inherit": plotly's "Download as
# PNG" draws the chart outside the page, where "inherit" falls back to a serif font.
FONT_FAMILY = '"Source Sans", "Source Sans Pro", "Source Sans 3", Arial, sans-serif'
_FONT = {"family": FONT_FAMILY, "size": FONT_SIZE}
_TICK_FONT = {"size": TICK_FONT_SIZE}
_AXIS_TITLE_FONT = {"size": AXIS_TITLE_FONT_SIZE}

# A neutral grey for things that are not a category of their own (the peer median line, the
# outline of "not assessed" markers). Not a palette: a grey reads the same to everyone.
NEUTRAL_COLOUR = "#666666"

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

# Overlays are told apart by dash and symbol as well as colour (greyscale, colour-blindness).
_OVERLAY_DASHES = ("dash", "dashdot", "longdash", "longdashdot")
_OVERLAY_SYMBOLS = ("square", "diamond", "triangle-up", "cross")
# Bars get a pattern each, for the same reason; the first has none.
_BAR_PATTERNS = ("", "/", "x", ".", "\\", "+", "-", "|")
# Trend lines: one symbol per domain, so that the lines are told apart without colour.
_DOMAIN_SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "star", "cross")

HEATMAP_TEXT_MAX_ROWS = 40  # above this many rows, numbers in cells are too small to read
_HEATMAP_ROW_PX = 28
_HEATMAP_MIN_HEIGHT = 320
_HEATMAP_MAX_HEIGHT = 4000
_HEATMAP_TOP_PX = 96  # capability numbers, then the coloured domain headers above them
_HEATMAP_BOTTOM_PX = 24
_EVIDENCE_MAX_CHARS = 200
_EVIDENCE_LINE_CHARS = 60

_LEGEND_BELOW: dict[str, Any] = {
    "orientation": "h",
    "x": 0.5,
    "xanchor": "center",
    "yanchor": "top",
    "font": {"size": FONT_SIZE},
    "title": {"text": ""},
}


# --- public API ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RadarSeries:
    """One shape on the domain radar.

    ``style`` says how it is drawn: ``focus`` (filled, strong line: the assessment the page is
    about), ``overlay`` (dashed line in its own colour: something to compare with) or ``peer``
    (grey dotted line without fill: a reference such as the peer median).
    """

    name: str
    scores: Mapping[str, float]
    assessed: Mapping[str, int] = field(default_factory=dict)
    total: Mapping[str, int] = field(default_factory=dict)
    style: Literal["focus", "overlay", "peer"] = "focus"


def level_legend_items(framework: Framework) -> list[tuple[str, str]]:
    """``[(label, colour)]`` for every level, then "Not assessed": for a text legend."""
    colours = level_colours(framework.scale)
    items = [
        (_level_text(level.value, framework.scale), colours[level.value])
        for level in framework.scale.levels
    ]
    items.append((NOT_ASSESSED_LABEL, NOT_ASSESSED_COLOUR))
    return items


def domain_radar(series: Sequence[RadarSeries], framework: Framework) -> go.Figure:
    """The six domains as a radar, one shape per series, on the framework's fixed scale.

    A domain without a score leaves a gap in its series' line (it is not drawn at 0), and a
    grey "Not assessed" marker on the rim at that domain names the series that lack it. A
    series with a gap is not filled: a fill would have to invent the missing corner.
    """
    scale = framework.scale
    domains = framework.domains
    names = [domain.name for domain in domains]
    theta = [*names, names[0]]  # repeat the first point to close the loop
    figure = go.Figure()
    missing: dict[int, list[str]] = {}
    colour_index = 0
    overlay_index = 0
    for item in series:
        values = [_number(item.scores.get(domain.id)) for domain in domains]
        for position, value in enumerate(values):
            if value is None:
                missing.setdefault(position, []).append(item.name)
        customdata = [
            [
                _escape(domain.name),
                _escape(item.name),
                _coverage_text(
                    item.assessed.get(domain.id),
                    item.total.get(domain.id),
                    peer=item.style == "peer",
                ),
            ]
            for domain in domains
        ]
        trace: dict[str, Any] = {
            "r": [*values, values[0]],
            "theta": theta,
            "name": _escape(item.name),
            "mode": "lines+markers",
            "connectgaps": False,
            "customdata": [*customdata, customdata[0]],
            "hovertemplate": (
                "<b>%{customdata[0]}</b><br>%{customdata[1]}<br>"
                "Score: %{r:.1f}<br>%{customdata[2]}<extra></extra>"
            ),
        }
        if item.style == "peer":
            trace["line"] = {"color": NEUTRAL_COLOUR, "width": 3, "dash": "dot"}
            trace["marker"] = {"color": NEUTRAL_COLOUR, "size": 9, "symbol": "circle-open"}
        else:
            colour = DOMAIN_PALETTE[colour_index % len(DOMAIN_PALETTE)]
            colour_index += 1
            if item.style == "focus":
                trace["line"] = {"color": colour, "width": 4}
                trace["marker"] = {"color": colour, "size": 10, "symbol": "circle"}
                if None not in values:
                    trace["fill"] = "toself"
                    trace["fillcolor"] = _rgba(colour, 0.18)
            else:
                dash = _OVERLAY_DASHES[overlay_index % len(_OVERLAY_DASHES)]
                symbol = _OVERLAY_SYMBOLS[overlay_index % len(_OVERLAY_SYMBOLS)]
                overlay_index += 1
                trace["line"] = {"color": colour, "width": 3, "dash": dash}
                trace["marker"] = {"color": colour, "size": 10, "symbol": symbol}
        figure.add_trace(go.Scatterpolar(**trace))
    if missing:
        figure.add_trace(
            _polar_not_assessed(
                [names[p] for p in sorted(missing)],
                [_escape(names[p]) for p in sorted(missing)],
                [missing[p] for p in sorted(missing)],
                scale,
            )
        )
    _polar_layout(figure, scale, names, [_wrap(_escape(name), 14) for name in names])
    _radar_layout(figure)
    return figure


def capability_radar(
    table: pd.DataFrame,
    framework: Framework,
    domain_id: str,
    overlay: pd.DataFrame | None = None,
    overlay_name: str = "",
    *,
    name: str = "Selected assessment",
) -> go.Figure:
    """The capabilities of one domain for one assessment, with an optional dashed overlay.

    ``table`` and ``overlay`` are capability tables (all domains or only this one; rows are
    matched by capability number). The line is in the domain's colour and each marker in its
    level's colour. ``name`` names the main series in the legend and hover.

    A radar needs at least three axes to draw an area; with two the "shape" is a line whose
    angle means nothing. A domain with fewer than three capabilities (Media and
    Communications has two) is therefore drawn as horizontal bars on the same fixed range,
    with the same level colours and the domain's colour as outline.
    """
    framework.domain(domain_id)  # a KeyError for an unknown id beats an empty chart
    capabilities = framework.capabilities_in(domain_id)
    colour = domain_colours(framework)[domain_id]
    scale = framework.scale
    layers = [_capability_levels(table, capabilities, name, scale)]
    if overlay is not None:
        layers.append(
            _capability_levels(overlay, capabilities, overlay_name or "Comparison", scale)
        )
    if len(capabilities) < 3:
        return _capability_bars(layers, capabilities, colour, framework)

    labels = [_wrap(_escape(c.label), 28) for c in capabilities]
    theta = [*labels, labels[0]]
    colours = level_colours(scale)
    figure = go.Figure()
    missing: dict[int, list[str]] = {}
    for index, layer in enumerate(layers):
        values = layer["values"]
        for position, value in enumerate(values):
            if value is None:
                missing.setdefault(position, []).append(layer["name"])
        marker_colours = [_level_colour(value, colours) for value in values]
        is_focus = index == 0
        trace: dict[str, Any] = {
            "r": [*values, values[0]],
            "theta": theta,
            "name": _escape(layer["name"]),
            "mode": "lines+markers",
            "connectgaps": False,
            "customdata": [*layer["customdata"], layer["customdata"][0]],
            "hovertemplate": _CAPABILITY_HOVER,
        }
        if is_focus:
            trace["line"] = {"color": colour, "width": 4}
            # The outline in the domain colour keeps the light level colours visible on white.
            trace["marker"] = {
                "color": [*marker_colours, marker_colours[0]],
                "size": 16,
                "line": {"color": colour, "width": 2},
            }
            if None not in values:
                trace["fill"] = "toself"
                trace["fillcolor"] = _rgba(colour, 0.15)
        else:
            trace["line"] = {"color": NEUTRAL_COLOUR, "width": 3, "dash": "dash"}
            # Hollow markers in the level colour: same level, same colour, but clearly "other".
            trace["marker"] = {
                "color": [*marker_colours, marker_colours[0]],
                "size": 14,
                "symbol": "diamond-open",
                "line": {"width": 3},
            }
        figure.add_trace(go.Scatterpolar(**trace))
    if missing:
        figure.add_trace(
            _polar_not_assessed(
                [labels[p] for p in sorted(missing)],
                [_escape(capabilities[p].label) for p in sorted(missing)],
                [missing[p] for p in sorted(missing)],
                scale,
            )
        )
    _polar_layout(figure, scale, labels, labels)
    _radar_layout(figure)
    return figure


def level_heatmap(
    levels: pd.DataFrame,
    evidence: pd.DataFrame,
    row_labels: Mapping[str, str],
    framework: Framework,
) -> go.Figure:
    """Assessments (rows, top to bottom in the given order) x capabilities, one colour a level.

    Colours are discrete: the colorscale is stepped so that each level gets exactly its
    palette colour. A missing cell is mapped to a sentinel one step below the scale
    (``scale.minimum - 1``) whose step is ``NOT_ASSESSED_COLOUR``, so "not assessed" is part of
    the same colour legend rather than a second, easily forgotten trace.

    Rows are placed at y = 0, 1, 2, ... (labels as tick text) rather than on a category axis,
    so two assessments with the same label never merge into one row.
    """
    scale = framework.scale
    capabilities = framework.capabilities
    numbers = [c.number for c in capabilities]
    frame = _numeric_columns(levels).reindex(columns=numbers)
    notes = _numeric_columns(evidence).reindex(index=frame.index, columns=numbers)
    ids = list(frame.index)
    rows = len(ids)
    sentinel = scale.minimum - 1
    values = frame.to_numpy(dtype=float, na_value=np.nan)
    z = np.where(np.isnan(values), sentinel, values)

    row_names = [_escape(row_labels.get(i, str(i))) for i in ids]
    capability_names = [_escape(c.label) for c in capabilities]
    # An object array, not nested lists: plotly validates nested lists element by element,
    # which made a 200-row heatmap take three times as long to build.
    customdata = np.array(
        [
            [
                [
                    row_names[r],
                    capability_names[c],
                    _escape(_level_text(values[r, c], scale)),
                    _evidence_html(notes.iat[r, c]),
                ]
                for c in range(len(numbers))
            ]
            for r in range(rows)
        ],
        dtype=object,
    ).reshape(rows, len(numbers), 4)
    steps = [sentinel, *scale.values]
    colours = level_colours(scale)
    step_colours = [NOT_ASSESSED_COLOUR, *(colours[v] for v in scale.values)]
    show_text = rows <= HEATMAP_TEXT_MAX_ROWS
    height = heatmap_height(rows)
    plot_height = height - _HEATMAP_TOP_PX - _HEATMAP_BOTTOM_PX
    heatmap: dict[str, Any] = {
        "z": z.tolist(),
        "x": numbers,
        "y": list(range(rows)),
        "zmin": sentinel - 0.5,
        "zmax": scale.maximum + 0.5,
        "colorscale": discrete_colorscale(step_colours),
        "xgap": 1,
        "ygap": 1,
        "customdata": customdata,
        "hovertemplate": (
            "<b>%{customdata[0]}</b><br>%{customdata[1]}<br>Level: %{customdata[2]}"
            "<br>%{customdata[3]}<extra></extra>"
        ),
        "colorbar": {
            "tickmode": "array",
            "tickvals": steps,
            "ticktext": [NOT_ASSESSED_LABEL, *(_level_text(v, scale) for v in scale.values)],
            "tickfont": _TICK_FONT,
            "lenmode": "pixels",
            "len": min(40 * len(steps), plot_height),
            "y": 1,
            "yanchor": "top",
            "thickness": 18,
            "outlinewidth": 0,
            "ticks": "",
        },
        "name": "",
    }
    if show_text:
        heatmap["text"] = [["–" if np.isnan(v) else f"{v:g}" for v in row] for row in values]
        heatmap["texttemplate"] = "%{text}"
        # No textfont colour: plotly then picks black or white per cell for contrast.
        heatmap["textfont"] = {"size": TICK_FONT_SIZE}
    figure = go.Figure(go.Heatmap(**heatmap))

    _domain_headers(figure, framework)
    figure.update_xaxes(
        side="top",
        tickmode="array",
        tickvals=numbers,
        ticktext=[str(n) for n in numbers],
        tickfont=_TICK_FONT,
        range=[numbers[0] - 0.5, numbers[-1] + 0.5],
        showgrid=False,
        zeroline=False,
        fixedrange=True,
    )
    figure.update_yaxes(
        tickmode="array",
        tickvals=list(range(rows)),
        ticktext=row_names,
        tickfont=_TICK_FONT,
        range=[rows - 0.5, -0.5],  # top to bottom in the given order
        showgrid=False,
        zeroline=False,
        automargin=True,
    )
    _common_layout(
        figure,
        height=height,
        legend=False,
        margin={"t": _HEATMAP_TOP_PX, "b": _HEATMAP_BOTTOM_PX, "l": 16, "r": 16},
    )
    return figure


def heatmap_height(rows: int) -> int:
    """Figure height in pixels for a heatmap of ``rows`` rows: grows with rows, within bounds."""
    return int(min(_HEATMAP_MAX_HEIGHT, max(_HEATMAP_MIN_HEIGHT, 120 + _HEATMAP_ROW_PX * rows)))


def discrete_colorscale(colours: Sequence[str]) -> list[list[float | str]]:
    """A stepped plotly colorscale: ``colours[i]`` fills exactly the i-th of equal steps.

    With ``zmin``/``zmax`` set half a step beyond the first and last value, the i-th integer
    value lands in the middle of step i and gets exactly ``colours[i]``, with no blending.
    """
    count = len(colours)
    scale: list[list[float | str]] = []
    for index, colour in enumerate(colours):
        scale.append([index / count, colour])
        scale.append([(index + 1) / count, colour])
    return scale


def domain_bars(scores: pd.DataFrame, labels: Mapping[str, str], framework: Framework) -> go.Figure:
    """Domain scores side by side: one group per domain, one bar per assessment.

    Assessments are in the order of ``labels`` (the order the person chose, not a ranking),
    then any others in ``scores`` in order of appearance. A domain without a score gets no
    bar and an "n/a" at the foot of its slot, so absence is visible and never looks like 0.
    """
    scale = framework.scale
    ids = _assessment_order(scores, labels)
    names = [domain.name for domain in framework.domains]
    lookup = _domain_lookup(scores)
    show_values = len(ids) <= 4  # beyond four bars per group the numbers crowd each other
    figure = go.Figure()
    gaps: list[go.Scatter] = []
    for index, assessment_id in enumerate(ids):
        label = _escape(labels.get(assessment_id, str(assessment_id)))
        colour = DOMAIN_PALETTE[index % len(DOMAIN_PALETTE)]
        rows = [lookup.get((assessment_id, domain.id), {}) for domain in framework.domains]
        values = [_number(row.get("score")) for row in rows]
        customdata = [
            [label, _escape(domain.name), _coverage_text(row.get("assessed"), row.get("total"))]
            for domain, row in zip(framework.domains, rows, strict=True)
        ]
        group = f"assessment-{index}"
        figure.add_trace(
            go.Bar(
                x=names,
                y=values,
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
                text=[None if v is None else f"{v:.1f}" for v in values] if show_values else None,
                textposition="outside",
                textfont={"size": TICK_FONT_SIZE},
                cliponaxis=False,
                customdata=customdata,
                hovertemplate=(
                    "<b>%{customdata[0]}</b><br>%{customdata[1]}<br>Score: %{y:.1f}"
                    "<br>%{customdata[2]}<extra></extra>"
                ),
            )
        )
        # One "n/a" trace per assessment, even an empty one: scatter traces are grouped like
        # the bars (scattermode="group"), so the n-th text lands in the n-th bar's slot.
        gaps.append(
            go.Scatter(
                x=names,
                y=[0 if v is None else None for v in values],
                mode="text",
                text=["n/a" if v is None else None for v in values],
                textposition="top center",
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
    for gap in gaps:
        figure.add_trace(gap)
    figure.update_layout(barmode="group", scattermode="group", bargap=0.25, bargroupgap=0.05)
    figure.update_xaxes(
        type="category",
        categoryorder="array",
        categoryarray=names,
        tickmode="array",
        tickvals=names,
        ticktext=[_wrap(_escape(n), 14) for n in names],
        tickfont={"size": FONT_SIZE},
    )
    _score_axis(figure, scale)
    _common_layout(figure, height=520, legend=len(ids) > 1, legend_y=-0.2)
    return figure


def trend_lines(trend: pd.DataFrame, framework: Framework) -> go.Figure:
    """One line per domain across rounds (x in the rounds' ``order``), gaps where no score."""
    scale = framework.scale
    round_ids: list[Any] = []
    round_labels: list[str] = []
    if not trend.empty:
        rounds = trend.drop_duplicates("assessment_id").sort_values("order", kind="stable")
        round_ids = list(rounds["assessment_id"])
        round_labels = _unique_texts([_escape(label) for label in rounds["label"]])
    lookup = _domain_lookup(trend)
    colours = domain_colours(framework)
    figure = go.Figure()
    for index, domain in enumerate(framework.domains):
        rows = [lookup.get((assessment_id, domain.id), {}) for assessment_id in round_ids]
        values = [_number(row.get("score")) for row in rows]
        figure.add_trace(
            go.Scatter(
                x=round_labels,
                y=values,
                name=_escape(domain.name),
                mode="lines+markers",
                connectgaps=False,
                line={"color": colours[domain.id], "width": 3},
                marker={
                    "color": colours[domain.id],
                    "size": 12,
                    "symbol": _DOMAIN_SYMBOLS[index % len(_DOMAIN_SYMBOLS)],
                },
                cliponaxis=False,
                customdata=[
                    [
                        _escape(domain.name),
                        label,
                        _coverage_text(row.get("assessed"), row.get("total")),
                    ]
                    for label, row in zip(round_labels, rows, strict=True)
                ],
                hovertemplate=(
                    "<b>%{customdata[0]}</b><br>%{customdata[1]}<br>Score: %{y:.1f}"
                    "<br>%{customdata[2]}<extra></extra>"
                ),
            )
        )
    figure.update_xaxes(
        type="category",
        categoryorder="array",
        categoryarray=round_labels,
        tickfont={"size": FONT_SIZE},
        title={"text": "Round", "font": _AXIS_TITLE_FONT},
    )
    _score_axis(figure, scale)
    _common_layout(figure, height=500, legend=True, legend_y=-0.22)
    return figure


def change_chart(changes: pd.DataFrame, framework: Framework) -> go.Figure:
    """Each capability's level in two rounds: hollow marker before, filled marker after.

    A line joins the two, coloured by what happened (improved, unchanged, declined); the filled
    marker points the way the level moved (a triangle right or left), so the direction reads
    without colour. A capability missing in one or both rounds gets a short note instead of
    a made-up line.
    """
    scale = framework.scale
    rows = changes.reset_index(drop=True)
    labels = [
        _escape(f"{int(number)} · {title}")
        for number, title in zip(rows["capability"], rows["title"], strict=True)
    ]
    befores = [_number(v) for v in rows["level_before"]]
    afters = [_number(v) for v in rows["level_after"]]
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
                _escape(_level_text(befores[i], scale)),
                _escape(_level_text(afters[i], scale)),
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
        ticktext=[_escape(_level_text(v, scale)) for v in scale.values],
        tickfont=_TICK_FONT,
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
        ticktext=[_wrap(label, 40) for label in labels],
        tickfont=_TICK_FONT,
        autorange="reversed",
        automargin=True,
        showgrid=True,
        fixedrange=True,
    )
    # 34 px a row leaves room for a label wrapped onto two lines.
    height = max(320, 150 + 34 * len(labels))
    _common_layout(
        figure,
        height=height,
        legend=True,
        legend_y=-40 / (height - 130),  # about 40 px below the plot, whatever the height
        margin={"t": 60, "b": 90, "l": 16, "r": 24},
    )
    return figure


# --- shared pieces --------------------------------------------------------------------------

_CAPABILITY_HOVER = (
    "<b>%{customdata[0]}</b><br>%{customdata[1]}<br>Level: %{customdata[2]}"
    "<br>%{customdata[3]}<extra></extra>"
)


def _common_layout(
    figure: go.Figure,
    *,
    height: int,
    legend: bool,
    legend_y: float = -0.06,
    margin: Mapping[str, int] | None = None,
) -> None:
    """What every figure shares: template, fonts, legend below, ui revision."""
    figure.update_layout(
        template="plotly_white",
        font=_FONT,
        hoverlabel={"font": {"size": FONT_SIZE}, "align": "left"},
        height=height,
        margin=dict(margin) if margin else {"t": 40, "b": 40, "l": 60, "r": 40},
        showlegend=legend,
        uirevision=UIREVISION,
    )
    if legend:
        figure.update_layout(legend={**_LEGEND_BELOW, "y": legend_y})


def _polar_layout(
    figure: go.Figure, scale: Scale, categories: Sequence[str], ticktext: Sequence[str]
) -> None:
    """Fixed radial range with a tick at every level; first axis at the top, clockwise."""
    figure.update_layout(
        polar={
            "radialaxis": {
                "range": [scale.minimum, scale.maximum],
                "tickmode": "array",
                "tickvals": list(scale.values),
                "ticktext": [str(v) for v in scale.values],
                "tickfont": _TICK_FONT,
                # Between the first two spokes, so the level numbers never sit on a line; the
                # tick angle is relative to the axis, so the same angle keeps numbers upright.
                "angle": 90 - 180 / len(categories),
                "tickangle": 90 - 180 / len(categories),
                "showline": False,
                "gridcolor": "#D0D0D0",
            },
            "angularaxis": {
                "type": "category",
                "categoryorder": "array",
                "categoryarray": list(categories),
                "tickmode": "array",
                "tickvals": list(categories),
                "ticktext": list(ticktext),
                "tickfont": {"size": FONT_SIZE},
                "rotation": 90,
                "direction": "clockwise",
                "gridcolor": "#D0D0D0",
                "linecolor": "#BFBFBF",  # the outer ring is the top of the scale: keep it visible
                # Invisible ticks push the labels off the rim, clear of markers at the top level.
                "ticks": "outside",
                "ticklen": 14,
                "tickcolor": "rgba(0,0,0,0)",
            },
        }
    )


def _radar_layout(figure: go.Figure) -> None:
    """Room around the circle for wrapped axis labels, and the legend under it."""
    legend = len(figure.data) > 1
    _common_layout(
        figure,
        height=660 if legend else 600,
        legend=legend,
        margin={"t": 70, "b": 150 if legend else 90, "l": 110, "r": 110},
    )
    if legend:
        # Pinned to the figure's bottom edge (not the plot's), so it never meets the labels
        # of the lowest axis, however the circle is sized.
        figure.update_layout(legend={"yref": "container", "y": 0.02, "yanchor": "bottom"})


def _polar_not_assessed(
    theta: Sequence[str], names: Sequence[str], who: Sequence[list[str]], scale: Scale
) -> go.Scatterpolar:
    """Grey markers on the rim at each axis some series did not assess, naming those series.

    On the rim, not at the centre: at the centre a marker would read as the lowest level,
    the very confusion between "missing" and "0" that the gap in the line avoids.
    """
    return go.Scatterpolar(
        r=[scale.maximum] * len(theta),
        theta=list(theta),
        name=NOT_ASSESSED_LABEL,
        mode="markers",
        marker={
            "color": NOT_ASSESSED_COLOUR,
            "size": 15,
            "symbol": "circle",
            "line": {"color": NEUTRAL_COLOUR, "width": 2},
        },
        cliponaxis=False,
        customdata=[
            [name, "<br>".join(_escape(series) for series in series_names)]
            for name, series_names in zip(names, who, strict=True)
        ],
        hovertemplate=(
            f"<b>%{{customdata[0]}}</b><br>{NOT_ASSESSED_LABEL}:<br>%{{customdata[1]}}"
            "<extra></extra>"
        ),
    )


def _capability_levels(
    table: pd.DataFrame | None, capabilities: Sequence[Capability], name: str, scale: Scale
) -> dict[str, Any]:
    """Levels (None when missing) and hover rows for the given capabilities, by number."""
    by_number: dict[int, pd.Series] = {}
    if table is not None and not table.empty:
        for _, row in table.iterrows():
            number = _number(row.get("capability"))
            if number is not None:
                by_number[int(number)] = row
    values: list[float | None] = []
    customdata: list[list[str]] = []
    for capability in capabilities:
        row = by_number.get(capability.number)
        value = _number(row.get("level")) if row is not None else None
        values.append(value)
        evidence = row.get("evidence") if row is not None else None
        customdata.append(
            [
                _escape(capability.label),
                _escape(name),
                _escape(_level_text(value, scale)),
                _evidence_html(evidence),
            ]
        )
    return {"name": name, "values": values, "customdata": customdata}


def _capability_bars(
    layers: Sequence[dict[str, Any]],
    capabilities: Sequence[Capability],
    colour: str,
    framework: Framework,
) -> go.Figure:
    """Horizontal bars for a domain with fewer than three capabilities (see capability_radar)."""
    scale = framework.scale
    colours = level_colours(scale)
    labels = [_wrap(_escape(c.label), 26) for c in capabilities]
    figure = go.Figure()
    gaps: list[go.Scatter] = []
    for index, layer in enumerate(layers):
        values = layer["values"]
        customdata = layer["customdata"]
        group = f"layer-{index}"
        text = [None if v is None else _escape(_level_text(v, scale)) for v in values]
        bar: dict[str, Any] = {
            "orientation": "h",
            "name": _escape(layer["name"]),
            "offsetgroup": group,
            "legendgroup": group,
            # Outside text also shows a bar of zero length, so the lowest level is visible.
            "textposition": "outside",
            "textfont": {"size": TICK_FONT_SIZE},
            "cliponaxis": False,
            "hovertemplate": _CAPABILITY_HOVER,
        }
        if index == 0:
            figure.add_trace(
                go.Bar(
                    y=labels,
                    x=values,
                    text=text,
                    customdata=customdata,
                    marker={
                        "color": [_level_colour(v, colours) for v in values],
                        "line": {"color": colour, "width": 2},
                    },
                    **bar,
                )
            )
        else:
            # The comparison is hatched so it differs from the main bars without colour. One
            # trace per bar: plotly.js cannot hatch bars whose colours are given as a list.
            for position, value in enumerate(values):
                fill = _level_colour(value, colours)
                figure.add_trace(
                    go.Bar(
                        y=[labels[position]],
                        x=[value],
                        text=[text[position]],
                        customdata=[customdata[position]],
                        marker={
                            "color": fill,
                            "line": {"color": NEUTRAL_COLOUR, "width": 2},
                            "pattern": {
                                "shape": "/",
                                "fillmode": "overlay",
                                "fgcolor": text_colour_on(fill),
                                "solidity": 0.35,
                            },
                        },
                        showlegend=position == 0,
                        **bar,
                    )
                )
        gaps.append(
            go.Scatter(
                y=labels,
                x=[scale.minimum if v is None else None for v in values],
                orientation="h",
                mode="markers+text",
                text=[NOT_ASSESSED_LABEL if v is None else None for v in values],
                textposition="middle right",
                textfont={"size": TICK_FONT_SIZE, "color": NEUTRAL_COLOUR},
                marker={
                    "color": NOT_ASSESSED_COLOUR,
                    "size": 15,
                    "line": {"color": NEUTRAL_COLOUR, "width": 2},
                },
                offsetgroup=group,
                name=NOT_ASSESSED_LABEL,
                legendgroup="not-assessed",
                showlegend=False,
                cliponaxis=False,
                customdata=customdata,
                hovertemplate=_CAPABILITY_HOVER,
            )
        )
    shown = False
    for gap in gaps:
        if not shown and any(v is not None for v in gap.x):
            gap.showlegend = True
            shown = True
        figure.add_trace(gap)
    figure.update_layout(barmode="group", scattermode="group", bargap=0.3)
    figure.update_xaxes(
        range=[scale.minimum, scale.maximum],
        tickmode="array",
        tickvals=list(scale.values),
        ticktext=[str(v) for v in scale.values],
        tickfont=_TICK_FONT,
        title={"text": "Level", "font": _AXIS_TITLE_FONT},
    )
    figure.update_yaxes(
        type="category",
        categoryorder="array",
        categoryarray=labels,
        autorange="reversed",
        tickfont={"size": FONT_SIZE},
        automargin=True,
    )
    legend = len(layers) > 1 or shown
    _common_layout(
        figure,
        height=340 + 60 * (len(layers) - 1),
        legend=legend,
        legend_y=-0.35,
        margin={"t": 20, "b": 60, "l": 16, "r": 150},
    )
    return figure


def _score_axis(figure: go.Figure, scale: Scale) -> None:
    """The y axis of a domain score: fixed from 0 to the top of the scale, a tick per level."""
    figure.update_yaxes(
        range=[0, scale.maximum],
        tickmode="array",
        tickvals=[v for v in scale.values if v >= 0],
        tickfont=_TICK_FONT,
        title={"text": "Domain score (mean level)", "font": _AXIS_TITLE_FONT},
        zeroline=True,
        fixedrange=True,
    )


def _domain_headers(figure: go.Figure, framework: Framework) -> None:
    """Coloured bands naming each domain above the heatmap, and lines between domains."""
    colours = domain_colours(framework)
    groups = [
        (domain, [c.number for c in framework.capabilities_in(domain.id)])
        for domain in framework.domains
    ]
    for index, (domain, numbers) in enumerate(groups):
        if not numbers:
            continue
        first, last = min(numbers), max(numbers)
        colour = colours[domain.id]
        figure.add_shape(
            type="rect",
            name="domain-header",
            xref="x",
            x0=first - 0.47,
            x1=last + 0.47,
            yref="paper",
            ysizemode="pixel",
            yanchor=1,
            y0=34,
            y1=64,
            fillcolor=colour,
            line={"width": 0},
        )
        figure.add_annotation(
            x=(first + last) / 2,
            xref="x",
            y=1,
            yref="paper",
            yanchor="bottom",
            yshift=37,
            text=_escape(short_domain_name(domain.name, len(numbers))),
            hovertext=_escape(domain.name),
            showarrow=False,
            font={"size": TICK_FONT_SIZE, "color": text_colour_on(colour)},
        )
        if index < len(groups) - 1:
            figure.add_shape(
                type="line",
                name="domain-separator",
                xref="x",
                x0=last + 0.5,
                x1=last + 0.5,
                yref="paper",
                y0=0,
                y1=1,
                line={"color": "#FFFFFF", "width": 5},
            )


def short_domain_name(name: str, capabilities: int) -> str:
    """A domain name short enough for a header over ``capabilities`` heatmap columns.

    "and" becomes "&", then the longest words are cut to three letters and a full stop until
    the name fits about four characters per column (what a projector-width heatmap gives a
    header); if it still does not fit, the first word alone stands for the domain. "Policy
    and Governance" over three columns becomes "Pol. & Gov.", "Media and Communications" over
    two becomes "Media". The full name is in the header's hover text.
    """
    budget = 4 * capabilities
    words = name.replace(" and ", " & ").split()
    while len(" ".join(words)) > budget:
        longest = max(range(len(words)), key=lambda i: len(words[i]))
        if len(words[longest]) <= 4:
            break
        words[longest] = words[longest][:3] + "."
    if len(" ".join(words)) > budget:
        return name.split(maxsplit=1)[0]
    return " ".join(words)


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
    label = _STATUS_LABELS.get(status, status.capitalize())
    if before is not None and after is not None and after != before:
        return f"{label} ({after - before:+g})"
    return label


def _assessment_order(scores: pd.DataFrame, labels: Mapping[str, str]) -> list[Any]:
    present = list(dict.fromkeys(scores["assessment_id"])) if not scores.empty else []
    ordered = [i for i in labels if i in set(present)]
    return ordered + [i for i in present if i not in set(ordered)]


def _domain_lookup(frame: pd.DataFrame) -> dict[tuple[Any, str], dict[str, Any]]:
    """(assessment_id, domain) -> the row as a dict, for lookups in framework order."""
    return {(row["assessment_id"], row["domain"]): row for row in frame.to_dict("records")}


def _numeric_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with capability columns as ints, whether they came as 7, 7.0 or "7"."""
    renamed = {}
    for column in frame.columns:
        try:
            renamed[column] = int(column)
        except (TypeError, ValueError):
            renamed[column] = column
    return frame.rename(columns=renamed)


def _unique_texts(texts: Sequence[str]) -> list[str]:
    """Make repeated labels unique (a category axis would merge them into one point)."""
    seen: dict[str, int] = {}
    unique = []
    for text in texts:
        seen[text] = seen.get(text, 0) + 1
        unique.append(text if seen[text] == 1 else f"{text} ({seen[text]})")
    return unique


# --- small helpers --------------------------------------------------------------------------


def _number(value: object) -> float | None:
    """A float, or None for anything missing (None, NaN, pd.NA, NaT)."""
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        return None
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _level_text(value: object, scale: Scale | None) -> str:
    """``2 · Developing`` for a level, "Not assessed" for a missing one."""
    number = _number(value)
    if number is None:
        return NOT_ASSESSED_LABEL
    if scale is None or not float(number).is_integer():
        return f"{number:g}"
    try:
        return f"{int(number)} · {scale.level(int(number)).label}"
    except KeyError:
        return f"{number:g}"


def _level_colour(value: float | None, colours: Mapping[int, str]) -> str:
    if value is None:
        return NOT_ASSESSED_COLOUR
    return colours.get(int(value), NEUTRAL_COLOUR)


def _coverage_text(assessed: object, total: object, *, peer: bool = False) -> str:
    """How many capabilities (or, for a peer median, assessments) a score rests on."""
    count = _number(assessed)
    if count is None:
        return ""
    count = int(count)
    if peer:
        return f"median of {count} assessment{'s' if count != 1 else ''}"
    whole = _number(total)
    if whole is None:
        return f"{count} capabilit{'ies' if count != 1 else 'y'} assessed"
    if count == 0:
        return NOT_ASSESSED_LABEL
    return f"{count} of {int(whole)} capabilities assessed"


def _evidence_html(evidence: object) -> str:
    """Evidence for a hover box: cut to about 200 characters, wrapped, HTML-escaped."""
    if evidence is None:
        return "No evidence recorded"
    try:
        if pd.isna(evidence):  # type: ignore[arg-type]
            return "No evidence recorded"
    except (TypeError, ValueError):
        pass
    text = " ".join(str(evidence).split())
    if not text:
        return "No evidence recorded"
    if len(text) > _EVIDENCE_MAX_CHARS:
        text = text[: _EVIDENCE_MAX_CHARS - 1].rstrip() + "…"
    # Wrap first, then escape each line: widths count what people read, not entities.
    lines = textwrap.wrap(text, _EVIDENCE_LINE_CHARS, break_long_words=True)
    return "Evidence: " + "<br>".join(_escape(line) for line in lines)


def _escape(text: object) -> str:
    """Escape text for plotly's HTML-like labels.

    Quotes are left alone: plotly decodes ``&lt;``, ``&gt;`` and ``&amp;`` but would show
    ``&quot;`` literally, and with ``<`` escaped no tag or attribute can form anyway.
    """
    return html.escape(str(text), quote=False)


def _wrap(text: str, width: int) -> str:
    """Break a label into lines of about ``width`` characters with ``<br>``."""
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    return "<br>".join(lines) if lines else text


def _rgba(hex_colour: str, alpha: float) -> str:
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"
