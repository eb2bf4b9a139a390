"""Download buttons for the exports: briefs, decks, chart images and the combined data.

Files are made only when a person clicks (the download button runs the callable then, on its
own thread), so drawing a page never pays for an export. Everything is built from this
session's own data and never cached across users.

The PDF brief is made in two steps ("Country brief (PDF)", then "Download the brief"): it is
the heaviest export (Chromium draws its charts, reportlab lays out every note), and a
download button that fails makes nothing and says nothing. Made on the page, a failure is
shown there.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from components.exports.brief import export_file_name
from components.exports.decks import comparison_deck_pptx, country_deck_pptx
from components.exports.images import chromium_path, images_zip
from components.exports.pdf import country_brief_pdf
from components.exports.plan_tables import plan_csv
from components.exports.tables import combined_csv, combined_workbook_xlsx
from components.exports.workshop import votes_csv, votes_workbook_xlsx
from components.framework.model import Framework
from components.ingest.collection import Collection
from components.ingest.plans import plan_of
from components.ui.markdown import notice
from components.ui.workshop_session import WorkshopResult, result_for

_LOG = logging.getLogger(__name__)
PDF = "application/pdf"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ZIP = "application/zip"
NO_CHROMIUM = (
    "Needs Chromium on the machine running the app (Debian: apt-get install chromium); the "
    "PowerPoint deck and the data work without it."
)


def _button(
    label: str,
    make: Callable[[], bytes],
    file_name: str,
    mime: str,
    key: str,
    *,
    needs_browser: bool = False,
    icon: str = ":material/download:",
) -> None:
    missing_browser = needs_browser and chromium_path() is None
    st.download_button(
        label,
        data=make,
        file_name=file_name,
        mime=mime,
        key=key,
        icon=icon,
        on_click="ignore",
        disabled=missing_browser,
        help=NO_CHROMIUM if missing_browser else None,
        width="stretch",
    )


def _image_buttons(
    png: Any,
    svg: Any,
    figures: Mapping[str, go.Figure],
    label: str,
    key: str,
    *,
    fictional: bool,
    titles: Mapping[str, str] | None,
) -> None:
    """All the page's charts as a zip of PNG or of SVG images, in two given columns; each
    picture carries its title (``titles``, by the figures' names) and says it is fictional
    when it shows the demo."""
    for column, fmt in ((png, "png"), (svg, "svg")):
        with column:
            _button(
                f"Charts ({fmt.upper()})",
                lambda fmt=fmt: images_zip(figures, fmt, fictional=fictional, titles=titles),
                export_file_name(f"charts-{fmt}", label, "zip"),
                ZIP,
                f"{key}-{fmt}",
                needs_browser=True,
            )


def render_country_exports(
    collection: Collection,
    framework: Framework,
    labels: Mapping[str, str],
    assessment_id: str,
    *,
    figures: Mapping[str, go.Figure],
    key: str,
    titles: Mapping[str, str] | None = None,
) -> None:
    """PDF brief, PowerPoint deck, and every chart of the page as PNG or SVG; for a
    workshop's assessment, the brief and deck gain its agreement and the votes download."""
    fictional = collection.any_fictional([assessment_id])
    label = labels[assessment_id]
    capabilities, enablers = collection.capabilities, collection.enablers
    plans = plan_of(collection.plans, assessment_id)
    workshop = result_for(assessment_id)
    agreement = workshop.summary if workshop is not None else None
    pdf, deck, png, svg = st.columns(4)
    with pdf:
        _brief_button(
            lambda: country_brief_pdf(
                capabilities,
                enablers,
                framework,
                assessment_id,
                labels,
                fictional=fictional,
                generated_on=datetime.date.today(),
                agreement=agreement,
                plans=plans,
            ),
            export_file_name("brief", label, "pdf"),
            # A brief made before the plan changed is not this plan's brief.
            (assessment_id, label, fictional, plans.to_json()),
            f"{key}-pdf",
        )
    with deck:
        _button(
            "Slides (PowerPoint)",
            lambda: country_deck_pptx(
                capabilities,
                enablers,
                framework,
                assessment_id,
                labels,
                fictional=fictional,
                agreement=agreement,
                plans=plans,
                today=datetime.date.today(),
            ),
            export_file_name("slides", label, "pptx"),
            PPTX,
            f"{key}-pptx",
        )
    _image_buttons(png, svg, figures, label, key, fictional=fictional, titles=titles)
    if workshop is not None:
        render_vote_exports(workshop, framework, title=workshop.title, key=f"{key}-votes")
    if fictional:
        st.caption("The files say on every page that they show fictional demo data.")


def render_vote_exports(
    result: WorkshopResult | Callable[[], WorkshopResult],
    framework: Framework,
    *,
    title: str,
    key: str,
) -> None:
    """A workshop's votes, without names, as Excel (with the agreement) or CSV.

    ``result`` may be a function: the votes are then read only when someone downloads them.
    """

    def read() -> WorkshopResult:
        return result() if callable(result) else result

    xlsx, csv = st.columns(2)
    with xlsx:
        _button(
            "Workshop votes (Excel)",
            lambda: _workbook(read(), framework),
            export_file_name("votes", title, "xlsx"),
            XLSX,
            f"{key}-xlsx",
        )
    with csv:
        _button(
            "Workshop votes (CSV)",
            lambda: votes_csv(read().votes, framework),
            export_file_name("votes", title, "csv"),
            "text/csv",
            f"{key}-csv",
        )
    st.caption(
        "The votes carry no names: participants are numbered in the order they joined. The "
        "brief and the slides include a page on the agreement per capability."
    )


@st.fragment
def _brief_button(
    make: Callable[[], bytes], file_name: str, made_for: tuple[object, ...], key: str
) -> None:
    """Make the brief on the page (saying so if it fails), then offer it for download.

    A fragment: the clicks rerun only these buttons. The brief kept in the session is the one
    made for ``made_for`` (the assessment and its label); another assessment needs a new one.
    """
    missing_browser = chromium_path() is None
    kept = st.session_state.get(key)
    if kept is not None and kept[0] != made_for:
        st.session_state.pop(key, None)
        kept = None
    if st.button(
        "Country brief (PDF)",
        key=f"{key}-make",
        icon=":material/picture_as_pdf:",
        disabled=missing_browser,
        help=NO_CHROMIUM if missing_browser else "Makes the brief; then download it below.",
        width="stretch",
    ):
        with st.spinner("Making the brief: drawing the charts and laying out the pages…"):
            try:
                kept = (made_for, make())
                st.session_state[key] = kept
            except Exception:  # noqa: BLE001 - whatever fails, the page says so (and logs it)
                _LOG.exception("The country brief could not be made")
                kept = None
                st.session_state.pop(key, None)
                notice(
                    "error",
                    "The brief could not be made; the details are in the server's log. The "
                    "slides and the data downloads still work.",
                    icon=":material/error:",
                )
    if kept is not None:
        st.download_button(
            "Download the brief (PDF)",
            data=kept[1],
            file_name=file_name,
            mime=PDF,
            key=f"{key}-download",
            icon=":material/download:",
            on_click="ignore",
            type="primary",
            width="stretch",
        )


def render_comparison_exports(
    collection: Collection,
    framework: Framework,
    labels: Mapping[str, str],
    assessment_ids: Sequence[str],
    *,
    focus_id: str | None,
    figures: Mapping[str, go.Figure],
    key: str,
    titles: Mapping[str, str] | None = None,
) -> None:
    """The comparison as a PowerPoint deck, and its charts as PNG or SVG."""
    fictional = collection.any_fictional(assessment_ids)
    capabilities = collection.capabilities
    deck, png, svg = st.columns(3)
    with deck:
        _button(
            "Slides (PowerPoint)",
            lambda: comparison_deck_pptx(
                capabilities,
                framework,
                assessment_ids,
                labels,
                fictional=fictional,
                focus_id=focus_id,
            ),
            export_file_name("comparison", "slides", "pptx"),
            PPTX,
            f"{key}-pptx",
        )
    _image_buttons(png, svg, figures, "comparison", key, fictional=fictional, titles=titles)


def render_data_exports(collection: Collection, framework: Framework, *, key: str) -> None:
    """Every assessment of the session as one workbook (which the app reads back) or CSV, and
    the action plans as CSV when there are any (the workbook holds them too)."""
    capabilities, enablers, plans = collection.capabilities, collection.enablers, collection.plans
    xlsx, csv = st.columns(2)
    with xlsx:
        _button(
            "All assessments (Excel)",
            lambda: combined_workbook_xlsx(capabilities, enablers, framework, plans),
            "mnr-assessments.xlsx",
            XLSX,
            f"{key}-xlsx",
        )
    with csv:
        _button(
            "All assessments (CSV)",
            lambda: combined_csv(capabilities, framework),
            "mnr-assessments.csv",
            "text/csv",
            f"{key}-csv",
        )
        if not plans.empty:
            _button(
                "Action plans (CSV)",
                lambda: plan_csv(capabilities, plans, framework),
                "mnr-action-plans.csv",
                "text/csv",
                f"{key}-plans-csv",
            )


def _workbook(result: WorkshopResult, framework: Framework) -> bytes:
    return votes_workbook_xlsx(result.votes, result.summary, framework, result.title)
