"""Sheets that repeat an assessment read from another sheet: hidden helpers and formula copies.

A workbook often carries the same levels twice: a hidden helper sheet holding them as a long
table for a chart or a look-up (``Calc``), or a sheet of formulas that takes them from the
sheet people type in (``=MATCH(Input!C5, …)-1``). Read as they are, each would be a second,
identical assessment. So:

* a hidden sheet whose levels are all levels of an assessment read from a visible sheet (the
  same country, date or year and round, or none of them given) is skipped without a word, as
  a hidden sheet that gives no level is;
* a hidden sheet holding an assessment of its own (an old round the person hid) is read, with
  a warning that it came from a hidden sheet and how to leave it out;
* a sheet whose level cells are all formulas taking them from another sheet, where an
  assessment with the same country, date or year, round and levels was read, is read once:
  from the sheet the formulas point at, with a warning.

Formulas are looked at only in an xlsx, and only for two such assessments side by side (the
cached values say they are the same): .xls and .ods keep them as two, with the reader's usual
warning.
"""

from __future__ import annotations

import io
import re
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from components.base.text import count_of
from components.ingest.drafts import Draft
from components.ingest.sheets import ReadContext, Sheet, quoted

# A sheet named in a formula: 'Sheet name'!A1 or Sheet1!A1.
_SHEET_REFERENCE = re.compile(r"(?:'((?:[^']|'')+)'|([^\s'!(),;=+\-*/&^<>:\"{}]+))!")
_LEVELS = dict[tuple[str, int], int]


def drop_repeats(ctx: ReadContext, drafts: list[Draft], data: bytes | None) -> list[Draft]:
    """The drafts without hidden sheets' and formula sheets' repeats of other sheets'
    assessments; an assessment kept from a hidden sheet is reported. ``data`` is the xlsx
    file (``None`` for other formats: formulas are not looked at)."""
    if any(d.sheet.hidden for d in drafts):
        drafts = _from_hidden(ctx, drafts)
    if data is not None and ctx.formulas and len({id(d.sheet) for d in drafts}) > 1:
        drafts = _without_formula_copies(ctx, drafts, data)
    return drafts


def levels_of(draft: Draft) -> _LEVELS:
    """The draft's levels, (kind, number) -> level, the items without one left out."""
    return {
        (kind, number): answers[0]
        for kind, items in draft.items.items()
        for number, answers in items.items()
        if answers[0] is not None
    }


def _repeats(copy: Draft, copy_levels: _LEVELS, source: Draft, source_levels: _LEVELS) -> bool:
    """Whether ``copy`` says nothing ``source`` does not: the same assessment (its country,
    date or year and round each the same or not given), and each of its levels the same in
    ``source``."""
    if any(part and part != other for part, other in zip(copy.key(), source.key(), strict=True)):
        return False
    return bool(copy_levels) and all(
        source_levels.get(item) == level for item, level in copy_levels.items()
    )


def _from_hidden(ctx: ReadContext, drafts: list[Draft]) -> list[Draft]:
    visible = [(d, levels_of(d)) for d in drafts if not d.sheet.hidden]
    kept = []
    left: set[str] = set()
    for draft in drafts:
        if not draft.sheet.hidden:
            kept.append(draft)
            continue
        levels = levels_of(draft)
        if not levels or any(
            _repeats(draft, levels, other, other_levels) for other, other_levels in visible
        ):
            # A helper: drop-down lists and the like, or a copy of what a visible sheet holds.
            left.add(draft.sheet.name or "")
            continue
        kept.append(draft)
        what = (
            f"The assessment {draft.name} on sheet {quoted(draft.sheet.name)} "
            f"({count_of(len(levels), 'level')}) was read"
            if draft.country is not None
            else f"The levels on sheet {quoted(draft.sheet.name)} "
            f"({count_of(len(levels), 'level')}) were read"
        )
        ctx.add(
            "warning",
            draft.sheet,
            None,
            f"{what}, but the sheet is hidden in the workbook: check that it is meant to be used.",
            "To leave it out, delete the sheet (or remove the assessment after adding it) and "
            "upload the file again; to check it, unhide it (right-click a sheet tab, Unhide).",
        )
    # What reading a helper said (a country taken from the file's name, a row that failed)
    # is about data that is not used: a sheet left out says nothing.
    left -= {d.sheet.name for d in kept}
    if left:
        ctx.problems[:] = [p for p in ctx.problems if p.sheet not in left]
        ctx.formula_cells = {k: v for k, v in ctx.formula_cells.items() if k[0] not in left}
    return kept


def _without_formula_copies(ctx: ReadContext, drafts: list[Draft], data: bytes) -> list[Draft]:
    groups: dict[str, list[tuple[Draft, _LEVELS]]] = {}
    for draft in drafts:
        levels = levels_of(draft)
        if draft.country is not None and levels:
            groups.setdefault(draft.country, []).append((draft, levels))
    # A summary with no year (or cells whose results are placeholders) repeats a dated sheet:
    # ``_repeats`` lets the copy leave its date, year and round out, and some levels too.
    pairs = [
        (copy, source)
        for members in groups.values()
        if len({id(d.sheet) for d, _ in members}) > 1
        for copy, copy_levels in members
        for source, source_levels in members
        if copy.sheet is not source.sheet and _repeats(copy, copy_levels, source, source_levels)
    ]
    if not pairs:
        return drafts
    formulas = _Formulas(data)
    copies: dict[int, Draft] = {}
    per_sheet: dict[int, list[tuple[Draft, Draft]]] = {}
    for copy, source in pairs:
        if id(copy) in copies or id(source) in copies:
            continue
        if not formulas.all_refer(copy, source.sheet):
            continue
        copies[id(copy)] = copy
        per_sheet.setdefault(id(copy.sheet), []).append((copy, source))
    for found in per_sheet.values():
        say_formula_copies(ctx, found, [d for d in drafts if d.sheet is found[0][0].sheet])
    return [d for d in drafts if id(d) not in copies]


def say_formula_copies(
    ctx: ReadContext, found: list[tuple[Draft, Draft]], on_sheet: list[Draft], note: str = ""
) -> None:
    """One warning for a sheet's formula copies (``note`` added to it); when none of its
    assessments is kept, what its formulas' cells said (results to be calculated on opening)
    goes with them."""
    sheet = found[0][0].sheet
    if len(found) == len(on_sheet):
        ctx.formula_cells = {k: v for k, v in ctx.formula_cells.items() if k[0] != sheet.name}
    sources = list(dict.fromkeys(quoted(source.sheet.name) for _, source in found))
    if len(found) == 1:
        source = found[0][1]
        what = f"the assessment {source.name} of sheet {sources[0]}"
    else:
        names = [source.name for _, source in found]
        what = f"the assessments {', '.join(names[:-1])} and {names[-1]} of sheets " + (
            f"{', '.join(sources[:-1])} and {sources[-1]}" if len(sources) > 1 else sources[0]
        )
    ctx.add(
        "warning",
        sheet,
        None,
        f"Sheet {quoted(sheet.name)} repeats {what}: its levels are formulas that take them "
        f"from there. {'They were' if len(found) > 1 else 'It was'} read once, from "
        f"{'those sheets' if len(sources) > 1 else sources[0]}.{note}",
        "Nothing to do if it is a copy. If it is an assessment of its own, type its levels "
        "instead of formulas, or give it its own date or round.",
    )


class _Formulas:
    """The formulas of a workbook's cells, read when first asked for (openpyxl, read-only)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.sheets: dict[str, dict[tuple[int, int], Any]] = {}

    def all_refer(self, copy: Draft, source: Sheet) -> bool:
        """Whether every level cell of ``copy`` holds a formula naming sheet ``source``."""
        cells = [copy.first_cell[item] for item in levels_of(copy) if item in copy.first_cell]
        if not cells or copy.sheet.name is None or source.name is None:
            return False
        found = self._sheet(copy.sheet.name, cells)
        wanted = source.name.casefold()
        for cell in cells:
            letters, row = coordinate_from_string(cell)
            formula = found.get((row, column_index_from_string(letters)))
            if not isinstance(formula, str) or not formula.startswith("="):
                return False
            named = {
                (quoted_name.replace("''", "'") if quoted_name else plain).casefold()
                for quoted_name, plain in _SHEET_REFERENCE.findall(formula)
            }
            if wanted not in named:
                return False
        return True

    def _sheet(self, name: str, cells: list[str]) -> dict[tuple[int, int], Any]:
        if name in self.sheets:
            return self.sheets[name]
        found: dict[tuple[int, int], Any] = {}
        last = max(coordinate_from_string(c)[1] for c in cells)
        try:
            workbook = load_workbook(
                io.BytesIO(self.data),
                read_only=True,
                data_only=False,
                keep_links=False,
                keep_vba=False,
            )
        except Exception:  # noqa: BLE001 (a file openpyxl cannot open: no formulas known)
            self.sheets[name] = found
            return found
        try:
            if name in workbook.sheetnames:
                worksheet = workbook[name]
                worksheet.reset_dimensions()
                rows = worksheet.iter_rows(min_row=1, max_row=last, values_only=True)
                for row, values in enumerate(rows, start=1):
                    for column, value in enumerate(values, start=1):
                        if isinstance(value, str) and value.startswith("="):
                            found[(row, column)] = value
        finally:
            workbook.close()
        self.sheets[name] = found
        return found
