"""Tables for people to read: the tidy frames reshaped for display, with plain labels."""

from __future__ import annotations

import pandas as pd

from components.collection import ORIGIN_LABELS, Collection, summarise
from components.framework import Framework
from components.palette import NOT_ASSESSED_LABEL


def level_text(level: object, framework: Framework) -> str:
    """``2 · Developing`` for a level, ``Not assessed`` for a missing one."""
    if level is None or pd.isna(level):
        return NOT_ASSESSED_LABEL
    value = int(level)
    try:
        return f"{value} · {framework.scale.level(value).label}"
    except KeyError:
        return str(value)


def assessment_label(row: pd.Series) -> str:
    """How an assessment is named in tables and pickers: country, year or date, round."""
    parts = [str(row["country"])]
    when = row.get("date") if pd.notna(row.get("date")) else row.get("year")
    if when is not None and pd.notna(when):
        parts.append(str(when))
    if pd.notna(row.get("round")) and row.get("round"):
        parts.append(f"({row['round']})")
    return " ".join(parts)


def preview_table(capabilities: pd.DataFrame, framework: Framework) -> pd.DataFrame:
    """Capabilities as rows, assessments as columns, levels as words: what was read.

    Every capability of the framework has a row, so a missing one shows as "Not assessed"
    rather than disappearing.
    """
    index = pd.Index([c.label for c in framework.capabilities], name="Capability")
    if capabilities.empty:
        return pd.DataFrame(index=index)
    titles = {c.number: c.label for c in framework.capabilities}
    assessments = capabilities.drop_duplicates("assessment_id")
    labels = _unique_labels(assessments)
    table = pd.DataFrame(index=index)
    for assessment_id, label in labels.items():
        rows = capabilities[capabilities["assessment_id"] == assessment_id]
        levels = {
            titles[int(number)]: level_text(level, framework)
            for number, level in zip(rows["capability"], rows["level"], strict=True)
        }
        table[label] = [levels.get(name, NOT_ASSESSED_LABEL) for name in index]
    return table


def _unique_labels(assessments: pd.DataFrame) -> dict[str, str]:
    """Assessment id -> display label, with the source added where two labels would clash."""
    labels = {row["assessment_id"]: assessment_label(row) for _, row in assessments.iterrows()}
    counts = pd.Series(list(labels.values())).value_counts()
    for _, row in assessments.iterrows():
        label = labels[row["assessment_id"]]
        if counts[label] > 1:
            labels[row["assessment_id"]] = f"{label} · {row['source']}"
    return labels


def session_table(collection: Collection, framework: Framework) -> pd.DataFrame:
    """The session's assessments as a person reads them: one row each, blanks shown as "–"."""
    summary = summarise(collection)
    total = len(framework.capabilities)
    labels = _unique_labels(summary) if not summary.empty else {}
    return pd.DataFrame(
        {
            "assessment_id": summary["assessment_id"],
            "Assessment": summary["assessment_id"].map(labels),
            "ISO3": summary["iso3"],
            "Assessed by": summary["assessed_by"],
            "Source": summary["source"],
            "Origin": summary["origin"].map(ORIGIN_LABELS),
            f"Capabilities assessed (of {total})": summary["assessed"].astype("Int64"),
        }
    ).fillna({"ISO3": "–", "Assessed by": "–"})
