"""Scores, coverage, gaps and comparisons: the numbers behind every chart, in pure pandas.

The rules come from framework-notes.md ("Assessment scale"):

- A capability without a level is *missing*. It is left out of every mean and counted as not
  assessed; it is never 0. A domain with no assessed capability has the score NaN (and
  ``assessed`` 0), so that a chart shows a gap instead of a misleading zero.
- Every score travels with the counts it rests on (``assessed`` of ``total``); ``rests_on``
  turns them into the words a page shows next to the number.
- Comparisons are for learning, not league tables: peers are summarised by median and
  quartiles, and sorting exists to order heatmap rows, with "name" as the neutral choice.

Every function takes the collection's tidy ``capabilities`` frame (``CAPABILITY_COLUMNS`` of
``components.ingest.workbook``, with or without ``origin``) and returns a new tidy frame; inputs are
never modified. Capabilities and domains come from the framework, never from the frame's
spelling. Scores are unrounded floats: rounding is for display only.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

import pandas as pd

from components.base.text import normalise
from components.framework.model import Framework

DOMAIN_SCORE_COLUMNS = ["assessment_id", "domain", "domain_name", "score", "assessed", "total"]
OVERALL_COLUMNS = ["assessment_id", "score", "assessed", "total", "coverage", "domains_assessed"]
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
PEER_DOMAIN_COLUMNS = ["domain", "domain_name", "median", "q1", "q3", "n"]
PEER_CAPABILITY_COLUMNS = ["capability", "median", "q1", "q3", "n"]
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
SORT_CHOICES = ("name", "overall", "domain:<domain id>")
# Defined here rather than imported from components.framework.palette, which pulls in plotly: this
# module stays pure pandas. The wording matches palette.NOT_ASSESSED_LABEL.
NOT_ASSESSED_LABEL = "Not assessed"
UNDATED_LABEL = "Undated"

METHOD_NOTE = """\
**How the numbers are worked out**

- **Levels.** Each capability is rated on the framework's scale, from 0 (not in place) to
  4 (mature). A capability that was not assessed is *missing*: it is left out of every
  average and never counted as 0.
- **Domain score.** The average level of the capabilities assessed in that domain. Every
  score says what it rests on, for example "3 of 4 capabilities assessed". A domain with
  no assessed capability has no score, not a score of 0.
- **Overall score.** The average of all assessed capabilities, each weighing the same,
  because the framework gives no weights. It is not the average of the domain scores.
- **Coverage.** The share of the 21 capabilities that were assessed.
- **Change between rounds.** Shown only where both rounds assessed the capability (or the
  domain); otherwise it says "newly assessed" or "no longer assessed". A domain's change
  compares its two scores, which may rest on different capabilities: check the counts.
- **Gaps.** The lowest-rated assessed capabilities. Capabilities that were not assessed are
  listed as not assessed, never as gaps.
- **Peers.** The peer median uses the latest assessment of every other country in this
  session; half of them lie between the lower and upper quartile. Comparisons are for
  learning from each other, not for ranking countries: countries appear in the order you
  choose, never sorted by score, and the Compare page's anonymised view shows peers as
  "Country A, B, …".
"""


# --- scores ---------------------------------------------------------------------------------


def domain_scores(capabilities: pd.DataFrame, framework: Framework) -> pd.DataFrame:
    """One row per (assessment, domain): the mean level and the counts it rests on.

    Every domain of the framework appears for every assessment, in the framework's domain
    order, assessments in order of first appearance. ``score`` is the mean level of the
    domain's assessed capabilities (float, NaN when none is assessed: never 0), ``assessed``
    how many have a level, ``total`` how many the framework puts in the domain.
    """
    return _domain_scores(_grid(capabilities, framework), framework)


def overall_scores(capabilities: pd.DataFrame, framework: Framework) -> pd.DataFrame:
    """One row per assessment: overall score, counts, coverage and domains with a score.

    ``score`` is the mean of *all* assessed capability levels, not the mean of the domain
    means: the framework gives no weights, so every capability weighs the same. A mean of
    domain means would make a capability of two-capability Media and Communications count
    twice as much as one of four-capability Criminal Justice. ``coverage`` is
    ``assessed / total`` (0 to 1); ``domains_assessed`` counts domains with at least one
    assessed capability. An assessment with nothing assessed has score NaN.
    """
    return _overall_scores(_grid(capabilities, framework), framework)


def rests_on(assessed: int, total: int, noun: str = "capabilities") -> str:
    """What a score rests on, in words: ``"18 of 21 capabilities assessed"``."""
    return f"{int(assessed)} of {int(total)} {noun} assessed"


# --- one assessment ---------------------------------------------------------------------------


def capability_table(
    capabilities: pd.DataFrame, assessment_id: str, framework: Framework
) -> pd.DataFrame:
    """Every capability of one assessment in framework order, with words for the level.

    ``level`` is Int64 (<NA> when not assessed) and ``level_label`` the scale's label or
    "Not assessed". A capability the frame has no row for is shown as not assessed rather
    than dropped. Raises ``KeyError`` when the frame has no such assessment.
    """
    grid = _grid(capabilities, framework, [assessment_id])
    return _described(grid, framework)[CAPABILITY_TABLE_COLUMNS]


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


# --- change between two rounds ----------------------------------------------------------------


def capability_changes(
    capabilities: pd.DataFrame, earlier_id: str, later_id: str, framework: Framework
) -> pd.DataFrame:
    """Every capability's level in two assessments, the change, and a status in words.

    ``change`` (Int64) is ``level_after - level_before`` and <NA> unless both rounds assessed
    the capability. ``status`` is one of ``CHANGE_STATUSES``: improved / unchanged / declined
    when both have a level, "newly assessed" or "no longer assessed" when only one has, and
    "not assessed" when neither has. Raises ``KeyError`` for an unknown assessment id.
    """
    grid = _grid(capabilities, framework, [earlier_id, later_id])
    before = _described(grid[grid["assessment_id"] == earlier_id], framework)
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
    scores = _domain_scores(_grid(capabilities, framework, [earlier_id, later_id]), framework)
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


# --- peers ----------------------------------------------------------------------------------


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
    grid = _grid(capabilities, framework, _peer_ids(capabilities, assessment_ids, exclude))
    scores = _domain_scores(grid, framework)
    domain_ids = [domain.id for domain in framework.domains]
    stats = _quartiles(scores["score"], scores["domain"], domain_ids)
    stats.insert(0, "domain", pd.array(domain_ids, dtype="string"))
    stats.insert(1, "domain_name", _domain_names(stats["domain"], framework))
    return stats[PEER_DOMAIN_COLUMNS]


def peer_capability_stats(
    capabilities: pd.DataFrame,
    framework: Framework,
    assessment_ids: Sequence[str] | None = None,
    exclude: Sequence[str] = (),
) -> pd.DataFrame:
    """Median and quartiles of each capability's level over a group, assessed levels only.

    One row per capability in framework order; the group is chosen as in
    ``peer_domain_stats``. ``n`` counts the assessments that assessed the capability.
    """
    grid = _grid(capabilities, framework, _peer_ids(capabilities, assessment_ids, exclude))
    numbers = [capability.number for capability in framework.capabilities]
    stats = _quartiles(grid["level"].astype("float64"), grid["capability"], numbers)
    stats.insert(0, "capability", pd.array(numbers, dtype="Int64"))
    return stats[PEER_CAPABILITY_COLUMNS]


# --- countries and rounds ---------------------------------------------------------------------


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
    assessments = _assessments(capabilities)
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
    _require(capabilities, ["capability", "level"])
    assessments = _assessments(capabilities)
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
    scores = _domain_scores(_grid(capabilities, framework, ids), framework)
    position = pd.Series(range(len(ids)), index=ids, dtype="int64")
    trend = scores.assign(
        label=scores["assessment_id"].map(rounds.set_index("assessment_id")["label"]),
        order=scores["assessment_id"].map(position).astype("int64"),
    )
    return trend[TREND_COLUMNS].reset_index(drop=True)


# --- heatmap -------------------------------------------------------------------------------


def heatmap_matrix(
    capabilities: pd.DataFrame, framework: Framework, assessment_ids: Sequence[str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(levels, evidence)``: assessments as rows (in the given order), capabilities as columns.

    Columns are the capability numbers in framework order. ``levels`` holds floats with NaN
    for not assessed (plotly needs floats); ``evidence`` holds text, "" where there is none.
    A repeated id appears once. Raises ``KeyError`` for an unknown assessment id.
    """
    grid = _grid(capabilities, framework, assessment_ids)
    ids = list(dict.fromkeys(grid["assessment_id"]))
    index = pd.Index(ids, name="assessment_id", dtype="object")
    columns = pd.Index(
        [capability.number for capability in framework.capabilities], name="capability"
    )
    # _grid lists every capability of every assessment in exactly this order, so a reshape
    # is enough (and cannot silently reorder as a pivot's sorting would).
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
    ids = _check_ids(capabilities, assessment_ids)
    keys = _assessments(capabilities).set_index("assessment_id").loc[ids, ["_country", "_time"]]
    if by == "name":
        return list(keys.sort_values(["_country", "_time"], kind="stable").index)
    grid = _grid(capabilities, framework, ids)
    if by == "overall":
        score = _overall_scores(grid, framework).set_index("assessment_id")["score"]
    elif by.startswith("domain:"):
        domain_id = by.removeprefix("domain:")
        if domain_id not in {domain.id for domain in framework.domains}:
            known = ", ".join(domain.id for domain in framework.domains)
            raise ValueError(f"unknown domain {domain_id!r} in by={by!r} (known: {known}).")
        scores = _domain_scores(grid, framework)
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


# --- internals -------------------------------------------------------------------------------


def _require(frame: pd.DataFrame, columns: Iterable[str]) -> None:
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise ValueError(
            f"the capability frame lacks the column(s) {', '.join(missing)}; "
            "expected the tidy shape of components.ingest.workbook.CAPABILITY_COLUMNS."
        )


def _assessment_order(capabilities: pd.DataFrame) -> list[str]:
    """Assessment ids in order of first appearance (rows without an id belong to none)."""
    return list(dict.fromkeys(capabilities["assessment_id"].dropna()))


def _check_ids(capabilities: pd.DataFrame, assessment_ids: Iterable[str]) -> list[str]:
    """The ids, each once in the given order; ``KeyError`` naming any the frame lacks."""
    # A bare string is a Sequence[str] too; iterating it would look up one id per letter.
    if isinstance(assessment_ids, str):
        raise TypeError("assessment_ids must be a list of ids, not a single string.")
    _require(capabilities, ["assessment_id"])
    known = set(_assessment_order(capabilities))
    wanted = list(dict.fromkeys(assessment_ids))
    unknown = [assessment_id for assessment_id in wanted if assessment_id not in known]
    if unknown:
        raise KeyError(f"no assessment with id {', '.join(map(repr, unknown))} in the frame.")
    return wanted


def _peer_ids(
    capabilities: pd.DataFrame, assessment_ids: Sequence[str] | None, exclude: Sequence[str]
) -> list[str]:
    if isinstance(exclude, str):
        raise TypeError("exclude must be a list of ids, not a single string.")
    _require(capabilities, ["assessment_id"])
    chosen = (
        _assessment_order(capabilities)
        if assessment_ids is None
        else _check_ids(capabilities, assessment_ids)
    )
    # Excluding an id that is not there is harmless: the group simply does not contain it.
    dropped = set(exclude)
    return [assessment_id for assessment_id in chosen if assessment_id not in dropped]


def _grid(
    capabilities: pd.DataFrame,
    framework: Framework,
    assessment_ids: Iterable[str] | None = None,
) -> pd.DataFrame:
    """One row per (assessment, framework capability), assessments first, then capabilities.

    The common ground of every function here: capabilities the frame lacks become rows with
    <NA> level (not assessed), rows for numbers outside the framework are ignored, and a
    capability listed twice for one assessment (which the tidy contract rules out) counts
    once, as first given. Columns: assessment_id, capability (int64), domain (from the
    framework), level (Int64), evidence and confidence ("string", <NA> when the frame has
    no such column).
    """
    _require(capabilities, ["assessment_id", "capability", "level"])
    ids = (
        _assessment_order(capabilities)
        if assessment_ids is None
        else _check_ids(capabilities, assessment_ids)
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


def _domain_scores(grid: pd.DataFrame, framework: Framework) -> pd.DataFrame:
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
    scores["domain_name"] = _domain_names(scores["domain"], framework)
    return scores[DOMAIN_SCORE_COLUMNS]


def _overall_scores(grid: pd.DataFrame, framework: Framework) -> pd.DataFrame:
    ids = list(dict.fromkeys(grid["assessment_id"]))
    values = grid["level"].astype("float64")
    grouped = values.groupby(grid["assessment_id"], sort=False)
    domains = _domain_scores(grid, framework)
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


def _described(grid: pd.DataFrame, framework: Framework) -> pd.DataFrame:
    """Grid rows with title, domain name and level label added, capability as Int64."""
    titles = {capability.number: capability.title for capability in framework.capabilities}
    described = grid.reset_index(drop=True).assign(
        title=pd.array(grid["capability"].map(titles), dtype="string"),
        domain_name=pd.array(_domain_names(grid["domain"], framework), dtype="string"),
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


def _domain_names(domains: pd.Series, framework: Framework) -> pd.Series:
    names = {domain.id: domain.name for domain in framework.domains}
    return domains.map(names).astype("string")


def _change_status(before: object, after: object) -> str:
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


def country_key(country: object) -> str:
    """How countries are told apart everywhere: case, accents, spaces and punctuation ignored.

    "Côte d'Ivoire" and "cote d ivoire" are one country, in pickers, rounds, trends and peers.
    """
    return "" if country is None or pd.isna(country) else normalise(str(country))


def _assessments(capabilities: pd.DataFrame) -> pd.DataFrame:
    """One row per assessment: its metadata plus ``_country`` and ``_time`` sort keys.

    ``_time`` is the assessment's position in time order across the whole frame (see
    ``latest_assessments`` for the rules); it is unique, so sorting by it never ties.
    """
    _require(capabilities, ["assessment_id", "country"])
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
    return when if pd.isna(round_label) or not str(round_label) else f"{when} ({round_label})"


def _unique_labels(labels: Sequence[str]) -> list[str]:
    seen: dict[str, int] = {}
    unique = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        unique.append(label if seen[label] == 1 else f"{label} #{seen[label]}")
    return unique


def _letters(index: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA", 27 -> "AB" (spreadsheet column names)."""
    letters = ""
    number = index + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters
