"""Countries and their rounds in time order: the latest assessment of each country, a
country's rounds with labels for a chart axis, and its domain scores across them.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from components.base.text import normalise, one_line
from components.framework.model import Framework
from components.ingest.labels import ROUND_CHARS
from components.scoring._grid import capability_grid, grid_domain_scores, require

ROUND_COLUMNS = ["assessment_id", "country", "year", "date", "round", "label", "assessed"]
TREND_COLUMNS = [
    "assessment_id",
    "label",
    "order",
    "domain",
    "domain_name",
    "score",
    "assessed",
    "total",
]
UNDATED_LABEL = "Undated"


def country_key(country: object) -> str:
    """How countries are told apart everywhere: case, accents, spaces and punctuation ignored.

    "Côte d'Ivoire" and "cote d ivoire" are one country, in pickers, rounds, trends and peers.
    """
    return "" if country is None or pd.isna(country) else normalise(str(country))


def latest_assessments(capabilities: pd.DataFrame) -> list[str]:
    """The latest assessment of each country, ordered by country name.

    Countries are compared ignoring case, spacing, accents and punctuation (as duplicate
    detection does), so "Kenya" and " kenya" are one country. Time order, used here and in
    ``country_rounds``: by date when the assessment has one, otherwise by year; a year-only
    assessment counts as earlier than a dated one of the same year, and one with neither
    comes first. Ties are broken by the order in which round labels first appear in the
    frame (an unlabelled round before labelled ones), then by the order the assessments
    appear (the later one counts as later).
    """
    assessments = assessment_keys(capabilities)
    latest = assessments.sort_values("_time", kind="stable").groupby("_country", sort=True).tail(1)
    return list(latest.sort_values("_country", kind="stable")["assessment_id"])


def country_rounds(capabilities: pd.DataFrame, country: str) -> pd.DataFrame:
    """The assessments of one country in time order (see ``latest_assessments``).

    ``label`` names a round on a chart axis: the date when given, else the year, else
    "Undated", followed by the round label in brackets: "2021", "2021 (Baseline)",
    "2021-05-01". Labels that would repeat get " #2", " #3" so that no two rounds share a
    point on an axis. ``assessed`` counts the capabilities with a level. Empty (with the
    columns) when the country has no assessment.
    """
    require(capabilities, ["capability", "level"])
    assessments = assessment_keys(capabilities)
    rounds = assessments[assessments["_country"] == country_key(country)]
    rounds = rounds.sort_values("_time", kind="stable").reset_index(drop=True)
    labels = [_round_label(row) for row in rounds.itertuples(index=False)]
    rounds["label"] = pd.array(_unique_labels(labels), dtype="string")
    levels = capabilities.drop_duplicates(["assessment_id", "capability"])
    counts = levels["level"].notna().groupby(levels["assessment_id"]).sum()
    rounds["assessed"] = rounds["assessment_id"].map(counts).fillna(0).astype("int64")
    return rounds[ROUND_COLUMNS]


def domain_trend(capabilities: pd.DataFrame, country: str, framework: Framework) -> pd.DataFrame:
    """Domain scores of every round of one country, long, with the round's label and order.

    ``order`` numbers the rounds from 0 in time order; use it (not ``label``) to sort.
    """
    rounds = country_rounds(capabilities, country)
    ids = list(rounds["assessment_id"])
    scores = grid_domain_scores(capability_grid(capabilities, framework, ids), framework)
    position = pd.Series(range(len(ids)), index=ids, dtype="int64")
    trend = scores.assign(
        label=scores["assessment_id"].map(rounds.set_index("assessment_id")["label"]),
        order=scores["assessment_id"].map(position).astype("int64"),
    )
    return trend[TREND_COLUMNS].reset_index(drop=True)


def assessment_keys(capabilities: pd.DataFrame) -> pd.DataFrame:
    """One row per assessment: its metadata plus ``_country`` and ``_time`` sort keys.

    ``_time`` is the assessment's position in time order across the whole frame (see
    ``latest_assessments`` for the rules); it is unique, so sorting by it never ties. The
    heatmap's row order breaks ties with the same keys.
    """
    require(capabilities, ["assessment_id", "country"])
    first = capabilities[capabilities["assessment_id"].notna()].drop_duplicates("assessment_id")
    meta = first.reindex(columns=["assessment_id", "country", "year", "date", "round"])
    meta = meta.astype(
        {
            "assessment_id": "string",
            "country": "string",
            "year": "Int64",
            "date": "string",
            "round": "string",
        }
    ).reset_index(drop=True)
    when = pd.to_datetime(meta["date"], errors="coerce", format="ISO8601")
    # The date decides when there is one; its year then overrides a disagreeing year column.
    year = when.dt.year.astype("float64").fillna(meta["year"].astype("float64"))
    round_keys = meta["round"].map(lambda label: None if pd.isna(label) else normalise(label))
    round_rank = {key: rank for rank, key in enumerate(dict.fromkeys(round_keys.dropna()))}
    keys = pd.DataFrame(
        {
            "year": year,
            "when": when,
            "round": round_keys.map(round_rank).fillna(-1).astype("int64"),
            "position": range(len(meta)),
        }
    )
    # na_position="first": an undated assessment is the earliest, a year-only one precedes a
    # dated one of the same year.
    order = keys.sort_values(
        ["year", "when", "round", "position"], na_position="first", kind="stable"
    ).index
    meta["_time"] = pd.Series(range(len(meta)), index=order, dtype="int64")
    meta["_country"] = meta["country"].map(country_key).astype("string")
    return meta


def _round_label(row: object) -> str:
    date, year, round_label = row.date, row.year, row.round  # type: ignore[attr-defined]
    if not pd.isna(date):
        when = str(date)
    elif not pd.isna(year):
        when = str(int(year))
    else:
        when = UNDATED_LABEL
    if pd.isna(round_label) or not str(round_label):
        return when
    # A chart axis and a picker show at most ROUND_CHARS of a round's name.
    return f"{one_line(when, ROUND_CHARS)} ({one_line(round_label, ROUND_CHARS)})"


def _unique_labels(labels: Sequence[str]) -> list[str]:
    seen: dict[str, int] = {}
    unique = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        unique.append(label if seen[label] == 1 else f"{label} #{seen[label]}")
    return unique
