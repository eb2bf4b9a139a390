"""A survey tool's own naming of a question around its text: "CTRY. Country", "form.country".

LimeSurvey exports its responses with "Question code & question text" headings: the code the
survey's author gave the question, a full stop, then the question's text ("submitdate. Date
submitted", "CTRY. Country", "MNR[SQ004]. Please rate each capability [Leadership]"). The
code is whatever the author typed and says nothing the reader knows; the text after it names
the column as a heading of its own would. ``matching.classify_header`` reads that text when
the whole heading names no column, so "Avg. level" stays what it was.

CommCare HQ's form exports head each column with the question's path through its groups,
joined by full stops under "form": "form.country", "form.policy_and_governance.leadership",
"form.meta.timeStart". Its last part names the question, as the last part of Kobo's
"group_caps/leadership" does (``matching``).
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


# CommCare's question path: "form.", its groups' names, then the question's.
_COMMCARE = re.compile(r"form\.(?:[A-Za-z_][\w-]*\.)*(?P<last>[A-Za-z_][\w-]*)")


def commcare_question(text: str) -> str | None:
    """The question's name at the end of a CommCare form export's column path
    ("form.policy_and_governance.leadership" gives "leadership"), else ``None``."""
    if not text.startswith("form."):  # nearly every heading: no path, nothing to match
        return None
    path = _COMMCARE.fullmatch(text.strip())
    return path["last"] if path else None
