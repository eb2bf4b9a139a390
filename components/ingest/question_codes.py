"""A survey tool's question code written before the question's text: "CTRY. Country".

LimeSurvey exports its responses with "Question code & question text" headings: the code the
survey's author gave the question, a full stop, then the question's text ("submitdate. Date
submitted", "CTRY. Country", "MNR[SQ004]. Please rate each capability [Leadership]"). The
code is whatever the author typed and says nothing the reader knows; the text after it names
the column as a heading of its own would. ``matching.classify_header`` reads that text when
the whole heading names no column, so "Avg. level" stays what it was.
"""

from __future__ import annotations

import re

# A code (letters, digits, "_", subquestion codes in brackets: "MNR[SQ001]"), a full stop and
# a space, then the question's text. "St. Lucia" reads as one too, but its "Lucia" names no
# column either, and a heading is read whole first.
_CODED = re.compile(r"\s*[A-Za-z][A-Za-z0-9_]*(?:\[[A-Za-z0-9_]+\])*\.\s+(?P<text>\S.*)", re.S)


def question_text(text: str) -> str | None:
    """The question's text after a LimeSurvey question code ("CTRY. Country" gives
    "Country"), or ``None`` when ``text`` does not start with one."""
    if "." not in text:  # most headings: no code, nothing to match
        return None
    coded = _CODED.fullmatch(text)
    return coded["text"].strip() if coded else None
