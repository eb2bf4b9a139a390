"""What the picture pages say beside their charts when something is missing, and how much.

Sentences with a count or a name in them, built here once (plurals from
``components.base.text``, names Markdown-escaped) so the pages only draw them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from components.base.text import escape_markdown, plural
from components.ingest.collection import editions_notice

# Change statuses the trends page counts as "Not comparable": assessed in one round, or neither.
NOT_COMPARABLE = ("newly assessed", "no longer assessed", "not assessed")


def undated_note(count: int) -> str:
    """The heatmap's note when a year filter cannot include assessments without a date."""
    return (
        f"{count} {plural(count, 'assessment has', 'assessments have')} no year or date and "
        "cannot be chosen by year: choose All rounds to include "
        f"{plural(count, 'it', 'them')}."
    )


def too_few_rounds(country: str, countries_with_rounds: Sequence[str]) -> str:
    """Why a trend cannot be drawn for ``country``, and which countries have several rounds."""
    hint = (
        " Countries with several rounds in this session: "
        + escape_markdown(", ".join(countries_with_rounds))
        + "."
        if countries_with_rounds
        else " No country in this session has more than one round yet."
    )
    return (
        f"A trend needs at least two rounds of the same country; {escape_markdown(country)} "
        f"has one in this session.{hint}"
    )


def not_comparable(counts: Mapping[str, int]) -> int:
    """Capabilities assessed in only one of two rounds, or in neither."""
    return sum(counts[status] for status in NOT_COMPARABLE)


def editions_warning(
    capabilities: pd.DataFrame,
    assessment_ids: Sequence[str],
    labels: Mapping[str, str],
    current: str,
) -> str | None:
    """The notice for a comparison across framework editions (None when there is one edition),
    with the labels Markdown-escaped."""
    notice = editions_notice(capabilities, assessment_ids, labels, current)
    return None if notice is None else escape_markdown(notice)
