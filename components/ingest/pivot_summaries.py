"""A pivot table beside the data it was made from: a summary, read once from the data.

Analysts pivot an export ("Average of Level", "Row Labels", "Column Labels", "Grand Total",
or "Moyenne de Niveau", "Étiquettes de lignes", "Promedio de Nivel", "Rótulos de Linha")
to look at it, then upload the workbook again. Read as a wide table (``pivots``), the pivot
would stand beside each assessment of the data sheet as a second one, undated or averaged
over rounds. An average, sum or count of levels is a summary, not an assessment: where the
file's other sheets hold assessments of the pivot's countries, the pivot's copies are left
out, with one warning per pivot sheet, and what reading its cells said is dropped with them.
A pivot alone in its file, or of a country no other sheet holds, is read as ``pivots`` says.
"""

from __future__ import annotations

from components.base.text import normalise
from components.ingest.drafts import Draft
from components.ingest.header_parts import PIVOT_CAPTION
from components.ingest.pivots import is_pivot_field
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.vocabulary import default_vocabulary, key_of

# A pivot's caption and field headers stand above its values, in its first rows.
_ROWS = 12
_LONGEST = 60


def drop_pivot_copies(ctx: ReadContext, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` without a pivot sheet's assessments of countries other sheets hold."""
    sheets = {id(d.sheet): d.sheet for d in drafts}
    if len(sheets) < 2:
        return drafts  # a pivot alone: nothing else holds its countries
    pivots: dict[int, tuple[Sheet, str]] = {}
    for key, sheet in sheets.items():
        marker = pivot_marker(sheet)
        if marker is not None:
            pivots[key] = (sheet, marker)
    if not pivots:
        return drafts
    held: dict[str, list[str]] = {}
    for draft in drafts:
        if id(draft.sheet) not in pivots and draft.country and draft.items["capability"]:
            held.setdefault(normalise(draft.country), []).append(draft.sheet.name or "")
    dropped: set[int] = set()
    for key, (sheet, marker) in pivots.items():
        members = [d for d in drafts if id(d.sheet) == key]
        left = [d for d in members if d.country and normalise(d.country) in held]
        if not left:
            continue
        dropped.update(id(d) for d in left)
        if len(left) == len(members):
            ctx.problems[:] = [p for p in ctx.problems if p.sheet != sheet.name]
            ctx.formula_cells = {k: v for k, v in ctx.formula_cells.items() if k[0] != sheet.name}
        sources = dict.fromkeys(s for d in left for s in held[normalise(d.country or "")])
        countries = listed(list(dict.fromkeys(d.country or "" for d in left)))
        ctx.add(
            "warning",
            sheet,
            None,
            f"The sheet {quoted(sheet.name)} is a pivot table ({marker}): a summary of levels "
            "(their average, sum or count), not an assessment. It was left out: the "
            f"assessments of {countries} were read from "
            f"{listed([quoted(s) for s in sources])}.",
            "Nothing to do, if the pivot only sums up the other sheets. To record an "
            "assessment, type its levels in a table of its own (with the country and year).",
        )
    return [d for d in drafts if id(d) not in dropped] if dropped else drafts


def pivot_marker(sheet: Sheet) -> str | None:
    """Where a sheet shows it is a pivot table's output (its "Row Labels" or "Column Labels"
    header, or a caption such as "Average of Level"), or ``None``."""
    headers = default_vocabulary().headers
    for row, cells in enumerate(sheet.rows[:_ROWS]):
        for column, value in enumerate(cells):
            if not isinstance(value, str) or len(value) > _LONGEST:
                continue
            key = key_of(value)
            caption = PIVOT_CAPTION.match(key)
            if is_pivot_field(value) or (
                caption is not None and headers.get(caption["of"]) == "level"
            ):
                return f"{quoted(value)} in {cell_address(row, column)}"
    return None


def listed(words: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
