"""Tables for people to read: the tidy frames reshaped for display, with plain labels."""

from __future__ import annotations

import pandas as pd

from components.base.text import escape_markdown
from components.framework.model import Framework, Scale
from components.framework.palette import NOT_ASSESSED_LABEL
from components.ingest.collection import ORIGIN_LABELS, Collection, summarise
from components.ingest.labels import unique_assessment_labels


def level_text(value: object, scale: Scale | None) -> str:
    """``2 · Developing`` for a level, ``Not assessed`` for a missing one (the one wording of a
    level, for tables, charts and exports); a median such as 2.5 stays a number."""
    if value is None:
        return NOT_ASSESSED_LABEL
    try:
        if pd.isna(value):
            return NOT_ASSESSED_LABEL
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return NOT_ASSESSED_LABEL
    if scale is None or not number.is_integer():
        return f"{number:g}"
    try:
        return f"{int(number)} · {scale.level(int(number)).label}"
    except KeyError:
        return f"{number:g}"


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
    labels = unique_assessment_labels(assessments)
    table = pd.DataFrame(index=index)
    for assessment_id, label in labels.items():
        rows = capabilities[capabilities["assessment_id"] == assessment_id]
        levels = {
            titles[int(number)]: level_text(level, framework.scale)
            for number, level in zip(rows["capability"], rows["level"], strict=True)
        }
        table[label] = [levels.get(name, NOT_ASSESSED_LABEL) for name in index]
    return table


def session_table(collection: Collection, framework: Framework) -> pd.DataFrame:
    """The session's assessments as a person reads them: one row each, blanks shown as "–"."""
    summary = summarise(collection)
    total = len(framework.capabilities)
    labels = unique_assessment_labels(summary) if not summary.empty else {}
    return pd.DataFrame(
        {
            "assessment_id": summary["assessment_id"],
            "Assessment": summary["assessment_id"].map(labels),
            # The label cuts a very long name; the table keeps all of it.
            "Country": summary["country"],
            "Round": summary["round"],
            "ISO3": summary["iso3"],
            "Assessed by": summary["assessed_by"],
            "Source": summary["source"],
            "Origin": summary["origin"].map(ORIGIN_LABELS),
            f"Capabilities assessed (of {total})": summary["assessed"].astype("Int64"),
        }
    ).fillna({"ISO3": "–", "Assessed by": "–", "Round": "–"})


def enabler_table(enablers: pd.DataFrame, assessment_id: str, framework: Framework) -> pd.DataFrame:
    """The seven enablers of one assessment, with levels in words and evidence."""
    rows = enablers[enablers["assessment_id"] == assessment_id].set_index("enabler")
    return pd.DataFrame(
        {
            "No.": [e.number for e in framework.enablers],
            "Enabler": [e.title for e in framework.enablers],
            "Level": [
                level_text(
                    rows["level"].get(e.number) if e.number in rows.index else None,
                    framework.scale,
                )
                for e in framework.enablers
            ],
            "Evidence": [
                ""
                if e.number not in rows.index or pd.isna(rows.at[e.number, "evidence"])
                else str(rows.at[e.number, "evidence"])
                for e in framework.enablers
            ],
        }
    )


def highlights_display(highlights: pd.DataFrame) -> pd.DataFrame:
    """Strengths or gaps (scoring's highlight columns) with the headers a person reads."""
    return pd.DataFrame(
        {
            "Capability": [
                f"{number} · {title}"
                for number, title in zip(highlights["capability"], highlights["title"], strict=True)
            ],
            "Domain": highlights["domain_name"].astype(str).tolist(),
            "Level": [
                f"{int(level)} · {label}"
                for level, label in zip(highlights["level"], highlights["level_label"], strict=True)
            ],
        }
    )


def capabilities_display(table: pd.DataFrame) -> pd.DataFrame:
    """One assessment's capability table (scoring's) for reading: blanks as empty text."""
    return pd.DataFrame(
        {
            "No.": table["capability"].astype(int).tolist(),
            "Capability": table["title"].astype(str).tolist(),
            "Domain": table["domain_name"].astype(str).tolist(),
            "Level": [
                label if pd.isna(level) else f"{int(level)} · {label}"
                for level, label in zip(table["level"], table["level_label"], strict=True)
            ],
            "Evidence": table["evidence"].fillna("").astype(str).tolist(),
            "Confidence": table["confidence"].fillna("").astype(str).tolist(),
        }
    )


def escape_for_table(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells and headers show literally in ``st.table`` (it renders Markdown).

    Cells hold country names and evidence from people's files; escaped, they cannot become
    links or images.
    """
    escaped = frame.copy()
    escaped.columns = [escape_markdown(column) for column in escaped.columns]
    for column in escaped.columns:
        escaped[column] = escaped[column].map(
            lambda value: escape_markdown(value) if isinstance(value, str) else value
        )
    return escaped
