"""What each picture page draws: scoring results turned into figures, captions and tables.

Pages stay thin: they read widgets and call one function here per picture. Each returns a
``FigureView``: the figure, a caption saying what it rests on, and the same numbers as a table
(the chart's text alternative).
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from components.base.numbers import difference_text, score_text
from components.base.text import count_of, shorten
from components.charts.bars import domain_bars
from components.charts.heatmap import level_heatmap, levels_in_cells
from components.charts.radar import RadarSeries, capability_radar, domain_radar
from components.charts.trends import change_chart, trend_lines
from components.framework.model import Framework
from components.ingest.collection import fictional_assessment_ids
from components.ingest.labels import country_of
from components.scoring.change import (
    CHANGE_STATUSES,
    capability_changes,
    change_text,
    domain_changes,
    largest_drops,
    overall_change,
)
from components.scoring.heatmap import heatmap_matrix, sort_assessments
from components.scoring.peer_groups import PeerMedian
from components.scoring.rounds import (
    country_key,
    country_rounds,
    domain_trend,
    latest_assessments,
)
from components.scoring.scores import capability_table, domain_scores, overall_scores, rests_on
from components.scoring.tables import level_text

MAX_RADAR_SERIES = 4  # beyond this, overlapping shapes stop being readable


@dataclass(frozen=True)
class FigureView:
    """A figure with its caption and its table alternative."""

    figure: go.Figure
    caption: str
    table: pd.DataFrame


def _only(capabilities: pd.DataFrame, assessment_ids: Sequence[str]) -> pd.DataFrame:
    """The rows of some assessments: scoring then works on 21 rows each, not the whole set."""
    return capabilities[capabilities["assessment_id"].isin(list(assessment_ids))]


def _series(scores: pd.DataFrame, assessment_id: str, name: str, style: str) -> RadarSeries:
    rows = scores[scores["assessment_id"] == assessment_id]
    return RadarSeries(
        name=name,
        scores=dict(zip(rows["domain"], rows["score"], strict=True)),
        assessed=dict(zip(rows["domain"], rows["assessed"], strict=True)),
        total=dict(zip(rows["domain"], rows["total"], strict=True)),
        style=style,  # type: ignore[arg-type]
    )


def peer_ids(capabilities: pd.DataFrame, focus_id: str) -> list[str]:
    """The peers of an assessment: the latest assessment of every other country of its kind
    (a real country's are real, the fictional demo's are fictional: never the two mixed)."""
    countries = country_of(capabilities, latest_assessments(capabilities))
    own = country_key(country_of(capabilities, [focus_id])[focus_id])
    fictional = fictional_assessment_ids(capabilities)
    own_kind = focus_id in fictional
    return [
        assessment_id
        for assessment_id, country in countries.items()
        if country_key(country) != own and (assessment_id in fictional) == own_kind
    ]


def profile_radar(
    capabilities: pd.DataFrame,
    framework: Framework,
    labels: Mapping[str, str],
    focus_id: str,
    *,
    overlay_ids: Sequence[str] = (),
    peers: PeerMedian | None = None,
    narrow: bool = False,
) -> FigureView:
    """The six-domain radar of one assessment, with optional overlays and a peer median.

    ``peers`` (``components.scoring.peer_groups.peer_median``) adds the group's median when
    it rests on enough assessments; otherwise the caption says why there is none. Either way
    the caption names the group and how many assessments it rests on.
    """
    ids = [focus_id, *[i for i in overlay_ids if i != focus_id]]
    scores = domain_scores(_only(capabilities, ids), framework)
    overall = overall_scores(_only(capabilities, [focus_id]), framework)
    series = [_series(scores, focus_id, labels[focus_id], "focus")]
    series += [_series(scores, i, labels[i], "overlay") for i in ids[1:]]
    table = pd.DataFrame({"Domain": [d.name for d in framework.domains]})
    for assessment_id in ids:
        rows = scores[scores["assessment_id"] == assessment_id]
        table[labels[assessment_id]] = [
            f"{score_text(score)} ({assessed} of {total})"
            for score, assessed, total in zip(
                rows["score"], rows["assessed"], rows["total"], strict=True
            )
        ]
    assessed, total = int(overall["assessed"].iloc[0]), int(overall["total"].iloc[0])
    caption = (
        f"{labels[focus_id]}: {rests_on(assessed, total)}. "
        "Each point is the mean level of the domain's assessed capabilities, on the scale "
        f"{framework.scale.minimum} to {framework.scale.maximum}; a gap means no capability of "
        "that domain was assessed."
    )
    if peers is not None:
        series, caption = _with_peer_median(series, table, caption, peers)
    return FigureView(domain_radar(series, framework, narrow=narrow), caption, table)


def _with_peer_median(
    series: list[RadarSeries], table: pd.DataFrame, caption: str, peers: PeerMedian
) -> tuple[list[RadarSeries], str]:
    """The radar's series and caption with the peer median added (the table in place)."""
    if not peers.shown:
        return series, f"{caption} {peers.reason}"
    stats = peers.stats
    series = [
        *series,
        RadarSeries(
            name=peers.label,  # the caption says the rest (what it left out, the library's)
            scores=dict(zip(stats["domain"], stats["median"], strict=True)),
            assessed=dict(zip(stats["domain"], stats["n"], strict=True)),
            style="peer",
        ),
    ]
    table["Peer median [Q1–Q3]"] = [
        (
            f"– (n={n}: too few)"
            if pd.isna(m)
            else f"{score_text(m)} [{score_text(q1)}–{score_text(q3)}] (n={n})"
        )
        for m, q1, q3, n in zip(stats["median"], stats["q1"], stats["q3"], stats["n"], strict=True)
    ]
    caption += (
        f" {peers.text} (the latest of each country; none for a domain resting on fewer than "
        f"{peers.min_peers})."
    )
    return series, caption


def pillar_radars(
    capabilities: pd.DataFrame,
    framework: Framework,
    labels: Mapping[str, str],
    focus_id: str,
    *,
    overlay_id: str | None = None,
    narrow: bool = False,
    domain_ids: Container[str] | None = None,
) -> dict[str, FigureView]:
    """The capabilities of each domain (a "radar per pillar") for one assessment, by domain id.

    The capability tables are computed once for all the pictures; ``domain_ids`` limits them
    to those domains (a page draws only the tab that is open).
    """
    table = capability_table(_only(capabilities, [focus_id]), focus_id, framework)
    overlay = None
    if overlay_id is not None and overlay_id != focus_id:
        overlay = capability_table(_only(capabilities, [overlay_id]), overlay_id, framework)
    views = {}
    for domain in framework.domains:
        if domain_ids is not None and domain.id not in domain_ids:
            continue
        in_domain = table[table["domain"] == domain.id]
        figure = capability_radar(
            table,
            framework,
            domain.id,
            overlay=overlay,
            overlay_name=labels[overlay_id] if overlay is not None and overlay_id else "",
            name=labels[focus_id],
            narrow=narrow,
        )
        assessed = int(in_domain["level"].notna().sum())
        shown = pd.DataFrame(
            {
                "Capability": [
                    f"{n} · {t}"
                    for n, t in zip(in_domain["capability"], in_domain["title"], strict=True)
                ],
                labels[focus_id]: in_domain["level_label"].tolist(),
            }
        )
        if overlay is not None and overlay_id is not None:
            shown[labels[overlay_id]] = overlay.loc[
                overlay["domain"] == domain.id, "level_label"
            ].tolist()
        caption = f"{labels[focus_id]}: {rests_on(assessed, len(in_domain))} in this domain."
        views[domain.id] = FigureView(figure, caption, shown)
    return views


HEATMAP_SORTS = {"name": "Alphabetically", "overall": "By overall score"}


def heatmap_sort_options(framework: Framework) -> dict[str, str]:
    """Sort key -> label: alphabetical first (the default: no league table), then by score."""
    options = dict(HEATMAP_SORTS)
    options.update({f"domain:{d.id}": f"By {d.name} score" for d in framework.domains})
    return options


def heatmap_view(
    capabilities: pd.DataFrame,
    framework: Framework,
    labels: Mapping[str, str],
    assessment_ids: Sequence[str],
    sort_by: str = "name",
    *,
    domain_id: str | None = None,
    narrow: bool = False,
) -> FigureView:
    """Assessments x the 21 capabilities, grouped by domain, in the chosen row order.

    ``domain_id`` draws only that domain's columns (a phone's layout); the table keeps all.

    ``sort_by`` "given" keeps the order of ``assessment_ids`` (an anonymised slide uses it, so
    that the rows' order says nothing about the countries' names).
    """
    ordered = (
        list(dict.fromkeys(assessment_ids))
        if sort_by == "given"
        else sort_assessments(capabilities, framework, assessment_ids, sort_by)
    )
    levels, evidence = heatmap_matrix(capabilities, framework, ordered)
    figure = level_heatmap(
        levels,
        evidence,
        {i: labels[i] for i in ordered},
        framework,
        domain_id=domain_id,
        narrow=narrow,
    )
    cells = levels.size
    assessed = int(levels.notna().sum().sum())
    caption = (
        f"{count_of(len(ordered), 'assessment')}; "
        f"{assessed} of {cells} capability levels assessed. Grey cells were not assessed."
    )
    if ordered and not levels_in_cells(figure):
        caption += " The cells are too small to write the levels in: each is in its cell's "
        caption += "hover and in the table of numbers below."
    rows = levels.loc[ordered]
    table = pd.DataFrame(
        {
            "Assessment": [labels[i] for i in ordered],
            **{
                str(c.number): [_level_cell(level) for level in rows[c.number].tolist()]
                for c in framework.capabilities
            },
        }
    )
    return FigureView(figure, caption, table)


def _level_cell(level: float) -> str:
    return "–" if pd.isna(level) else str(int(level))


def comparison_views(
    capabilities: pd.DataFrame,
    framework: Framework,
    labels: Mapping[str, str],
    assessment_ids: Sequence[str],
    focus_id: str | None,
    *,
    narrow: bool = False,
) -> tuple[FigureView, FigureView, pd.DataFrame]:
    """Grouped bars, a radar overlay (at most four) and a table of differences to the focus.

    ``narrow`` (a phone) lays the bars down and shortens the radar's labels.

    The order is the order the person chose: a comparison is for learning, not a ranking.
    """
    ids = list(dict.fromkeys(assessment_ids))
    scores = domain_scores(_only(capabilities, ids), framework)
    overall = overall_scores(_only(capabilities, ids), framework)
    coverage = dict(
        zip(
            overall["assessment_id"],
            zip(overall["assessed"], overall["total"], strict=True),
            strict=True,
        )
    )
    rests = "; ".join(f"{labels[i]}: {rests_on(*map(int, coverage[i]))}" for i in ids)

    bars = FigureView(
        domain_bars(scores, {i: labels[i] for i in ids}, framework, horizontal=narrow),
        f"Domain scores (mean level of assessed capabilities). {rests}.",
        _scores_table(scores, framework, ids, labels),
    )
    radar_ids = ids[:MAX_RADAR_SERIES]
    focus = focus_id if focus_id in radar_ids else radar_ids[0]
    series = [
        _series(scores, i, labels[i], "focus" if i == focus else "overlay") for i in radar_ids
    ]
    radar_caption = f"The same domain scores as shapes. {rests}."
    if len(ids) > MAX_RADAR_SERIES:
        radar_caption += (
            f" The radar shows the first {MAX_RADAR_SERIES} of the {len(ids)} chosen, so the "
            "shapes stay readable; the bars and the table show all."
        )
    radar = FigureView(domain_radar(series, framework, narrow=narrow), radar_caption, bars.table)
    return bars, radar, _differences_table(scores, framework, ids, labels, focus_id)


def _scores_table(
    scores: pd.DataFrame, framework: Framework, ids: Sequence[str], labels: Mapping[str, str]
) -> pd.DataFrame:
    table = pd.DataFrame({"Domain": [d.name for d in framework.domains]})
    for assessment_id in ids:
        rows = scores[scores["assessment_id"] == assessment_id]
        table[labels[assessment_id]] = [
            f"{score_text(s)} ({a} of {t})"
            for s, a, t in zip(rows["score"], rows["assessed"], rows["total"], strict=True)
        ]
    return table


# A country's name heading a column of the differences table: a longer one squeezed every
# other column to a word a line (the chart's legend and the caption name it in full).
_TABLE_LABEL_CHARS = 32


def _column_names(labels: Mapping[str, str], ids: Sequence[str]) -> Mapping[str, str]:
    """The labels cut to fit a column's heading, unless cutting would make two the same."""
    short = {i: shorten(labels[i], _TABLE_LABEL_CHARS) for i in ids}
    return short if len(set(short.values())) == len(short) else labels


def _differences_table(
    scores: pd.DataFrame,
    framework: Framework,
    ids: Sequence[str],
    labels: Mapping[str, str],
    focus_id: str | None,
) -> pd.DataFrame:
    """Domain scores side by side and, when a focus is chosen, each peer's difference to it.

    Each score says what it rests on ("2.5 (2 of 4)"): two scores may rest on different
    capabilities, and the difference is only as good as both.
    """
    wide = scores.pivot(index="domain", columns="assessment_id", values="score")
    wide = wide.reindex(index=[d.id for d in framework.domains], columns=list(ids))
    labels = _column_names(labels, ids)
    table = _scores_table(scores, framework, ids, labels)
    if focus_id in ids:
        for assessment_id in ids:
            if assessment_id == focus_id:
                continue
            table[f"{labels[assessment_id]}: difference"] = [
                difference_text(focus, other)  # of the shown scores: a reader's sum agrees
                for focus, other in zip(wide[focus_id], wide[assessment_id], strict=True)
            ]
    return table


def trend_view(
    capabilities: pd.DataFrame, framework: Framework, country: str, *, narrow: bool = False
) -> FigureView:
    """Domain scores across a country's rounds (``narrow``: the chart's phone form)."""
    trend = domain_trend(capabilities, country, framework)
    rounds = trend.drop_duplicates("assessment_id")
    table = pd.DataFrame({"Domain": [d.name for d in framework.domains]})
    for _, round_row in rounds.iterrows():
        rows = trend[trend["assessment_id"] == round_row["assessment_id"]]
        table[round_row["label"]] = [
            f"{score_text(s)} ({a} of {t})"
            for s, a, t in zip(rows["score"], rows["assessed"], rows["total"], strict=True)
        ]
    caption = (
        f"{country}: domain scores in {len(rounds)} rounds. Each point is the mean level of the "
        "domain's assessed capabilities in that round; the table says how many each rests on."
    )
    return FigureView(trend_lines(trend, framework, narrow=narrow), caption, table)


@dataclass(frozen=True)
class ChangeView:
    """What changed between two rounds, capability by capability and per domain."""

    figure: FigureView
    counts: dict[str, int]
    domains: pd.DataFrame
    drops: pd.DataFrame


def change_view(
    capabilities: pd.DataFrame,
    framework: Framework,
    labels: Mapping[str, str],
    earlier_id: str,
    later_id: str,
    *,
    narrow: bool = False,
) -> ChangeView:
    """Improved, unchanged and declined capabilities between two rounds of a country.

    ``narrow`` (a phone): the chart's levels are numbers, and the caption says what they mean.
    """
    pair = _only(capabilities, [earlier_id, later_id])
    changes = capability_changes(pair, earlier_id, later_id, framework)
    counts = {status: int((changes["status"] == status).sum()) for status in CHANGE_STATUSES}
    compared = counts["improved"] + counts["unchanged"] + counts["declined"]
    caption = (
        f"From {labels[earlier_id]} to {labels[later_id]}: {compared} of "
        f"{len(framework.capabilities)} capabilities were assessed in both rounds and can be "
        "compared. Hollow markers are the earlier round, filled ones the later."
    )
    if narrow:
        levels = ", ".join(level_text(v, framework.scale) for v in framework.scale.values)
        caption += f" Levels: {levels}."
    table = pd.DataFrame(
        {
            "Capability": [
                f"{n} · {t}" for n, t in zip(changes["capability"], changes["title"], strict=True)
            ],
            labels[earlier_id]: [_level_cell(v) for v in changes["level_before"]],
            labels[later_id]: [_level_cell(v) for v in changes["level_after"]],
            "Change": changes["status"].tolist(),
        }
    )
    domain_table = domain_change_table(capabilities, framework, labels, earlier_id, later_id)
    largest = largest_drops(changes)
    drops = pd.DataFrame(
        {
            "Capability": [
                f"{n} · {t}" for n, t in zip(largest["capability"], largest["title"], strict=True)
            ],
            "Domain": largest["domain_name"].astype(str).tolist(),
            labels[earlier_id]: [_level_cell(v) for v in largest["level_before"]],
            labels[later_id]: [_level_cell(v) for v in largest["level_after"]],
            "Change": [f"{int(c):+d}" for c in largest["change"]],
        }
    )
    return ChangeView(
        FigureView(change_chart(changes, framework, narrow=narrow), caption, table),
        counts,
        domain_table,
        drops,
    )


def domain_change_table(
    capabilities: pd.DataFrame,
    framework: Framework,
    labels: Mapping[str, str],
    earlier_id: str,
    later_id: str,
) -> pd.DataFrame:
    """Each domain's score in both rounds and its like-for-like change, then all capabilities.

    The scores are each round's own (what the profile shows, with what they rest on); the
    change compares only the capabilities assessed in both rounds and says over how many
    ("+0.5 over 3 of 4 capabilities"), so it can differ from the difference of the two scores.
    The trends page, the slides and the exports all show this one table.
    """
    pair = _only(capabilities, [earlier_id, later_id])
    domains = domain_changes(pair, earlier_id, later_id, framework)
    overall = overall_change(pair, earlier_id, later_id, framework)
    overall_scores_ = overall_scores(pair, framework).set_index("assessment_id")

    def scored(score: float, assessed: int, total: int) -> str:
        return f"{score_text(score)} ({assessed} of {total})"

    rows = [
        (
            name,
            scored(before, assessed_before, total),
            scored(after, assessed_after, total),
            change_text(
                change,
                compared,
                total,
                scores=_same(before, after, compared, [assessed_before, assessed_after]),
            ),
        )
        for name, before, after, change, compared, assessed_before, assessed_after, total in zip(
            domains["domain_name"],
            domains["score_before"],
            domains["score_after"],
            domains["change"],
            domains["compared"],
            domains["assessed_before"],
            domains["assessed_after"],
            domains["total"],
            strict=True,
        )
    ]
    rows.append(
        (
            "All capabilities",
            scored(
                overall_scores_.at[earlier_id, "score"],
                int(overall["assessed_before"]),
                int(overall["total"]),
            ),
            scored(
                overall_scores_.at[later_id, "score"],
                int(overall["assessed_after"]),
                int(overall["total"]),
            ),
            change_text(
                overall["change"],
                int(overall["compared"]),
                int(overall["total"]),
                scores=_same(
                    overall_scores_.at[earlier_id, "score"],
                    overall_scores_.at[later_id, "score"],
                    int(overall["compared"]),
                    [int(overall["assessed_before"]), int(overall["assessed_after"])],
                ),
            ),
        )
    )
    return pd.DataFrame(
        rows,
        columns=["Domain", labels[earlier_id], labels[later_id], "Change (like for like)"],
    )


def _same(
    before: float, after: float, compared: int, assessed: Sequence[int]
) -> tuple[float, float] | None:
    """The two scores when both rest on exactly the compared capabilities (the change is then
    their difference, shown as the difference of the shown scores), else None."""
    return (before, after) if all(int(a) == compared for a in assessed) else None


LIKE_FOR_LIKE_NOTE = (
    "Like for like: a domain's change is the average change of its capabilities assessed in "
    "both rounds, and says over how many; it can differ from the difference between the two "
    "scores, which may rest on different capabilities."
)


@dataclass(frozen=True)
class SinceEarlier:
    """What changed between an assessment and the round of the same country before it."""

    earlier_id: str
    caption: str
    table: pd.DataFrame


def since_previous_round(
    capabilities: pd.DataFrame,
    framework: Framework,
    labels: Mapping[str, str],
    focus_id: str,
) -> SinceEarlier | None:
    """The like-for-like change from the country's previous round to ``focus_id``.

    None when the focus is its country's first (or only) round. The table is
    ``domain_change_table``'s: what the trends page, the slides and the exports show alike.
    """
    country = country_of(capabilities, [focus_id])[focus_id]
    rounds = list(country_rounds(capabilities, country)["assessment_id"])
    position = rounds.index(focus_id)
    if position == 0:
        return None
    earlier_id = rounds[position - 1]
    table = domain_change_table(capabilities, framework, labels, earlier_id, focus_id)
    caption = f"From {labels[earlier_id]} to {labels[focus_id]}. {LIKE_FOR_LIKE_NOTE}"
    return SinceEarlier(earlier_id, caption, table)
