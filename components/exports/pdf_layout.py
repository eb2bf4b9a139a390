"""The PDF brief's page and type: A4 geometry, colours, paragraph styles, escaped markup,
tables, the fictional-data box and the footer with page numbers (reportlab, Helvetica only).

User text is hostile: it is escaped for reportlab's mini-HTML markup (``&``, ``<``, ``>``), so
``<script>`` is printed as those characters, never interpreted.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Sequence
from typing import Any

import pandas as pd
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Image, Paragraph, Table, TableStyle

from components.base.text import shorten
from components.exports.brief import BRIEF_TITLE, FICTIONAL_FOOTER, level_fill
from components.exports.safe_text import clean_text, one_line
from components.framework.model import Framework
from components.framework.palette import level_colours, text_colour_on
from components.ingest.demo import DEMO_NOTICE
from components.scoring.tables import level_text

EVIDENCE_MAX_CHARS = 1500  # a longer text is cut in the PDF (the data exports keep all of it)

PAGE = A4
MARGIN = 18 * mm
FOOTER_SPACE = 14 * mm
FRAME_WIDTH = PAGE[0] - 2 * MARGIN
_INK = colors.HexColor("#1A1A1A")
_MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#BFBFBF")
_HEADER_FILL = colors.HexColor("#1F4E79")
_BAND_FILL = colors.HexColor("#EEF2F6")
_WARNING_FILL = colors.HexColor("#FFF4D6")
_WARNING_LINE = colors.HexColor("#B35C00")

Styles = dict[str, ParagraphStyle]


def markup(value: object, max_chars: int | None = None) -> str:
    """User text escaped for reportlab's Paragraph markup, line breaks kept; a text longer
    than ``max_chars`` is cut and says so."""
    text = clean_text(value).strip()
    if max_chars is not None and len(text) > max_chars:
        text = shorten(text, max_chars) + " (shortened here; the data export has the full text)"
    return html.escape(text, quote=False).replace("\n", "<br/>")


def paragraph_styles() -> Styles:
    """The brief's paragraph styles by name (body, cells, headings, caption, warning...)."""
    base = ParagraphStyle(
        "body", fontName="Helvetica", fontSize=10, leading=13.5, textColor=_INK, alignment=TA_LEFT
    )
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5),
        "cell_bold": ParagraphStyle(
            "cell_bold", parent=base, fontName="Helvetica-Bold", fontSize=8.5, leading=10.5
        ),
        "header_cell": ParagraphStyle(
            "header_cell",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=8.5,
            leading=10.5,
            textColor=colors.white,
        ),
        "caption": ParagraphStyle(
            "caption",
            parent=base,
            fontName="Helvetica-Oblique",
            fontSize=9,
            leading=12,
            textColor=_MUTED,
            spaceBefore=2,
            spaceAfter=8,
        ),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=28,
            leading=34,
            spaceAfter=10,
        ),
        "subtitle": ParagraphStyle(
            "subtitle",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=17,
            leading=22,
            spaceAfter=14,
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=16,
            leading=20,
            spaceBefore=4,
            spaceAfter=8,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=12.5,
            leading=16,
            spaceBefore=6,
            spaceAfter=3,
        ),
        "outcome": ParagraphStyle(
            "outcome",
            parent=base,
            fontName="Helvetica-Oblique",
            fontSize=9.5,
            leading=12,
            textColor=_MUTED,
            spaceAfter=4,
        ),
        "bullet": ParagraphStyle(
            "bullet", parent=base, leftIndent=12, bulletIndent=2, spaceAfter=3
        ),
        "warning": ParagraphStyle(
            "warning", parent=base, fontSize=10.5, leading=14, textColor=colors.HexColor("#5A2E00")
        ),
    }


def markdown_blocks(text: str) -> list[tuple[str, str]]:
    """Simple Markdown (paragraphs, "- " bullets, **bold**, *italic*) as (kind, markup) pairs.

    Enough for ``scoring.METHOD_NOTE``; the text is escaped before the emphasis is turned
    into reportlab's ``<b>`` and ``<i>``, so nothing in it can become markup of its own.
    """
    blocks: list[list[str]] = []
    for raw in text.splitlines():
        stripped = raw.strip()
        if not stripped:
            blocks.append([])
            continue
        if stripped.startswith(("- ", "* ")):
            blocks.append(["bullet", stripped[2:].strip()])
        elif blocks and blocks[-1] and (raw[:1].isspace() or blocks[-1][0] == "para"):
            # An indented line continues a bullet; any line continues a paragraph.
            blocks[-1][1] += " " + stripped
        else:
            blocks.append(["para", stripped])
    result = []
    for block in blocks:
        if not block:
            continue
        kind, body = block
        escaped = html.escape(body, quote=False)
        escaped = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escaped)
        escaped = re.sub(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])", r"<i>\1</i>", escaped)
        result.append((kind, escaped))
    return result


def heading_and_rest(blocks: list[tuple[str, str]]) -> tuple[str, list[tuple[str, str]]]:
    """A first paragraph that is all bold is the note's heading."""
    if blocks and blocks[0][0] == "para":
        match = re.fullmatch(r"<b>(.+)</b>", blocks[0][1])
        if match:
            return match.group(1), blocks[1:]
    return "How the numbers are worked out", blocks


def png_image(data: bytes, width: float) -> Image:
    """A PNG drawn ``width`` wide, its proportions kept, centred."""
    image = Image(io.BytesIO(data))
    ratio = image.imageHeight / image.imageWidth
    image.drawWidth = width
    image.drawHeight = width * ratio
    image.hAlign = "CENTER"
    return image


def grid_table(
    rows: list[list[Any]],
    widths: Sequence[float],
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A table with a dark header row (repeated on each page) and light rules."""
    # splitInRow: a row taller than what is left of the page (a long note, a name without
    # spaces) continues on the next page instead of stopping the whole brief.
    table = Table(rows, colWidths=list(widths), repeatRows=1, hAlign="LEFT", splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), _HEADER_FILL),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                *extra,
            ]
        )
    )
    return table


def cells(values: Sequence[object], style: ParagraphStyle) -> list[Paragraph]:
    """One row of table cells, each value escaped."""
    return [Paragraph(markup(value), style) for value in values]


def frame_table(frame: pd.DataFrame, styles: Styles, first: float) -> Table:
    """A small display frame (e.g. a FigureView table) as a PDF table."""
    columns = list(frame.columns)
    rest = (FRAME_WIDTH - first) / max(len(columns) - 1, 1)
    rows = [cells(columns, styles["header_cell"])]
    rows += [cells(list(record), styles["cell"]) for record in frame.itertuples(index=False)]
    return grid_table(rows, [first, *[rest] * (len(columns) - 1)])


def level_paragraph(level: object, framework: Framework, fill_text: str) -> Paragraph:
    """A level's text ("3 · Developing" or "Not assessed") in bold, in the given colour."""
    style = ParagraphStyle(
        "level",
        fontName="Helvetica-Bold",
        fontSize=8.5,
        leading=10.5,
        textColor=colors.HexColor(fill_text),
    )
    return Paragraph(markup(level_text(level, framework.scale)), style)


def level_background(column: int, row: int, fill: str) -> tuple[Any, ...]:
    """The table style command that fills one cell with a level's colour."""
    return ("BACKGROUND", (column, row), (column, row), colors.HexColor(fill))


def items_table(
    items: pd.DataFrame,
    framework: Framework,
    styles: Styles,
    *,
    number: str,
    group: str | None,
) -> Table:
    """Capabilities (or enablers) with level, confidence and evidence; grouped by domain."""
    colours = level_colours(framework.scale)
    widths = [10 * mm, 46 * mm, 27 * mm, 22 * mm]
    widths.append(FRAME_WIDTH - sum(widths))
    rows: list[list[Any]] = [
        cells(
            [
                "No.",
                "Capability" if number == "capability" else "Enabler",
                "Level",
                "Confidence",
                "Evidence",
            ],
            styles["header_cell"],
        )
    ]
    extra: list[tuple[Any, ...]] = []
    current = None
    for record in items.itertuples(index=False):
        if group is not None and getattr(record, group) != current:
            current = getattr(record, group)
            rows.append([Paragraph(markup(current), styles["cell_bold"]), "", "", "", ""])
            position = len(rows) - 1
            extra += [
                ("SPAN", (0, position), (-1, position)),
                ("BACKGROUND", (0, position), (-1, position), _BAND_FILL),
            ]
        level = record.level
        fill = level_fill(level, colours)
        confidence = one_line(record.confidence).capitalize()
        rows.append(
            [
                Paragraph(str(getattr(record, number)), styles["cell"]),
                Paragraph(markup(record.title), styles["cell"]),
                level_paragraph(level, framework, text_colour_on(fill)),
                Paragraph(markup(confidence or "–"), styles["cell"]),
                Paragraph(markup(record.evidence, EVIDENCE_MAX_CHARS) or "–", styles["cell"]),
            ]
        )
        extra.append(level_background(2, len(rows) - 1, fill))
    return grid_table(rows, widths, extra)


def highlight_table(frame: pd.DataFrame, framework: Framework, styles: Styles) -> Table:
    """Strengths or gaps: capability, domain and the level in its colour."""
    colours = level_colours(framework.scale)
    widths = [70 * mm, 55 * mm]
    widths.append(FRAME_WIDTH - sum(widths))
    rows: list[list[Any]] = [cells(["Capability", "Domain", "Level"], styles["header_cell"])]
    extra: list[tuple[Any, ...]] = []
    for record in frame.itertuples(index=False):
        fill = level_fill(record.level, colours)
        rows.append(
            [
                Paragraph(markup(f"{record.capability} · {record.title}"), styles["cell"]),
                Paragraph(markup(record.domain_name), styles["cell"]),
                level_paragraph(record.level, framework, text_colour_on(fill)),
            ]
        )
        extra.append(level_background(2, len(rows) - 1, fill))
    return grid_table(rows, widths, extra)


def facts_table(facts: Sequence[tuple[str, str]], styles: Styles) -> Table:
    """Label and value pairs (the cover's facts), the label in bold, with light rules."""
    rows = [
        [
            Paragraph(f"<b>{html.escape(key)}</b>", styles["body"]),
            Paragraph(markup(value, EVIDENCE_MAX_CHARS), styles["body"]),
        ]
        for key, value in facts
    ]
    table = Table(rows, colWidths=[45 * mm, FRAME_WIDTH - 45 * mm], hAlign="LEFT", splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def fictional_box(styles: Styles) -> Table:
    """The cover's boxed warning that the data is fictional."""
    paragraph = Paragraph(
        "<b>Fictional data.</b> "
        + html.escape(DEMO_NOTICE, quote=False)
        + " Do not quote these numbers as facts about any real country.",
        styles["warning"],
    )
    box = Table([[paragraph]], colWidths=[FRAME_WIDTH], hAlign="LEFT")
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.5, _WARNING_LINE),
                ("BACKGROUND", (0, 0), (-1, -1), _WARNING_FILL),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return box


class NumberedCanvas(Canvas):
    """Writes "Page N of M" on every page once the total is known."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802  (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont("Helvetica", 8)
            self.setFillColor(_MUTED)
            self.drawRightString(
                PAGE[0] - MARGIN, MARGIN - 6 * mm, f"Page {self._pageNumber} of {total}"
            )
            super().showPage()
        super().save()


def page_footer(label: str, fictional: bool) -> Any:
    """The footer every page gets: brief and assessment, and the fictional note when it is."""
    text = one_line(f"{BRIEF_TITLE} · {label}", 95)

    def draw(canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, MARGIN - 2 * mm, PAGE[0] - MARGIN, MARGIN - 2 * mm)
        canvas.setFont("Helvetica", 8)
        canvas.setFillColor(_MUTED)
        # drawString prints text as it is: no markup is interpreted on the canvas.
        canvas.drawString(MARGIN, MARGIN - 6 * mm, text)
        if fictional:
            canvas.setFont("Helvetica-Bold", 8)
            canvas.setFillColor(_WARNING_LINE)
            canvas.drawString(MARGIN, MARGIN - 10 * mm, FICTIONAL_FOOTER)
        canvas.restoreState()

    return draw
