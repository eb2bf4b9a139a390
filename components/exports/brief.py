"""What the PDF brief and the country deck are both built from, so they tell the same story.

The titles, the notes every export repeats (fictional data, learning not ranking), download
names, and one assessment's brief: its capability table, overall score and the same radar
views (figure, caption, table) the profile page shows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from components.base.numbers import score_text as shown_score_text
from components.charts import views
from components.exports.images import safe_file_name
from components.exports.safe_text import one_line
from components.framework.model import Framework
from components.framework.palette import NOT_ASSESSED_COLOUR
from components.ingest.labels import assessment_labels
from components.scoring import scores as scoring

BRIEF_TITLE = "MNR country brief"
DECK_TITLE = "MNR country profile"
COMPARISON_TITLE = "MNR comparison"
FICTIONAL_FOOTER = "Fictional demo data: the countries and their scores are invented."
LEARNING_NOTE = "Comparisons are for learning from each other, not for ranking countries."


def export_file_name(kind: str, label: str, extension: str) -> str:
    """A download name such as ``mnr-brief-Arvenia-2023-Baseline.pdf`` (letters, digits, dash)."""
    stem = safe_file_name(f"mnr {kind} {label}", default=f"mnr-{kind}")
    return f"{stem}.{safe_file_name(extension, default='bin').lower()}"


# --- shared data preparation --------------------------------------------------------------------


def labels_for(capabilities: pd.DataFrame, labels: Mapping[str, str]) -> dict[str, str]:
    """The page's labels, with the app's default label for any assessment it lacks."""
    defaults = assessment_labels(capabilities)
    return {**defaults, **{key: one_line(value) for key, value in labels.items()}}


def only(frame: pd.DataFrame, assessment_ids: Sequence[str]) -> pd.DataFrame:
    """The rows of these assessments (an empty frame when there are none)."""
    if frame is None or frame.empty or "assessment_id" not in frame.columns:
        return frame.iloc[0:0] if frame is not None else pd.DataFrame()
    return frame[frame["assessment_id"].isin(list(assessment_ids))]


def check_assessment(capabilities: pd.DataFrame, assessment_id: str) -> None:
    """Raise ``KeyError`` when the capabilities frame has no such assessment."""
    if capabilities.empty or not (capabilities["assessment_id"] == assessment_id).any():
        raise KeyError(f"no assessment with id {assessment_id!r} in the capabilities frame.")


def score_text(score: object) -> str:
    """A score to one decimal, or a dash when there is none (never 0)."""
    return shown_score_text(score)


def first_text(frame: pd.DataFrame, column: str) -> str:
    """The first value given in a column, as one line (``""`` when there is none)."""
    if column not in frame.columns or frame.empty:
        return ""
    values = frame[column].dropna()
    return one_line(values.iloc[0]) if len(values) else ""


def capability_names(frame: pd.DataFrame) -> list[str]:
    """ "7 · Access to Image Databases" for each row of a capability table."""
    return [f"{n} · {t}" for n, t in zip(frame["capability"], frame["title"], strict=True)]


def not_assessed(table: pd.DataFrame) -> list[str]:
    """The names of the capabilities of a capability table that have no level."""
    return capability_names(table[table["level"].isna()])


def level_fill(level: object, colours: Mapping[int, str]) -> str:
    """The colour of a level; the not-assessed grey when there is none."""
    if level is None or pd.isna(level) or int(level) not in colours:
        return NOT_ASSESSED_COLOUR
    return colours[int(level)]


@dataclass(frozen=True)
class Brief:
    """Everything the sections of one brief (or country deck) need, computed once."""

    framework: Framework
    assessment_id: str
    label: str
    focus: pd.DataFrame
    enablers: pd.DataFrame
    table: pd.DataFrame
    overall: pd.Series
    radar: views.FigureView
    pillars: dict[str, views.FigureView]
    since: views.SinceEarlier | None = None  # the like-for-like change since the last round

    @property
    def assessed(self) -> int:
        return int(self.overall["assessed"])

    @property
    def total(self) -> int:
        return int(self.overall["total"])


def make_brief(
    capabilities: pd.DataFrame,
    enablers: pd.DataFrame,
    framework: Framework,
    assessment_id: str,
    labels: Mapping[str, str],
) -> Brief:
    """One assessment's brief (for the PDF brief and the country deck alike); raises
    ``KeyError`` for an unknown assessment id."""
    check_assessment(capabilities, assessment_id)
    names = labels_for(capabilities, labels)
    focus = only(capabilities, [assessment_id])
    return Brief(
        framework=framework,
        assessment_id=assessment_id,
        label=names[assessment_id],
        focus=focus,
        enablers=enablers,
        table=scoring.capability_table(focus, assessment_id, framework),
        overall=scoring.overall_scores(focus, framework).iloc[0],
        radar=views.profile_radar(focus, framework, names, assessment_id),
        pillars=views.pillar_radars(focus, framework, names, assessment_id),
        since=views.since_previous_round(capabilities, framework, names, assessment_id),
    )
