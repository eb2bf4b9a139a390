"""The "Action plan" page of the PDF brief and slide of the deck: per capability with a plan,
its level now, priority, target level and date, lead organisation, actions and status.

Both take ``scoring.plans.plan_table`` (one assessment's plan beside its levels).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from pptx.util import Inches
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from components.base.text import count_of, shorten
from components.exports.deck_layout import CHART_H, CONTENT_TOP, CONTENT_W, LEFT, Deck, table
from components.exports.pdf_layout import FRAME_WIDTH, Styles, cells, grid_table, markup
from components.scoring.plans import done_below_target

PLAN_TITLE = "Action plan"
# On a slide the actions are cut to this (the brief and the data exports have all of them).
SLIDE_ACTION_CHARS = 90


def plan_rows(plan: pd.DataFrame, *, actions_chars: int | None = None) -> pd.DataFrame:
    """One row per planned capability for the page and the slide, high priority first."""
    order = {"High": 0, "Medium": 1, "Low": 2}
    ranked = plan.assign(_order=plan["Priority"].map(order).fillna(3)).sort_values(
        ["_order", "No."], kind="stable"
    )
    return pd.DataFrame(
        {
            "Capability": [
                f"{n} · {t}" for n, t in zip(ranked["No."], ranked["Capability"], strict=True)
            ],
            "Level now": ranked["Level now"].tolist(),
            "Priority": ranked["Priority"].tolist(),
            "Target": [
                " by ".join(part for part in (f"level {level}" if level else "", date) if part)
                for level, date in zip(ranked["Target level"], ranked["Target date"], strict=True)
            ],
            "Lead": ranked["Lead organisation"].tolist(),
            "Actions": [
                text if actions_chars is None else shorten(text, actions_chars)
                for text in ranked["Actions"]
            ],
            "Status": [
                f"{status} (overdue)" if overdue else status
                for status, overdue in zip(ranked["Status"], ranked["Overdue"], strict=True)
            ],
        }
    )


def plan_intro(plan: pd.DataFrame) -> str:
    """What the plan holds, in one sentence, and what is marked done below its target."""
    high = int((plan["Priority"] == "High").sum())
    done = int((plan["Status"] == "Done").sum())
    overdue = int((plan["Overdue"] != "").sum())
    intro = (
        f"The plan covers {count_of(len(plan), 'capability', 'capabilities')}: {high} of high "
        f"priority, {done} done, {overdue} overdue (past the target date and not done). The "
        "priorities, targets and actions are the country's own."
    )
    note = done_below_target(plan)
    return f"{intro} {note}" if note else intro


def pdf_section(plan: pd.DataFrame, styles: Styles) -> list[Any]:
    """The brief's page: heading, what the plan holds, the table."""
    rows = plan_rows(plan)
    widths = [38 * mm, 14 * mm, 16 * mm, 26 * mm, 26 * mm]
    widths.insert(5, FRAME_WIDTH - sum(widths) - 20 * mm)
    widths.append(20 * mm)
    body = [cells(list(rows.columns), styles["header_cell"])]
    body += [cells(list(record), styles["cell"]) for record in rows.itertuples(index=False)]
    return [
        Paragraph(PLAN_TITLE, styles["h1"]),
        Paragraph(markup(plan_intro(plan)), styles["body"]),
        Spacer(1, 3 * mm),
        grid_table(body, widths),
    ]


def deck_slide(deck: Deck, plan: pd.DataFrame) -> None:
    """The deck's slide: priorities, owners, dates (the actions shortened)."""
    slide = deck.content_slide(PLAN_TITLE)
    rows = plan_rows(plan, actions_chars=SLIDE_ACTION_CHARS)
    size = 12 if len(rows) <= 8 else 9
    height = min(CHART_H, Inches(0.5 if size == 12 else 0.26) * (len(rows) + 1))
    table(slide, rows, (LEFT, CONTENT_TOP, CONTENT_W, height), font_size=size, first_width=0.22)
    deck.caption(slide, plan_intro(plan))
