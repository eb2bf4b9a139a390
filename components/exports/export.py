"""Exports: the PDF country brief, PowerPoint decks, and the combined data as xlsx and csv.

Pure: data in, bytes out; no streamlit. The pictures and numbers come from
``components.charts.views`` and ``components.scoring.scores`` (the same figures, captions and
tables the pages show), so an export never tells a different story from the screen.

Rules every export follows:

- **User text is hostile.** In the PDF it is escaped for reportlab's mini-HTML markup
  (``&``, ``<``, ``>``), so ``<script>`` is printed as those characters; in PowerPoint it is
  plain text (python-pptx writes it as XML text); in spreadsheets, CSV and the data sheets
  embedded behind native PowerPoint charts, text that starts with ``=``, ``+``, ``-``, ``@``,
  a tab or a carriage return gets a leading apostrophe (``safe_export.neutralise_formula``).
  Control characters that XML cannot hold are dropped everywhere.
- **Offline.** The PDF uses reportlab's built-in Helvetica (no font files, no network); the
  decks use the default python-pptx template; images are rendered by ``components.exports.images``
  with plotly.js from the plotly package and MathJax off.
- **Missing is missing.** A capability without a level reads "Not assessed", a domain without
  a score leaves a blank point (never 0), and every score says what it rests on.
- **Fictional data says so**: on the cover or title slide and in every page or slide footer.
"""

from __future__ import annotations

import datetime
import html
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
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
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from components.charts import views
from components.exports.images import (
    ExportError,
    ImageJob,
    images_zip,
    render_images,
    render_jobs,
    safe_file_name,
)
from components.exports.safe_text import neutralise_formula, safe_csv_bytes
from components.framework.model import Framework
from components.framework.palette import (
    DOMAIN_PALETTE,
    NOT_ASSESSED_COLOUR,
    NOT_ASSESSED_LABEL,
    level_colours,
    text_colour_on,
)
from components.ingest.collection import is_fictional
from components.ingest.demo import DEMO_NOTICE
from components.ingest.labels import assessment_labels
from components.scoring import scores as scoring
from components.scoring.tables import level_text

__all__ = [
    "CAPABILITY_SHEET",
    "CAPABILITY_SHEET_COLUMNS",
    "ENABLER_SHEET",
    "ENABLER_SHEET_COLUMNS",
    "FICTIONAL_FOOTER",
    "ExportError",
    "combined_csv",
    "combined_workbook_xlsx",
    "comparison_deck_pptx",
    "country_brief_pdf",
    "country_deck_pptx",
    "export_file_name",
    "images_zip",
    "render_images",
    "safe_file_name",
]

BRIEF_TITLE = "MNR country brief"
DECK_TITLE = "MNR country profile"
COMPARISON_TITLE = "MNR comparison"
FICTIONAL_FOOTER = "Fictional demo data: the countries and their scores are invented."
LEARNING_NOTE = "Comparisons are for learning from each other, not for ranking countries."
EVIDENCE_MAX_CHARS = 1500  # a longer text is cut in the PDF (the data exports keep all of it)
_ELLIPSIS = "…"

CAPABILITY_SHEET = "Capabilities"
ENABLER_SHEET = "Enablers"
README_SHEET = "README"
SCALE_SHEET = "Scale"  # the reader skips a sheet of this name without a word
_META_COLUMNS = ["Country", "ISO3", "Year", "Date", "Round", "Assessed by"]
CAPABILITY_SHEET_COLUMNS = [
    *_META_COLUMNS,
    "Capability no",
    "Capability",
    "Domain",
    "Level",
    "Evidence",
    "Confidence",
]
ENABLER_SHEET_COLUMNS = [
    *_META_COLUMNS,
    "Enabler no",
    "Enabler",
    "Level",
    "Evidence",
    "Confidence",
]
ORIGIN_COLUMN = "Origin"  # added when the frames say where each assessment came from
_ORIGIN_TEXT = {"demo": "Fictional demo", "upload": "Uploaded"}

# Characters XML 1.0 cannot hold (python-pptx and openpyxl would refuse them; a PDF would
# show garbage). Tab, line feed and carriage return are handled separately.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


class _Text:
    """Helpers that make any value safe, readable text."""

    @staticmethod
    def clean(value: object) -> str:
        """Text without XML-illegal control characters; ``""`` for a missing value."""
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return ""
        text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
        return _XML_ILLEGAL.sub("", text)

    @staticmethod
    def data(value: object) -> str | None:
        """Text for a data export: exactly as given (formulas are neutralised later), less
        only the characters a spreadsheet file cannot hold; ``None`` when empty."""
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return None
        text = _XML_ILLEGAL.sub("", str(value))
        return text if text.strip() else None

    @staticmethod
    def line(value: object, max_chars: int | None = None) -> str:
        """One line of text (white space collapsed), cut with an ellipsis when too long."""
        text = " ".join(_Text.clean(value).split())
        if max_chars is not None and len(text) > max_chars:
            text = text[: max_chars - 1].rstrip() + _ELLIPSIS
        return text

    @staticmethod
    def markup(value: object, max_chars: int | None = None) -> str:
        """User text escaped for reportlab's Paragraph markup, line breaks kept."""
        text = _Text.clean(value).strip()
        if max_chars is not None and len(text) > max_chars:
            text = (
                text[: max_chars - 1].rstrip()
                + _ELLIPSIS
                + " (shortened here; the data export has the full text)"
            )
        return html.escape(text, quote=False).replace("\n", "<br/>")


# --- file names ---------------------------------------------------------------------------------


def export_file_name(kind: str, label: str, extension: str) -> str:
    """A download name such as ``mnr-brief-Arvenia-2023-Baseline.pdf`` (letters, digits, dash)."""
    stem = safe_file_name(f"mnr {kind} {label}", default=f"mnr-{kind}")
    return f"{stem}.{safe_file_name(extension, default='bin').lower()}"


# --- shared data preparation --------------------------------------------------------------------


def _labels_for(capabilities: pd.DataFrame, labels: Mapping[str, str]) -> dict[str, str]:
    """The page's labels, with the app's default label for any assessment it lacks."""
    defaults = assessment_labels(capabilities)
    return {**defaults, **{key: _Text.line(value) for key, value in labels.items()}}


def _only(frame: pd.DataFrame, assessment_ids: Sequence[str]) -> pd.DataFrame:
    if frame is None or frame.empty or "assessment_id" not in frame.columns:
        return frame.iloc[0:0] if frame is not None else pd.DataFrame()
    return frame[frame["assessment_id"].isin(list(assessment_ids))]


def _check_assessment(capabilities: pd.DataFrame, assessment_id: str) -> None:
    if capabilities.empty or not (capabilities["assessment_id"] == assessment_id).any():
        raise KeyError(f"no assessment with id {assessment_id!r} in the capabilities frame.")


def _overall(capabilities: pd.DataFrame, assessment_id: str, framework: Framework) -> pd.Series:
    return scoring.overall_scores(_only(capabilities, [assessment_id]), framework).iloc[0]


def _score_text(score: object) -> str:
    return "–" if score is None or pd.isna(score) else f"{float(score):.1f}"


def _first(frame: pd.DataFrame, column: str) -> str:
    if column not in frame.columns or frame.empty:
        return ""
    values = frame[column].dropna()
    return _Text.line(values.iloc[0]) if len(values) else ""


def _not_assessed(table: pd.DataFrame) -> list[str]:
    missing = table[table["level"].isna()]
    return [f"{n} · {t}" for n, t in zip(missing["capability"], missing["title"], strict=True)]


def _enabler_table(
    enablers: pd.DataFrame, assessment_id: str, framework: Framework
) -> pd.DataFrame:
    """Every enabler of one assessment in framework order: number, title, level, notes."""
    rows = _only(enablers, [assessment_id]) if enablers is not None else pd.DataFrame()
    by_number: dict[int, Any] = {}
    if not rows.empty and "enabler" in rows.columns:
        for row in rows.itertuples(index=False):
            number = getattr(row, "enabler", None)
            if number is not None and not pd.isna(number):
                by_number.setdefault(int(number), row)
    records = []
    for enabler in framework.enablers:
        row = by_number.get(enabler.number)
        records.append(
            {
                "enabler": enabler.number,
                "title": enabler.title,
                "level": getattr(row, "level", pd.NA) if row is not None else pd.NA,
                "evidence": getattr(row, "evidence", pd.NA) if row is not None else pd.NA,
                "confidence": getattr(row, "confidence", pd.NA) if row is not None else pd.NA,
            }
        )
    return pd.DataFrame.from_records(records)


# === PDF country brief ==========================================================================

_PAGE = A4
_MARGIN = 18 * mm
_FOOTER_SPACE = 14 * mm
_FRAME_WIDTH = _PAGE[0] - 2 * _MARGIN
_INK = colors.HexColor("#1A1A1A")
_MUTED = colors.HexColor("#555555")
_RULE = colors.HexColor("#BFBFBF")
_HEADER_FILL = colors.HexColor("#1F4E79")
_BAND_FILL = colors.HexColor("#EEF2F6")
_WARNING_FILL = colors.HexColor("#FFF4D6")
_WARNING_LINE = colors.HexColor("#B35C00")

# Pictures: pixel sizes chosen so plotly's 15 px text prints at about 9 pt at these widths.
_DOMAIN_IMAGE = (800, 600, 170 * mm)
_PILLAR_IMAGE = (760, 470, 140 * mm)
_IMAGE_SCALE = 2


def _styles() -> dict[str, ParagraphStyle]:
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


def _markdown_blocks(text: str) -> list[tuple[str, str]]:
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
        markup = html.escape(body, quote=False)
        markup = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", markup)
        markup = re.sub(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])", r"<i>\1</i>", markup)
        result.append((kind, markup))
    return result


def _heading_and_rest(blocks: list[tuple[str, str]]) -> tuple[str, list[tuple[str, str]]]:
    """A first paragraph that is all bold is the note's heading."""
    if blocks and blocks[0][0] == "para":
        match = re.fullmatch(r"<b>(.+)</b>", blocks[0][1])
        if match:
            return match.group(1), blocks[1:]
    return "How the numbers are worked out", blocks


def _png_image(data: bytes, width: float) -> Image:
    image = Image(io.BytesIO(data))
    ratio = image.imageHeight / image.imageWidth
    image.drawWidth = width
    image.drawHeight = width * ratio
    image.hAlign = "CENTER"
    return image


def _grid_table(
    rows: list[list[Any]],
    widths: Sequence[float],
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A table with a dark header row (repeated on each page) and light rules."""
    table = Table(rows, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), _HEADER_FILL),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, _RULE),
                ("BOX", (0, 0), (-1, -1), 0.6, _RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                *extra,
            ]
        )
    )
    return table


def _cells(values: Sequence[object], style: ParagraphStyle) -> list[Paragraph]:
    return [Paragraph(_Text.markup(value), style) for value in values]


def _frame_table(frame: pd.DataFrame, styles: dict[str, ParagraphStyle], first: float) -> Table:
    """A small display frame (e.g. a FigureView table) as a PDF table."""
    columns = list(frame.columns)
    rest = (_FRAME_WIDTH - first) / max(len(columns) - 1, 1)
    rows = [_cells(columns, styles["header_cell"])]
    rows += [_cells(list(record), styles["cell"]) for record in frame.itertuples(index=False)]
    return _grid_table(rows, [first, *[rest] * (len(columns) - 1)])


def _level_cell_style(
    row: int, column: int, level: object, colours: Mapping[int, str]
) -> list[tuple[Any, ...]]:
    fill = NOT_ASSESSED_COLOUR
    if level is not None and not pd.isna(level) and int(level) in colours:
        fill = colours[int(level)]
    return [
        ("BACKGROUND", (column, row), (column, row), colors.HexColor(fill)),
        ("TEXTCOLOR", (column, row), (column, row), colors.HexColor(text_colour_on(fill))),
    ]


def _level_paragraph(level: object, framework: Framework, fill_text: str) -> Paragraph:
    style = ParagraphStyle(
        "level",
        fontName="Helvetica-Bold",
        fontSize=8.5,
        leading=10.5,
        textColor=colors.HexColor(fill_text),
    )
    return Paragraph(_Text.markup(level_text(level, framework)), style)


def _level_fill(level: object, colours: Mapping[int, str]) -> str:
    if level is None or pd.isna(level) or int(level) not in colours:
        return NOT_ASSESSED_COLOUR
    return colours[int(level)]


def _items_table(
    items: pd.DataFrame,
    framework: Framework,
    styles: dict[str, ParagraphStyle],
    *,
    number: str,
    group: str | None,
) -> Table:
    """Capabilities (or enablers) with level, confidence and evidence; grouped by domain."""
    colours = level_colours(framework.scale)
    widths = [10 * mm, 46 * mm, 27 * mm, 22 * mm]
    widths.append(_FRAME_WIDTH - sum(widths))
    rows: list[list[Any]] = [
        _cells(
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
            rows.append([Paragraph(_Text.markup(current), styles["cell_bold"]), "", "", "", ""])
            position = len(rows) - 1
            extra += [
                ("SPAN", (0, position), (-1, position)),
                ("BACKGROUND", (0, position), (-1, position), _BAND_FILL),
            ]
        level = record.level
        fill = _level_fill(level, colours)
        confidence = _Text.line(record.confidence).capitalize()
        rows.append(
            [
                Paragraph(str(getattr(record, number)), styles["cell"]),
                Paragraph(_Text.markup(record.title), styles["cell"]),
                _level_paragraph(level, framework, text_colour_on(fill)),
                Paragraph(_Text.markup(confidence or "–"), styles["cell"]),
                Paragraph(_Text.markup(record.evidence, EVIDENCE_MAX_CHARS) or "–", styles["cell"]),
            ]
        )
        position = len(rows) - 1
        extra.append(("BACKGROUND", (2, position), (2, position), colors.HexColor(fill)))
    return _grid_table(rows, widths, extra)


def _highlight_table(frame: pd.DataFrame, framework: Framework, styles: dict[str, Any]) -> Table:
    colours = level_colours(framework.scale)
    widths = [70 * mm, 55 * mm]
    widths.append(_FRAME_WIDTH - sum(widths))
    rows: list[list[Any]] = [_cells(["Capability", "Domain", "Level"], styles["header_cell"])]
    extra: list[tuple[Any, ...]] = []
    for record in frame.itertuples(index=False):
        fill = _level_fill(record.level, colours)
        rows.append(
            [
                Paragraph(_Text.markup(f"{record.capability} · {record.title}"), styles["cell"]),
                Paragraph(_Text.markup(record.domain_name), styles["cell"]),
                _level_paragraph(record.level, framework, text_colour_on(fill)),
            ]
        )
        position = len(rows) - 1
        extra.append(("BACKGROUND", (2, position), (2, position), colors.HexColor(fill)))
    return _grid_table(rows, widths, extra)


def _boxed(paragraph: Paragraph) -> Table:
    box = Table([[paragraph]], colWidths=[_FRAME_WIDTH], hAlign="LEFT")
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


def _fictional_paragraph(styles: dict[str, ParagraphStyle]) -> Paragraph:
    return Paragraph(
        "<b>Fictional data.</b> "
        + html.escape(DEMO_NOTICE, quote=False)
        + " Do not quote these numbers as facts about any real country.",
        styles["warning"],
    )


class _NumberedCanvas(Canvas):
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
                _PAGE[0] - _MARGIN, _MARGIN - 6 * mm, f"Page {self._pageNumber} of {total}"
            )
            super().showPage()
        super().save()


def _footer(label: str, fictional: bool) -> Any:
    text = _Text.line(f"{BRIEF_TITLE} · {label}", 95)

    def draw(canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        canvas.setStrokeColor(_RULE)
        canvas.setLineWidth(0.5)
        canvas.line(_MARGIN, _MARGIN - 2 * mm, _PAGE[0] - _MARGIN, _MARGIN - 2 * mm)
        canvas.setFont("Helvetica", 8)
        canvas.setFillColor(_MUTED)
        # drawString prints text as it is: no markup is interpreted on the canvas.
        canvas.drawString(_MARGIN, _MARGIN - 6 * mm, text)
        if fictional:
            canvas.setFont("Helvetica-Bold", 8)
            canvas.setFillColor(_WARNING_LINE)
            canvas.drawString(_MARGIN, _MARGIN - 10 * mm, FICTIONAL_FOOTER)
        canvas.restoreState()

    return draw


@dataclass(frozen=True)
class _Brief:
    """Everything the sections of one brief need, computed once."""

    framework: Framework
    assessment_id: str
    label: str
    focus: pd.DataFrame
    enablers: pd.DataFrame
    table: pd.DataFrame
    overall: pd.Series
    radar: views.FigureView
    pillars: dict[str, views.FigureView]
    styles: dict[str, ParagraphStyle]

    @property
    def assessed(self) -> int:
        return int(self.overall["assessed"])

    @property
    def total(self) -> int:
        return int(self.overall["total"])


def _make_brief(
    capabilities: pd.DataFrame,
    enablers: pd.DataFrame,
    framework: Framework,
    assessment_id: str,
    labels: Mapping[str, str],
    *,
    styles: dict[str, ParagraphStyle],
) -> _Brief:
    """One assessment's brief (for the PDF brief and the country deck alike); raises
    ``KeyError`` for an unknown assessment id."""
    _check_assessment(capabilities, assessment_id)
    names = _labels_for(capabilities, labels)
    focus = _only(capabilities, [assessment_id])
    return _Brief(
        framework=framework,
        assessment_id=assessment_id,
        label=names[assessment_id],
        focus=focus,
        enablers=enablers,
        table=scoring.capability_table(focus, assessment_id, framework),
        overall=_overall(capabilities, assessment_id, framework),
        radar=views.profile_radar(focus, framework, names, assessment_id),
        pillars=views.pillar_radars(focus, framework, names, assessment_id),
        styles=styles,
    )


def _cover(brief: _Brief, fictional: bool, generated_on: datetime.date) -> list[Any]:
    styles, framework = brief.styles, brief.framework
    facts = [
        ("Generated on", f"{generated_on.day} {generated_on:%B %Y}"),
        ("What it rests on", scoring.rests_on(brief.assessed, brief.total)),
        (
            "Overall score",
            f"{_score_text(brief.overall['score'])} on the scale {framework.scale.minimum} to "
            f"{framework.scale.maximum} (the mean level of the assessed capabilities)"
            if brief.assessed
            else "No score: no capability was assessed",
        ),
        (
            "Domains with a score",
            f"{int(brief.overall['domains_assessed'])} of {len(framework.domains)}",
        ),
        ("Assessed by", _first(brief.focus, "assessed_by") or "–"),
        ("Framework", f"{framework.name} ({framework.publisher})"),
    ]
    rows = [
        [
            Paragraph(f"<b>{html.escape(key)}</b>", styles["body"]),
            Paragraph(_Text.markup(value), styles["body"]),
        ]
        for key, value in facts
    ]
    facts_table = Table(rows, colWidths=[45 * mm, _FRAME_WIDTH - 45 * mm], hAlign="LEFT")
    facts_table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, _RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    story: list[Any] = [
        Spacer(1, 20 * mm),
        Paragraph(BRIEF_TITLE, styles["title"]),
        Paragraph(_Text.markup(brief.label), styles["subtitle"]),
        facts_table,
        Spacer(1, 10 * mm),
    ]
    if fictional:
        story += [_boxed(_fictional_paragraph(styles)), Spacer(1, 8 * mm)]
    story.append(Paragraph("<b>In this brief</b>", styles["body"]))
    story += [Paragraph(html.escape(item), styles["bullet"], bulletText="•") for item in _CONTENTS]
    story += [
        Spacer(1, 6 * mm),
        Paragraph(
            "A capability that was not assessed is shown as “Not assessed”: it is never "
            "counted as 0. " + LEARNING_NOTE,
            styles["small"],
        ),
        PageBreak(),
    ]
    return story


_CONTENTS = (
    "Domain profile: the six domains at a glance",
    "Capabilities by domain",
    "Capability table: level, confidence and evidence",
    "Strengths and gaps",
    "How the numbers are worked out",
)


def _domain_profile(brief: _Brief, images: Mapping[str, bytes]) -> list[Any]:
    styles = brief.styles
    return [
        Paragraph("Domain profile", styles["h1"]),
        _png_image(images["domains"], _DOMAIN_IMAGE[2]),
        Paragraph(_Text.markup(brief.radar.caption), styles["caption"]),
        _frame_table(brief.radar.table, styles, 70 * mm),
        PageBreak(),
    ]


def _pillar_pages(brief: _Brief, images: Mapping[str, bytes]) -> list[Any]:
    styles, domains = brief.styles, brief.framework.domains
    story: list[Any] = [Paragraph("Capabilities by domain", styles["h1"])]
    for position, domain in enumerate(domains):
        view = brief.pillars[domain.id]
        block = [
            Paragraph(_Text.markup(domain.name), styles["h2"]),
            Paragraph(_Text.markup(domain.outcome_heading), styles["outcome"]),
            _png_image(images[f"domain:{domain.id}"], _PILLAR_IMAGE[2]),
            Paragraph(_Text.markup(view.caption), styles["caption"]),
        ]
        story.append(KeepTogether(block))
        if position % 2 == 1 and position < len(domains) - 1:
            story.append(PageBreak())
    story.append(PageBreak())
    return story


def _tables(brief: _Brief) -> list[Any]:
    styles, framework = brief.styles, brief.framework
    story: list[Any] = [
        Paragraph("Capability table", styles["h1"]),
        Paragraph(
            _Text.markup(
                f"{brief.label}: {scoring.rests_on(brief.assessed, brief.total)}. Level, "
                "confidence and evidence as given in the assessment. “Not assessed” means no "
                "level was given."
            ),
            styles["body"],
        ),
        Spacer(1, 3 * mm),
        _items_table(brief.table, framework, styles, number="capability", group="domain_name"),
    ]
    enablers = _enabler_table(brief.enablers, brief.assessment_id, framework)
    if enablers["level"].notna().any() or enablers["evidence"].notna().any():
        assessed = int(enablers["level"].notna().sum())
        intro = [
            Paragraph("Cross-cutting enablers", styles["h2"]),
            Paragraph(
                _Text.markup(
                    scoring.rests_on(assessed, len(framework.enablers), "enablers")
                    + ". Enablers belong to no single domain and are not part of any score."
                ),
                styles["body"],
            ),
            Spacer(1, 2 * mm),
        ]
        table = _items_table(enablers, framework, styles, number="enabler", group=None)
        story += [Spacer(1, 6 * mm), KeepTogether([*intro, table])]
    story.append(PageBreak())
    return story


def _highlights(brief: _Brief) -> list[Any]:
    styles, framework = brief.styles, brief.framework
    strengths, gaps = scoring.strengths_and_gaps(brief.focus, brief.assessment_id, framework)
    missing = _not_assessed(brief.table)
    return [
        Paragraph("Strengths and gaps", styles["h1"]),
        Paragraph(
            "Strengths are the highest levels among the assessed capabilities; gaps the lowest. "
            "A capability that was not assessed is never counted as a gap.",
            styles["body"],
        ),
        Paragraph("Strengths", styles["h2"]),
        _highlight_table(strengths, framework, styles)
        if not strengths.empty
        else Paragraph("No capability was assessed.", styles["body"]),
        Paragraph("Gaps", styles["h2"]),
        _highlight_table(gaps, framework, styles)
        if not gaps.empty
        else Paragraph("Too few capabilities were assessed to name gaps.", styles["body"]),
        Paragraph(NOT_ASSESSED_LABEL, styles["h2"]),
        Paragraph(
            _Text.markup(
                f"{len(missing)} of {brief.total} capabilities were not assessed: "
                + "; ".join(missing)
                + "."
            )
            if missing
            else "Every capability was assessed.",
            styles["body"],
        ),
    ]


def _method(brief: _Brief) -> list[Any]:
    styles, framework = brief.styles, brief.framework
    heading, blocks = _heading_and_rest(_markdown_blocks(scoring.METHOD_NOTE))
    story: list[Any] = [PageBreak(), Paragraph(heading, styles["h1"])]
    for kind, markup in blocks:
        if kind == "bullet":
            story.append(Paragraph(markup, styles["bullet"], bulletText="•"))
        else:
            story.append(Paragraph(markup, styles["body"]))
    rows = [_cells(["Level", "Label", "What it means"], styles["header_cell"])]
    extra: list[tuple[Any, ...]] = []
    colours = level_colours(framework.scale)
    for level in framework.scale.levels:
        fill = colours[level.value]
        rows.append(
            [
                _level_paragraph(level.value, framework, text_colour_on(fill)),
                Paragraph(_Text.markup(level.label), styles["cell"]),
                Paragraph(_Text.markup(level.descriptor), styles["cell"]),
            ]
        )
        position = len(rows) - 1
        extra.append(("BACKGROUND", (0, position), (0, position), colors.HexColor(fill)))
    scale = [
        Paragraph(_Text.markup(f"The scale: {framework.scale.name}"), styles["h2"]),
        _grid_table(rows, [32 * mm, 30 * mm, _FRAME_WIDTH - 62 * mm], extra),
    ]
    story.append(KeepTogether(scale))
    return story


def country_brief_pdf(
    capabilities: pd.DataFrame,
    enablers: pd.DataFrame,
    framework: Framework,
    assessment_id: str,
    labels: Mapping[str, str],
    *,
    fictional: bool,
    generated_on: datetime.date,
) -> bytes:
    """A printable country brief (A4 portrait PDF) for one assessment.

    Cover (title, assessment, date, what it rests on, a boxed fictional-data note when
    ``fictional``); the domain radar with caption and scores; the six per-domain radars, two
    a page; the capability table with level, confidence and evidence (and the enablers);
    strengths and gaps; the note on method and the scale. Every page has a footer with the
    page number and, when ``fictional``, the fictional-data note.

    Renders the seven charts with one Chromium start (``components.exports.images``): a few
    seconds. Raises ``ExportError`` when Chromium is missing, ``KeyError`` for an unknown
    assessment id.
    """
    brief = _make_brief(capabilities, enablers, framework, assessment_id, labels, styles=_styles())
    jobs = {"domains": ImageJob(brief.radar.figure, "png", *_DOMAIN_IMAGE[:2], _IMAGE_SCALE)}
    jobs.update(
        {
            f"domain:{domain_id}": ImageJob(view.figure, "png", *_PILLAR_IMAGE[:2], _IMAGE_SCALE)
            for domain_id, view in brief.pillars.items()
        }
    )
    images = render_jobs(jobs)
    story = [
        *_cover(brief, fictional, generated_on),
        *_domain_profile(brief, images),
        *_pillar_pages(brief, images),
        *_tables(brief),
        *_highlights(brief),
        *_method(brief),
    ]
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=_PAGE,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN,
        bottomMargin=_MARGIN + _FOOTER_SPACE - 6 * mm,
        title=_Text.line(f"{BRIEF_TITLE}: {brief.label}", 200),
        author="MNR Dashboard",
        subject=framework.name,
        creator="MNR Dashboard",
        invariant=True,
    )
    footer = _footer(brief.label, fictional)
    document.build(story, onFirstPage=footer, onLaterPages=footer, canvasmaker=_NumberedCanvas)
    return buffer.getvalue()


# === PowerPoint =================================================================================

_SLIDE_W = Emu(12_192_000)  # 13.333 in: exactly 16:9 with the 7.5 in height
_SLIDE_H = Inches(7.5)
_LEFT = Inches(0.5)
_CONTENT_TOP = Inches(1.25)
_CONTENT_W = _SLIDE_W - 2 * _LEFT
_CAPTION_TOP = Inches(6.15)
_FOOTER_TOP = Inches(6.95)
_CHART_H = Inches(4.8)
_LAYOUT_TITLE = 0
_LAYOUT_TITLE_ONLY = 5
_GREY = RGBColor(0x55, 0x55, 0x55)
# (longest caption in characters, font size) that fits the 0.8 inch under a chart.
_CAPTION_SIZES = ((360, 14), (560, 11), (900, 9))
_WARNING_RGB = RGBColor(0xB3, 0x5C, 0x00)


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def _chart_text(value: object) -> str:
    """Text for a chart's series name or category: it also goes into the chart's embedded
    workbook, where python-pptx's writer would turn "=..." into a live formula."""
    return str(neutralise_formula(_Text.line(value)))


class _Deck:
    """A 16:9 deck with a footer on every slide."""

    def __init__(self, footer: str, fictional: bool, title: str) -> None:
        self.prs = Presentation()
        self.prs.slide_width = _SLIDE_W
        self.prs.slide_height = _SLIDE_H
        self.footer = footer
        self.fictional = fictional
        properties = self.prs.core_properties
        properties.title = _Text.line(title, 250)
        properties.author = "MNR Dashboard"
        properties.last_modified_by = "MNR Dashboard"
        properties.subject = "Model National Response self-assessment"
        properties.revision = 1

    def title_slide(self, title: str, subtitle: str, notes: Sequence[str]) -> Any:
        slide = self.prs.slides.add_slide(self.prs.slide_layouts[_LAYOUT_TITLE])
        heading, sub = slide.placeholders[0], slide.placeholders[1]
        heading.left, heading.top, heading.width, heading.height = (
            _LEFT,
            Inches(1.3),
            _CONTENT_W,
            Inches(1.3),
        )
        heading.text_frame.text = title
        heading.text_frame.paragraphs[0].runs[0].font.size = Pt(44)
        sub.left, sub.top, sub.width, sub.height = _LEFT, Inches(2.7), _CONTENT_W, Inches(1.9)
        frame = sub.text_frame
        frame.word_wrap = True
        frame.text = _Text.line(subtitle, 300)
        frame.paragraphs[0].runs[0].font.size = Pt(28)
        for note in notes:
            paragraph = frame.add_paragraph()
            paragraph.text = _Text.line(note, 400)
            paragraph.runs[0].font.size = Pt(18)
            paragraph.runs[0].font.color.rgb = _GREY
        if self.fictional:
            self._fictional_box(slide)
        self._footer(slide)
        return slide

    def content_slide(self, title: str) -> Any:
        slide = self.prs.slides.add_slide(self.prs.slide_layouts[_LAYOUT_TITLE_ONLY])
        heading = slide.shapes.title
        heading.left, heading.top, heading.width, heading.height = (
            _LEFT,
            Inches(0.3),
            _CONTENT_W,
            Inches(0.85),
        )
        heading.text_frame.text = _Text.line(title, 120)
        paragraph = heading.text_frame.paragraphs[0]
        paragraph.alignment = PP_ALIGN.LEFT
        paragraph.runs[0].font.size = Pt(30)
        paragraph.runs[0].font.bold = True
        self._footer(slide)
        return slide

    def caption(self, slide: Any, text: str, top: Emu = _CAPTION_TOP) -> None:
        """What the chart rests on, under it; a smaller font for a longer text."""
        text = _Text.line(text, _CAPTION_SIZES[-1][0])
        size = next(points for limit, points in _CAPTION_SIZES if len(text) <= limit)
        box = slide.shapes.add_textbox(_LEFT, top, _CONTENT_W, _FOOTER_TOP - top)
        box.name = "Caption"
        frame = box.text_frame
        frame.word_wrap = True
        frame.margin_top = frame.margin_bottom = Pt(2)
        frame.text = text
        for run in frame.paragraphs[0].runs:
            run.font.size = Pt(size)
            run.font.color.rgb = _GREY

    def _fictional_box(self, slide: Any) -> None:
        box = slide.shapes.add_textbox(_LEFT, Inches(4.85), _CONTENT_W, Inches(1.3))
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
        box = slide.shapes.add_textbox(_LEFT, _FOOTER_TOP, _CONTENT_W, Inches(0.4))
        box.name = "Footer"
        frame = box.text_frame
        frame.word_wrap = True
        paragraph = frame.paragraphs[0]
        run = paragraph.add_run()
        run.text = _Text.line(self.footer, 140)
        run.font.size = Pt(11)
        run.font.color.rgb = _GREY
        if self.fictional:
            note = paragraph.add_run()
            note.text = "  ·  " + FICTIONAL_FOOTER
            note.font.size = Pt(11)
            note.font.bold = True
            note.font.color.rgb = _WARNING_RGB

    def save(self) -> bytes:
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


def _radar_chart(
    slide: Any,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    framework: Framework,
    box: tuple[Emu, Emu, Emu, Emu],
) -> Any:
    data = CategoryChartData(number_format="0.0")
    data.categories = [_chart_text(c) for c in categories]
    for name, values in series:
        data.add_series(_chart_text(name), [_number(v) for v in values])
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


def _bar_chart(
    slide: Any,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    framework: Framework,
    box: tuple[Emu, Emu, Emu, Emu],
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
    data = CategoryChartData(number_format=label_format)
    data.categories = [_chart_text(c) for c in categories]
    for name, values in series:
        data.add_series(_chart_text(name), [_number(v) for v in values])
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
        chart.chart_title.text_frame.text = _Text.line(title)
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


def _number(value: object) -> float | None:
    if value is None or pd.isna(value):
        return None
    return float(value)


def _table(
    slide: Any,
    frame: pd.DataFrame,
    box: tuple[Emu, Emu, Emu, Emu],
    *,
    level_columns: Mapping[str, Sequence[object]] | None = None,
    framework: Framework | None = None,
    font_size: int = 14,
    first_width: float = 0.5,
) -> Any:
    """A native table; cells of ``level_columns`` are filled with their level's colour."""
    rows, columns = len(frame) + 1, len(frame.columns)
    shape = slide.shapes.add_table(rows, columns, *box)
    table = shape.table
    width = box[2]
    first = int(width * first_width) if columns > 1 else width
    rest = int((width - first) / max(columns - 1, 1))
    table.columns[0].width = first
    for column in range(1, columns):
        table.columns[column].width = rest
    row_height = int(box[3] / rows)
    for row in table.rows:
        row.height = row_height
    colours = level_colours(framework.scale) if framework is not None else {}
    for column, name in enumerate(frame.columns):
        _cell_text(table.cell(0, column), str(name), font_size, bold=True)
    for row_index, record in enumerate(frame.itertuples(index=False), start=1):
        for column, value in enumerate(record):
            cell = table.cell(row_index, column)
            _cell_text(cell, value, font_size)
            name = frame.columns[column]
            if level_columns and name in level_columns:
                level = level_columns[name][row_index - 1]
                fill = _level_fill(level, colours)
                cell.fill.solid()
                cell.fill.fore_color.rgb = _rgb(fill)
                for paragraph in cell.text_frame.paragraphs:
                    for run in paragraph.runs:
                        run.font.color.rgb = _rgb(text_colour_on(fill))
                        run.font.bold = True
    return table


def _cell_text(cell: Any, value: object, size: int, *, bold: bool = False) -> None:
    cell.text = _Text.line(value, 200)
    cell.margin_top = cell.margin_bottom = Pt(2)
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    for paragraph in cell.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(size)
            run.font.bold = bold


def _domain_scores(
    capabilities: pd.DataFrame, framework: Framework, ids: Sequence[str]
) -> dict[str, list[float | None]]:
    scores = scoring.domain_scores(_only(capabilities, ids), framework)
    result = {}
    for assessment_id in ids:
        rows = scores[scores["assessment_id"] == assessment_id]
        result[assessment_id] = [_number(value) for value in rows["score"]]
    return result


def _capability_names(frame: pd.DataFrame) -> list[str]:
    return [f"{n} · {t}" for n, t in zip(frame["capability"], frame["title"], strict=True)]


def _profile_slide(deck: _Deck, brief: _Brief, scores: Sequence[float | None]) -> None:
    slide = deck.content_slide("Domain profile")
    _radar_chart(
        slide,
        [d.name for d in brief.framework.domains],
        [(brief.label, scores)],
        brief.framework,
        (_LEFT, _CONTENT_TOP, Inches(7.4), _CHART_H),
    )
    _table(
        slide,
        brief.radar.table,
        (Inches(8.1), Inches(1.5), Inches(4.73), Inches(3.9)),
        font_size=13,
        first_width=0.55,
    )
    deck.caption(slide, brief.radar.caption)


def _pillar_slide(deck: _Deck, brief: _Brief, domain: Any) -> None:
    framework = brief.framework
    view = brief.pillars[domain.id]
    in_domain = brief.table[brief.table["domain"] == domain.id]
    slide = deck.content_slide(domain.name)
    categories = _capability_names(in_domain)
    levels = [_number(v) for v in in_domain["level"]]
    box = (_LEFT, _CONTENT_TOP, Inches(7.4), _CHART_H)
    if len(categories) >= 3:
        _radar_chart(slide, categories, [(brief.label, levels)], framework, box)
    else:
        _bar_chart(
            slide,
            categories,
            [(brief.label, levels)],
            framework,
            box,
            point_colours=[_level_fill(v, level_colours(framework.scale)) for v in levels],
            value_title="Level",
        )
    _table(
        slide,
        view.table,
        (Inches(8.1), Inches(1.5), Inches(4.73), Inches(0.55) * (len(view.table) + 1)),
        level_columns={view.table.columns[1]: list(in_domain["level"])},
        framework=framework,
        font_size=13,
        first_width=0.62,
    )
    missing = _not_assessed(in_domain)
    caption = f"{domain.outcome_heading}. {view.caption}"
    if missing:
        caption += f" Not assessed (a blank point, not 0): {'; '.join(missing)}."
    deck.caption(slide, caption)


def _overview_slide(deck: _Deck, brief: _Brief) -> None:
    """All capabilities as a level-coloured table (the heatmap of one assessment), in halves."""
    framework, table = brief.framework, brief.table
    slide = deck.content_slide("All capabilities at a glance")
    display = pd.DataFrame(
        {
            "Capability": _capability_names(table),
            "Level": [level_text(v, framework) for v in table["level"]],
        }
    )
    half = (len(display) + 1) // 2
    column_w = int((_CONTENT_W - Inches(0.3)) / 2)
    for part, (start, stop) in enumerate(((0, half), (half, len(display)))):
        chunk = display.iloc[start:stop].reset_index(drop=True)
        _table(
            slide,
            chunk,
            (
                _LEFT + part * (column_w + Inches(0.3)),
                _CONTENT_TOP,
                column_w,
                Inches(0.4) * (len(chunk) + 1),
            ),
            level_columns={"Level": list(table["level"].iloc[start:stop])},
            framework=framework,
            font_size=12,
            first_width=0.66,
        )
    deck.caption(
        slide,
        f"{brief.label}: {scoring.rests_on(brief.assessed, brief.total)}. Colours follow the "
        "level, the same as on every chart; grey means not assessed.",
        top=Inches(6.35),
    )


def _highlights_slide(deck: _Deck, brief: _Brief) -> None:
    framework = brief.framework
    strengths, gaps = scoring.strengths_and_gaps(brief.focus, brief.assessment_id, framework)
    slide = deck.content_slide("Strengths and gaps")
    colours = level_colours(framework.scale)
    half_w = int((_CONTENT_W - Inches(0.3)) / 2)
    for part, (frame, title) in enumerate(
        ((gaps, "Gaps: the lowest levels"), (strengths, "Strengths: the highest levels"))
    ):
        left = _LEFT + part * (half_w + Inches(0.3))
        if frame.empty:
            box = slide.shapes.add_textbox(left, _CONTENT_TOP, half_w, Inches(1))
            box.text_frame.word_wrap = True
            box.text_frame.text = f"{title}: too few capabilities were assessed to show any."
            continue
        levels = [_number(v) for v in frame["level"]]
        _bar_chart(
            slide,
            _capability_names(frame),
            [(brief.label, levels)],
            framework,
            (left, _CONTENT_TOP, half_w, _CHART_H),
            point_colours=[_level_fill(v, colours) for v in levels],
            title=title,
        )
    missing = _not_assessed(brief.table)
    caption = (
        f"{brief.label}: {scoring.rests_on(brief.assessed, brief.total)}. Gaps and strengths "
        "are taken from the assessed capabilities only; a capability that was not assessed is "
        "never a gap"
    )
    caption += f" (not assessed: {'; '.join(missing)})." if missing else "."
    deck.caption(slide, caption)


def country_deck_pptx(
    capabilities: pd.DataFrame,
    enablers: pd.DataFrame,
    framework: Framework,
    assessment_id: str,
    labels: Mapping[str, str],
    *,
    fictional: bool,
) -> bytes:
    """A 16:9 PowerPoint deck for one assessment, with native, editable charts.

    Slides: title (with a boxed fictional note when ``fictional``); the domain radar (native
    radar chart, one series, blank points for domains without a score) beside its score
    table; one slide per domain (native radar of its capabilities, or clustered bars for a
    domain of fewer than three) beside a level table; all capabilities as a level-coloured
    table; strengths and gaps as native bar charts. Each chart slide has a caption saying
    what it rests on; every footer carries the fictional note when ``fictional``. Needs no
    browser. ``enablers`` is accepted for symmetry with the brief and not charted (enablers
    belong to no domain and are in no score).
    """
    brief = _make_brief(capabilities, enablers, framework, assessment_id, labels, styles={})
    deck = _Deck(f"{DECK_TITLE} · {brief.label}", fictional, f"{DECK_TITLE}: {brief.label}")
    deck.title_slide(
        DECK_TITLE,
        brief.label,
        [
            scoring.rests_on(brief.assessed, brief.total),
            f"Overall score {_score_text(brief.overall['score'])} on the scale "
            f"{framework.scale.minimum} to {framework.scale.maximum}"
            if brief.assessed
            else "No score: no capability was assessed",
            f"{framework.name} · {LEARNING_NOTE}",
        ],
    )
    _profile_slide(
        deck, brief, _domain_scores(brief.focus, framework, [assessment_id])[assessment_id]
    )
    for domain in framework.domains:
        _pillar_slide(deck, brief, domain)
    _overview_slide(deck, brief)
    _highlights_slide(deck, brief)
    return deck.save()


def comparison_deck_pptx(
    capabilities: pd.DataFrame,
    framework: Framework,
    assessment_ids: Sequence[str],
    labels: Mapping[str, str],
    *,
    fictional: bool,
    focus_id: str | None = None,
) -> bytes:
    """A 16:9 deck comparing assessments: title, clustered bars, radar, differences table.

    The order is the order given (a comparison is for learning, not a ranking). The radar
    shows at most ``views.MAX_RADAR_SERIES`` assessments; the bars and table show all. With
    ``focus_id``, the table adds each assessment's difference to it. Pass anonymised labels
    ("Country A", ...) to anonymise the deck.
    """
    if isinstance(assessment_ids, str):
        raise TypeError("assessment_ids must be a list of ids, not a single string.")
    ids = list(dict.fromkeys(assessment_ids))
    if not ids:
        raise ValueError("choose at least one assessment to compare.")
    for assessment_id in ids:
        _check_assessment(capabilities, assessment_id)
    names = _labels_for(capabilities, labels)
    chosen = _only(capabilities, ids)
    bars, radar, differences = views.comparison_views(chosen, framework, names, ids, focus_id)
    scores = _domain_scores(chosen, framework, ids)
    domain_names = [d.name for d in framework.domains]

    deck = _Deck(f"{COMPARISON_TITLE} · {LEARNING_NOTE}", fictional, COMPARISON_TITLE)
    deck.title_slide(
        COMPARISON_TITLE,
        f"{len(ids)} assessment{'s' if len(ids) != 1 else ''}",
        ["; ".join(names[i] for i in ids), LEARNING_NOTE],
    )

    slide = deck.content_slide("Domain scores")
    _bar_chart(
        slide,
        domain_names,
        [(names[i], scores[i]) for i in ids],
        framework,
        (_LEFT, _CONTENT_TOP, _CONTENT_W, _CHART_H),
        horizontal=False,
        label_format="0.0",
        value_title="Domain score (mean level)",
    )
    deck.caption(slide, bars.caption)

    slide = deck.content_slide("Domain profiles")
    radar_ids = ids[: views.MAX_RADAR_SERIES]
    _radar_chart(
        slide,
        domain_names,
        [(names[i], scores[i]) for i in radar_ids],
        framework,
        (_LEFT, _CONTENT_TOP, _CONTENT_W, _CHART_H),
    )
    deck.caption(slide, radar.caption)

    slide = deck.content_slide("Scores side by side" if focus_id not in ids else "Differences")
    size = 14 if len(differences.columns) <= 5 else 11
    _table(
        slide,
        differences,
        (_LEFT, _CONTENT_TOP, _CONTENT_W, Inches(0.55) * (len(differences) + 1)),
        font_size=size,
        first_width=min(0.3, 1.5 / max(len(differences.columns), 1)),
    )
    overall = scoring.overall_scores(chosen, framework).set_index("assessment_id")
    rests = "; ".join(
        f"{names[i]}: {scoring.rests_on(overall.at[i, 'assessed'], overall.at[i, 'total'])}"
        for i in ids
    )
    deck.caption(
        slide,
        "Domain scores (mean level of the assessed capabilities; – where no capability of the "
        "domain was assessed)"
        + (f", and each assessment's difference to {names[focus_id]}." if focus_id in ids else ".")
        + f" {rests}.",
    )
    return deck.save()


# === Data: xlsx and csv =========================================================================


def _when_cell(value: object) -> object:
    """An ISO date as a real date (Excel sorts and filters it); other text as it is."""
    text = _Text.line(value)
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return text


def _meta(record: Mapping[str, Any]) -> list[object]:
    year = record.get("year")
    return [
        _Text.data(record.get("country")),
        _Text.data(record.get("iso3")),
        None if year is None or pd.isna(year) else int(year),
        _Text.data(record.get("date")),
        _Text.data(record.get("round")),
        _Text.data(record.get("assessed_by")),
    ]


def _long_table(frame: pd.DataFrame, framework: Framework, kind: str) -> pd.DataFrame:
    """One row per (assessment, framework item), in the order of first appearance."""
    columns = CAPABILITY_SHEET_COLUMNS if kind == "capability" else ENABLER_SHEET_COLUMNS
    has_origin = frame is not None and "origin" in frame.columns
    out_columns = [*columns, ORIGIN_COLUMN] if has_origin else list(columns)
    if frame is None or frame.empty:
        return pd.DataFrame(columns=out_columns)
    items = framework.capabilities if kind == "capability" else framework.enablers
    domain_names = {d.id: d.name for d in framework.domains}
    records = []
    for _, rows in frame.groupby("assessment_id", sort=False, dropna=True):
        by_number: dict[int, Mapping[str, Any]] = {}
        for record in rows.to_dict("records"):
            number = record.get(kind)
            if number is not None and not pd.isna(number):
                by_number.setdefault(int(number), record)
        head = rows.iloc[0].to_dict()
        meta = _meta(head)
        origin = head.get("origin") if has_origin else None
        for item in items:
            record = by_number.get(item.number, {})
            level = record.get("level")
            row = [*meta, item.number, item.title]
            if kind == "capability":
                row.append(domain_names.get(item.domain, item.domain))
            row += [
                None if level is None or pd.isna(level) else int(level),
                _Text.data(record.get("evidence")),
                _Text.data(record.get("confidence")),
            ]
            if has_origin:
                row.append(_ORIGIN_TEXT.get(str(origin), _Text.line(origin) or None))
            records.append(row)
    return pd.DataFrame(records, columns=out_columns, dtype=object)


_XLSX_HEADER_FONT = Font(bold=True, color="FFFFFF")
_XLSX_HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
_XLSX_WRAP = Alignment(wrap_text=True, vertical="top")
_XLSX_TOP = Alignment(vertical="top")
_XLSX_WIDTHS = {
    "Country": 18,
    "ISO3": 7,
    "Year": 7,
    "Date": 12,
    "Round": 16,
    "Assessed by": 22,
    "Capability no": 9,
    "Capability": 36,
    "Enabler no": 9,
    "Enabler": 48,
    "Domain": 24,
    "Level": 7,
    "Evidence": 60,
    "Confidence": 12,
    ORIGIN_COLUMN: 16,
}


def _write_sheet(sheet: Any, table: pd.DataFrame) -> None:
    sheet.append(list(table.columns))
    for cell in sheet[1]:
        cell.font = _XLSX_HEADER_FONT
        cell.fill = _XLSX_HEADER_FILL
        cell.alignment = _XLSX_WRAP
    evidence_column = list(table.columns).index("Evidence") + 1
    for record in table.itertuples(index=False):
        values = [
            neutralise_formula(_when_cell(value) if name == "Date" else value)
            for name, value in zip(table.columns, record, strict=True)
        ]
        sheet.append(values)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = _XLSX_WRAP if cell.column == evidence_column else _XLSX_TOP
            if isinstance(cell.value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(cell.value, str):
                # Belt and braces: openpyxl would store "=..." as a formula; neutralised text
                # never starts with "=", and a string cell is never evaluated.
                cell.data_type = "s"
    for index, name in enumerate(table.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _XLSX_WIDTHS.get(name, 14)
    sheet.freeze_panes = "A2"
    if len(table):
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{len(table) + 1}"


def _readme_lines(framework: Framework, capabilities: pd.DataFrame, fictional: bool) -> list[str]:
    count = 0 if capabilities.empty else int(capabilities["assessment_id"].nunique())
    lines = [
        "MNR Dashboard: combined assessment data",
        "",
        f"{count} assessment{'s' if count != 1 else ''} against {framework.name} "
        f"({framework.publisher}).",
        f"Sheet “{CAPABILITY_SHEET}”: one row per assessment and capability "
        f"({len(framework.capabilities)} capabilities in {len(framework.domains)} domains).",
        f"Sheet “{ENABLER_SHEET}”: one row per assessment and cross-cutting enabler "
        f"({len(framework.enablers)} enablers).",
        f"Sheet “{SCALE_SHEET}”: what each level means.",
        "",
        f"Levels run from {framework.scale.minimum} to {framework.scale.maximum}. An empty Level "
        "cell means the capability was not assessed: it is missing, never 0, and must not be "
        "averaged as 0.",
        "Text that begins with =, +, -, @, a tab or a line break has a leading apostrophe, so "
        "that a spreadsheet shows it as text instead of running it as a formula.",
        "This workbook can be uploaded to the MNR Dashboard again: its reader understands the "
        f"“{CAPABILITY_SHEET}” sheet.",
        LEARNING_NOTE,
    ]
    if fictional:
        lines += ["", "FICTIONAL DATA. " + DEMO_NOTICE]
    return lines


def combined_workbook_xlsx(
    capabilities: pd.DataFrame, enablers: pd.DataFrame, framework: Framework
) -> bytes:
    """Every assessment's capabilities and enablers as long tables in one xlsx workbook.

    Sheets: README (what this is), Capabilities (Country, ISO3, Year, Date, Round, Assessed
    by, Capability no, Capability, Domain, Level, Evidence, Confidence, and Origin when the
    frame has an ``origin`` column), Enablers (the same with Enabler no, Enabler) and Scale.
    Every assessment has a row for every capability of the framework; a blank level is not
    assessed. Every text cell passes through ``neutralise_formula``.
    """
    fictional = is_fictional(capabilities)
    workbook = Workbook()
    readme = workbook.active
    readme.title = README_SHEET
    for line in _readme_lines(framework, capabilities, fictional):
        readme.append([neutralise_formula(line) if line else None])
    readme["A1"].font = Font(bold=True, size=14)
    readme.column_dimensions["A"].width = 120
    for row in readme.iter_rows(min_row=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    if fictional:
        readme.cell(readme.max_row, 1).font = Font(bold=True, color="B35C00")

    _write_sheet(
        workbook.create_sheet(CAPABILITY_SHEET), _long_table(capabilities, framework, "capability")
    )
    _write_sheet(workbook.create_sheet(ENABLER_SHEET), _long_table(enablers, framework, "enabler"))
    scale = workbook.create_sheet(SCALE_SHEET)
    scale.append(["Level", "Label", "What it means"])
    for cell in scale[1]:
        cell.font = _XLSX_HEADER_FONT
        cell.fill = _XLSX_HEADER_FILL
    for level in framework.scale.levels:
        scale.append(
            [level.value, neutralise_formula(level.label), neutralise_formula(level.descriptor)]
        )
    scale.column_dimensions["B"].width = 18
    scale.column_dimensions["C"].width = 90
    workbook.active = 1  # open on the data
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def combined_csv(capabilities: pd.DataFrame, framework: Framework) -> bytes:
    """The Capabilities long table as UTF-8 CSV with a byte-order mark, formulas neutralised.

    The same columns as the workbook's Capabilities sheet; the app's reader reads it back.
    """
    return safe_csv_bytes(_long_table(capabilities, framework, "capability"))
