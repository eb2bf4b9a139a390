"""Worked examples: tables that look like an assessment but are not.

Templates made by consultants often show how to fill them in: under a heading "Example:" (on
the Instructions sheet or above the real table) a Country, a Year and a few capabilities with
levels. Read as they are, they would be an assessment nobody made. So:

* a table under a heading that says only "Example" ("Worked example:", "Exemple", "Ejemplo",
  "Exemplo"), alone on its row, with no other table between them, is not read: a warning says
  what was skipped and how to have it read;
* a table on a sheet named like instructions ("Instructions", "Read me", "Mode d'emploi")
  without such a heading is read (people keep scores anywhere), with a warning when other
  sheets hold assessments too: it may be an example.

An assessment whose country is a placeholder ("Country X", "[Country]", "XXXX") is refused by
``country_placeholders``.
"""

from __future__ import annotations

import re
from typing import Any

from openpyxl.utils.cell import coordinate_from_string

from components.base.text import count_of, normalise
from components.ingest.column_values import sheet_texts
from components.ingest.drafts import Draft, cell_holding
from components.ingest.report import Problem
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted

# A heading that says a table is an example, normalised, in the languages of headers.toml.
_EXAMPLE_WORDS = frozenset(
    {"example", "examples", "exemple", "exemples", "ejemplo", "ejemplos", "exemplo", "exemplos"}
)
_EXAMPLE_HEADINGS = frozenset(
    {"worked example", "sample", "example only", "for example", "filled example", "e g"}
    | {"par exemple", "exemple rempli", "exemple complete", "por ejemplo", "ejemplo completado"}
    | {"por exemplo", "exemplo preenchido", "example assessment", "sample assessment"}
)
# Sheets named for instructions alone (not "Guide", "Help", "Notes" or "Dashboard", which
# people do name a country's sheet after).
_INSTRUCTION_SHEETS = frozenset(
    {"instructions", "instruction", "readme", "read me", "how to", "how to use"}
    | {"mode d emploi", "consignes", "lisez moi", "instrucciones", "leeme", "instrucoes"}
    | {"leia me"}
)
# The row of a cell or range: "B5", "C1:G1", "row 14".
_ROW = re.compile(r"^(?:[A-Z]{1,3}|row )(\d+)")
# How many rows above a table a heading may be.
_HEADING_ROWS = 12


def drop_examples(ctx: ReadContext, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` without the worked examples (a table under an "Example" heading), each
    skipped with a warning; an assessment on a sheet named like instructions is kept, with a
    warning when other sheets hold assessments too."""
    kept: list[Draft] = []
    headings: dict[int, dict[int, tuple[str, str]]] = {}
    for draft in drafts:
        if id(draft.sheet) not in headings:
            headings[id(draft.sheet)] = _headings(ctx, draft.sheet)
    for draft in drafts:
        on_sheet = headings[id(draft.sheet)]
        heading = _example_heading(draft, drafts, on_sheet) if on_sheet else None
        if heading is not None:
            _forget_problems(ctx, draft, heading[0])
            ctx.add(
                "warning",
                draft.sheet,
                heading[0],
                f"{_the_sheet(draft.sheet)} holds an example ({_described(draft)}) "
                f"under {quoted(heading[1])}; it was not read.",
                "If it is a real assessment, move it to a sheet of its own without the "
                "heading saying it is an example; otherwise there is nothing to do.",
            )
            continue
        kept.append(draft)
    for draft in kept:
        name = draft.sheet.name
        if (
            name is not None
            and normalise(name) in _INSTRUCTION_SHEETS
            and any(other.sheet is not draft.sheet for other in kept)
            and (draft.items["capability"] or draft.items["enabler"])
        ):
            ctx.add(
                "warning",
                draft.sheet,
                None,
                f"The sheet {quoted(name)} is named like instructions but holds an assessment "
                f"({_described(draft)}); it was read as one.",
                "If it is only an example, delete it from the file or write “Example:” above "
                "it; if it is real, name the sheet after the country.",
            )
    return kept


def _the_sheet(sheet: Sheet) -> str:
    """ "The sheet “Instructions”", or "The file" for a csv."""
    return "The file" if sheet.name is None else f"The sheet {quoted(sheet.name)}"


def _described(draft: Draft) -> str:
    """ "Kenya 2023, 5 capabilities"."""
    parts = [draft.name]
    for kind in ("capability", "enabler"):
        given = sum(1 for answers in draft.items[kind].values() if answers[0] is not None)
        if given:
            noun = "capabilities" if kind == "capability" else "enablers"
            parts.append(count_of(given, kind, noun))
    return ", ".join(parts)


def _block_above(draft: Draft, heading: int) -> bool:
    """Whether the draft's country is written just above the heading: the heading is then a
    word among the table's labels ("Country | Kenya", "Year | 2023", "Sample", the table)."""
    cell = draft.country_cell or (
        cell_holding(draft.sheet, draft.country) if draft.country else None
    )
    if cell is None:
        return False
    row = coordinate_from_string(cell)[1] - 1
    return heading - _HEADING_ROWS <= row < heading


def _is_sentence(cells: tuple[Any, ...]) -> bool:
    """A row holding one sentence alone ("For Leadership, a committee that meets is 3."):
    what an "Example" heading above it introduces, rather than the table further down."""
    filled = [value for value in cells if value is not None and str(value).strip()]
    return len(filled) == 1 and isinstance(filled[0], str) and len(filled[0].split()) >= 4


def _rows_of(draft: Draft) -> list[int]:
    """The 0-based rows of the draft's items."""
    rows = []
    for cell in draft.first_cell.values():
        try:
            rows.append(coordinate_from_string(cell)[1] - 1)
        except ValueError:
            continue
    return rows


def _headings(ctx: ReadContext, sheet: Sheet) -> dict[int, tuple[str, str]]:
    """Row -> (cell, text) of the sheet's "Example" headings: a row with one text cell."""
    found: dict[int, tuple[str, str]] = {}
    texts = sheet_texts(ctx, sheet)
    if texts is not None and not any(_is_heading(text) for text in texts):
        return found  # exact: no text of the sheet is such a heading, on any row
    rows = sheet.rows
    # Rows with one value alone, in one pass without a call per row: most have more or none.
    alone = [row for row, cells in enumerate(rows) if len(cells) - cells.count(None) == 1]
    for row in alone:
        cells = rows[row]
        column, text = next((c, v) for c, v in enumerate(cells) if v is not None)
        if isinstance(text, str) and _is_heading(text):
            found[row] = (cell_address(row, column), text.strip())
    return found


def _is_heading(text: str) -> bool:
    key = normalise(text)
    return key in _EXAMPLE_WORDS or key in _EXAMPLE_HEADINGS


def _example_heading(
    draft: Draft, drafts: list[Draft], headings: dict[int, tuple[str, str]]
) -> tuple[str, str] | None:
    """(cell, text) of an "Example" heading above the draft's table, with no other table of
    the sheet between them; ``None`` when there is none."""
    rows = _rows_of(draft)
    if not rows:
        return None
    top = min(rows)
    near = [row for row in headings if top - _HEADING_ROWS <= row < top]
    if not near:
        return None
    heading = max(near)
    if _block_above(draft, heading) or any(
        _is_sentence(draft.sheet.rows[row]) for row in range(heading + 1, top)
    ):
        return None  # the heading is inside the table's block, or about a sentence below it
    for other in drafts:
        between = other.sheet is draft.sheet and other is not draft
        if between and any(heading < row < top for row in _rows_of(other)):
            return None  # another table lies between the heading and this one
    return headings[heading]


def _forget_problems(ctx: ReadContext, draft: Draft, heading: str) -> None:
    """Leave out what reading the example said about its cells ("YYYY" is not a year): it
    was not read."""
    first, last = coordinate_from_string(heading)[1], max(_rows_of(draft)) + 1
    name = draft.sheet.name

    def about_example(problem: Problem) -> bool:
        found = _ROW.match(problem.cell or "")
        return problem.sheet == name and found is not None and first <= int(found.group(1)) <= last

    ctx.problems[:] = [p for p in ctx.problems if not about_example(p)]
