"""Present: one chart per slide, large and uncluttered, driven by the facilitator."""

import streamlit as st

from components.framework.model import default_framework
from components.ingest.demo import DEMO_NOTICE
from components.ui import state
from components.ui.export_buttons import render_comparison_exports, render_country_exports
from components.ui.first_chart import rest_after_first_chart
from components.ui.markdown import Markdown, caption, option_format
from components.ui.memo import peer_choices, remember
from components.ui.navigation import run_through_navigation
from components.ui.page_frame import narrow_layout, scroll_to_top_if_asked
from components.ui.peers import chosen_group, group_median
from components.ui.present import PRESENT_MODES, build_deck, comparison_countries
from components.ui.render import (
    render_demo_notice,
    render_empty_state,
    render_link_notices,
    render_slide,
)
from components.ui.selection import same_kind_countries
from components.ui.slides import current_slide, go_to, render_slide_controls

# The presentation starts without the sidebar: app.py decides that (ui/page_frame.py).
run_through_navigation()

framework = default_framework()
current = state.collection()
incoming = state.page_link_params(known=("mode", "countries", "slide"))
# A comparison puts a real country beside real ones, one of the demo's beside the demo's.
countries = same_kind_countries(
    current.capabilities, state.session_countries(), state.selected_country()
)
state.restore_choice(
    incoming, "mode", {mode: mode for mode in PRESENT_MODES}, "present_mode", "mode"
)
state.restore_many(
    incoming, "countries", {c: c for c in countries}, "present_countries", "countries"
)

st.html(
    """<style>
    [data-testid="stMain"] h1 { font-size: 2.4rem; padding-bottom: 0.25rem; }
    [data-testid="stMain"] h2 { font-size: 2.1rem; }
    [data-testid="stMain"] li { font-size: 1.25rem; }
    /* A slide's table is read across a room: larger than a laptop's. */
    [data-testid="stMain"] [data-testid="stTable"] td,
    [data-testid="stMain"] [data-testid="stTable"] th { font-size: 1.5rem; line-height: 1.35; }
    [data-testid="stMainBlockContainer"] { padding-top: 3.75rem; padding-bottom: 1rem; }
    /* Previous and Next stay on screen under a slide taller than the window (1280x600). */
    /* The wrapper sticks: it is the child of the page's block (the container itself is only
       as tall as its wrapper, so it would have nowhere to stick). */
    [data-testid="stLayoutWrapper"]:has(> .st-key-present_controls) {
        position: sticky; bottom: 0; z-index: 5; background: #FFFFFF;
        padding: 0.25rem 0; border-top: 1px solid #DDE3EA;
    }
    </style>"""
)
focus_id = state.selected_assessment_id()
if current.is_empty or focus_id is None:
    st.title("Present")
    render_demo_notice()
    render_empty_state("presentation")
    st.stop()

# The set-up widgets sit below the slide: their values are read before they are drawn.
mode = st.session_state.get("present_mode") or "country"
saved = st.session_state.get("present_countries")
chosen = comparison_countries(saved, countries, state.selected_country())
if saved is not None:  # countries whose data has since been removed leave the picker too
    st.session_state["present_countries"] = chosen
# The overview slide's peer median uses the group chosen on the profile page (all others by
# default), and is shown only when it rests on enough assessments.
peers = group_median(
    current.capabilities,
    framework,
    focus_id,
    chosen_group(current.capabilities, focus_id),
)
anonymised = bool(st.session_state.get("present_anonymised"))
narrow = narrow_layout()
deck = remember(
    current,
    "deck",
    (
        focus_id,
        state.selected_country(),
        mode,
        tuple(chosen),
        anonymised,
        peer_choices(peers),
        narrow,
    ),
    lambda: build_deck(
        current.capabilities,
        framework,
        focus_id,
        state.selected_country(),
        mode=mode,
        countries=chosen,
        anonymised=anonymised,
        peer_median=peers if peers.count else None,
        narrow=narrow,
        plans=current.plans,
    ),
)
count = len(deck.slides)
number = current_slide(incoming, count)

render_link_notices()
slide, slide_key = deck.slides[number - 1], f"slide-{mode}-{number}"
# The badge marks slides that show invented data: a real country's never hold the demo's.
render_slide(slide, key=slide_key, fictional=current.any_fictional(deck.assessment_ids))
render_slide_controls(number, count)
if slide.figure is not None:
    rest_after_first_chart(slide_key)
if current.has_demo:
    caption(Markdown(f":material/theater_comedy: {DEMO_NOTICE}"))

# Set-up sits below the slide, so that the projected screen shows the slide first.
with st.expander("Set up the presentation", icon=":material/tune:"):
    st.segmented_control(
        "Present",
        list(PRESENT_MODES),
        format_func=option_format(deck.mode_labels, markdown=True),
        default="country",
        required=True,
        key="present_mode",
        on_change=go_to,
        args=(1, count),  # a new presentation starts at its first slide
    )
    if mode == "comparison":
        st.multiselect(
            "Countries (latest round of each)",
            countries,
            default=chosen if saved is None else None,
            format_func=option_format({}, markdown=False),
            key="present_countries",
        )
    st.toggle(
        "Anonymised: only the country chosen in the sidebar is named"
        if mode == "comparison"
        else "Anonymised: only the country chosen in the sidebar is named (on the heatmap slide)",
        key="present_anonymised",
    )
    if mode == "comparison" and len(chosen) < 2:
        st.info("Choose at least two countries to present a comparison.")
    st.caption("Choose the country and round in the sidebar; collapse it while presenting.")
    st.markdown("**Hand-outs of what is shown**")
    if deck.comparison:
        render_comparison_exports(
            current,
            framework,
            deck.labels,
            deck.assessment_ids,
            focus_id=deck.focus_id,
            figures=deck.figures,
            titles=deck.titles,
            key="present-export",
        )
    else:
        render_country_exports(
            current,
            framework,
            deck.labels,
            focus_id,
            figures=deck.figures,
            titles=deck.titles,
            key="present-export",
        )
state.share("mode", mode)
state.share("countries", ",".join(chosen) if mode == "comparison" else None)
state.share("slide", str(number))
scroll_to_top_if_asked()
