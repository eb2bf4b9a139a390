"""Present: one chart per slide, large and uncluttered, driven by the facilitator."""

import streamlit as st

from components.base.text import quote_for_notice
from components.framework.model import default_framework
from components.ingest.demo import DEMO_NOTICE
from components.ingest.labels import assessment_labels
from components.ui import state
from components.ui.export_buttons import render_comparison_exports, render_country_exports
from components.ui.links import pick_int
from components.ui.navigation import run_through_navigation
from components.ui.present import comparison_slides, country_slides
from components.ui.render import (
    render_demo_notice,
    render_empty_state,
    render_link_notices,
    render_slide,
)
from components.ui.selection import (
    comparison_labels,
    country_choices,
    default_comparison,
    latest_of_each,
)

run_through_navigation()
# Opened from a link, the presentation starts without the sidebar: nothing but the slide.
st.set_page_config(initial_sidebar_state="collapsed")

framework = default_framework()
current = state.collection()
incoming = state.page_link_params(known=("mode", "countries", "slide"))
capabilities = current.capabilities
countries = country_choices(capabilities)
state.restore_choice(
    incoming, "mode", {"country": "country", "comparison": "comparison"}, "present_mode", "mode"
)
state.restore_many(
    incoming, "countries", {c: c for c in countries}, "present_countries", "countries"
)

st.html(
    """<style>
    [data-testid="stMain"] h1 { font-size: 2.4rem; padding-bottom: 0.25rem; }
    [data-testid="stMain"] h2 { font-size: 2.1rem; }
    [data-testid="stMain"] li, [data-testid="stMain"] td,
    [data-testid="stMain"] th { font-size: 1.25rem; }
    [data-testid="stMainBlockContainer"] { padding-top: 3.75rem; padding-bottom: 1rem; }
    </style>"""
)
focus_id = state.selected_assessment_id()
if current.is_empty or focus_id is None:
    st.title("Present")
    render_demo_notice()
    render_empty_state("presentation")
    st.stop()

labels = assessment_labels(capabilities)
focus_country = state.selected_country()
mode = st.session_state.get("present_mode") or "country"
saved = st.session_state.get("present_countries")
if saved is None:
    chosen = default_comparison(countries, focus_country)
else:  # the picker sits below the slide; drop countries whose data has since been removed
    chosen = [country for country in saved if country in countries]
    st.session_state["present_countries"] = chosen
if mode == "comparison" and len(chosen) >= 2:
    ids, focus = latest_of_each(capabilities, chosen, focus_country)
    anonymised = bool(st.session_state.get("present_anonymised"))
    shown = comparison_labels(capabilities, ids, chosen, focus_country, anonymised=anonymised)
    slides = comparison_slides(capabilities, framework, shown, ids, focus)
else:
    slides = country_slides(capabilities, framework, labels, focus_id)

count = len(slides)
if incoming is not None and "slide" in incoming:
    number = pick_int(incoming, "slide", 1, count)
    if number is None:
        st.session_state[state.LINK_NOTICES].append(
            f"The link's slide {quote_for_notice(incoming['slide'])} does not exist; this "
            f"presentation has {count} slides. Starting at the first."
        )
    st.session_state["present_slide"] = number or 1
number = min(max(st.session_state.get("present_slide", 1), 1), count)
st.session_state["present_slide"] = number


def go_to(target: int) -> None:
    st.session_state["present_slide"] = min(max(target, 1), count)


render_link_notices()
render_slide(slides[number - 1], key=f"slide-{mode}-{number}", fictional=current.has_demo)
previous, position, following = st.columns([1, 2, 1], vertical_alignment="center")
with previous:
    st.button(
        "Previous",
        icon=":material/arrow_back:",
        on_click=go_to,
        args=(number - 1,),
        disabled=number == 1,
        key="present_previous",
        width="stretch",
    )
with position:
    st.markdown(f"**Slide {number} of {count}**", text_alignment="center")
with following:
    st.button(
        "Next",
        icon=":material/arrow_forward:",
        on_click=go_to,
        args=(number + 1,),
        disabled=number == count,
        key="present_next",
        width="stretch",
        type="primary",
    )
if current.has_demo:
    st.caption(f":material/theater_comedy: {DEMO_NOTICE}")

# Set-up sits below the slide, so that the projected screen shows the slide first.
with st.expander("Set up the presentation", icon=":material/tune:"):
    st.segmented_control(
        "Present",
        ["country", "comparison"],
        format_func={"country": labels[focus_id], "comparison": "A comparison"}.__getitem__,
        default="country",
        required=True,
        key="present_mode",
        on_change=go_to,
        args=(1,),  # a new presentation starts at its first slide
    )
    if mode == "comparison":
        st.multiselect(
            "Countries (latest round of each)",
            countries,
            default=chosen if saved is None else None,
            key="present_countries",
        )
        st.toggle(
            "Anonymised: only the country chosen in the sidebar is named",
            key="present_anonymised",
        )
        if len(chosen) < 2:
            st.info("Choose at least two countries to present a comparison.")
    st.caption("Choose the country and round in the sidebar; collapse it while presenting.")
    st.markdown("**Hand-outs of what is shown**")
    figures = {
        f"slide-{index:02d}": slide.figure
        for index, slide in enumerate(slides, start=1)
        if slide.figure is not None
    }
    if mode == "comparison" and len(chosen) >= 2:
        render_comparison_exports(
            current, framework, shown, ids, focus_id=focus, figures=figures, key="present-export"
        )
    else:
        render_country_exports(
            current, framework, labels, focus_id, figures=figures, key="present-export"
        )
state.share("mode", mode)
state.share("countries", ",".join(chosen) if mode == "comparison" else None)
state.share("slide", str(number))
