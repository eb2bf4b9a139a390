"""Trend lines across rounds and the change chart between two rounds."""

from __future__ import annotations

import plotly.graph_objects as go

from components.charts.trends import change_chart, trend_lines
from components.framework.palette import domain_colours
from tests.charts.frames import DOMAIN_NAMES, FW, NAN, STATUS_CASES, changes_frame, trend_frame


def traces_named(figure: go.Figure, name: str) -> list:
    return [t for t in figure.data if t.name == name]


# --- trend lines ----------------------------------------------------------------------------------


def test_trend_lines_one_line_per_domain_in_round_order_with_gaps():
    trend = trend_frame(
        [
            ("r3", "2023", 2, [3, 3, 3, 3, 3, 3]),
            ("r1", "2019 (baseline)", 0, [1, NAN, 1, 1, 1, 1]),
            ("r2", "2021", 1, [2, 2, NAN, 2, 2, 2]),
        ]
    )
    figure = trend_lines(trend, FW)
    assert len(figure.data) == len(FW.domains)
    assert all(isinstance(t, go.Scatter) for t in figure.data)
    assert [t.name for t in figure.data] == DOMAIN_NAMES
    assert [t.line.color for t in figure.data] == list(domain_colours(FW).values())
    assert len({t.marker.symbol for t in figure.data}) == len(FW.domains)
    dashes = {t.name: t.line.dash for t in figure.data}
    # The two oranges (and the two blues) of the palette differ by dash too: lines on top of
    # each other (equal scores) still show both.
    for first, second in [
        ("Criminal Justice", "Media and Communications"),
        ("Policy and Governance", "Industry"),
    ]:
        assert dashes[first] != dashes[second]
    for trace in figure.data:
        assert list(trace.x) == ["2019 (baseline)", "2021", "2023"]
        assert trace.connectgaps is False
    assert list(figure.data[1].y) == [None, 2, 3]
    assert list(figure.data[2].y) == [1, None, 3]
    assert figure.data[0].customdata[0][2] == "2 of 3 capabilities assessed"
    assert [row[3] for row in figure.data[1].customdata] == ["–", "2.0", "3.0"]
    assert "Score: %{customdata[3]}" in figure.data[1].hovertemplate
    assert list(figure.layout.yaxis.range) == [0, FW.scale.maximum]
    assert figure.layout.showlegend


def test_trend_lines_keep_repeated_labels_apart():
    trend = trend_frame([("a", "2023", 0, [1] * 6), ("b", "2023", 1, [2] * 6)])
    figure = trend_lines(trend, FW)
    assert list(figure.data[0].x) == ["2023", "2023 (2)"]


# --- change chart ---------------------------------------------------------------------------------


def test_change_chart_colours_lines_by_status():
    figure = change_chart(changes_frame(STATUS_CASES), FW)
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
    figure = change_chart(changes_frame(STATUS_CASES), FW)
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
    figure = change_chart(changes_frame(STATUS_CASES), FW)
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
    figure = change_chart(changes_frame(cases), FW)
    assert next(t.name for t in figure.data if t.showlegend is not False) == "Unchanged"
    assert not traces_named(figure, "Notes")
