"""What a sheet holds that the reader leaves out, said to the person.

An assessment column with no level, a row naming a country with nothing assessed, and a
table with several columns headed like the level: none becomes an assessment, and each is
reported with what to do, so that nothing goes missing without a word. Level columns headed
"Level" and "Level2" are an Excel table's (it numbers a repeated heading): said so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from components.ingest.column_roles import is_scorer
from components.ingest.context import MAX_COUNTRY_WORDS
from components.ingest.group_headings import group_columns
from components.ingest.layout import SeveralLevels
from components.ingest.matching import is_summary
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.unread_levels import say_unread_column, say_unread_row

# A colour key's title in a table's first column: no country (English, French, Spanish,
# Portuguese).
_KEY_TITLES = frozenset(
    {"key", "legend", "colour key", "color key", "légende", "clé", "leyenda", "clave"}
    | {"legenda", "chave"}
)
# Excel's name for a repeated heading in a table: "Level2", "Level3" (no space before the digit).
_NUMBERED = re.compile(r"(?P<heading>\D*\D)(?P<copy>[2-9])")


def empty_column(ctx: ReadContext, sheet: Sheet, header: int, column: int) -> bool:
    """A wide table's assessment column with no level at all (a country not assessed yet):
    said, and left out, rather than an assessment with nothing in it."""
    if any(value is not None for value in sheet.column(column, header + 1, len(sheet.rows))):
        return False
    if say_unread_column(ctx, sheet, header, column):
        return True  # formulas without saved results, error values, notes or colours
    ctx.add(
        "warning",
        sheet,
        cell_address(header, column),
        f"The column headed {quoted(sheet.value(header, column))} has no levels; it was not "
        "read as an assessment.",
        "Write its levels in the column, or leave it: nothing else on the sheet is affected.",
    )
    return True


def say_unanswered(
    ctx: ReadContext, sheet: Sheet, row: int, country_column: int, columns: Iterable[int] = ()
) -> None:
    """A row naming a country with no level at all (in the level ``columns``): left out, and
    said, unless it reads as a note (a sentence, or "Source: ..."), or a colour key's title,
    which need no word. Level cells holding what is not read (``unread_levels``) say so."""
    name = sheet.value(row, country_column)
    if not isinstance(name, str) or ":" in name or len(name.split()) > MAX_COUNTRY_WORDS:
        return
    if is_summary(name) or name.strip().casefold() in _KEY_TITLES:
        return
    if say_unread_row(ctx, sheet, row, columns, name):
        return
    cell = cell_address(row, country_column)
    ctx.add(
        "warning",
        sheet,
        cell,
        f"Row {row + 1} names {quoted(name)} but has no level in any capability's column; "
        "it was not read as an assessment.",
        "Write its levels in the row, or leave it: nothing else on the sheet is affected.",
    )


def say_several_levels(ctx: ReadContext, sheet: Sheet, layout: SeveralLevels) -> None:
    """Two or more columns headed like the level: which is the assessment's is not guessed."""
    named = ", ".join(
        f"{cell_address(layout.header, c)} {quoted(sheet.value(layout.header, c))}"
        for c in layout.columns
    )
    renamed = _renamed_heading(sheet.value(layout.header, c) for c in layout.columns)
    if renamed is not None:  # "Level", "Level2": an Excel table's repeated heading
        heading, numbered = renamed
        ctx.add(
            "error",
            sheet,
            cell_address(layout.header, layout.columns[0]),
            f"Several columns are headed like the level ({named}). Excel renames a heading "
            f"repeated in a table ({quoted(numbered)} for a second {quoted(heading)}), so "
            "nothing says whose levels each column holds; none were read.",
            f"Head each level column with its year or round ({quoted(f'{heading} 2021')}, "
            f"{quoted(f'{heading} 2023')}), or choose the level column in “Fix how this file "
            "is read” below the file.",
        )
        return
    headings = [sheet.value(layout.header, c) for c in layout.columns]
    groups = set(group_columns(sheet.rows[layout.header]))
    if all(is_scorer(h) or c in groups for c, h in zip(layout.columns, headings, strict=True)):
        ctx.add(  # "Kelompok A | Kelompok B": each group's levels, none agreed
            "error",
            sheet,
            cell_address(layout.header, layout.columns[0]),
            f"The columns {named} each hold one group's or scorer's levels, and no column "
            "gives the level they agreed on, so the assessment's levels are not known; none "
            "were read (they are never taken as countries).",
            "Add a column headed “Agreed level” (or “Consensus”) with the level agreed for each "
            "capability, or choose the level column in “Fix how this file is read” below the "
            "file.",
        )
        return
    ctx.add(
        "error",
        sheet,
        cell_address(layout.header, layout.columns[0]),
        f"Several columns are headed like the level ({named}), so which one holds the "
        "assessment's levels is not clear; none were read.",
        "Choose the level column in “Fix how this file is read” below the file, or rename "
        "the other columns (e.g. “Notes”), or put each assessment on a sheet of its own.",
    )


def _renamed_heading(headings: Iterable[Any]) -> tuple[str, str] | None:
    """The heading and its copy that Excel numbered ("Level", "Level2"), or ``None``."""
    texts = [str(h).strip() for h in headings if isinstance(h, str)]
    for text in texts:
        found = _NUMBERED.fullmatch(text)
        if found and found["heading"] in texts:
            return found["heading"], text
    return None
