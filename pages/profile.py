"""Country profile: the domain radar, a radar per pillar, the capabilities, strengths and gaps."""

import streamlit as st

from components.charts.views import pillar_radars, profile_radar
from components.framework.model import default_framework
from components.ingest.labels import assessment_labels
from components.scoring.scores import METHOD_NOTE, capability_table, strengths_and_gaps
from components.scoring.tables import (
    capabilities_display,
    enabler_table,
    escape_for_table,
    highlights_display,
)
from components.ui import state
from components.ui.export_buttons import render_country_exports
from components.ui.markdown import caption, heading, literal, md, notice, option_format
from components.ui.memo import Deferred, peer_choices, remember
from components.ui.navigation import run_through_navigation
from components.ui.page_frame import narrow_layout
from components.ui.peers import aggregates_in_use, group_median, render_group_picker
from components.ui.plan_views import render_gap_plans
from components.ui.render import (
    render_demo_notice,
    render_empty_state,
    render_escaped_table,
    render_figure,
    render_listed,
)
from components.ui.selection import NO_OVERLAY, overlay_choices, overlay_picker

run_through_navigation()

framework = default_framework()
current = state.collection()
incoming = state.page_link_params(known=("compare_round", "compare_country", "peers"))
focus_id = state.selected_assessment_id()
if current.is_empty or focus_id is None:
    st.title("Country profile")
    render_demo_notice()
    render_empty_state("profile")
    st.stop()

capabilities = current.capabilities
labels = remember(current, "labels", None, lambda: assessment_labels(capabilities))
country = state.selected_country()
choices = remember(
    current,
    "overlays",
    (focus_id, country),
    lambda: overlay_choices(capabilities, focus_id, country, labels),
)
earlier, others = choices.earlier, choices.others
state.restore_choice(
    incoming, "compare_round", earlier, "profile_overlay_round", "round to compare with"
)
state.restore_choice(
    incoming,
    "compare_country",
    choices.other_countries,
    "profile_overlay_country",
    "country to compare with",
)
state.restore_flag(incoming, "peers", "profile_peer_median")

st.title("Country profile")
render_demo_notice()
heading(labels[focus_id])
st.caption("Choose another country or round in the sidebar.")

st.header("Across the six domains")
left, middle, right = st.columns(3)
round_picker = overlay_picker(earlier, "No other round of this country")
country_picker = overlay_picker(others, "No other country in this session")
with left:
    earlier_id = st.selectbox(
        "Compare with another round",
        round_picker.options,
        index=round_picker.index,
        placeholder=round_picker.placeholder,
        format_func=option_format({None: NO_OVERLAY, **earlier}, markdown=False),
        key="profile_overlay_round",
        disabled=round_picker.disabled,
        help=None
        if earlier
        else md("{country} has only this round in the session.", country=country),
    )
with middle:
    other_id = st.selectbox(
        "Compare with another country",
        country_picker.options,
        index=country_picker.index,
        placeholder=country_picker.placeholder,
        format_func=option_format({None: NO_OVERLAY, **others}, markdown=False),
        key="profile_overlay_country",
        disabled=country_picker.disabled,
    )
with right:
    with_peers = st.toggle(
        "Show a peer median",
        key="profile_peer_median",
        disabled=not others and not aggregates_in_use(),
        help="The median of the latest assessment of each other country in a group you "
        "choose, shown only when it rests on enough assessments.",
    )
peers = None
if with_peers:
    group = render_group_picker(capabilities, focus_id, country or "")
    peers = group_median(capabilities, framework, focus_id, group)
state.share("compare_round", earlier.get(earlier_id))
state.share("compare_country", choices.other_countries.get(other_id))
state.share("peers", "1" if with_peers else None)
overlays = [i for i in (earlier_id, other_id) if i is not None]
narrow = narrow_layout()
overview = remember(
    current,
    "profile_radar",
    (focus_id, tuple(overlays), peer_choices(peers), narrow),
    lambda: profile_radar(
        capabilities, framework, labels, focus_id, overlay_ids=overlays, peers=peers, narrow=narrow
    ),
)
if peers is not None:
    if peers.shown:
        caption(md(":material/groups: {text}.", max_chars=None, text=peers.text))
    else:
        notice("info", peers.reason, icon=":material/groups:")
render_figure(
    overview.figure,
    key="profile_radar",
    caption=overview.caption,
    table=overview.table,
    first_chart=True,
)

st.header("Radar per pillar")
st.caption("Each domain's capabilities, level by level.")
# Only the open tab is drawn: the others cost nothing until a person opens them.
tabs = st.tabs(
    [literal(domain.name, None) for domain in framework.domains],
    key="profile_pillar_tab",
    on_change="rerun",
)
for tab, domain in zip(tabs, framework.domains, strict=True):
    if tab.open:
        view = remember(
            current,
            "pillar_radar",
            (focus_id, earlier_id, domain.id, narrow),
            lambda domain_id=domain.id: pillar_radars(
                capabilities,
                framework,
                labels,
                focus_id,
                overlay_id=earlier_id,
                domain_ids={domain_id},
                narrow=narrow,
            )[domain_id],
        )
        with tab:
            render_figure(
                view.figure, key=f"pillar_{domain.id}", caption=view.caption, table=view.table
            )

strengths, gaps = remember(
    current, "strengths", focus_id, lambda: strengths_and_gaps(capabilities, focus_id, framework)
)
highlights = remember(
    current,
    "highlights",
    focus_id,
    lambda: tuple(escape_for_table(highlights_display(rows)) for rows in (strengths, gaps)),
)
st.header("Strengths and gaps")
st.caption("Among the assessed capabilities only; a capability not assessed is not a gap here.")
left, right = st.columns(2)
with left:
    render_listed(
        "Highest levels", highlights[0], "None: no capability of this assessment is assessed."
    )
with right:
    render_listed(
        "Lowest levels",
        highlights[1],
        "None apart from the highest: too few capabilities are assessed to name both.",
    )
render_gap_plans(current, framework, focus_id, gaps)

st.header("All capabilities")
st.dataframe(
    remember(
        current,
        "capability_table",
        focus_id,
        lambda: capabilities_display(capability_table(capabilities, focus_id, framework)),
    ),
    hide_index=True,
    width="stretch",
    height="content",  # all capabilities at once, no inner scrolling
    column_config={
        "No.": st.column_config.NumberColumn("No.", width="small"),
        "Evidence": st.column_config.TextColumn("Evidence", width="large"),
    },
)

st.header("Enablers")
st.caption("Cross-cutting conditions that every domain depends on.")
render_escaped_table(
    remember(
        current,
        "enablers",
        focus_id,
        lambda: escape_for_table(enabler_table(current.enablers, focus_id, framework)),
    )
)

with st.expander("How these numbers are made"):
    st.markdown(METHOD_NOTE)

st.header("Take it home")
st.caption(
    "A printable brief, slides with editable charts, or the charts as images. The files are "
    "made when you click, from this session's data."
)
render_country_exports(
    current,
    framework,
    labels,
    focus_id,
    # The pillars' radars are made only if someone downloads the chart images.
    figures=Deferred(
        ["domains", *(f"pillar-{domain.id}" for domain in framework.domains)],
        lambda: {
            "domains": overview.figure,
            **{
                f"pillar-{domain_id}": view.figure
                for domain_id, view in pillar_radars(
                    capabilities, framework, labels, focus_id, overlay_id=earlier_id
                ).items()
            },
        },
    ),
    titles={
        "domains": f"{labels[focus_id]}: the six domains",
        **{f"pillar-{d.id}": f"{labels[focus_id]}: {d.name}" for d in framework.domains},
    },
    key="profile-export",
)
