"""What every chart shares: fonts, the ui revision, the neutral grey, layout and hover text.

The chart modules (``radar``, ``heatmap``, ``bars``, ``trends``) build their figures with these
pieces, so that every figure follows the rules in ``components.charts``: the same fonts and
legend on every chart, numbers and levels written the same way, and every text that may come
from people HTML-escaped before plotly renders it.
"""

from __future__ import annotations

import functools
import html
import textwrap
from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from components.base.text import count_of, shorten
from components.charts.text_width import text_width
from components.framework.model import Scale
from components.framework.palette import NOT_ASSESSED_LABEL

# Kept constant so that plotly keeps zoom, pan and legend clicks when Streamlit reruns a page.
UIREVISION = "mnr-dashboard"

FONT_SIZE = 15
TICK_FONT_SIZE = 14
AXIS_TITLE_FONT_SIZE = 16
# Streamlit's own font first, so charts match the page. Not "inherit": plotly's "Download as
# PNG" draws the chart outside the page, where "inherit" falls back to a serif font.
FONT_FAMILY = '"Source Sans", "Source Sans Pro", "Source Sans 3", Arial, sans-serif'
_FONT = {"family": FONT_FAMILY, "size": FONT_SIZE}
TICK_FONT = {"size": TICK_FONT_SIZE}
AXIS_TITLE_FONT = {"size": AXIS_TITLE_FONT_SIZE}
# Narrow screens (phones, below about 800 px): a smaller label font, and labels cut to this
# many characters (the hover and the table beside every chart keep the full text).
NARROW_FONT_SIZE = 13
NARROW_LABEL_CHARS = 22

# A neutral grey for things that are not a category of their own (the peer median line, the
# outline of "not assessed" markers). Not a palette: a grey reads the same to everyone.
NEUTRAL_COLOUR = "#666666"

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


#: The trace types the charts draw. The screen template keeps plotly_white's defaults for
#: these only: a chart that starts drawing another type adds it here.
TRACE_TYPES = ("bar", "heatmap", "scatter", "scatterpolar")
#: Parts of plotly_white's layout for subplots no chart has (3D scenes, maps, ternary plots).
_UNUSED_SUBPLOTS = ("scene", "geo", "ternary", "mapbox", "map")


@functools.cache
def screen_template() -> go.layout.Template:
    """plotly_white as these charts use it: its whole look, without what they never draw.

    Every figure carries its template; plotly_white holds defaults for two dozen trace types
    and for 3D, map and ternary subplots. Setting it was most of the time it took to build a
    figure (plotly validates and copies it each time) and half of each figure's size on the
    wire. Kept to the layout and the trace types drawn here, a chart looks the same.
    Built once per process (the same for everyone), on first use.
    """
    white = pio.templates["plotly_white"].to_plotly_json()
    layout = {k: v for k, v in white["layout"].items() if k not in _UNUSED_SUBPLOTS}
    data = {kind: white["data"][kind] for kind in TRACE_TYPES if kind in white["data"]}
    return go.layout.Template(layout=layout, data=data)


def common_layout(
    figure: go.Figure,
    *,
    height: int,
    legend: bool,
    legend_y: float = -0.06,
    margin: Mapping[str, int] | None = None,
) -> None:
    """What every figure shares: template, fonts, legend below, ui revision."""
    figure.update_layout(
        template=screen_template(),
        font=_FONT,
        hoverlabel={"font": {"size": FONT_SIZE}, "align": "left"},
        height=height,
        margin=dict(margin) if margin else {"t": 40, "b": 40, "l": 60, "r": 40},
        showlegend=legend,
        uirevision=UIREVISION,
    )
    if legend:
        figure.update_layout(legend={**_LEGEND_BELOW, "y": legend_y})


def score_axis(figure: go.Figure, scale: Scale, *, axis: str = "y") -> None:
    """The axis of a domain score (``y``, or ``x`` for horizontal bars): fixed from 0 to the
    top of the scale, a tick per level."""
    update = figure.update_xaxes if axis == "x" else figure.update_yaxes
    update(
        range=[0, scale.maximum],
        tickmode="array",
        tickvals=[v for v in scale.values if v >= 0],
        tickfont=TICK_FONT,
        title={"text": "Domain score (mean level)", "font": AXIS_TITLE_FONT},
        zeroline=True,
        fixedrange=True,
    )


def domain_lookup(frame: pd.DataFrame) -> dict[tuple[Any, str], dict[str, Any]]:
    """(assessment_id, domain) -> the row as a dict, for lookups in framework order."""
    return {(row["assessment_id"], row["domain"]): row for row in frame.to_dict("records")}


def as_float(value: object) -> float | None:
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


def coverage_text(assessed: object, total: object, *, peer: bool = False) -> str:
    """How many capabilities (or, for a peer median, assessments) a score rests on."""
    count = as_float(assessed)
    if count is None:
        return ""
    count = int(count)
    if peer:
        return f"median of {count_of(count, 'assessment')}"
    whole = as_float(total)
    if whole is None:
        return f"{count_of(count, 'capability', 'capabilities')} assessed"
    if count == 0:
        return NOT_ASSESSED_LABEL
    return f"{count} of {int(whole)} capabilities assessed"


def evidence_html(evidence: object) -> str:
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
    text = shorten(text, _EVIDENCE_MAX_CHARS)
    # Wrap first, then escape each line: widths count what people read, not entities.
    lines = textwrap.wrap(text, _EVIDENCE_LINE_CHARS, break_long_words=True)
    return "Evidence: " + "<br>".join(escape(line) for line in lines)


def escape(text: object) -> str:
    """Escape text for plotly's HTML-like labels.

    Quotes are left alone: plotly decodes ``&lt;``, ``&gt;`` and ``&amp;`` but would show
    ``&quot;`` literally, and with ``<`` escaped no tag or attribute can form anyway.
    """
    return html.escape(str(text), quote=False)


def wrap(text: str, width: int) -> str:
    """Break a label into lines of about ``width`` characters with ``<br>``."""
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    return "<br>".join(lines) if lines else text


def short_domain_name(name: str, capabilities: int, *, column_px: float | None = None) -> str:
    """A domain name short enough for a header over ``capabilities`` heatmap columns.

    "and" becomes "&", then the longest words are cut to three letters and a full stop until
    the name fits: in ``column_px`` pixels a column (measured in the charts' font) when the
    caller knows them, else about four characters per column (what a projector-width heatmap
    gives a header); if it still does not fit, the first word alone stands for the domain.
    "Policy and Governance" over three columns becomes "Pol. & Gov.", "Media and
    Communications" over two becomes "Media". The full name is in the header's hover text.
    """

    def fits(text: str) -> bool:
        if column_px is None:
            return len(text) <= 4 * capabilities
        # Two pixels of the band's colour on each side, so that neighbours never touch.
        return text_width(text, TICK_FONT_SIZE) <= capabilities * column_px - 4

    words = name.replace(" and ", " & ").split()
    while not fits(" ".join(words)):
        longest = max(range(len(words)), key=lambda i: len(words[i]))
        if len(words[longest]) <= 4:
            break
        words[longest] = words[longest][:3] + "."
    if not fits(" ".join(words)):
        return name.split(maxsplit=1)[0]
    return " ".join(words)
