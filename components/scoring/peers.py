"""Peers: median and quartiles of a group's domain scores, and anonymised peer labels.

Comparisons are for learning, not league tables: peers are summarised by median and
quartiles, never ranked, and ``anonymise`` shows them as "Country A, B, …".
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import pandas as pd

from components.framework.model import Framework
from components.scoring._grid import (
    assessment_order,
    capability_grid,
    check_ids,
    domain_names,
    grid_domain_scores,
    require,
)

PEER_DOMAIN_COLUMNS = ["domain", "domain_name", "median", "q1", "q3", "n"]


def peer_domain_stats(
    capabilities: pd.DataFrame,
    framework: Framework,
    assessment_ids: Sequence[str] | None = None,
    exclude: Sequence[str] = (),
) -> pd.DataFrame:
    """Median and quartiles of the domain scores of a group of assessments, per domain.

    The group is ``assessment_ids`` (default: every assessment in the frame) minus
    ``exclude`` (typically the focal assessment, so it is not its own peer). ``n`` counts the
    assessments with a score in the domain; when it is 0, median and quartiles are NaN.
    Quartiles interpolate linearly (pandas' default, Excel's QUARTILE.INC). Raises
    ``KeyError`` when ``assessment_ids`` names an assessment the frame does not have.
    """
    ids = _peer_ids(capabilities, assessment_ids, exclude)
    scores = grid_domain_scores(capability_grid(capabilities, framework, ids), framework)
    domain_ids = [domain.id for domain in framework.domains]
    stats = _quartiles(scores["score"], scores["domain"], domain_ids)
    stats.insert(0, "domain", pd.array(domain_ids, dtype="string"))
    stats.insert(1, "domain_name", domain_names(stats["domain"], framework))
    return stats[PEER_DOMAIN_COLUMNS]


def anonymise(labels: Sequence[str], focal: str | None) -> dict[str, str]:
    """Each label mapped to "Country A", "Country B", … in the given order; the focal one kept.

    After "Country Z" come "Country AA", "Country AB", … (as spreadsheet columns). A repeated
    label keeps its first alias. An alias equal to the focal label is skipped, so the
    focal country can never be confused with a peer.
    """
    mapping: dict[str, str] = {}
    counter = 0
    for label in labels:
        if label in mapping:
            continue
        if focal is not None and label == focal:
            mapping[label] = label
            continue
        alias = f"Country {_letters(counter)}"
        counter += 1
        if alias == focal:
            alias = f"Country {_letters(counter)}"
            counter += 1
        mapping[label] = alias
    return mapping


def _peer_ids(
    capabilities: pd.DataFrame, assessment_ids: Sequence[str] | None, exclude: Sequence[str]
) -> list[str]:
    """The group: ``assessment_ids`` (default: all, in order of appearance) minus ``exclude``."""
    if isinstance(exclude, str):
        raise TypeError("exclude must be a list of ids, not a single string.")
    require(capabilities, ["assessment_id"])
    chosen = (
        assessment_order(capabilities)
        if assessment_ids is None
        else check_ids(capabilities, assessment_ids)
    )
    # Excluding an id that is not there is harmless: the group simply does not contain it.
    dropped = set(exclude)
    return [assessment_id for assessment_id in chosen if assessment_id not in dropped]


def _quartiles(values: pd.Series, keys: pd.Series, order: Sequence[Hashable]) -> pd.DataFrame:
    """median, q1, q3 and n of ``values`` (NaN skipped) per key, one row per key of ``order``."""
    grouped = values.groupby(keys, sort=False)
    stats = pd.DataFrame(
        {
            "median": grouped.median(),
            "q1": grouped.quantile(0.25),
            "q3": grouped.quantile(0.75),
            "n": grouped.count(),
        }
    ).reindex(pd.Index(order))
    stats = stats.astype({"median": "float64", "q1": "float64", "q3": "float64"})
    stats["n"] = stats["n"].fillna(0).astype("int64")
    return stats.reset_index(drop=True)


def _letters(index: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA", 27 -> "AB" (spreadsheet column names)."""
    letters = ""
    number = index + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters
