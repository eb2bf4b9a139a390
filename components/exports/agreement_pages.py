"""The "Agreement per capability" page of the PDF brief and slide of the deck, for an
assessment a workshop agreed: per capability, the votes, how they spread over the levels,
the median, the middle half, whether the room disagreed, and the level it agreed.

Both take ``scoring.agreement.summary_table`` (no names: it holds counts only).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from pptx.util import Inches
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from components.base.text import count_of
from components.exports.brief import level_fill
from components.exports.deck_layout import CHART_H, CONTENT_TOP, CONTENT_W, LEFT, Deck, table
from components.exports.pdf_layout import (
    FRAME_WIDTH,
    Styles,
    cells,
    grid_table,
    level_background,
    level_paragraph,
    markup,
    png_image,
)
from components.framework.model import Framework
from components.framework.palette import level_colours, text_colour_on
from components.scoring.agreement import DISAGREEMENT_NOTE, decision_text

AGREEMENT_TITLE = "Agreement per capability"
OVERVIEW_WIDTH = (900, 170 * mm)  # pixels wide, and the width it prints at


def agreement_rows(summary: pd.DataFrame, framework: Framework) -> pd.DataFrame:
    """One row per capability for the page and the slide, in the workshop's order."""
    scale = framework.scale
    return pd.DataFrame(
        {
            "Capability": [
                f"{n} · {t}" for n, t in zip(summary["capability"], summary["title"], strict=True)
            ],
            "Votes": [
                f"{v}" + (f" ({d} don't know)" if d else "")
                for v, d in zip(summary["votes"], summary["dont_know"], strict=True)
            ],
            "Per level": [
                " · ".join(f"{v}:{c}" for v, c in zip(scale.values, counts, strict=True))
                for counts in summary["counts"]
            ],
            "Median": ["–" if pd.isna(m) else f"{m:g}" for m in summary["median"]],
            "Middle half": [
                "–" if pd.isna(low) else (f"{low:g}" if low == high else f"{low:g}–{high:g}")
                for low, high in zip(
                    summary["lower_quartile"], summary["upper_quartile"], strict=True
                )
            ],
            "Agreement": [
                "–" if counted < 2 else ("Disagreement" if flag else "Agreement")
                for counted, flag in zip(summary["counted"], summary["disagreement"], strict=True)
            ],
            "Agreed level": [
                decision_text(decided, level, scale)
                for decided, level in zip(summary["decided"], summary["agreed_level"], strict=True)
            ],
        }
    )


def _intro(summary: pd.DataFrame) -> str:
    votes = int(summary["votes"].sum())
    decided = int(summary["decided"].sum())
    disagreed = int(summary["disagreement"].sum())
    return (
        f"The workshop voted on {count_of(len(summary), 'capability', 'capabilities')} "
        f"({count_of(votes, 'vote')} in all) and agreed a decision on {decided}. The room "
        f"disagreed on {disagreed}. The median is a suggestion; the agreed level is the "
        f"room's decision, recorded by the facilitator. {DISAGREEMENT_NOTE}"
    )


def pdf_section(
    summary: pd.DataFrame, framework: Framework, styles: Styles, image: bytes | None
) -> list[Any]:
    """The brief's page: heading, what it rests on, the stacked votes chart, the table."""
    rows = agreement_rows(summary, framework)
    colours = level_colours(framework.scale)
    widths = [40 * mm, 20 * mm, 34 * mm, 15 * mm, 15 * mm, 22 * mm]
    widths.append(FRAME_WIDTH - sum(widths))
    body: list[list[Any]] = [cells(list(rows.columns), styles["header_cell"])]
    extra: list[tuple[Any, ...]] = []
    for record, level, decided in zip(
        rows.itertuples(index=False), summary["agreed_level"], summary["decided"], strict=True
    ):
        shown = level if decided else None
        fill = level_fill(shown, colours)
        body.append(
            [
                *cells(list(record)[:-1], styles["cell"]),
                level_paragraph(shown, framework, text_colour_on(fill))
                if decided
                else Paragraph("Not decided", styles["cell"]),
            ]
        )
        extra.append(level_background(len(widths) - 1, len(body) - 1, fill))
    story: list[Any] = [
        Paragraph(AGREEMENT_TITLE, styles["h1"]),
        Paragraph(markup(_intro(summary)), styles["body"]),
        Spacer(1, 3 * mm),
    ]
    if image is not None:
        story.append(png_image(image, OVERVIEW_WIDTH[1]))
        story.append(
            Paragraph(
                "Votes per capability, stacked by level; hatched grey: “don't know”. A warning "
                "sign before a capability: the room disagreed on it.",
                styles["caption"],
            )
        )
    story.append(grid_table(body, widths, extra))
    return story


def deck_slide(deck: Deck, summary: pd.DataFrame, framework: Framework) -> None:
    """The deck's slide: the same table, the agreed levels in their colours."""
    slide = deck.content_slide(AGREEMENT_TITLE)
    # The votes per level stay in the brief and the workbook: on a slide they would wrap.
    rows = agreement_rows(summary, framework).drop(columns=["Per level"])
    size = 13 if len(rows) <= 10 else 10
    height = min(CHART_H, Inches(0.42 if size == 13 else 0.215) * (len(rows) + 1))
    levels = [
        level if decided else None
        for level, decided in zip(summary["agreed_level"], summary["decided"], strict=True)
    ]
    table(
        slide,
        rows,
        (LEFT, CONTENT_TOP, CONTENT_W, height),
        level_columns={"Agreed level": levels},
        framework=framework,
        font_size=size,
        first_width=0.38,
    )
    deck.caption(slide, _intro(summary))
