"""Excel's form-control check boxes over a tick form's level columns.

A tick form made with Excel's check boxes (Developer > Insert > Check Box) holds no mark in its
level cells: each box is a drawing over its cell, and what it stores is TRUE or FALSE in the
cell it is linked to: the cell under it (often hidden by a ";;;" format), or a helper column
far to the right, hidden and without a heading. Read as values, the level columns are empty
(or hold "FALSE" in place of levels) and the helper columns mean nothing.

``mark_linked_boxes`` reads the sheet's check boxes from its VML drawing (where each sits, and
which cell it is linked to), before the sheets are read: each box's cell gets an "x" when it is
ticked (its linked cell TRUE, or, with no linked cell, the box saved as checked), and is
emptied when it is not; a linked cell elsewhere (the helper column) is emptied too, as it only
repeats the box. A warning says so. Only an xlsx with check boxes is looked into.
"""

from __future__ import annotations

import html
import io
import posixpath
import re
import zipfile
from collections.abc import Iterator

from components.ingest.sheets import WORKBOOK_KEY, ReadContext, Sheet, cell_address, quoted
from components.ingest.xlsx_extent import column_index, sheet_paths

_CHECKBOX = re.compile(
    rb'<x:ClientData\s+ObjectType="Checkbox"\s*>(.*?)</x:ClientData>', re.DOTALL | re.IGNORECASE
)
_ANCHOR = re.compile(rb"<x:Anchor>\s*(\d+)\s*,\s*\d+\s*,\s*(\d+)", re.IGNORECASE)
_LINK = re.compile(rb"<x:FmlaLink>\s*(?:[^!<]*!)?\$?([A-Z]{1,3})\$?(\d+)\s*<", re.IGNORECASE)
_CHECKED = re.compile(rb"<x:Checked>\s*1\s*<", re.IGNORECASE)
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)>")
_ATTRIBUTE = re.compile(rb'([\w:]+)="([^"]*)"')
_MARK = "x"
_MAX_PART = 20_000_000
_MIN_BOXES = 3


def mark_linked_boxes(ctx: ReadContext, sheets: list[Sheet]) -> list[Sheet]:
    """The sheets, with each check box's cell marked "x" when ticked (emptied when not)."""
    kind, data = ctx.memo.get(WORKBOOK_KEY, (None, b""))
    if kind != "xlsx":
        return sheets
    try:
        boxes = _boxes(data)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return sheets
    for sheet in sheets:
        found = boxes.get(sheet.name or "")
        if found and len(found) >= _MIN_BOXES:
            _mark(ctx, sheet, found)
    return sheets


Box = tuple[int, int, tuple[int, int] | None, bool]  # row, column, linked cell, saved checked


def _boxes(data: bytes) -> dict[str, list[Box]]:
    found: dict[str, list[Box]] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        if not any(name.startswith("xl/drawings/") and name.endswith(".vml") for name in names):
            return found  # the usual case: no drawing with controls
        for path, name in sheet_paths(archive).items():
            for vml in _vml_parts(archive, path):
                info = archive.getinfo(vml)
                if info.file_size > _MAX_PART:
                    continue
                found.setdefault(name, []).extend(_checkboxes(archive.read(vml)))
    return found


def _vml_parts(archive: zipfile.ZipFile, sheet_path: str) -> Iterator[str]:
    folder, file = posixpath.split(sheet_path)
    try:
        rels = archive.read(posixpath.join(folder, "_rels", f"{file}.rels"))
    except KeyError:
        return
    for found in _RELATIONSHIP.finditer(rels):
        attributes = dict(_ATTRIBUTE.findall(found.group(1)))
        if not attributes.get(b"Type", b"").endswith(b"/vmlDrawing"):
            continue
        target = html.unescape(attributes.get(b"Target", b"").decode("utf-8", "replace"))
        path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        path = posixpath.normpath(path)
        if path in archive.namelist():
            yield path


def _checkboxes(vml: bytes) -> Iterator[Box]:
    for box in _CHECKBOX.finditer(vml):
        body = box.group(1)
        anchor = _ANCHOR.search(body)
        if anchor is None:
            continue
        link = _LINK.search(body)
        linked = (int(link[2]) - 1, column_index(link[1].upper())) if link else None
        yield int(anchor[2]), int(anchor[1]), linked, bool(_CHECKED.search(body))


def _mark(ctx: ReadContext, sheet: Sheet, boxes: list[Box]) -> None:
    ticked: list[tuple[int, int]] = []
    changes: dict[tuple[int, int], str | None] = {}
    for row, column, linked, saved in boxes:
        if linked is not None:
            value = sheet.value(*linked)
            checked = value is True or (isinstance(value, str) and value.upper() == "TRUE")
            if value is not None and not isinstance(value, bool | str):
                checked = value == 1
            changes[linked] = None  # a helper cell: what it says is the box's
        else:
            checked = saved
        changes[row, column] = _MARK if checked else None
        if checked:
            ticked.append((row, column))
    for (row, column), value in changes.items():
        if row >= len(sheet.rows):
            sheet.rows.extend(() for _ in range(row + 1 - len(sheet.rows)))
        cells = list(sheet.rows[row]) + [None] * (column + 1 - len(sheet.rows[row]))
        cells[column] = value
        sheet.rows[row] = tuple(cells)
    sheet.columns = None  # the rows changed: the column cache is stale
    places = [(row, column) for row, column, _, _ in boxes]
    first, last = min(places), max(places)
    ctx.add(
        "warning",
        sheet,
        f"{cell_address(*first)}:{cell_address(*last)}",
        f"The sheet {quoted(sheet.name)} has {len(boxes)} Excel check boxes: each ticked box "
        f"({len(ticked)}) was read as a mark in the cell it sits on.",
        "If that is wrong, type an “x” in the box of the level each capability reached (one "
        "per row), and upload the file again.",
    )
