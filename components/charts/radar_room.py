"""Room around a radar's circle for its axis labels, worked out from the labels themselves.

Why: fixed margins fitted the labels of one domain and cut those of another. On a phone
"7 · Access to Image D…" lost 7 px on the left of the Criminal Justice radar, "9 · Child
Protection…" 6 px on the right of Victim's, and three-line labels their last line's descent
at the bottom. Each label's place is known before plotly draws it: plotly.js 3 puts an angular
label ``standoff`` px beyond the rim (``ticklen`` + 0.2 x the font size + half the axis line),
anchored at its inner end, or centred where its spoke is within 0.1 of vertical; a label of
several lines is shifted so that its lines sit above the top spoke, below the bottom one and
centred on a side one. With the lines' widths measured in the charts' font (``text_width``),
this gives how far each label reaches beyond the circle, and so the margins that hold it whole.
Checked against Chromium's boxes of the drawn labels (``tests/charts/test_radar_room.py``).

The radars put their first axis at the top and go clockwise (``radar._polar_layout``).
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

from components.charts.text_width import text_width

LINE_SPACING = 1.3  # plotly's distance between the lines of a label, in font sizes
_MIDDLE = 0.1  # plotly centres a label whose spoke's cosine is below this
_MID_SHIFT = 0.35  # plotly moves a side label down by this many font sizes (its middle)
_ASCENT, _DESCENT = 1.0, 0.34  # a line's box above and below its baseline, in font sizes
_LINE_WIDTH = 1  # the angular axis's line, half of which plotly adds to the standoff


@dataclass(frozen=True)
class LabelRoom:
    """Pixels beyond the circle that the axis labels reach on each side (margins)."""

    left: int
    right: int
    top: int
    bottom: int


def label_lines(ticktext: str) -> list[str]:
    """The lines of an axis label as drawn: split at ``<br>``, entities read back."""
    return [html.unescape(line) for line in str(ticktext).split("<br>")]


def standoff(font_size: float, ticklen: float) -> float:
    """How far beyond the rim plotly.js puts an angular label (``makeLabelFns``)."""
    return ticklen + 0.2 * font_size + _LINE_WIDTH / 2


def label_room(
    ticktext: Sequence[str],
    font_size: float,
    *,
    ticklen: float,
    radius: float = 0.0,
    air: int = 4,
    at_least: int = 0,
) -> LabelRoom:
    """Margins that hold every axis label whole around a circle of ``radius`` px or more.

    A label off a slanted spoke reaches less far beyond the circle the larger the circle, so
    a ``radius`` of 0 (the default) gives margins that hold whatever size the circle is
    drawn at. ``air`` px are added on each side, so that a label never touches the figure's
    edge, and no margin is below ``at_least`` (room for what sits on the rim).
    """
    count = len(ticktext)
    if not count:
        return LabelRoom(at_least, at_least, at_least, at_least)
    line = LINE_SPACING * font_size
    off = standoff(font_size, ticklen)
    left = right = top = bottom = 0.0
    for index, label in enumerate(ticktext):
        angle = math.radians(90 - 360 * index / count)  # first axis up, then clockwise
        cos, sin = math.cos(angle), math.sin(angle)
        lines = label_lines(label)
        width = max(text_width(text, font_size) for text in lines)
        inner = cos * (radius + off)  # the label's anchor, across from the centre
        if abs(cos) < _MIDDLE:
            start, end = inner - width / 2, inner + width / 2
        elif cos > 0:
            start, end = inner, inner + width
        else:
            start, end = inner - width, inner
        # The first line's baseline, downwards from the centre (plotly's yFn and heightFn).
        baseline = (
            -sin * (radius + off + font_size * (0.2 if sin > 0 else 1.0))
            + abs(cos) * font_size * _MID_SHIFT
            - 0.5 * (1 + sin) * (len(lines) - 1) * line
        )
        high = baseline - _ASCENT * font_size
        low = baseline + (len(lines) - 1) * line + _DESCENT * font_size
        left, right = max(left, -start - radius), max(right, end - radius)
        top, bottom = max(top, -high - radius), max(bottom, low - radius)
    return LabelRoom(*(max(at_least, math.ceil(side) + air) for side in (left, right, top, bottom)))


def fitted_label_room(
    ticktext: Sequence[str],
    font_size: float,
    *,
    ticklen: float,
    width: float,
    air: int = 4,
    at_least: int = 0,
) -> LabelRoom:
    """The margins for a radar whose circle takes all the ``width`` its side margins leave
    (a phone's): the circle and the labels' room are worked out together, since a larger
    room leaves a smaller circle, whose slanted labels reach further."""
    fit = {"ticklen": ticklen, "air": air, "at_least": at_least}
    room = label_room(ticktext, font_size, radius=width / 2, **fit)
    for _ in range(20):  # the room only grows, by less each time: a few rounds settle it
        radius = max(0.0, (width - room.left - room.right) / 2)
        wider = label_room(ticktext, font_size, radius=radius, **fit)
        if wider == room:
            break
        room = wider
    return room
