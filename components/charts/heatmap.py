"""The heatmap: assessments x the 21 capabilities, one colour a level, grouped by domain.

The colorscale is stepped so that each level gets exactly its palette colour and "not
assessed" is a colour of the same legend; coloured headers above the columns name the
domains.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.base.text import shorten
from components.charts.common import (
    TICK_FONT,
    TICK_FONT_SIZE,
    common_layout,
    escape,
    evidence_html,
    level_text,
)
from components.framework.model import Framework
from components.framework.palette import (
    NOT_ASSESSED_COLOUR,
    NOT_ASSESSED_LABEL,
    domain_colours,
    level_colours,
    text_colour_on,
)

ROW_LABEL_CHARS = 32  # a row's name on the axis; the hover shows all of it
HEATMAP_TEXT_MAX_ROWS = 40  # above this many rows, numbers in cells are too small to read
_HEATMAP_ROW_PX = 28
_HEATMAP_MIN_HEIGHT = 320
_HEATMAP_MAX_HEIGHT = 4000
_HEATMAP_TOP_PX = 96  # capability numbers, then the coloured domain headers above them
_HEATMAP_BOTTOM_PX = 24


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
            "ticktext": [NOT_ASSESSED_LABEL, *(level_text(v, scale) for v in scale.values)],
            "tickfont": TICK_FONT,
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
        tickfont=TICK_FONT,
        range=[numbers[0] - 0.5, numbers[-1] + 0.5],
        showgrid=False,
        zeroline=False,
        fixedrange=True,
    )
    figure.update_yaxes(
        tickmode="array",
        tickvals=list(range(rows)),
        # A row's name is cut on the axis (the hover shows all of it): a very long name would
        # otherwise take the width the grid needs.
        ticktext=[escape(shorten(row_labels.get(i, str(i)), ROW_LABEL_CHARS)) for i in ids],
        tickfont=TICK_FONT,
        range=[rows - 0.5, -0.5],  # top to bottom in the given order
        showgrid=False,
        zeroline=False,
        automargin=True,
    )
    common_layout(
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
            text=escape(short_domain_name(domain.name, len(numbers))),
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


def _numeric_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with capability columns as ints, whether they came as 7, 7.0 or "7"."""
    renamed = {}
    for column in frame.columns:
        try:
            renamed[column] = int(column)
        except (TypeError, ValueError):
            renamed[column] = column
    return frame.rename(columns=renamed)
