"""Compare: two or more countries side by side, for learning rather than ranking."""

import streamlit as st

from components.charts.views import comparison_views
from components.framework.model import default_framework
from components.ui import state
from components.ui.captions import editions_warning
from components.ui.export_buttons import render_comparison_exports
from components.ui.markdown import caption, literal, md, notice, option_format
from components.ui.memo import remember
from components.ui.navigation import run_through_navigation
from components.ui.page_frame import narrow_layout
from components.ui.render import render_demo_notice, render_empty_state, render_figure, render_table
from components.ui.selection import (
    comparison_choices,
    comparison_labels,
    country_aliases,
    default_comparison,
    focus_of,
    kept_comparison,
    latest_of_each,
    same_kind_countries,
)

run_through_navigation()

framework = default_framework()
current = state.collection()
incoming = state.page_link_params(known=("countries", "rounds", "anon"))
capabilities = current.capabilities
every_country = state.session_countries()
# A real country is compared with real ones, one of the demo's with the demo's.
countries = same_kind_countries(capabilities, every_country, state.selected_country())
state.restore_many(
    incoming, "countries", {c: c for c in countries}, "compare_countries", "countries"
)
state.restore_choice(
    incoming, "rounds", {"latest": "latest", "chosen": "chosen"}, "compare_rounds_mode", "rounds"
)
state.restore_flag(incoming, "anon", "compare_anonymised")

st.title("Compare countries")
render_demo_notice()
if current.is_empty:
    render_empty_state("comparison")
    st.stop()
if len(countries) < 2:
    notice(
        "info",
        md(
            "A comparison needs at least two countries; this session has only {country}"
            + (
                " beside the fictional demo's invented countries, which are never compared "
                "with real ones. Upload assessments of other countries."
                if len(every_country) > len(countries)
                else ". Upload assessments of other countries, or load the fictional demo."
            ),
            country=countries[0],
        ),
        icon=":material/info:",
    )
    st.page_link("pages/upload.py", label="Upload assessments", icon=":material/upload_file:")
    st.stop()

st.markdown(
    "Comparisons are for learning from each other, not for ranking: countries are shown in the "
    "order you choose them. Turn on the anonymised view to show peers as Country A, B, …"
)
focus_country = state.selected_country()
kept = kept_comparison(st.session_state.get("compare_countries"), countries, focus_country)
if kept is not None:
    st.session_state["compare_countries"] = kept
anonymised = bool(st.session_state.get("compare_anonymised"))
picker = (
    st.expander("Countries to compare (their names are hidden in the view below)")
    if anonymised
    else st.container()
)
with picker:
    chosen = st.multiselect(
        "Countries to compare",
        countries,
        default=default_comparison(countries, focus_country),
        format_func=option_format({}, markdown=False),
        key="compare_countries",
    )
left, right = st.columns(2)
with left:
    rounds_mode = st.radio(
        "Which round",
        ["latest", "chosen"],
        format_func={"latest": "Latest of each", "chosen": "Choose for each"}.__getitem__,
        horizontal=True,
        key="compare_rounds_mode",
    )
with right:
    st.toggle(
        "Anonymised view",
        key="compare_anonymised",
        help="Only the country chosen in the sidebar is named; the others become Country A, "
        "B, … (in the charts, the tables and the exports).",
    )

# The link lists the countries even in the anonymised view, so that it reopens the same
# comparison; the names stay out of the page, the charts and the exports.
state.share("countries", ",".join(chosen))
state.share("rounds", rounds_mode)
state.share("anon", "1" if anonymised else None)
if len(chosen) < 2:
    st.info("Choose at least two countries to compare.", icon=":material/info:")
    st.stop()

aliases = country_aliases(chosen, focus_country, anonymised=anonymised)
ids, focus_id = remember(
    current,
    "latest_of_each",
    (tuple(chosen), focus_country),
    lambda: latest_of_each(capabilities, chosen, focus_country),
)
ids = list(ids)  # the person's round choices replace entries below: never the kept list
if rounds_mode == "chosen":
    choices = remember(
        current, "round_choices", tuple(chosen), lambda: comparison_choices(capabilities, chosen)
    )
    columns = st.columns(min(len(chosen), 4))
    for index, country in enumerate(chosen):
        options = choices[country]
        with columns[index % len(columns)]:
            ids[index] = st.selectbox(
                literal(aliases[country]),
                list(options),
                index=len(options) - 1,
                format_func=option_format(options, markdown=False),
                key=f"compare_round_{country}",
            )
    focus_id = focus_of(ids, chosen, focus_country)

labels = remember(
    current,
    "comparison_labels",
    (tuple(ids), tuple(chosen), focus_country, anonymised),
    lambda: comparison_labels(capabilities, ids, chosen, focus_country, anonymised=anonymised),
)

labelled = tuple(labels.get(i) for i in ids)
narrow = narrow_layout()
bars, radar, differences = remember(
    current,
    "comparison",
    (tuple(ids), focus_id, labelled, narrow),
    lambda: comparison_views(capabilities, framework, labels, ids, focus_id, narrow=narrow),
)
editions = remember(
    current,
    "editions",
    (tuple(ids), labelled),
    lambda: editions_warning(capabilities, ids, labels, framework.edition),
)
if editions:
    st.warning(editions, icon=":material/history_edu:")
st.header("Domain scores")
render_figure(
    bars.figure, key="compare_bars", caption=bars.caption, table=bars.table, first_chart=True
)
st.header("Shapes")
render_figure(radar.figure, key="compare_radar", caption=radar.caption)
st.header("Differences")
if focus_id is None:
    caption(md("Include {country} to see each country's difference to it.", country=focus_country))
else:
    caption(
        md(
            "Each domain score, and each country's difference to {label} (positive: higher). "
            "A dash means the domain was not assessed in one of the two.",
            label=labels[focus_id],
        )
    )
render_table(differences)

st.header("Take it home")
render_comparison_exports(
    current,
    framework,
    labels,
    ids,
    focus_id=focus_id,
    figures={"domain-scores": bars.figure, "shapes": radar.figure},
    titles={
        "domain-scores": f"Domain scores side by side: {', '.join(labels[i] for i in ids)}",
        "shapes": f"The same scores as shapes: {', '.join(labels[i] for i in ids)}",
    },
    key="compare-export",
)
