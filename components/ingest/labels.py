"""How assessments are named for people: "Country year (round)", unique within a set."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from components.base.text import one_line

# A label names an assessment in pickers, chart legends and axes, slide titles and file names:
# a very long country or round (a pasted paragraph, a hostile file) is cut there with "…".
# Tables and the reader's report keep the full text.
COUNTRY_CHARS = 60
ROUND_CHARS = 40
SOURCE_CHARS = 60


def assessment_label(row: pd.Series | Mapping[str, Any]) -> str:
    """How an assessment is named in tables and pickers: country, year or date, round."""
    parts = [one_line(row["country"], COUNTRY_CHARS)]
    when = row.get("date") if pd.notna(row.get("date")) else row.get("year")
    if when is not None and pd.notna(when):
        parts.append(one_line(when, ROUND_CHARS))
    if pd.notna(row.get("round")) and row.get("round"):
        parts.append(f"({one_line(row['round'], ROUND_CHARS)})")
    return " ".join(parts)


def unique_assessment_labels(assessments: pd.DataFrame) -> dict[str, str]:
    """Assessment id -> display label, with the source added where two labels would clash.

    Takes one row per assessment (e.g. ``capabilities.drop_duplicates("assessment_id")``).
    """
    # Plain dicts, not ``iterrows``: a Series per row made this most of a page's time.
    rows = assessments.to_dict("records")
    labels = {row["assessment_id"]: assessment_label(row) for row in rows}
    counts = pd.Series(list(labels.values())).value_counts()
    for row in rows:
        label = labels[row["assessment_id"]]
        if counts[label] > 1:
            labels[row["assessment_id"]] = f"{label} · {one_line(row['source'], SOURCE_CHARS)}"
    # Labels cut short can still clash (two long names that begin alike): number them.
    seen: dict[str, int] = {}
    for assessment_id, label in labels.items():
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:
            labels[assessment_id] = f"{label} ({seen[label]})"
    return labels


def assessment_labels(capabilities: pd.DataFrame) -> dict[str, str]:
    """Assessment id -> "Country year (round)" for every assessment, told apart by source."""
    if capabilities.empty:
        return {}
    return unique_assessment_labels(capabilities.drop_duplicates("assessment_id"))


def country_of(capabilities: pd.DataFrame, assessment_ids: Sequence[str]) -> dict[str, str]:
    """Assessment id -> its country, for the given assessments (in their order)."""
    first = capabilities.drop_duplicates("assessment_id").set_index("assessment_id")["country"]
    return {assessment_id: str(first[assessment_id]) for assessment_id in assessment_ids}
