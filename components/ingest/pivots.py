"""An Excel pivot table's output, pasted as values: "Row Labels", "Average of Level", "Grand Total".

Excel heads a pivot table's row field "Row Labels" (in French "Étiquettes de lignes", in
Spanish "Etiquetas de fila", in Portuguese "Rótulos de Linha"; the vocabulary lists them as a
capability header), puts its value field's caption in the corner ("Average of Level", "Somme
de Niveau") with "Column Labels" beside it, and adds a "Grand Total" column and row (a summary
word, never a country or a capability). A pivot laid out in tabular form is then an ordinary
wide table: capabilities down, countries across, and is read so; an average of one value is
that value, and an average that is not whole is reported like any level that is not.

A caption that counts ("Count of Level", "Nombre de Niveau") is no level column (it holds how
many levels there were, not which): ``header_parts.counts_levels``. Here: a pivot the reader
cannot read (the compact form, countries and capabilities in one column) is named as such,
with how to lay it out.
"""

from __future__ import annotations

from typing import Any

from components.ingest.header_parts import PIVOT_CAPTION, counts_levels
from components.ingest.sheets import Sheet, cell_address, quoted
from components.ingest.vocabulary import default_vocabulary, key_of

# The row and column fields' headers, in Excel's languages.
_ROW_LABELS = frozenset(
    {"row labels", "etiquettes de lignes", "etiquettes de ligne", "etiquetas de fila",
     "rotulos de linha", "rotulos de linhas"}
)  # fmt: skip
# Longer text is no pivot's header or caption ("Average of Maturity level" is 27 characters).
_LONGEST = 60
_COLUMN_LABELS = frozenset(
    {"column labels", "etiquettes de colonnes", "etiquettes de colonne", "etiquetas de columna",
     "rotulos de coluna", "rotulos de colunas"}
)  # fmt: skip


def is_caption_row(cells: tuple[Any, ...]) -> bool:
    """A pivot's caption row: "Average of Level | Column Labels", no header of a table."""
    keys = [key_of(v) for v in cells if isinstance(v, str)]
    return any(PIVOT_CAPTION.match(k) for k in keys) and any(k in _COLUMN_LABELS for k in keys)


def row_labels_column(cells: tuple[Any, ...], before: int) -> int | None:
    """The column left of ``before`` headed "Row Labels" (a pivot's rows), if there is one."""
    found = [c for c in range(min(before, len(cells))) if _is_row_labels(cells[c])]
    return found[0] if found else None


def _is_row_labels(value: Any) -> bool:
    return isinstance(value, str) and key_of(value) in _ROW_LABELS


def is_pivot_field(value: Any) -> bool:
    """Whether a cell is a pivot's "Row Labels" or "Column Labels" header (in a language)."""
    return isinstance(value, str) and key_of(value) in _ROW_LABELS | _COLUMN_LABELS


def unread_pivot(sheet: Sheet, rows: int) -> str | None:
    """Why a pivot table's output (found by its "Row Labels" header or its "Count of Level"
    caption in the first ``rows``) was not read, or ``None`` when the sheet holds no pivot."""
    headers = default_vocabulary().headers
    labels = None
    for row, cells in enumerate(sheet.rows[:rows]):
        for column, value in enumerate(cells):
            if not isinstance(value, str) or len(value) > _LONGEST:
                continue  # a sentence, a title: no pivot's header
            if counts_levels(key_of(value), headers):
                return (
                    f"it holds a pivot table that counts the levels ({quoted(value)} in "
                    f"{cell_address(row, column)}): how many there were, not which. Show the "
                    "level itself (Value Field Settings: Sum or Average of the level, with one "
                    "assessment per column), or upload the table the pivot was made from"
                )
            if labels is None and _is_row_labels(value):
                labels = cell_address(row, column)
    if labels is None:
        return None
    return (
        f"it holds a pivot table (“Row Labels” in {labels}) whose rows could not be read as "
        "capabilities, one per row; in the compact form a pivot lists countries and "
        "capabilities in one column. Show the pivot in tabular form (PivotTable Design > "
        "Report Layout > Show in Tabular Form) with the capabilities as rows and the countries "
        "as columns, or upload the table the pivot was made from"
    )
