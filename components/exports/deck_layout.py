"""The decks' slides and native shapes (python-pptx): a 16:9 deck with a footer on every
slide, captions sized to fit, and editable radar charts, bar charts and level-coloured tables.

User text is plain text in PowerPoint (python-pptx writes it as XML text). Chart series
names and categories also go into each chart's embedded workbook, so they are neutralised
like any spreadsheet cell. A missing value is a blank point or no bar, never 0.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_MARKER_STYLE,
)
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from components.exports.brief import FICTIONAL_FOOTER, level_fill
from components.exports.safe_text import neutralise_formula, one_line
from components.framework.model import Framework
from components.framework.palette import DOMAIN_PALETTE, level_colours, text_colour_on
from components.ingest.demo import DEMO_NOTICE

SLIDE_W = Emu(12_192_000)  # 13.333 in: exactly 16:9 with the 7.5 in height
SLIDE_H = Inches(7.5)
LEFT = Inches(0.5)
CONTENT_TOP = Inches(1.25)
CONTENT_W = SLIDE_W - 2 * LEFT
CAPTION_TOP = Inches(6.15)
FOOTER_TOP = Inches(6.95)
CHART_H = Inches(4.8)
_LAYOUT_TITLE = 0
_LAYOUT_TITLE_ONLY = 5
_GREY = RGBColor(0x55, 0x55, 0x55)
# (longest caption in characters, font size) that fits the 0.8 inch under a chart.
_CAPTION_SIZES = ((360, 14), (560, 11), (900, 9))
_WARNING_RGB = RGBColor(0xB3, 0x5C, 0x00)

Box = tuple[Emu, Emu, Emu, Emu]


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def _chart_text(value: object) -> str:
    """Text for a chart's series name or category: it also goes into the chart's embedded
    workbook, where python-pptx's writer would turn "=..." into a live formula."""
    return str(neutralise_formula(one_line(value)))


def number(value: object) -> float | None:
    """A chart value: a float, or ``None`` (a gap) when missing."""
    if value is None or pd.isna(value):
        return None
    return float(value)


class Deck:
    """A 16:9 deck with a footer on every slide."""

    def __init__(self, footer: str, fictional: bool, title: str) -> None:
        self.prs = Presentation()
        self.prs.slide_width = SLIDE_W
        self.prs.slide_height = SLIDE_H
        self.footer = footer
        self.fictional = fictional
        properties = self.prs.core_properties
        properties.title = one_line(title, 250)
        properties.author = "MNR Dashboard"
        properties.last_modified_by = "MNR Dashboard"
        properties.subject = "Model National Response self-assessment"
        properties.revision = 1

    def title_slide(self, title: str, subtitle: str, notes: Sequence[str]) -> Any:
        """The first slide: title, subtitle, grey notes, and the fictional box when it is."""
        slide = self.prs.slides.add_slide(self.prs.slide_layouts[_LAYOUT_TITLE])
        heading, sub = slide.placeholders[0], slide.placeholders[1]
        heading.left, heading.top, heading.width, heading.height = (
            LEFT,
            Inches(1.3),
            CONTENT_W,
            Inches(1.3),
        )
        heading.text_frame.text = title
        heading.text_frame.paragraphs[0].runs[0].font.size = Pt(44)
        sub.left, sub.top, sub.width, sub.height = LEFT, Inches(2.7), CONTENT_W, Inches(1.9)
        frame = sub.text_frame
        frame.word_wrap = True
        frame.text = one_line(subtitle, 300)
        frame.paragraphs[0].runs[0].font.size = Pt(28)
        for note in notes:
            paragraph = frame.add_paragraph()
            paragraph.text = one_line(note, 400)
            paragraph.runs[0].font.size = Pt(18)
            paragraph.runs[0].font.color.rgb = _GREY
        if self.fictional:
            self._fictional_box(slide)
        self._footer(slide)
        return slide

    def content_slide(self, title: str) -> Any:
        """A slide with a title on the left and the footer."""
        slide = self.prs.slides.add_slide(self.prs.slide_layouts[_LAYOUT_TITLE_ONLY])
        heading = slide.shapes.title
        heading.left, heading.top, heading.width, heading.height = (
            LEFT,
            Inches(0.3),
            CONTENT_W,
            Inches(0.85),
        )
        heading.text_frame.text = one_line(title, 120)
        paragraph = heading.text_frame.paragraphs[0]
        paragraph.alignment = PP_ALIGN.LEFT
        paragraph.runs[0].font.size = Pt(30)
        paragraph.runs[0].font.bold = True
        self._footer(slide)
        return slide

    def caption(self, slide: Any, text: str, top: Emu = CAPTION_TOP) -> None:
        """What the chart rests on, under it; a smaller font for a longer text."""
        text = one_line(text, _CAPTION_SIZES[-1][0])
        size = next(points for limit, points in _CAPTION_SIZES if len(text) <= limit)
        box = slide.shapes.add_textbox(LEFT, top, CONTENT_W, FOOTER_TOP - top)
        box.name = "Caption"
        frame = box.text_frame
        frame.word_wrap = True
        frame.margin_top = frame.margin_bottom = Pt(2)
        frame.text = text
        for run in frame.paragraphs[0].runs:
            run.font.size = Pt(size)
            run.font.color.rgb = _GREY

    def _fictional_box(self, slide: Any) -> None:
        box = slide.shapes.add_textbox(LEFT, Inches(4.85), CONTENT_W, Inches(1.3))
        box.name = "Fictional data note"
        box.fill.solid()
        box.fill.fore_color.rgb = RGBColor(0xFF, 0xF4, 0xD6)
        box.line.color.rgb = _WARNING_RGB
        box.line.width = Pt(2)
        frame = box.text_frame
        frame.word_wrap = True
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        paragraph = frame.paragraphs[0]
        bold = paragraph.add_run()
        bold.text = "Fictional data. "
        bold.font.bold = True
        rest = paragraph.add_run()
        rest.text = DEMO_NOTICE
        for run in (bold, rest):
            run.font.size = Pt(16)
            run.font.color.rgb = RGBColor(0x5A, 0x2E, 0x00)

    def _footer(self, slide: Any) -> None:
        box = slide.shapes.add_textbox(LEFT, FOOTER_TOP, CONTENT_W, Inches(0.4))
        box.name = "Footer"
        frame = box.text_frame
        frame.word_wrap = True
        paragraph = frame.paragraphs[0]
        run = paragraph.add_run()
        run.text = one_line(self.footer, 140)
        run.font.size = Pt(11)
        run.font.color.rgb = _GREY
        if self.fictional:
            note = paragraph.add_run()
            note.text = "  ·  " + FICTIONAL_FOOTER
            note.font.size = Pt(11)
            note.font.bold = True
            note.font.color.rgb = _WARNING_RGB

    def save(self) -> bytes:
        """The deck as .pptx bytes."""
        buffer = io.BytesIO()
        self.prs.save(buffer)
        return buffer.getvalue()


def _show_gaps(chart: Any) -> None:
    """Blank cells are gaps in the line, never zero (Office's default for a missing
    ``dispBlanksAs`` varies)."""
    chart_element = chart._chartSpace.find(qn("c:chart"))
    existing = chart_element.find(qn("c:dispBlanksAs"))
    if existing is None:
        existing = chart_element.makeelement(qn("c:dispBlanksAs"), {})
        anchor = chart_element.find(qn("c:plotVisOnly"))
        if anchor is None:
            anchor = chart_element.find(qn("c:legend"))
        if anchor is None:
            anchor = chart_element.find(qn("c:plotArea"))
        anchor.addnext(existing)
    existing.set("val", "gap")


def _style_value_axis(chart: Any, framework: Framework, *, title: str | None = None) -> None:
    axis = chart.value_axis
    axis.minimum_scale = min(0, framework.scale.minimum)
    axis.maximum_scale = framework.scale.maximum
    axis.major_unit = 1
    axis.has_major_gridlines = True
    axis.tick_labels.font.size = Pt(12)
    axis.tick_labels.number_format = "0"
    axis.tick_labels.number_format_is_linked = False
    if title:
        axis.has_title = True
        axis.axis_title.text_frame.text = title
        axis.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(12)


def _legend(chart: Any, show: bool) -> None:
    chart.has_legend = show
    if show:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(14)


def _chart_data(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    number_format: str,
) -> CategoryChartData:
    data = CategoryChartData(number_format=number_format)
    data.categories = [_chart_text(c) for c in categories]
    for name, values in series:
        data.add_series(_chart_text(name), [number(v) for v in values])
    return data


def radar_chart(
    slide: Any,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    framework: Framework,
    box: Box,
) -> Any:
    """A native radar on the scale's fixed range, one coloured series each, gaps for blanks."""
    data = _chart_data(categories, series, "0.0")
    frame = slide.shapes.add_chart(XL_CHART_TYPE.RADAR_MARKERS, *box, data)
    chart = frame.chart
    chart.font.size = Pt(14)
    _style_value_axis(chart, framework)
    chart.category_axis.tick_labels.font.size = Pt(14)
    _legend(chart, True)
    chart.has_title = False  # the slide title says what it is; the legend names the series
    for index, plot_series in enumerate(chart.plots[0].series):
        colour = _rgb(DOMAIN_PALETTE[index % len(DOMAIN_PALETTE)])
        plot_series.format.line.color.rgb = colour
        plot_series.format.line.width = Pt(3.5 if index == 0 else 2.5)
        plot_series.smooth = False
        marker = plot_series.marker
        marker.style = XL_MARKER_STYLE.CIRCLE
        marker.size = 9
        marker.format.fill.solid()
        marker.format.fill.fore_color.rgb = colour
        marker.format.line.color.rgb = colour
    _show_gaps(chart)
    return chart


def bar_chart(
    slide: Any,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    framework: Framework,
    box: Box,
    *,
    horizontal: bool = True,
    label_format: str = "0",
    point_colours: Sequence[str] | None = None,
    value_title: str | None = None,
    title: str | None = None,
) -> Any:
    """Clustered bars on the scale's fixed range: horizontal (``BAR_CLUSTERED``, the first
    category on top) or vertical (``COLUMN_CLUSTERED``, as the app's domain bars). A missing
    value has no bar and no label (never a bar of 0)."""
    data = _chart_data(categories, series, label_format)
    kind = XL_CHART_TYPE.BAR_CLUSTERED if horizontal else XL_CHART_TYPE.COLUMN_CLUSTERED
    chart = slide.shapes.add_chart(kind, *box, data).chart
    chart.font.size = Pt(14)
    _style_value_axis(chart, framework, title=value_title)
    category_axis = chart.category_axis
    if horizontal:
        # Bars are drawn bottom-up; reversed, the first category is on top, as people read.
        category_axis.reverse_order = True
    category_axis.tick_labels.font.size = Pt(14)
    _legend(chart, len(series) > 1)
    chart.has_title = bool(title)
    if title:
        chart.chart_title.text_frame.text = one_line(title)
        chart.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(16)
    plot = chart.plots[0]
    plot.gap_width = 60
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = label_format
    labels.number_format_is_linked = False
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    labels.font.size = Pt(13)
    for index, plot_series in enumerate(plot.series):
        colour = DOMAIN_PALETTE[index % len(DOMAIN_PALETTE)]
        plot_series.format.fill.solid()
        plot_series.format.fill.fore_color.rgb = _rgb(colour)
        plot_series.invert_if_negative = False
        if point_colours is not None and index == 0:
            for position, fill in enumerate(point_colours):
                point = plot_series.points[position]
                point.format.fill.solid()
                point.format.fill.fore_color.rgb = _rgb(fill)
                point.format.line.color.rgb = _rgb("#595959")
    _show_gaps(chart)
    return chart


def table(
    slide: Any,
    frame: pd.DataFrame,
    box: Box,
    *,
    level_columns: Mapping[str, Sequence[object]] | None = None,
    framework: Framework | None = None,
    font_size: int = 14,
    first_width: float = 0.5,
) -> Any:
    """A native table; cells of ``level_columns`` are filled with their level's colour."""
    rows, columns = len(frame) + 1, len(frame.columns)
    shape = slide.shapes.add_table(rows, columns, *box)
    native = shape.table
    width = box[2]
    first = int(width * first_width) if columns > 1 else width
    rest = int((width - first) / max(columns - 1, 1))
    native.columns[0].width = first
    for column in range(1, columns):
        native.columns[column].width = rest
    row_height = int(box[3] / rows)
    for row in native.rows:
        row.height = row_height
    colours = level_colours(framework.scale) if framework is not None else {}
    for column, name in enumerate(frame.columns):
        _cell_text(native.cell(0, column), str(name), font_size, bold=True)
    for row_index, record in enumerate(frame.itertuples(index=False), start=1):
        for column, value in enumerate(record):
            cell = native.cell(row_index, column)
            _cell_text(cell, value, font_size)
            name = frame.columns[column]
            if level_columns and name in level_columns:
                level = level_columns[name][row_index - 1]
                fill = level_fill(level, colours)
                cell.fill.solid()
                cell.fill.fore_color.rgb = _rgb(fill)
                for paragraph in cell.text_frame.paragraphs:
                    for run in paragraph.runs:
                        run.font.color.rgb = _rgb(text_colour_on(fill))
                        run.font.bold = True
    return native


def _cell_text(cell: Any, value: object, size: int, *, bold: bool = False) -> None:
    cell.text = one_line(value, 200)
    cell.margin_top = cell.margin_bottom = Pt(2)
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    for paragraph in cell.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(size)
            run.font.bold = bold
