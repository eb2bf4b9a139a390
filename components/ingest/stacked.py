"""Blocks one under another on a sheet: stacked assessments, and enablers under capabilities.

People extend a sheet downwards rather than adding sheets:

* a second assessment under the first, each under its own header row and title, often the
  template's whole sheet pasted below itself with its own Country and Year labels: each
  block is read with the labels above its own header;
* the enablers under the capabilities, either the Enablers sheet's block pasted there with
  its own header row ("No. | Enabler | Level"), or rows typed in the same columns under a
  heading row ("ENABLERS", "Facilitateurs"): read as the enablers of the assessment above,
  never as capabilities (their numbers 1 to 7 and level labels would name capabilities).

A table stacked under another whose title says it holds targets ("TARGET LEVELS (2027)",
"Targets for 2027", "Desired situation 2027", "Niveaux cibles", "Metas 2027") is a plan's, not
an assessment: it is left out, with a warning naming its title (``target_title``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from components.base.text import normalise, word_set
from components.ingest.drafts import Draft
from components.ingest.group_blocks import join_group_blocks
from components.ingest.header_languages import first_headers, one_header
from components.ingest.label_rows import is_label_row
from components.ingest.layout import ItemTable, repeated_headers
from components.ingest.matching import Field, classify_header, exact_reference
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted

ParseTable = Callable[..., list[Draft]]
_HEADER_CHARS = 60


def parse_stacked(
    ctx: ReadContext, sheet: Sheet, layout: ItemTable, parse_table: ParseTable
) -> list[Draft]:
    """The drafts of an item table without a country column and of the tables stacked under
    it, each with the rows between its header and the next table's; ``parse_table`` is the
    reader's ``_parse_item_table`` (``top`` and ``end`` bound the rows it reads)."""
    # A table's header written again in another language right under it is one header.
    headers = first_headers(sheet, layout, [layout.header, *repeated_headers(sheet, layout)])
    tables: list[tuple[list[Draft], int]] = []  # each block's drafts, and its first problem
    for position, header in enumerate(headers):
        end = headers[position + 1] if position + 1 < len(headers) else len(sheet.rows)
        top = table_top(sheet, headers[position - 1], header) if position else 0
        table = ItemTable(header, layout.columns, layout.catalogue)
        if position and _say_targets(ctx, sheet, top, header):
            continue
        block = _enabler_block(ctx, sheet, table, end) if table.catalogue == "capability" else None
        said = len(ctx.problems)
        if block is None:
            tables.append((parse_table(ctx, sheet, table, top=top, end=end), said))
            continue
        start, enablers = block
        one_header(sheet, enablers)  # "Facilitateur" over "Enabler": one header
        found = parse_table(ctx, sheet, table, top=top, end=start)
        below = parse_table(ctx, sheet, enablers, top=start, end=end)
        tables.append((_joined(found, below), said))
    # A board's groups, each under its header again, are one table's (``group_blocks``).
    return join_group_blocks(ctx, tables)


# Words of a title over levels someone aims at, not levels reached (whole words, normalised).
_TARGET_WORDS = word_set(
    "target targets goal goals desired objective objectives aim aims future tobe objectif"
    " objectifs cible cibles vise visee souhaite souhaitee futur meta metas objetivo"
    " objetivos deseado deseada deseados desejado desejada futuro"
)
# Words of a title over levels reached: a title with both ("current and target") is not
# only a target table.
_CURRENT_WORDS = word_set("current now today actual present asis actuel actuelle atual baseline")


def target_title(text: Any) -> bool:
    """Whether a table's title says it holds target levels ("TARGET LEVELS (2027)", "Targets
    for 2027", "Desired situation 2027", "To-be"), not levels reached."""
    if not isinstance(text, str):
        return False
    words = set(normalise(text.replace("-", "")).split())
    return bool(words & _TARGET_WORDS) and not words & _CURRENT_WORDS


def _say_targets(ctx: ReadContext, sheet: Sheet, top: int, header: int) -> bool:
    """Whether the table headed at ``header`` is titled as targets (a title row between
    ``top`` and its header); if so, it is said to be left out."""
    for row in range(top, header):
        filled = [(c, v) for c, v in enumerate(sheet.rows[row]) if v is not None]
        if len(filled) != 1 or not target_title(filled[0][1]):
            continue
        column, title = filled[0]
        ctx.add(
            "warning",
            sheet,
            cell_address(row, column),
            f"The table under {quoted(title)} (from row {header + 1}) holds target levels, not "
            "an assessment: it was not read as one.",
            "To keep the targets, give them as the action plan: a Target level column beside "
            'the levels, or an "Action plan" sheet.',
        )
        return True
    return False


def table_top(sheet: Sheet, header: int, next_header: int) -> int:
    """The first row of the table headed at ``next_header`` that follows the one headed at
    ``header``: what lies between, blank rows, a title and label rows ("Country | Ghana"),
    belongs to the next one."""
    row = next_header
    while row > header + 1 and (
        len({v for v in sheet.rows[row - 1] if v is not None}) <= 1
        or is_label_row(sheet.rows[row - 1])
    ):
        row -= 1
    return row


def _enabler_block(
    ctx: ReadContext, sheet: Sheet, table: ItemTable, end: int
) -> tuple[int, ItemTable] | None:
    """Where the enablers start under a capability table (its first row, and the table to
    read them as), when they do: a header row naming the enabler and the level, or a heading
    row naming the enablers alone with rows naming enablers below."""
    number = table.columns.get("number")
    for row in range(table.header + 1, end):
        cells = sheet.rows[row]
        key = cells[number] if number is not None and number < len(cells) else None
        if isinstance(key, int | float) and not isinstance(key, bool):
            continue  # a numbered row: an item, neither a header nor a heading
        fields = _enabler_header(cells)
        if fields:
            start = row - 1 if row > table.header + 1 and _heading(sheet.rows[row - 1]) else row
            return start, ItemTable(row, fields, "enabler")
        if _heading(cells) and _names_enablers_below(ctx, sheet, table, row + 1, end):
            following = next((r for r in range(row + 1, end) if any(sheet.rows[r])), None)
            if following is not None and _enabler_header(sheet.rows[following]):
                continue  # "ENABLERS", then its own header row: read under that header
            return row, ItemTable(row, table.columns, "enabler")
    return None


def _enabler_header(cells: tuple[Any, ...]) -> dict[Field, int]:
    """The columns of a header row naming the enabler and the level ("No. | Enabler |
    Level"), or nothing when the row is no such header."""
    # Header words are short: the long text of descriptions and notes is no header.
    fields: dict[Field, int] = {}
    for column, value in enumerate(cells):
        if isinstance(value, str) and len(value) <= _HEADER_CHARS:
            name = classify_header(value)
            if name is not None and name not in fields:
                fields[name] = column
    return fields if "enabler" in fields and "level" in fields else {}


def _heading(cells: tuple[Any, ...]) -> bool:
    """Whether a row is a heading naming the enablers alone ("ENABLERS", "Facilitateurs")."""
    filled = [value for value in cells if value is not None]
    return len(filled) == 1 and classify_header(filled[0]) == "enabler"


def _names_enablers_below(
    ctx: ReadContext, sheet: Sheet, table: ItemTable, first: int, end: int
) -> bool:
    """Whether a row below names an enabler by its title, in the table's title column."""
    column = table.columns.get("capability", table.columns.get("enabler"))
    if column is None:
        return False
    return any(
        isinstance(value := sheet.value(row, column), str)
        and exact_reference(value, ctx.enablers) is not None
        for row in range(first, end)
    )


def _joined(capabilities: list[Draft], enablers: list[Draft]) -> list[Draft]:
    """The enablers read under a capability table, given to its one assessment; otherwise
    left as they are (joined to an assessment by the reader, or reported)."""
    if len(capabilities) != 1 or len(enablers) != 1 or not enablers[0].needs_owner:
        return capabilities + enablers
    owner, block = capabilities[0], enablers[0]
    for number, answers in block.items["enabler"].items():
        owner.items["enabler"].setdefault(number, answers)
    for key, cell in block.first_cell.items():
        owner.first_cell.setdefault(key, cell)
    return capabilities
