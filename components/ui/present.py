"""Presentation mode: one chart per slide, sized for a 1280x720 projector.

The slides reuse the same view functions as the pages (``components.charts.views``), so what a
facilitator presents is what the pages and the exports show. :func:`build_deck` decides which
slides a presentation has (a country, or a comparison of the chosen countries);
``components.ui.slides`` decides which of them is on screen.
"""

from __future__ import annotations

import datetime
import html
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from components.base.text import shorten
from components.charts.common import escape
from components.charts.text_width import label_margin, text_width
from components.charts.views import (
    comparison_views,
    heatmap_view,
    peer_ids,
    pillar_radars,
    profile_radar,
    since_previous_round,
)
from components.exports.plan_pages import plan_intro, plan_rows
from components.framework.model import Framework
from components.ingest.labels import assessment_labels
from components.scoring import scores as scoring
from components.scoring.peer_groups import PeerMedian
from components.scoring.peers import anonymise
from components.scoring.plans import plan_table
from components.scoring.tables import highlights_display
from components.ui.memo import Deferred
from components.ui.selection import comparison_labels, default_comparison, latest_of_each

PROJECTOR_HEIGHT = 420  # fits a 1280x720 screen with the slide title and the controls
PROJECTOR_FONT = 18
# A radar's axis labels on a projected slide, and the height a radar's slide adds for them: the
# slide's caption is short, so the circle takes what the table slides give to rows.
PROJECTOR_LABEL_FONT = 22
PROJECTOR_RADAR_EXTRA = 20
# A legend entry beside a projected chart: at most about 400 px at that size, which leaves
# the radar most of a 1280 px slide ("Median of 12 assessments of all other countries" fits).
PROJECTOR_LEGEND_CHARS = 48


# What a chart slide shows once made: its caption, its figure, and its numbers as a table.
ChartContent = tuple[str, go.Figure | None, pd.DataFrame | None]


@dataclass(frozen=True)
class Slide:
    """One slide: a title, what it rests on, and a figure or a table (or both).

    A chart's slide is made when it is first shown (``make`` gives its caption, figure and
    numbers): a deck of ten slides shows one at a time, so the others cost nothing until
    reached. ``numbers`` is a chart's text alternative: the same numbers as a table, offered
    under the slide (folded away, so the projected slide stays uncluttered).
    """

    title: str
    made_caption: str = ""
    made_figure: go.Figure | None = None
    table: pd.DataFrame | None = None
    make: Callable[[], ChartContent] | None = field(default=None, compare=False)
    _made: dict[str, ChartContent] = field(default_factory=dict, compare=False)
    made_numbers: pd.DataFrame | None = None
    # What the chart's exported picture is titled, where the slide's title leaves out what a
    # picture on its own needs (a domain slide's country and round); else the slide's title.
    picture_title: str = ""

    def _content(self) -> ChartContent:
        if self.make is None:
            return self.made_caption, self.made_figure, self.made_numbers
        if "content" not in self._made:
            self._made["content"] = self.make()
        return self._made["content"]

    @property
    def caption(self) -> str:
        return self._content()[0]

    @property
    def figure(self) -> go.Figure | None:
        return self._content()[1]

    @property
    def numbers(self) -> pd.DataFrame | None:
        """The chart's numbers as a table (None for a slide without a chart)."""
        return self._content()[2]

    @property
    def has_figure(self) -> bool:
        """Whether the slide is a chart, known without making it."""
        return self.make is not None or self.made_figure is not None


def chart_slide(title: str, make: Callable[[], ChartContent], *, picture_title: str = "") -> Slide:
    """A slide whose chart (and its caption and numbers) is made the first time it is shown."""
    return Slide(title, make=make, picture_title=picture_title)


def for_projector(
    figure: go.Figure, height: int = PROJECTOR_HEIGHT, *, narrow: bool = False
) -> go.Figure:
    """A copy of the figure with larger text and a height that fits a projected slide.

    ``narrow`` (a phone following the presentation) keeps the chart's own size and its
    legend below: beside the chart, a legend left a phone a radar of 40 pixels.
    """
    if narrow:
        return go.Figure(figure)
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
    for trace in big.data:
        # Beside the chart a long name would take the slide's width from the circle (a radar
        # shrank to 100 px): cut in the legend, whole in the hover and the caption.
        if trace.name:
            trace.name = escape(shorten(html.unescape(trace.name), PROJECTOR_LEGEND_CHARS))
    if any(trace.type == "scatterpolar" for trace in big.data):
        # A radar is as tall as the slide allows; its circle is what is left inside margins
        # made for its labels: two lines above and below, the widest line at either side (a
        # narrower slide, with the sidebar open, shrinks the circle, never cuts a label).
        big.update_layout(height=height + PROJECTOR_RADAR_EXTRA)
        _place_radar_legend(big, _radar_margins(big))
    big.update_xaxes(tickfont={"size": PROJECTOR_FONT - 2})
    big.update_yaxes(tickfont={"size": PROJECTOR_FONT - 2})
    big.update_polars(
        angularaxis={"tickfont": {"size": PROJECTOR_LABEL_FONT}},
        radialaxis={"tickfont": {"size": PROJECTOR_FONT - 4}},
    )
    return big


# What a legend entry takes beside its text (plotly: the symbol's 40 px, padding, a border),
# and a row of entries' height at the projected size.
_LEGEND_ENTRY_EXTRA_PX = 50
_LEGEND_ROW_PX = 30
# A slide's chart width on a 1280 px projector with the sidebar collapsed (as /present opens),
# and with it open (the narrowest a slide is drawn beside the sidebar).
PROJECTOR_CHART_PX = 1120
NARROWEST_SLIDE_PX = 820


def _legend_entries(figure: go.Figure) -> list[int]:
    """Pixels each entry of a projected figure's legend takes (none without a legend)."""
    if figure.layout.showlegend is False:
        return []
    return [
        math.ceil(text_width(html.unescape(str(t.name)), PROJECTOR_FONT) + _LEGEND_ENTRY_EXTRA_PX)
        for t in figure.data
        if t.name and t.showlegend is not False
    ]


def _place_radar_legend(figure: go.Figure, margin: dict[str, int]) -> None:
    """The radar's margins, with room of the legend's own so that it never covers a label.

    Beside the circle when that leaves the circle as wide as it is tall on a projected slide
    (short names); else under the labels of the lowest axis, in as many rows as its entries
    take on the narrowest slide (a long country name beside the circle took its room).
    """
    entries = _legend_entries(figure)
    if entries:
        circle = (figure.layout.height or 0) - margin["t"] - margin["b"]
        if PROJECTOR_CHART_PX - margin["l"] - margin["r"] - max(entries) >= circle:
            margin["r"] += max(entries)
            legend = {"xref": "container", "x": 1, "xanchor": "right"}
        else:
            # plotly wraps a legend under the plot at the plot's width (the circle's).
            wrap = NARROWEST_SLIDE_PX - margin["l"] - margin["r"]
            rows, used = 1, 0
            for entry in entries:
                if used and used + entry > wrap:
                    rows, used = rows + 1, 0
                used += entry
            margin["b"] += rows * _LEGEND_ROW_PX + 8
            legend = {
                "orientation": "h",
                "xref": "container",
                "x": 0.5,
                "xanchor": "center",
                "yref": "container",
                "y": 0,
                "yanchor": "bottom",
            }
        figure.update_layout(legend=legend)
    figure.update_layout(margin=margin)


def _radar_margins(figure: go.Figure) -> dict[str, int]:
    """Margins just wide enough for a projected radar's axis labels at their projected size:
    the widest line at either side, and above and below as many lines as the labels there."""
    labels = [
        [html.unescape(line) for line in str(label).split("<br>")]
        for label in figure.layout.polar.angularaxis.ticktext or ()
    ]
    side = label_margin([ln for lines in labels for ln in lines], PROJECTOR_LABEL_FONT, at_least=80)
    # The first axis points up and the others follow clockwise: a label's height on the circle.
    heights = [math.cos(2 * math.pi * i / max(len(labels), 1)) for i in range(len(labels))]
    top = max((len(lines) for lines, h in zip(labels, heights, strict=True) if h > 0.7), default=1)
    low = max((len(lines) for lines, h in zip(labels, heights, strict=True) if h < -0.7), default=1)
    line = math.ceil(PROJECTOR_LABEL_FONT * 1.25)
    # Beyond the text: the labels' 14 px off the rim (radar.py's ticklen) and a little air.
    return {"t": top * line + 24, "b": low * line + 24, "l": side + 10, "r": side + 10}


def country_slides(
    capabilities: pd.DataFrame,
    framework: Framework,
    labels: Mapping[str, str],
    focus_id: str,
    peer_median: PeerMedian | None = None,
    *,
    anonymised: bool = False,
    narrow: bool = False,
    plans: pd.DataFrame | None = None,
) -> list[Slide]:
    """The overview radar, each domain's radar, the heatmap beside peers, what changed since
    the previous round (when there is one), the gaps, the action plan (when the assessment
    has one in ``plans``) and the strengths."""
    name = labels[focus_id]
    peers = peer_ids(capabilities, focus_id)

    def overview() -> ChartContent:
        view = profile_radar(
            capabilities, framework, labels, focus_id, peers=peer_median, narrow=narrow
        )
        return view.caption, for_projector(view.figure, narrow=narrow), view.table

    def pillar(domain_id: str) -> ChartContent:
        views = pillar_radars(
            capabilities, framework, labels, focus_id, domain_ids={domain_id}, narrow=narrow
        )
        view = views[domain_id]
        return view.caption, for_projector(view.figure, narrow=narrow), view.table

    slides = [chart_slide(f"{name}: the six domains", overview)]
    for domain in framework.domains:
        slides.append(
            chart_slide(
                domain.name,
                lambda domain_id=domain.id: pillar(domain_id),
                picture_title=f"{name}: {domain.name}",
            )
        )
    slides.append(
        chart_slide(
            f"{name} beside {len(peers)} other countries" if peers else f"{name}: every capability",
            lambda: _heatmap_slide(
                capabilities,
                framework,
                labels,
                focus_id,
                peers,
                anonymised=anonymised,
                narrow=narrow,
            ),
        )
    )
    return [*slides, *_table_slides(capabilities, framework, labels, focus_id, plans)]


def _heatmap_slide(
    capabilities: pd.DataFrame,
    framework: Framework,
    labels: Mapping[str, str],
    focus_id: str,
    peers: list[str],
    *,
    anonymised: bool,
    narrow: bool,
) -> ChartContent:
    """The focus assessment beside the latest of every other country, for a slide."""
    name = labels[focus_id]
    if anonymised:
        # Peers become "Country A, B, …" in an order that says nothing about their names or
        # scores (their ids are hashes); the focus country keeps its name and comes first.
        peers = sorted(peers)
        aliases = anonymise(peers, None)
        heatmap_labels = {focus_id: name, **aliases}
        heatmap = heatmap_view(
            capabilities,
            framework,
            heatmap_labels,
            [focus_id, *peers],
            sort_by="given",
            narrow=narrow,
        )
    else:
        heatmap = heatmap_view(capabilities, framework, labels, [focus_id, *peers], narrow=narrow)
    # A tall heatmap keeps its own height (one readable row per assessment).
    height = max(PROJECTOR_HEIGHT, heatmap.figure.layout.height or 0)
    return (
        heatmap.caption,
        for_projector(heatmap.figure, height=height, narrow=narrow),
        heatmap.table,
    )


def _table_slides(
    capabilities: pd.DataFrame,
    framework: Framework,
    labels: Mapping[str, str],
    focus_id: str,
    plans: pd.DataFrame | None,
) -> list[Slide]:
    """What changed since the previous round (when there is one), the gaps, the action plan
    (when there is one), the strengths."""
    name = labels[focus_id]
    slides = []
    since = since_previous_round(capabilities, framework, labels, focus_id)
    if since is not None:
        slides.append(
            Slide(
                f"What changed since {labels[since.earlier_id]}",
                since.caption,
                table=since.table,
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
    plan = plan_slide(capabilities, plans, framework, focus_id, name)
    if plan is not None:
        slides.append(plan)
    slides.append(
        Slide(
            f"{name}: strengths to build on",
            "The highest levels among the assessed capabilities.",
            table=highlights_display(strengths),
        )
    )
    return slides


def plan_slide(
    capabilities: pd.DataFrame,
    plans: pd.DataFrame | None,
    framework: Framework,
    focus_id: str,
    name: str,
) -> Slide | None:
    """The action plan on one slide: priorities, owners, dates (actions left to the brief);
    None when the assessment has no plan."""
    if plans is None:
        return None
    plan = plan_table(capabilities, plans, focus_id, framework, datetime.date.today())
    if plan.empty:
        return None
    rows = plan_rows(plan).drop(columns=["Actions"])
    return Slide(f"{name}: the action plan", plan_intro(plan), table=rows)


def comparison_slides(
    capabilities: pd.DataFrame,
    framework: Framework,
    labels: Mapping[str, str],
    assessment_ids: Sequence[str],
    focus_id: str | None,
    *,
    narrow: bool = False,
) -> list[Slide]:
    """Grouped bars, the radar overlay and the differences, for two or more assessments."""
    bars, radar, differences = comparison_views(
        capabilities, framework, labels, assessment_ids, focus_id, narrow=narrow
    )
    return [
        Slide(
            "Domain scores side by side",
            bars.caption,
            for_projector(bars.figure, narrow=narrow),
            made_numbers=bars.table,
        ),
        Slide(
            "The same scores as shapes",
            radar.caption,
            for_projector(radar.figure, narrow=narrow),
            made_numbers=radar.table,
        ),
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


PRESENT_MODES = ("country", "comparison")
COMPARISON_LABEL = "A comparison"


@dataclass(frozen=True)
class Deck:
    """A presentation: its slides, and the assessments they show with their labels.

    ``comparison`` is False when the country is presented, also when a comparison was asked
    for with fewer than two countries (there is nothing to compare yet).
    """

    slides: list[Slide]
    labels: dict[str, str]  # assessment id -> label on the slides (anonymised when asked)
    assessment_ids: list[str]  # the presented country's assessment, or the compared ones
    focus_id: str | None  # the sidebar's assessment, when it is on the slides
    country_label: str  # the sidebar's assessment, named for the mode picker
    comparison: bool

    @property
    def mode_labels(self) -> dict[str, str]:
        """What the mode picker says for each mode."""
        return {"country": self.country_label, "comparison": COMPARISON_LABEL}

    @property
    def figures(self) -> Mapping[str, go.Figure]:
        """The slides' charts for the hand-outs, named by slide number ("slide-01", …).

        Made only when a hand-out asks for them (slides not yet shown have no chart yet).
        """
        charts = {
            f"slide-{index:02d}": slide
            for index, slide in enumerate(self.slides, start=1)
            if slide.has_figure
        }
        return Deferred(list(charts), lambda: {name: s.figure for name, s in charts.items()})

    @property
    def titles(self) -> dict[str, str]:
        """Each hand-out picture's title, by the names of ``figures``: what it shows."""
        shown = ", ".join(self.labels[i] for i in self.assessment_ids) if self.comparison else ""
        return {
            f"slide-{index:02d}": (
                slide.picture_title or (f"{slide.title}: {shown}" if shown else slide.title)
            )
            for index, slide in enumerate(self.slides, start=1)
            if slide.has_figure
        }


def comparison_countries(
    saved: Sequence[str] | None, countries: Sequence[str], focus_country: str | None
) -> list[str]:
    """The countries a comparison shows: the person's choice, else the default comparison.

    A saved choice loses countries whose data has since left the session.
    """
    if saved is None:
        return default_comparison(countries, focus_country)
    return [country for country in saved if country in countries]


def build_deck(
    capabilities: pd.DataFrame,
    framework: Framework,
    focus_id: str,
    focus_country: str | None,
    *,
    mode: str,
    countries: Sequence[str],
    anonymised: bool = False,
    peer_median: PeerMedian | None = None,
    narrow: bool = False,
    plans: pd.DataFrame | None = None,
) -> Deck:
    """The slides for the chosen mode: the focus country's, or the latest round of each country.

    A comparison needs two countries; with fewer, the country's own slides are shown.
    ``anonymised`` names only the focus country (in a comparison, and on a country's heatmap
    slide); ``peer_median`` is drawn on a country's overview radar; ``narrow`` gives the
    charts their phone layout; ``plans`` adds the country's action plan slide.
    """
    labels = assessment_labels(capabilities)
    if mode == "comparison" and len(countries) >= 2:
        ids, focus = latest_of_each(capabilities, countries, focus_country)
        shown = comparison_labels(
            capabilities, ids, countries, focus_country, anonymised=anonymised
        )
        return Deck(
            slides=comparison_slides(capabilities, framework, shown, ids, focus, narrow=narrow),
            labels=shown,
            assessment_ids=ids,
            focus_id=focus,
            country_label=labels[focus_id],
            comparison=True,
        )
    return Deck(
        slides=country_slides(
            capabilities,
            framework,
            labels,
            focus_id,
            peer_median,
            anonymised=anonymised,
            narrow=narrow,
            plans=plans,
        ),
        labels=labels,
        assessment_ids=[focus_id],
        focus_id=focus_id,
        country_label=labels[focus_id],
        comparison=False,
    )
