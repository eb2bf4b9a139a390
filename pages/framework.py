"""The framework explorer: domains with their outcomes and capabilities, enablers, the scale.

Deep links: ``/framework?capability=7`` opens capability 7 in its domain;
``/framework?domain=victim`` opens that domain.
"""

import streamlit as st

from components.base.text import plural
from components.framework.explorer import resolve_framework_link, search_capabilities
from components.framework.model import default_framework
from components.framework.palette import domain_colours
from components.ui import state
from components.ui.links import GLOBAL_PARAMS
from components.ui.markdown import Markdown, caption, md
from components.ui.navigation import run_through_navigation
from components.ui.render import (
    render_capability,
    render_link_notices,
    render_notices,
    render_outcome,
    render_scale,
)

run_through_navigation()

framework = default_framework()
colours = domain_colours(framework)
focus = resolve_framework_link(framework, st.query_params.to_dict(), ignored=GLOBAL_PARAMS)
# Keep the focus in the address when the page publishes the current view.
state.share("capability", None if focus.capability is None else str(focus.capability))
state.share("domain", focus.domain if focus.capability is None else None)

st.title("The Model National Response")
st.markdown(
    md(
        "The {publisher}'s framework for a country's response to child sexual exploitation and "
        "abuse (CSEA): **{domains} capability domains** with **{capabilities} capabilities**, "
        "and **{enablers} enablers** that cut across them.",
        publisher=framework.publisher,
        domains=len(framework.domains),
        capabilities=len(framework.capabilities),
        enablers=len(framework.enablers),
    )
)
render_notices(focus.notices)
render_link_notices()


if focus.capability is not None:
    linked = framework.capability(focus.capability)
    linked_domain = framework.domain(linked.domain)
    with st.container(border=True, key="linked-capability"):
        st.badge("Opened from a link", icon=":material/link:", color="primary")
        st.header(md("{label}", max_chars=None, label=linked.label))
        st.markdown(md("{text}", text=linked.description, max_chars=None))
        st.markdown(
            md(
                "**Domain:** {domain} · **Outcome:** {outcome}",
                max_chars=None,
                domain=linked_domain.name,
                outcome=linked_domain.outcome_heading,
            )
        )
        caption(Markdown(f"Link to this capability: `/framework?capability={linked.number}`"))

query = st.text_input(
    "Search the capabilities",
    key="framework_search",
    placeholder="e.g. hotline, victim, database, education",
    help="Finds capabilities whose number, title or description contain every word you type.",
)

if query.strip():
    matches = search_capabilities(framework, query)
    if matches:
        noun = plural(len(matches), "capability matches", "capabilities match")
        st.header(Markdown(f"{len(matches)} {noun} your search"))
        for capability in matches:
            with st.container(border=True, key=f"result-{capability.number}"):
                caption(framework.domain(capability.domain).name)
                render_capability(capability, key=f"found-{capability.number}")
    else:
        st.warning(
            "No capability contains every word of your search. Try fewer or shorter words, "
            "or clear the box to see the whole framework.",
            icon=":material/search_off:",
        )
    st.divider()

st.header("Capability domains")
for number, domain in enumerate(framework.domains, start=1):
    capabilities = framework.capabilities_in(domain.id)
    first, last = capabilities[0].number, capabilities[-1].number
    expanded = focus.domain is None or focus.domain == domain.id
    with st.expander(
        md(
            "**{number}. {name}** · capabilities {first}–{last}",
            max_chars=None,
            number=number,
            name=domain.name,
            first=first,
            last=last,
        ),
        expanded=expanded,
        key=f"domain-{domain.id}",
    ):
        render_outcome(domain, colours[domain.id])
        for capability in capabilities:
            render_capability(
                capability,
                key=f"capability-{capability.number}",
                highlighted=capability.number == focus.capability,
            )
        caption(Markdown(f"Link to this domain: `/framework?domain={domain.id}`"))

left, right = st.columns([1, 1], gap="large")
with left:
    st.header("Enablers")
    st.markdown(
        "Conditions that every domain depends on. They belong to no single domain and are "
        "assessed on their own."
    )
    with st.container(key="enablers"):
        for enabler in framework.enablers:
            st.markdown(
                md("**{n}.** {title}", max_chars=None, n=enabler.number, title=enabler.title)
            )
with right:
    st.header("Assessment scale")
    st.markdown(
        "The framework itself sets no scale. This app uses the levels below, from the "
        "framework's maturity model; an organisation can change their wording."
    )
    with st.container(key="scale"):
        render_scale(framework.scale)
