"""The session's state: its collection of assessments and its uploads. Keys live here only.

Everything a person uploads stays in their own ``st.session_state``; nothing per-user goes
into a cache shared by all sessions. Only the fictional demo and the template (the same for
everyone) are cached process-wide.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.framework.model import default_framework
from components.ingest.collection import (
    FICTIONAL_ORIGIN,
    Collection,
    add_assessments,
    remove_origin,
)
from components.ingest.demo import DemoData, load_demo
from components.ingest.mapping import NO_MAPPING, Mapping
from components.ingest.report import ReadResult
from components.ingest.template import write_template
from components.ui.history import came_by_back_or_forward
from components.ui.links import (
    ASSESSMENT,
    COUNTRY,
    DEMO_SOURCE,
    LIBRARY_SOURCE,
    NAME_PARAMS,
    ROUND,
    SOURCE,
    LinkedSelection,
    LinkNames,
    LinkState,
    first_value,
    gone_from_library,
    hide_names,
    linked_parts,
    pick,
    pick_flag,
    pick_many,
    read_selection,
    reveal_names,
    unknown_params,
    unknown_parts,
    without_parts,
)
from components.ui.markdown import Markdown
from components.ui.memo import remember
from components.ui.selection import country_choices, round_choices

COLLECTION = "mnr_collection"
UPLOAD_RESULTS = "mnr_upload_results"
UPLOADER = "mnr_uploader"
DUPLICATE_CHOICE_PREFIX = "mnr_keep_"
DEMO_PROBLEMS = "mnr_demo_problems"
UPLOAD_MAPPING = "mnr_upload_mapping"
UPLOAD_MAPPING_READ = "mnr_upload_mapping_read"
MAPPING_WIDGET_PREFIX = "mnr_map_"


def collection() -> Collection:
    """This session's assessments (an empty collection on first use)."""
    if COLLECTION not in st.session_state:
        st.session_state[COLLECTION] = Collection()
    return st.session_state[COLLECTION]


def set_collection(new: Collection) -> None:
    st.session_state[COLLECTION] = new


def upload_results() -> dict[str, ReadResult]:
    """What was read from each uploaded file, by the uploader's file id (read once per file)."""
    return st.session_state.setdefault(UPLOAD_RESULTS, {})


def upload_mapping() -> Mapping:
    """The person's mapping decisions in this session (header rows, columns, labels)."""
    return st.session_state.setdefault(UPLOAD_MAPPING, NO_MAPPING)


def set_upload_mapping(mapping: Mapping) -> None:
    st.session_state[UPLOAD_MAPPING] = mapping


@st.cache_data(show_spinner="Reading the fictional demo data…")
def cached_demo() -> DemoData:
    """The demo is the same for every user, so it is read once per process."""
    return load_demo(default_framework())


@st.cache_data(show_spinner=False)
def cached_template() -> bytes:
    """The blank template, generated from the framework (the same for every user)."""
    return write_template(default_framework())


def load_demo_into_session() -> None:
    """Replace any demo assessments in this session with a fresh copy of the demo."""
    demo = cached_demo()
    st.session_state[DEMO_PROBLEMS] = demo.problems
    set_collection(
        add_assessments(
            remove_origin(collection(), "demo"),
            demo.capabilities,
            demo.enablers,
            "demo",
            demo.plans,
        )
    )


def unload_demo() -> None:
    set_collection(remove_origin(collection(), "demo"))
    st.session_state.pop(DEMO_PROBLEMS, None)


SELECTED_COUNTRY = "mnr_country"
SELECTED_ASSESSMENT = "mnr_assessment"


def session_countries() -> list[str]:
    """The session's countries, in the sidebar's order (worked out once per change of data)."""
    current = collection()
    return remember(current, "countries", None, lambda: country_choices(current.capabilities))


def session_rounds(country: str | None) -> dict[str, str]:
    """A country's rounds in the session, by assessment id (once per change of data)."""
    current = collection()
    return remember(
        current, "rounds", country, lambda: round_choices(current.capabilities, country)
    )


def _assessment_ids() -> frozenset[str]:
    current = collection()
    return remember(current, "ids", None, lambda: frozenset(current.assessment_ids))


def selected_assessment_id() -> str | None:
    """The assessment chosen in the sidebar, if it is still in the collection."""
    chosen = st.session_state.get(SELECTED_ASSESSMENT)
    return chosen if chosen in _assessment_ids() else None


def selected_country() -> str | None:
    """The country chosen in the sidebar, if it still has assessments in the collection."""
    chosen = st.session_state.get(SELECTED_COUNTRY)
    return chosen if chosen in session_countries() else None


INCOMING_LINK = "mnr_incoming_link"
PUBLISHED_LINKS = "mnr_published_links"
LINK_NOTICES = "mnr_link_notices"
LINK_MISSING_UPLOAD = "mnr_link_missing_upload"
LINK_GONE = "mnr_link_gone"  # what a library link names that could not be opened
PAGE_LINK = "mnr_page_link"
CARRIED_LINK_NOTICES = "mnr_carried_link_notices"


#: How many of its own latest addresses a session recognises. A click while the previous run
#: is still being drawn reaches the server with the address the browser showed then, one
#: this session wrote a moment before: no link someone opened, and applying it would undo
#: the person's newest choice (seen as "pick a round, then a country: the old round comes
#: back").
OWN_LINKS_KEPT = 4


def is_own_link(params: dict[str, str]) -> bool:
    """Whether these query parameters are one of the addresses this session wrote lately."""
    return params in st.session_state.get(PUBLISHED_LINKS, [])


def _remember_published(params: dict[str, str]) -> None:
    earlier = [kept for kept in st.session_state.get(PUBLISHED_LINKS, []) if kept != params]
    st.session_state[PUBLISHED_LINKS] = [*earlier, params][-OWN_LINKS_KEPT:]


def receive_link() -> None:
    """Called by app.py first: apply a link that arrived (not one this session wrote itself).

    The URL is compared with what this session last published: if they differ, a person
    opened a link (or edited the address), and its country and round are applied before the
    sidebar draws its pickers. Back and Forward reopen the view of the page's history entry,
    though this session wrote it.
    """
    params = st.query_params.to_dict()
    incoming = params if came_by_back_or_forward() or not is_own_link(params) else None
    carried = st.session_state.pop(CARRIED_LINK_NOTICES, None)
    st.session_state[INCOMING_LINK] = incoming
    st.session_state[PAGE_LINK] = LinkState()
    st.session_state[LINK_NOTICES] = []
    st.session_state[LINK_MISSING_UPLOAD] = False
    st.session_state[LINK_GONE] = []
    if not incoming:
        if carried is not None:
            # The run that drew the rest of a page whose first run stopped after its first
            # chart (first_chart.py): the link's notices belong to that page view too.
            st.session_state[LINK_NOTICES], st.session_state[LINK_MISSING_UPLOAD] = carried
        return
    # A link is applied once: later reruns must not re-apply it over the person's own choices,
    # even when the page stopped early and did not publish its view.
    _remember_published(incoming)
    selection = _read_linked_selection(incoming)
    if selection.wants_demo:
        load_demo_into_session()
        selection = _read_linked_selection(incoming)
    if selection.country is not None:
        st.session_state[SELECTED_COUNTRY] = selection.country
        st.session_state.pop(SELECTED_ASSESSMENT, None)
    if selection.assessment_id is not None:
        st.session_state[SELECTED_ASSESSMENT] = selection.assessment_id
    st.session_state[LINK_NOTICES].extend(selection.notices)
    st.session_state[LINK_MISSING_UPLOAD] = selection.missing_upload
    if first_value(incoming.get(SOURCE)) == LIBRARY_SOURCE:
        # What the library could not give this person (app.py opened the rest): counted in
        # plain words, left out of the page's choices, never shown as an id.
        gone = unknown_parts(incoming, _link_names())
        st.session_state[LINK_GONE] = gone
        if gone:
            named = len(linked_parts(incoming))
            st.session_state[LINK_NOTICES].append(gone_from_library(len(gone), named))


def _link_names(only: set[str | None] | None = None) -> LinkNames:
    """The session's countries (all, or ``only`` these) and rounds, and the demo's ids."""
    capabilities = collection().capabilities
    rounds = {
        country: session_rounds(country)
        for country in session_countries()
        if only is None or country in only
    }
    public: frozenset[str] = frozenset()
    if "origin" in capabilities.columns:
        demo = capabilities[capabilities["origin"] == FICTIONAL_ORIGIN]
        public = frozenset(demo["assessment_id"])
    return LinkNames(rounds, public)


def _read_linked_selection(params: dict[str, str]) -> LinkedSelection:
    names = _link_names()
    return read_selection(params, names.rounds_by_country, demo_loaded=collection().has_demo)


def page_link_params(known: tuple[str, ...] = ()) -> dict[str, str] | None:
    """The page's view of an incoming link (None when no link arrived this run).

    Parameters the page does not know (nor the global ones) get a notice.
    """
    incoming = st.session_state.get(INCOMING_LINK)
    if not incoming:
        return None
    notice = unknown_params(incoming, known)
    if notice:
        st.session_state[LINK_NOTICES].append(notice)
    if any(name in incoming for name in NAME_PARAMS):
        kept = without_parts(incoming, st.session_state.get(LINK_GONE, []))
        return reveal_names(kept, _link_names())  # type: ignore[arg-type]
    return incoming


def add_link_notice(text: Markdown) -> None:
    """A page's own note on a link value it could not use as given (shown under its title)."""
    st.session_state.setdefault(LINK_NOTICES, []).append(text)


def carry_link_notices() -> None:
    """Keep this run's link notices for the next run only: a page that stops after its first
    chart is drawn whole by a rerun, which no longer sees the link (its address is this
    session's own by then), and would otherwise drop the notices without a word."""
    st.session_state[CARRIED_LINK_NOTICES] = (link_notices(), link_wants_upload())


def link_notices() -> list[str]:
    return list(st.session_state.get(LINK_NOTICES, []))


def link_wants_upload() -> bool:
    return bool(st.session_state.get(LINK_MISSING_UPLOAD))


def share(name: str, value: str | None) -> None:
    """Put one of the page's choices in the URL (published at the end of the run)."""
    st.session_state.setdefault(PAGE_LINK, LinkState()).set(name, value)


def share_page_only() -> None:
    """Leave the sidebar's country and round out of this page's address: it reopens only what
    the page shares (the assessment editor's address reopens a draft, whatever is chosen)."""
    st.session_state.setdefault(PAGE_LINK, LinkState()).page_only = True


def publish_link() -> None:
    """Write the current view to the URL, so that copying the address shares this view."""
    params: dict[str, str] = {}
    country = selected_country()
    assessment_id = selected_assessment_id()
    page_link = st.session_state.setdefault(PAGE_LINK, LinkState())
    if country is not None and assessment_id is not None and not page_link.page_only:
        params.update(_view_params(country, assessment_id))
    page = dict(page_link.values)
    if any(name in page for name in NAME_PARAMS):
        named: set[str | None] = {country}
        for name, kind in NAME_PARAMS.items():
            if kind == "country" and name in page:
                named.update(page[name].split(","))
        page = hide_names(page, _link_names(named), country)
    params.update(page)
    params = {name: value for name, value in params.items() if value}
    if params != st.query_params.to_dict():
        st.query_params.from_dict(params)
    _remember_published(params)


def _view_params(country: str, assessment_id: str) -> dict[str, str]:
    """The link parameters that select one assessment of the session (see links.py)."""
    current = collection()
    if current.any_fictional([assessment_id]):
        # The demo is public and made up: its links stay readable.
        return {
            COUNTRY: country,
            ROUND: session_rounds(country).get(assessment_id, ""),
            SOURCE: DEMO_SOURCE,
        }
    params = {ASSESSMENT: assessment_id}  # a hash, never a name (see links.py)
    if _origin_of(current.capabilities, assessment_id) == LIBRARY_SOURCE:
        params[SOURCE] = LIBRARY_SOURCE
    return params


def link_to(assessment_id: str) -> dict[str, str] | None:
    """The query parameters of a link that opens a page on this assessment of the session;
    None when the session does not have it.

    The link counts as one someone opened, not one this session wrote: an address this
    session published earlier for the same view would otherwise be taken for a stale click
    and ignored, and the page would keep showing what the sidebar chose since.
    """
    if assessment_id not in _assessment_ids():
        return None
    country = next((c for c in session_countries() if assessment_id in session_rounds(c)), None)
    if country is None:
        return None
    params = _view_params(country, assessment_id)
    kept = st.session_state.get(PUBLISHED_LINKS, [])
    st.session_state[PUBLISHED_LINKS] = [own for own in kept if own != params]
    return params


def _origin_of(capabilities: pd.DataFrame, assessment_id: str) -> str | None:
    """Where an assessment of the collection came from ("upload", "demo", "library")."""
    rows = capabilities.loc[capabilities["assessment_id"] == assessment_id, "origin"]
    return None if rows.empty else str(rows.iloc[0])


def restore_choice(
    incoming: dict[str, str] | None,
    name: str,
    options: dict[object, str],
    widget_key: str,
    what: str,
) -> None:
    """Set a widget from an incoming link's parameter, matched by its label; else a notice.

    ``options`` maps the widget's values to the labels people read (and links carry).
    """
    _restore(incoming, name, options, widget_key, what, many=False)


def restore_flag(incoming: dict[str, str] | None, name: str, widget_key: str) -> None:
    """Set a toggle or checkbox from an incoming link's ``1``/``0`` parameter."""
    if incoming is None:
        return
    value = pick_flag(incoming, name)
    if value is not None:
        st.session_state[widget_key] = value


def restore_many(
    incoming: dict[str, str] | None,
    name: str,
    options: dict[object, str],
    widget_key: str,
    what: str,
) -> None:
    """Set a multiselect from an incoming link's comma-separated labels."""
    _restore(incoming, name, options, widget_key, what, many=True)


def _restore(
    incoming: dict[str, str] | None,
    name: str,
    options: dict[object, str],
    widget_key: str,
    what: str,
    *,
    many: bool,
) -> None:
    if incoming is None or name not in incoming:
        return
    by_label = {label: value for value, label in options.items()}
    if many:
        labels, notice = pick_many(incoming, name, list(by_label), what)
        if labels is not None:
            st.session_state[widget_key] = [by_label[label] for label in labels]
    else:
        label, notice = pick(incoming, name, list(by_label), what)
        if label is not None:
            st.session_state[widget_key] = by_label[label]
    if notice is not None:
        st.session_state[LINK_NOTICES].append(notice)
