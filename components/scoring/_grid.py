"""The common ground of the scoring modules: every capability of every assessment, and scores.

``capability_grid`` gives one row per (assessment, framework capability), so a capability the
frame lacks is a row without a level (not assessed), never a missing row or a 0. The domain
and overall scores are computed on that grid here, once, for ``scores``, ``change``,
``peers``, ``rounds`` and ``heatmap`` to share. Private to ``components.scoring``: other
packages call those modules.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from components.framework.model import Framework

DOMAIN_SCORE_COLUMNS = ["assessment_id", "domain", "domain_name", "score", "assessed", "total"]
OVERALL_COLUMNS = ["assessment_id", "score", "assessed", "total", "coverage", "domains_assessed"]
# Defined here rather than imported from components.framework.palette, which pulls in plotly: this
# module stays pure pandas. The wording matches palette.NOT_ASSESSED_LABEL.
NOT_ASSESSED_LABEL = "Not assessed"


def require(frame: pd.DataFrame, columns: Iterable[str]) -> None:
    """A ``ValueError`` naming the columns the frame lacks, if any."""
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise ValueError(
            f"the capability frame lacks the column(s) {', '.join(missing)}; "
            "expected the tidy shape of components.ingest.report.CAPABILITY_COLUMNS."
        )


def assessment_order(capabilities: pd.DataFrame) -> list[str]:
    """Assessment ids in order of first appearance (rows without an id belong to none)."""
    return list(dict.fromkeys(capabilities["assessment_id"].dropna()))


def check_ids(capabilities: pd.DataFrame, assessment_ids: Iterable[str]) -> list[str]:
    """The ids, each once in the given order; ``KeyError`` naming any the frame lacks."""
    # A bare string is a Sequence[str] too; iterating it would look up one id per letter.
    if isinstance(assessment_ids, str):
        raise TypeError("assessment_ids must be a list of ids, not a single string.")
    require(capabilities, ["assessment_id"])
    known = set(assessment_order(capabilities))
    wanted = list(dict.fromkeys(assessment_ids))
    unknown = [assessment_id for assessment_id in wanted if assessment_id not in known]
    if unknown:
        raise KeyError(f"no assessment with id {', '.join(map(repr, unknown))} in the frame.")
    return wanted


def capability_grid(
    capabilities: pd.DataFrame,
    framework: Framework,
    assessment_ids: Iterable[str] | None = None,
) -> pd.DataFrame:
    """One row per (assessment, framework capability), assessments first, then capabilities.

    The common ground of every scoring function: capabilities the frame lacks become rows with
    <NA> level (not assessed), rows for numbers outside the framework are ignored, and a
    capability listed twice for one assessment (which the tidy contract rules out) counts
    once, as first given. Columns: assessment_id, capability (int64), domain (from the
    framework), level (Int64), evidence and confidence ("string", <NA> when the frame has
    no such column).
    """
    require(capabilities, ["assessment_id", "capability", "level"])
    ids = (
        assessment_order(capabilities)
        if assessment_ids is None
        else check_ids(capabilities, assessment_ids)
    )
    numbers = [capability.number for capability in framework.capabilities]
    notes = [column for column in ("evidence", "confidence") if column in capabilities.columns]
    wanted = capabilities["assessment_id"].isin(ids) & capabilities["capability"].isin(numbers)
    rows = capabilities.loc[wanted, ["assessment_id", "capability", "level", *notes]]
    rows = rows.astype(
        {
            "assessment_id": "string",
            "capability": "int64",
            "level": "Int64",
            **dict.fromkeys(notes, "string"),
        }
    ).drop_duplicates(["assessment_id", "capability"], keep="first")
    index = pd.MultiIndex.from_product(
        [pd.Index(ids, dtype="string"), pd.Index(numbers, dtype="int64")],
        names=["assessment_id", "capability"],
    )
    grid = rows.set_index(["assessment_id", "capability"]).reindex(index).reset_index()
    for column in ("evidence", "confidence"):
        if column not in grid.columns:
            grid[column] = pd.Series(pd.NA, index=grid.index, dtype="string")
    domain_of = {capability.number: capability.domain for capability in framework.capabilities}
    grid["domain"] = grid["capability"].map(domain_of).astype("string")
    return grid[["assessment_id", "capability", "domain", "level", "evidence", "confidence"]]


def grid_domain_scores(grid: pd.DataFrame, framework: Framework) -> pd.DataFrame:
    """``scores.domain_scores`` of the grid's assessments, in the grid's order."""
    ids = list(dict.fromkeys(grid["assessment_id"]))
    domain_ids = [domain.id for domain in framework.domains]
    # float64 turns <NA> into NaN, which mean() and count() skip: missing is never 0.
    values = grid["level"].astype("float64")
    grouped = values.groupby([grid["assessment_id"], grid["domain"]], sort=False)
    stats = pd.DataFrame({"score": grouped.mean(), "assessed": grouped.count()})
    # Reindexing on the framework's domains fixes the order and keeps every domain.
    index = pd.MultiIndex.from_product(
        [pd.Index(ids, dtype="string"), pd.Index(domain_ids, dtype="string")],
        names=["assessment_id", "domain"],
    )
    scores = stats.reindex(index).reset_index()
    scores["score"] = scores["score"].astype("float64")
    scores["assessed"] = scores["assessed"].fillna(0).astype("int64")
    totals = {domain.id: len(framework.capabilities_in(domain.id)) for domain in framework.domains}
    scores["total"] = scores["domain"].map(totals).astype("int64")
    scores["domain_name"] = domain_names(scores["domain"], framework)
    return scores[DOMAIN_SCORE_COLUMNS]


def grid_overall_scores(grid: pd.DataFrame, framework: Framework) -> pd.DataFrame:
    """``scores.overall_scores`` of the grid's assessments, in the grid's order."""
    ids = list(dict.fromkeys(grid["assessment_id"]))
    values = grid["level"].astype("float64")
    grouped = values.groupby(grid["assessment_id"], sort=False)
    domains = grid_domain_scores(grid, framework)
    with_score = (domains["assessed"] > 0).groupby(domains["assessment_id"], sort=False).sum()
    total = len(framework.capabilities)
    overall = pd.DataFrame(
        {
            "score": grouped.mean(),
            "assessed": grouped.count(),
            "domains_assessed": with_score,
        }
    ).reindex(pd.Index(ids, dtype="string", name="assessment_id"))
    overall = overall.reset_index().astype(
        {"score": "float64", "assessed": "int64", "domains_assessed": "int64"}
    )
    overall["total"] = pd.Series(total, index=overall.index, dtype="int64")
    overall["coverage"] = overall["assessed"] / total
    return overall[OVERALL_COLUMNS]


def described_grid(grid: pd.DataFrame, framework: Framework) -> pd.DataFrame:
    """Grid rows with title, domain name and level label added, capability as Int64."""
    titles = {capability.number: capability.title for capability in framework.capabilities}
    described = grid.reset_index(drop=True).assign(
        title=pd.array(grid["capability"].map(titles), dtype="string"),
        domain_name=pd.array(domain_names(grid["domain"], framework), dtype="string"),
        level_label=pd.array(
            [_level_label(level, framework) for level in grid["level"]], dtype="string"
        ),
    )
    return described.astype({"capability": "Int64"})


def _level_label(level: object, framework: Framework) -> str:
    if level is None or pd.isna(level):
        return NOT_ASSESSED_LABEL
    try:
        return framework.scale.level(int(level)).label
    except KeyError:
        # Off the scale (a frame built by hand): show the number rather than fail.
        return str(level)


def domain_names(domains: pd.Series, framework: Framework) -> pd.Series:
    """The framework's name of each domain id, as "string"."""
    names = {domain.id: domain.name for domain in framework.domains}
    return domains.map(names).astype("string")
