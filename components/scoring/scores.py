"""Scores: domain and overall scores, what they rest on, one assessment's capabilities, its
strengths and gaps, and the note that explains how the numbers are made.
"""

from __future__ import annotations

import pandas as pd

from components.framework.model import Framework
from components.scoring._grid import (
    capability_grid,
    described_grid,
    grid_domain_scores,
    grid_overall_scores,
)

CAPABILITY_TABLE_COLUMNS = [
    "capability",
    "title",
    "domain",
    "domain_name",
    "level",
    "level_label",
    "evidence",
    "confidence",
]
HIGHLIGHT_COLUMNS = ["capability", "title", "domain_name", "level", "level_label"]

METHOD_NOTE = """\
**How the numbers are worked out**

- **Levels.** Each capability is rated on the framework's scale, from 0 (not in place) to
  4 (mature). A capability that was not assessed is *missing*: it is left out of every
  average and never counted as 0.
- **Domain score.** The average level of the capabilities assessed in that domain; it says
  what it rests on ("3 of 4 capabilities assessed"). With none assessed there is no score.
- **Overall score.** The average of all assessed capabilities, each weighing the same (the
  framework gives no weights); not the average of the domain scores.
- **Coverage.** The share of the 21 capabilities that were assessed.
- **Change between rounds.** Like for like: a capability's change needs a level in both
  rounds, and a domain's (or the overall) change is the average change of the capabilities
  assessed in both rounds, saying over how many ("+0.5 over 3 of 4 capabilities"). With
  none in common, no change is shown.
- **Gaps.** The lowest-rated assessed capabilities; not-assessed ones are never gaps.
- **Peers.** The peer median uses the latest assessment of each other country in the
  chosen group, and is shown only when it rests on enough assessments (3 by default) that
  no single country can be read out of it; it says which group and how many. Comparisons
  are for learning, not for ranking: countries appear in the order you choose, and the
  anonymised view shows peers as "Country A, B, …".
"""


def domain_scores(capabilities: pd.DataFrame, framework: Framework) -> pd.DataFrame:
    """One row per (assessment, domain): the mean level and the counts it rests on.

    Every domain of the framework appears for every assessment, in the framework's domain
    order, assessments in order of first appearance. ``score`` is the mean level of the
    domain's assessed capabilities (float, NaN when none is assessed: never 0), ``assessed``
    how many have a level, ``total`` how many the framework puts in the domain.
    """
    return grid_domain_scores(capability_grid(capabilities, framework), framework)


def overall_scores(capabilities: pd.DataFrame, framework: Framework) -> pd.DataFrame:
    """One row per assessment: overall score, counts, coverage and domains with a score.

    ``score`` is the mean of *all* assessed capability levels, not the mean of the domain
    means: the framework gives no weights, so every capability weighs the same. A mean of
    domain means would make a capability of two-capability Media and Communications count
    twice as much as one of four-capability Criminal Justice. ``coverage`` is
    ``assessed / total`` (0 to 1); ``domains_assessed`` counts domains with at least one
    assessed capability. An assessment with nothing assessed has score NaN.
    """
    return grid_overall_scores(capability_grid(capabilities, framework), framework)


def rests_on(assessed: int, total: int, noun: str = "capabilities") -> str:
    """What a score rests on, in words: ``"18 of 21 capabilities assessed"``."""
    return f"{int(assessed)} of {int(total)} {noun} assessed"


def capability_table(
    capabilities: pd.DataFrame, assessment_id: str, framework: Framework
) -> pd.DataFrame:
    """Every capability of one assessment in framework order, with words for the level.

    ``level`` is Int64 (<NA> when not assessed) and ``level_label`` the scale's label or
    "Not assessed". A capability the frame has no row for is shown as not assessed rather
    than dropped. Raises ``KeyError`` when the frame has no such assessment.
    """
    grid = capability_grid(capabilities, framework, [assessment_id])
    return described_grid(grid, framework)[CAPABILITY_TABLE_COLUMNS]


def strengths_and_gaps(
    capabilities: pd.DataFrame, assessment_id: str, framework: Framework, n: int = 5
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(strengths, gaps)``: the highest and the lowest levels among *assessed* capabilities.

    Not-assessed capabilities are in neither list (a missing level is not a low one). Ties
    are broken by capability number. Each list has at most ``n`` rows, and no capability is
    in both: a person should never read the same capability as a strength and a gap. So the
    gaps are taken from what the strengths left, and when fewer than ``2 * n`` capabilities
    are assessed they are split (strengths take the upper half, rounded up).
    """
    if n < 0:
        raise ValueError(f"n must be 0 or more, not {n}.")
    table = capability_table(capabilities, assessment_id, framework)
    assessed = table[table["level"].notna()]
    strengths_count = min(n, (len(assessed) + 1) // 2)
    gaps_count = min(n, len(assessed) - strengths_count)
    strengths = assessed.sort_values(
        ["level", "capability"], ascending=[False, True], kind="stable"
    ).head(strengths_count)
    rest = assessed.drop(index=strengths.index)
    gaps = rest.sort_values(["level", "capability"], kind="stable").head(gaps_count)
    return (
        strengths[HIGHLIGHT_COLUMNS].reset_index(drop=True),
        gaps[HIGHLIGHT_COLUMNS].reset_index(drop=True),
    )
