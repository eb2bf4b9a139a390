"""The whole library as one workbook, and a workbook brought into a library.

The export is a workbook the upload page reads: a sheet ``Library`` with the first version of
every assessment, ``Library v2`` with second versions, and so on, as long tables with each
assessment's title, visibility and framework edition beside it. Importing it into another
library keeps versions, titles, visibilities and editions;
an assessment already there is not imported twice.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from sqlalchemy import Engine

from components.exports.safe_text import (
    neutralise_formula,
    restore_neutralised,
    restore_neutralised_text,
)
from components.framework.model import Framework
from components.ingest.file_guard import check_upload
from components.ingest.plans import PLAN_FIELD_HEADERS
from components.ingest.reader import read_assessment_file
from components.ingest.refusals import FileRejected
from components.ingest.report import SOURCE_SEPARATOR, ReadResult
from components.library.database import guard, reading
from components.library.records import (
    PLAN_ROW_FIELDS,
    Record,
    assessment_key,
    load_records,
    records_from_frames,
)
from components.library.schema import ensure_schema
from components.library.store import SaveOutcome, write_records
from components.library.visibility import (
    DEFAULT_VISIBILITY,
    VISIBILITY_LABELS,
    Viewer,
    Visibility,
    parse_visibility,
)

EXPORT_SHEET = "Library"
EXPORT_HEADERS = (
    "Country",
    "ISO3",
    "Year",
    "Date",
    "Round",
    "Assessed by",
    "Capability",
    "Level",
    "Evidence",
    "Confidence",
    "Library title",  # not a column the reader knows: it is ignored there, and read on import
    "Library visibility",  # the same: who may see it, kept on import
    "Framework edition",  # the same: the edition it was made against, kept on import
)
_VERSION_SHEET = re.compile(rf"^{EXPORT_SHEET}(?: v(?P<version>\d+))?$", re.IGNORECASE)
_INSTRUCTIONS = (
    "MNR Dashboard: the assessment library, exported",
    "",
    "Each Library sheet is a long table: one row per country, date or year, round and "
    "capability (enablers are written E1 to E7 in the Capability column).",
    "The sheet Library holds the first version of every assessment; Library v2 the second "
    "versions, and so on.",
    "A blank level means the capability was not assessed.",
    "Upload this workbook on the upload page to look at it, or import it on the library page "
    "to bring it into another library (identical assessments are not imported twice).",
)


def _export_sheet_name(version: int) -> str:
    return EXPORT_SHEET if version == 1 else f"{EXPORT_SHEET} v{version}"


def export_workbook(engine: Engine, *, viewer: Viewer) -> bytes:
    """The library as the viewer may see it by name, as an xlsx workbook that
    ``read_assessment_file`` reads back: an editor gets everything (with each assessment's
    visibility), a visitor only what everyone may see.

    Text is written as text cells, and text that a spreadsheet would run (``=``, ``+``, ``-``,
    ``@``, tab, carriage return first) gets a leading apostrophe, as in every export;
    ``import_workbook`` takes the apostrophe off again.
    """
    records: list[Record] = []
    if viewer.named and ensure_schema(engine, create=False):
        with guard(engine), reading(engine) as conn:
            records = load_records(conn, ids=None, visibilities=viewer.named)
    workbook = Workbook()
    info = workbook.active
    info.title = "Instructions"
    for line in _INSTRUCTIONS:
        info.append([line])
    info["A1"].font = Font(bold=True, size=14)
    info.column_dimensions["A"].width = 110
    by_version: dict[int, list[Record]] = {}
    for record in records:
        by_version.setdefault(record.version or 1, []).append(record)
    for version in sorted(by_version) or [1]:
        sheet = workbook.create_sheet(_export_sheet_name(version))
        _write_row(sheet, 1, EXPORT_HEADERS)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        row = 2
        for record in by_version.get(version, []):
            m = record.meta
            head = [m["country"], m["iso3"], m["year"], m["date"], m["round"], m["assessed_by"]]
            tail = [
                record.title,
                VISIBILITY_LABELS.get(record.visibility or "", None),
                m.get("framework_edition"),
            ]
            for item in record.capabilities:
                values = [item["capability"], item["level"], item["evidence"], item["confidence"]]
                _write_row(sheet, row, [*head, *values, *tail])
                row += 1
            for item in record.enablers:
                values = [
                    f"E{item['enabler']}",
                    item["level"],
                    item["evidence"],
                    item["confidence"],
                ]
                _write_row(sheet, row, [*head, *values, *tail])
                row += 1
        for letter, width in zip(
            "ABCDEFGHIJKLM", (18, 7, 7, 12, 14, 18, 11, 7, 50, 11, 30, 24, 12), strict=True
        ):
            sheet.column_dimensions[letter].width = width
        sheet.freeze_panes = "A2"
        _write_plans(workbook, version, by_version.get(version, []))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


PLAN_HEADERS = (
    "Country",
    "ISO3",
    "Year",
    "Date",
    "Round",
    "Capability no",
    *PLAN_FIELD_HEADERS,
)


def _write_plans(workbook: Any, version: int, records: Sequence[Record]) -> None:
    """The action plans of one version's sheet, on a sheet of their own ("Library plan v2"),
    which the reader joins to the assessments of "Library v2"; none when there is no plan."""
    rows = [
        [
            record.meta["country"],
            record.meta["iso3"],
            record.meta["year"],
            record.meta["date"],
            record.meta["round"],
            *(plan[name] for name in PLAN_ROW_FIELDS),
        ]
        for record in records
        for plan in record.plan
    ]
    if not rows:
        return
    name = EXPORT_SHEET + " plan" + ("" if version == 1 else f" v{version}")
    sheet = workbook.create_sheet(name)
    _write_row(sheet, 1, PLAN_HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, values in enumerate(rows, start=2):
        _write_row(sheet, index, values)
    sheet.freeze_panes = "A2"


def _write_row(sheet: Any, row: int, values: Sequence[Any]) -> None:
    for column, raw in enumerate(values, start=1):
        value = neutralise_formula(raw)
        cell = sheet.cell(row=row, column=column, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # text stays text: "=..." in evidence is never a formula


@dataclass(frozen=True)
class ImportOutcome:
    """What an import read (with its problems) and what happened to each assessment."""

    read: ReadResult
    outcomes: tuple[SaveOutcome, ...] = field(default_factory=tuple)

    @property
    def saved(self) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == "saved")

    @property
    def already_there(self) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == "identical")


def import_workbook(
    engine: Engine,
    name: str,
    data: bytes,
    framework: Framework,
    *,
    visibility: Visibility = DEFAULT_VISIBILITY,
) -> ImportOutcome:
    """Bring the assessments of a workbook into the library, in one transaction.

    Any workbook the reader reads will do; an export of a library keeps its versions (in
    order), titles, visibilities and framework editions. Other assessments get
    ``visibility`` and the edition of ``framework``. An assessment identical to a version
    already in the library is not imported again; one that differs becomes the next version.
    """
    result = read_assessment_file(name, data, framework)
    if result.capabilities.empty:
        return ImportOutcome(result)
    # Exports neutralise formula-like text with an apostrophe; the library keeps it as it was.
    result = replace(
        result,
        capabilities=restore_neutralised_text(result.capabilities),
        enablers=restore_neutralised_text(result.enablers),
        plans=restore_neutralised_text(result.plans),
    )
    details = _export_details(name, data)
    records = []
    for record in records_from_frames(
        result.capabilities, result.enablers, edition=framework.edition, plans=result.plans
    ):
        sheet = (record.meta["source"] or "").rpartition(SOURCE_SEPARATOR)[2]
        match = _VERSION_SHEET.match(sheet.strip())
        version = int(match.group("version") or 1) if match else 1
        title, kept_visibility, edition = details.get((sheet, record.key), (None, None, None))
        meta = record.meta | {"framework_edition": edition or record.meta["framework_edition"]}
        records.append(
            (
                version,
                replace(record, meta=meta, title_override=title, visibility=kept_visibility),
            )
        )
    ordered = [record for _, record in sorted(records, key=lambda pair: pair[0])]
    return ImportOutcome(
        result, tuple(write_records(engine, ordered, "import", default_visibility=visibility))
    )


_Details = tuple[str | None, Visibility | None, str | None]


def _export_details(name: str, data: bytes) -> dict[tuple[str, tuple[str, str, str]], _Details]:
    """Title, visibility and framework edition from the columns of a library export, by sheet
    and assessment; empty for other files."""
    try:
        if check_upload(name, data) != "xlsx":
            return {}
        workbook = load_workbook(
            io.BytesIO(data), read_only=True, data_only=True, keep_links=False, keep_vba=False
        )
    except (FileRejected, OSError, ValueError, KeyError):
        return {}
    details: dict[tuple[str, tuple[str, str, str]], _Details] = {}
    try:
        for sheet in workbook.worksheets:
            if not _VERSION_SHEET.match(sheet.title.strip()):
                continue
            rows = sheet.iter_rows(values_only=True)
            header = [str(v).strip() if v is not None else "" for v in next(rows, ())]
            # Exports of an app before visibilities end at "Library title": still read.
            known = [h for h in EXPORT_HEADERS if h in header]
            if header[: len(known)] != known or "Library title" not in known:
                continue
            for values in rows:
                row = {
                    header: restore_neutralised(value)
                    for header, value in zip(known, values, strict=False)
                }
                if not row.get("Country"):
                    continue
                key = assessment_key(
                    row["Country"], row["Year"], row["Date"], row["Round"], iso3=row.get("ISO3")
                )
                title = row.get("Library title")
                edition = row.get("Framework edition")
                details.setdefault(
                    (sheet.title, key),
                    (
                        str(title) if title else None,
                        parse_visibility(row.get("Library visibility")),
                        str(edition).strip() if edition else None,
                    ),
                )
    except Exception:  # noqa: BLE001
        # These are niceties: a workbook that the reader accepted but this pass cannot read
        # (damaged, unusual) is imported with titles made from country, date and round, the
        # importing editor's visibility and the app's framework edition.
        return {}
    finally:
        workbook.close()
    return details
