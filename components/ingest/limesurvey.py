"""LimeSurvey's exports headed with question codes, refused with what to do.

LimeSurvey exports its responses with headings of one of three kinds. With "Question code"
headings, an array question's columns are headed by its code and each subquestion's code in
brackets: "cap[SQ001]", "cap[SQ002]" …, or "G01Q01[SQ001]" in newer versions. Those codes are
whatever the survey's author typed (SQ001 is the first row of the array, not capability 1),
so which capability a column rates cannot be known from the file: the sheet is refused,
with what the file is and how to export it so that it can be read. Exported with the question
text, the headings name the capabilities ("Rate each capability [Leadership]") and
``components.ingest.forms`` reads them.
"""

from __future__ import annotations

import re
from typing import Any

from components.ingest.column_values import has_text_with
from components.ingest.drafts import Draft
from components.ingest.layout import HEADER_SCAN_ROWS, MIN_KEY_MATCHES
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted

# "cap[SQ001]", "G01Q01[SQ001]", "Q2[1]", "cap[SQ001][comment]": a question's code, then its
# subquestion's, a code (letters then digits) rather than words.
_CODED = re.compile(r"\s*[A-Za-z][A-Za-z0-9_]*\[[A-Za-z_]{0,6}\d+\](?:\[[A-Za-z0-9_]+\])?\s*")


def refuse_question_codes(ctx: ReadContext, sheet: Sheet) -> list[Draft] | None:
    """``[]`` after saying so when a header row of ``sheet`` is headed with LimeSurvey's
    question codes; ``None`` when it is not."""
    if not has_text_with(ctx, sheet, "["):
        return None  # exact: a question's code holds a "["; no text of the sheet does
    for row, cells in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        coded = [c for c, value in enumerate(cells) if _is_code(value)]
        if len(coded) < MIN_KEY_MATCHES:
            continue
        first, last = coded[0], coded[-1]
        ctx.add(
            "error",
            sheet,
            cell_address(row, first),
            f"This looks like a LimeSurvey export headed with question codes "
            f"({quoted(cells[first])} to {quoted(cells[last])}, {cell_address(row, first)} to "
            f"{cell_address(row, last)}): the codes do not say which capability each column "
            "rates, so it was not read.",
            "Export the responses again from LimeSurvey with “Full question text” as the "
            "headings (and “Full answers” as the responses), or rename each of these "
            "columns to the capability it rates, by its number or title, such as "
            "“1. Leadership”.",
        )
        return []
    return None


def _is_code(value: Any) -> bool:
    # "[" first: most header rows scanned hold no code at all.
    return isinstance(value, str) and "[" in value and bool(_CODED.fullmatch(value))
