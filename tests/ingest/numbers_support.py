"""Apple Numbers spreadsheets written in code with numbers-parser, as a person on a Mac makes
them (no binary fixtures): sheets of tables, each table placed on its sheet, merged cells."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from numbers_parser import Document


@dataclass
class NTable:
    name: str
    rows: list[list[Any]]
    y: float = 0.0  # where it sits on the sheet, in points from the top
    merges: list[str] = field(default_factory=list)  # "A2:A4"


@dataclass
class NSheet:
    name: str
    tables: list[NTable]


def numbers_file(sheets: list[NSheet], password: str | None = None) -> bytes:
    """The sheets saved by numbers-parser as a .numbers file (as Numbers writes one)."""
    first = sheets[0].tables[0]
    doc = Document(
        sheet_name=sheets[0].name, table_name=first.name, **_size(first), num_header_cols=0
    )
    for number, sheet in enumerate(sheets):
        if number:
            doc.add_sheet(sheet.name, sheet.tables[0].name, **_size(sheet.tables[0]))
        for index, table in enumerate(sheet.tables):
            if index:
                doc.sheets[number].add_table(table.name, x=0, y=table.y, **_size(table))
            written = doc.sheets[number].tables[index]
            for row, cells in enumerate(table.rows):
                for column, value in enumerate(cells):
                    if value is not None:
                        written.write(row, column, value)
            if table.merges:
                written.merge_cells(table.merges)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "made.numbers"
        doc.save(path, password=password)
        return path.read_bytes()


def _size(table: NTable) -> dict[str, int]:
    return {
        "num_rows": max(len(table.rows), 1),
        "num_cols": max((len(r) for r in table.rows), default=1),
    }
