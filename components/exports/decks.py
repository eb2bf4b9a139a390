"""The PowerPoint decks: one assessment's country profile, and a comparison of several.

16:9 slides with native, editable charts and tables (python-pptx, its default template, no
browser). The numbers and captions are the ones the pages show (``components.charts.views``
and ``components.scoring.scores``), so a deck never tells a different story from the screen.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
from pptx.util import Inches

from components.base.text import count_of
from components.charts import views
from components.exports.agreement_pages import deck_slide
from components.exports.brief import (
    COMPARISON_TITLE,
    DECK_TITLE,
    LEARNING_NOTE,
    Brief,
    capability_names,
    check_assessment,
    labels_for,
    level_fill,
    make_brief,
    not_assessed,
    only,
    score_text,
)
from components.exports.deck_layout import (
    CHART_H,
    CONTENT_TOP,
    CONTENT_W,
    LEFT,
    Deck,
    bar_chart,
    number,
    radar_chart,
    table,
)
from components.exports.plan_pages import deck_slide as plan_slide
from components.framework.model import Framework
from components.framework.palette import level_colours
from components.scoring import scores as scoring
from components.scoring.plans import plan_table
from components.scoring.tables import level_text


def _domain_scores(
    capabilities: pd.DataFrame, framework: Framework, ids: Sequence[str]
) -> dict[str, list[float | None]]:
    scores = scoring.domain_scores(only(capabilities, ids), framework)
    result = {}
    for assessment_id in ids:
        rows = scores[scores["assessment_id"] == assessment_id]
        result[assessment_id] = [number(value) for value in rows["score"]]
    return result


def _profile_slide(deck: Deck, brief: Brief, scores: Sequence[float | None]) -> None:
    slide = deck.content_slide("Domain profile")
    radar_chart(
        slide,
        [d.name for d in brief.framework.domains],
        [(brief.label, scores)],
        brief.framework,
        (LEFT, CONTENT_TOP, Inches(7.4), CHART_H),
    )
    table(
        slide,
        brief.radar.table,
        (Inches(8.1), Inches(1.5), Inches(4.73), Inches(3.9)),
        font_size=13,
        first_width=0.55,
    )
    deck.caption(slide, brief.radar.caption)


def _pillar_slide(deck: Deck, brief: Brief, domain: Any) -> None:
    framework = brief.framework
    view = brief.pillars[domain.id]
    in_domain = brief.table[brief.table["domain"] == domain.id]
    slide = deck.content_slide(domain.name)
    categories = capability_names(in_domain)
    levels = [number(v) for v in in_domain["level"]]
    box = (LEFT, CONTENT_TOP, Inches(7.4), CHART_H)
    if len(categories) >= 3:
        radar_chart(slide, categories, [(brief.label, levels)], framework, box)
    else:
        bar_chart(
            slide,
            categories,
            [(brief.label, levels)],
            framework,
            box,
            point_colours=[level_fill(v, level_colours(framework.scale)) for v in levels],
            value_title="Level",
        )
    table(
        slide,
        view.table,
        (Inches(8.1), Inches(1.5), Inches(4.73), Inches(0.55) * (len(view.table) + 1)),
        level_columns={view.table.columns[1]: list(in_domain["level"])},
        framework=framework,
        font_size=13,
        first_width=0.62,
    )
    missing = not_assessed(in_domain)
    caption = f"{domain.outcome_heading}. {view.caption}"
    if missing:
        caption += f" Not assessed (a blank point, not 0): {'; '.join(missing)}."
    deck.caption(slide, caption)


def _overview_slide(deck: Deck, brief: Brief) -> None:
    """All capabilities as a level-coloured table (the heatmap of one assessment), in halves."""
    framework, capabilities = brief.framework, brief.table
    slide = deck.content_slide("All capabilities at a glance")
    display = pd.DataFrame(
        {
            "Capability": capability_names(capabilities),
            "Level": [level_text(v, framework.scale) for v in capabilities["level"]],
        }
    )
    half = (len(display) + 1) // 2
    column_w = int((CONTENT_W - Inches(0.3)) / 2)
    for part, (start, stop) in enumerate(((0, half), (half, len(display)))):
        chunk = display.iloc[start:stop].reset_index(drop=True)
        table(
            slide,
            chunk,
            (
                LEFT + part * (column_w + Inches(0.3)),
                CONTENT_TOP,
                column_w,
                Inches(0.4) * (len(chunk) + 1),
            ),
            level_columns={"Level": list(capabilities["level"].iloc[start:stop])},
            framework=framework,
            font_size=12,
            first_width=0.66,
        )
    deck.caption(
        slide,
        f"{brief.label}: {scoring.rests_on(brief.assessed, brief.total)}. Colours follow the "
        "level, the same as on every chart; grey means not assessed.",
        top=Inches(6.35),
    )


def _highlights_slide(deck: Deck, brief: Brief) -> None:
    framework = brief.framework
    strengths, gaps = scoring.strengths_and_gaps(brief.focus, brief.assessment_id, framework)
    slide = deck.content_slide("Strengths and gaps")
    colours = level_colours(framework.scale)
    half_w = int((CONTENT_W - Inches(0.3)) / 2)
    for part, (frame, title) in enumerate(
        ((gaps, "Gaps: the lowest levels"), (strengths, "Strengths: the highest levels"))
    ):
        left = LEFT + part * (half_w + Inches(0.3))
        if frame.empty:
            box = slide.shapes.add_textbox(left, CONTENT_TOP, half_w, Inches(1))
            box.text_frame.word_wrap = True
            box.text_frame.text = f"{title}: too few capabilities were assessed to show any."
            continue
        levels = [number(v) for v in frame["level"]]
        bar_chart(
            slide,
            capability_names(frame),
            [(brief.label, levels)],
            framework,
            (left, CONTENT_TOP, half_w, CHART_H),
            point_colours=[level_fill(v, colours) for v in levels],
            title=title,
        )
    missing = not_assessed(brief.table)
    caption = (
        f"{brief.label}: {scoring.rests_on(brief.assessed, brief.total)}. Gaps and strengths "
        "are taken from the assessed capabilities only; a capability that was not assessed is "
        "never a gap"
    )
    caption += f" (not assessed: {'; '.join(missing)})." if missing else "."
    deck.caption(slide, caption)


def _since_slide(deck: Deck, brief: Brief) -> None:
    """The like-for-like change since the country's previous round, as a table slide."""
    if brief.since is None:
        return
    changes = brief.since.table
    slide = deck.content_slide("Since the previous round")
    table(
        slide,
        changes,
        (LEFT, CONTENT_TOP, CONTENT_W, Inches(0.5) * (len(changes) + 1)),
        font_size=13,
        first_width=0.24,
    )
    deck.caption(slide, brief.since.caption)


def country_deck_pptx(
    capabilities: pd.DataFrame,
    enablers: pd.DataFrame,
    framework: Framework,
    assessment_id: str,
    labels: Mapping[str, str],
    *,
    fictional: bool,
    agreement: pd.DataFrame | None = None,
    plans: pd.DataFrame | None = None,
    today: datetime.date | None = None,
) -> bytes:
    """A 16:9 PowerPoint deck for one assessment, with native, editable charts.

    Slides: title (with a boxed fictional note when ``fictional``); the domain radar (native
    radar chart, one series, blank points for domains without a score) beside its score
    table; what changed since the country's previous round (when there is one, like for
    like); one slide per domain (native radar of its capabilities, or clustered bars for a
    domain of fewer than three) beside a level table; all capabilities as a level-coloured
    table; strengths and gaps as native bar charts; with ``agreement`` (the workshop's
    ``scoring.agreement.summary_table``), the agreement per capability; with an action plan
    for the assessment in ``plans``, the plan (overdue as of ``today``). Each slide has a
    caption saying what it rests on; every footer carries the fictional note when
    ``fictional``. Needs no
    browser. ``enablers`` is accepted for symmetry with the brief and not charted (enablers
    belong to no domain and are in no score).
    """
    brief = make_brief(capabilities, enablers, framework, assessment_id, labels)
    deck = Deck(f"{DECK_TITLE} · {brief.label}", fictional, f"{DECK_TITLE}: {brief.label}")
    deck.title_slide(
        DECK_TITLE,
        brief.label,
        [
            scoring.rests_on(brief.assessed, brief.total),
            f"Overall score {score_text(brief.overall['score'])} on the scale "
            f"{framework.scale.minimum} to {framework.scale.maximum}"
            if brief.assessed
            else "No score: no capability was assessed",
            f"{framework.name} · {LEARNING_NOTE}",
        ],
    )
    _profile_slide(
        deck, brief, _domain_scores(brief.focus, framework, [assessment_id])[assessment_id]
    )
    _since_slide(deck, brief)
    for domain in framework.domains:
        _pillar_slide(deck, brief, domain)
    _overview_slide(deck, brief)
    _highlights_slide(deck, brief)
    if agreement is not None and not agreement.empty:
        deck_slide(deck, agreement, framework)
    if plans is not None:
        plan = plan_table(
            capabilities, plans, assessment_id, framework, today or datetime.date.today()
        )
        if not plan.empty:
            plan_slide(deck, plan)
    return deck.save()


def comparison_deck_pptx(
    capabilities: pd.DataFrame,
    framework: Framework,
    assessment_ids: Sequence[str],
    labels: Mapping[str, str],
    *,
    fictional: bool,
    focus_id: str | None = None,
) -> bytes:
    """A 16:9 deck comparing assessments: title, clustered bars, radar, differences table.

    The order is the order given (a comparison is for learning, not a ranking). The radar
    shows at most ``views.MAX_RADAR_SERIES`` assessments; the bars and table show all. With
    ``focus_id``, the table adds each assessment's difference to it. Pass anonymised labels
    ("Country A", ...) to anonymise the deck.
    """
    if isinstance(assessment_ids, str):
        raise TypeError("assessment_ids must be a list of ids, not a single string.")
    ids = list(dict.fromkeys(assessment_ids))
    if not ids:
        raise ValueError("choose at least one assessment to compare.")
    for assessment_id in ids:
        check_assessment(capabilities, assessment_id)
    names = labels_for(capabilities, labels)
    chosen = only(capabilities, ids)
    bars, radar, differences = views.comparison_views(chosen, framework, names, ids, focus_id)
    scores = _domain_scores(chosen, framework, ids)
    domain_names = [d.name for d in framework.domains]

    deck = Deck(f"{COMPARISON_TITLE} · {LEARNING_NOTE}", fictional, COMPARISON_TITLE)
    deck.title_slide(
        COMPARISON_TITLE,
        count_of(len(ids), "assessment"),
        ["; ".join(names[i] for i in ids), LEARNING_NOTE],
    )

    slide = deck.content_slide("Domain scores")
    bar_chart(
        slide,
        domain_names,
        [(names[i], scores[i]) for i in ids],
        framework,
        (LEFT, CONTENT_TOP, CONTENT_W, CHART_H),
        horizontal=False,
        label_format="0.0",
        value_title="Domain score (mean level)",
    )
    deck.caption(slide, bars.caption)

    slide = deck.content_slide("Domain profiles")
    radar_ids = ids[: views.MAX_RADAR_SERIES]
    radar_chart(
        slide,
        domain_names,
        [(names[i], scores[i]) for i in radar_ids],
        framework,
        (LEFT, CONTENT_TOP, CONTENT_W, CHART_H),
    )
    deck.caption(slide, radar.caption)

    slide = deck.content_slide("Scores side by side" if focus_id not in ids else "Differences")
    size = 14 if len(differences.columns) <= 5 else 11
    table(
        slide,
        differences,
        (LEFT, CONTENT_TOP, CONTENT_W, Inches(0.55) * (len(differences) + 1)),
        font_size=size,
        first_width=min(0.3, 1.5 / max(len(differences.columns), 1)),
    )
    overall = scoring.overall_scores(chosen, framework).set_index("assessment_id")
    rests = "; ".join(
        f"{names[i]}: {scoring.rests_on(overall.at[i, 'assessed'], overall.at[i, 'total'])}"
        for i in ids
    )
    deck.caption(
        slide,
        "Domain scores (mean level of the assessed capabilities; – where no capability of the "
        "domain was assessed)"
        + (f", and each assessment's difference to {names[focus_id]}." if focus_id in ids else ".")
        + f" {rests}.",
    )
    return deck.save()
