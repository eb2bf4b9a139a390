"""Why a sheet's table was not recognised, as specifically as its headers allow.

``explain_unrecognised`` completes "Skipped sheet …: " for a sheet on which
``components.ingest.layout.find_layout`` found no table: the header row it came closest to,
and what that row lacks (a Level column, a column naming the capability or the country), or
the headers it did not match (columns of levels headed "Dedicated LE", "Image DB").
"""

from __future__ import annotations

import re
from typing import Any

from components.base.text import normalise
from components.ingest.column_roles import header_item, holds_levels
from components.ingest.foreign_headers import foreign_headers
from components.ingest.headerless import headerless
from components.ingest.layout import HEADER_SCAN_ROWS, KEY_SAMPLE_ROWS, MIN_KEY_MATCHES
from components.ingest.layout import _header_fields as header_fields
from components.ingest.level_header import level_data_row
from components.ingest.level_only import level_only_reason
from components.ingest.matching import Field, classify_header, exact_reference, is_summary
from components.ingest.missing_header import missing_header
from components.ingest.pandas_pivot import pivot_reason
from components.ingest.pivots import is_caption_row, unread_pivot
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.values import parse_level


def explain_unrecognised(ctx: ReadContext, sheet: Sheet) -> str:
    """Why a sheet was skipped, as specifically as the headers allow."""
    if not sheet.rows:
        return "it is empty"
    pivot = unread_pivot(sheet, HEADER_SCAN_ROWS) or pivot_reason(sheet)
    if pivot is not None:
        return pivot
    for row in range(min(len(sheet.rows), HEADER_SCAN_ROWS)):
        fields = header_fields(sheet.rows[row])
        # "Average of Level | Column Labels" heads no column; "Level 1 - Building" under the
        # header is the first row of data.
        if is_caption_row(sheet.rows[row]) or level_data_row(ctx, sheet, row, fields):
            continue
        placeholders = [
            column
            for column, value in enumerate(sheet.rows[row])
            if isinstance(value, str) and _PLACEHOLDER.match(value)
        ]
        if len(placeholders) >= 2:
            first, last = placeholders[0], placeholders[-1]
            return (
                f"the header row {row + 1} holds the headers Excel gives a table that had none "
                f"({quoted(sheet.rows[row][first])} to {quoted(sheet.rows[row][last])}, "
                f"{cell_address(row, first)} to {cell_address(row, last)}), which do not say "
                "which column holds the capabilities and which the levels. Type the headers "
                "over them: Capability over the capabilities' numbers or titles, Level over "
                "the levels"
            )
        across = [
            column
            for column, value in enumerate(sheet.rows[row])
            if isinstance(value, str) and header_item(value, ctx.capabilities) is not None
        ]
        if len(across) >= MIN_KEY_MATCHES and "country" not in fields:
            # A form's export: one response a row, a question per capability across.
            return (
                f"the header row {row + 1} names a capability in each of its columns "
                f"{cell_address(row, across[0])} to {cell_address(row, across[-1])}, one "
                "assessment a row, but no column is headed Country. Head the column that "
                "names each row's country “Country”"
            )
        unmatched = _unmatched_level_columns(ctx, sheet, row, fields)
        if len(unmatched) >= MIN_KEY_MATCHES:
            shown = ", ".join(quoted(sheet.rows[row][c]) for c in unmatched[:_SHOWN])
            more = f" and {len(unmatched) - _SHOWN} more" if len(unmatched) > _SHOWN else ""
            return (
                f"the header row {row + 1} has {len(unmatched)} columns of levels whose headers "
                f"name no capability of the framework: {shown}{more}. Match these headers to "
                "capabilities in “Fix how this file is read”, below the file, or head each "
                "column with the capability's number or its title as in the template"
            )
        keys = fields.keys() & {"number", "capability", "enabler"}
        if keys and "level" not in fields:
            # "N°" beside "Capacité": the column that names the capabilities best is the one
            # the labels are judged by (numbers 1 to 21 beside titles of one's own).
            column, labels = max(
                ((fields[k], _labels(sheet, row, fields[k])) for k in sorted(keys)),
                key=lambda found: sum(
                    exact_reference(v, ctx.capabilities) is not None for v in found[1]
                ),
            )
            listed = _numbered_list(ctx, sheet, row, column)
            if listed:
                return listed
            named = sum(exact_reference(v, ctx.capabilities) is not None for v in labels)
            if labels and named * 5 < len(labels) * 3:
                # Capabilities down, assessments across, but in words of their own ("CSR",
                # "Hotline"): the labels are what failed, not a missing Level column.
                return (
                    f"only {named} of the {len(labels)} labels below "
                    f"{cell_address(row, column)} name a capability of the framework (by its "
                    "number, code or title), too few to read the column as the capabilities. "
                    "Match the labels to capabilities in “Fix how this file is read”, below "
                    "the file, or write each capability's number (1 to 21) beside its label"
                )
            yes_no = _yes_no_columns(sheet, row, column)
            if yes_no:
                headed = ", ".join(cell_address(row, c) for c in yes_no[:3])
                return (
                    f"the capabilities are named below {cell_address(row, column)}, but the "
                    f"column{'s' if len(yes_no) > 1 else ''} beside them ({headed}) hold only "
                    "yes or no (TRUE/FALSE, ticks), which does not say a level from 0 to 4. "
                    "Write each capability's level (0 to 4) in them instead"
                )
            scale = ctx.framework.scale
            levelled = [
                c
                for c, value in enumerate(sheet.rows[row])
                if value is not None
                and c not in fields.values()
                and holds_levels(sheet, row, c, scale)
            ]
            guess = (
                f". The column headed {quoted(sheet.rows[row][levelled[0]])} "
                f"({cell_address(row, levelled[0])}) holds levels: if it is the level column, "
                "head it “Level”"
                if len(levelled) == 1
                else ""
            )
            return _headed_below(sheet, row, column) or (
                f"the header row {row + 1} names the capabilities "
                f"({cell_address(row, column)}) but no column is headed Level{guess}"
            )
        if "level" in fields and not keys:
            level = cell_address(row, fields["level"])
            # One cell a row ("No. Capability Level"), or domains' rows: said as they are.
            return level_only_reason(ctx, sheet, row, fields["level"]) or (
                f"the header row {row + 1} has a Level column ({level}) "
                "but no column naming the capability"
                + (
                    ". If the sheet holds the levels of one capability, name the sheet after it "
                    "(“1 Leadership”); else add a Capability column"
                    if "country" in fields
                    else ""
                )
            )
    return (
        headerless(sheet)  # a dump's first row of data: Country, Year… to add
        or foreign_headers(ctx, sheet, HEADER_SCAN_ROWS)
        or missing_header(ctx, sheet)  # capabilities' rows with no header row over them
        or "no table of capabilities and levels was found in it"
    )


def _headed_below(sheet: Sheet, row: int, column: int) -> str:
    """Why a header over two rows, the capabilities named in ``row`` and the level's column
    headed in the row below (under a group label), was not read; "" when it is not one."""
    below = header_fields(sheet.rows[row + 1]) if row + 1 < len(sheet.rows) else {}
    if "level" not in below:
        return ""
    level = below["level"]
    return (
        f"the header row {row + 1} names the capabilities ({cell_address(row, column)}) and "
        f"the row below it heads {cell_address(row + 1, level)} "
        f"{quoted(sheet.rows[row + 1][level])}, but the two rows together are no table the "
        "reader knows. Write the headers in one row, Capability and Level over their columns"
    )


# How many unmatched headers a message quotes.
_SHOWN = 6


def _unmatched_level_columns(
    ctx: ReadContext, sheet: Sheet, row: int, fields: dict[Field, int]
) -> list[int]:
    """The columns of a header row with a Country column whose headers are text that names
    no capability nor any known column, and whose cells below are mostly levels: capabilities
    across in words of their own ("Dedicated LE", "Image DB")."""
    if "country" not in fields:
        return []
    found = []
    for column, value in enumerate(sheet.rows[row]):
        if column in fields.values() or not isinstance(value, str) or not value.strip():
            continue
        if classify_header(value) is not None or header_item(value, ctx.capabilities):
            continue
        below = sheet.column(column, row + 1, row + 1 + KEY_SAMPLE_ROWS)
        values = [v for v in below if v is not None]
        readable = sum(not parse_level(v, ctx.framework.scale).error for v in values)
        if values and readable * 2 > len(values):
            found.append(column)
    return found


# The headers Excel (and LibreOffice) give a table inserted on data without any, in the
# vocabulary's languages: "Column1", "Colonne2", "Columna3", "Coluna4".
_PLACEHOLDER = re.compile(r"^\s*(?:column|colonne|columna|coluna)\s*\d+\s*$", re.IGNORECASE)
_YES_NO = frozenset({"true", "false", "yes", "no", "y", "n", "oui", "non", "si", "sim", "nao"})


def _yes_no_columns(sheet: Sheet, header: int, key: int) -> list[int]:
    """The columns right of ``key`` whose cells below ``header`` are all yes or no
    (checkboxes, TRUE/FALSE): answers to "in place?", not levels."""
    found = []
    for column in range(key + 1, sheet.width()):
        below = sheet.column(column, header + 1, header + 1 + KEY_SAMPLE_ROWS)
        values = [v for v in below if v is not None]
        if values and all(
            isinstance(v, bool) or (isinstance(v, str) and normalise(v) in _YES_NO) for v in values
        ):
            found.append(column)
    return found


def _numbered_list(ctx: ReadContext, sheet: Sheet, row: int, column: int) -> str:
    """Why a column of numbers under "No." names no capabilities: it numbers a list longer
    than the framework (34 participants, 1 to 34); "" when it does not."""
    numbers = [
        v
        for v in sheet.column(column, row + 1, len(sheet.rows))
        if isinstance(v, int | float) and not isinstance(v, bool)
    ]
    size = len(ctx.capabilities.titles)
    if not numbers or max(numbers) <= size:
        return ""
    return (
        f"{cell_address(row, column)} ({quoted(sheet.rows[row][column])}) numbers a list of "
        f"{len(numbers)} rows, up to {max(numbers):g}, more than the {size} capabilities: it "
        "holds no table of capabilities and levels"
    )


def _labels(sheet: Sheet, row: int, column: int) -> list[Any]:
    """The labels below ``row`` in ``column``, less blanks and summary rows."""
    return [
        v
        for v in sheet.column(column, row + 1, row + 1 + KEY_SAMPLE_ROWS)
        if v is not None and not is_summary(v)
    ]
