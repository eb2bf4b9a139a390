"""The heatmap: assessments x the 21 capabilities, one colour a level, grouped by domain.

The colorscale is stepped so that each level gets exactly its palette colour and "not
assessed" is a colour of the same legend; coloured headers above the columns name the
domains.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.charts.common import (
    TICK_FONT,
    TICK_FONT_SIZE,
    common_layout,
    escape,
    evidence_html,
    short_domain_name,
)
from components.charts.row_names import RowNames, fit_row_names, lines_in, row_px
from components.charts.text_width import label_margin, text_width
from components.framework.model import Domain, Framework, Scale
from components.framework.palette import (
    NOT_ASSESSED_COLOUR,
    NOT_ASSESSED_LABEL,
    domain_colours,
    level_colours,
    text_colour_on,
)
from components.scoring.tables import level_text

# A row's name is whole on the axis (``row_names``): on one line in a margin of up to a share
# of the narrowest chart's width, else wrapped at its spaces onto up to ``ROW_NAME_LINES``
# lines. A desk's share is the most that still leaves each of the 21 columns the 18 px a
# level's number needs beside the colour legend (820 px less a 279 + 14 px margin and the
# legend's 147: 380 px, 18.1 a column). Names that three lines of it do not hold get up to
# the wider share, the cells then too narrow for their numbers (the hover and the table have
# them); only a name that does not fit that either is cut, with "…", at its last line's end.
ROW_NAME_SHARE = 0.34
ROW_NAME_MAX_SHARE = 0.45
ROW_NAME_LINES = 3
# On a phone the grid shows one domain's three to five columns, so the names may take more.
NARROW_ROW_NAME_SHARE = 0.4
NARROW_ROW_NAME_MAX_SHARE = 0.55
# The heatmap's width on the narrowest phone it is made for (a 360 px screen; 358 px were
# measured in Chromium at 390 px).
_NARROWEST_PHONE_CHART_PX = 328
# A level's number is written in its cell when the cell holds it legibly: at least this many
# pixels tall (the number's 14 px and a little air) and wide (one digit, air on both sides).
HEATMAP_TEXT_MIN_CELL_PX = 18
_HEATMAP_ROW_PX = 28
_HEATMAP_MIN_HEIGHT = 320
_HEATMAP_MAX_HEIGHT = 4000
_HEATMAP_TOP_PX = 96  # capability numbers, then the coloured domain headers above them
_HEATMAP_BOTTOM_PX = 24
# The axes' labels always fit: the margins are made for them (and widened if a font differs).
# "allow" spares plotly measuring every label against the page to hide those that would not:
# an eighth of the time the demo's heatmap takes to draw.
_LABELS_FIT = "allow"


def level_heatmap(
    levels: pd.DataFrame,
    evidence: pd.DataFrame,
    row_labels: Mapping[str, str],
    framework: Framework,
    *,
    domain_id: str | None = None,
    narrow: bool = False,
) -> go.Figure:
    """Assessments (rows, top to bottom in the given order) x capabilities, one colour a level.

    ``domain_id`` shows only that domain's capabilities (a phone shows one domain at a time);
    ``narrow`` gives the row names a phone's share of the width and puts the colour legend
    under the grid. Each row's name is whole on the axis, wrapped onto more lines (and the
    rows made taller) when it is wider than its share (``axis_row_names``).

    Colours are discrete: the colorscale is stepped so that each level gets exactly its
    palette colour. A missing cell is mapped to a sentinel one step below the scale
    (``scale.minimum - 1``) whose step is ``NOT_ASSESSED_COLOUR``, so "not assessed" is part of
    the same colour legend rather than a second, easily forgotten trace.

    Rows are placed at y = 0, 1, 2, ... (labels as tick text) rather than on a category axis,
    so two assessments with the same label never merge into one row.
    """
    scale = framework.scale
    domains = framework.domains if domain_id is None else [framework.domain(domain_id)]
    capabilities = [c for d in domains for c in framework.capabilities_in(d.id)]
    numbers = [c.number for c in capabilities]
    frame = _numeric_columns(levels).reindex(columns=numbers)
    notes = _numeric_columns(evidence).reindex(index=frame.index, columns=numbers)
    ids = list(frame.index)
    rows = len(ids)
    sentinel = scale.minimum - 1
    values = frame.to_numpy(dtype=float, na_value=np.nan)
    z = np.where(np.isnan(values), sentinel, values)

    row_names = [escape(row_labels.get(i, str(i))) for i in ids]  # in full, for the hover
    capability_names = [escape(c.label) for c in capabilities]
    cell_notes = notes.to_numpy(dtype=object)  # read once, not cell by cell through pandas
    # An object array, not nested lists: plotly validates nested lists element by element,
    # which made a 200-row heatmap take three times as long to build.
    customdata = np.array(
        [
            [
                [
                    row_names[r],
                    capability_names[c],
                    escape(level_text(values[r, c], scale)),
                    evidence_html(cell_notes[r, c]),
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
    names = axis_row_names([row_labels.get(i, str(i)) for i in ids], narrow=narrow)
    height = heatmap_height(rows, names.line_count)
    plot_height = height - _HEATMAP_TOP_PX - _HEATMAP_BOTTOM_PX
    # As wide as the names need from the start: see components/charts/text_width.py.
    left = label_margin(
        [line for lines in names.lines for line in lines],
        TICK_FONT_SIZE,
        at_least=8 if narrow else 16,
    )
    column_px = _column_px(left, len(numbers), scale)
    show_text = cells_hold_numbers(plot_height / max(rows, 1), column_px)
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
        "colorbar": _colour_legend(steps, scale, plot_height, narrow=narrow),
        "name": "",
    }
    copies: list[go.Heatmap] = []
    if show_text and rows:
        grid_text, copies = _cell_text(values, numbers, colours)
        heatmap.update(grid_text)
    figure = go.Figure([go.Heatmap(**heatmap), *copies])

    _domain_headers(figure, framework, domains, column_px=column_px)
    figure.update_xaxes(
        side="top",
        tickmode="array",
        tickvals=numbers,
        ticktext=[str(n) for n in numbers],
        tickfont=TICK_FONT,
        range=[numbers[0] - 0.5, numbers[-1] + 0.5],
        showgrid=False,
        zeroline=False,
        fixedrange=True,
        ticklabeloverflow=_LABELS_FIT,
    )
    figure.update_yaxes(
        tickmode="array",
        tickvals=list(range(rows)),
        ticktext=names.ticktext,
        tickfont=TICK_FONT,
        range=[rows - 0.5, -0.5],  # top to bottom in the given order
        showgrid=False,
        zeroline=False,
        automargin=True,
        ticklabeloverflow=_LABELS_FIT,
    )
    bottom = _NARROW_LEGEND_PX if narrow else _HEATMAP_BOTTOM_PX
    common_layout(
        figure,
        height=height + (bottom - _HEATMAP_BOTTOM_PX),
        legend=False,
        margin={
            "t": _HEATMAP_TOP_PX,
            "b": bottom,
            "l": left,
            "r": _NARROW_RIGHT_PX if narrow else legend_margin(_legend_text(scale)),
        },
    )
    return figure


_NARROW_LEGEND_PX = 110  # room under a phone's grid for the colour legend lying down
_NARROW_RIGHT_PX = 16
# The colour bar beside the grid: its width, and the room on each side of it (between the grid
# and the bar, and after the labels).
_LEGEND_BAR_PX = 18
_LEGEND_PAD_PX = 15
# What plotly adds beyond a colour bar when it widens the margin for it (its "pad": the least
# of 12 px and the figure's margins).
_PLOTLY_PUSH_PAD_PX = 12


def _legend_text(scale: Scale) -> list[str]:
    """The colour bar's labels: "not assessed", then each level."""
    return [NOT_ASSESSED_LABEL, *(level_text(v, scale) for v in scale.values)]


def legend_margin(labels: Sequence[str]) -> int:
    """The right margin the colour bar beside the grid takes, in pixels.

    Why: the bar stands in the right margin, and plotly widens that margin to fit it. Widening
    it after the first pass means drawing the bar, the axes and the domain headers again (a
    fifth of the demo heatmap's drawing time in Chromium). A margin as wide as the bar needs
    from the start leaves plotly nothing to widen; if a font draws the labels wider than
    ``text_width`` says, plotly still widens it, at the old cost. One pixel to spare: plotly
    draws again only for a margin more than a pixel off.
    """
    widest = max((text_width(label, TICK_FONT_SIZE) for label in labels), default=0.0)
    return math.ceil(_PLOTLY_PUSH_PAD_PX + 2 * _LEGEND_PAD_PX + _LEGEND_BAR_PX + widest) + 1


def _colour_legend(
    steps: Sequence[float], scale: Scale, plot_height: int, *, narrow: bool
) -> dict[str, Any]:
    """The colour bar naming each level: beside the grid, or under it on a narrow screen."""
    ticktext = _legend_text(scale)
    legend: dict[str, Any] = {
        "tickmode": "array",
        "tickvals": list(steps),
        "tickfont": TICK_FONT,
        "thickness": _LEGEND_BAR_PX,
        "outlinewidth": 0,
        "ticks": "",
    }
    if narrow:
        # Lying down under the grid, the levels' numbers only ("–" for not assessed): the
        # page's text and the table name them, and six names would not fit side by side.
        return {
            **legend,
            "ticktext": ["–", *(f"{v:g}" for v in scale.values)],
            "orientation": "h",
            "lenmode": "fraction",
            "len": 1,
            "x": 0.5,
            "xanchor": "center",
            "y": 0,
            "yref": "container",
            "yanchor": "bottom",
        }
    return {
        **legend,
        "ticktext": ticktext,
        # Right at the grid's edge (plotly's default, 1.02, is a share of the grid's width,
        # which the figure does not know), so that its margin can be worked out in advance.
        "x": 1,
        "xanchor": "left",
        "xpad": _LEGEND_PAD_PX,
        "lenmode": "pixels",
        "len": min(40 * len(steps), plot_height),
        "y": 1,
        "yanchor": "top",
    }


def _cell_text(
    values: np.ndarray, x: Sequence[int], colours: Mapping[int, str]
) -> tuple[dict[str, Any], list[go.Heatmap]]:
    """Each cell's level as text, dark or light by the cell colour's contrast.

    ``text_colour_on`` picks the colour with the higher WCAG contrast per cell, at least 4.5:1
    on every level's colour, but a heatmap trace writes all its cells' text in one colour (or
    its own choice, which put white on the level-2 teal at 3.9:1). So the grid writes the
    cells of the more common text colour, and a see-through copy of the grid above it writes
    the others, in the same places. Not a text trace: plotly styles each of a text trace's
    points twice, which made the numbers half of the chart's drawing time in Chromium.
    Returns the grid's text settings and the copies (none when one colour does for all).
    """
    texts = [["–" if np.isnan(value) else f"{value:g}" for value in row] for row in values]
    fonts = [
        [
            text_colour_on(NOT_ASSESSED_COLOUR if np.isnan(value) else colours[int(value)])
            for value in row
        ]
        for row in values
    ]
    counts: dict[str, int] = {}
    for row in fonts:
        for font in row:
            counts[font] = counts.get(font, 0) + 1
    by_count = sorted(counts, key=lambda font: -counts[font])

    def written_in(colour: str) -> dict[str, Any]:
        return {
            "text": [
                [text if font == colour else "" for text, font in zip(row, fonts_of, strict=True)]
                for row, fonts_of in zip(texts, fonts, strict=True)
            ],
            "texttemplate": "%{text}",
            "textfont": {"size": TICK_FONT_SIZE, "color": colour},
        }

    clear = "rgba(0,0,0,0)"
    copies = [
        go.Heatmap(
            z=np.zeros(values.shape).tolist(),
            x=list(x),
            y=list(range(len(values))),
            colorscale=[[0, clear], [1, clear]],
            showscale=False,
            # Its picture is see-through: the smallest plotly can make (a pixel a cell).
            zsmooth="fast",
            hoverinfo="skip",
            showlegend=False,
            name="levels",
            **written_in(colour),
        )
        for colour in by_count[1:]
    ]
    return written_in(by_count[0]), copies


def axis_row_names(labels: Sequence[str], *, narrow: bool) -> RowNames:
    """The rows' names as the axis shows them: whole, wrapped onto as many lines as the
    margin needs (``row_names.fit_row_names``), no more than the rows' height holds once the
    figure is as tall as it may be."""
    chart = _NARROWEST_PHONE_CHART_PX if narrow else _NARROWEST_CHART_PX
    share, most = (
        (NARROW_ROW_NAME_SHARE, NARROW_ROW_NAME_MAX_SHARE)
        if narrow
        else (ROW_NAME_SHARE, ROW_NAME_MAX_SHARE)
    )
    fitted = {"width_px": share * chart, "widest_px": most * chart}
    names = fit_row_names(labels, TICK_FONT_SIZE, **fitted, max_lines=ROW_NAME_LINES)
    rows = max(len(labels), 1)
    plot_height = heatmap_height(rows, names.line_count) - _HEATMAP_TOP_PX - _HEATMAP_BOTTOM_PX
    room = lines_in(plot_height / rows, TICK_FONT_SIZE)
    if room < names.line_count:  # so many rows that the tallest figure has low rows
        names = fit_row_names(labels, TICK_FONT_SIZE, **fitted, max_lines=room)
    return names


def cells_hold_numbers(cell_height_px: float, cell_width_px: float) -> bool:
    """Whether cells this many pixels tall and wide hold a level's number legibly.

    Decided by the cell's size, not the number of rows: every row is as tall up to about 140
    rows (the figure grows with them), and only beyond that do the cells shrink.
    """
    return min(cell_height_px, cell_width_px) >= HEATMAP_TEXT_MIN_CELL_PX


def levels_in_cells(figure: go.Figure) -> bool:
    """Whether a heatmap from ``level_heatmap`` writes each cell's level in the cell."""
    return bool(figure.data) and figure.data[0].texttemplate is not None


def heatmap_height(rows: int, lines: int = 1) -> int:
    """Figure height in pixels for a heatmap of ``rows`` rows whose names take up to
    ``lines`` lines: grows with rows (taller rows for names on several lines), within
    bounds."""
    row = max(_HEATMAP_ROW_PX, row_px(lines, TICK_FONT_SIZE))
    return int(min(_HEATMAP_MAX_HEIGHT, max(_HEATMAP_MIN_HEIGHT, 120 + row * rows)))


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


# The heatmap's width on the narrowest screen it is made for beside the sidebar: a 1280x720
# laptop or projector with the sidebar open (measured in Chromium: 820 px; 1460 px at
# 1920x1080). Wider screens give the domains' names more room than this needs; a phone
# shows one domain at a time.
_NARROWEST_CHART_PX = 820


def _column_px(left: int, columns: int, scale: Scale) -> float:
    """The width a column of the grid gets at least, on the narrowest chart drawn beside the
    sidebar: what the domains' names above the columns must fit in."""
    right = legend_margin(_legend_text(scale))
    return max(1.0, (_NARROWEST_CHART_PX - left - right) / columns)


def _domain_headers(
    figure: go.Figure, framework: Framework, domains: Sequence[Domain], *, column_px: float
) -> None:
    """Coloured bands naming each domain above the heatmap, and lines between domains."""
    colours = domain_colours(framework)
    groups = [
        (domain, [c.number for c in framework.capabilities_in(domain.id)]) for domain in domains
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
            text=escape(short_domain_name(domain.name, len(numbers), column_px=column_px)),
            hovertext=escape(domain.name),
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


def _numeric_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with capability columns as ints, whether they came as 7, 7.0 or "7"."""
    renamed = {}
    for column in frame.columns:
        try:
            renamed[column] = int(column)
        except (TypeError, ValueError):
            renamed[column] = column
    return frame.rename(columns=renamed)
