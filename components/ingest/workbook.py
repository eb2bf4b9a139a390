"""Excel/CSV in: the template writer, the tolerant reader, and its validation report.

The reader accepts what people really make in Excel: the app's template (also after rows were
inserted, columns moved and headers reworded), long tables (country, year, capability, level)
and wide ones (capabilities x countries, countries x capabilities), one or several assessments
per sheet, in xlsx/xlsm and csv. Whatever it cannot use becomes a ``Problem`` naming the file,
sheet and cell, and what would fix it; it never raises for bad input and never guesses.

Files are hostile until proven otherwise: ``components.ingest.file_guard`` checks size and zip
expansion before openpyxl sees the bytes; here, sheets, rows and columns are read lazily and
only up to ``ReadLimits``, external links and macros are not loaded, and formulas are read as
their cached values (a formula without one is reported).
"""

from __future__ import annotations

import bisect
import csv
import datetime
import hashlib
import io
import re
import warnings
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd
from openpyxl import Workbook, load_workbook
from openpyxl.reader import excel as openpyxl_excel
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_from_string
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from components.base.text import normalise
from components.framework.model import Framework
from components.ingest.file_guard import DEFAULT_LIMITS, FileRejected, ReadLimits, check_upload
from components.ingest.matching import (
    CONFIDENCE_VALUES,
    METADATA_FIELDS,
    Catalogue,
    Field,
    ItemMatch,
    When,
    capability_catalogue,
    classify_header,
    enabler_catalogue,
    exact_reference,
    is_blank,
    level_choices,
    match_any,
    parse_confidence,
    parse_iso3,
    parse_level,
    parse_when,
    split_assessment_header,
)

ASSESSMENT_COLUMNS = [
    "assessment_id",
    "country",
    "iso3",
    "year",
    "date",
    "round",
    "assessed_by",
    "source",
]
CAPABILITY_COLUMNS = [
    *ASSESSMENT_COLUMNS,
    "capability",
    "domain",
    "level",
    "evidence",
    "confidence",
]
ENABLER_COLUMNS = [*ASSESSMENT_COLUMNS, "enabler", "level", "evidence", "confidence"]
DUPLICATE_COLUMNS = [
    "duplicate_group",
    "assessment_id",
    "country",
    "year",
    "date",
    "round",
    "source",
    "assessed",
]
PROBLEM_COLUMNS = ["severity", "file", "sheet", "cell", "message", "fix"]

# Sheets of the app's own template and export that hold no assessment: skipped without a
# word (names compared case-insensitively).
TEMPLATE_INFO_SHEETS = frozenset({"instructions", "readme", "scale"})
SOURCE_SEPARATOR = " › "
# A table's header row is looked for in this many rows from the top: generous for notes and
# rows inserted above, and it bounds the work on a sheet that has no table at all.
HEADER_SCAN_ROWS = 200
# Rows below a candidate header that are looked at to recognise a wide table's key column.
KEY_SAMPLE_ROWS = 40
MIN_KEY_MATCHES = 3
# Past the row limit, empty rows (formatting) are skipped up to this many times the limit, in
# case data follows; a million formatted rows then still cost bounded time.
BLANK_ROWS_PAST_LIMIT = 10
MAX_QUOTED_CHARS = 60

Severity = Literal["error", "warning"]
_INT_COLUMNS = ("year", "capability", "enabler", "level")
_TEXT_COLUMNS = (
    "assessment_id",
    "country",
    "iso3",
    "date",
    "round",
    "assessed_by",
    "source",
    "domain",
    "evidence",
    "confidence",
)

_FIX_TABLE = (
    "Use the template from the upload page, or a table with the columns Country, Year, "
    "Capability and Level (one row per capability), or capabilities as rows and countries "
    "as columns."
)


# --- public data types --------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing the reader could not use as given.

    ``error``: the value was not used. ``warning``: it was used with the assumption the
    message states. ``cell`` is an Excel address ("D14"), a row ("row 14"), or ``None`` when
    the problem concerns a whole sheet or file.
    """

    severity: Severity
    file: str
    sheet: str | None
    cell: str | None
    message: str
    fix: str


@dataclass(frozen=True)
class AssessmentInput:
    """What a filled template (or a generated demo file) holds for one assessment."""

    country: str
    year: int | None = None
    date: datetime.date | None = None
    iso3: str | None = None
    round: str | None = None
    assessed_by: str | None = None
    levels: Mapping[int, int | None] = field(default_factory=dict)
    evidence: Mapping[int, str] = field(default_factory=dict)
    confidence: Mapping[int, str] = field(default_factory=dict)
    enabler_levels: Mapping[int, int | None] = field(default_factory=dict)
    enabler_evidence: Mapping[int, str] = field(default_factory=dict)
    enabler_confidence: Mapping[int, str] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class ReadResult:
    """Everything read from one file: tidy tables and the problems found on the way."""

    file: str
    capabilities: pd.DataFrame
    enablers: pd.DataFrame
    problems: tuple[Problem, ...]

    def assessments(self) -> pd.DataFrame:
        """One row per assessment, with how many capabilities have a level out of how many."""
        return summarise_assessments(self.capabilities)

    def problems_frame(self) -> pd.DataFrame:
        """The problems as a table, errors first, otherwise in the order they were found."""
        frame = pd.DataFrame(
            [[getattr(p, column) for column in PROBLEM_COLUMNS] for p in self.problems],
            columns=PROBLEM_COLUMNS,
            dtype=object,
        )
        order = frame["severity"].map({"error": 0, "warning": 1})
        return (
            frame.assign(_order=order)
            .sort_values("_order", kind="stable")
            .drop(columns="_order")
            .reset_index(drop=True)
        )

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)


def summarise_assessments(capabilities: pd.DataFrame) -> pd.DataFrame:
    """Assessment columns plus ``assessed`` (capabilities with a level) and ``total``."""
    columns = [*ASSESSMENT_COLUMNS, "assessed", "total"]
    if capabilities.empty:
        return _typed(pd.DataFrame(columns=columns)).astype({"assessed": "int64", "total": "int64"})
    grouped = capabilities.groupby("assessment_id", sort=False, dropna=False)
    counts = grouped["level"].agg(assessed="count", total="size").reset_index()
    first = capabilities.drop_duplicates("assessment_id")[ASSESSMENT_COLUMNS]
    summary = first.merge(counts, on="assessment_id", how="left")
    return summary.astype({"assessed": "int64", "total": "int64"}).reset_index(drop=True)


# --- the template -------------------------------------------------------------------------

_TITLE_FONT = Font(bold=True, size=14)
_BOLD = Font(bold=True)
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
_ANSWER_FILL = PatternFill("solid", fgColor="FFF7D6")
_THIN = Side(style="thin", color="8C8C8C")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")

METADATA_LABELS = (
    ("country", "Country"),
    ("iso3", "ISO3 code (optional)"),
    ("when", "Date or year"),
    ("round", "Round label (optional)"),
    ("assessed_by", "Assessed by"),
)
CAPABILITY_HEADERS = (
    "No.",
    "Domain",
    "Capability",
    "Description",
    "Level",
    "Evidence / notes",
    "Confidence",
)
ENABLER_HEADERS = ("No.", "Enabler", "Level", "Evidence / notes", "Confidence")
_CAPABILITY_WIDTHS = (6, 24, 34, 60, 20, 50, 14)
_ENABLER_WIDTHS = (6, 60, 20, 50, 14)


def write_template(framework: Framework, assessment: AssessmentInput | None = None) -> bytes:
    """The assessment workbook (xlsx bytes), generated from the framework so it never drifts.

    Sheets: Instructions, Assessment (metadata block and one row per capability, with level
    and confidence drop-downs), Enablers, Scale. With ``assessment``, the metadata and answers
    are filled in (demo data, round-trip tests). Raises ``ValueError`` when ``assessment``
    names a capability, enabler, level or confidence the framework does not have.
    """
    if assessment is not None:
        _check_input(framework, assessment)
    workbook = Workbook()
    _write_instructions(workbook.active, framework)
    _write_capabilities(workbook.create_sheet("Assessment"), framework, assessment)
    _write_enablers(workbook.create_sheet("Enablers"), framework, assessment)
    _write_scale(workbook.create_sheet("Scale"), framework)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _check_input(framework: Framework, assessment: AssessmentInput) -> None:
    """Programming errors in generated data should fail loudly, not produce a bad file."""
    parts = (
        ("capability", len(framework.capabilities), assessment.levels, assessment.confidence),
        (
            "enabler",
            len(framework.enablers),
            assessment.enabler_levels,
            assessment.enabler_confidence,
        ),
    )
    for kind, count, levels, confidences in parts:
        for number, level in levels.items():
            if number not in range(1, count + 1):
                raise ValueError(f"there is no {kind} {number}")
            if level is not None and level not in framework.scale.values:
                raise ValueError(f"{kind} {number}: level {level} is not on the scale")
        for number, confidence in confidences.items():
            if confidence not in CONFIDENCE_VALUES:
                raise ValueError(
                    f"{kind} {number}: confidence {confidence!r} is not one of {CONFIDENCE_VALUES}"
                )


def _level_entry(framework: Framework, level: int | None) -> str | None:
    """A level as the drop-down shows it: ``2 - Developing``."""
    if level is None:
        return None
    return f"{level} - {framework.scale.level(level).label}"


def _level_validation(framework: Framework) -> DataValidation:
    entries = [_level_entry(framework, level.value) or "" for level in framework.scale.levels]
    literal = ",".join(entries)
    # An inline list survives the Scale sheet being deleted; it cannot hold commas or quotes
    # and Excel caps it at 255 characters, so fall back to the Scale sheet's column then.
    if len(literal) <= 250 and not any("," in e or '"' in e for e in entries):
        formula = f'"{literal}"'
    else:
        formula = f"'Scale'!$D$2:$D${len(entries) + 1}"
    # "warning" rather than "stop": a typed 2 or "developing" is fine for the reader.
    return DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        errorStyle="warning",
        errorTitle="Not a level on the scale",
        error=f"Choose one of: {level_choices(framework.scale)}. Leave blank if not assessed.",
        promptTitle="Level",
        prompt="Choose a level, or leave blank if not assessed.",
    )


def _confidence_validation() -> DataValidation:
    return DataValidation(
        type="list",
        formula1='"' + ",".join(CONFIDENCE_VALUES) + '"',
        allow_blank=True,
        errorStyle="warning",
        errorTitle="Not a confidence value",
        error="Choose low, medium or high, or leave blank.",
    )


def _header_row(sheet: Any, row: int, headers: Iterable[str], widths: Iterable[int]) -> None:
    for column, (text, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = sheet.cell(row=row, column=column, value=text)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.border = _BOX
        cell.alignment = _WRAP
        sheet.column_dimensions[get_column_letter(column)].width = width


def _answer_cell(cell: Any, value: Any = None, wrap: bool = False) -> None:
    """An answer cell: visibly something to fill in (light fill, border)."""
    cell.value = value
    cell.fill = _ANSWER_FILL
    cell.border = _BOX
    cell.alignment = _WRAP if wrap else _TOP


def _write_capabilities(
    sheet: Any, framework: Framework, assessment: AssessmentInput | None
) -> None:
    sheet["A1"] = f"{framework.name}: self-assessment"
    sheet["A1"].font = _TITLE_FONT
    sheet["A2"] = (
        "Fill in the shaded cells. Leave a level blank when the capability was not assessed "
        "(blank means not assessed, never 0). See the Instructions sheet."
    )
    values: dict[str, Any] = {}
    if assessment is not None:
        values = {
            "country": assessment.country,
            "iso3": assessment.iso3,
            "when": assessment.date or assessment.year,
            "round": assessment.round,
            "assessed_by": assessment.assessed_by,
        }
    first = 4
    for offset, (key, label) in enumerate(METADATA_LABELS):
        row = first + offset
        # Label and value side by side, unmerged, so "the cell right of the label" is the
        # answer cell for people and for the reader alike.
        sheet.cell(row=row, column=2, value=label).font = _BOLD
        cell = sheet.cell(row=row, column=3)
        _answer_cell(cell, values.get(key))
        if isinstance(cell.value, datetime.date):
            cell.number_format = "yyyy-mm-dd"

    header = first + len(METADATA_LABELS) + 1
    items = [
        (
            capability.number,
            framework.domain(capability.domain).name,
            capability.title,
            capability.description,
        )
        for capability in framework.capabilities
    ]
    answers = (
        (assessment.levels, assessment.evidence, assessment.confidence)
        if assessment is not None
        else ({}, {}, {})
    )
    _write_answer_table(
        sheet,
        framework,
        header,
        headers=CAPABILITY_HEADERS,
        widths=_CAPABILITY_WIDTHS,
        items=items,
        answers=answers,
    )


def _write_enablers(sheet: Any, framework: Framework, assessment: AssessmentInput | None) -> None:
    sheet["A1"] = "Cross-cutting enablers"
    sheet["A1"].font = _TITLE_FONT
    sheet["A2"] = (
        "These answers belong to the assessment on the Assessment sheet. Leave a level blank "
        "when the enabler was not assessed."
    )
    items = [(enabler.number, enabler.title) for enabler in framework.enablers]
    answers = (
        (assessment.enabler_levels, assessment.enabler_evidence, assessment.enabler_confidence)
        if assessment is not None
        else ({}, {}, {})
    )
    _write_answer_table(
        sheet,
        framework,
        4,
        headers=ENABLER_HEADERS,
        widths=_ENABLER_WIDTHS,
        items=items,
        answers=answers,
    )


def _write_answer_table(
    sheet: Any,
    framework: Framework,
    header: int,
    *,
    headers: Sequence[str],
    widths: Sequence[int],
    items: Sequence[tuple[Any, ...]],
    answers: tuple[Mapping[int, Any], Mapping[int, Any], Mapping[int, Any]],
) -> None:
    """The header row, then one row per item: its fixed cells (its number first) and the
    Level, Evidence / notes and Confidence answer cells, with the level and confidence
    drop-downs. ``answers`` holds the levels, evidence and confidence by item number."""
    _header_row(sheet, header, headers, widths)
    levels = _level_validation(framework)
    confidence = _confidence_validation()
    sheet.add_data_validation(levels)
    sheet.add_data_validation(confidence)
    level_column = headers.index("Level") + 1  # then evidence, then confidence
    level_by, evidence_by, confidence_by = answers
    for row, fixed in enumerate(items, start=header + 1):
        number = fixed[0]
        for column, value in enumerate(fixed, start=1):
            cell = sheet.cell(row=row, column=column, value=value)
            cell.border = _BOX
            cell.alignment = _WRAP
        level = level_by.get(number)
        _answer_cell(sheet.cell(row=row, column=level_column), _level_entry(framework, level))
        _answer_cell(
            sheet.cell(row=row, column=level_column + 1), evidence_by.get(number), wrap=True
        )
        _answer_cell(sheet.cell(row=row, column=level_column + 2), confidence_by.get(number))
    first, last = header + 1, header + len(items)
    level_letter = get_column_letter(level_column)
    confidence_letter = get_column_letter(level_column + 2)
    levels.add(f"{level_letter}{first}:{level_letter}{last}")
    confidence.add(f"{confidence_letter}{first}:{confidence_letter}{last}")
    sheet.freeze_panes = f"A{first}"


def _write_scale(sheet: Any, framework: Framework) -> None:
    _header_row(sheet, 1, ("Value", "Label", "Descriptor", "Drop-down entry"), (8, 18, 80, 22))
    for row, level in enumerate(framework.scale.levels, start=2):
        values = (level.value, level.label, level.descriptor, _level_entry(framework, level.value))
        for column, value in enumerate(values, start=1):
            sheet.cell(row=row, column=column, value=value).alignment = _WRAP


def _write_instructions(sheet: Any, framework: Framework) -> None:
    sheet.title = "Instructions"
    for letter, width in zip("ABC", (10, 20, 90), strict=True):
        sheet.column_dimensions[letter].width = width
    scale = framework.scale
    paragraphs = [
        f"{framework.name}: self-assessment workbook",
        f"This workbook records one self-assessment against the {framework.name} "
        f"({framework.publisher}): {len(framework.capabilities)} capabilities in "
        f"{len(framework.domains)} domains, and {len(framework.enablers)} cross-cutting "
        "enablers. Upload it to the MNR Dashboard to see the results.",
        "How to fill it in",
        "1. On the Assessment sheet, fill in the shaded cells at the top: Country (required), "
        "ISO3 code (optional), Date or year (a year such as 2024, or a date such as "
        "2024-03-31), Round label (optional, e.g. baseline) and Assessed by.",
        "2. For each capability, choose a level from the drop-down in the Level column, or "
        "type its number. Leave the level blank if the capability was not assessed: blank "
        "means not assessed, and it is never counted as 0.",
        "3. Evidence / notes: what the level rests on (documents, laws, services, data).",
        "4. Confidence: how sure you are of the level, one of "
        + ", ".join(CONFIDENCE_VALUES)
        + ". Leave it blank if you prefer.",
        "5. Do the same for the enablers on the Enablers sheet; they belong to the same "
        "assessment.",
        "6. Save as .xlsx and upload. You may insert rows or notes above the tables, reorder "
        "the columns or reword the headers a little: the dashboard still finds them. One "
        "workbook can hold several assessments, one per sheet, each with its own Country.",
        f"The scale: {scale.name}",
    ]
    row = 1
    for index, text in enumerate(paragraphs):
        cell = sheet.cell(row=row, column=1, value=text)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
        cell.alignment = _WRAP
        if index in (0, 2, len(paragraphs) - 1):
            cell.font = _TITLE_FONT if index == 0 else _BOLD
        else:
            # Excel does not size merged rows to their text; estimate from ~110 chars a line.
            sheet.row_dimensions[row].height = 15 * (1 + len(text) // 110)
        row += 1
    _header_row(sheet, row, ("Value", "Label", "Descriptor"), (10, 20, 90))
    for level in scale.levels:
        row += 1
        for column, value in enumerate((level.value, level.label, level.descriptor), start=1):
            sheet.cell(row=row, column=column, value=value).alignment = _WRAP
    row += 1
    sheet.cell(row=row, column=1, value="Blank").alignment = _WRAP
    sheet.cell(row=row, column=2, value="Not assessed").alignment = _WRAP
    sheet.cell(row=row, column=3, value="No level: left out of every score, never counted as 0.")
    row += 2
    sheet.cell(row=row, column=1, value="Confidence").font = _BOLD
    meanings = {
        "low": "little or indirect evidence; the level is a best guess",
        "medium": "some documented evidence; reasonable people could differ by one level",
        "high": "well documented and agreed by the people assessing",
    }
    for value in CONFIDENCE_VALUES:
        row += 1
        sheet.cell(row=row, column=2, value=value)
        sheet.cell(row=row, column=3, value=meanings[value]).alignment = _WRAP


# --- reading: sheets as grids of values ---------------------------------------------------


@dataclass
class _Sheet:
    """A sheet's values, row by row (index 0 is Excel row 1), trailing blanks trimmed."""

    name: str | None  # None for a csv file
    rows: list[tuple[Any, ...]]
    hidden: bool = False

    def value(self, row: int, column: int) -> Any:
        if row >= len(self.rows):
            return None
        cells = self.rows[row]
        return cells[column] if column < len(cells) else None

    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def _address(row: int, column: int) -> str:
    """Excel's name for a 0-based (row, column): (13, 3) -> "D14"."""
    return f"{get_column_letter(column + 1)}{row + 1}"


def _a(noun: str) -> str:
    """The noun with its article: "a capability", "an enabler"."""
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def _quote(value: Any) -> str:
    text = " ".join(str(value).split())
    if len(text) > MAX_QUOTED_CHARS:
        text = text[: MAX_QUOTED_CHARS - 1] + "…"
    return f"“{text}”"


def _trim(values: Sequence[Any]) -> tuple[Any, ...]:
    """A row without trailing blanks, blank text as ``None``."""
    end = len(values)
    while end and (values[end - 1] is None or is_blank(values[end - 1])):
        end -= 1
    return tuple(None if v is None or is_blank(v) else v for v in values[:end])


@dataclass
class _Context:
    """What one read carries around: the file, the framework, and what was found so far."""

    file: str
    framework: Framework
    limits: ReadLimits
    # A digest of the file's bytes: part of every assessment id, so that two different files
    # with the same name (or a corrected re-upload) never merge into one assessment.
    content_key: str = ""
    problems: list[Problem] = field(default_factory=list)
    # (sheet, row, column) -> what the cell would have given, for cells that were blank on
    # the cached-values pass but are used: checked for formulas without a saved result.
    formula_cells: dict[tuple[str, int, int], str] = field(default_factory=dict)
    reported: set[tuple[Any, ...]] = field(default_factory=set)

    @property
    def capabilities(self) -> Catalogue:
        return capability_catalogue(self.framework)

    @property
    def enablers(self) -> Catalogue:
        return enabler_catalogue(self.framework)

    def add(
        self,
        severity: Severity,
        sheet: _Sheet | None,
        cell: str | None,
        message: str,
        fix: str,
    ) -> None:
        self.problems.append(
            Problem(severity, self.file, sheet.name if sheet else None, cell, message, fix)
        )

    def once(self, key: tuple[Any, ...]) -> bool:
        """True the first time ``key`` is seen: one warning for a value repeated down a column."""
        if key in self.reported:
            return False
        self.reported.add(key)
        return True

    def watch_formula(self, sheet: _Sheet, row: int, column: int, meaning: str) -> None:
        if sheet.name is not None:
            self.formula_cells.setdefault((sheet.name, row, column), meaning)


class _ReadOnlyWorksheetWithoutSizeScan(ReadOnlyWorksheet):
    """openpyxl's read-only sheet, without its up-front size scan.

    When a sheet has no ``<dimension>`` tag (openpyxl's own write-only mode leaves it out),
    openpyxl parses the entire sheet just to learn its size, before a single row is read: a
    sheet of a million rows took 17 seconds before the row limit could apply. The reader resets
    the dimensions and reads rows lazily anyway, so the size is never needed.
    """

    def _get_size(self) -> None:
        return None


# openpyxl builds read-only sheets through this module-level name; pointing it at the class
# above affects only read-only loading, which in this app is only ever the reader's.
openpyxl_excel.ReadOnlyWorksheet = _ReadOnlyWorksheetWithoutSizeScan  # type: ignore[misc]


def _read_xlsx(ctx: _Context, data: bytes) -> list[_Sheet]:
    limits = ctx.limits
    workbook = load_workbook(
        io.BytesIO(data), read_only=True, data_only=True, keep_links=False, keep_vba=False
    )
    try:
        worksheets = list(workbook.worksheets)
        if len(worksheets) > limits.max_sheets:
            ctx.add(
                "error",
                None,
                None,
                f"The workbook has {len(worksheets)} sheets; only the first "
                f"{limits.max_sheets} were read.",
                f"Split it into workbooks of at most {limits.max_sheets} sheets.",
            )
            worksheets = worksheets[: limits.max_sheets]
        return [_read_worksheet(ctx, sheet) for sheet in worksheets]
    finally:
        workbook.close()


def _read_worksheet(ctx: _Context, worksheet: Any) -> _Sheet:
    """Read one sheet lazily, stopping at the row and column limits (bounded time and memory)."""
    limits = ctx.limits
    sheet = _Sheet(worksheet.title, [], hidden=worksheet.sheet_state != "visible")
    # The stored dimension can be wrong (some writers put "A1"); read the cells themselves.
    worksheet.reset_dimensions()
    wide = False
    blank_after_limit = 0
    # No max_col: each row comes back as wide as its own last cell (openpyxl would otherwise
    # pad every row to the limit), and anything past the limit is cut right away below.
    for values in worksheet.iter_rows(min_row=1, values_only=True):
        if len(sheet.rows) >= limits.max_rows_per_sheet:
            if any(not is_blank(v) for v in values):
                ctx.add(
                    "error",
                    sheet,
                    f"row {limits.max_rows_per_sheet + blank_after_limit + 1}",
                    f"The sheet has more than {limits.max_rows_per_sheet} rows; the rows after "
                    f"row {limits.max_rows_per_sheet} were not read.",
                    f"Split the data into sheets or files of at most "
                    f"{limits.max_rows_per_sheet} rows.",
                )
                break
            # Formatting can reach far below the data: look past the limit for more data,
            # but not forever, and say so when the look stopped short of the sheet's end.
            blank_after_limit += 1
            if blank_after_limit > BLANK_ROWS_PAST_LIMIT * limits.max_rows_per_sheet:
                ctx.add(
                    "warning",
                    sheet,
                    f"row {limits.max_rows_per_sheet + blank_after_limit}",
                    f"The sheet goes on past row {limits.max_rows_per_sheet + blank_after_limit}"
                    f" with empty rows; anything after row {limits.max_rows_per_sheet} that "
                    "follows them was not read.",
                    "Delete the empty rows below the table (select them, Delete rows), or move "
                    "any data down there to its own sheet.",
                )
                break
            continue
        if len(values) > limits.max_columns and any(
            not is_blank(v) for v in values[limits.max_columns :]
        ):
            wide = True
        sheet.rows.append(_trim(values[: limits.max_columns]))
    if wide:
        ctx.add(
            "error",
            sheet,
            f"column {get_column_letter(limits.max_columns + 1)}",
            f"The sheet has data beyond column {get_column_letter(limits.max_columns)} "
            f"({limits.max_columns} columns); those columns were not read.",
            f"Keep the table within {limits.max_columns} columns.",
        )
    while sheet.rows and not sheet.rows[-1]:
        sheet.rows.pop()
    return sheet


def _read_csv(ctx: _Context, data: bytes) -> list[_Sheet]:
    limits = ctx.limits
    too_wide: list[bool] = []

    def cut_long_line(line: list[str]) -> list[str]:
        # Ragged lines are normal in hand-made csv; only data past the column limit is lost.
        if any(v.strip() for v in line[limits.max_columns :]):
            too_wide.append(True)
        return line[: limits.max_columns + 1]

    frame = None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text_start = data[:65536].decode(encoding, errors="ignore")
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", pd.errors.ParserWarning)
                frame = pd.read_csv(
                    io.BytesIO(data),
                    sep=_sniff_delimiter(text_start),
                    header=None,
                    names=list(range(limits.max_columns + 1)),
                    # Without this, pandas turns the surplus leading fields of a too-wide
                    # first line into an index instead of reporting them.
                    index_col=False,
                    dtype=str,
                    keep_default_na=False,
                    nrows=limits.max_rows_per_sheet + 1,
                    encoding=encoding,
                    engine="python",
                    on_bad_lines=cut_long_line,
                    skip_blank_lines=False,
                )
            # pandas warns (instead of calling cut_long_line) when the FIRST line is too wide.
            too_wide.extend(True for w in caught if issubclass(w.category, pd.errors.ParserWarning))
        except UnicodeDecodeError:
            continue
        if encoding != "utf-8-sig":
            ctx.add(
                "warning",
                None,
                None,
                "The file is not UTF-8 text; it was read as Windows-1252 (Western European). "
                "Check that accented names look right.",
                "Save the file as “CSV UTF-8” to be sure of the characters.",
            )
        break
    if frame is None:
        ctx.add(
            "error",
            None,
            None,
            "The file's text encoding could not be read (it is neither UTF-8 nor Windows-1252).",
            "Save the file as “CSV UTF-8”, or as an Excel workbook (.xlsx).",
        )
        return []
    sheet = _Sheet(None, [_trim(row) for row in frame.itertuples(index=False, name=None)])
    if len(sheet.rows) > limits.max_rows_per_sheet:
        del sheet.rows[limits.max_rows_per_sheet :]
        ctx.add(
            "error",
            None,
            f"row {limits.max_rows_per_sheet + 1}",
            f"The file has more than {limits.max_rows_per_sheet} rows; the rows after row "
            f"{limits.max_rows_per_sheet} were not read.",
            f"Split the data into files of at most {limits.max_rows_per_sheet} rows.",
        )
    if too_wide or any(len(row) > limits.max_columns for row in sheet.rows):
        sheet.rows = [row[: limits.max_columns] for row in sheet.rows]
        ctx.add(
            "error",
            None,
            None,
            f"The file has more than {limits.max_columns} columns; the rest were not read.",
            f"Keep the table within {limits.max_columns} columns.",
        )
    while sheet.rows and not sheet.rows[-1]:
        sheet.rows.pop()
    return [sheet]


def _sniff_delimiter(sample: str) -> str:
    """Comma, semicolon (Excel in many European locales) or tab."""
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        return ","


# --- reading: recognising a sheet's layout ------------------------------------------------


@dataclass(frozen=True)
class _ItemTable:
    """One row per capability (or enabler): the template, or a long table when it has a
    country column."""

    header: int
    columns: Mapping[Field, int]
    catalogue: Literal["capability", "enabler"]


@dataclass(frozen=True)
class _ItemRows:
    """Wide: capabilities as rows, one column per assessment ("Kenya 2023")."""

    header: int
    key: int
    assessments: tuple[int, ...]
    skipped: tuple[int, ...] = ()  # headed like an assessment, but holding text, not levels


@dataclass(frozen=True)
class _CountryRows:
    """Wide: one row per assessment, capabilities as columns."""

    header: int
    country: int
    columns: Mapping[Field, int]
    items: Mapping[int, tuple[Catalogue, int]]


_Layout = _ItemTable | _ItemRows | _CountryRows


def _header_fields(cells: tuple[Any, ...]) -> dict[Field, int]:
    found: dict[Field, int] = {}
    for column, value in enumerate(cells):
        name = classify_header(value)
        if name is not None and name not in found:
            found[name] = column
    return found


def _find_layout(ctx: _Context, sheet: _Sheet) -> _Layout | None:
    """The table this reader understands on the sheet, found by its header row.

    A header naming both the capability and the level is the strongest sign, so it is looked
    for first over the whole scan; only then the wide shapes, whose headers are data (country
    names, capability titles) and could otherwise be mistaken in a title row above the table.
    """
    scan = range(min(len(sheet.rows), HEADER_SCAN_ROWS))
    for row in scan:
        fields = _header_fields(sheet.rows[row])
        if "level" in fields and fields.keys() & {"number", "capability", "enabler"}:
            kind: Literal["capability", "enabler"] = "capability"
            by_name_only = "capability" not in fields and "enabler" not in fields
            named_enablers = "enabler" in (sheet.name or "").casefold()
            if ("enabler" in fields and "capability" not in fields) or (
                by_name_only and named_enablers
            ):
                kind = "enabler"
            return _ItemTable(row, fields, kind)
    index = _KeyIndex(ctx, sheet)
    for row in scan:
        if not sheet.rows[row]:
            continue
        fields = _header_fields(sheet.rows[row])
        layout = _item_rows_at(ctx, sheet, index, row, fields) or _country_rows_at(
            ctx, sheet, row, fields
        )
        if layout is not None:
            return layout
    return None


class _KeyIndex:
    """Where a sheet's top rows name capabilities exactly, column by column.

    Built once per sheet so that trying every row as a possible header stays linear: each
    window of rows below a header is then counted with two bisections.
    """

    def __init__(self, ctx: _Context, sheet: _Sheet) -> None:
        self.hits: dict[int, list[int]] = {}
        self.filled: dict[int, list[int]] = {}
        for row, cells in enumerate(sheet.rows[: HEADER_SCAN_ROWS + KEY_SAMPLE_ROWS]):
            for column, value in enumerate(cells):
                if value is None:
                    continue
                self.filled.setdefault(column, []).append(row)
                if exact_reference(value, ctx.capabilities) is not None:
                    self.hits.setdefault(column, []).append(row)

    def starts_below(self, column: int, header: int) -> bool:
        """Whether the first filled cell below ``header`` in ``column`` names a capability."""
        filled = self.filled.get(column, [])
        position = bisect.bisect_right(filled, header)
        if position == len(filled):
            return False
        hits = self.hits.get(column, [])
        found = bisect.bisect_left(hits, filled[position])
        return found < len(hits) and hits[found] == filled[position]

    def counts(self, column: int, header: int) -> tuple[int, int]:
        """(cells naming a capability, filled cells) in the rows just below ``header``."""
        return tuple(  # type: ignore[return-value]
            bisect.bisect_right(rows, header + KEY_SAMPLE_ROWS) - bisect.bisect_right(rows, header)
            for rows in (self.hits.get(column, []), self.filled.get(column, []))
        )


def _item_rows_at(
    ctx: _Context, sheet: _Sheet, index: _KeyIndex, row: int, fields: Mapping[Field, int]
) -> _ItemRows | None:
    """Capabilities down a column below ``row``, assessments named across ``row``."""
    cells = sheet.rows[row]
    best: tuple[int, int] | None = None
    for column in sorted(index.hits):
        header = cells[column] if column < len(cells) else None
        if header is not None and classify_header(header) not in ("number", "capability"):
            continue
        if not index.starts_below(column, row):
            continue
        hits, filled = index.counts(column, row)
        # Most filled cells below must name a capability: a column of small numbers that
        # happens to include 1, 2 and 3 is not enough on its own.
        if hits >= MIN_KEY_MATCHES and hits * 5 >= filled * 3 and (best is None or hits > best[1]):
            best = (column, hits)
    if best is None:
        return None
    ignored = {
        c for f, c in fields.items() if f in ("number", "capability", "domain", "description")
    }
    candidates = [
        c
        for c, value in enumerate(cells)
        if c != best[0]
        and value is not None
        and c not in ignored
        and classify_header(value) is None
        and exact_reference(value, ctx.capabilities) is None
    ]
    # A column of text ("Lead agency") is not an assessment: most of its values must read as
    # levels. An empty column is kept (an assessment not filled in yet).
    assessments, skipped = [], []
    for column in candidates:
        values = [sheet.value(r, column) for r in range(row + 1, row + 1 + KEY_SAMPLE_ROWS)]
        filled = [v for v in values if v is not None]
        readable = sum(not parse_level(v, ctx.framework.scale).error for v in filled)
        (assessments if readable * 2 >= len(filled) else skipped).append(column)
    if not assessments:
        return None
    return _ItemRows(row, best[0], tuple(assessments), tuple(skipped))


def _country_rows_at(
    ctx: _Context, sheet: _Sheet, row: int, fields: Mapping[Field, int]
) -> _CountryRows | None:
    """Capabilities across ``row``, one assessment per row below."""
    cells = sheet.rows[row]
    items: dict[int, tuple[Catalogue, int]] = {}
    titled = 0
    for column, value in enumerate(cells):
        if value is None or classify_header(value) is not None:
            continue
        for catalogue in (ctx.capabilities, ctx.enablers):
            number = exact_reference(value, catalogue)
            if number is not None and not (
                catalogue is ctx.enablers and isinstance(value, int | float)
            ):
                items[column] = (catalogue, number)
                titled += not _is_plain_number(value)
                break
    if sum(c.kind == "capability" for c, _ in items.values()) < MIN_KEY_MATCHES:
        return None
    if "country" in fields:
        country = fields["country"]
    else:
        # An unlabelled first column of names is common; accept it only when the header
        # cells are unmistakably capabilities (titles or "C1"), not bare numbers.
        first_item = min(items)
        blanks = [c for c in range(first_item) if c >= len(cells) or cells[c] is None]
        if not blanks or titled < MIN_KEY_MATCHES:
            return None
        country = blanks[0]
    return _CountryRows(row, country, dict(fields), items)


def _is_plain_number(value: Any) -> bool:
    if isinstance(value, int | float):
        return True
    return isinstance(value, str) and value.strip().rstrip(".").replace(".0", "").isdigit()


def _explain_unrecognised(sheet: _Sheet) -> str:
    """Why a sheet was skipped, as specifically as the headers allow."""
    if not sheet.rows:
        return "it is empty"
    for row in range(min(len(sheet.rows), HEADER_SCAN_ROWS)):
        fields = _header_fields(sheet.rows[row])
        keys = fields.keys() & {"number", "capability", "enabler"}
        if keys and "level" not in fields:
            column = fields[min(keys)]
            return (
                f"the header row {row + 1} names the capabilities "
                f"({_address(row, column)}) but no column is headed Level"
            )
        if "level" in fields and not keys:
            return (
                f"the header row {row + 1} has a Level column ({_address(row, fields['level'])}) "
                "but no column naming the capability"
            )
    return "no table of capabilities and levels was found in it"


# --- reading: assessments -----------------------------------------------------------------


@dataclass
class _Draft:
    """One assessment being assembled while its sheet is read."""

    sheet: _Sheet
    country: str | None = None
    iso3: str | None = None
    year: int | None = None
    date: datetime.date | None = None
    round: str | None = None
    assessed_by: str | None = None
    # kind -> number -> (level, evidence, confidence)
    items: dict[str, dict[int, tuple[int | None, str | None, str | None]]] = field(
        default_factory=lambda: {"capability": {}, "enabler": {}}
    )
    first_cell: dict[tuple[str, int], str] = field(default_factory=dict)
    # The template's Enablers sheet: no country of its own, joins the Assessment sheet's.
    needs_owner: bool = False
    # Where the country should have been written, when its label was found empty.
    country_cell: str | None = None

    @property
    def name(self) -> str:
        when = self.date.isoformat() if self.date else self.year
        parts = [self.country or "(no country)", str(when) if when else "", self.round or ""]
        return " ".join(p for p in parts if p)

    def key(self) -> tuple[str, str, str]:
        """(country, date or year, round), normalised: which assessment this is."""
        when = self.date.isoformat() if self.date else str(self.year or "")
        return normalise(self.country or ""), when, normalise(self.round or "")

    @property
    def enablers_only(self) -> bool:
        """Enablers with a country but no capability: a long Enablers table's assessment
        (or an Enablers sheet with its own Country label), which belongs to the capability
        assessment of the same country, date or year and round elsewhere in the file."""
        return (
            self.country is not None
            and not self.needs_owner
            and not self.items["capability"]
            and bool(self.items["enabler"])
        )


@dataclass(frozen=True)
class _Meta:
    """Metadata read from labelled cells or from a row's columns, before defaults apply."""

    country: str | None = None
    iso3: str | None = None
    when: When = field(default_factory=When)
    round: str | None = None
    assessed_by: str | None = None

    def key(self) -> tuple[str, str, str]:
        when = self.when.date.isoformat() if self.when.date else str(self.when.year or "")
        return normalise(self.country or ""), when, normalise(self.round or "")

    def over(self, defaults: _Meta) -> _Meta:
        """These values, with ``defaults`` where these are missing."""
        when = self.when if self.when.year is not None else defaults.when
        return _Meta(
            self.country or defaults.country,
            self.iso3 or defaults.iso3,
            when,
            self.round or defaults.round,
            self.assessed_by or defaults.assessed_by,
        )


def _text(value: Any) -> str | None:
    """A cell as text for country, evidence and similar: ``None`` when blank."""
    if is_blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def _one_line(value: Any) -> str | None:
    text = _text(value)
    return " ".join(text.split()) if text else None


class _MetaReader:
    """Reads metadata values (label cells or table columns), reporting what it cannot use."""

    def __init__(self, ctx: _Context, sheet: _Sheet) -> None:
        self.ctx = ctx
        self.sheet = sheet
        # Labels found with nothing beside them: field -> the cell the value belongs in.
        self.empty: dict[Field, str] = {}

    def when(self, value: Any, row: int, column: int) -> When:
        when = parse_when(value)
        if when.note and self.ctx.once((self.sheet.name, "when", column, str(value))):
            kept = "it was used" if when.year is not None else "it was left empty"
            self.ctx.add(
                "warning",
                self.sheet,
                _address(row, column),
                f"Date or year {when.note}; {kept}.",
                "Write a year such as 2024 or a date such as 2024-03-31.",
            )
        return when if when.year is not None else When()

    def iso3(self, value: Any, row: int, column: int) -> str | None:
        code = parse_iso3(value)
        if (
            code is None
            and not is_blank(value)
            and self.ctx.once((self.sheet.name, "iso3", column, str(value)))
        ):
            self.ctx.add(
                "warning",
                self.sheet,
                _address(row, column),
                f"ISO3 code {_quote(value)} is not three letters; it was left empty.",
                "Write the ISO 3166 alpha-3 code, e.g. KEN, or leave the cell blank.",
            )
        return code

    def from_cells(self, cells: Mapping[Field, tuple[Any, int, int]]) -> _Meta:
        """Metadata from ``field -> (value, row, column)``."""
        when = When()
        for name in ("when", "date", "year"):
            if name in cells and when.year is None:
                when = self.when(*cells[name])
        iso3 = self.iso3(*cells["iso3"]) if "iso3" in cells else None
        return _Meta(
            country=_one_line(cells["country"][0]) if "country" in cells else None,
            iso3=iso3,
            when=when,
            round=_one_line(cells["round"][0]) if "round" in cells else None,
            assessed_by=_one_line(cells["assessed_by"][0]) if "assessed_by" in cells else None,
        )

    def labelled(self, table_top: int, table_width: int) -> _Meta:
        """Metadata from label cells ("Country" with the value to its right), outside the
        table (rows above its header, or columns right of it)."""
        found: dict[Field, tuple[Any, int, int]] = {}
        empty: dict[Field, tuple[int, int]] = {}
        for row, cells in enumerate(self.sheet.rows):
            start = 0 if row < table_top else table_width
            for column in range(start, len(cells)):
                name = classify_header(cells[column])
                if name not in METADATA_FIELDS or name in found or name in empty:
                    continue
                value_column = next(
                    (c for c in range(column + 1, len(cells)) if cells[c] is not None), None
                )
                # Nothing to the right, or only the next label: this label was left empty.
                if value_column is None or classify_header(cells[value_column]) in METADATA_FIELDS:
                    empty[name] = (row, column)
                    continue
                found[name] = (cells[value_column], row, value_column)
        # A label's value cell is where the other labels have theirs (labels are often merged
        # over two columns, so "the next cell" would be inside the label).
        value_columns = [column for _, _, column in found.values()]
        for name, (row, column) in empty.items():
            usual = max(set(value_columns), key=value_columns.count, default=column + 1)
            target = usual if usual > column else column + 1
            self.empty[name] = _address(row, target)
            self.ctx.watch_formula(self.sheet, row, target, f"the {self.sheet.value(row, column)}")
        return self.from_cells(found)


def _read_answers(
    ctx: _Context,
    sheet: _Sheet,
    draft: _Draft,
    *,
    catalogue: Catalogue,
    number: int,
    row: int,
    columns: Mapping[str, int | None],
) -> None:
    """Level, evidence and confidence of one item in one row (cells named as found)."""
    level_column = columns.get("level")
    level_value = sheet.value(row, level_column) if level_column is not None else None
    what = catalogue.describe(number)
    level = None
    if level_column is not None:
        reading = parse_level(level_value, ctx.framework.scale)
        cell = _address(row, level_column)
        if reading.error:
            ctx.add(
                "error",
                sheet,
                cell,
                f"The level of {what} for {draft.name}: {reading.error}; it was not used.",
                f"Use one of {level_choices(ctx.framework.scale)} (the number alone is "
                "enough), or leave it blank if not assessed.",
            )
        elif reading.warning:
            ctx.add(
                "warning",
                sheet,
                cell,
                f"The level of {what}: {reading.warning}.",
                f"Use one of {level_choices(ctx.framework.scale)}.",
            )
        if level_value is None:
            ctx.watch_formula(sheet, row, level_column, f"the level of {what}")
        level = reading.level
    evidence_column = columns.get("evidence")
    evidence = _text(sheet.value(row, evidence_column)) if evidence_column is not None else None
    confidence = None
    confidence_column = columns.get("confidence")
    if confidence_column is not None:
        raw = sheet.value(row, confidence_column)
        confidence, ok = parse_confidence(raw)
        if not ok:
            ctx.add(
                "warning",
                sheet,
                _address(row, confidence_column),
                f"Confidence {_quote(raw)} for {what} is not low, medium or high; it was "
                "left empty (the level was kept).",
                "Write low, medium or high, or leave the cell blank.",
            )
    key = (catalogue.kind, number)
    cell = _address(row, level_column if level_column is not None else 0)
    if key in draft.first_cell:
        ctx.add(
            "error",
            sheet,
            cell,
            f"{what[0].upper()}{what[1:]} appears a second time for {draft.name} (first in "
            f"{draft.first_cell[key]}); this row was not used.",
            "Keep one row per capability for each assessment; delete or correct the other.",
        )
        return
    draft.first_cell[key] = cell
    draft.items[catalogue.kind][number] = (level, evidence, confidence)


def _report_match(
    ctx: _Context, sheet: _Sheet, cell: str, *, value: Any, catalogue: Catalogue, match: ItemMatch
) -> int | None:
    """The matched number, after reporting a fuzzy match (warning) or no match (error)."""
    kind = catalogue.kind
    fix_known = (
        f"Write the {kind} number (1 to {len(catalogue.titles)}) or its title exactly as in "
        "the template."
    )
    if match.number is not None:
        if match.how == "fuzzy":
            ctx.add(
                "warning",
                sheet,
                cell,
                f"{_quote(value)} is not exactly {_a(kind)} title; it was taken as "
                f"{catalogue.describe(match.number)}.",
                f"If that is wrong, correct the cell. {fix_known}",
            )
        elif match.note:
            ctx.add(
                "warning",
                sheet,
                cell,
                f"{_quote(value)}: {match.note}; it was taken as "
                f"{catalogue.describe(match.number)} by its number.",
                f"Check the cell. {fix_known}",
            )
        return match.number
    candidates = "; ".join(catalogue.describe(n) for n in match.candidates)
    if match.how == "ambiguous":
        message = f"{_quote(value)} could be more than one {kind}: {candidates}; not used."
    elif match.how == "conflict":
        message = (
            f"{_quote(value)} gives the number of one {kind} and the title of another "
            f"({candidates}); not used."
        )
    else:
        closest = f" The closest are: {candidates}." if candidates else ""
        message = f"{_quote(value)} is not {_a(kind)} of the framework; not used.{closest}"
    ctx.add("error", sheet, cell, message, fix_known)
    return None


def _parse_item_table(ctx: _Context, sheet: _Sheet, layout: _ItemTable) -> list[_Draft]:
    columns = layout.columns
    primary = ctx.capabilities if layout.catalogue == "capability" else ctx.enablers
    secondary = ctx.enablers if layout.catalogue == "capability" else ctx.capabilities
    meta_reader = _MetaReader(ctx, sheet)
    defaults = meta_reader.labelled(layout.header, len(sheet.rows[layout.header]))
    long = "country" in columns
    drafts: dict[tuple[str, str, str], _Draft] = {}
    if not long:
        record = _Draft(sheet)
        _apply_meta(record, defaults)
        record.needs_owner = record.country is None and layout.catalogue == "enabler"
        record.country_cell = meta_reader.empty.get("country")
        drafts[("", "", "")] = record
    answer_columns = [columns[f] for f in ("level", "evidence", "confidence") if f in columns]
    for row in range(layout.header + 1, len(sheet.rows)):
        if not sheet.rows[row]:
            continue
        has_answer = any(sheet.value(row, c) is not None for c in answer_columns)
        found = _row_item(
            ctx,
            sheet,
            row,
            columns=columns,
            primary=primary,
            secondary=secondary,
            has_answer=has_answer,
        )
        if found is None:
            continue
        catalogue, number = found
        if long:
            draft = _long_row_draft(
                ctx,
                sheet,
                row,
                columns=columns,
                meta_reader=meta_reader,
                defaults=defaults,
                drafts=drafts,
                has_answer=has_answer,
            )
            if draft is None:
                continue
        else:
            draft = drafts[("", "", "")]
        _read_answers(
            ctx, sheet, draft, catalogue=catalogue, number=number, row=row, columns=columns
        )
    if long and not drafts:
        ctx.add(
            "warning",
            sheet,
            None,
            "The table has no rows with a country and a capability.",
            "Fill in the rows below the header row.",
        )
    return list(drafts.values())


def _row_item(
    ctx: _Context,
    sheet: _Sheet,
    row: int,
    *,
    columns: Mapping[Field, int],
    primary: Catalogue,
    secondary: Catalogue,
    has_answer: bool,
) -> tuple[Catalogue, int] | None:
    """Which capability (or enabler) a row is about, from its number and/or title cells."""
    number_column = columns.get("number")
    title_column = next((columns[f] for f in (primary.kind, secondary.kind) if f in columns), None)
    matches: list[tuple[int, Any, Catalogue, ItemMatch]] = []
    for column in (number_column, title_column):
        if column is None:
            continue
        value = sheet.value(row, column)
        if value is None:
            continue
        catalogue, match = match_any(value, primary, secondary)
        matches.append((column, value, catalogue, match))
    if not matches:
        if has_answer:
            key_column = number_column if number_column is not None else title_column
            cell = _address(row, key_column if key_column is not None else 0)
            ctx.add(
                "error",
                sheet,
                cell,
                f"Row {row + 1} has a level or notes but no {primary.kind} ({cell} is empty); "
                "it was not used.",
                f"Write the {primary.kind} number or title in {cell}.",
            )
            if key_column is not None:
                ctx.watch_formula(sheet, row, key_column, f"the {primary.kind} of row {row + 1}")
        return None
    resolved = [(c, v, cat, m) for c, v, cat, m in matches if m.number is not None]
    if len(resolved) == 2 and (resolved[0][2].kind, resolved[0][3].number) != (
        resolved[1][2].kind,
        resolved[1][3].number,
    ):
        (c1, v1, cat1, m1), (c2, v2, cat2, m2) = resolved
        ctx.add(
            "error",
            sheet,
            _address(row, c1),
            f"Row {row + 1} says {_quote(v1)} ({cat1.describe(m1.number or 0)}) in "
            f"{_address(row, c1)} but {_quote(v2)} ({cat2.describe(m2.number or 0)}) in "
            f"{_address(row, c2)}; the row was not used.",
            "Make the number and the title name the same capability.",
        )
        return None
    if resolved:
        column, value, catalogue, match = resolved[0]
        for other_column, other_value, _, other in matches:
            if other.number is None:
                # A bad number beside a good title (or the reverse): the good one decides,
                # and the person is told which.
                ctx.add(
                    "warning",
                    sheet,
                    _address(row, other_column),
                    f"{_quote(other_value)} does not name {_a(primary.kind)}; the row was taken "
                    f"as {catalogue.describe(match.number or 0)} from {_address(row, column)}.",
                    f"Correct or clear {_address(row, other_column)}.",
                )
        number = _report_match(
            ctx, sheet, _address(row, column), value=value, catalogue=catalogue, match=match
        )
        return (catalogue, number) if number is not None else None
    if not has_answer:
        # Text in the key column of a row with no answers (a note, a sub-heading): nothing
        # is lost by leaving it.
        return None
    column, value, catalogue, match = matches[-1]
    _report_match(ctx, sheet, _address(row, column), value=value, catalogue=catalogue, match=match)
    return None


def _long_row_draft(
    ctx: _Context,
    sheet: _Sheet,
    row: int,
    *,
    columns: Mapping[Field, int],
    meta_reader: _MetaReader,
    defaults: _Meta,
    drafts: dict[tuple[str, str, str], _Draft],
    has_answer: bool,
) -> _Draft | None:
    """The assessment a long table's row belongs to, grouped by country, date/year and round."""
    cells = {
        name: (sheet.value(row, column), row, column)
        for name, column in columns.items()
        if name in METADATA_FIELDS and sheet.value(row, column) is not None
    }
    meta = meta_reader.from_cells(cells).over(defaults)
    if meta.country is None:
        if has_answer:
            country_cell = _address(row, columns["country"])
            ctx.add(
                "error",
                sheet,
                country_cell,
                f"Row {row + 1} has no country ({country_cell} is empty); it was not used.",
                f"Write the country in {country_cell}.",
            )
            ctx.watch_formula(sheet, row, columns["country"], f"the country of row {row + 1}")
        return None
    key = meta.key()
    if key not in drafts:
        drafts[key] = _Draft(sheet)
        _apply_meta(drafts[key], meta)
    return drafts[key]


def _apply_meta(draft: _Draft, meta: _Meta) -> None:
    draft.country = meta.country
    draft.iso3 = meta.iso3
    draft.year = meta.when.year
    draft.date = meta.when.date
    draft.round = meta.round
    draft.assessed_by = meta.assessed_by


def _parse_item_rows(ctx: _Context, sheet: _Sheet, layout: _ItemRows) -> list[_Draft]:
    """Capabilities as rows, assessments as columns."""
    meta_reader = _MetaReader(ctx, sheet)
    defaults = meta_reader.labelled(layout.header, sheet.width())
    header = sheet.rows[layout.header]
    drafts: dict[tuple[str, str, str], _Draft] = {}
    by_column: dict[int, _Draft] = {}
    for column in layout.skipped:
        ctx.add(
            "warning",
            sheet,
            _address(layout.header, column),
            f"The column headed {_quote(header[column])} holds text, not levels; it was not read.",
            "If it is an assessment, write levels in it (the number alone is enough); "
            "otherwise there is nothing to do.",
        )
    for column in layout.assessments:
        country, when_text, round_label = split_assessment_header(header[column])
        when = meta_reader.when(when_text, layout.header, column) if when_text else When()
        meta = _Meta(country=country, when=when, round=round_label).over(defaults)
        key = meta.key()
        if key not in drafts:
            drafts[key] = _Draft(sheet)
            _apply_meta(drafts[key], meta)
        by_column[column] = drafts[key]
    for row in range(layout.header + 1, len(sheet.rows)):
        if not sheet.rows[row]:
            continue
        has_answer = any(sheet.value(row, c) is not None for c in layout.assessments)
        found = _row_item(
            ctx,
            sheet,
            row,
            columns={"number": layout.key},
            primary=ctx.capabilities,
            secondary=ctx.enablers,
            has_answer=has_answer,
        )
        if found is None:
            continue
        catalogue, number = found
        for column, draft in by_column.items():
            _read_answers(
                ctx,
                sheet,
                draft,
                catalogue=catalogue,
                number=number,
                row=row,
                columns={"level": column},
            )
    return list(drafts.values())


def _parse_country_rows(ctx: _Context, sheet: _Sheet, layout: _CountryRows) -> list[_Draft]:
    """One assessment per row, capabilities as columns."""
    meta_reader = _MetaReader(ctx, sheet)
    defaults = meta_reader.labelled(layout.header, sheet.width())
    header = sheet.rows[layout.header]
    items = dict(layout.items)
    known = set(items) | set(layout.columns.values()) | {layout.country}
    for column, value in enumerate(header):
        if value is None or column in known:
            continue
        catalogue, match = match_any(value, ctx.capabilities, ctx.enablers)
        if match.number is not None or match.how in ("ambiguous", "conflict"):
            _report_match(
                ctx,
                sheet,
                _address(layout.header, column),
                value=value,
                catalogue=catalogue,
                match=match,
            )
            if match.number is not None:
                items[column] = (catalogue, match.number)
        elif classify_header(value) is None:
            ctx.add(
                "warning",
                sheet,
                _address(layout.header, column),
                f"The column headed {_quote(value)} is not a capability or a known column; "
                "it was not read.",
                "If it holds levels, head it with the capability number or title.",
            )
    meta_columns = {
        name: column for name, column in layout.columns.items() if name in METADATA_FIELDS
    }
    meta_columns["country"] = layout.country
    drafts: dict[tuple[str, str, str], _Draft] = {}
    for row in range(layout.header + 1, len(sheet.rows)):
        if not sheet.rows[row]:
            continue
        has_answer = any(sheet.value(row, c) is not None for c in items)
        draft = _long_row_draft(
            ctx,
            sheet,
            row,
            columns=meta_columns,
            meta_reader=meta_reader,
            defaults=defaults,
            drafts=drafts,
            has_answer=has_answer,
        )
        if draft is None:
            continue
        for column, (catalogue, number) in sorted(items.items()):
            _read_answers(
                ctx,
                sheet,
                draft,
                catalogue=catalogue,
                number=number,
                row=row,
                columns={"level": column},
            )
    return list(drafts.values())


def _parse_sheet(ctx: _Context, sheet: _Sheet) -> list[_Draft]:
    if sheet.name is not None and sheet.name.strip().casefold() in TEMPLATE_INFO_SHEETS:
        return []
    layout = _find_layout(ctx, sheet)
    if isinstance(layout, _ItemTable):
        return _parse_item_table(ctx, sheet, layout)
    if isinstance(layout, _ItemRows):
        return _parse_item_rows(ctx, sheet, layout)
    if isinstance(layout, _CountryRows):
        return _parse_country_rows(ctx, sheet, layout)
    # A hidden sheet that is not a table is a helper (drop-down lists and the like).
    if not sheet.hidden:
        where = f"sheet “{sheet.name}”" if sheet.name is not None else "the file"
        ctx.add(
            "warning",
            sheet,
            None,
            f"Skipped {where}: {_explain_unrecognised(sheet)}.",
            _FIX_TABLE,
        )
    return []


def _attach_enablers(ctx: _Context, drafts: list[_Draft]) -> list[_Draft]:
    """Join enablers read apart from their capabilities to the assessment they belong to.

    A country-less Enablers sheet (the template's) joins the Assessment sheet's assessment;
    enablers with a country of their own (a long Enablers table, as the app's export writes)
    join the capability assessment with the same country, date or year and round. Enablers
    whose assessment is not in the file are reported, never made an assessment of their own.
    """
    owners = [d for d in drafts if d.country is not None and not (d.needs_owner or d.enablers_only)]
    _attach_by_key(ctx, [d for d in drafts if d.enablers_only], owners)
    orphans = [d for d in drafts if d.needs_owner]
    named = [d for d in owners if (d.sheet.name or "").strip().casefold() == "assessment"]
    owner = named[0] if named else (owners[0] if len(owners) == 1 else None)
    for orphan in orphans:
        has_levels = any(v[0] is not None for v in orphan.items["enabler"].values())
        if owner is None:
            if has_levels:
                ctx.add(
                    "error",
                    orphan.sheet,
                    None,
                    f"The enablers on sheet “{orphan.sheet.name}” have no country, and it is "
                    "not clear which assessment they belong to; they were not used.",
                    "Add a Country label and value above the table, as on the Assessment sheet.",
                )
            continue
        for number, answers in orphan.items["enabler"].items():
            owner.items["enabler"].setdefault(number, answers)
    return [d for d in drafts if not (d.needs_owner or d.enablers_only)]


def _attach_by_key(ctx: _Context, enablers: list[_Draft], owners: list[_Draft]) -> None:
    """Each enablers-only draft's answers, into the owner with the same key (or a warning)."""
    by_key: dict[tuple[str, str, str], list[_Draft]] = {}
    for owner in owners:
        by_key.setdefault(owner.key(), []).append(owner)
    for draft in enablers:
        found = by_key.get(draft.key(), [])
        cells = [cell for (kind, _), cell in draft.first_cell.items() if kind == "enabler"]
        if len(found) != 1:
            has_answers = any(
                any(v is not None for v in answers) for answers in draft.items["enabler"].values()
            )
            if has_answers:
                message, fix = _unowned_enablers(draft, found, owners)
                ctx.add("warning", draft.sheet, _cells_text(cells), message, fix)
            continue
        owner = found[0]
        for (kind, number), cell in draft.first_cell.items():
            if kind != "enabler":
                continue
            if ("enabler", number) in owner.first_cell:
                what = ctx.enablers.describe(number)
                first = owner.first_cell[("enabler", number)]
                ctx.add(
                    "error",
                    draft.sheet,
                    cell,
                    f"{what[0].upper()}{what[1:]} appears a second time for {draft.name} "
                    f"(first in {first} on sheet “{owner.sheet.name}”); this row was not used.",
                    "Keep one row per enabler for each assessment; delete or correct the other.",
                )
                continue
            owner.first_cell[("enabler", number)] = cell
            owner.items["enabler"][number] = draft.items["enabler"][number]


def _unowned_enablers(draft: _Draft, found: list[_Draft], owners: list[_Draft]) -> tuple[str, str]:
    """The message and fix for enablers that join no assessment (none, or several)."""
    if found:
        sheets = ", ".join(dict.fromkeys(f"“{d.sheet.name}”" for d in found))
        return (
            f"The enablers for {draft.name} could belong to more than one assessment in this "
            f"file (sheets {sheets}); they were not used.",
            "Keep one capability assessment per country, date or year and round in the file.",
        )
    country, _, round_key = draft.key()
    near = [
        d.name
        for d in owners
        if (normalise(d.country or ""), normalise(d.round or "")) == (country, round_key)
        and d.year == draft.year
    ]
    hint = (
        f" This file has {', '.join(dict.fromkeys(near))}: write the same date or year and round."
        if near
        else ""
    )
    return (
        f"The enablers for {draft.name} have no capability assessment in this file (same "
        "country, date or year and round); they were not used.",
        "Upload them in the same file as that assessment's capability levels, or correct the "
        f"country, date or year and round of these rows.{hint}",
    )


def _cells_text(cells: Sequence[str]) -> str | None:
    """Cell addresses, runs down a column shortened: ["C2", "C3", "C4", "C9"] -> "C2:C4, C9"."""
    runs: list[tuple[str, int, int]] = []
    for column, row in sorted(
        (coordinate_from_string(c) for c in cells), key=lambda cr: (len(cr[0]), cr[0], cr[1])
    ):
        if runs and runs[-1][0] == column and runs[-1][2] + 1 == row:
            runs[-1] = (column, runs[-1][1], row)
        else:
            runs.append((column, row, row))
    parts = [f"{c}{a}" if a == b else f"{c}{a}:{c}{b}" for c, a, b in runs]
    if len(parts) > 4:
        parts = [*parts[:3], "…"]
    return ", ".join(parts) or None


def _assessment_id(draft: _Draft, source: str, content_key: str) -> str:
    key = "|".join((*draft.key(), source, content_key))
    return hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]


def _frames(ctx: _Context, drafts: list[_Draft]) -> tuple[pd.DataFrame, pd.DataFrame]:
    capability_rows: list[list[Any]] = []
    enabler_rows: list[list[Any]] = []
    for draft in drafts:
        if draft.country is None:
            where = f"sheet “{draft.sheet.name}”" if draft.sheet.name else "the file"
            ctx.add(
                "error",
                draft.sheet,
                draft.country_cell,
                f"No country is given on {where}, so its assessment was not used.",
                f"Write the country in {draft.country_cell}, beside the Country label."
                if draft.country_cell
                else "Add a Country label at the top of the sheet with the country in the cell "
                "to its right (or use a Country column).",
            )
            continue
        source = (
            ctx.file
            if draft.sheet.name is None
            else (f"{ctx.file}{SOURCE_SEPARATOR}{draft.sheet.name}")
        )
        head = [
            _assessment_id(draft, source, ctx.content_key),
            draft.country,
            draft.iso3,
            draft.year,
            draft.date.isoformat() if draft.date else None,
            draft.round,
            draft.assessed_by,
            source,
        ]
        for capability in ctx.framework.capabilities:
            level, evidence, confidence = draft.items["capability"].get(
                capability.number, (None, None, None)
            )
            capability_rows.append(
                [*head, capability.number, capability.domain, level, evidence, confidence]
            )
        for enabler in ctx.framework.enablers:
            level, evidence, confidence = draft.items["enabler"].get(
                enabler.number, (None, None, None)
            )
            enabler_rows.append([*head, enabler.number, level, evidence, confidence])
    capabilities = _typed(pd.DataFrame(capability_rows, columns=CAPABILITY_COLUMNS, dtype=object))
    enablers = _typed(pd.DataFrame(enabler_rows, columns=ENABLER_COLUMNS, dtype=object))
    return capabilities, enablers


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """The data contract's dtypes: nullable integers, text as "string" with <NA>."""
    types = {c: "Int64" for c in _INT_COLUMNS if c in frame.columns}
    types.update({c: "string" for c in _TEXT_COLUMNS if c in frame.columns})
    return frame.astype(types)


def _report_unsaved_formulas(ctx: _Context, data: bytes) -> None:
    """Second, formulas-visible pass over only the used cells that came back blank."""
    if not ctx.formula_cells or not _has_formulas(data):
        return
    wanted: dict[str, dict[int, list[int]]] = {}
    for sheet_name, row, column in ctx.formula_cells:
        wanted.setdefault(sheet_name, {}).setdefault(row, []).append(column)
    workbook = load_workbook(
        io.BytesIO(data), read_only=True, data_only=False, keep_links=False, keep_vba=False
    )
    try:
        for sheet_name, rows in wanted.items():
            worksheet = workbook[sheet_name]
            worksheet.reset_dimensions()
            last_row = max(rows) + 1
            last_column = max(c for columns in rows.values() for c in columns) + 1
            cells = worksheet.iter_rows(
                min_row=1, max_row=last_row, max_col=last_column, values_only=True
            )
            for row, values in enumerate(cells):
                for column in rows.get(row, ()):
                    formula = _formula_text(values[column] if column < len(values) else None)
                    if formula is None:
                        continue
                    meaning = ctx.formula_cells[(sheet_name, row, column)]
                    ctx.problems.append(
                        Problem(
                            "error",
                            ctx.file,
                            sheet_name,
                            _address(row, column),
                            f"The cell holds a formula ({_quote(formula)}) with no saved "
                            f"result, so {meaning} could not be read.",
                            "Open the file in Excel or LibreOffice and save it again (that "
                            "stores the results), or type the value instead of the formula.",
                        )
                    )
    finally:
        workbook.close()


_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _has_formulas(data: bytes) -> bool:
    """Whether any worksheet part holds a formula element at all.

    A plain scan of the (already size-checked) XML is far cheaper than a second openpyxl pass,
    and most uploads have no formulas in the cells that matter.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if not info.filename.startswith("xl/worksheets/") or info.is_dir():
                continue
            tail = b""
            with archive.open(info) as part:
                while chunk := part.read(1 << 20):
                    if _FORMULA_TAG.search(tail + chunk):
                        return True
                    tail = chunk[-16:]
    return False


def _formula_text(value: Any) -> str | None:
    if isinstance(value, ArrayFormula):
        return str(value.text)
    if isinstance(value, DataTableFormula):
        return "data table"
    if isinstance(value, str) and value.startswith("="):
        return value
    return None


def read_assessment_file(
    name: str, data: bytes, framework: Framework, limits: ReadLimits = DEFAULT_LIMITS
) -> ReadResult:
    """Read every assessment in an uploaded xlsx/xlsm or csv file.

    Never raises for bad input: whatever cannot be used is a ``Problem`` naming the file,
    sheet and cell, with a fix. Valid rows are kept when others are bad.
    """
    ctx = _Context(
        name,
        framework,
        limits,
        content_key=hashlib.sha1(data, usedforsecurity=False).hexdigest()[:12],
    )
    drafts: list[_Draft] = []
    try:
        kind = check_upload(name, data, limits)
        sheets = _read_xlsx(ctx, data) if kind == "xlsx" else _read_csv(ctx, data)
        for sheet in sheets:
            drafts.extend(_parse_sheet(ctx, sheet))
        if kind == "xlsx":
            _report_unsaved_formulas(ctx, data)
    except FileRejected as rejected:
        ctx.add("error", None, None, rejected.message, rejected.fix)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, pd.errors.ParserError) as error:
        ctx.add(
            "error",
            None,
            None,
            f"The file could not be read as a spreadsheet ({type(error).__name__}).",
            "Open it in Excel or LibreOffice and save it as .xlsx (or CSV UTF-8), then "
            "upload it again.",
        )
        drafts = []
    except Exception as error:  # noqa: BLE001
        # A hostile or corrupt file can make openpyxl/lxml fail in ways no list of exception
        # types covers (TypeError, AttributeError, IndexError...). The contract is a report,
        # never a traceback, so this is the one place a broad catch is right.
        ctx.add(
            "error",
            None,
            None,
            f"The file could not be read ({type(error).__name__}); it may be damaged or not "
            "a real spreadsheet.",
            "Open it in Excel or LibreOffice and save it as .xlsx (or CSV UTF-8), then upload "
            "it again.",
        )
        drafts = []
    drafts = _attach_enablers(ctx, drafts)
    capabilities, enablers = _frames(ctx, drafts)
    if capabilities.empty and not any(p.severity == "error" for p in ctx.problems):
        ctx.add("error", None, None, "No assessment was found in the file.", _FIX_TABLE)
    return ReadResult(name, capabilities, enablers, tuple(ctx.problems))


def find_duplicate_assessments(capabilities: pd.DataFrame) -> pd.DataFrame:
    """Assessments that look like the same one read twice (possibly from different files).

    Same country (ignoring case and spacing), same date (or year when there is no date) and
    same round. Returns ``DUPLICATE_COLUMNS``, one row per assessment in a group of two or
    more; ``duplicate_group`` numbers the groups from 1. Empty when there are none.
    """
    summary = summarise_assessments(capabilities)
    if summary.empty:
        return _typed(pd.DataFrame(columns=DUPLICATE_COLUMNS)).astype(
            {"duplicate_group": "int64", "assessed": "int64"}
        )
    when = summary["date"].fillna(summary["year"].astype("string")).fillna("")
    key = (
        summary["country"].fillna("").map(normalise)
        + "|"
        + when
        + "|"
        + summary["round"].fillna("").map(normalise)
    )
    sizes = key.map(key.value_counts())
    duplicates = summary[sizes > 1].copy()
    groups = {k: i for i, k in enumerate(dict.fromkeys(key[sizes > 1]), start=1)}
    duplicates["duplicate_group"] = key[sizes > 1].map(groups).astype("int64")
    duplicates = duplicates.sort_values("duplicate_group", kind="stable")
    return duplicates[DUPLICATE_COLUMNS].reset_index(drop=True)
