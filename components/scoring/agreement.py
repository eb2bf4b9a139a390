"""How much a room agrees: the statistics of a workshop's votes on one capability, and a
table of them for every capability. Pure Python and pandas.

A vote is a level of the scale or "don't know". "Don't know" votes are counted and shown,
and never enter the median or the spread: not knowing is not a low level.

- **Median**: the middle of the votes with a level (between two levels when their number
  is even, e.g. 2.5). It is a suggestion: the agreed level is the facilitator's decision.
- **Middle half** (the spread): from the lower to the upper quartile, each the median of
  its half of the sorted votes (the median itself left out when their number is odd). Half
  of the votes lie there.
- **Disagreement**: the middle half spans three levels or more (quartiles two or more
  levels apart). Robust to one or two outliers in a large room; with three votes, 1, 2 and
  3 disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from components.framework.model import Framework, Scale

DISAGREEMENT_SPREAD = 2  # quartiles this many levels apart (or more) mean disagreement
DONT_KNOW_LABEL = "Don't know"
DISAGREEMENT_RULE = "Disagreement means the middle half of the votes spans three levels or more."
DISAGREEMENT_NOTE = (
    f"{DISAGREEMENT_RULE} “Don't know” votes are counted but left out of the median and the spread."
)
# The anonymised votes of a workshop: one row per participant and capability.
VOTE_COLUMNS = ["capability", "participant", "level", "comment"]
# What the facilitator decided for each capability of a workshop, in the workshop's order.
DECISION_COLUMNS = ["capability", "position", "decided", "agreed_level", "note"]
SUMMARY_COLUMNS = [
    "capability",
    "title",
    "votes",
    "dont_know",
    "counted",
    "counts",
    "distribution",
    "median",
    "lower_quartile",
    "upper_quartile",
    "disagreement",
    "decided",
    "agreed_level",
    "note",
]


def _median(values: Sequence[int]) -> float | None:
    """The median of sorted values; None for none."""
    count = len(values)
    if not count:
        return None
    middle = count // 2
    if count % 2:
        return float(values[middle])
    return (values[middle - 1] + values[middle]) / 2


@dataclass(frozen=True)
class Agreement:
    """The votes on one capability, summarised."""

    votes: int
    dont_know: int
    distribution: Mapping[int, int]
    median: float | None
    lower_quartile: float | None
    upper_quartile: float | None

    @property
    def counted(self) -> int:
        """Votes with a level (every vote except "don't know")."""
        return self.votes - self.dont_know

    @property
    def spread(self) -> float | None:
        """Levels between the lower and the upper quartile; None without votes."""
        if self.lower_quartile is None or self.upper_quartile is None:
            return None
        return self.upper_quartile - self.lower_quartile

    @property
    def disagreement(self) -> bool:
        """Whether the middle half of the votes spans three levels or more."""
        spread = self.spread
        return self.counted >= 2 and spread is not None and spread >= DISAGREEMENT_SPREAD

    @property
    def lowest(self) -> int | None:
        present = [level for level, count in self.distribution.items() if count]
        return min(present) if present else None

    @property
    def highest(self) -> int | None:
        present = [level for level, count in self.distribution.items() if count]
        return max(present) if present else None


def agreement(levels: Iterable[object], scale: Scale) -> Agreement:
    """Summarise votes: each a level of ``scale``, or None/NA for "don't know".

    Raises ``ValueError`` for a level the scale does not have.
    """
    counted: list[int] = []
    dont_know = 0
    for level in levels:
        if level is None or (not isinstance(level, int) and pd.isna(level)):  # type: ignore[arg-type]
            dont_know += 1
            continue
        value = int(level)  # type: ignore[call-overload]
        if value not in scale.values:
            raise ValueError(f"{value} is not a level of the scale {scale.name}.")
        counted.append(value)
    counted.sort()
    half = len(counted) // 2
    lower, upper = counted[:half], counted[len(counted) - half :]
    if len(counted) == 1:
        lower = upper = counted
    return Agreement(
        votes=len(counted) + dont_know,
        dont_know=dont_know,
        distribution={value: counted.count(value) for value in scale.values},
        median=_median(counted),
        lower_quartile=_median(lower),
        upper_quartile=_median(upper),
    )


def _level_name(value: int, scale: Scale) -> str:
    return f"{value} · {scale.level(value).label}"


def median_text(result: Agreement, scale: Scale) -> str:
    """ "2 · Developing", "2.5 (between 2 · Developing and 3 · Established)", or "–"."""
    if result.median is None:
        return "–"
    if float(result.median).is_integer():
        return _level_name(int(result.median), scale)
    low = int(result.median)
    return (
        f"{result.median:g} (between {_level_name(low, scale)} and {_level_name(low + 1, scale)})"
    )


def spread_text(result: Agreement) -> str:
    """The middle half and the range in words: "middle half 1 to 3 · all votes 0 to 4"."""
    if result.lower_quartile is None or result.upper_quartile is None:
        return "no votes with a level"
    if result.lower_quartile == result.upper_quartile:
        middle = f"middle half at {result.lower_quartile:g}"
    else:
        middle = f"middle half {result.lower_quartile:g} to {result.upper_quartile:g}"
    if result.lowest == result.highest:
        return f"{middle} · every vote at {result.lowest}"
    return f"{middle} · all votes {result.lowest} to {result.highest}"


def agreement_word(result: Agreement) -> str:
    """A plain verdict for the screen: "Disagreement", "Agreement", or why there is none."""
    if result.counted == 0:
        return "No votes with a level yet"
    if result.counted == 1:
        return "One vote with a level: too few to judge agreement"
    return "Disagreement" if result.disagreement else "Agreement"


def distribution_text(result: Agreement) -> str:
    """The counts per level in one line: "0: 1 · 1: 3 · 2: 8 · 3: 2 · 4: 0 · don't know: 2"."""
    parts = [f"{level}: {count}" for level, count in result.distribution.items()]
    parts.append(f"don't know: {result.dont_know}")
    return " · ".join(parts)


def summary_table(
    votes: pd.DataFrame, decisions: pd.DataFrame, framework: Framework
) -> pd.DataFrame:
    """One row per capability of the workshop, in its order: votes, statistics, decision.

    ``votes`` follows ``VOTE_COLUMNS`` (``level`` missing for "don't know"); ``decisions``
    follows ``DECISION_COLUMNS``. ``counts`` holds the votes per level in the scale's order,
    ``distribution`` the same in words;
    ``agreed_level`` is missing when the capability was not decided or agreed "not assessed".
    """
    scale = framework.scale
    rows = []
    ordered = decisions.sort_values("position", kind="stable")
    for decision in ordered.itertuples(index=False):
        number = int(decision.capability)
        mine = votes[votes["capability"] == number] if not votes.empty else votes
        result = agreement(list(mine["level"]) if not mine.empty else [], scale)
        agreed = decision.agreed_level
        rows.append(
            {
                "capability": number,
                "title": framework.capability(number).title,
                "votes": result.votes,
                "dont_know": result.dont_know,
                "counted": result.counted,
                "counts": tuple(result.distribution[value] for value in scale.values),
                "distribution": distribution_text(result),
                "median": result.median,
                "lower_quartile": result.lower_quartile,
                "upper_quartile": result.upper_quartile,
                "disagreement": result.disagreement,
                "decided": bool(decision.decided),
                "agreed_level": None if agreed is None or pd.isna(agreed) else int(agreed),
                "note": None if decision.note is None or pd.isna(decision.note) else decision.note,
            }
        )
    frame = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    frame["agreed_level"] = frame["agreed_level"].astype("Int64")
    for column in ("median", "lower_quartile", "upper_quartile"):
        frame[column] = frame[column].astype("Float64")
    return frame


def decision_text(decided: bool, agreed_level: object, scale: Scale) -> str:
    """What was agreed, in words: a level, "Not assessed", or "Not decided"."""
    if not decided:
        return "Not decided"
    if agreed_level is None or pd.isna(agreed_level):  # type: ignore[arg-type]
        return "Not assessed"
    return _level_name(int(agreed_level), scale)  # type: ignore[call-overload]
