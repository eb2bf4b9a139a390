"""Sheets (or columns) of formulas showing other sheets' levels: views, not assessments.

A consolidation workbook has a sheet per country and a Summary of cross-sheet formulas
(``='Kenya'!C12``) over them; an analyst's workbook has a "Country profile" that looks up a
chosen country's levels in the Data sheet (``=INDEX(Data!E:E, MATCH(…))``). What such cells
show is what the sheets they refer to hold, as last calculated: a blank cell there shows as 0
here, and the shown value may be stale. Read as they are, each view would be a second
assessment of each country, with invented zeros.

So an assessment on a visible sheet whose every level cell is a formula referring to other
sheets of the workbook, where an assessment of the same country (its date or year and round,
when the view gives them) was read from one of those sheets, is a view of it: it is left out,
with a warning saying where the levels were read from, how many blanks it showed as 0 and how
many levels it showed otherwise. A hidden helper sheet is ``repeats``'s to settle.

Formulas are read from an xlsx's sheet parts and an .ods's ``table:formula`` attributes; an
.xls keeps its formulas out of reach (its views are read as the reader reads any sheet).
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Mapping
from xml.etree.ElementTree import Element

from openpyxl.utils.cell import get_column_letter

from components.base.text import count_of, normalise
from components.ingest.book_errors import ods_cells
from components.ingest.countries import iso3_of
from components.ingest.drafts import Draft
from components.ingest.repeats import levels_of, say_formula_copies
from components.ingest.sheets import WORKBOOK_KEY, ReadContext
from components.ingest.xlsx_extent import sheet_paths

# A sheet named in an Excel formula: 'Sheet name'!A1 or Sheet1!A1.
_XLSX_REFERENCE = re.compile(r"(?:'((?:[^']|'')+)'|([^\s'!(),;=+\-*/&^<>:\"{}]+))!")
# A sheet named in an OpenDocument formula: [Sheet1.A1], [$'Sheet name'.$A$1].
_ODS_REFERENCE = re.compile(r"\[\$?(?:'((?:[^']|'')+)'|([^.\[\]'$]+))\.\$?[A-Z]")
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)>(.*?)</(?:\w+:)?c>", re.DOTALL)
_FORMULA = re.compile(rb"<(?:\w+:)?f\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?f>)", re.DOTALL)
_ATTRIBUTE = re.compile(rb'\b(r|si|t)="([^"]*)"')
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_Formulas = dict[str, dict[str, str]]  # sheet name -> cell ("C4") -> formula


def drop_formula_views(ctx: ReadContext, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` without the views of other sheets' assessments (each sheet's said once)."""
    named = {d.sheet.name for d in drafts if d.sheet.name is not None}
    kind, data = ctx.memo.get(WORKBOOK_KEY, (None, b""))
    if len(named) < 2 or kind not in ("xlsx", "ods") or not ctx.formulas:
        return drafts  # one sheet, or a csv: nothing to be a view of
    # Only a sheet with an assessment of a country also read from another sheet can be a
    # view: its formulas alone are read (a workbook of other countries' sheets costs nothing).
    wanted = _sharing_countries(drafts)
    if not wanted:
        return drafts
    formulas = _read_formulas(kind, data, wanted)
    if not formulas:
        return drafts
    by_sheet: dict[str, list[Draft]] = {}
    for draft in drafts:
        by_sheet.setdefault((draft.sheet.name or "").casefold(), []).append(draft)
    views: dict[int, tuple[Draft, Draft]] = {}
    for draft in drafts:
        if draft.sheet.hidden or draft.sheet.name not in formulas:
            continue
        referred = _referred(draft, formulas[draft.sheet.name], kind)
        if not referred:
            continue
        sources = [
            d for name in referred for d in by_sheet.get(name, []) if d.sheet is not draft.sheet
        ]
        source = _source_of(draft, sources)
        if source is not None:
            views[id(draft)] = (draft, source)
    if not views:
        return drafts
    per_sheet: dict[int, list[tuple[Draft, Draft]]] = {}
    for view, source in views.values():
        per_sheet.setdefault(id(view.sheet), []).append((view, source))
    for found in per_sheet.values():
        sheet = found[0][0].sheet
        on_sheet = [d for d in drafts if d.sheet is sheet]
        if len(found) == len(on_sheet):
            # The whole sheet is a view: what reading it said is about levels not used.
            ctx.problems[:] = [p for p in ctx.problems if p.sheet != sheet.name]
        say_formula_copies(ctx, found, on_sheet, _note(found))
    return [d for d in drafts if id(d) not in views]


def _sharing_countries(drafts: list[Draft]) -> set[str]:
    """The visible sheets with an assessment whose country (any, when it names none) is
    assessed on another sheet too."""
    sheets_of: dict[str, set[int]] = {}
    for draft in drafts:
        for key in _country_keys(draft):
            sheets_of.setdefault(key, set()).add(id(draft.sheet))
    every = {id(d.sheet) for d in drafts}
    found: set[str] = set()
    for draft in drafts:
        if draft.sheet.hidden or draft.sheet.name is None or draft.sheet.name in found:
            continue
        keys = _country_keys(draft)
        others = set().union(*(sheets_of[k] for k in keys)) if keys else every
        if others - {id(draft.sheet)}:
            found.add(draft.sheet.name)
    return found


def _country_keys(draft: Draft) -> set[str]:
    """The draft's country as it is compared: its name (normalised) and ISO3 code."""
    keys = {normalise(draft.country)} if draft.country else set()
    code = draft.iso3 or (iso3_of(draft.country) if draft.country else None)
    return keys | {code.strip().upper()} if code else keys


def _referred(draft: Draft, formulas: Mapping[str, str], kind: str) -> set[str]:
    """The sheets (case-folded) that every level cell of ``draft`` refers to by formula;
    empty when one of them is no formula or refers to no other sheet."""
    cells = [draft.first_cell[item] for item in levels_of(draft) if item in draft.first_cell]
    if not cells:
        return set()
    pattern = _XLSX_REFERENCE if kind == "xlsx" else _ODS_REFERENCE
    own = (draft.sheet.name or "").casefold()
    referred: set[str] = set()
    for cell in cells:
        formula = formulas.get(cell)
        if formula is None:
            return set()
        names = {
            (quoted.replace("''", "'") if quoted else plain).casefold()
            for quoted, plain in pattern.findall(formula)
        } - {own}
        if not names:
            return set()
        referred |= names
    return referred


def _source_of(view: Draft, sources: list[Draft]) -> Draft | None:
    """The assessment ``view`` shows: of the same country (and date or year and round, when
    the view gives them), the one whose levels it agrees with most; None when there is none."""
    fitting = [s for s in sources if s.items["capability"] and _same_assessment(view, s)]
    if not fitting:
        return None
    shown = levels_of(view)
    return max(
        fitting,
        key=lambda s: sum(levels_of(s).get(item) == level for item, level in shown.items()),
    )


def _same_assessment(view: Draft, source: Draft) -> bool:
    if view.country is not None or view.iso3 is not None:
        codes = {view.iso3, iso3_of(view.country) if view.country else None} - {None}
        source_codes = {source.iso3, iso3_of(source.country) if source.country else None}
        same_name = view.country is not None and normalise(view.country) == normalise(
            source.country or ""
        )
        if not (same_name or codes & (source_codes - {None})):
            return False
    if (view.year is not None or view.date is not None) and view.key()[1] != source.key()[1]:
        return False
    return view.round is None or normalise(view.round) == normalise(source.round or "")


def _note(found: list[tuple[Draft, Draft]]) -> str:
    """What the views showed that their sheets do not say: blanks as 0, other levels."""
    zeros = differ = 0
    for view, source in found:
        own = levels_of(source)
        for item, level in levels_of(view).items():
            if own.get(item) is None:
                zeros += level == 0
                differ += level != 0
            elif own[item] != level:
                differ += 1
    note = ""
    if zeros:
        note += (
            f" {count_of(zeros, 'cell')} left blank there "
            f"{'shows' if zeros == 1 else 'show'} 0 here: not assessed, not level 0."
        )
    if differ:
        note += (
            f" {count_of(differ, 'level')} shown here {'differs' if differ == 1 else 'differ'} "
            "from the sheet it comes from (a result saved before that sheet was last changed): "
            "the sheet's own level was used."
        )
    return note


def _read_formulas(kind: str, data: bytes, names: set[str]) -> _Formulas:
    """The formulas of the named sheets' cells; empty when the file cannot be looked into."""
    try:
        return _xlsx_formulas(data, names) if kind == "xlsx" else _ods_formulas(data, names)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError):
        return {}
    except Exception:  # noqa: BLE001 - a view not found must never break the read
        return {}


def _xlsx_formulas(data: bytes, names: set[str]) -> _Formulas:
    found: _Formulas = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for path, name in sheet_paths(archive).items():
            if name not in names:
                continue
            content = archive.read(path)
            if b"<f" not in content and b":f" not in content:
                continue
            found[name] = _sheet_formulas(content)
    return found


def _sheet_formulas(content: bytes) -> dict[str, str]:
    """cell -> formula of one sheet part, a shared formula's followers given its text (the
    sheets it names are the same in every cell it covers)."""
    cells: dict[str, str] = {}
    shared: dict[bytes, str] = {}
    followers: list[tuple[str, bytes]] = []
    for cell in _CELL.finditer(content):
        formula = _FORMULA.search(cell[2])
        if formula is None:
            continue
        cell_attributes = dict(_ATTRIBUTE.findall(cell[1]))
        reference = cell_attributes.get(b"r")
        if reference is None:
            continue
        attributes = dict(_ATTRIBUTE.findall(formula[1]))
        text = html.unescape((formula[2] or b"").decode("utf-8", "replace"))
        at = reference.decode()
        if text:
            cells[at] = text
            if attributes.get(b"t") == b"shared" and b"si" in attributes:
                shared[attributes[b"si"]] = text
        elif b"si" in attributes:
            followers.append((at, attributes[b"si"]))
    for at, index in followers:
        if index in shared:
            cells[at] = shared[index]
    return cells


def _ods_formulas(data: bytes, names: set[str]) -> _Formulas:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content = archive.read("content.xml")
    if b"table:formula" not in content:
        return {}
    return {
        name: {f"{get_column_letter(c + 1)}{r + 1}": formula for (r, c), formula in cells.items()}
        for name, cells in ods_cells(content, _formula_of, names).items()
    }


def _formula_of(cell: Element) -> str | None:
    return cell.get(f"{_TABLE}formula") or None
