"""The assessment editor's form: what is assessed, the capabilities by domain, the enablers.

Every widget's value comes from its key, which ``components.ui.assess`` set from the entry
before the form draws; the form itself gives no defaults. A level is chosen from the scale
with "Not assessed" first (missing, never 0), and the chosen level's descriptor shows under
it. Text people type stays in its widget; nothing here renders it as Markdown.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from components.framework.model import Framework, Scale
from components.ingest.editing import MAX_EVIDENCE_CHARS, MAX_LINE_CHARS, Entry, Kind, coverage
from components.ingest.values import CONFIDENCE_VALUES
from components.ui.assess import answer_key, meta_key
from components.ui.markdown import md
from components.ui.render import render_scale

NOT_ASSESSED = "Not assessed"
NOT_ASSESSED_NOTE = "Not assessed: left out of every score, never counted as 0."


def level_name(scale: Scale, value: int | None) -> str:
    """How a level reads in the picker: "2 · Developing", or "Not assessed"."""
    if value is None:
        return NOT_ASSESSED
    return f"{value} · {scale.level(value).label}"


def scale_help(scale: Scale) -> str:
    """The whole scale, for the level pickers' help: every descriptor while choosing."""
    lines = [f"**{level_name(scale, level.value)}**: {level.descriptor}" for level in scale.levels]
    return "  \n".join([*lines, f"**{NOT_ASSESSED}**: left blank, never counted as 0."])


def render_coverage(entry: Entry, framework: Framework) -> None:
    """How much is assessed so far: "14 of 21 capabilities assessed", and the enablers."""
    measured = coverage(entry, framework)
    st.progress(
        measured.assessed / measured.total,
        text=md(
            "**{assessed}** · {enablers}", assessed=measured.text, enablers=measured.enablers_text
        ),
    )


def render_meta() -> None:
    """Country, year or date, round, who assessed it, and the optional ISO code."""
    country, iso3 = st.columns([3, 1])
    country.text_input(
        "Country", key=meta_key("country"), max_chars=MAX_LINE_CHARS, placeholder="Required"
    )
    iso3.text_input(
        "ISO code",
        key=meta_key("iso3"),
        max_chars=3,
        placeholder="Optional",
        help="The country's ISO 3166 alpha-3 code, such as KEN. Leave it blank if unsure.",
    )
    when, round_label = st.columns(2)
    when.text_input(
        "Year or date",
        key=meta_key("when"),
        max_chars=10,
        placeholder="2024 or 2024-05-31",
    )
    round_label.text_input(
        "Round",
        key=meta_key("round"),
        max_chars=MAX_LINE_CHARS,
        placeholder="Optional: Baseline, Second review…",
    )
    st.text_input(
        "Assessed by",
        key=meta_key("assessed_by"),
        max_chars=MAX_LINE_CHARS,
        placeholder="Optional: the team or workshop",
    )


def _status_icon(assessed: int, total: int) -> str:
    if assessed == total:
        return ":material/check_circle:"
    return ":material/radio_button_unchecked:" if assessed == 0 else ":material/timelapse:"


def render_capabilities(entry: Entry, framework: Framework) -> None:
    """One expander per domain (its coverage in the label), each capability inside."""
    with st.expander("What each level means", icon=":material/info:"):
        render_scale(framework.scale)
    measured = coverage(entry, framework)
    help_text = scale_help(framework.scale)
    for index, domain in enumerate(framework.domains, start=1):
        assessed, total = measured.by_domain[domain.id]
        # A key keeps the expander open while its label (the coverage) changes.
        with st.expander(
            md(
                "**{index}. {name}** · {assessed} of {total} assessed",
                index=index,
                name=domain.name,
                assessed=assessed,
                total=total,
            ),
            key=f"assess-domain-{domain.id}",
            icon=_status_icon(assessed, total),
        ):
            for capability in framework.capabilities_in(domain.id):
                _render_item(
                    entry,
                    framework,
                    "capability",
                    capability.number,
                    title=capability.label,
                    description=capability.description,
                    help_text=help_text,
                )


def render_enablers(entry: Entry, framework: Framework) -> None:
    """The enablers, in one expander, with the same level, confidence and evidence."""
    measured = coverage(entry, framework)
    with st.expander(
        md(
            "**The {count} enablers** · {enablers}",
            count=len(framework.enablers),
            enablers=measured.enablers_text,
        ),
        key="assess-enablers",
        icon=_status_icon(measured.enablers_assessed, measured.enablers_total),
    ):
        st.caption("Enablers cut across every domain; they are shown apart from the scores.")
        help_text = scale_help(framework.scale)
        for enabler in framework.enablers:
            _render_item(
                entry,
                framework,
                "enabler",
                enabler.number,
                title=f"{enabler.number} · {enabler.title}",
                description=None,
                help_text=help_text,
            )


def _render_item(
    entry: Entry,
    framework: Framework,
    kind: Kind,
    number: int,
    *,
    title: str,
    description: str | None,
    help_text: str,
) -> None:
    scale = framework.scale
    with st.container(key=f"assess-{kind}-{number}", border=True):
        st.markdown(md("**{title}**", max_chars=None, title=title))
        if description:
            st.caption(description)
        level, confidence = st.columns([3, 2])
        with level:
            # "Not assessed" is the None option; Streamlit shows the placeholder for None.
            st.selectbox(
                "Level",
                [None, *scale.values],
                format_func=partial(level_name, scale),
                key=answer_key(kind, "level", number),
                help=help_text,
                placeholder=NOT_ASSESSED,
            )
            chosen = entry.answer(kind, number).level
            st.caption(NOT_ASSESSED_NOTE if chosen is None else scale.level(chosen).descriptor)
        confidence.segmented_control(
            "Confidence",
            list(CONFIDENCE_VALUES),
            format_func=str.capitalize,
            key=answer_key(kind, "confidence", number),
        )
        st.text_area(
            "Evidence",
            key=answer_key(kind, "evidence", number),
            max_chars=MAX_EVIDENCE_CHARS,
            height="content",
            placeholder="What shows this level: laws, reports, data, programmes…",
        )
