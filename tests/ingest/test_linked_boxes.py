"""Excel form-control check boxes over a tick form's level columns."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from openpyxl.utils import get_column_letter

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, errors, read, xlsx

LEVELS: dict[int, int | None] = {n: (n * 2) % 5 for n in range(1, 22)}
LEVELS[4] = None  # no box ticked: not assessed
FIRST = 5  # the first capability's row (1-based)


def _rows(headings: list[Any], helper: bool, under: bool) -> list[list[Any]]:
    rows: list[list[Any]] = [["THE REPUBLIC OF UGANDA"], ["MNR self-assessment checklist – 2023"]]
    rows += [[], ["No.", "Capability", *headings, "Evidence"]]
    for n in range(1, 22):
        boxes = [LEVELS[n] == i if under else None for i in range(5)]
        row = [n, TITLES[n], *boxes, "seen"]
        if helper:
            row += [None, None, *[LEVELS[n] == i for i in range(5)]]
        rows.append(row)
    return rows


def _vml(link: str, saved: bool) -> bytes:
    """A VML drawing of a check box over each level cell (C:G), linked as ``link`` says:
    "helper" (K:O), "under" (the cell itself) or "none" (the box's saved state only)."""
    shapes = []
    for n in range(1, 22):
        row = FIRST + n - 2  # 0-based
        for i in range(5):
            column = 2 + i
            if link == "helper":
                target = f"<x:FmlaLink>${get_column_letter(11 + i)}${row + 1}</x:FmlaLink>"
            elif link == "under":
                target = f"<x:FmlaLink>${get_column_letter(column + 1)}${row + 1}</x:FmlaLink>"
            else:
                target = ""
            checked = "<x:Checked>1</x:Checked>" if saved and LEVELS[n] == i else ""
            shapes.append(
                '<v:shape type="#_x0000_t201"><x:ClientData ObjectType="Checkbox">'
                f"<x:Anchor>{column}, 20, {row}, 2, {column}, 44, {row}, 20</x:Anchor>"
                f"{target}{checked}</x:ClientData></v:shape>"
            )
    return (
        '<xml xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:x="urn:schemas-microsoft-com:office:excel">' + "".join(shapes) + "</xml>"
    ).encode()


def _with_boxes(data: bytes, vml: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for info in source.infolist():
            archive.writestr(info, source.read(info))
        archive.writestr("xl/drawings/vmlDrawing1.vml", vml)
        archive.writestr(
            "xl/worksheets/_rels/sheet1.xml.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rIdV1" Type="'
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing"
            '" Target="../drawings/vmlDrawing1.vml"/></Relationships>',
        )
    return buffer.getvalue()


NUMBERED = [f"Level {i}" for i in range(5)]
LABELS = ["Not in place", "Building", "Developing", "Established", "Mature"]


@pytest.mark.parametrize(
    ("case", "headings", "link", "saved"),
    [
        ("hidden helper columns", NUMBERED, "helper", True),
        ("helper columns, state only there", NUMBERED, "helper", False),
        ("linked to the cell under", NUMBERED, "under", False),
        ("not linked, saved state", NUMBERED, "none", True),
        ("labels, helper columns", LABELS, "helper", False),
        ("numbers, under", [0, 1, 2, 3, 4], "under", True),
    ],
)
def test_ticked_check_boxes_are_read_as_the_level_marked(case, headings, link, saved):
    rows = _rows(headings, helper=link == "helper", under=link == "under")
    data = _with_boxes(xlsx({"Checklist": rows}), _vml(link, saved))
    result = read("checklist.xlsx", data)
    expected = {n: v for n, v in LEVELS.items() if v is not None}
    assert list(by_assessment(result).values()) == [expected], case
    assert errors(result) == [], case
    assert_problem(result, "warning", "C5:G25", "Excel check boxes: each ticked box (20)")


def test_a_workbook_without_check_boxes_is_read_as_it_was():
    rows = _rows(NUMBERED, helper=False, under=False)
    for n in range(1, 22):
        if LEVELS[n] is not None:
            rows[3 + n][2 + LEVELS[n]] = "x"
    result = read("checklist.xlsx", xlsx({"Checklist": rows}))
    assert list(by_assessment(result).values()) == [
        {n: v for n, v in LEVELS.items() if v is not None}
    ]
    assert not [p for p in result.problems if "check boxes" in p.message]
