"""Frames shaped like the scoring modules' output, built here so chart tests do not depend on
the scoring code, and small helpers the chart tests share.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from components.charts.radar import RadarSeries
from components.framework.model import Framework, Scale, ScaleLevel, default_framework
from components.framework.palette import NOT_ASSESSED_LABEL

FW = default_framework()
DOMAIN_IDS = [d.id for d in FW.domains]
DOMAIN_NAMES = [d.name for d in FW.domains]
NAN = float("nan")


def domain_scores(values: Mapping[str, Sequence[float]], framework: Framework = FW) -> pd.DataFrame:
    """Long domain scores: one row per (assessment, domain), in framework domain order."""
    rows = []
    for assessment_id, scores in values.items():
        for domain, score in zip(framework.domains, scores, strict=True):
            total = len(framework.capabilities_in(domain.id))
            rows.append(
                {
                    "assessment_id": assessment_id,
                    "domain": domain.id,
                    "domain_name": domain.name,
                    "score": score,
                    "assessed": 0 if math.isnan(score) else total - 1,
                    "total": total,
                }
            )
    return pd.DataFrame(rows)


def capability_table(
    levels: Mapping[int, int | None], evidence: Mapping[int, str] | None = None
) -> pd.DataFrame:
    """One assessment's capability table; capabilities not in ``levels`` are not assessed."""
    evidence = evidence or {}
    rows = []
    for c in FW.capabilities:
        level = levels.get(c.number)
        rows.append(
            {
                "capability": c.number,
                "title": c.title,
                "domain": c.domain,
                "domain_name": FW.domain(c.domain).name,
                "level": level,
                "level_label": NOT_ASSESSED_LABEL
                if level is None
                else f"{level} · {FW.scale.level(level).label}",
                "evidence": evidence.get(c.number, ""),
                "confidence": pd.NA,
            }
        )
    frame = pd.DataFrame(rows)
    frame["level"] = frame["level"].astype("Int64")
    return frame


def heatmap_frames(rows: int, seed: int = 7) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:
    """Random levels with about one cell in six missing, no evidence, labels "Country N"."""
    rng = np.random.default_rng(seed)
    ids = [f"id-{i}" for i in range(rows)]
    numbers = [c.number for c in FW.capabilities]
    values = rng.integers(FW.scale.minimum, FW.scale.maximum + 1, (rows, len(numbers)))
    levels = pd.DataFrame(values.astype(float), index=ids, columns=numbers)
    levels = levels.mask(rng.random(levels.shape) < 1 / 6)
    evidence = pd.DataFrame("", index=ids, columns=numbers)
    return levels, evidence, {i: f"Country {n}" for n, i in enumerate(ids)}


def trend_frame(rounds: Sequence[tuple[str, str, int, Sequence[float]]]) -> pd.DataFrame:
    """(assessment_id, label, order, six scores) per round, long."""
    rows = []
    for assessment_id, label, order, scores in rounds:
        for domain, score in zip(FW.domains, scores, strict=True):
            rows.append(
                {
                    "assessment_id": assessment_id,
                    "label": label,
                    "order": order,
                    "domain": domain.id,
                    "domain_name": domain.name,
                    "score": score,
                    "assessed": 0 if math.isnan(score) else 2,
                    "total": len(FW.capabilities_in(domain.id)),
                }
            )
    return pd.DataFrame(rows)


STATUS_CASES: dict[int, tuple[int | None, int | None, str]] = {
    1: (1, 3, "improved"),
    2: (2, 2, "unchanged"),
    3: (3, 1, "declined"),
    4: (None, 2, "newly assessed"),
    5: (2, None, "no longer assessed"),
    6: (None, None, "not assessed"),
}


def changes_frame(cases: Mapping[int, tuple[int | None, int | None, str]]) -> pd.DataFrame:
    rows = []
    for c in FW.capabilities:
        before, after, status = cases.get(c.number, (None, None, "not assessed"))
        change = None if before is None or after is None else after - before
        rows.append(
            {
                "capability": c.number,
                "title": c.title,
                "domain": c.domain,
                "domain_name": FW.domain(c.domain).name,
                "level_before": before,
                "level_after": after,
                "change": change,
                "status": status,
            }
        )
    frame = pd.DataFrame(rows)
    for column in ("level_before", "level_after", "change"):
        frame[column] = frame[column].astype("Int64")
    return frame


def series(name: str, scores: Sequence[float], style: str = "focus") -> RadarSeries:
    return RadarSeries(
        name=name,
        scores=dict(zip(DOMAIN_IDS, scores, strict=True)),
        assessed=dict.fromkeys(DOMAIN_IDS, 3),
        total=dict.fromkeys(DOMAIN_IDS, 4),
        style=style,  # type: ignore[arg-type]
    )


def framework_with_scale(values: Sequence[int]) -> Framework:
    levels = tuple(ScaleLevel(v, f"Level {v}", "descriptor") for v in values)
    return dataclasses.replace(FW, scale=Scale("custom", levels))


def room_votes() -> tuple[pd.DataFrame, pd.DataFrame]:
    """A workshop's votes and decisions: capability 5 (first, undecided; 0, 4 and a "don't
    know") and capability 1 (decided at level 2; one vote of 2, with a comment in markup)."""
    votes = pd.DataFrame(
        {
            "capability": [5, 5, 5, 1],
            "participant": [1, 2, 3, 1],
            "level": pd.array([0, 4, pd.NA, 2], dtype="Int64"),
            "comment": [None, None, None, "<b>x</b>"],
        }
    )
    decisions = pd.DataFrame(
        {
            "capability": [5, 1],
            "position": [0, 1],
            "decided": [False, True],
            "agreed_level": pd.array([pd.NA, 2], dtype="Int64"),
            "note": [None, None],
        }
    )
    return votes, decisions


def written_cells(figure) -> dict[tuple[int, int], tuple[str, str]]:
    """What the heatmap writes in each cell, as a person sees it: (row, capability number) ->
    (text, its colour), over every heatmap trace that writes text (the grid and its
    see-through copies); each cell is written at most once."""
    written: dict[tuple[int, int], tuple[str, str]] = {}
    for trace in figure.data:
        if trace.type != "heatmap" or trace.texttemplate is None:
            continue
        for row, texts in zip(trace.y, trace.text, strict=True):
            for number, text in zip(trace.x, texts, strict=True):
                if text:
                    assert (row, number) not in written, "a cell is written twice"
                    written[(row, number)] = (text, trace.textfont.color)
    return written
