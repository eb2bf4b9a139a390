"""Drawing a chart: the browser gets the figure's browser copy, made once per figure."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from components.ui.render import key_columns_first


def _chart_script() -> None:
    import plotly.graph_objects as go
    import streamlit as st

    from components.charts.common import common_layout
    from components.ui.render import draw_chart

    # A figure built once per choice and kept, as the pages keep theirs (components/ui/memo).
    levels = st.session_state.get("levels", (1, 2, 3))
    figures = st.session_state.setdefault("figures", {})
    if levels not in figures:
        figure = go.Figure(go.Bar(x=["a", "b", "c"], y=list(levels)))
        common_layout(figure, height=400, legend=False)
        figures[levels] = figure
    draw_chart(figures[levels], key="chart", config={"displaylogo": False})


def sent_spec(at: AppTest) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def test_the_browser_gets_the_copy_made_once_per_figure():
    at = AppTest.from_function(_chart_script).run()
    figure = at.session_state["figures"][(1, 2, 3)]
    copy = figure._browser_copy
    first = sent_spec(at)
    assert first["layout"]["template"] is None  # written out into the figure
    assert first["layout"]["datarevision"]
    assert first["data"][0]["marker"]["line"]["color"] == "white"  # plotly_white's bar outline

    at.run()  # a rerun with nothing changed: the same copy, the same message
    assert figure._browser_copy is copy
    assert sent_spec(at) == first

    at.session_state["levels"] = (3, 2, 1)
    at.run()  # another figure: its own copy, another revision
    changed = sent_spec(at)
    assert changed["data"][0]["y"] != first["data"][0]["y"]
    assert changed["layout"]["datarevision"] != first["layout"]["datarevision"]


@pytest.mark.parametrize(
    ("columns", "key", "ordered"),
    [
        (
            ["Capability", "Level", "Lead", "Status"],
            ["Status"],
            ["Capability", "Status", "Level", "Lead"],
        ),
        (["A", "B", "C"], [], ["A", "B", "C"]),
        (["A", "B", "C"], ["C", "B"], ["A", "C", "B"]),
        (["A", "B", "C"], ["Missing", "C"], ["A", "C", "B"]),  # a key the table lacks is skipped
        (["A", "B", "C"], ["A"], ["A", "B", "C"]),  # the first column stays first
        ([], ["A"], []),
    ],
)
def test_key_columns_come_right_after_the_first(columns, key, ordered):
    assert key_columns_first(columns, key) == ordered
