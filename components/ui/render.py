"""Small Streamlit render helpers shared by several pages.

This is one of the few modules in ``components/`` allowed to import streamlit: it only draws
what the pure modules computed. No user-supplied text reaches raw HTML unescaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from components.base.text import plural
from components.charts.browser_copy import browser_copy
from components.framework.model import Capability, Domain, Scale
from components.framework.palette import (
    NOT_ASSESSED_COLOUR,
    NOT_ASSESSED_LABEL,
    level_colours,
    text_colour_on,
)
from components.ingest.collection import FICTIONAL_ORIGIN, Collection
from components.ingest.demo import DEMO_NOTICE
from components.library.database import LibraryUnavailable
from components.scoring.tables import escape_for_table
from components.ui import state
from components.ui.first_chart import rest_after_first_chart
from components.ui.library import library_settings
from components.ui.markdown import (
    Markdown,
    as_markdown,
    caption,
    heading,
    literal,
    md,
    notice,
    option_format,
)
from components.ui.memo import remember
from components.ui.page_frame import narrow_layout, render_layout_switch


def render_notices(notices: Iterable[str]) -> None:
    """Show each notice as an information box.

    These come from lower layers (the framework explorer's link notices), which quote every
    value they repeat with ``quote_for_notice``; so they are Markdown-safe as they are.
    """
    for text in notices:
        notice("info", Markdown(text), icon=":material/info:")


SWATCH_OUTLINE = "#767676"  # a grey with 4.5:1 on white


def render_scale(scale: Scale, *, show_descriptors: bool = True) -> None:
    """The scale as a table of coloured swatches, the same colours every chart uses."""
    colours = level_colours(scale)
    rows = []
    for level in scale.levels:
        background = colours[level.value]
        swatch = (
            f'<span style="display:inline-block;min-width:2.2em;padding:.15em .5em;'
            # The outline keeps the lightest level (a pale yellow) visible on white (3:1).
            f"border:1px solid {SWATCH_OUTLINE};"
            f"border-radius:4px;text-align:center;font-weight:600;background:{background};"
            f'color:{text_colour_on(background)}">{level.value}</span>'
        )
        descriptor = f"<td>{escape(level.descriptor)}</td>" if show_descriptors else ""
        rows.append(
            f"<tr><td>{swatch}</td><th scope='row'>{escape(level.label)}</th>{descriptor}</tr>"
        )
    missing_descriptor = (
        "<td>Left blank: the capability was not assessed. It is shown apart and never counted "
        "as 0.</td>"
        if show_descriptors
        else ""
    )
    rows.append(
        f'<tr><td><span style="display:inline-block;min-width:2.2em;padding:.15em .5em;'
        f"border:1px solid {SWATCH_OUTLINE};"
        f"border-radius:4px;text-align:center;background:{NOT_ASSESSED_COLOUR};"
        f'color:#1A1A1A">–</span></td><th scope="row">{NOT_ASSESSED_LABEL}</th>'
        f"{missing_descriptor}</tr>"
    )
    header = "<th>Level</th><th>Label</th>" + ("<th>What it means</th>" if show_descriptors else "")
    st.html(
        '<table class="mnr-scale" style="border-collapse:collapse;width:100%">'
        f"<caption style='text-align:left;caption-side:top;font-weight:600'>"
        f"{escape(scale.name)}</caption>"
        f"<thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        "<style>.mnr-scale td,.mnr-scale th{padding:.4em .6em;border-bottom:1px solid #E3E7EC;"
        "text-align:left;vertical-align:top}</style>"
    )


def render_capability(capability: Capability, *, key: str, highlighted: bool = False) -> None:
    """One capability: number, title and description; boxed when a link points at it."""
    with st.container(key=key, border=highlighted):
        st.markdown(
            md(
                "**{label}**  \n{description}",
                max_chars=None,
                label=capability.label,
                description=capability.description,
            )
        )


def render_outcome(domain: Domain, colour: str) -> None:
    """A domain's outcome: its heading and statement beside a bar in the domain's colour."""
    st.html(
        f'<div style="border-left:6px solid {colour};padding:.25rem 0 .25rem .9rem">'
        f'<div style="font-size:.8rem;text-transform:uppercase;letter-spacing:.05em;'
        f'color:#555">Outcome</div><div style="font-weight:600;font-size:1.05rem">'
        f"{escape(domain.outcome_heading)}</div>"
        f'<div style="margin-top:.25rem">{escape(domain.outcome_statement)}</div></div>'
    )


def render_demo_notice() -> None:
    """Notices every page that shows assessments draws under its title.

    What a shared link could not restore, and a plain warning whenever fictional data is on
    show.
    """
    render_link_notices()
    if state.collection().has_demo:
        st.warning(DEMO_NOTICE, icon=":material/theater_comedy:")


def render_link_notices() -> None:
    """What a shared link could not restore, and how to upload data it pointed at."""
    for text in state.link_notices():
        notice("info", text, icon=":material/link:")
    if state.link_wants_upload():
        st.page_link(
            "pages/upload.py", label="Upload the assessment", icon=":material/upload_file:"
        )


def render_session_panel() -> None:
    """The sidebar's summary of this session's data, with the demo switch."""
    current = state.collection()
    counts = {} if current.is_empty else remember(current, "counts", None, current.counts_by_origin)
    with st.sidebar:
        st.markdown("**Your assessments**")
        if current.is_empty:
            st.caption(
                "None yet. Upload a workbook, assess in the app, or load the fictional demo to "
                "explore."
            )
        else:
            uploaded, demo = counts.get("upload", 0), counts.get("demo", 0)
            from_library = counts.get("library", 0)
            from_workshops = counts.get("workshop", 0)
            entered = counts.get("editor", 0)
            lines = []
            if uploaded:
                lines.append(f"{uploaded} uploaded")
            if entered:
                lines.append(f"{entered} entered in the app")
            if from_library:
                lines.append(f"{from_library} from the library")
            if from_workshops:
                lines.append(
                    f"{from_workshops} from {plural(from_workshops, 'a workshop', 'workshops')}"
                )
            if demo:
                lines.append(f"{demo} fictional demo assessments")
            caption(Markdown(" · ".join(lines) + " (kept only in this browser session)"))
        if not current.is_empty:
            render_selection(current)
        if counts.get(FICTIONAL_ORIGIN, 0):
            st.button("Remove the demo data", key="sidebar_unload_demo", on_click=state.unload_demo)
        else:
            st.button(
                "Load the fictional demo",
                key="sidebar_load_demo",
                on_click=state.load_demo_into_session,
                help="Eight invented countries with two or three rounds each.",
            )
        render_layout_switch()


def render_selection(current: Collection) -> None:
    """Country and round pickers, shared by every page (they live in app.py's sidebar run)."""
    if current.is_empty:
        return
    countries = state.session_countries()
    if st.session_state.get(state.SELECTED_COUNTRY) not in countries:
        # A stale choice (its data was removed) falls back to the first country.
        st.session_state[state.SELECTED_COUNTRY] = countries[0]
    # Each picker's default (``index``) is the session's own choice, not the first option: a
    # browser that had not yet taken in the picker's value when a person moved to another page
    # draws it afresh from its default, and sends that back with the next click (seen as "open
    # a pillar's tab on the profile: the round jumps back to the baseline").
    country = st.selectbox(
        "Country",
        countries,
        index=countries.index(st.session_state[state.SELECTED_COUNTRY]),
        format_func=option_format({}, markdown=False),
        key=state.SELECTED_COUNTRY,
    )
    rounds = state.session_rounds(country)
    round_ids = list(rounds)
    if st.session_state.get(state.SELECTED_ASSESSMENT) not in rounds:
        # Another country was chosen (or its round went): show its latest round. Set, not
        # popped: a popped key let the browser keep showing the previous country's round
        # while the page drew the latest one.
        st.session_state[state.SELECTED_ASSESSMENT] = round_ids[-1]
    st.selectbox(
        "Round",
        round_ids,
        index=round_ids.index(st.session_state[state.SELECTED_ASSESSMENT]),
        format_func=option_format(rounds, markdown=False),
        key=state.SELECTED_ASSESSMENT,
    )


def render_empty_state(what: str) -> None:
    """What to do when there is nothing to show yet: upload, open from the library, or load
    the fictional demo.

    Also what a person sees on their next click after the app restarted: a session's
    assessments (uploaded or opened from the library) end with it, so the notice says so and
    offers the library next to the upload.
    """
    library = _library_offered()
    notice(
        "info",
        md(
            "There are no assessments in this session yet, so there is no {what} to show. "
            "{ways} Assessments opened or uploaded earlier are closed when the browser session "
            "ends, and when the app restarts.",
            what=what,
            ways=Markdown(
                "Upload your own workbooks, open assessments from the library, or load the "
                "fictional demo to see how it works."
                if library
                else "Upload your own workbooks, or load the fictional demo to see how it works."
            ),
        ),
        icon=":material/info:",
    )
    columns = st.columns(3 if library else 2)
    with columns[0]:
        st.page_link("pages/upload.py", label="Upload assessments", icon=":material/upload_file:")
    if library:
        with columns[1]:
            st.page_link(
                "pages/library.py", label="Open from the library", icon=":material/inventory_2:"
            )
    with columns[-1]:
        st.button(
            "Load the fictional demo",
            key=f"empty_load_demo_{what}",
            on_click=state.load_demo_into_session,
            icon=":material/theater_comedy:",
        )


def _library_offered() -> bool:
    """Whether the empty state offers the library: it is set up (settings that can be used)."""
    try:
        library_settings()
    except LibraryUnavailable:
        return False
    return True


def draw_chart(figure: go.Figure, *, key: str, config: Mapping[str, Any]) -> None:
    """A plotly figure as wide as its column, drawn by plotly.js once, not twice.

    The browser gets the figure's ``browser_copy`` (see ``components.charts.browser_copy``).
    It is made the first time the figure is drawn and kept on the figure: a figure is built
    once per change of what it shows (pages remember their views) and drawn on every rerun.
    Keeping it there changes nothing the figure shows, so a figure shared by every session
    (the demo's, ``components.ui.memo``) stays as read-only as its readers expect, and its
    copy is made once for all of them.
    """
    sent = getattr(figure, "_browser_copy", None)
    if sent is None:
        sent = browser_copy(figure)
        figure._browser_copy = sent  # an underscore name: plotly lets a figure carry it
    # theme=None: the figure's own look (plotly_white's, written out), as in the exports.
    st.plotly_chart(sent, key=key, width="stretch", theme=None, config=dict(config))


def render_figure(
    figure: Any, *, key: str, caption: str, table: Any = None, first_chart: bool = False
) -> None:
    """A plotly figure with its caption (what it rests on) and a table alternative.

    Every chart gets both: the caption says how many capabilities the picture rests on, and
    the table gives the same numbers to people who cannot read the chart. ``first_chart``
    marks a page's first chart: on entering the page in a browser, the run ends right after
    the chart, and its caption and table come with the rest of the page
    (``first_chart.rest_after_first_chart``).
    """
    draw_chart(
        figure,
        key=key,
        config={
            "displaylogo": False,
            "toImageButtonOptions": {"format": "png", "scale": 2, "filename": key},
            "modeBarButtonsToRemove": ["lasso2d", "select2d"],
        },
    )
    if first_chart:
        rest_after_first_chart(key)
    st.caption(as_markdown(caption))  # captions repeat names: escaped whole
    if table is not None:
        # Drawn only once opened (the expander reruns the page when it opens or closes): a
        # closed table costs nothing, and a heatmap's table of every cell is large.
        numbers = st.expander(
            "Show the numbers as a table", key=f"{key}_numbers", on_change="rerun"
        )
        if numbers.open:
            with numbers:
                if len(table) <= 60:
                    render_table(table)
                else:
                    st.dataframe(table, hide_index=True, width="stretch")


def render_slide(slide: Any, *, key: str, fictional: bool = False) -> None:
    """One presentation slide: its title, the figure or table, and what it rests on.

    With fictional data, every slide carries a small "Fictional demo data" badge, so that no
    projected slide can be mistaken for a real country's results.
    """
    if fictional:
        st.badge("Fictional demo data", icon=":material/theater_comedy:", color="orange")
    heading(slide.title, level="title")
    if slide.figure is not None:
        draw_chart(slide.figure, key=key, config={"displaylogo": False, "displayModeBar": False})
    if slide.table is not None:
        render_table(slide.table)
    st.caption(as_markdown(slide.caption))
    if slide.numbers is not None:
        # The chart's text alternative (screen readers, people far from the screen).
        with st.expander("The numbers on this slide", icon=":material/table:"):
            render_table(slide.numbers)


def render_table(frame: Any) -> None:
    """A static table whose text (names, evidence) shows literally, not as Markdown."""
    render_escaped_table(escape_for_table(frame))


def render_preview(table: Any, *, key: str) -> None:
    """What was read from a file: capabilities as rows, one column per assessment.

    In the phone layout a grid of several columns cuts the capabilities' and levels' names at
    the screen's edge, so it shows one assessment at a time (an "Assessment" picker when the
    file has several) as a table whose text wraps.
    """
    if not narrow_layout():
        st.dataframe(table, width="stretch")
        return
    columns = list(table.columns)
    chosen = columns[0]
    if len(columns) > 1:
        chosen = st.selectbox(
            "Assessment",
            columns,
            format_func=option_format(dict(zip(columns, columns, strict=True)), markdown=False),
            key=key,
        )
    render_table(table[[chosen]].reset_index())


def render_problem_list(report: Any) -> None:
    """A validation report as a list, one problem per block (on a phone, where a table of five
    columns leaves a word per line and hides the fix past the screen's edge)."""
    for row in report.itertuples(index=False):
        where = " › ".join(str(part) for part in (row[1], row[2]) if part and part != "–")
        st.markdown(
            md(
                "**{severity}**{where}  \n{message}  \n*How to fix it:* {fix}",
                max_chars=None,
                severity=row[0],
                where=Markdown(f" · {literal(where)}") if where else Markdown(""),
                message=row[3],
                fix=row[4],
            )
        )


def render_listed(title: str, escaped: Any, when_empty: str) -> None:
    """A short list under its bold title, already escaped; an empty one says why in words
    (a table without rows would show a bare "empty")."""
    st.markdown(md("**{title}**", title=title))
    if len(escaped):
        render_escaped_table(escaped)
    else:
        caption(when_empty)


# About this many columns of a table fit across a phone; a wider one scrolls sideways.
PHONE_TABLE_COLUMNS = 4


def key_columns_first(columns: Sequence[str], key: Sequence[str]) -> list[str]:
    """``columns`` with the table's first column (what each row is), then the ``key`` ones it
    has, in ``key``'s order, then the rest as they were."""
    if not columns:
        return []
    leading = [columns[0], *(c for c in key if c in columns[1:])]
    return leading + [c for c in columns if c not in leading]


def render_wide_table(escaped: Any, *, key: Sequence[str] = ()) -> None:
    """A table (already escaped) that is wider than a phone: in the phone layout its ``key``
    columns come right after the first, where they stay on screen, and a caption says the
    table scrolls sideways for the rest. Elsewhere it is drawn as it is."""
    if narrow_layout():
        escaped = escaped[key_columns_first(list(escaped.columns), key)]
        if len(escaped.columns) > PHONE_TABLE_COLUMNS:
            st.caption(
                md(
                    "Swipe the table sideways for all its {count} columns.",
                    count=len(escaped.columns),
                ),
                help="A phone shows its first columns; the others are to the right.",
            )
    render_escaped_table(escaped)


def render_escaped_table(escaped: Any) -> None:
    """A static table already passed through ``escape_for_table`` (kept escaped by a page
    that draws it on every rerun, so the escaping is not redone each time)."""
    st.table(escaped, hide_index=True)
