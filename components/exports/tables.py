"""The combined data as files people open in a spreadsheet or upload again: xlsx and csv.

Long tables, one row per assessment and framework item, with the same columns the app's
reader understands, so an export reads back as the same assessments. Every text cell passes
through ``neutralise_formula``; a missing level is an empty cell, never 0.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Mapping
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from components.base.text import count_of
from components.exports.brief import LEARNING_NOTE
from components.exports.plan_tables import PLAN_SHEET, plan_table
from components.exports.safe_text import data_text, neutralise_formula, one_line, safe_csv_bytes
from components.framework.model import Framework
from components.ingest.collection import ORIGIN_LABELS, is_fictional
from components.ingest.demo import DEMO_NOTICE

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


def _when_cell(value: object) -> object:
    """An ISO date as a real date (Excel sorts and filters it); other text as it is."""
    text = one_line(value)
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return text


def _meta(record: Mapping[str, Any]) -> list[object]:
    year = record.get("year")
    return [
        data_text(record.get("country")),
        data_text(record.get("iso3")),
        None if year is None or pd.isna(year) else int(year),
        data_text(record.get("date")),
        data_text(record.get("round")),
        data_text(record.get("assessed_by")),
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
                data_text(record.get("evidence")),
                data_text(record.get("confidence")),
            ]
            if has_origin:
                row.append(ORIGIN_LABELS.get(str(origin), one_line(origin) or None))
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
    "Actions": 60,
    "Lead organisation": 24,
}
_WRAPPED = ("Evidence", "Actions")


def _write_sheet(sheet: Any, table: pd.DataFrame) -> None:
    sheet.append(list(table.columns))
    for cell in sheet[1]:
        cell.font = _XLSX_HEADER_FONT
        cell.fill = _XLSX_HEADER_FILL
        cell.alignment = _XLSX_WRAP
    wrapped = {index for index, name in enumerate(table.columns, start=1) if name in _WRAPPED}
    for record in table.itertuples(index=False):
        values = [
            neutralise_formula(_when_cell(value) if name == "Date" else value)
            for name, value in zip(table.columns, record, strict=True)
        ]
        sheet.append(values)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = _XLSX_WRAP if cell.column in wrapped else _XLSX_TOP
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
        f"{count_of(count, 'assessment')} against {framework.name} ({framework.publisher}).",
        f"Sheet “{CAPABILITY_SHEET}”: one row per assessment and capability "
        f"({len(framework.capabilities)} capabilities in {len(framework.domains)} domains).",
        f"Sheet “{ENABLER_SHEET}”: one row per assessment and cross-cutting enabler "
        f"({len(framework.enablers)} enablers).",
        f"Sheet “{PLAN_SHEET}” (when there is a plan): one row per assessment and capability "
        "with an action plan: priority, target level and date, lead organisation, actions, "
        "status.",
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
    capabilities: pd.DataFrame,
    enablers: pd.DataFrame,
    framework: Framework,
    plans: pd.DataFrame | None = None,
) -> bytes:
    """Every assessment's capabilities and enablers as long tables in one xlsx workbook.

    Sheets: README (what this is), Capabilities (Country, ISO3, Year, Date, Round, Assessed
    by, Capability no, Capability, Domain, Level, Evidence, Confidence, and Origin when the
    frame has an ``origin`` column), Enablers (the same with Enabler no, Enabler), Action
    plan (when any assessment has one: ``plan_tables.PLAN_SHEET_COLUMNS``) and Scale.
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
    plan = plan_table(capabilities, plans, framework)
    if not plan.empty:
        _write_sheet(workbook.create_sheet(PLAN_SHEET), plan)
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
