"""A metadata label row with its value ("Country | Ghana", "Year: 2022"): what stands between
a sheet's title and its table, and between tables stacked on one sheet."""

from __future__ import annotations

from typing import Any

from components.ingest.drafts import label_and_value
from components.ingest.matching import METADATA_FIELDS, Field, classify_header

# A label row holds its label, its value and perhaps a remark: no more.
_LABEL_ROW_CELLS = 3


def is_label_row(cells: tuple[Any, ...]) -> bool:
    """Whether a row is a metadata label with its value ("Country | Ghana", "Year: 2022")."""
    return label_field(cells) is not None


def label_field(cells: tuple[Any, ...]) -> Field | None:
    """The field a metadata label row names ("year" for "Year | 2022" or "Year: 2022"), or
    ``None`` when the row is no label row."""
    filled = [value for value in cells if value is not None]
    if not filled or len(filled) > _LABEL_ROW_CELLS:
        return None
    if (field := classify_header(filled[0])) in METADATA_FIELDS:
        return field
    labelled = label_and_value(filled[0])
    return labelled[0] if labelled else None
