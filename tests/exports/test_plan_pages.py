"""The action plan in the brief and the deck: a plan page and a plan slide when the
assessment has a plan, none otherwise; user text stays text."""

from __future__ import annotations

import datetime
import io

import pandas as pd
from pptx import Presentation
from pypdf import PdfReader

from components.exports.decks import country_deck_pptx
from components.exports.pdf import country_brief_pdf
from components.exports.plan_pages import plan_rows
from components.scoring.plans import plan_table
from tests.exports.samples import FRAMEWORK
from tests.factories import capability_rows, enabler_rows
from tests.factories import plan_rows as plan_frame

TODAY = datetime.date(2026, 6, 1)


def _assessment():
    capabilities = capability_rows("a1", "Zembla", 2024, {1: 1, 2: 2, 3: 0})
    enablers = enabler_rows("a1", "Zembla", 2024)
    plans = plan_frame(
        "a1",
        {
            3: {
                "priority": "low",
                "target_level": 1,
                "lead": "<b>NGO</b> & partners",
                "status": "done",
            },
            1: {
                "priority": "high",
                "target_level": 3,
                "target_date": "2025-12-31",
                "lead": "Ministry of Justice",
                "actions": "=Draft the law\nthen train judges " + "x" * 200,
                "status": "under way",
            },
        },
    )
    return capabilities, enablers, plans


def test_the_rows_put_high_priority_first_and_say_what_is_overdue():
    capabilities, _, plans = _assessment()
    rows = plan_rows(plan_table(capabilities, plans, "a1", FRAMEWORK, TODAY), actions_chars=40)
    assert rows["Capability"].tolist()[0].startswith("1 · ")
    assert rows[["Priority", "Target", "Status"]].values.tolist() == [
        ["High", "level 3 by 2025-12-31", "Under way (overdue)"],
        ["Low", "level 1", "Done"],
    ]
    assert len(rows["Actions"].iloc[0]) <= 40


def _slides_text(data: bytes) -> list[str]:
    texts = []
    for slide in Presentation(io.BytesIO(data)).slides:
        parts = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [cell.text for row in shape.table.rows for cell in row.cells]
        texts.append("\n".join(parts))
    return texts


def test_the_deck_has_a_plan_slide_only_with_a_plan():
    capabilities, enablers, plans = _assessment()
    labels = {"a1": "Zembla 2024"}
    with_plan = _slides_text(
        country_deck_pptx(
            capabilities,
            enablers,
            FRAMEWORK,
            "a1",
            labels,
            fictional=False,
            plans=plans,
            today=TODAY,
        )
    )
    without = _slides_text(
        country_deck_pptx(capabilities, enablers, FRAMEWORK, "a1", labels, fictional=False)
    )
    assert len(with_plan) == len(without) + 1
    plan_slide = next(text for text in with_plan if "Action plan" in text)
    assert "Ministry of Justice" in plan_slide
    assert "<b>NGO</b> & partners" in plan_slide
    assert "Under way (overdue)" in plan_slide
    # Capability 3 is marked done at level 0, its target 1: the slide says so.
    assert "Marked done, but this round's level is still below the target: 3 · " in plan_slide
    assert "(level 0, target 1)" in plan_slide
    assert not any("Action plan" in text for text in without)


def test_the_brief_has_a_plan_page(chromium):
    capabilities, enablers, plans = _assessment()
    data = country_brief_pdf(
        capabilities,
        enablers,
        FRAMEWORK,
        "a1",
        {"a1": "Zembla 2024"},
        fictional=False,
        generated_on=TODAY,
        plans=plans,
    )
    pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]
    plan_pages = [text for text in pages if "The plan covers" in text]
    assert len(plan_pages) == 1
    assert "Action plan: priorities, owners, dates" in pages[0]
    page = " ".join(plan_pages[0].split())  # cells wrap their text
    assert "Ministry of Justice" in page
    assert "<b>NGO</b> & partners" in page
    assert "=Draft the law" in page
    assert isinstance(plans, pd.DataFrame)
