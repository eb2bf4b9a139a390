"""The floor of ``bench_pages.py``: a bare Streamlit script, plain pandas and plotly only.

Given the session's tidy capabilities frame and which page to imitate, it computes the same
numbers (domain means, the level grid, the change between two rounds) and builds and draws
the figures that page shows on screen, on every run: nothing is kept between runs.
"""

import plotly.graph_objects as go
import streamlit as st

data = st.session_state["capabilities"]
page = st.session_state["page"]
ids = list(dict.fromkeys(data["assessment_id"]))
st.selectbox("Assessment", ids, index=0, key="bare_pick")  # the first: three rounds
focus = st.session_state["bare_pick"]


def layout(figure: go.Figure) -> go.Figure:
    figure.update_layout(template="plotly_white", height=600, uirevision="bare")
    return figure


def domain_means(rows):
    levels = rows.dropna(subset=["level"])
    return levels.groupby(["assessment_id", "domain"])["level"].mean().unstack()


def radar(means, names) -> go.Figure:
    figure = go.Figure()
    for name in names:
        row = means.loc[name]
        figure.add_trace(go.Scatterpolar(r=row.round(2).tolist(), theta=list(row.index), name=name))
    return layout(figure)


def level_grid(rows, index: str, columns: str):
    return rows.pivot_table(index=index, columns=columns, values="level", aggfunc="first")


if page == "profile":
    rows = data[data["assessment_id"] == focus]
    st.plotly_chart(radar(domain_means(rows), [focus]), key="bare-radar", theme=None)
    first = rows[rows["domain"] == rows["domain"].iloc[0]]
    pillar = go.Scatterpolar(r=first["level"].tolist(), theta=first["capability"].tolist())
    st.plotly_chart(layout(go.Figure(pillar)), key="bare-pillar", theme=None)
elif page in ("heatmap", "present"):
    grid = level_grid(data, "assessment_id", "capability")
    if page == "present":
        grid = grid.loc[[focus]]
    text = grid.astype("string").fillna("not assessed").to_numpy()
    cells = go.Heatmap(
        z=grid.to_numpy(dtype=float),
        x=list(grid.columns),
        y=list(grid.index),
        text=text,
        hoverinfo="text",
    )
    st.plotly_chart(layout(go.Figure(cells)), key="bare-heatmap", theme=None)
elif page == "compare":
    latest = data.groupby("country", sort=False)["assessment_id"].last().tolist()[:4]
    means = domain_means(data[data["assessment_id"].isin(latest)])
    bars = [go.Bar(x=list(means.columns), y=means.loc[i].round(2).tolist(), name=i) for i in latest]
    st.plotly_chart(layout(go.Figure(bars)), key="bare-bars", theme=None)
    st.plotly_chart(radar(means, latest), key="bare-compare-radar", theme=None)
else:  # trends
    country = data.loc[data["assessment_id"] == focus, "country"].iloc[0]
    rows = data[data["country"] == country]
    means = domain_means(rows)
    rounds = list(dict.fromkeys(rows["assessment_id"]))
    lines = [go.Scatter(x=rounds, y=means[d].round(2).tolist(), name=d) for d in means.columns]
    st.plotly_chart(layout(go.Figure(lines)), key="bare-lines", theme=None)
    levels = level_grid(rows, "capability", "assessment_id")
    change = (levels[rounds[-1]] - levels[rounds[-2]]).astype(float)
    changes = go.Bar(x=list(change.index), y=change.tolist())
    st.plotly_chart(layout(go.Figure(changes)), key="bare-change", theme=None)
