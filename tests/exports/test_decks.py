"""The PowerPoint decks: slides, native charts with the page's numbers, tables, safe text."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from components.exports.brief import FICTIONAL_FOOTER
from components.exports.decks import comparison_deck_pptx, country_deck_pptx
from components.framework.palette import NOT_ASSESSED_COLOUR, level_colours
from components.scoring import scores as scoring
from tests.exports.samples import FRAMEWORK


def _charts(slide):
    return [shape.chart for shape in slide.shapes if shape.has_chart]


def _tables(slide):
    return [shape.table for shape in slide.shapes if shape.has_table]


def _slide_text(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def _scores(capabilities, assessment_id):
    """The domain scores the pages show, as the chart's values (a blank is ``None``)."""
    scores = scoring.domain_scores(
        capabilities[capabilities["assessment_id"] == assessment_id], FRAMEWORK
    )
    return [None if pd.isna(s) else pytest.approx(float(s)) for s in scores["score"]]


@pytest.fixture(scope="module")
def demo_deck(demo, demo_labels, demo_id):
    data = country_deck_pptx(
        demo.capabilities, demo.enablers, FRAMEWORK, demo_id, demo_labels, fictional=True
    )
    return Presentation(io.BytesIO(data))


def test_deck_has_a_slide_per_chart(demo_deck):
    slides = list(demo_deck.slides)
    # title, domain radar, six domains, all capabilities, strengths and gaps
    assert len(slides) == 2 + len(FRAMEWORK.domains) + 2
    assert demo_deck.slide_width * 9 == demo_deck.slide_height * 16
    titles = [slide.shapes.title.text for slide in slides]
    assert titles[1] == "Domain profile"
    assert titles[2 : 2 + len(FRAMEWORK.domains)] == [d.name for d in FRAMEWORK.domains]
    assert titles[-2:] == ["All capabilities at a glance", "Strengths and gaps"]


def test_deck_domain_radar_is_native_with_the_domain_scores(demo, demo_deck, demo_id):
    (chart,) = _charts(demo_deck.slides[1])
    assert chart.chart_type == XL_CHART_TYPE.RADAR_MARKERS
    plot = chart.plots[0]
    assert list(plot.categories) == [d.name for d in FRAMEWORK.domains]
    (series,) = plot.series
    assert series.name == "Arvenia 2019 (Baseline)"
    assert list(series.values) == _scores(demo.capabilities, demo_id)
    assert chart.value_axis.minimum_scale == 0
    assert chart.value_axis.maximum_scale == FRAMEWORK.scale.maximum


def test_deck_domain_slides_chart_every_capability_level(demo, demo_deck, demo_id):
    table = scoring.capability_table(demo.capabilities, demo_id, FRAMEWORK)
    for slide, domain in zip(list(demo_deck.slides)[2:8], FRAMEWORK.domains, strict=True):
        (chart,) = _charts(slide)
        rows = table[table["domain"] == domain.id]
        expected = [None if pd.isna(v) else float(v) for v in rows["level"]]
        # A radar needs three corners; a domain of two capabilities is drawn as bars.
        if len(rows) >= 3:
            assert chart.chart_type == XL_CHART_TYPE.RADAR_MARKERS
        else:
            assert chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
        assert list(chart.plots[0].series[0].values) == expected
        assert "capabilities assessed in this domain" in _slide_text(slide)
    criminal_justice = _slide_text(demo_deck.slides[3])
    assert "Not assessed (a blank point, not 0): 7 · Access to Image Databases" in criminal_justice


def test_deck_overview_table_colours_levels(demo, demo_deck, demo_id):
    tables = _tables(demo_deck.slides[-2])
    assert len(tables) == 2
    cells = {
        table.cell(row, 0).text: table.cell(row, 1)
        for table in tables
        for row in range(1, len(table.rows))
    }
    assert len(cells) == len(FRAMEWORK.capabilities)
    missing = cells["7 · Access to Image Databases"]
    assert missing.text == "Not assessed"
    assert str(missing.fill.fore_color.rgb) == NOT_ASSESSED_COLOUR.lstrip("#").upper()
    leadership = cells["1 · Leadership"]
    level = int(
        demo.capabilities.query("assessment_id == @demo_id and capability == 1")["level"].iloc[0]
    )
    assert leadership.text.startswith(f"{level} · ")
    assert str(leadership.fill.fore_color.rgb) == level_colours(FRAMEWORK.scale)[level].lstrip("#")


def test_deck_gaps_are_native_bars_of_the_lowest_levels(demo, demo_deck, demo_id):
    _, gaps = scoring.strengths_and_gaps(demo.capabilities, demo_id, FRAMEWORK)
    gap_chart, strength_chart = _charts(demo_deck.slides[-1])
    assert gap_chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    assert list(gap_chart.plots[0].series[0].values) == [float(v) for v in gaps["level"]]
    assert strength_chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    assert "never a gap" in _slide_text(demo_deck.slides[-1])


def test_deck_says_fictional_on_the_title_and_every_footer(demo_deck):
    slides = list(demo_deck.slides)
    assert "Fictional data." in _slide_text(slides[0])
    for slide in slides:
        footer = next(shape for shape in slide.shapes if shape.name == "Footer")
        assert FICTIONAL_FOOTER in footer.text_frame.text


def test_deck_missing_domain_is_a_blank_point_not_zero(hostile):
    capabilities, enablers = hostile
    data = country_deck_pptx(capabilities, enablers, FRAMEWORK, "hostile-1", {}, fictional=False)
    deck = Presentation(io.BytesIO(data))
    (chart,) = _charts(deck.slides[1])
    values = list(chart.plots[0].series[0].values)
    assert values == _scores(capabilities, "hostile-1")
    assert values[-1] is None  # Media and Communications: nothing assessed
    media = _charts(deck.slides[7])[0]
    assert list(media.plots[0].series[0].values) == [None, None]
    for slide in deck.slides:
        assert "fictional" not in _slide_text(slide).casefold()


def test_deck_keeps_user_text_plain_and_chart_data_formula_free(hostile):
    capabilities, enablers = hostile
    label = '=HYPERLINK("http://example.invalid","<b>x</b>")'
    data = country_deck_pptx(
        capabilities, enablers, FRAMEWORK, "hostile-1", {"hostile-1": label}, fictional=False
    )
    deck = Presentation(io.BytesIO(data))
    assert label in _slide_text(deck.slides[0])  # shown as text, nothing interpreted
    (chart,) = _charts(deck.slides[1])
    assert chart.plots[0].series[0].name == "'" + label
    workbook = openpyxl.load_workbook(io.BytesIO(chart.part.chart_workbook.xlsx_part.blob))
    sheet = workbook.active
    assert sheet["B1"].data_type == "s"
    assert sheet["B1"].value == "'" + label


@pytest.fixture(scope="module")
def comparison(demo, demo_labels):
    ids = list(demo_labels)[:5]
    data = comparison_deck_pptx(
        demo.capabilities, FRAMEWORK, ids, demo_labels, fictional=True, focus_id=ids[0]
    )
    return ids, Presentation(io.BytesIO(data))


def test_comparison_deck_has_bars_radar_and_differences(demo, demo_labels, comparison):
    ids, deck = comparison
    slides = list(deck.slides)
    assert len(slides) == 4
    assert "5 assessments" in _slide_text(slides[0])
    (bars,) = _charts(slides[1])
    assert bars.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    assert [s.name for s in bars.plots[0].series] == [demo_labels[i] for i in ids]
    for series, assessment_id in zip(bars.plots[0].series, ids, strict=True):
        assert list(series.values) == _scores(demo.capabilities, assessment_id)
    (radar,) = _charts(slides[2])
    assert radar.chart_type == XL_CHART_TYPE.RADAR_MARKERS
    assert len(radar.plots[0].series) == 4  # at most four shapes stay readable
    (table,) = _tables(slides[3])
    header = [table.cell(0, c).text for c in range(len(table.columns))]
    assert header[:6] == ["Domain", *[demo_labels[i] for i in ids]]
    assert f"{demo_labels[ids[1]]}: difference" in header
    assert table.cell(1, 0).text == FRAMEWORK.domains[0].name
    for slide in slides:
        assert FICTIONAL_FOOTER in _slide_text(slide)


def test_comparison_deck_of_one_says_one_assessment(demo, demo_labels):
    data = comparison_deck_pptx(
        demo.capabilities, FRAMEWORK, list(demo_labels)[:1], demo_labels, fictional=True
    )
    title = _slide_text(Presentation(io.BytesIO(data)).slides[0])
    assert "1 assessment\n" in title


def test_comparison_deck_needs_a_list_of_ids(demo, demo_labels):
    with pytest.raises(TypeError):
        comparison_deck_pptx(demo.capabilities, FRAMEWORK, "abc", demo_labels, fictional=True)
    with pytest.raises(ValueError, match="at least one"):
        comparison_deck_pptx(demo.capabilities, FRAMEWORK, [], demo_labels, fictional=True)


def test_deck_of_a_later_round_says_what_changed_like_for_like(demo, demo_labels):
    from components.charts.views import since_previous_round

    later = next(i for i, label in demo_labels.items() if label.startswith("Arvenia 2021"))
    data = country_deck_pptx(
        demo.capabilities, demo.enablers, FRAMEWORK, later, demo_labels, fictional=True
    )
    slides = list(Presentation(io.BytesIO(data)).slides)
    titles = [slide.shapes.title.text for slide in slides]
    assert titles[2] == "Since the previous round"
    (frame,) = [shape for shape in slides[2].shapes if shape.has_table]
    shown = [[cell.text for cell in row.cells] for row in frame.table.rows]
    since = since_previous_round(demo.capabilities, FRAMEWORK, demo_labels, later)
    assert shown[0] == list(since.table.columns)
    assert [row[-1] for row in shown[1:]] == since.table["Change (like for like)"].tolist()
    assert all(" over " in row[-1] or row[-1].startswith("no change") for row in shown[1:])
    assert shown[-1][0] == "All capabilities"
