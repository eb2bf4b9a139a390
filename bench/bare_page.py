"""The floor of ``bench_pages.py``: a bare Streamlit script, plain pandas and plotly only.

Given the session's tidy capabilities frame and which page to imitate, it computes the same
numbers (domain means, the level grid, the change between two rounds) and builds and draws
the figures that page shows on screen, on every run: nothing is kept between runs.
"""

import numpy as np
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
    # The same hover as the app's: the row, the capability, the level and the evidence.
    grid = level_grid(data, "assessment_id", "capability")
    if page == "present":
        grid = grid.loc[[focus]]
    first = data.drop_duplicates("assessment_id").set_index("assessment_id").loc[grid.index]
    rows = (first["country"].astype(str) + " " + first["year"].astype(str)).tolist()
    notes = data.pivot_table(
        index="assessment_id", columns="capability", values="evidence", aggfunc="first"
    ).reindex(index=grid.index, columns=grid.columns)
    names = st.session_state["capability_names"]
    levels = st.session_state["level_names"]
    shape = grid.shape
    # An object array, as the app builds it: plotly checks nested lists cell by cell.
    cells = np.stack(
        [
            np.broadcast_to(np.array(rows, dtype=object)[:, None], shape),
            np.broadcast_to(np.array([names[n] for n in grid.columns], dtype=object), shape),
            grid.apply(lambda column: column.map(levels).fillna("Not assessed")).to_numpy(object),
            notes.astype(object).where(notes.notna(), "").to_numpy(dtype=object),
        ],
        axis=-1,
    )
    heatmap = go.Heatmap(
        z=grid.to_numpy(dtype=float),
        x=list(grid.columns),
        y=list(range(len(rows))),
        customdata=cells,
        hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<br>%{customdata[2]}"
        "<br>%{customdata[3]}<extra></extra>",
    )
    st.plotly_chart(layout(go.Figure(heatmap)), key="bare-heatmap", theme=None)
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
