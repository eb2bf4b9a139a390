"""The charts, tested on their data (trace types, values, colours, hover text), not on pixels.

Input frames are built here with exactly the columns ``components.scoring.scores`` produces, so
these tests do not depend on the scoring code.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import math
import re
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from components.charts import figures as charts
from components.charts.figures import RadarSeries
from components.framework.model import Framework, Scale, ScaleLevel, default_framework
from components.framework.palette import (
    DOMAIN_PALETTE,
    NOT_ASSESSED_COLOUR,
    NOT_ASSESSED_LABEL,
    domain_colours,
    level_colours,
)

FW = default_framework()
DOMAIN_IDS = [d.id for d in FW.domains]
DOMAIN_NAMES = [d.name for d in FW.domains]
NAN = float("nan")


# --- frames shaped like components.scoring.scores's output ----------------------------------------


def domain_scores(values: Mapping[str, Sequence[float]], framework: Framework = FW) -> pd.DataFrame:
    """Long domain scores: one row per (assessment, domain), in framework domain order."""
    rows = []
    for assessment_id, scores in values.items():
        for domain, score in zip(framework.domains, scores, strict=True):
            total = len(framework.capabilities_in(domain.id))
            rows.append(
                {
                    "assessment_id": assessment_id,
                    "domain": domain.id,
                    "domain_name": domain.name,
                    "score": score,
                    "assessed": 0 if math.isnan(score) else total - 1,
                    "total": total,
                }
            )
    return pd.DataFrame(rows)


def capability_table(
    levels: Mapping[int, int | None], evidence: Mapping[int, str] | None = None
) -> pd.DataFrame:
    """One assessment's capability table; capabilities not in ``levels`` are not assessed."""
    evidence = evidence or {}
    rows = []
    for c in FW.capabilities:
        level = levels.get(c.number)
        rows.append(
            {
                "capability": c.number,
                "title": c.title,
                "domain": c.domain,
                "domain_name": FW.domain(c.domain).name,
                "level": level,
                "level_label": NOT_ASSESSED_LABEL
                if level is None
                else f"{level} · {FW.scale.level(level).label}",
                "evidence": evidence.get(c.number, ""),
                "confidence": pd.NA,
            }
        )
    frame = pd.DataFrame(rows)
    frame["level"] = frame["level"].astype("Int64")
    return frame


def heatmap_frames(rows: int, seed: int = 7) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:
    """Random levels with about one cell in six missing, no evidence, labels "Country N"."""
    rng = np.random.default_rng(seed)
    ids = [f"id-{i}" for i in range(rows)]
    numbers = [c.number for c in FW.capabilities]
    values = rng.integers(FW.scale.minimum, FW.scale.maximum + 1, (rows, len(numbers)))
    levels = pd.DataFrame(values.astype(float), index=ids, columns=numbers)
    levels = levels.mask(rng.random(levels.shape) < 1 / 6)
    evidence = pd.DataFrame("", index=ids, columns=numbers)
    return levels, evidence, {i: f"Country {n}" for n, i in enumerate(ids)}


def trend_frame(rounds: Sequence[tuple[str, str, int, Sequence[float]]]) -> pd.DataFrame:
    """(assessment_id, label, order, six scores) per round, long."""
    rows = []
    for assessment_id, label, order, scores in rounds:
        for domain, score in zip(FW.domains, scores, strict=True):
            rows.append(
                {
                    "assessment_id": assessment_id,
                    "label": label,
                    "order": order,
                    "domain": domain.id,
                    "domain_name": domain.name,
                    "score": score,
                    "assessed": 0 if math.isnan(score) else 2,
                    "total": len(FW.capabilities_in(domain.id)),
                }
            )
    return pd.DataFrame(rows)


STATUS_CASES: dict[int, tuple[int | None, int | None, str]] = {
    1: (1, 3, "improved"),
    2: (2, 2, "unchanged"),
    3: (3, 1, "declined"),
    4: (None, 2, "newly assessed"),
    5: (2, None, "no longer assessed"),
    6: (None, None, "not assessed"),
}


def changes_frame(cases: Mapping[int, tuple[int | None, int | None, str]]) -> pd.DataFrame:
    rows = []
    for c in FW.capabilities:
        before, after, status = cases.get(c.number, (None, None, "not assessed"))
        change = None if before is None or after is None else after - before
        rows.append(
            {
                "capability": c.number,
                "title": c.title,
                "domain": c.domain,
                "domain_name": FW.domain(c.domain).name,
                "level_before": before,
                "level_after": after,
                "change": change,
                "status": status,
            }
        )
    frame = pd.DataFrame(rows)
    for column in ("level_before", "level_after", "change"):
        frame[column] = frame[column].astype("Int64")
    return frame


def series(name: str, scores: Sequence[float], style: str = "focus") -> RadarSeries:
    return RadarSeries(
        name=name,
        scores=dict(zip(DOMAIN_IDS, scores, strict=True)),
        assessed=dict.fromkeys(DOMAIN_IDS, 3),
        total=dict.fromkeys(DOMAIN_IDS, 4),
        style=style,  # type: ignore[arg-type]
    )


def framework_with_scale(values: Sequence[int]) -> Framework:
    levels = tuple(ScaleLevel(v, f"Level {v}", "descriptor") for v in values)
    return dataclasses.replace(FW, scale=Scale("custom", levels))


def colour_at(colorscale: Sequence[Sequence[object]], position: float) -> str:
    """The colour a (stepped) plotly colorscale gives at ``position`` in [0, 1]."""
    stops = [(float(p), str(c)) for p, c in colorscale]
    for (low, low_colour), (high, high_colour) in itertools.pairwise(stops):
        if low <= position <= high and high > low:
            assert low_colour == high_colour, "a stepped colorscale never blends within a step"
            return low_colour
    raise AssertionError(f"{position} is outside the colorscale")


def plain(label: str) -> str:
    """A tick label without its line breaks."""
    return label.replace("<br>", " ")


def traces_named(figure: go.Figure, name: str) -> list:
    return [t for t in figure.data if t.name == name]


# --- one figure of each kind, for the checks every figure must pass -----------------------

FIGURES: dict[str, Callable[[], go.Figure]] = {
    "domain_radar": lambda: charts.domain_radar(
        [
            series("Arvenia 2023", [2.0, 1.5, NAN, 3.0, 2.5, 1.0]),
            series("Arvenia 2021", [1.0, 1.0, 1.0, 2.0, 2.0, 0.5], "overlay"),
            series("Peer median (8 countries)", [2.0] * 6, "peer"),
        ],
        FW,
    ),
    "capability_radar": lambda: charts.capability_radar(
        capability_table({4: 1, 5: 2, 7: 3}), FW, "criminal-justice"
    ),
    "capability_bars": lambda: charts.capability_radar(
        capability_table({20: 0, 21: 3}), FW, "media-and-communications"
    ),
    "level_heatmap": lambda: charts.level_heatmap(*heatmap_frames(5), FW),
    "domain_bars": lambda: charts.domain_bars(
        domain_scores({"a": [1, 2, 3, NAN, 2, 1], "b": [2, 2, 2, 2, 2, 2]}),
        {"a": "Arvenia", "b": "Borland"},
        FW,
    ),
    "trend_lines": lambda: charts.trend_lines(
        trend_frame([("r1", "2021", 0, [1, 1, 1, 1, NAN, 1]), ("r2", "2023", 1, [2] * 6)]), FW
    ),
    "change_chart": lambda: charts.change_chart(changes_frame(STATUS_CASES), FW),
}


@pytest.mark.parametrize("kind", FIGURES)
def test_every_figure_is_projector_ready_and_serialises(kind):
    figure = FIGURES[kind]()
    layout = figure.layout
    assert layout.template == pio.templates["plotly_white"]
    assert layout.uirevision == charts.UIREVISION
    assert layout.font.size >= 15
    assert not (layout.title and layout.title.text), "pages give the heading, not the figure"
    assert layout.height
    assert layout.height >= 300
    for axis in [layout.xaxis, layout.yaxis]:
        if axis.tickfont and axis.tickfont.size is not None:
            assert axis.tickfont.size >= 14
        if axis.title and axis.title.text:
            assert axis.title.font.size >= 16
    if layout.polar and layout.polar.radialaxis.range:
        assert layout.polar.radialaxis.tickfont.size >= 14
        assert layout.polar.angularaxis.tickfont.size >= 14
    json.loads(figure.to_json())  # serialises without kaleido or a browser


@pytest.mark.parametrize("kind", FIGURES)
def test_multi_series_figures_have_a_horizontal_legend_below(kind):
    figure = FIGURES[kind]()
    if sum(1 for t in figure.data if t.showlegend is not False) > 1:
        assert figure.layout.showlegend
        assert figure.layout.legend.orientation == "h"
        legend = figure.layout.legend
        below_plot = legend.yref != "container" and legend.y < 0
        at_figure_foot = legend.yref == "container" and legend.y < 0.1
        assert below_plot or at_figure_foot


def test_level_legend_items():
    items = charts.level_legend_items(FW)
    colours = level_colours(FW.scale)
    assert items[:-1] == [
        (f"{lvl.value} · {lvl.label}", colours[lvl.value]) for lvl in FW.scale.levels
    ]
    assert items[0] == ("0 · Not in place", "#FDE725")
    assert items[-1] == (NOT_ASSESSED_LABEL, NOT_ASSESSED_COLOUR)


# --- domain radar ---------------------------------------------------------------------------


def test_domain_radar_closes_the_loop_in_framework_order_on_a_fixed_range():
    figure = charts.domain_radar([series("A", [0.0, 1.0, 2.0, 3.0, 4.0, 2.5])], FW)
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
    figure = charts.domain_radar([series("Arvenia 2023", scores)], FW)
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
    figure = charts.domain_radar(
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
    figure = charts.domain_radar([series("<b>Arvenia</b>", [2.25] * 6), peer], FW)
    focus, peers = figure.data
    assert "%{r:.1f}" in focus.hovertemplate
    assert focus.customdata[0][0] == DOMAIN_NAMES[0]
    assert focus.customdata[0][2] == "3 of 4 capabilities assessed"
    assert focus.name == "&lt;b&gt;Arvenia&lt;/b&gt;"
    assert peers.customdata[0][2] == "median of 8 assessments"


def test_radar_follows_a_custom_scale():
    framework = framework_with_scale([1, 2, 3])
    figure = charts.domain_radar([series("A", [1, 2, 3, 1, 2, 3])], framework)
    radial = figure.layout.polar.radialaxis
    assert list(radial.range) == [1, 3]
    assert list(radial.tickvals) == [1, 2, 3]


# --- capability radar -------------------------------------------------------------------------


def test_capability_radar_draws_one_domain_with_level_coloured_markers():
    table = capability_table({4: 1, 5: 2, 6: 0, 7: 4, 1: 3})
    figure = charts.capability_radar(table, FW, "criminal-justice", name="Arvenia 2023")
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
    figure = charts.capability_radar(table, FW, "victim", overlay, "Arvenia 2021")
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
    figure = charts.capability_radar(capability_table(levels), FW, "media-and-communications")
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
    figure = charts.capability_radar(
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


# --- heatmap -----------------------------------------------------------------------------------


def test_heatmap_values_and_discrete_colours():
    levels, evidence, labels = heatmap_frames(6)
    figure = charts.level_heatmap(levels, evidence, labels, FW)
    (heatmap,) = figure.data
    assert isinstance(heatmap, go.Heatmap)
    assert list(heatmap.x) == [c.number for c in FW.capabilities]
    z = np.array(heatmap.z, dtype=float)
    values = levels.to_numpy()
    sentinel = FW.scale.minimum - 1
    assert np.array_equal(z[~np.isnan(values)], values[~np.isnan(values)])
    assert (z[np.isnan(values)] == sentinel).all()
    assert np.isnan(values).any(), "the fixture must have missing cells"

    # Every integer level lands in the middle of a step that has exactly its colour.
    span = heatmap.zmax - heatmap.zmin
    expected = {sentinel: NOT_ASSESSED_COLOUR, **level_colours(FW.scale)}
    for value, colour in expected.items():
        assert colour_at(heatmap.colorscale, (value - heatmap.zmin) / span) == colour
        for nudge in (-0.45, 0.45):  # anywhere in the step, not only at its centre
            assert colour_at(heatmap.colorscale, (value + nudge - heatmap.zmin) / span) == colour
    colourbar = heatmap.colorbar
    assert list(colourbar.tickvals) == [sentinel, *FW.scale.values]
    assert list(colourbar.ticktext) == [
        NOT_ASSESSED_LABEL,
        *(f"{lvl.value} · {lvl.label}" for lvl in FW.scale.levels),
    ]


@pytest.mark.parametrize("values", [[0, 1, 2], [1, 2, 3, 4, 5, 6, 7]])
def test_heatmap_colorscale_for_other_scales(values):
    framework = framework_with_scale(values)
    levels = pd.DataFrame(
        [[float(values[i % len(values)]) for i in range(21)]], index=["a"], columns=range(1, 22)
    )
    levels.iloc[0, 0] = NAN
    figure = charts.level_heatmap(
        levels, levels.astype(object).map(lambda _: ""), {"a": "A"}, framework
    )
    (heatmap,) = figure.data
    span = heatmap.zmax - heatmap.zmin
    colours = {values[0] - 1: NOT_ASSESSED_COLOUR, **level_colours(framework.scale)}
    for value, colour in colours.items():
        assert colour_at(heatmap.colorscale, (value - heatmap.zmin) / span) == colour


def test_heatmap_hover_escapes_wraps_and_truncates_evidence():
    levels, evidence, labels = heatmap_frames(2)
    levels.loc["id-0", 7] = 2.0
    levels.loc["id-1", 7] = NAN
    evidence.loc["id-0", 7] = "<script>alert('x')</script> " + "Linked to ICSE. " * 30
    labels["id-0"] = "Arvenia <i>2023</i>"
    figure = charts.level_heatmap(levels, evidence, labels, FW)
    (heatmap,) = figure.data
    row, missing = heatmap.customdata[0][6], heatmap.customdata[1][6]
    assert row[0] == "Arvenia &lt;i&gt;2023&lt;/i&gt;"
    assert row[1] == "7 · Access to Image Databases"
    assert row[2] == "2 · Developing"
    assert "<script>" not in row[3]
    assert "&lt;script&gt;" in row[3]
    assert "<br>" in row[3]
    assert row[3].endswith("…")
    visible = re.sub(r"&\w+;", "x", row[3].replace("<br>", " ").removeprefix("Evidence: "))
    assert len(visible) <= 205
    assert missing[2] == NOT_ASSESSED_LABEL
    assert "%{customdata[3]}" in heatmap.hovertemplate
    assert "Arvenia &lt;i&gt;2023&lt;/i&gt;" in figure.layout.yaxis.ticktext


@pytest.mark.parametrize("rows", [0, 1, 2, 12, 40, 41, 120, 200])
def test_heatmap_height_grows_with_rows_and_stays_readable(rows):
    levels, evidence, labels = heatmap_frames(rows)
    figure = charts.level_heatmap(levels, evidence, labels, FW)
    height = figure.layout.height
    assert 320 <= height <= 4000
    assert height == charts.heatmap_height(rows)
    if rows:
        assert height >= charts.heatmap_height(rows - 1)
        assert (height - 120) / rows >= 16 or (height == 4000 and 4000 / rows >= 18)
    (heatmap,) = figure.data
    has_text = heatmap.text is not None
    assert has_text == (rows <= charts.HEATMAP_TEXT_MAX_ROWS)
    if has_text and rows:
        flat = [cell for row in heatmap.text for cell in row]
        assert "–" in flat or not levels.isna().any().any()
    json.loads(figure.to_json())


def test_heatmap_rows_keep_their_order_and_never_merge():
    levels, evidence, _ = heatmap_frames(3)
    labels = {"id-0": "Same", "id-1": "Same", "id-2": "Other"}
    figure = charts.level_heatmap(levels, evidence, labels, FW)
    (heatmap,) = figure.data
    assert list(heatmap.y) == [0, 1, 2]
    assert list(figure.layout.yaxis.ticktext) == ["Same", "Same", "Other"]
    assert list(figure.layout.yaxis.range) == [2.5, -0.5]  # first row at the top


def test_heatmap_groups_capabilities_by_domain():
    figure = charts.level_heatmap(*heatmap_frames(3), FW)
    separators = [s for s in figure.layout.shapes if s.name == "domain-separator"]
    assert len(separators) == len(FW.domains) - 1
    assert sorted(s.x0 for s in separators) == [3.5, 7.5, 11.5, 15.5, 19.5]
    bands = [s for s in figure.layout.shapes if s.name == "domain-header"]
    assert [b.fillcolor for b in bands] == list(domain_colours(FW).values())
    headers = [a.text for a in figure.layout.annotations]
    assert headers[0] == "Pol. &amp; Gov."  # plotly shows "&amp;" as "&"
    assert headers[1] == "Criminal Justice"
    assert [a.hovertext for a in figure.layout.annotations] == [
        n.replace("&", "&amp;") for n in DOMAIN_NAMES
    ]
    assert list(figure.layout.xaxis.ticktext) == [str(c.number) for c in FW.capabilities]


def test_heatmap_accepts_capability_columns_as_text_and_missing_columns():
    levels, evidence, labels = heatmap_frames(2)
    levels = levels.drop(columns=[21])
    levels.columns = [str(c) for c in levels.columns]
    figure = charts.level_heatmap(levels, evidence, labels, FW)
    (heatmap,) = figure.data
    assert len(heatmap.z[0]) == 21
    assert heatmap.z[0][20] == FW.scale.minimum - 1  # the absent capability is "not assessed"


@pytest.mark.parametrize(
    ("name", "columns", "short"),
    [
        ("Policy and Governance", 3, "Pol. & Gov."),
        ("Media and Communications", 2, "Media"),
        ("Media and Communications", 4, "Media & Com."),
        ("Criminal Justice", 4, "Criminal Justice"),
        ("Victim", 1, "Vic."),
        ("Victim", 4, "Victim"),
    ],
)
def test_short_domain_names(name, columns, short):
    assert charts.short_domain_name(name, columns) == short


# --- domain bars --------------------------------------------------------------------------------


def test_domain_bars_group_by_domain_with_no_bar_for_a_missing_score():
    scores = domain_scores({"b": [2, 2, 2, 2, 2, 2], "a": [1, 2, 3, NAN, 2.5, 0]})
    figure = charts.domain_bars(scores, {"a": "Arvenia 2023", "b": "Borland 2024"}, FW)
    bars = [t for t in figure.data if isinstance(t, go.Bar)]
    assert [b.name for b in bars] == ["Arvenia 2023", "Borland 2024"]  # the labels' order
    arvenia = bars[0]
    assert list(arvenia.x) == DOMAIN_NAMES
    assert list(arvenia.y) == [1, 2, 3, None, 2.5, 0]
    assert [b.marker.color for b in bars] == list(DOMAIN_PALETTE[:2])
    assert len({b.marker.pattern.shape for b in bars}) == 2
    assert list(figure.layout.yaxis.range) == [0, FW.scale.maximum]
    assert figure.layout.barmode == "group"
    assert arvenia.customdata[0][2] == "2 of 3 capabilities assessed"
    # "n/a" sits in Arvenia's slot at Societal, not as a zero bar.
    gaps = [
        t for t in figure.data if isinstance(t, go.Scatter) and t.offsetgroup == arvenia.offsetgroup
    ]
    (gap,) = gaps
    assert [t for t in gap.text if t] == ["n/a"]
    assert gap.x[list(gap.text).index("n/a")] == "Societal"
    assert NOT_ASSESSED_LABEL in gap.hovertemplate
    assert figure.layout.showlegend
    assert figure.layout.legend.orientation == "h"


def test_domain_bars_escape_labels():
    figure = charts.domain_bars(domain_scores({"a": [1] * 6}), {"a": "<img src=x>"}, FW)
    assert figure.data[0].name == "&lt;img src=x&gt;"


# --- trend lines -------------------------------------------------------------------------------


def test_trend_lines_one_line_per_domain_in_round_order_with_gaps():
    trend = trend_frame(
        [
            ("r3", "2023", 2, [3, 3, 3, 3, 3, 3]),
            ("r1", "2019 (baseline)", 0, [1, NAN, 1, 1, 1, 1]),
            ("r2", "2021", 1, [2, 2, NAN, 2, 2, 2]),
        ]
    )
    figure = charts.trend_lines(trend, FW)
    assert len(figure.data) == len(FW.domains)
    assert all(isinstance(t, go.Scatter) for t in figure.data)
    assert [t.name for t in figure.data] == DOMAIN_NAMES
    assert [t.line.color for t in figure.data] == list(domain_colours(FW).values())
    assert len({t.marker.symbol for t in figure.data}) == len(FW.domains)
    for trace in figure.data:
        assert list(trace.x) == ["2019 (baseline)", "2021", "2023"]
        assert trace.connectgaps is False
    assert list(figure.data[1].y) == [None, 2, 3]
    assert list(figure.data[2].y) == [1, None, 3]
    assert figure.data[0].customdata[0][2] == "2 of 3 capabilities assessed"
    assert list(figure.layout.yaxis.range) == [0, FW.scale.maximum]
    assert figure.layout.showlegend


def test_trend_lines_keep_repeated_labels_apart():
    trend = trend_frame([("a", "2023", 0, [1] * 6), ("b", "2023", 1, [2] * 6)])
    figure = charts.trend_lines(trend, FW)
    assert list(figure.data[0].x) == ["2023", "2023 (2)"]


# --- change chart -------------------------------------------------------------------------------


def test_change_chart_colours_lines_by_status():
    figure = charts.change_chart(changes_frame(STATUS_CASES), FW)
    by_name = {t.name: t for t in figure.data}
    expected = {"Improved": "#009E73", "Declined": "#D55E00", "Unchanged": "#999999"}
    for name, colour in expected.items():
        assert by_name[name].line.color == colour
        assert by_name[name].marker.color == colour
    improved = by_name["Improved"]
    label = FW.capability(1).label
    assert list(improved.x) == [1, 3, None]
    assert list(improved.y) == [label, label, None]
    assert improved.marker.symbol[0] == "circle-open"  # before: hollow
    assert not improved.marker.symbol[1].endswith("-open")  # after: filled
    assert list(by_name["Declined"].x) == [3, 1, None]
    assert "Improved (+2)" in improved.customdata[0][3]
    assert improved.customdata[0][1] == "1 · Building"


def test_change_chart_notes_rows_missing_in_one_or_both_rounds():
    figure = charts.change_chart(changes_frame(STATUS_CASES), FW)
    by_name = {t.name: t for t in figure.data}
    newly = by_name["Newly assessed"]
    assert [x for x in newly.x if x is not None] == [2]
    assert [s for s, x in zip(newly.marker.symbol, newly.x, strict=True) if x is not None] == [
        "circle"
    ]
    gone = by_name["No longer assessed"]
    assert [s for s, x in zip(gone.marker.symbol, gone.x, strict=True) if x is not None] == [
        "circle-open"
    ]
    notes = dict(zip(by_name["Notes"].y, by_name["Notes"].text, strict=True))
    assert notes[FW.capability(4).label] == "not assessed in the earlier round"
    assert notes[FW.capability(5).label] == "not assessed in the later round"
    assert notes[FW.capability(6).label] == "not assessed in both rounds"
    assert notes[FW.capability(21).label] == "not assessed in both rounds"
    assert FW.capability(1).label not in notes


def test_change_chart_axes():
    figure = charts.change_chart(changes_frame(STATUS_CASES), FW)
    xaxis, yaxis = figure.layout.xaxis, figure.layout.yaxis
    assert list(xaxis.range) == [FW.scale.minimum - 0.5, FW.scale.maximum + 0.5]
    assert list(xaxis.tickvals) == list(FW.scale.values)
    assert xaxis.ticktext[0] == "0 · Not in place"
    assert list(yaxis.categoryarray) == [c.label for c in FW.capabilities]
    assert yaxis.autorange == "reversed"  # capability 1 at the top
    assert figure.layout.showlegend
    names = [t.name for t in figure.data if t.showlegend is not False]
    assert {"Earlier round", "Later round"} <= set(names)
    separators = [s for s in figure.layout.shapes if s.name == "domain-separator"]
    assert len(separators) == len(FW.domains) - 1


def test_change_chart_with_everything_unchanged_has_no_notes():
    cases = {c.number: (2, 2, "unchanged") for c in FW.capabilities}
    figure = charts.change_chart(changes_frame(cases), FW)
    assert next(t.name for t in figure.data if t.showlegend is not False) == "Unchanged"
    assert not traces_named(figure, "Notes")


EMPTY: dict[str, Callable[[], go.Figure]] = {
    "domain_radar": lambda: charts.domain_radar([], FW),
    "capability_radar": lambda: charts.capability_radar(
        capability_table({}).iloc[0:0], FW, "victim"
    ),
    "domain_bars": lambda: charts.domain_bars(domain_scores({}), {}, FW),
    "trend_lines": lambda: charts.trend_lines(trend_frame([]), FW),
    "change_chart": lambda: charts.change_chart(changes_frame({}).iloc[0:0], FW),
    "level_heatmap": lambda: charts.level_heatmap(*heatmap_frames(0), FW),
}


@pytest.mark.parametrize("kind", EMPTY)
def test_empty_input_gives_an_empty_but_valid_figure(kind):
    figure = EMPTY[kind]()
    json.loads(figure.to_json())
    for trace in figure.data:
        if trace.name == NOT_ASSESSED_LABEL:
            continue  # flags on the rim saying nothing was assessed: expected
        for attr in ("r", "y"):
            values = getattr(trace, attr, None)
            if values is not None and not isinstance(trace, go.Heatmap):
                assert all(v is None for v in values), f"{kind}: {trace.name} draws data"
