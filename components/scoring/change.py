"""Change between two rounds: each capability's level before and after, and each domain's score.

A change is only computed where both rounds have a level (or a score); otherwise the status
says "newly assessed", "no longer assessed" or "not assessed", and no change is invented.
"""

from __future__ import annotations

import pandas as pd

from components.framework.model import Framework
from components.scoring._grid import capability_grid, described_grid, grid_domain_scores

CHANGE_STATUSES = (
    "improved",
    "unchanged",
    "declined",
    "newly assessed",
    "no longer assessed",
    "not assessed",
)
CHANGE_COLUMNS = [
    "capability",
    "title",
    "domain",
    "domain_name",
    "level_before",
    "level_after",
    "change",
    "status",
]
DOMAIN_CHANGE_COLUMNS = [
    "domain",
    "domain_name",
    "score_before",
    "score_after",
    "change",
    "assessed_before",
    "assessed_after",
    "total",
]


def capability_changes(
    capabilities: pd.DataFrame, earlier_id: str, later_id: str, framework: Framework
) -> pd.DataFrame:
    """Every capability's level in two assessments, the change, and a status in words.

    ``change`` (Int64) is ``level_after - level_before`` and <NA> unless both rounds assessed
    the capability. ``status`` is one of ``CHANGE_STATUSES``: improved / unchanged / declined
    when both have a level, "newly assessed" or "no longer assessed" when only one has, and
    "not assessed" when neither has. Raises ``KeyError`` for an unknown assessment id.
    """
    grid = capability_grid(capabilities, framework, [earlier_id, later_id])
    before = described_grid(grid[grid["assessment_id"] == earlier_id], framework)
    after = grid.loc[grid["assessment_id"] == later_id, "level"].reset_index(drop=True)
    changes = before.rename(columns={"level": "level_before"}).assign(level_after=after)
    # Int64 arithmetic gives <NA> whenever either side is missing: no change is invented.
    changes["change"] = changes["level_after"] - changes["level_before"]
    changes["status"] = pd.Series(
        [
            _change_status(level_before, level_after)
            for level_before, level_after in zip(
                changes["level_before"], changes["level_after"], strict=True
            )
        ],
        dtype="string",
    )
    return changes[CHANGE_COLUMNS]


def domain_changes(
    capabilities: pd.DataFrame, earlier_id: str, later_id: str, framework: Framework
) -> pd.DataFrame:
    """Per domain, in framework order: both scores, their difference and the counts.

    ``change`` is ``score_after - score_before`` (float), NaN unless both rounds have a score
    in the domain. The two scores may rest on different capabilities; ``assessed_before`` and
    ``assessed_after`` say so. Raises ``KeyError`` for an unknown assessment id.
    """
    grid = capability_grid(capabilities, framework, [earlier_id, later_id])
    scores = grid_domain_scores(grid, framework)
    before = scores[scores["assessment_id"] == earlier_id].reset_index(drop=True)
    after = scores[scores["assessment_id"] == later_id].reset_index(drop=True)
    changes = pd.DataFrame(
        {
            "domain": before["domain"],
            "domain_name": before["domain_name"],
            "score_before": before["score"],
            "score_after": after["score"],
            "change": after["score"] - before["score"],
            "assessed_before": before["assessed"],
            "assessed_after": after["assessed"],
            "total": before["total"],
        }
    )
    return changes[DOMAIN_CHANGE_COLUMNS]


def largest_drops(changes: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """The declined rows of ``capability_changes``, largest drop first (ties by number)."""
    declined = changes[changes["status"] == "declined"]
    return (
        declined.sort_values(["change", "capability"], kind="stable")
        .head(max(n, 0))
        .reset_index(drop=True)
    )


def _change_status(before: object, after: object) -> str:
    """One of ``CHANGE_STATUSES`` for a level before and after (either may be missing)."""
    has_before, has_after = not pd.isna(before), not pd.isna(after)
    if has_before and has_after:
        if after > before:  # type: ignore[operator]
            return "improved"
        return "unchanged" if after == before else "declined"
    if has_after:
        return "newly assessed"
    if has_before:
        return "no longer assessed"
    return "not assessed"
