"""A chart's row names, whole: on one line where the margin allows, else wrapped at spaces.

Why: the heatmap's rows are named in the left margin, and the grid needs the rest of the
width. A name cut to fit ("Democratic Republic of the… 2024") hides what tells two rows apart
(the end of the country's name, the round). So the margin is made as wide as the names need
up to a share of the chart (``width_px``); a name wider than that is wrapped at its spaces
onto as few lines as fit, never cut inside a word; the rows are then made tall enough for
their lines. Only a name that even ``max_lines`` lines of the widest margin allowed
(``widest_px``) cannot hold is cut, with "…", at the end of its last line; the hover and the
table always have it whole.

Widths are measured with ``text_width`` (Streamlit's font), so plotly finds the margin made
for the names wide enough and does not draw the chart a second time to widen it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from components.base.text import ELLIPSIS
from components.charts.common import escape
from components.charts.text_width import text_width

# plotly sets a tick label's lines 1.3 em apart; a row holds its lines and a little air.
LINE_SPACING_EM = 1.3
_ROW_AIR_PX = 6
# How close the narrowest margin that holds the names is found (pixels).
_SEARCH_PX = 1.0


@dataclass(frozen=True)
class RowNames:
    """Each row's name as the lines it is drawn on, and how much room they take."""

    lines: tuple[tuple[str, ...], ...]
    font_size: float

    @property
    def width_px(self) -> float:
        """The widest line's width."""
        return max(
            (text_width(line, self.font_size) for lines in self.lines for line in lines),
            default=0.0,
        )

    @property
    def line_count(self) -> int:
        """The most lines any row's name takes (1 with no rows)."""
        return max((len(lines) for lines in self.lines), default=1)

    @property
    def ticktext(self) -> list[str]:
        """The names as plotly's tick labels: escaped, lines joined by ``<br>``."""
        return ["<br>".join(escape(line) for line in lines) for lines in self.lines]


def row_px(lines: int, font_size: float) -> int:
    """The least height of a row whose name takes ``lines`` lines at ``font_size``."""
    return math.ceil(lines * LINE_SPACING_EM * font_size + _ROW_AIR_PX)


def lines_in(row_height_px: float, font_size: float) -> int:
    """How many lines of a name a row ``row_height_px`` tall holds (at least one)."""
    return max(1, math.floor((row_height_px - _ROW_AIR_PX) / (LINE_SPACING_EM * font_size)))


def fit_row_names(
    names: Sequence[str],
    font_size: float,
    *,
    width_px: float,
    widest_px: float,
    max_lines: int,
) -> RowNames:
    """``names`` on as few lines as fit a margin of at most ``width_px`` (one line each when
    the widest fits), at most ``max_lines`` each; the margin as narrow as holds them on so
    many lines. Names that do not fit ``max_lines`` lines of ``width_px`` get up to
    ``widest_px``; a name that does not fit even those is cut at the end of its last line."""
    words = [name.split() or [""] for name in names]
    single = max((text_width(name, font_size) for name in names), default=0.0)
    if single <= width_px or (max_lines <= 1 and single <= widest_px):
        return RowNames(tuple((name,) for name in names), font_size)
    for limit in (width_px, widest_px):
        for count in range(2, max_lines + 1):
            if _fits(words, font_size, limit, count):
                width = _narrowest(words, font_size, limit, count)
                wrapped = tuple(tuple(_wrap(w, font_size, width)) for w in words)
                return RowNames(wrapped, font_size)
    return RowNames(tuple(_cut(w, font_size, widest_px, max_lines) for w in words), font_size)


def _wrap(words: Sequence[str], font_size: float, width: float) -> list[str]:
    """Words filled into lines of at most ``width`` (a word wider than that alone on its
    line)."""
    lines: list[str] = []
    for word in words:
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(joined, font_size) <= width:
            lines[-1] = joined
        else:
            lines.append(word)
    return lines


def _fits(words: Sequence[Sequence[str]], font_size: float, width: float, count: int) -> bool:
    return all(
        len(lines) <= count and all(text_width(line, font_size) <= width for line in lines)
        for lines in (_wrap(w, font_size, width) for w in words)
    )


def _narrowest(words: Sequence[Sequence[str]], font_size: float, width: float, count: int) -> float:
    """The narrowest width, to a pixel, at which every name fills at most ``count`` lines:
    lines of even length rather than a full first line and a word on the second."""
    low = max(text_width(word, font_size) for w in words for word in w)
    high = width
    while high - low > _SEARCH_PX:
        middle = (low + high) / 2
        if _fits(words, font_size, middle, count):
            high = middle
        else:
            low = middle
    return high


def _cut(words: Sequence[str], font_size: float, width: float, max_lines: int) -> tuple[str, ...]:
    """A name too long for ``max_lines`` lines of ``width``: its first lines whole, the last
    cut with "…" where it is full (a word wider than a line is cut too)."""
    lines = [_shortened(line, font_size, width) for line in _wrap(words, font_size, width)]
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1 :])
        lines = [*lines[: max_lines - 1], _shortened(rest + ELLIPSIS, font_size, width)]
    return tuple(lines)


def _shortened(text: str, font_size: float, width: float) -> str:
    """``text`` as it stands when it fits ``width``, else cut to fit, ending in "…"."""
    if text_width(text, font_size) <= width:
        return text
    room = width - text_width(ELLIPSIS, font_size)
    kept = 0
    used = 0.0
    for char in text.removesuffix(ELLIPSIS):  # one pass: a long name is not measured anew
        used += text_width(char, font_size)
        if used > room:
            break
        kept += 1
    return text[:kept].rstrip() + ELLIPSIS
