"""The printable country brief: one assessment as an A4 PDF (reportlab).

Its sections, in order: the cover, the domain profile, what changed since the previous round
(when there is one), the capabilities by domain, the
capability and enabler table, strengths and gaps, and the note on method with the scale.
Offline: reportlab's built-in Helvetica (no font files, no network); the charts are the
pictures the profile page shows, rendered by ``components.exports.images``.
"""

from __future__ import annotations

import datetime
import html
import io
from collections.abc import Mapping
from typing import Any

import pandas as pd
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer

from components.charts.agreement import overview_figure
from components.exports.agreement_pages import AGREEMENT_TITLE, OVERVIEW_WIDTH, pdf_section
from components.exports.brief import (
    BRIEF_TITLE,
    LEARNING_NOTE,
    Brief,
    first_text,
    make_brief,
    not_assessed,
    only,
    score_text,
)
from components.exports.images import ImageJob, render_jobs
from components.exports.pdf_layout import (
    FOOTER_SPACE,
    FRAME_WIDTH,
    MARGIN,
    PAGE,
    NumberedCanvas,
    Styles,
    cells,
    facts_table,
    fictional_box,
    frame_table,
    grid_table,
    heading_and_rest,
    highlight_table,
    items_table,
    level_background,
    level_paragraph,
    markdown_blocks,
    markup,
    page_footer,
    paragraph_styles,
    png_image,
)
from components.exports.plan_pages import PLAN_TITLE
from components.exports.plan_pages import pdf_section as plan_section
from components.exports.safe_text import one_line
from components.framework.model import Framework
from components.framework.palette import NOT_ASSESSED_LABEL, level_colours, text_colour_on
from components.scoring import scores as scoring
from components.scoring.plans import plan_table

# Pictures: pixel sizes chosen so plotly's 15 px text prints at about 9 pt at these widths.
_DOMAIN_IMAGE = (800, 600, 170 * mm)
_PILLAR_IMAGE = (760, 470, 140 * mm)
_IMAGE_SCALE = 2

_CONTENTS = (
    "Domain profile: the six domains at a glance",
    "Capabilities by domain",
    "Capability table: level, confidence and evidence",
    "Strengths and gaps",
    "How the numbers are worked out",
)


def _enabler_table(
    enablers: pd.DataFrame, assessment_id: str, framework: Framework
) -> pd.DataFrame:
    """Every enabler of one assessment in framework order: number, title, level, notes."""
    rows = only(enablers, [assessment_id]) if enablers is not None else pd.DataFrame()
    by_number: dict[int, Any] = {}
    if not rows.empty and "enabler" in rows.columns:
        for row in rows.itertuples(index=False):
            number = getattr(row, "enabler", None)
            if number is not None and not pd.isna(number):
                by_number.setdefault(int(number), row)
    records = []
    for enabler in framework.enablers:
        row = by_number.get(enabler.number)
        records.append(
            {
                "enabler": enabler.number,
                "title": enabler.title,
                "level": getattr(row, "level", pd.NA) if row is not None else pd.NA,
                "evidence": getattr(row, "evidence", pd.NA) if row is not None else pd.NA,
                "confidence": getattr(row, "confidence", pd.NA) if row is not None else pd.NA,
            }
        )
    return pd.DataFrame.from_records(records)


def _cover(
    brief: Brief,
    styles: Styles,
    fictional: bool,
    generated_on: datetime.date,
    contents: tuple[str, ...] = _CONTENTS,
) -> list[Any]:
    framework = brief.framework
    facts = [
        ("Generated on", f"{generated_on.day} {generated_on:%B %Y}"),
        ("What it rests on", scoring.rests_on(brief.assessed, brief.total)),
        (
            "Overall score",
            f"{score_text(brief.overall['score'])} on the scale {framework.scale.minimum} to "
            f"{framework.scale.maximum} (the mean level of the assessed capabilities)"
            if brief.assessed
            else "No score: no capability was assessed",
        ),
        (
            "Domains with a score",
            f"{int(brief.overall['domains_assessed'])} of {len(framework.domains)}",
        ),
        ("Assessed by", first_text(brief.focus, "assessed_by") or "–"),
        ("Framework", f"{framework.name} ({framework.publisher})"),
    ]
    story: list[Any] = [
        Spacer(1, 20 * mm),
        Paragraph(BRIEF_TITLE, styles["title"]),
        Paragraph(markup(brief.label), styles["subtitle"]),
        facts_table(facts, styles),
        Spacer(1, 10 * mm),
    ]
    if fictional:
        story += [fictional_box(styles), Spacer(1, 8 * mm)]
    story.append(Paragraph("<b>In this brief</b>", styles["body"]))
    contents = list(contents)
    if brief.since is not None:
        contents.insert(1, "Since the previous round: what changed, like for like")
    story += [Paragraph(html.escape(item), styles["bullet"], bulletText="•") for item in contents]
    story += [
        Spacer(1, 6 * mm),
        Paragraph(
            "A capability that was not assessed is shown as “Not assessed”: it is never "
            "counted as 0. " + LEARNING_NOTE,
            styles["small"],
        ),
        PageBreak(),
    ]
    return story


def _domain_profile(brief: Brief, styles: Styles, images: Mapping[str, bytes]) -> list[Any]:
    return [
        Paragraph("Domain profile", styles["h1"]),
        png_image(images["domains"], _DOMAIN_IMAGE[2]),
        Paragraph(markup(brief.radar.caption), styles["caption"]),
        frame_table(brief.radar.table, styles, 70 * mm),
        PageBreak(),
    ]


def _since_previous(brief: Brief, styles: Styles) -> list[Any]:
    """What changed since the country's previous round (like for like); nothing when none."""
    if brief.since is None:
        return []
    return [
        Paragraph("Since the previous round", styles["h1"]),
        Paragraph(markup(brief.since.caption), styles["body"]),
        Spacer(1, 3 * mm),
        frame_table(brief.since.table, styles, 45 * mm),
        PageBreak(),
    ]


def _pillar_pages(brief: Brief, styles: Styles, images: Mapping[str, bytes]) -> list[Any]:
    domains = brief.framework.domains
    story: list[Any] = [Paragraph("Capabilities by domain", styles["h1"])]
    for position, domain in enumerate(domains):
        view = brief.pillars[domain.id]
        block = [
            Paragraph(markup(domain.name), styles["h2"]),
            Paragraph(markup(domain.outcome_heading), styles["outcome"]),
            png_image(images[f"domain:{domain.id}"], _PILLAR_IMAGE[2]),
            Paragraph(markup(view.caption), styles["caption"]),
        ]
        story.append(KeepTogether(block))
        if position % 2 == 1 and position < len(domains) - 1:
            story.append(PageBreak())
    story.append(PageBreak())
    return story


def _tables(brief: Brief, styles: Styles) -> list[Any]:
    framework = brief.framework
    story: list[Any] = [
        Paragraph("Capability table", styles["h1"]),
        Paragraph(
            markup(
                f"{brief.label}: {scoring.rests_on(brief.assessed, brief.total)}. Level, "
                "confidence and evidence as given in the assessment. “Not assessed” means no "
                "level was given."
            ),
            styles["body"],
        ),
        Spacer(1, 3 * mm),
        items_table(brief.table, framework, styles, number="capability", group="domain_name"),
    ]
    enablers = _enabler_table(brief.enablers, brief.assessment_id, framework)
    if enablers["level"].notna().any() or enablers["evidence"].notna().any():
        assessed = int(enablers["level"].notna().sum())
        intro = [
            Paragraph("Cross-cutting enablers", styles["h2"]),
            Paragraph(
                markup(
                    scoring.rests_on(assessed, len(framework.enablers), "enablers")
                    + ". Enablers belong to no single domain and are not part of any score."
                ),
                styles["body"],
            ),
            Spacer(1, 2 * mm),
        ]
        table = items_table(enablers, framework, styles, number="enabler", group=None)
        story += [Spacer(1, 6 * mm), KeepTogether([*intro, table])]
    story.append(PageBreak())
    return story


def _highlights(brief: Brief, styles: Styles) -> list[Any]:
    framework = brief.framework
    strengths, gaps = scoring.strengths_and_gaps(brief.focus, brief.assessment_id, framework)
    missing = not_assessed(brief.table)
    return [
        Paragraph("Strengths and gaps", styles["h1"]),
        Paragraph(
            "Strengths are the highest levels among the assessed capabilities; gaps the lowest. "
            "A capability that was not assessed is never counted as a gap.",
            styles["body"],
        ),
        Paragraph("Strengths", styles["h2"]),
        highlight_table(strengths, framework, styles)
        if not strengths.empty
        else Paragraph("No capability was assessed.", styles["body"]),
        Paragraph("Gaps", styles["h2"]),
        highlight_table(gaps, framework, styles)
        if not gaps.empty
        else Paragraph("Too few capabilities were assessed to name gaps.", styles["body"]),
        Paragraph(NOT_ASSESSED_LABEL, styles["h2"]),
        Paragraph(
            markup(
                f"{len(missing)} of {brief.total} capabilities were not assessed: "
                + "; ".join(missing)
                + "."
            )
            if missing
            else "Every capability was assessed.",
            styles["body"],
        ),
    ]


def _method(brief: Brief, styles: Styles) -> list[Any]:
    framework = brief.framework
    heading, blocks = heading_and_rest(markdown_blocks(scoring.METHOD_NOTE))
    story: list[Any] = [PageBreak(), Paragraph(heading, styles["h1"])]
    for kind, text in blocks:
        if kind == "bullet":
            story.append(Paragraph(text, styles["bullet"], bulletText="•"))
        else:
            story.append(Paragraph(text, styles["body"]))
    rows = [cells(["Level", "Label", "What it means"], styles["header_cell"])]
    extra: list[tuple[Any, ...]] = []
    colours = level_colours(framework.scale)
    for level in framework.scale.levels:
        fill = colours[level.value]
        rows.append(
            [
                level_paragraph(level.value, framework, text_colour_on(fill)),
                Paragraph(markup(level.label), styles["cell"]),
                Paragraph(markup(level.descriptor), styles["cell"]),
            ]
        )
        extra.append(level_background(0, len(rows) - 1, fill))
    scale = [
        Paragraph(markup(f"The scale: {framework.scale.name}"), styles["h2"]),
        grid_table(rows, [32 * mm, 30 * mm, FRAME_WIDTH - 62 * mm], extra),
    ]
    story.append(KeepTogether(scale))
    return story


def country_brief_pdf(
    capabilities: pd.DataFrame,
    enablers: pd.DataFrame,
    framework: Framework,
    assessment_id: str,
    labels: Mapping[str, str],
    *,
    fictional: bool,
    generated_on: datetime.date,
    agreement: pd.DataFrame | None = None,
    plans: pd.DataFrame | None = None,
) -> bytes:
    """A printable country brief (A4 portrait PDF) for one assessment.

    Cover (title, assessment, date, what it rests on, a boxed fictional-data note when
    ``fictional``); the domain radar with caption and scores; the six per-domain radars, two
    a page; the capability table with level, confidence and evidence (and the enablers);
    strengths and gaps; with ``agreement`` (``scoring.agreement.summary_table`` of the
    workshop that agreed the assessment), a page on the agreement per capability; with an
    action plan for the assessment in ``plans``, a page on the plan (overdue as of
    ``generated_on``); the note on method and the scale. Every page has a footer with the
    page number and, when ``fictional``, the fictional-data note.

    Renders the seven charts with one Chromium start (``components.exports.images``): a few
    seconds. Raises ``ExportError`` when Chromium is missing, ``KeyError`` for an unknown
    assessment id.
    """
    brief = make_brief(capabilities, enablers, framework, assessment_id, labels)
    styles = paragraph_styles()
    jobs = {"domains": ImageJob(brief.radar.figure, "png", *_DOMAIN_IMAGE[:2], _IMAGE_SCALE)}
    jobs.update(
        {
            f"domain:{domain_id}": ImageJob(view.figure, "png", *_PILLAR_IMAGE[:2], _IMAGE_SCALE)
            for domain_id, view in brief.pillars.items()
        }
    )
    with_agreement = agreement is not None and not agreement.empty
    if with_agreement:
        overview = overview_figure(agreement, framework)
        jobs["agreement"] = ImageJob(
            overview, "png", OVERVIEW_WIDTH[0], int(overview.layout.height), _IMAGE_SCALE
        )
    images = render_jobs(jobs)
    contents = _CONTENTS
    agreement_story: list[Any] = []
    if with_agreement:
        contents = (*_CONTENTS[:4], f"{AGREEMENT_TITLE}: how the workshop voted", _CONTENTS[4])
        agreement_story = [
            PageBreak(),
            *pdf_section(agreement, framework, styles, images["agreement"]),
        ]
    plan = (
        plan_table(capabilities, plans, assessment_id, framework, generated_on)
        if plans is not None
        else None
    )
    plan_story: list[Any] = []
    if plan is not None and not plan.empty:
        contents = (*contents[:-1], f"{PLAN_TITLE}: priorities, owners, dates", contents[-1])
        plan_story = [PageBreak(), *plan_section(plan, styles)]
    story = [
        *_cover(brief, styles, fictional, generated_on, contents),
        *_domain_profile(brief, styles, images),
        *_since_previous(brief, styles),
        *_pillar_pages(brief, styles, images),
        *_tables(brief, styles),
        *_highlights(brief, styles),
        *agreement_story,
        *plan_story,
        *_method(brief, styles),
    ]
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + FOOTER_SPACE - 6 * mm,
        title=one_line(f"{BRIEF_TITLE}: {brief.label}", 200),
        author="MNR Dashboard",
        subject=framework.name,
        creator="MNR Dashboard",
        invariant=True,
    )
    footer = page_footer(brief.label, fictional)
    document.build(story, onFirstPage=footer, onLaterPages=footer, canvasmaker=NumberedCanvas)
    return buffer.getvalue()
