"""Presentation mode, table-driven: which slides a country or a comparison gets, and which is shown.

The slide list and the slide number are what a facilitator sees on the projector: the tests
check titles, order, labels and the number on screen, not how they are computed.
"""

from __future__ import annotations

import html
from functools import cache

import pandas as pd
import plotly.graph_objects as go
import pytest

from components.charts.radar import capability_radar
from components.charts.text_width import text_width
from components.framework.model import default_framework
from components.ui.present import Deck, build_deck, comparison_countries, for_projector
from components.ui.slides import clamp_slide, slide_to_show
from tests.factories import capability_rows

FRAMEWORK = default_framework()
DOMAINS = [domain.name for domain in FRAMEWORK.domains]
COMPARISON_TITLES = [
    "Domain scores side by side",
    "The same scores as shapes",
    "Differences per domain",
]


CAPABILITIES = pd.concat(
    [
        capability_rows("z1", "Zembla", 2020, {1: 1, 2: 2, 8: 1}),
        capability_rows("z2", "Zembla", 2024, {1: 2, 2: 3, 8: 2, 12: 4}),
        capability_rows("k1", "Kenya", 2023, {1: 3, 4: 2}),
        capability_rows("b1", "Belmora", 2022, {1: 0, 13: 4}),
    ],
    ignore_index=True,
)


@cache
def deck(
    focus_id: str,
    mode: str,
    countries: tuple[str, ...] = (),
    *,
    anonymised: bool = False,
) -> Deck:
    """A deck drawn once per set of choices (its charts take a few seconds)."""
    return build_deck(
        CAPABILITIES,
        FRAMEWORK,
        focus_id,
        "Zembla",  # the sidebar's country
        mode=mode,
        countries=list(countries),
        anonymised=anonymised,
    )


def country_titles(name: str, peers: int, since: str | None = None) -> list[str]:
    beside = f"{name} beside {peers} other countries" if peers else f"{name}: every capability"
    return [
        f"{name}: the six domains",
        *DOMAINS,
        beside,
        *([f"What changed since {since}"] if since else []),
        f"{name}: gaps to work on",
        f"{name}: strengths to build on",
    ]


@pytest.mark.parametrize(
    ("focus_id", "mode", "countries", "anonymised", "titles", "shown"),
    [
        pytest.param(
            "z2",
            "country",
            [],
            False,
            country_titles("Zembla 2024", 2, since="Zembla 2020"),
            ["Zembla 2024"],
            id="a country: eleven slides, beside the other countries, since its last round",
        ),
        pytest.param(
            "z1",
            "country",
            [],
            False,
            country_titles("Zembla 2020", 2),
            ["Zembla 2020"],
            id="the first round of the country: nothing to compare with",
        ),
        pytest.param(
            "z2",
            "comparison",
            ["Zembla", "Kenya"],
            False,
            COMPARISON_TITLES,
            ["Zembla 2024", "Kenya 2023"],
            id="a comparison: three slides, latest round of each",
        ),
        pytest.param(
            "z1",
            "comparison",
            ["Kenya", "Zembla", "Belmora"],
            False,
            COMPARISON_TITLES,
            ["Kenya 2023", "Zembla 2024", "Belmora 2022"],
            id="a comparison keeps the chosen order and the latest rounds",
        ),
        pytest.param(
            "z2",
            "comparison",
            ["Zembla", "Kenya", "Belmora"],
            True,
            COMPARISON_TITLES,
            ["Zembla 2024", "Country A", "Country B"],
            id="anonymised: only the focus country is named",
        ),
        pytest.param(
            "z2",
            "comparison",
            ["Kenya"],
            False,
            country_titles("Zembla 2024", 2, since="Zembla 2020"),
            ["Zembla 2024"],
            id="a comparison of one country shows the country",
        ),
        pytest.param(
            "z2",
            "comparison",
            [],
            False,
            country_titles("Zembla 2024", 2, since="Zembla 2020"),
            ["Zembla 2024"],
            id="a comparison of none shows the country",
        ),
    ],
)
def test_the_slides_for_each_mode(focus_id, mode, countries, anonymised, titles, shown):
    presented = deck(focus_id, mode, tuple(countries), anonymised=anonymised)
    assert [slide.title for slide in presented.slides] == titles
    assert presented.comparison is (titles == COMPARISON_TITLES)
    assert [presented.labels[i] for i in presented.assessment_ids] == shown
    # The mode picker always names the sidebar's assessment, even in an anonymised comparison.
    assert presented.mode_labels == {
        "country": {"z1": "Zembla 2020", "z2": "Zembla 2024"}[focus_id],
        "comparison": "A comparison",
    }


@pytest.mark.parametrize(
    ("mode", "countries", "focus"),
    [
        ("comparison", ["Zembla", "Kenya"], "z2"),
        ("comparison", ["Kenya", "Belmora"], None),
        ("country", [], "z2"),
    ],
    ids=["focus compared", "focus not among the countries", "country"],
)
def test_differences_are_to_the_focus_only_when_it_is_compared(mode, countries, focus):
    presented = deck("z2", mode, tuple(countries))
    assert presented.focus_id == focus
    if presented.comparison:
        caption = presented.slides[-1].caption
        assert ("difference to Zembla 2024" in caption) is (focus is not None)


@pytest.mark.parametrize(
    ("mode", "countries", "handouts"),
    [
        ("country", [], [f"slide-{n:02d}" for n in range(1, 9)]),  # gaps and strengths: tables
        ("comparison", ["Zembla", "Kenya"], ["slide-01", "slide-02"]),
    ],
)
def test_handouts_carry_each_slides_chart(mode, countries, handouts):
    assert list(deck("z2", mode, tuple(countries)).figures) == handouts


@pytest.mark.parametrize(
    ("saved", "expected"),
    [
        (None, ["Zembla", "Arvenia", "Belmora", "Fenmark"]),  # the focus, then alphabetically
        (["Kenya", "Zembla"], ["Kenya", "Zembla"]),
        (["Kenya", "Gone", "Zembla"], ["Kenya", "Zembla"]),  # its data left the session
        ([], []),
    ],
    ids=["default", "chosen", "removed data", "none chosen"],
)
def test_countries_of_a_comparison(saved, expected):
    countries = ["Arvenia", "Belmora", "Fenmark", "Kenya", "Zembla"]
    assert comparison_countries(saved, countries, "Zembla") == expected


@pytest.mark.parametrize(
    ("stored", "link", "count", "shown", "notice"),
    [
        pytest.param(None, None, 10, 1, None, id="a new presentation starts at slide 1"),
        pytest.param(4, None, 10, 4, None, id="a rerun keeps the slide"),
        pytest.param(11, None, 10, 10, None, id="Next past the end stays on the last"),
        pytest.param(0, None, 10, 1, None, id="Previous before the start stays on the first"),
        pytest.param(8, None, 3, 3, None, id="switching to a shorter deck: its last slide"),
        pytest.param(None, {"slide": "3"}, 10, 3, None, id="a link opens its slide"),
        pytest.param(7, {"slide": " 10 "}, 10, 10, None, id="a link wins over the slide shown"),
        pytest.param(7, {"country": "Arvenia"}, 10, 7, None, id="a link without a slide"),
        pytest.param(
            5,
            {"slide": "11"},
            10,
            1,
            "The link's slide “11” does not exist; this presentation has 10 slides. Starting "
            "at the first.",
            id="a link past the end starts at the first, with a notice",
        ),
        pytest.param(
            None,
            {"slide": "0"},
            3,
            1,
            "The link's slide “0” does not exist; this presentation has 3 slides. Starting at "
            "the first.",
            id="slide 0 does not exist",
        ),
        pytest.param(
            None,
            {"slide": "[next](https://e.org)"},
            10,
            1,
            "The link's slide “\\[next\\]\\(https\\:\u2060\\/\\/e\\.org\\)” does not exist; this "
            "presentation has 10 slides. Starting at the first.",
            id="text from a link stays text",
        ),
    ],
)
def test_which_slide_is_shown(stored, link, count, shown, notice):
    assert slide_to_show(stored, link, count) == (shown, notice)


@pytest.mark.parametrize(
    ("target", "count", "shown"),
    [(1, 10, 1), (0, 10, 1), (-3, 10, 1), (5, 10, 5), (10, 10, 10), (11, 10, 10), (4, 3, 3)],
)
def test_previous_and_next_stay_within_the_deck(target, count, shown):
    assert clamp_slide(target, count) == shown


@pytest.mark.parametrize(
    ("anonymised", "rows"),
    [
        (False, ["Belmora 2022", "Kenya 2023", "Zembla 2024"]),
        (True, ["Zembla 2024", "Country A", "Country B"]),
    ],
)
def test_the_heatmap_slide_can_be_anonymised_like_the_comparison(anonymised, rows):
    presented = deck("z2", "country", anonymised=anonymised)
    (heatmap,) = [s for s in presented.slides if s.title == "Zembla 2024 beside 2 other countries"]
    shown = list(heatmap.figure.layout.yaxis.ticktext)
    assert sorted(shown) == sorted(rows)
    if anonymised:
        assert shown[0] == "Zembla 2024"  # the focus first; peers in an order that says nothing
        text = heatmap.figure.to_json() + heatmap.caption
        assert "Kenya" not in text
        assert "Belmora" not in text


def test_a_country_with_a_plan_gets_a_plan_slide_after_its_gaps():
    from tests.factories import plan_rows

    plans = plan_rows(
        "z2",
        {8: {"priority": "high", "target_level": 3, "lead": "Police", "actions": "Train"}},
    )
    args = (CAPABILITIES, FRAMEWORK, "z2", "Zembla")
    with_plan = build_deck(*args, mode="country", countries=[], plans=plans)
    titles = [slide.title for slide in with_plan.slides]
    gaps = titles.index("Zembla 2024: gaps to work on")
    assert titles[gaps + 1] == "Zembla 2024: the action plan"
    slide = with_plan.slides[gaps + 1]
    assert slide.table["Lead"].tolist() == ["Police"]
    assert "Actions" not in slide.table.columns  # on a projector: priorities, owners, dates
    # Another round's plan is not this round's.
    other = build_deck(
        CAPABILITIES, FRAMEWORK, "z1", "Zembla", mode="country", countries=[], plans=plans
    )
    assert not any("action plan" in slide.title for slide in other.slides)


MEDIAN = "Median of 12 assessments of all other countries"
LONG = "Verylongname" * 4


@pytest.mark.parametrize(
    ("name", "in_legend"),
    [
        ("Zembla 2024", "Zembla 2024"),
        (MEDIAN, MEDIAN),  # the peer median's name fits whole
        ("Republic of " + "Verylongname" * 4 + " 2023", "Republic of " + LONG[:35] + "…"),
        ("A &amp; B " + "x" * 60, "A &amp; B " + "x" * 41 + "…"),  # cut as text, not entities
    ],
)
def test_a_projected_legend_keeps_long_names_short_and_the_hover_whole(name, in_legend):
    figure = go.Figure(
        go.Scatterpolar(r=[1, 2, 3], theta=list("abc"), name=name, customdata=[[name]] * 3)
    )
    projected = for_projector(figure)
    assert projected.data[0].name == in_legend
    assert projected.data[0].customdata[0][0] == name  # the hover names it in full


def _projected_radars() -> list[tuple[str, go.Figure]]:
    shown = deck("z2", "country")
    return [
        (slide.title, slide.figure)
        for slide in shown.slides
        if slide.figure is not None and any(t.type == "scatterpolar" for t in slide.figure.data)
    ]


def test_a_projected_radar_is_large_with_large_labels_that_fit_its_margins():
    radars = _projected_radars()
    # The overview and every domain with three capabilities or more (Media and Communications,
    # with two, is bars).
    assert [title for title, _ in radars][1:] == DOMAINS[:-1]
    for title, figure in radars:
        layout = figure.layout
        margin = layout.margin
        assert layout.polar.angularaxis.tickfont.size >= 22, title
        # The circle: what the margins leave of the slide's height (1280x720 projector).
        assert layout.height - margin.t - margin.b >= 280, title  # was 260, labels squeezed
        assert layout.height <= 440, title  # with the title, caption and controls on screen
        lines = [
            line
            for label in layout.polar.angularaxis.ticktext
            for line in html.unescape(label).split("<br>")
        ]
        widest = max(text_width(line, 22) for line in lines)
        # Each side holds the widest label whole, however narrow the slide (sidebar open).
        assert margin.l >= widest + 14, (title, widest, margin)
        assert margin.r >= widest + 14, (title, widest, margin)
        top = len(layout.polar.angularaxis.ticktext[0].split("<br>"))
        assert margin.t >= top * 22 * 1.2 + 14, title


def test_media_and_communications_keeps_its_first_letter_on_a_narrow_slide():
    _, overview = _projected_radars()[0]
    # "Communications" is the widest word of the overview's labels, on its left.
    assert overview.layout.margin.l >= text_width("Communications", 22) + 14


DRC = "Congo, The Democratic Republic of the 2021 (Midline)"


@pytest.mark.parametrize(
    "name",
    ["Kenya 2023", DRC, "Saint Vincent and the Grenadines 2024 (Endline)", MEDIAN, "Ω" * 60],
)
def test_a_projected_radar_s_legend_never_covers_a_capability_label(name):
    """Slide 3 of a long-named country: the legend beside the radar had the right-hand
    label's room ("5 · Juc" / "Prosec" on screen, nothing in the PNG)."""
    table = capability_rows("c1", "Congo", 2021, {4: 1, 5: 4, 7: 2})  # 6 not assessed
    radar = capability_radar(table, FRAMEWORK, "criminal-justice", name=name)
    projected = for_projector(radar)
    layout = projected.layout
    lines = [
        line
        for label in layout.polar.angularaxis.ticktext
        for line in html.unescape(label).split("<br>")
    ]
    label_room = max(text_width(line, 22) for line in lines) + 14
    entries = [html.unescape(t.name) for t in projected.data if t.showlegend is not False]
    assert "Not assessed" in entries
    widths = [text_width(entry, 18) + 40 for entry in entries]  # plotly: symbol and gap
    margin, legend = layout.margin, layout.legend
    assert margin.l >= label_room
    if legend.orientation == "h":
        # Under the lowest label, at the figure's bottom edge, in rows of its own; plotly
        # wraps it at the plot's width (820 px: a slide with the sidebar open).
        assert (legend.yref, legend.y, legend.yanchor) == ("container", 0, "bottom")
        low = len(layout.polar.angularaxis.ticktext[2].split("<br>"))
        one_row = sum(widths) <= 820 - margin.l - margin.r
        rows = 1 if one_row else len(widths)
        assert margin.b >= low * 22 * 1.2 + 14 + rows * 27, (margin, rows)
        assert name == DRC or len(name) > 30
    else:
        # At the figure's right edge, in room of its own beyond the labels'.
        assert (legend.xref, legend.x, legend.xanchor) == ("container", 1, "right")
        assert margin.r >= label_room + max(widths), (margin, label_room, widths)
        # Beside the circle only when the circle stays as wide as it is tall (1120 px slide).
        assert 1120 - margin.l - margin.r >= layout.height - margin.t - margin.b
    assert layout.height - margin.t - margin.b >= 200  # the circle stays large


def test_a_projected_radar_without_a_legend_keeps_its_room_for_the_circle():
    table = capability_rows("c1", "Congo", 2021, {4: 1, 5: 4, 6: 0, 7: 2})
    projected = for_projector(capability_radar(table, FRAMEWORK, "criminal-justice"))
    assert projected.layout.showlegend is False
    assert projected.layout.margin.r == projected.layout.margin.l


@pytest.mark.parametrize(
    ("mode", "countries", "titles"),
    [
        (
            "country",
            [],
            {
                "slide-01": "Zembla 2024: the six domains",
                "slide-02": "Zembla 2024: Policy and Governance",
                "slide-04": "Zembla 2024: Victim",
                "slide-08": "Zembla 2024 beside 2 other countries",
            },
        ),
        (
            "comparison",
            ["Zembla", "Kenya"],
            {
                "slide-01": "Domain scores side by side: Zembla 2024, Kenya 2023",
                "slide-02": "The same scores as shapes: Zembla 2024, Kenya 2023",
            },
        ),
    ],
)
def test_each_handout_picture_is_titled_with_what_it_shows(mode, countries, titles):
    shown = deck("z2", mode, tuple(countries))
    assert list(shown.titles) == list(shown.figures)
    for name, title in titles.items():
        assert shown.titles[name] == title
