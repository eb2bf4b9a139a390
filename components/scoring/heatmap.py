"""The heatmap's numbers: levels and evidence as an assessments x capabilities matrix, and the
order of its rows: by name (the neutral default, not a league table), by overall score or by
one domain's score.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from components.framework.model import Framework
from components.scoring._grid import (
    capability_grid,
    check_ids,
    grid_domain_scores,
    grid_overall_scores,
)
from components.scoring.rounds import assessment_keys

SORT_CHOICES = ("name", "overall", "domain:<domain id>")


def heatmap_matrix(
    capabilities: pd.DataFrame, framework: Framework, assessment_ids: Sequence[str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(levels, evidence)``: assessments as rows (in the given order), capabilities as columns.

    Columns are the capability numbers in framework order. ``levels`` holds floats with NaN
    for not assessed (plotly needs floats); ``evidence`` holds text, "" where there is none.
    A repeated id appears once. Raises ``KeyError`` for an unknown assessment id.
    """
    grid = capability_grid(capabilities, framework, assessment_ids)
    ids = list(dict.fromkeys(grid["assessment_id"]))
    index = pd.Index(ids, name="assessment_id", dtype="object")
    columns = pd.Index(
        [capability.number for capability in framework.capabilities], name="capability"
    )
    # capability_grid lists every capability of every assessment in exactly this order, so a
    # reshape is enough (and cannot silently reorder as a pivot's sorting would).
    shape = (len(index), len(columns))
    levels = pd.DataFrame(
        grid["level"].astype("float64").to_numpy().reshape(shape), index=index, columns=columns
    )
    evidence = pd.DataFrame(
        grid["evidence"].fillna("").to_numpy(dtype=object).reshape(shape),
        index=index,
        columns=columns,
    )
    return levels, evidence


def sort_assessments(
    capabilities: pd.DataFrame, framework: Framework, assessment_ids: Sequence[str], by: str
) -> list[str]:
    """The given assessments in an order for heatmap rows.

    ``by``: "name" (country, then time order; the neutral default for a page), "overall"
    (overall score, highest first) or "domain:<domain id>" (that domain's score, highest
    first). Assessments without a score come last; ties are broken by country name, then
    time order. Raises ``ValueError`` for an unknown ``by`` or domain id and ``KeyError`` for
    an unknown assessment id.
    """
    ids = check_ids(capabilities, assessment_ids)
    keys = assessment_keys(capabilities).set_index("assessment_id").loc[ids, ["_country", "_time"]]
    if by == "name":
        return list(keys.sort_values(["_country", "_time"], kind="stable").index)
    grid = capability_grid(capabilities, framework, ids)
    if by == "overall":
        score = grid_overall_scores(grid, framework).set_index("assessment_id")["score"]
    elif by.startswith("domain:"):
        domain_id = by.removeprefix("domain:")
        if domain_id not in {domain.id for domain in framework.domains}:
            known = ", ".join(domain.id for domain in framework.domains)
            raise ValueError(f"unknown domain {domain_id!r} in by={by!r} (known: {known}).")
        scores = grid_domain_scores(grid, framework)
        score = scores[scores["domain"] == domain_id].set_index("assessment_id")["score"]
    else:
        raise ValueError(f"by must be one of {', '.join(SORT_CHOICES)}, not {by!r}.")
    keys = keys.assign(_score=score.reindex(keys.index).to_numpy())
    ordered = keys.sort_values(
        ["_score", "_country", "_time"],
        ascending=[False, True, True],
        na_position="last",
        kind="stable",
    )
    return list(ordered.index)
