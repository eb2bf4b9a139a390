"""The room a radar's axis labels take beyond its circle, against the labels as Chromium drew
them (plotly.js 3, Streamlit's Source Sans, the radars' 14 px ticklen)."""

from __future__ import annotations

import pytest

from components.charts.common import FONT_SIZE, NARROW_FONT_SIZE
from components.charts.radar import PHONE_CONTENT_WIDTH, capability_radar, domain_radar
from components.charts.radar_room import fitted_label_room, label_lines, label_room, standoff
from tests.charts.frames import FW, capability_table, series

TICKLEN = 14


def ticktext(domain: str, *, narrow: bool) -> list[str]:
    """A radar's axis labels as the radars write them (``overview``: the domain radar)."""
    if domain == "overview":
        figure = domain_radar([series("Arvenia 2023", [1, 2, 3, 2, 1, 2])], FW, narrow=narrow)
    else:
        levels = {c.number: 2 for c in FW.capabilities_in(domain)}
        figure = capability_radar(capability_table(levels), FW, domain, narrow=narrow)
    return list(figure.layout.polar.angularaxis.ticktext)


@pytest.mark.parametrize(
    ("domain", "narrow", "radius", "drawn"),
    [
        # Pixels beyond the circle that Chromium's boxes of the drawn labels reached (left,
        # right, top, bottom), measured on a 358 px phone chart and an 820 px page chart.
        # "7 · Access / to Image D…" on the left, three-line labels at the top and bottom.
        ("criminal-justice", True, 95, (87.5, 71.6, 66.5, 67.9)),
        # "9 · Child / Protection…" on the right.
        ("victim", True, 98, (66.7, 86.2, 49.6, 67.9)),
        # Slanted spokes: "Industry" and "Media / & Com." on the left, "Cri. / Justice" on
        # the right, one line ("Societal") at the bottom.
        ("overview", True, 136, (41.9, 34.8, 49.6, 34.1)),
        ("overview", False, 250, (88.7, 35.0, 55.0, 37.5)),
        ("societal", False, 238, (151.5, 182.5, 35.5, 37.5)),
    ],
)
def test_the_room_holds_each_label_as_chromium_drew_it_and_wastes_little(
    domain, narrow, radius, drawn
):
    font = NARROW_FONT_SIZE if narrow else FONT_SIZE
    room = label_room(ticktext(domain, narrow=narrow), font, ticklen=TICKLEN, radius=radius, air=0)
    sides = (room.left, room.right, room.top, room.bottom)
    for side, reach in zip(sides, drawn, strict=True):
        assert reach <= side <= reach + 2, (sides, drawn)


def test_a_label_off_a_slanted_spoke_needs_less_room_around_a_larger_circle():
    labels = ticktext("overview", narrow=True)
    small, large = (
        label_room(labels, NARROW_FONT_SIZE, ticklen=TICKLEN, radius=radius) for radius in (0, 136)
    )
    assert large.left < small.left
    assert large.top == small.top  # the top label's spoke is upright: its room is the same


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        ([], (12, 12, 12, 12)),  # nothing but the rim's own room
        # One label straight up: centred over the circle, so no side needs more than the rim.
        (["Up"], (12, 12, 37, 12)),
    ],
)
def test_no_margin_is_below_the_rim_s_own_room(labels, expected):
    room = label_room(labels, NARROW_FONT_SIZE, ticklen=TICKLEN, radius=100, at_least=12)
    assert (room.left, room.right, room.top, room.bottom) == expected


def test_label_lines_read_the_lines_as_drawn():
    assert label_lines("7 · Access<br>to Image D…") == ["7 · Access", "to Image D…"]
    assert label_lines("A &amp; B &lt;i&gt;") == ["A & B <i>"]
    assert standoff(13, 14) == pytest.approx(17.1)  # plotly.js: ticklen + 0.2 em + half a line


RADARS = ["overview", *(d.id for d in FW.domains if len(FW.capabilities_in(d.id)) >= 3)]


@pytest.mark.parametrize("domain", RADARS)
def test_a_phone_radar_s_room_and_circle_fit_its_width_together(domain):
    labels = ticktext(domain, narrow=True)
    room = fitted_label_room(labels, NARROW_FONT_SIZE, ticklen=TICKLEN, width=PHONE_CONTENT_WIDTH)
    radius = (PHONE_CONTENT_WIDTH - room.left - room.right) / 2
    # Settled: the room its circle's labels need is the room it has.
    assert label_room(labels, NARROW_FONT_SIZE, ticklen=TICKLEN, radius=radius) == room
    assert 2 * radius >= 180  # the circle keeps half a phone's width
