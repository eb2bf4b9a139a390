"""Which of a form export's date columns says when each response was given.

A form tool writes several times per response (LimeSurvey's "Date submitted", "Date started"
and "Date last action"; Qualtrics' "StartDate", "EndDate" and "RecordedDate"; Google's
"Timestamp"), and a form may also ask for the assessment's date ("Date of assessment"). A
careful reader takes the date the form asked for, as it says when the assessment was made,
else the tool's first time. (A response whose chosen cell is empty takes its other date:
``form_responses``.)
"""

from __future__ import annotations

from components.ingest.vocabulary import default_vocabulary, key_of


def response_date(dates: list[int], texts: dict[int, str | None]) -> int | None:
    """The column read as each response's date: the first one a question of the form asks
    for ("Date of assessment"), not a time the tool writes; else the tool's first; ``None``
    without any."""
    tool = default_vocabulary().form_dates
    asked = [c for c in dates if key_of(texts.get(c) or "") not in tool]
    return (asked or dates or [None])[0]
