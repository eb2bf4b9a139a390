"""Change between two rounds: each capability's level before and after, each domain's change
and the overall change, like for like.

A capability's change is only computed where both rounds have a level; otherwise the status
says "newly assessed", "no longer assessed" or "not assessed", and no change is invented.

A domain's change (and the overall change) is **like for like**: the mean change of the
capabilities assessed in both rounds, never the difference between two scores that rest on
different capabilities. A domain scored 1.0 on capability 1 in one round and 4.0 on capability
2 in the next did not improve by 3.0: nothing was measured twice. ``compared`` says how many
capabilities a change rests on; with none in common there is no change, and ``reason`` says so.
"""

from __future__ import annotations

import pandas as pd

from components.base.numbers import difference_text, signed_text
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
    "compared",
    "assessed_before",
    "assessed_after",
    "total",
]
OVERALL_CHANGE_COLUMNS = [
    "change",
    "compared",
    "assessed_before",
    "assessed_after",
    "total",
]
NOTHING_IN_COMMON = "no capability was assessed in both rounds"


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
    """Per domain, in framework order: both rounds' scores and the like-for-like change.

    ``score_before`` and ``score_after`` are each round's own domain score (over what that
    round assessed, as the profile shows it). ``change`` is the mean change of the domain's
    capabilities assessed in *both* rounds (float), NaN when there is none; ``compared``
    counts them. So the change can differ from ``score_after - score_before``, even in sign,
    when the rounds assessed different capabilities. Raises ``KeyError`` for an unknown id.
    """
    grid = capability_grid(capabilities, framework, [earlier_id, later_id])
    scores = grid_domain_scores(grid, framework)
    before = scores[scores["assessment_id"] == earlier_id].reset_index(drop=True)
    after = scores[scores["assessment_id"] == later_id].reset_index(drop=True)
    common = _common_changes(grid, earlier_id, later_id)
    grouped = common["difference"].groupby(common["domain"], sort=False)
    domain_ids = pd.Index(before["domain"])
    mean_change = grouped.mean().reindex(domain_ids).astype("float64")
    compared = grouped.count().reindex(domain_ids).fillna(0).astype("int64")
    changes = pd.DataFrame(
        {
            "domain": before["domain"],
            "domain_name": before["domain_name"],
            "score_before": before["score"],
            "score_after": after["score"],
            "change": mean_change.to_numpy(),
            "compared": compared.to_numpy(),
            "assessed_before": before["assessed"],
            "assessed_after": after["assessed"],
            "total": before["total"],
        }
    )
    return changes[DOMAIN_CHANGE_COLUMNS]


def overall_change(
    capabilities: pd.DataFrame, earlier_id: str, later_id: str, framework: Framework
) -> pd.Series:
    """The overall change between two rounds, like for like, as a Series of
    ``OVERALL_CHANGE_COLUMNS``.

    ``change`` is the mean change of every capability assessed in both rounds (each weighs the
    same, as in the overall score), NaN when there is none; ``compared`` counts them, and
    ``assessed_before`` / ``assessed_after`` what each round assessed, of ``total``.
    """
    grid = capability_grid(capabilities, framework, [earlier_id, later_id])
    common = _common_changes(grid, earlier_id, later_id)
    assessed = grid["level"].notna().groupby(grid["assessment_id"]).sum()
    compared = len(common)
    return pd.Series(
        {
            "change": float(common["difference"].mean()) if compared else float("nan"),
            "compared": compared,
            "assessed_before": int(assessed.get(earlier_id, 0)),
            "assessed_after": int(assessed.get(later_id, 0)),
            "total": len(framework.capabilities),
        },
        dtype=object,
    )[OVERALL_CHANGE_COLUMNS]


def change_text(
    change: float, compared: int, total: int, *, scores: tuple[float, float] | None = None
) -> str:
    """A like-for-like change in words: ``"+0.5 over 3 of 4 capabilities"``, ``"0.0 over 21 of
    21 capabilities"``, or ``"no change shown: no capability was assessed in both rounds"``.

    ``scores`` (before, after) are the two rounds' scores when both rest on exactly the compared
    capabilities: the change is then their difference, and is shown as the difference of the
    shown scores (3.25 → 3.5 shows as 3.3 → 3.5, so "+0.2"), so a reader's subtraction agrees.
    """
    if compared == 0 or pd.isna(change):
        return f"no change shown: {NOTHING_IN_COMMON}"
    number = signed_text(change) if scores is None else difference_text(*scores)
    noun = "capability" if total == 1 else "capabilities"
    return f"{number} over {compared} of {total} {noun}"


def _common_changes(grid: pd.DataFrame, earlier_id: str, later_id: str) -> pd.DataFrame:
    """The capabilities with a level in both rounds: capability, domain, and the difference."""
    before = grid[grid["assessment_id"] == earlier_id].set_index("capability")
    after = grid[grid["assessment_id"] == later_id].set_index("capability")
    both = before["level"].notna() & after["level"].notna()
    difference = (after["level"] - before["level"]).astype("float64")
    return pd.DataFrame({"domain": before["domain"], "difference": difference})[both]


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
