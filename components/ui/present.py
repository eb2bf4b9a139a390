"""Presentation mode: one chart per slide, sized for a 1280x720 projector.

The slides reuse the same view functions as the pages (``components.charts.views``), so what a
facilitator presents is what the pages and the exports show.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from components.charts.views import (
    comparison_views,
    heatmap_view,
    peer_ids,
    pillar_radars,
    profile_radar,
)
from components.framework.model import Framework
from components.scoring import scores as scoring
from components.scoring.tables import highlights_display

PROJECTOR_HEIGHT = 420  # fits a 1280x720 screen with the slide title and the controls
PROJECTOR_FONT = 18


@dataclass(frozen=True)
class Slide:
    """One slide: a title, what it rests on, and a figure or a table (or both)."""

    title: str
    caption: str
    figure: go.Figure | None = None
    table: pd.DataFrame | None = None


def for_projector(figure: go.Figure, height: int = PROJECTOR_HEIGHT) -> go.Figure:
    """A copy of the figure with larger text and a height that fits a projected slide."""
    big = go.Figure(figure)
    # A slide is wide and short: the legend goes to the right, beside the chart rather than
    # over its lowest labels, and the margins leave room for two-line radar labels.
    big.update_layout(
        height=height,
        font={"size": PROJECTOR_FONT},
        legend={
            "font": {"size": PROJECTOR_FONT},
            "orientation": "v",
            "x": 1.02,
            "xanchor": "left",
            "y": 0.5,
            "yanchor": "middle",
            "yref": "paper",  # the charts pin their legend to the figure's bottom edge
        },
    )
    if any(trace.type == "scatterpolar" for trace in big.data):
        # Room around the circle for two-line axis labels at the top and the bottom.
        big.update_layout(margin={"t": 75, "b": 85, "l": 80, "r": 40})
    big.update_xaxes(tickfont={"size": PROJECTOR_FONT - 2})
    big.update_yaxes(tickfont={"size": PROJECTOR_FONT - 2})
    big.update_polars(
        angularaxis={"tickfont": {"size": PROJECTOR_FONT}},
        radialaxis={"tickfont": {"size": PROJECTOR_FONT - 4}},
    )
    return big


def country_slides(
    capabilities: pd.DataFrame,
    framework: Framework,
    labels: Mapping[str, str],
    focus_id: str,
) -> list[Slide]:
    """The overview radar, each domain's radar, the heatmap beside peers, and the gaps."""
    name = labels[focus_id]
    peers = peer_ids(capabilities, focus_id)
    overview = profile_radar(
        capabilities, framework, labels, focus_id, with_peer_median=bool(peers)
    )
    slides = [Slide(f"{name}: the six domains", overview.caption, for_projector(overview.figure))]
    pillars = pillar_radars(capabilities, framework, labels, focus_id)
    for domain in framework.domains:
        view = pillars[domain.id]
        slides.append(Slide(domain.name, view.caption, for_projector(view.figure)))
    heatmap = heatmap_view(capabilities, framework, labels, [focus_id, *peers])
    slides.append(
        Slide(
            f"{name} beside {len(peers)} other countries" if peers else f"{name}: every capability",
            heatmap.caption,
            # A tall heatmap keeps its own height (one readable row per assessment).
            for_projector(
                heatmap.figure, height=max(PROJECTOR_HEIGHT, heatmap.figure.layout.height or 0)
            ),
        )
    )
    strengths, gaps = scoring.strengths_and_gaps(capabilities, focus_id, framework)
    slides.append(
        Slide(
            f"{name}: gaps to work on",
            "The lowest levels among the assessed capabilities; not-assessed ones are not "
            "counted as gaps.",
            table=highlights_display(gaps),
        )
    )
    slides.append(
        Slide(
            f"{name}: strengths to build on",
            "The highest levels among the assessed capabilities.",
            table=highlights_display(strengths),
        )
    )
    return slides


def comparison_slides(
    capabilities: pd.DataFrame,
    framework: Framework,
    labels: Mapping[str, str],
    assessment_ids: Sequence[str],
    focus_id: str | None,
) -> list[Slide]:
    """Grouped bars, the radar overlay and the differences, for two or more assessments."""
    bars, radar, differences = comparison_views(
        capabilities, framework, labels, assessment_ids, focus_id
    )
    return [
        Slide("Domain scores side by side", bars.caption, for_projector(bars.figure)),
        Slide("The same scores as shapes", radar.caption, for_projector(radar.figure)),
        Slide(
            "Differences per domain",
            (
                f"Each score with what it rests on; the last columns are the difference to "
                f"{labels[focus_id]} (positive: higher). A dash: not assessed in one of the two."
                if focus_id in assessment_ids
                else "Each domain score with the number of capabilities it rests on."
            ),
            table=differences,
        ),
    ]
