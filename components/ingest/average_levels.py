"""A column of averages is no column of levels: "Average of Score" 0.67, 2.33, 3.

A dashboard's export (Power BI's "Average of Score", Tableau's "AVG(Level)") or a summary
sheet averages several respondents' levels per capability. Its whole numbers look like levels
(3 is the average of 2, 3 and 4 as well as one respondent's 3), but none of the column is a
level anyone agreed on; a careful reader refuses it whole rather than keep the whole numbers
and drop the fractions, which would pass an average off as a level.

A column is taken for averages when its header names an average (Average, Mean, Avg, Moyenne,
Promedio, Média) and at least ``MIN_FRACTIONS`` of its cells hold fractions: one "2.5" among
whole levels is a cell's slip, reported on its own. A column headed as an average whose numbers
are all whole (one respondent per country: "Average of Level" 3.00) is read as the levels it
holds, and so is the settled "Average" beside the scorers' own columns ("Assessor 1",
"Assessor 2"), whose views are there to see (``column_roles``): its fractions are reported
cell by cell. Fractions under a header that names no average are left to the cells too: a
table's own average rows (a domain's, a region's) are among them until those rows are set
aside.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from components.ingest.matching import AVERAGE_WORDS
from components.ingest.vocabulary import key_of

# Fewer fractions than this under an average's header are slips in single cells.
MIN_FRACTIONS = 2


def averages_problem(header: Any, numbers: Counter[float], *, scorers: bool) -> str | None:
    """Why a column whose numbers are ``numbers`` (each with how often it occurs) holds
    averages, not levels, or ``None``; ``scorers``: the scorers' own columns are beside it.
    Completes "The column headed “…” …"."""
    fractions = sorted(n for n in numbers if not float(n).is_integer())
    if scorers or not names_an_average(header):
        return None
    if sum(numbers[n] for n in fractions) < MIN_FRACTIONS:
        return None
    shown = ", ".join(f"{n:g}" for n in fractions[:3]) + (", …" if len(fractions) > 3 else "")
    return (
        f"is headed as an average and holds fractions ({shown}): an average of several "
        "responses, not a level anyone agreed on"
    )


def names_an_average(header: Any) -> bool:
    """Whether a header names an average: "Average of Score", "Mean level", "AVG(Level)"."""
    if not isinstance(header, str):
        return False
    return bool(set(key_of(header.replace("(", " ")).split()) & AVERAGE_WORDS)


AVERAGES_FIX = (
    "Upload the levels each country agreed on (one level per capability), not an average of "
    "responses: export the table of assessments rather than the chart's summary, or write the "
    "agreed level in a Level column."
)
