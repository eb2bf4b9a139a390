"""The assessment workbook the app hands out, generated from the framework so it never drifts.

``write_template`` writes the Instructions, Assessment (metadata block and one row per
capability, with level and confidence drop-downs), Enablers and Scale sheets; given an
``AssessmentInput`` it fills them in (the fictional demo, round-trip tests). The reader
(``components.ingest.reader``) reads the template back, also after people edited it.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from components.framework.model import Framework
from components.ingest.plans import PLAN_FIELD_HEADERS
from components.ingest.values import (
    CONFIDENCE_VALUES,
    level_choices,
)


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
    # Capability number -> its plan: priority, target_level, target_date, lead, actions, status.
    plan: Mapping[int, Mapping[str, Any]] = field(default_factory=dict)


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
PLAN_SHEET = "Action plan"
PLAN_HEADERS = (
    "No.",
    "Domain",
    "Capability",
    *PLAN_FIELD_HEADERS,
)
_PLAN_WIDTHS = (6, 24, 34, 12, 20, 14, 28, 60, 14)
_CAPABILITY_WIDTHS = (6, 24, 34, 60, 20, 50, 14)
_ENABLER_WIDTHS = (6, 60, 20, 50, 14)


def write_template(framework: Framework, assessment: AssessmentInput | None = None) -> bytes:
    """The assessment workbook (xlsx bytes), generated from the framework so it never drifts.

    Sheets: Instructions, Assessment (metadata block and one row per capability, with level
    and confidence drop-downs), Enablers, Action plan (one row per capability: priority,
    target level and date, lead, actions, status), Scale. With ``assessment``, the metadata
    and answers are filled in (demo data, round-trip tests). Raises ``ValueError`` when
    ``assessment`` names a capability, enabler, level or confidence the framework does not
    have.
    """
    if assessment is not None:
        _check_input(framework, assessment)
    workbook = Workbook()
    _write_instructions(workbook.active, framework)
    _write_capabilities(workbook.create_sheet("Assessment"), framework, assessment)
    _write_enablers(workbook.create_sheet("Enablers"), framework, assessment)
    _write_plan(workbook.create_sheet(PLAN_SHEET), framework, assessment)
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


def _list_validation(values: Sequence[str], title: str) -> DataValidation:
    """A drop-down of fixed words; "warning", so other spellings the reader knows still go in."""
    return DataValidation(
        type="list",
        formula1='"' + ",".join(values) + '"',
        allow_blank=True,
        errorStyle="warning",
        errorTitle=f"Not a {title}",
        error=f"Choose one of: {', '.join(values)}; or leave blank.",
    )


def _write_plan(sheet: Any, framework: Framework, assessment: AssessmentInput | None) -> None:
    """The Action plan sheet: one row per capability, filled in only for those with a plan."""
    sheet["A1"] = "Action plan"
    sheet["A1"].font = _TITLE_FONT
    sheet["A2"] = (
        "For each capability you plan to improve: priority, target level and date, the lead "
        "organisation, the actions and their status. Leave the row blank for the others."
    )
    header = 4
    _header_row(sheet, header, PLAN_HEADERS, _PLAN_WIDTHS)
    priorities = _list_validation(("high", "medium", "low"), "priority")
    statuses = _list_validation(("not started", "under way", "done", "dropped"), "status")
    levels = _level_validation(framework)
    for validation in (priorities, statuses, levels):
        sheet.add_data_validation(validation)
    plan = assessment.plan if assessment is not None else {}
    for row, capability in enumerate(framework.capabilities, start=header + 1):
        fixed = (capability.number, framework.domain(capability.domain).name, capability.title)
        for column, value in enumerate(fixed, start=1):
            cell = sheet.cell(row=row, column=column, value=value)
            cell.border = _BOX
            cell.alignment = _WRAP
        given = plan.get(capability.number, {})
        values = (
            given.get("priority"),
            _level_entry(framework, given.get("target_level")),
            _date_cell(given.get("target_date")),
            given.get("lead"),
            given.get("actions"),
            given.get("status"),
        )
        for column, value in enumerate(values, start=4):
            cell = sheet.cell(row=row, column=column)
            _answer_cell(cell, value, wrap=column == 8)
            if isinstance(value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
    first, last = header + 1, header + len(framework.capabilities)
    priorities.add(f"D{first}:D{last}")
    levels.add(f"E{first}:E{last}")
    statuses.add(f"I{first}:I{last}")
    sheet.freeze_panes = f"A{first}"


def _date_cell(value: Any) -> Any:
    """An ISO date text as a real date (Excel sorts it); anything else as given."""
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    return value


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
        "6. Optionally, on the Action plan sheet, plan what comes next for the capabilities "
        "you want to improve: priority (high, medium, low), target level and date, the lead "
        "organisation, the actions and their status (not started, under way, done, "
        "dropped). The dashboard follows the targets in the next round.",
        "7. Save as .xlsx and upload. You may insert rows or notes above the tables, reorder "
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
