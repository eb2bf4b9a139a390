"""How wide a line of text is drawn in Streamlit's own font.

Why: a heatmap's row names sit in a margin that plotly's ``automargin`` widens to fit them,
and when it has to widen it, plotly draws the whole chart a second time (measured: the demo's
heatmap took 2.3x as long to draw in the browser). Starting the margin as wide as the names
need leaves plotly nothing to widen; ``automargin`` stays on, so a name this estimate puts
too narrow (another font, an unusual character) still fits, at the old cost.
"""

from __future__ import annotations

import math

# Advance widths of Source Sans 3 at weight 400 (the font Streamlit serves to every page, and
# the first in the charts' font family), in thousandths of an em, for the printable ASCII
# characters from " " (32) to "~" (126). Read with fontTools from Streamlit 1.67's
# ``static/media/SourceSansVF-Upright*.woff2``, instanced at wght=400.
# fmt: off
_ASCII_WIDTHS = (
    200, 289, 426, 497, 497, 824, 609, 249, 303, 303, 418, 497, 249, 311, 249, 350,
    497, 497, 497, 497, 497, 497, 497, 497, 497, 497, 249, 249, 497, 497, 497, 425,
    847, 543, 588, 571, 615, 527, 494, 617, 652, 263, 479, 579, 486, 727, 647, 664,
    566, 664, 569, 534, 536, 645, 515, 786, 513, 476, 539, 303, 350, 303, 497, 500,
    542, 504, 553, 456, 555, 496, 292, 504, 544, 246, 247, 495, 255, 829, 547, 542,
    555, 555, 347, 419, 338, 544, 467, 719, 446, 467, 425, 303, 241, 303, 497,
)
# fmt: on
# Characters outside ASCII that the charts themselves write (a level's "0 · Not in place", the
# "–" of a cell not assessed), measured in Chromium with the same font.
_WRITTEN_WIDTHS = {"·": 249, "–": 480, "—": 800}
# Any other character counts as a full em: wider than every Latin letter of the font, so that
# names with accents or in other scripts err on the side of room.
_OTHER_WIDTH = 1000


def text_width(text: str, font_size: float) -> float:
    """Pixels that ``text`` takes on one line in Source Sans 3 at ``font_size`` pixels."""
    thousandths = sum(
        _ASCII_WIDTHS[ord(char) - 32]
        if 32 <= ord(char) < 127
        else _WRITTEN_WIDTHS.get(char, _OTHER_WIDTH)
        for char in text
    )
    return thousandths * font_size / 1000


def label_margin(labels: list[str], font_size: float, *, at_least: int) -> int:
    """A left margin in pixels wide enough for the longest of ``labels`` as an axis's tick
    labels, and never less than ``at_least``.

    The 14 px beyond the text are what plotly adds to its tick labels' width when it fits the
    margin to them (measured in Chromium: 190 px for a 176.8 px label).
    """
    if not labels:
        return at_least
    widest = max(text_width(label, font_size) for label in labels)
    return max(at_least, math.ceil(widest + 14))
