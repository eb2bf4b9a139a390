"""Rows for a province, state or county under its country's row: not assessments of a country.

A regional file may give each country's national row and, indented under it, its provinces' or
states' own self-assessments for information ("Pakistan" then "  Punjab", "Sindh"; "Nigeria"
then "Lagos State"; "Kenya" then "Nairobi County"), often with a column saying which is which
("National" / "Sub-national"). Read as they are, each province becomes a country with no ISO3
code. The dashboard holds assessments of countries only (ISO 3166-1; a part of a country
assessed on its own, such as Zanzibar, is ``country_parts``'s), so such rows are left out with
a warning naming them, grouped under their country:

* a column whose cells say the level of government (national, sub-national, province,
  state, county, district…, in the vocabulary's languages; not "region", which in a regional
  report is a group of countries), with both national and sub-national rows, is honoured:
  every row it marks sub-national is left out, whatever its name;
* without one, a row whose name is no country's, below a country's row (with only such rows
  between), is a part of that country when its name is set in further than the country's
  (leading spaces, an xlsx cell's indent or row outline level), names a subdivision of that
  country (ISO 3166-2, as pycountry has it), or carries a subdivision's word ("Lagos State",
  "Nairobi County", "Province of Sindh"). A misspelt country between two countries has none of
  these, and is read (and asked about by ``unknown_countries``).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from functools import cache, lru_cache

import defusedxml.ElementTree as SafeET
import pycountry

from components.base.text import normalise
from components.ingest.column_values import sheet_texts
from components.ingest.countries import iso3_in_any_language, iso3_of
from components.ingest.drafts import Draft
from components.ingest.sheets import WORKBOOK_KEY, ReadContext, Sheet, cell_address, quoted
from components.ingest.xlsx_extent import column_index, sheet_paths

# A level of government, as a column says it (normalised).
_NATIONAL = frozenset(
    {"national", "national level", "country", "country level", "nationale", "niveau national",
     "national federal", "federal", "pays", "nacional", "nivel nacional", "pais"}
)  # fmt: skip
_SUB_NATIONAL = frozenset(
    {
        "sub national", "subnational", "sub national level", "sub national unit", "province",
        "provincial", "state", "state level", "county", "district", "municipal", "municipality",
        "city", "local", "governorate", "prefecture", "department", "oblast", "territory",
        "infranational", "infra national", "sous national", "departement", "commune",
        "subnacional", "sub nacional", "provincia", "estado", "estatal", "departamento",
        "municipio", "distrito", "estadual",
    }
)  # fmt: skip
# Words a subdivision's name carries before or after it: "Lagos State", "Province of Sindh".
_SUBDIVISION_WORDS = frozenset(
    {
        "state", "province", "county", "district", "region", "governorate", "prefecture",
        "department", "oblast", "territory", "municipality", "city", "emirate", "canton",
        "provincia", "estado", "departamento", "municipio", "distrito", "regiao", "departement",
    }
)  # fmt: skip
_LINK_WORDS = frozenset({"of", "de", "du", "del", "do", "da"})
_STYLE = re.compile(rb'\ss="(\d+)"')
_ROW = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)/?>")
_REF = re.compile(rb'\sr="([A-Z]{1,3})(\d+)"')
_ROW_REF = re.compile(rb'\sr="(\d+)"')
_OUTLINE = re.compile(rb'\soutlineLevel="(\d+)"')
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ADDRESS = re.compile(r"^[A-Z]{1,3}(\d+)$")


def drop_sub_national(ctx: ReadContext, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` less the sub-national rows' assessments (said, grouped by country)."""
    unknown = [d for d in drafts if d.country and not _a_country(d)]
    if not unknown:
        return drafts  # the usual case: every name is a country's
    left: set[int] = set()
    for sheet in {id(d.sheet): d.sheet for d in unknown}.values():
        on_sheet = [d for d in drafts if d.sheet is sheet and d.country]
        if not _may_have_parts(ctx, sheet, on_sheet):
            continue
        left |= _sheet_sub_national(ctx, sheet, on_sheet)
    return [d for d in drafts if id(d) not in left] if left else drafts


def _may_have_parts(ctx: ReadContext, sheet: Sheet, drafts: list[Draft]) -> bool:
    """False when ``_sheet_sub_national`` would find nothing, told cheaply: no row is a
    country's for another to be part of, and no column can mark the levels of government
    (that needs a national and a sub-national word among the sheet's texts). True when not
    known (a sheet without its grid's columns: ``sheet_texts``)."""
    if any(_a_country(d) for d in drafts):
        return True
    texts = sheet_texts(ctx, sheet)
    if texts is None:
        return True
    marks = {normalise(text) for text in texts}
    return not marks.isdisjoint(_NATIONAL) and not marks.isdisjoint(_SUB_NATIONAL)


def _a_country(draft: Draft) -> bool:
    return bool(draft.iso3) or _a_country_name(draft.country or "")


@lru_cache(maxsize=4096)
def _a_country_name(name: str) -> bool:
    return iso3_of(name) is not None or iso3_in_any_language(name) is not None


def _sheet_sub_national(ctx: ReadContext, sheet: Sheet, drafts: list[Draft]) -> set[int]:
    """The sub-national drafts among a sheet's (said)."""
    where = _rows_of(sheet, drafts)
    columns = [column for (_, column), _ in where]
    if not where:
        return set()
    country_column = max(set(columns), key=columns.count)
    placed = sorted(
        ((row, d) for (row, column), d in where if column == country_column),
        key=lambda pair: pair[0],
    )
    marked = _marked_column(sheet, [row for row, _ in placed], country_column)
    found: dict[str, list[tuple[int, Draft]]] = {}  # parent's name -> its parts
    reason: dict[str, str] = {}
    if marked is not None:
        column, header = marked
        parent = ""  # the national row above
        for row, draft in placed:
            mark = normalise(str(sheet.value(row, column) or ""))
            if mark in _NATIONAL:
                parent = draft.country or ""
            elif mark in _SUB_NATIONAL:
                found.setdefault(parent, []).append((row, draft))
                reason[parent] = f"the {quoted(header)} column says so" if header else ""
    else:
        # Each row of no country with the country's row above it (only such rows between).
        candidates: list[tuple[int, Draft, int, Draft]] = []
        above: tuple[int, Draft] | None = None
        for row, draft in placed:
            if _a_country(draft):
                above = (row, draft)
            elif above is not None:
                candidates.append((row, draft, *above))
        # Indents are looked up only then: a list of made-up names has no country's row.
        rows = {r for row, _, parent_row, _ in candidates for r in (row, parent_row)}
        indents = _indents(ctx, sheet, rows, country_column) if candidates else {}
        for row, draft, parent_row, parent in candidates:
            if _part_of(sheet, draft, parent, (row, parent_row, country_column), indents):
                found.setdefault(parent.country or "", []).append((row, draft))
    for parent, parts in found.items():
        _say(ctx, sheet, parent, parts, column=country_column, reason=reason.get(parent, ""))
    return {id(d) for parts in found.values() for _, d in parts}


def _rows_of(sheet: Sheet, drafts: list[Draft]) -> list[tuple[tuple[int, int], Draft]]:
    """Each draft's (row, column) of its country cell: the cell holding its name (spaces
    around it aside) on the first row of its levels; drafts whose name is not there (taken
    from a title, or a column's header) are left out."""
    placed = []
    for draft in drafts:
        # Its first item read is on its first row (rows are read top down).
        first = next(iter(draft.first_cell.values()), "")
        if (found := _ADDRESS.match(first)) is None:
            continue
        row = int(found[1]) - 1
        wanted = (draft.country or "").strip().casefold()
        for column, value in enumerate(sheet.rows[row] if row < len(sheet.rows) else ()):
            if isinstance(value, str) and value.strip().casefold() == wanted:
                placed.append(((row, column), draft))
                break
    return placed


def _marked_column(sheet: Sheet, rows: list[int], country: int) -> tuple[int, str] | None:
    """The column (and its header) saying each row's level of government: national for some
    rows, sub-national for others."""
    marks = _NATIONAL | _SUB_NATIONAL
    columns: dict[int, set[str]] = {}  # column -> its values, while all are marks
    spoilt: set[int] = {country}
    for row in rows:
        for column, value in enumerate(sheet.rows[row]):
            if value is None or column in spoilt:
                continue
            key = normalise(value) if isinstance(value, str) else ""
            if key in marks:
                columns.setdefault(column, set()).add(key)
            else:
                spoilt.add(column)  # a column of names, numbers: says no level of government
    for column, values in sorted(columns.items()):
        if column not in spoilt and values & _NATIONAL and values & _SUB_NATIONAL:
            header = next(
                (
                    sheet.value(r, column)
                    for r in range(rows[0] - 1, -1, -1)
                    if isinstance(sheet.value(r, column), str)
                ),
                None,
            )
            return column, header or ""
    return None


def _part_of(
    sheet: Sheet,
    draft: Draft,
    parent: Draft,
    at: tuple[int, int, int],
    indents: dict[int, tuple[int, int]],
) -> bool:
    """Whether ``draft``'s row is a part of ``parent``'s country: set in further, named as
    one of its subdivisions, or with a subdivision's word."""
    row, parent_row, column = at
    own, above = sheet.value(row, column), sheet.value(parent_row, column)
    if _lead(own) > _lead(above) or indents.get(row, (0, 0)) > indents.get(parent_row, (0, 0)):
        return True
    name = draft.country or ""
    code = (
        parent.iso3 or iso3_of(parent.country or "") or iso3_in_any_language(parent.country or "")
    )
    words = normalise(name).split()
    bare = " ".join(w for w in words if w not in _SUBDIVISION_WORDS and w not in _LINK_WORDS)
    if code and (_subdivision_of(" ".join(words), code) or _subdivision_of(bare, code)):
        return True
    return len(words) > 1 and (words[0] in _SUBDIVISION_WORDS or words[-1] in _SUBDIVISION_WORDS)


def _lead(value: object) -> int:
    """The spaces a cell's text starts with."""
    return len(value) - len(value.lstrip()) if isinstance(value, str) else 0


@cache
def _subdivisions() -> dict[str, frozenset[str]]:
    """Every ISO 3166-2 subdivision's name, normalised -> the ISO3 codes of the countries
    that have one so named (Punjab: India's and Pakistan's)."""
    found: dict[str, set[str]] = {}
    for subdivision in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=subdivision.country_code)
        if country is None:
            continue
        for part in (subdivision.name, *re.split(r"\s*[\[(/]\s*|\s*[\])]\s*", subdivision.name)):
            if part:
                found.setdefault(normalise(part), set()).add(country.alpha_3)
    return {name: frozenset(codes) for name, codes in found.items()}


def _subdivision_of(name: str, code: str) -> bool:
    return bool(name) and code in _subdivisions().get(name, frozenset())


def _indents(
    ctx: ReadContext, sheet: Sheet, rows: Iterable[int], column: int
) -> dict[int, tuple[int, int]]:
    """row -> (its outline level, the country cell's indent), for an xlsx sheet."""
    kind, data = ctx.memo.get(WORKBOOK_KEY, (None, b""))
    if kind != "xlsx" or sheet.name is None:
        return {}
    try:
        return _xlsx_indents(data, sheet.name, set(rows), column)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError):
        return {}
    except Exception:  # noqa: BLE001 - an indent not found must never break the read
        return {}


def _xlsx_indents(
    data: bytes, name: str, rows: set[int], column: int
) -> dict[int, tuple[int, int]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        path = next((p for p, n in sheet_paths(archive).items() if n == name), None)
        if path is None:
            return {}
        content = archive.read(path)
        indent_of = _style_indents(archive)
    found: dict[int, tuple[int, int]] = {}
    for tag in _ROW.finditer(content):
        number = _ROW_REF.search(tag[1])
        outline = _OUTLINE.search(tag[1])
        if number and outline and int(number[1]) - 1 in rows:
            found[int(number[1]) - 1] = (int(outline[1]), 0)
    if indent_of:
        for tag in _CELL.finditer(content):
            ref, style = _REF.search(tag[1]), _STYLE.search(tag[1])
            if ref is None or style is None or column_index(ref[1]) != column:
                continue
            row = int(ref[2]) - 1
            if row in rows and (indent := indent_of.get(int(style[1]), 0)):
                found[row] = (found.get(row, (0, 0))[0], indent)
    return found


def _style_indents(archive: zipfile.ZipFile) -> dict[int, int]:
    """The cell styles (``s=`` numbers) that indent their text -> the indent."""
    try:
        styles = SafeET.fromstring(archive.read("xl/styles.xml"))
    except KeyError:
        return {}
    formats = styles.find(f"{_MAIN}cellXfs")
    found: dict[int, int] = {}
    for number, xf in enumerate(formats if formats is not None else ()):
        alignment = xf.find(f"{_MAIN}alignment")
        indent = alignment.get("indent") if alignment is not None else None
        if indent and indent.isdigit() and int(indent) > 0:
            found[number] = int(indent)
    return found


def _say(
    ctx: ReadContext,
    sheet: Sheet,
    parent: str,
    parts: list[tuple[int, Draft]],
    *,
    column: int,
    reason: str,
) -> None:
    rows = [row for row, _ in parts]
    names = [quoted(d.country or "") for _, d in parts]
    shown = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    span = (
        f"Row {rows[0] + 1}"
        if len(rows) == 1
        else f"Rows {rows[0] + 1} to {rows[-1] + 1}"
        if rows[-1] - rows[0] == len(rows) - 1
        else f"Rows {', '.join(str(r + 1) for r in rows)}"
    )
    one = len(rows) == 1
    whose = f"of {parent}" if parent else "of a country"
    why = f" ({reason})" if reason else ""
    ctx.add(
        "warning",
        sheet,
        cell_address(rows[0], column),
        f"{span} ({shown}) {'is a part' if one else 'are parts'} {whose}: sub-national{why}, "
        f"not {'a country' if one else 'countries'}. The dashboard holds national assessments "
        f"only, so {'its' if one else 'their'} levels were not read.",
        "Nothing to do if the country's own row holds its assessment. If a row is a country, "
        "write the country's name in it (as ISO 3166 names it).",
    )
