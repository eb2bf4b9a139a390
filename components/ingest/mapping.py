"""When the reader is unsure, the person says: which row holds the headers, which column is what,
and which capability an unmatched label means.

A ``Mapping`` is plain data (it can be kept in a session and saved): per sheet shape, the header
row and the role of each column; and across files, what each label means. The reader applies it
through ``read_assessment_file(..., mapping=...)``; nothing here guesses. A sheet's shape is its
``signature``: the header row's cells, normalised. So a mapping made for one file applies to any
other file of the same shape, wherever its header row is.

``preview_sheets`` gives the upload page what it needs to ask: each sheet's first rows, the
header row and roles the reader found (or its best guess), and the labels it could not match.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping as MappingABC
from dataclasses import dataclass, field
from typing import Any, Literal

from openpyxl.utils import get_column_letter

from components.base.text import normalise
from components.framework.model import Framework
from components.ingest.limits import DEFAULT_LIMITS, ReadLimits
from components.ingest.markup_books import as_workbook
from components.ingest.matching import classify_header, exact_reference
from components.ingest.refusals import FileRejected
from components.ingest.sheets import ReadContext, Sheet, read_csv, read_workbook
from components.ingest.zip_names import checked_upload

Role = Literal["country", "year", "capability", "level", "evidence"]
ROLES: tuple[Role, ...] = ("country", "year", "capability", "level", "evidence")
ROLE_LABELS: dict[Role, str] = {
    "country": "Country",
    "year": "Year or date",
    "capability": "Capability",
    "level": "Level",
    "evidence": "Evidence or notes",
}
# How many rows the page shows to pick the header row from, and how much of each cell.
PREVIEW_ROWS = 15
PREVIEW_CHARS = 40
# Rows searched for a mapped header row in another file of the same shape.
SIGNATURE_SCAN_ROWS = 200


def signature(cells: tuple[Any, ...]) -> tuple[str, ...]:
    """A header row's identity: its filled cells, normalised (first 40 characters), in order."""
    keys = (normalise(" ".join(str(v).split())[:PREVIEW_CHARS]) for v in cells if v is not None)
    return tuple(key for key in keys if key)


@dataclass(frozen=True)
class SheetMapping:
    """How to read sheets of one shape: the header row's signature and each column's role."""

    signature: tuple[str, ...]
    header_row: int  # 0-based, in the file the mapping was made on
    columns: MappingABC[Role, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Mapping:
    """A person's decisions: sheet shapes, and labels -> capability number (``None``: not one)."""

    sheets: tuple[SheetMapping, ...] = ()
    labels: MappingABC[str, int | None] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not self.sheets and not self.labels

    def label(self, value: Any) -> tuple[bool, int | None]:
        """(decided, capability number or None) for a label the person mapped."""
        key = label_key(value)
        if key in self.labels:
            return True, self.labels[key]
        return False, None

    def for_sheet(self, sheet: Sheet) -> tuple[SheetMapping, int] | None:
        """The mapping of this sheet's shape and the header row it has here, if any."""
        if not self.sheets:
            return None
        wanted = {m.signature: m for m in self.sheets}
        for row in range(min(len(sheet.rows), SIGNATURE_SCAN_ROWS)):
            found = wanted.get(signature(sheet.rows[row]))
            if found is not None and found.signature:
                return found, row
        return None

    def with_sheet(self, sheet_mapping: SheetMapping) -> Mapping:
        """This mapping with one sheet shape added (or replaced)."""
        kept = tuple(m for m in self.sheets if m.signature != sheet_mapping.signature)
        return Mapping((*kept, sheet_mapping), self.labels)

    def with_labels(self, labels: MappingABC[str, int | None]) -> Mapping:
        """This mapping with label decisions added (or replaced)."""
        return Mapping(self.sheets, {**self.labels, **labels})


NO_MAPPING = Mapping()


def label_key(value: Any) -> str:
    """How a label is remembered: normalised text, so case and spaces do not matter."""
    return normalise(str(value))


@dataclass(frozen=True)
class SheetPreview:
    """What the mapping step shows for one sheet."""

    name: str | None
    rows: tuple[tuple[str, ...], ...]  # the first rows, as text
    width: int
    header_row: int | None  # 0-based, what the reader found or guesses
    columns: MappingABC[Role, int]
    row_count: int

    def column_choices(self, header_row: int) -> dict[int, str]:
        """Column index -> "C · Niveau" for the pickers, from the chosen header row."""
        cells = self.rows[header_row] if header_row < len(self.rows) else ()
        return {
            c: f"{get_column_letter(c + 1)} · {cells[c]}"
            if c < len(cells) and cells[c]
            else get_column_letter(c + 1)
            for c in range(self.width)
        }


def preview_sheets(
    name: str, data: bytes, framework: Framework, limits: ReadLimits = DEFAULT_LIMITS
) -> list[SheetPreview]:
    """Each sheet's first rows and the reader's guess at its header row and columns.

    Empty for a file the guard refuses (the report already says why).
    """
    ctx = ReadContext(name, framework, limits)
    try:
        data, kind = checked_upload(name, data, limits)  # "xl\\sheet1.xml": ``zip_names``
        data, kind = as_workbook(ctx, data, kind)  # Excel's 2003 XML, a web page: as an xlsx
        sheets = read_csv(ctx, data) if kind == "csv" else read_workbook(ctx, data, kind)
    except (FileRejected, OSError, ValueError):
        return []
    except Exception:  # noqa: BLE001 - a damaged file: the report says so; nothing to map
        return []
    previews = []
    for sheet in sheets:
        if not sheet.rows:
            continue
        header, columns = guess_roles(ctx, sheet)
        shown = tuple(tuple(_preview_text(v) for v in row) for row in sheet.rows[:PREVIEW_ROWS])
        previews.append(
            SheetPreview(
                sheet.name,
                shown,
                max((len(r) for r in sheet.rows[:PREVIEW_ROWS]), default=0),
                header,
                columns,
                len(sheet.rows),
            )
        )
    return previews


def _preview_text(value: Any) -> str:
    """A cell as the person typed it: 2024, not the 2024.0 a workbook stores; a date as a
    date, not a timestamp at midnight."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    return " ".join(str(value).split())[:PREVIEW_CHARS]


def guess_roles(ctx: ReadContext, sheet: Sheet) -> tuple[int | None, dict[Role, int]]:
    """The first row with two or more header words (or else the first filled row), and the
    columns those words name; the column naming most capabilities is the capability column."""
    scan = range(min(len(sheet.rows), PREVIEW_ROWS))
    best: tuple[int, dict[Role, int]] | None = None
    for row in scan:
        roles: dict[Role, int] = {}
        for column, value in enumerate(sheet.rows[row]):
            field_name = classify_header(value)
            role = _ROLE_OF_FIELD.get(field_name) if field_name else None
            if role is not None and role not in roles:
                roles[role] = column
        if len(roles) >= 2:
            best = (row, roles)
            break
    if best is None:
        first = next((r for r in scan if sheet.rows[r]), None)
        if first is None:
            return None, {}
        best = (first, {})
    header, roles = best
    if "capability" not in roles:
        counts = {
            c: sum(
                exact_reference(sheet.value(r, c), ctx.capabilities) is not None
                for r in range(header + 1, min(len(sheet.rows), header + 40))
            )
            for c in range(sheet.width())
        }
        column, hits = max(counts.items(), key=lambda item: item[1], default=(0, 0))
        if hits >= 3:
            roles["capability"] = column
    return header, roles


_ROLE_OF_FIELD: dict[str, Role] = {
    "country": "country",
    "year": "year",
    "date": "year",
    "when": "year",
    "capability": "capability",
    "number": "capability",
    "level": "level",
    "evidence": "evidence",
}


def mapping_for(
    preview: SheetPreview, header_row: int, columns: MappingABC[Role, int]
) -> SheetMapping:
    """The sheet mapping a person's choices make, keyed by the chosen header row's signature."""
    cells = preview.rows[header_row] if header_row < len(preview.rows) else ()
    values = tuple(v if v else None for v in cells)
    return SheetMapping(signature(values), header_row, dict(columns))
