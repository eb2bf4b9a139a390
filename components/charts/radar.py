"""Radars: the six domains of one or more assessments, and the capabilities of one domain.

``domain_radar`` draws domain scores (focus, overlays to compare with, the peer median);
``capability_radar`` draws one domain's capabilities, falling back to horizontal bars for a
domain with fewer than three capabilities. Both use the framework's fixed scale, so two
radars of different assessments compare by their shapes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd
import plotly.graph_objects as go

from components.base.numbers import score_text
from components.base.text import shorten
from components.charts.common import (
    AXIS_TITLE_FONT,
    FONT_SIZE,
    NARROW_FONT_SIZE,
    NARROW_LABEL_CHARS,
    NEUTRAL_COLOUR,
    TICK_FONT,
    TICK_FONT_SIZE,
    as_float,
    common_layout,
    coverage_text,
    escape,
    evidence_html,
    short_domain_name,
    wrap,
)
from components.charts.radar_room import fitted_label_room, label_room
from components.framework.model import Capability, Framework, Scale
from components.framework.palette import (
    DOMAIN_PALETTE,
    NOT_ASSESSED_COLOUR,
    NOT_ASSESSED_LABEL,
    domain_colours,
    level_colours,
    text_colour_on,
)
from components.scoring.tables import level_text

# Overlays are told apart by dash and symbol as well as colour (greyscale, colour-blindness).
_OVERLAY_DASHES = ("dash", "dashdot", "longdash", "longdashdot")
_OVERLAY_SYMBOLS = ("square", "diamond", "triangle-up", "cross")

_CAPABILITY_HOVER = (
    "<b>%{customdata[0]}</b><br>%{customdata[1]}<br>Level: %{customdata[2]}"
    "<br>%{customdata[3]}<extra></extra>"
)


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


def domain_radar(
    series: Sequence[RadarSeries], framework: Framework, *, narrow: bool = False
) -> go.Figure:
    """The six domains as a radar, one shape per series, on the framework's fixed scale.

    ``narrow`` (a phone) shortens the axis labels ("Pol. & Gov.") so none is cut at the
    figure's edge; the hover and the table beside the chart keep the full names.

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
        values = [as_float(item.scores.get(domain.id)) for domain in domains]
        for position, value in enumerate(values):
            if value is None:
                missing.setdefault(position, []).append(item.name)
        customdata = [
            [
                escape(domain.name),
                escape(item.name),
                coverage_text(
                    item.assessed.get(domain.id),
                    item.total.get(domain.id),
                    peer=item.style == "peer",
                ),
                score_text(value),
            ]
            for domain, value in zip(domains, values, strict=True)
        ]
        trace: dict[str, Any] = {
            "r": [*values, values[0]],
            "theta": theta,
            "name": escape(item.name),
            "mode": "lines+markers",
            "connectgaps": False,
            "customdata": [*customdata, customdata[0]],
            "hovertemplate": (
                "<b>%{customdata[0]}</b><br>%{customdata[1]}<br>"
                "Score: %{customdata[3]}<br>%{customdata[2]}<extra></extra>"
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
                [escape(names[p]) for p in sorted(missing)],
                [missing[p] for p in sorted(missing)],
                scale,
            )
        )
    ticktext = [
        wrap(escape(short_domain_name(name, 3)), 10) if narrow else wrap(escape(name), 14)
        for name in names
    ]
    _polar_layout(figure, scale, names, ticktext, narrow=narrow)
    _radar_layout(figure, narrow=narrow)
    return figure


def capability_radar(
    table: pd.DataFrame,
    framework: Framework,
    domain_id: str,
    overlay: pd.DataFrame | None = None,
    overlay_name: str = "",
    *,
    name: str = "Selected assessment",
    narrow: bool = False,
) -> go.Figure:
    """The capabilities of one domain for one assessment, with an optional dashed overlay.

    ``table`` and ``overlay`` are capability tables (all domains or only this one; rows are
    matched by capability number). The line is in the domain's colour and each marker in its
    level's colour. ``name`` names the main series in the legend and hover. ``narrow`` (a
    phone) shortens the axis labels; the hover and the table keep the full names.

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
        return _capability_bars(layers, capabilities, colour, framework, narrow=narrow)

    labels = [wrap(escape(c.label), 28) for c in capabilities]
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
            "name": escape(layer["name"]),
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
                [escape(capabilities[p].label) for p in sorted(missing)],
                [missing[p] for p in sorted(missing)],
                scale,
            )
        )
    ticktext = (
        [wrap(escape(shorten(c.label, NARROW_LABEL_CHARS)), 11) for c in capabilities]
        if narrow
        else labels
    )
    _polar_layout(figure, scale, labels, ticktext, narrow=narrow)
    _radar_layout(figure, narrow=narrow)
    return figure


def _polar_layout(
    figure: go.Figure,
    scale: Scale,
    categories: Sequence[str],
    ticktext: Sequence[str],
    *,
    narrow: bool = False,
) -> None:
    """Fixed radial range with a tick at every level; first axis at the top, clockwise."""
    figure.update_layout(
        polar={
            "radialaxis": {
                "range": [scale.minimum, scale.maximum],
                "tickmode": "array",
                "tickvals": list(scale.values),
                "ticktext": [str(v) for v in scale.values],
                "tickfont": TICK_FONT,
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
                "tickfont": {"size": NARROW_FONT_SIZE if narrow else FONT_SIZE},
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


# The width a chart gets on a 390 px phone (Streamlit's padding taken off): a phone's radar is
# as tall as its circle needs at that width.
PHONE_CONTENT_WIDTH = 358
# What the legend under a radar takes below its lowest label (pinned to the figure's bottom).
# On a phone each entry takes a row of its own (a name beside its symbol takes most of the
# width): 23 px a row, and the legend's padding, its place 2 % above the edge and some air.
# A fixed 98 px let four entries cover the lowest label.
_PHONE_LEGEND_ROW = 23
_PHONE_LEGEND_EXTRA = 28
_WIDE_LEGEND_ROOM = 80
# Markers at the top level sit on the rim (16 px across, with a 2 px outline): every margin
# keeps their half and some air, even where no label is.
_RIM_ROOM = 12


def _radar_layout(figure: go.Figure, *, narrow: bool = False) -> None:
    """Room around the circle for its axis labels, and the legend under it.

    Each margin is what the labels on that side take (``radar_room``), so no label is cut
    whatever its domain and no room is left empty: on a phone the circle takes what the
    labels leave of its width, and the figure is only as tall as that circle needs (no
    blank band under it). The full layout keeps its height; its margins hold the labels
    around a circle of any size, so a narrower window shrinks the circle, never a label.
    """
    legend = len(figure.data) > 1
    axis = figure.layout.polar.angularaxis
    ticktext = list(axis.ticktext or ())
    if narrow:
        room = fitted_label_room(
            ticktext,
            NARROW_FONT_SIZE,
            ticklen=axis.ticklen,
            width=PHONE_CONTENT_WIDTH,
            at_least=_RIM_ROOM,
        )
        entries = sum(1 for trace in figure.data if trace.showlegend is not False)
        legend_room = entries * _PHONE_LEGEND_ROW + _PHONE_LEGEND_EXTRA
        bottom = room.bottom + legend_room if legend else room.bottom
        height = room.top + bottom + PHONE_CONTENT_WIDTH - room.left - room.right
    else:
        room = label_room(ticktext, FONT_SIZE, ticklen=axis.ticklen, at_least=_RIM_ROOM)
        bottom = room.bottom + _WIDE_LEGEND_ROOM if legend else room.bottom
        height = 660 if legend else 600
    common_layout(
        figure,
        height=height,
        legend=legend,
        margin={"t": room.top, "b": bottom, "l": room.left, "r": room.right},
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
            [name, "<br>".join(escape(series) for series in series_names)]
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
            number = as_float(row.get("capability"))
            if number is not None:
                by_number[int(number)] = row
    values: list[float | None] = []
    customdata: list[list[str]] = []
    for capability in capabilities:
        row = by_number.get(capability.number)
        value = as_float(row.get("level")) if row is not None else None
        values.append(value)
        evidence = row.get("evidence") if row is not None else None
        customdata.append(
            [
                escape(capability.label),
                escape(name),
                escape(level_text(value, scale)),
                evidence_html(evidence),
            ]
        )
    return {"name": name, "values": values, "customdata": customdata}


def _capability_bars(
    layers: Sequence[dict[str, Any]],
    capabilities: Sequence[Capability],
    colour: str,
    framework: Framework,
    *,
    narrow: bool = False,
) -> go.Figure:
    """Horizontal bars for a domain with fewer than three capabilities (see capability_radar)."""
    scale = framework.scale
    colours = level_colours(scale)
    labels = [wrap(escape(c.label), 14 if narrow else 26) for c in capabilities]
    figure = go.Figure()
    gaps: list[go.Scatter] = []
    for index, layer in enumerate(layers):
        values = layer["values"]
        customdata = layer["customdata"]
        group = f"layer-{index}"
        text = [None if v is None else escape(level_text(v, scale)) for v in values]
        bar: dict[str, Any] = {
            "orientation": "h",
            "name": escape(layer["name"]),
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
        tickfont=TICK_FONT,
        title={"text": "Level", "font": AXIS_TITLE_FONT},
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
    common_layout(
        figure,
        height=340 + 60 * (len(layers) - 1),
        legend=legend,
        legend_y=-0.35,
        margin={"t": 20, "b": 60, "l": 16, "r": 90 if narrow else 150},
    )
    return figure


def _level_colour(value: float | None, colours: Mapping[int, str]) -> str:
    """The level's palette colour; grey for a missing level, neutral for one off the scale."""
    if value is None:
        return NOT_ASSESSED_COLOUR
    return colours.get(int(value), NEUTRAL_COLOUR)


def _rgba(hex_colour: str, alpha: float) -> str:
    """``#RRGGBB`` as ``rgba(r,g,b,alpha)``, for a translucent fill."""
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"
