"""The domain radar and the capability radar (bars for a two-capability domain), on their data."""

from __future__ import annotations

import html
import math

import plotly.graph_objects as go
import pytest

from components.charts.common import FONT_SIZE, NARROW_FONT_SIZE
from components.charts.radar import (
    PHONE_CONTENT_WIDTH,
    RadarSeries,
    capability_radar,
    domain_radar,
)
from components.charts.text_width import text_width
from components.framework.palette import (
    DOMAIN_PALETTE,
    NOT_ASSESSED_COLOUR,
    NOT_ASSESSED_LABEL,
    domain_colours,
    level_colours,
)
from tests.charts.frames import (
    DOMAIN_IDS,
    DOMAIN_NAMES,
    FW,
    NAN,
    capability_table,
    framework_with_scale,
    series,
)


def plain(label: str) -> str:
    """A tick label without its line breaks."""
    return label.replace("<br>", " ")


# --- domain radar ---------------------------------------------------------------------------------


def test_domain_radar_closes_the_loop_in_framework_order_on_a_fixed_range():
    figure = domain_radar([series("A", [0.0, 1.0, 2.0, 3.0, 4.0, 2.5])], FW)
    (trace,) = figure.data
    assert isinstance(trace, go.Scatterpolar)
    assert list(trace.theta) == [*DOMAIN_NAMES, DOMAIN_NAMES[0]]
    assert list(trace.r) == [0.0, 1.0, 2.0, 3.0, 4.0, 2.5, 0.0]
    radial = figure.layout.polar.radialaxis
    assert list(radial.range) == [FW.scale.minimum, FW.scale.maximum]
    assert list(radial.tickvals) == list(FW.scale.values)
    assert list(radial.ticktext) == [str(v) for v in FW.scale.values]
    angular = figure.layout.polar.angularaxis
    assert list(angular.categoryarray) == DOMAIN_NAMES
    assert [plain(t) for t in angular.ticktext] == DOMAIN_NAMES
    assert trace.fill == "toself"
    assert not figure.layout.showlegend  # one series: the page's heading names it


@pytest.mark.parametrize("missing", [0, 2, 5])
def test_domain_radar_leaves_a_gap_for_a_missing_score_never_zero(missing):
    scores = [1.0, 2.0, 3.0, 2.0, 1.0, 2.0]
    scores[missing] = NAN
    figure = domain_radar([series("Arvenia 2023", scores)], FW)
    main, gaps = figure.data
    expected = [None if math.isnan(s) else s for s in scores]
    assert list(main.r) == [*expected, expected[0]]
    assert 0 not in [r for r in main.r if r is not None]
    assert main.connectgaps is False
    assert main.fill is None, "a fill would invent the missing corner"
    # The missing domain is flagged, not plotted as a value: grey, named "Not assessed".
    assert gaps.name == NOT_ASSESSED_LABEL
    assert list(gaps.theta) == [DOMAIN_NAMES[missing]]
    assert gaps.marker.color == NOT_ASSESSED_COLOUR
    assert list(gaps.r) == [FW.scale.maximum], "on the rim, where it cannot read as 0"
    assert "Arvenia 2023" in gaps.customdata[0][1]
    assert NOT_ASSESSED_LABEL in gaps.hovertemplate
    assert figure.layout.showlegend


def test_domain_radar_styles_and_colours_tell_series_apart():
    figure = domain_radar(
        [
            series("Focus", [2] * 6),
            series("Overlay 1", [1] * 6, "overlay"),
            series("Overlay 2", [3] * 6, "overlay"),
            series("Overlay 3", [1.5] * 6, "overlay"),
            series("Peers", [2.5] * 6, "peer"),
        ],
        FW,
    )
    focus, *overlays, peer = figure.data
    assert [t.name for t in figure.data] == [
        "Focus",
        "Overlay 1",
        "Overlay 2",
        "Overlay 3",
        "Peers",
    ]
    assert focus.fill == "toself"
    assert focus.line.dash in (None, "solid")
    assert [t.line.color for t in [focus, *overlays]] == list(DOMAIN_PALETTE[:4])
    dashes = [t.line.dash for t in overlays]
    assert len(set(dashes)) == 3
    assert "solid" not in dashes
    assert None not in dashes
    assert len({t.marker.symbol for t in overlays}) == 3
    assert all(t.fill is None for t in overlays)
    assert peer.line.dash == "dot"
    assert peer.fill is None
    assert peer.line.color not in DOMAIN_PALETTE
    assert figure.layout.showlegend
    assert figure.layout.legend.orientation == "h"


def test_domain_radar_hover_says_score_and_coverage_and_escapes_names():
    peer = RadarSeries(
        "Peers", dict.fromkeys(DOMAIN_IDS, 2.0), dict.fromkeys(DOMAIN_IDS, 8), style="peer"
    )
    figure = domain_radar([series("<b>Arvenia</b>", [2.25] * 6), peer], FW)
    focus, peers = figure.data
    assert "Score: %{customdata[3]}" in focus.hovertemplate
    assert focus.customdata[0][3] == "2.3"  # a half rounds up, as in every table
    assert focus.customdata[0][0] == DOMAIN_NAMES[0]
    assert focus.customdata[0][2] == "3 of 4 capabilities assessed"
    assert focus.name == "&lt;b&gt;Arvenia&lt;/b&gt;"
    assert peers.customdata[0][2] == "median of 8 assessments"


def test_radar_follows_a_custom_scale():
    framework = framework_with_scale([1, 2, 3])
    figure = domain_radar([series("A", [1, 2, 3, 1, 2, 3])], framework)
    radial = figure.layout.polar.radialaxis
    assert list(radial.range) == [1, 3]
    assert list(radial.tickvals) == [1, 2, 3]


# --- capability radar -----------------------------------------------------------------------------


def test_capability_radar_draws_one_domain_with_level_coloured_markers():
    table = capability_table({4: 1, 5: 2, 6: 0, 7: 4, 1: 3})
    figure = capability_radar(table, FW, "criminal-justice", name="Arvenia 2023")
    (trace,) = figure.data
    capabilities = FW.capabilities_in("criminal-justice")
    assert isinstance(trace, go.Scatterpolar)
    assert [plain(t) for t in trace.theta] == [c.label for c in capabilities] + [
        capabilities[0].label
    ]
    assert trace.theta[3] == "7 · Access to Image<br>Databases"
    assert list(trace.r) == [1, 2, 0, 4, 1]
    colours = level_colours(FW.scale)
    assert list(trace.marker.color) == [colours[v] for v in (1, 2, 0, 4, 1)]
    assert trace.line.color == domain_colours(FW)["criminal-justice"]
    assert list(figure.layout.polar.radialaxis.range) == [FW.scale.minimum, FW.scale.maximum]
    assert list(figure.layout.polar.radialaxis.tickvals) == list(FW.scale.values)
    assert trace.customdata[1][2] == "2 · Developing"
    assert trace.customdata[1][1] == "Arvenia 2023"


def test_capability_radar_gap_overlay_and_evidence():
    table = capability_table({8: 2, 9: 3, 11: 1}, {8: "<script>alert(1)</script> shelters"})
    overlay = capability_table({8: 1, 9: 1, 10: 1, 11: 1})
    figure = capability_radar(table, FW, "victim", overlay, "Arvenia 2021")
    focus, other, gaps = figure.data
    assert list(focus.r) == [2, 3, None, 1, 2]
    assert focus.fill is None
    assert list(other.r) == [1, 1, 1, 1, 1]
    assert other.name == "Arvenia 2021"
    assert other.line.dash == "dash"
    assert gaps.name == NOT_ASSESSED_LABEL
    assert [plain(t) for t in gaps.theta] == [FW.capability(10).label]
    evidence = focus.customdata[0][3]
    assert "<script>" not in evidence
    assert "&lt;script&gt;" in evidence
    assert focus.customdata[2][2] == NOT_ASSESSED_LABEL
    assert figure.layout.showlegend


@pytest.mark.parametrize(
    ("levels", "expected"),
    [({20: 0, 21: 3}, [0, 3]), ({21: 4}, [None, 4]), ({}, [None, None])],
)
def test_two_capability_domain_is_a_bar_chart_on_the_same_range(levels, expected):
    figure = capability_radar(capability_table(levels), FW, "media-and-communications")
    bars = [t for t in figure.data if isinstance(t, go.Bar)]
    assert not [t for t in figure.data if isinstance(t, go.Scatterpolar)]
    (bar,) = bars
    assert bar.orientation == "h"
    assert [plain(y) for y in bar.y] == [
        c.label for c in FW.capabilities_in("media-and-communications")
    ]
    assert list(bar.x) == expected
    colours = level_colours(FW.scale)
    assert list(bar.marker.color) == [
        NOT_ASSESSED_COLOUR if v is None else colours[v] for v in expected
    ]
    assert bar.marker.line.color == domain_colours(FW)["media-and-communications"]
    assert list(figure.layout.xaxis.range) == [FW.scale.minimum, FW.scale.maximum]
    # A level-0 bar has no length: its label says it. A missing one says "Not assessed".
    assert [t for t in bar.text if t] == [
        f"{v} · {FW.scale.level(v).label}" for v in expected if v is not None
    ]
    (gaps,) = [t for t in figure.data if isinstance(t, go.Scatter)]
    assert [t for t in gaps.text if t] == [NOT_ASSESSED_LABEL] * expected.count(None)
    assert gaps.marker.color == NOT_ASSESSED_COLOUR


def test_two_capability_domain_with_overlay_hatches_the_comparison():
    figure = capability_radar(
        capability_table({20: 1, 21: 2}),
        FW,
        "media-and-communications",
        overlay=capability_table({20: 3}),
        overlay_name="Borland",
    )
    bars = [t for t in figure.data if isinstance(t, go.Bar)]
    focus, *others = bars
    assert [x for t in others for x in t.x] == [3, None]
    assert all(t.marker.pattern.shape == "/" for t in others)
    assert {t.offsetgroup for t in others} != {focus.offsetgroup}
    assert [t.name for t in others if t.showlegend] == ["Borland"]
    assert figure.layout.showlegend


# --- room for the axis labels ---------------------------------------------------------------------

RADARS = ["overview", *(d.id for d in FW.domains if len(FW.capabilities_in(d.id)) >= 3)]
# The width a radar is drawn at: a 390 px phone's chart, and a 1280x720 screen's beside the
# sidebar (the app's pages) or wider (the sidebar shut).
WIDTHS = {True: [PHONE_CONTENT_WIDTH], False: [820, 1120]}


def a_radar(domain: str, *, narrow: bool) -> go.Figure:
    if domain == "overview":
        return domain_radar([series("Arvenia 2023", [1, 2, 3, 2, 1, 2])], FW, narrow=narrow)
    levels = {c.number: 2 for c in FW.capabilities_in(domain)}
    return capability_radar(capability_table(levels), FW, domain, narrow=narrow)


@pytest.mark.parametrize("narrow", [True, False], ids=["phone", "full"])
@pytest.mark.parametrize("domain", RADARS)
def test_every_axis_label_of_every_radar_fits_in_the_figure(domain, narrow):
    """On a phone "7 · Access / to Image D…" reached 7 px past the left edge of the Criminal
    Justice radar, "9 · Child / Protection…" 6 px past the right of Victim's."""
    figure = a_radar(domain, narrow=narrow)
    layout, margin = figure.layout, figure.layout.margin
    axis = layout.polar.angularaxis
    font = NARROW_FONT_SIZE if narrow else FONT_SIZE
    # plotly.js puts a label this far beyond the rim: ticklen, a fifth of the font, half the
    # axis line; a label of n lines is about 1.3 n font sizes tall.
    off = axis.ticklen + 0.2 * font + 0.5
    for width in WIDTHS[narrow]:
        plot_w, plot_h = width - margin.l - margin.r, layout.height - margin.t - margin.b
        radius = min(plot_w, plot_h) / 2
        # The circle is centred in the plot area: the labels have what lies beyond it.
        room = {
            "left": margin.l + plot_w / 2,
            "right": width - margin.l - plot_w / 2,
            "top": margin.t + plot_h / 2,
            "bottom": layout.height - margin.t - plot_h / 2,
        }
        for index, tick in enumerate(axis.ticktext):
            angle = 2 * math.pi * index / len(axis.ticktext)  # clockwise from the top
            across, up = math.sin(angle), math.cos(angle)
            lines = html.unescape(tick).split("<br>")
            widest = max(text_width(line, font) for line in lines)
            if abs(across) >= 0.1:  # anchored at its inner end, reaching outwards
                side = "right" if across > 0 else "left"
                reach = abs(across) * (radius + off) + widest
                assert reach <= room[side], (width, side, lines, reach, room[side])
            if abs(up) > 0.99:  # straight up or down: its lines stack away from the circle
                side = "top" if up > 0 else "bottom"
                # Its lines' boxes, as Chromium drew them (see test_radar_room.py).
                extra = -0.1 if up > 0 else 0.04
                reach = radius + off + font * (1.3 * len(lines) + extra)
                assert reach <= room[side], (width, side, lines, reach, room[side])
    if narrow:
        assert 2 * radius >= 180  # the circle keeps half of a phone's width
        assert abs(plot_h - plot_w) <= 1  # and the figure is as tall as it needs
