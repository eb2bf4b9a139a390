"""Sheets that carry on the previous sheet's table: a PDF exported one sheet per page.

Adobe Acrobat's "Export PDF to Excel" and most online converters write each page of the PDF
to a sheet of its own ("Table 1", "Table 2", "Page 1", "Tabla 2"...). The title, the Country
and Year labels and often the header are on the first page only, so the next sheets start
straight with data rows (or with the header repeated) and name no country: read alone, they
are skipped or refused, and the first page's assessment looks complete.

A sheet is joined under the previous sheet's table, as a header repeated at a page break on
one sheet is (``page_breaks``), when it has no title, labels or header of its own (only that
table's header again: the same headings, case and punctuation aside, or naming the same columns
in the same places, the last ones perhaps missing; a title saying "(continued)" is no title),
its rows have text and numbers where the table's rows have them (a level, evidence or
confidence column may hold either: "3" on one page, "3 - Established" on the next; a page
shifted to the right is compared where its values are), its name names no country, and its
items carry on: the column that tells the table's rows apart (the number or the title) holds
none of the table's values again. Domain headings among the rows ("Victim") go with them. Rows
naming a country of their own are joined only with no header, under a table with a Country
column (a long table, or countries as rows, going on); with the header again they are read on
their own. A warning names the sheets joined, and messages about the joined rows name the
sheet and row they came from (``settle_page_sheets``). A sheet that looks like a page of the
table but cannot be joined with certainty is remembered with why (``Unjoined``), for the error
``unjoined_pages`` gives it.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache, partial
from typing import Any

from openpyxl.utils import get_column_letter

from components.base.text import normalise
from components.ingest.countries import iso3_in_any_language
from components.ingest.heading_rows import is_domain_heading
from components.ingest.label_rows import is_label_row
from components.ingest.matching import classify_header
from components.ingest.page_breaks import is_page_line
from components.ingest.page_captions import caption_row, drop_running_footers, say_caption
from components.ingest.page_footers import is_footer_row
from components.ingest.sheets import ReadContext, Sheet, quoted
from components.ingest.vocabulary import default_vocabulary

# (sheet read, its first row taken from the other sheet, that sheet's name, its row there)
Move = tuple[str, int, str, int]


@dataclasses.dataclass
class JoinedSheet(Sheet):
    """A sheet with the rows of the sheets carrying on its table under its own."""

    moves: list[Move] = dataclasses.field(default_factory=list)


_CELL = re.compile(r"([A-Z]{1,3})(\d+)")
_ROW = re.compile(r"(row )(\d+)", re.IGNORECASE)
# A cell ("A19"), a row ("row 19", "Row 19") or rows ("Rows 13-23") a message names; quoted
# file text ("“…”").
_NAMED = re.compile(r"\b([A-Z]{1,3}|[Rr]ows? )(\d+)(?:([-–])(\d+))?\b")
_QUOTED = re.compile(r"(“[^”]*”)")
_NAME_WORDS = re.compile(r"[\d()\[\]_.\-]+")
# A number written as text, as a converter writes a capability's: "11", "11.", "2,5".
_NUMBER_TEXT = re.compile(r"\s*\d+(?:[.,]\d+)?\.?\s*")
# A page's title saying the table goes on: "Table 3 (continued)", "(suite)", "Continuación".
_CONTINUED = re.compile(
    r"(.*?)(?:^|[\s(\[–—-]+)(?:continued|cont(?:'d|\.)?|suite|continuaci[oó]n|continua[cç][aã]o)"
    r"[\s)\].]*",
    re.IGNORECASE,
)
# How many of the previous table's last rows a page is compared with: a long table's pages
# name their countries, and a form's table is short.
_TABLE_SAMPLE = 500
_KIND_WORDS = {"number": "numbers", "text": "text"}
# Columns whose values may be numbers or text alike from one page to the next.
_FREE_FIELDS = frozenset({"level", "evidence", "confidence"})
# ``ReadContext.memo``'s key for the sheets that look like pages but were not joined.
_UNJOINED_KEY = ("page sheets not joined",)


@dataclasses.dataclass(frozen=True)
class Unjoined:
    """A sheet that looks like a page of the previous sheet's table but could not be joined to
    it with certainty: what it looks like, and why it was not joined (both in words)."""

    looks: str
    why: str


def _kind(value: Any) -> str | None:
    """A cell as "number" (a number, or one written as text: "11", "11." as a converter
    writes it) or "text", or ``None`` when blank (a sheet's blank cells are ``None``)."""
    if value is None:
        return None
    if isinstance(value, str):
        return _text_kind(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "number"
    return "text"


@lru_cache(maxsize=8192)
def _text_kind(text: str) -> str | None:
    if not text.strip():
        return None
    return "number" if _NUMBER_TEXT.fullmatch(text) else "text"


def _has_number(cells: tuple[Any, ...]) -> bool:
    """Whether a row holds a number cell (a quick test: a header or a footer holds none)."""
    return any(isinstance(v, int | float) and not isinstance(v, bool) for v in cells)


def _kinds(cells: tuple[Any, ...]) -> list[str | None]:
    return [_kind(v) for v in cells]


def _continued(cells: tuple[Any, ...]) -> bool:
    """Whether a row is a title saying the table goes on ("Table 3 (continued)", "(suite)"),
    naming no country."""
    filled = [v for v in cells if v is not None]
    if len(filled) != 1 or not isinstance(filled[0], str):
        return False
    found = _CONTINUED.fullmatch(filled[0].strip())
    return found is not None and not _names_country(found.group(1))


def _skipped(cells: tuple[Any, ...]) -> bool:
    """A blank row, a page's line or footer, or a "(continued)" title: not a row of the table."""
    filled = len(cells) - cells.count(None)
    if filled <= 1:
        return filled == 0 or is_page_line(cells) or _continued(cells)
    return not _has_number(cells) and is_footer_row(cells)


def _heading(cells: tuple[Any, ...], domains: frozenset[str]) -> bool:
    """Whether a row is a domain's heading ("Victim", "DOMAIN 3: VICTIM") among the rows."""
    filled = [v for v in cells if v is not None]
    return (
        len(filled) == 1
        and isinstance(filled[0], str)
        and is_domain_heading(filled[0], domains, default_vocabulary())
    )


def _fields(cells: tuple[Any, ...]) -> list[str | None]:
    return [classify_header(v) if isinstance(v, str) else None for v in cells]


def _is_header(cells: tuple[Any, ...]) -> bool:
    """A table's header: text only, two headings the reader knows at least."""
    if _has_number(cells):
        return False  # a row of data, found fast
    texts = [v for v in cells if isinstance(v, str)]
    if len(texts) < 2 or any(_text_kind(v) == "number" for v in texts):
        return False
    return sum(classify_header(v) is not None for v in texts) >= 2


def _same_header(cells: tuple[Any, ...], header: tuple[Any, ...]) -> bool:
    """Whether ``cells`` are ``header`` again, as a page repeats it: each heading the same words
    (case and punctuation aside, "No" for "No.") or naming the same column, in the same place;
    the last columns may be missing (a page where they were empty)."""
    if len(cells) > len(header) or len(cells) - cells.count(None) < 2 or _has_number(cells):
        return False
    for value, heading in zip(cells, header, strict=False):
        if value is None or heading is None:
            if value is not heading:
                return False
            continue
        if normalise(str(value)) == normalise(str(heading)):
            continue
        field = classify_header(value) if isinstance(value, str) else None
        if field is None or field != classify_header(heading):
            return False
    return True


def _free(header: tuple[Any, ...]) -> frozenset[int]:
    """The columns whose values may be numbers or text alike: the level ("3" or "3 -
    Established"), the evidence and the confidence."""
    return frozenset(i for i, f in enumerate(_fields(header)) if f in _FREE_FIELDS)


def _kinds_seen(table: list[tuple[Any, ...]]) -> dict[int, set[str]]:
    seen: dict[int, set[str]] = {}
    for cells in table:
        for column, kind in enumerate(_kinds(cells)):
            if kind is not None:
                seen.setdefault(column, set()).add(kind)
    return seen


def _mismatch(
    rows: list[tuple[Any, ...]], table: list[tuple[Any, ...]], free: frozenset[int]
) -> str | None:
    """Why ``rows`` are not rows of ``table``, in words: a column holding text where the
    table's holds numbers (or the other way round); ``None`` when they are alike."""
    seen = _kinds_seen(table)
    width = max((len(r) for r in table), default=0)
    for cells in rows:
        for column, kind in enumerate(_kinds(cells)):
            if kind is None or column in free:
                continue
            kinds = seen.get(column, set())
            letter = get_column_letter(column + 1)
            if column >= width:
                return (
                    f"its rows go on to column {letter}, further right than that table's "
                    f"columns (A to {get_column_letter(width)})"
                )
            if kinds and kind not in kinds:
                theirs = " and ".join(_KIND_WORDS[k] for k in sorted(kinds))
                return (
                    f"its column {letter} holds {_KIND_WORDS[kind]} ({quoted(cells[column])}) "
                    f"where that table's column {letter} holds {theirs}"
                )
    return None


def _key(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _NUMBER_TEXT.fullmatch(value):
        return int(float(value.strip().rstrip(".").replace(",", ".")))
    return value.strip().casefold() if isinstance(value, str) else value


def _again(table: list[tuple[Any, ...]], more: list[tuple[Any, ...]]) -> str | None:
    """Why ``more``'s rows do not carry on ``table``'s, in words; ``None`` when they do: in the
    first column whose values tell the table's rows apart (all filled, all different), none of
    them comes again."""
    width = min((len(r) for r in table), default=0)
    for column in range(width):
        values = [_key(r[column]) for r in table]
        if any(v is None for v in values) or len(set(values)) < len(values):
            continue
        later = [r[column] for r in more if column < len(r) and r[column] is not None]
        letter = get_column_letter(column + 1)
        if not later:
            return f"its column {letter}, which tells that table's rows apart, is empty"
        again = next((v for v in later if _key(v) in set(values)), None)
        if again is None:
            return None
        return (
            f"its column {letter} gives {quoted(again)} again, which that table has already (a "
            "page that starts the table over, or repeats its rows, may be another assessment)"
        )
    return "no column of that table tells its rows apart (a number or a title on every row)"


def _own_country(header: tuple[Any, ...], rows: list[tuple[Any, ...]]) -> bool:
    """Whether rows name their country in a cell of their own (a long table's Country
    column, or a country's name): those rows say whose they are (a library keeps each
    version of an assessment on a sheet)."""
    if _country_column(header):
        return True
    return any(
        isinstance(v, str) and len(v) < 60 and _names_country(v) for row in rows for v in row
    )


def _country_column(header: tuple[Any, ...]) -> bool:
    return any(f in ("country", "iso3") for f in _fields(header))


def _names_country(name: str | None) -> bool:
    words = _NAME_WORDS.sub(" ", name or "").strip()
    return bool(words) and iso3_in_any_language(words) is not None


def _table_rows(sheet: Sheet) -> list[int]:
    """The indices of ``sheet``'s rows that are not blank, a page's line or footer."""
    return [i for i, cells in enumerate(sheet.rows) if not _skipped(cells)]


def _last_table(
    prev: Sheet, domains: frozenset[str]
) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]] | None:
    """The header of ``prev``'s last table and its last rows (at most ``_TABLE_SAMPLE``;
    blank rows, page lines, domain headings and the header repeated left out)."""
    header = next((r for r in range(len(prev.rows) - 1, -1, -1) if _is_header(prev.rows[r])), None)
    if header is None:
        return None
    cells = prev.rows[header]
    table: list[tuple[Any, ...]] = []
    for row in range(len(prev.rows) - 1, header, -1):
        values = prev.rows[row]
        if not (_skipped(values) or _heading(values, domains) or _same_header(values, cells)):
            table.append(values)
            if len(table) >= _TABLE_SAMPLE:
                break
    return (cells, table[::-1]) if table else None


Found = tuple[int, list[tuple[Any, ...]]]


def _continuation(prev: Sheet, sheet: Sheet, domains: frozenset[str]) -> Found | Unjoined | None:
    """Where ``sheet``'s rows start (its first row, past a repeated header) when they carry
    on ``prev``'s table, and that table's rows; why not, when ``sheet`` looks like a page of
    it that cannot be joined with certainty; else ``None``."""
    # The first row of the table, looked at before the others: a caption is never the first
    # (``caption_row`` looks past it), so this row is the page's first whatever follows.
    first = next((i for i, cells in enumerate(sheet.rows) if not _skipped(cells)), None)
    if first is None or is_label_row(sheet.rows[first]):
        return None
    top = sheet.rows[first]
    # A page starts with a header, a domain's heading or a row of data (found fast: most
    # sheets start with a title, and their previous sheet is not looked into).
    if not ("number" in _kinds(top) or _heading(top, domains) or _is_header(top)):
        return None
    rows = _table_rows(sheet)
    if (caption := caption_row(sheet, rows)) is not None:
        rows = rows[: rows.index(caption)]  # a caption starts another table: not compared
    last = _last_table(prev, domains)
    if last is None:
        return None
    header, table = last
    if _same_header(top, header):
        start, looks = (rows[1] if len(rows) > 1 else None), "it repeats that table's header"
        body = rows[1:]
    elif _is_header(top):
        fields = {f for f in _fields(top) if f is not None}
        if len(fields & set(_fields(header))) < 2:
            return None  # another table
        shown = ", ".join(quoted(v) for v in top if v is not None)
        theirs = ", ".join(quoted(v) for v in header if v is not None)
        return Unjoined(
            "it has a header like that table's",
            f"its headings ({shown}) are not that table's ({theirs}) in the same places",
        )
    else:
        start, looks, body = rows[0], "it has no header, only rows of data", rows
    data = [sheet.rows[i] for i in body if not _heading(sheet.rows[i], domains)]
    if start is None or not data:
        return None
    free = _free(header)
    # A page a converter shifted to the right is compared where its values are; it is joined
    # as it is, and read one column to the left when its titles say so (``shifted_rows``).
    shift = _shift(data, table)
    data = [cells[shift:] for cells in data]
    kinds = _kinds(data[0])
    if start == rows[0] and ("number" not in kinds or sum(k is not None for k in kinds) < 2):
        return None  # no header and no row of data: another sheet, said as such when read
    if _own_country(header, data):
        # Rows saying whose they are: a page of a long table (or of countries as rows) goes on
        # under its header; one with the header again is read on its own.
        if not _country_column(header) or start != rows[0]:
            return None
        wrong = _mismatch(data, table, free)
        return Unjoined(looks, wrong) if wrong else (start, table)
    why = _mismatch(data, table, free) or _again(table, data)
    return Unjoined(looks, why) if why else (start, table)


def _shift(rows: list[tuple[Any, ...]], table: list[tuple[Any, ...]]) -> int:
    """How many columns further right than ``table``'s rows all ``rows`` start (0 if none)."""

    def lead(cells: tuple[Any, ...]) -> int:
        return next((i for i, v in enumerate(cells) if v is not None), len(cells))

    return max(0, min(map(lead, rows)) - min(map(lead, table)))


def join_page_sheets(ctx: ReadContext, sheets: list[Sheet]) -> list[Sheet]:
    """``sheets`` with those carrying on the previous sheet's table joined under it (each a
    ``JoinedSheet`` saying where the rows came from, for ``settle_page_sheets``)."""
    if len(sheets) < 2 or any(s.name is None for s in sheets):
        return sheets
    drop_running_footers(ctx, [s for s in sheets if not s.hidden])  # "Report | 12", "… | 13"
    kept: list[Sheet] = []
    joined: dict[int, list[str]] = {}
    unjoined: dict[str, tuple[str, Unjoined]] = ctx.memo.setdefault(_UNJOINED_KEY, {})
    for sheet in sheets:
        prev = next((s for s in reversed(kept) if not s.hidden), None)
        found = (
            None
            if prev is None or sheet.hidden or _names_country(sheet.name)
            else _continuation(prev, sheet, ctx.domain_names)
        )
        if isinstance(found, Unjoined):
            unjoined[sheet.name or ""] = (prev.name if prev else None) or "", found
        if prev is None or not isinstance(found, tuple):
            kept.append(sheet)
            continue
        start, _ = found
        body = list(prev.rows)
        while body and _skipped(body[-1]):
            body.pop()
        # A caption further down starts another table ("Table 4. Enablers"): read on its own.
        caption = caption_row(sheet, _table_rows(sheet))
        end = len(sheet.rows) if caption is None else caption
        while end > start and _skipped(sheet.rows[end - 1]):
            end -= 1
        offset = len(body)
        merged = [(a - start + offset, b - start + offset, c) for a, b, c in sheet.merged_down]
        merged = [m for m in merged if m[0] >= offset]
        index = kept.index(prev)
        moves = prev.moves if isinstance(prev, JoinedSheet) else []
        kept[index] = JoinedSheet(
            prev.name,
            body + sheet.rows[start:end],
            hidden=prev.hidden,
            merged_down=prev.merged_down + merged,
            cut=prev.cut or sheet.cut,
            moves=[*moves, (prev.name or "", offset, sheet.name or "", start)],
        )
        joined.setdefault(index, [prev.name or ""]).append(sheet.name or "")
        if caption is not None:
            rest = [() for _ in sheet.rows[:caption]] + sheet.rows[caption:]
            kept.append(dataclasses.replace(sheet, rows=rest, columns=None))
            say_caption(ctx, kept[-1], caption, prev.name or "")
    for index, names in joined.items():
        rest = ", ".join(quoted(n) for n in names[1:])
        ctx.add(
            "warning",
            kept[index],
            None,
            f"Sheet{'s' if len(names) > 2 else ''} {rest} carr{'y' if len(names) > 2 else 'ies'}"
            f" on the table of sheet {quoted(names[0])} (a PDF written one sheet per page): "
            f"{'they have' if len(names) > 2 else 'it has'} no title, labels or header of "
            f"{'their' if len(names) > 2 else 'its'} own other than that table's, and "
            f"{'their' if len(names) > 2 else 'its'} rows go on where it stops. The rows were "
            "read as that table going on.",
            "If a sheet is another assessment, put its Country and Year labels and a header "
            "row above its rows.",
        )
    return kept


def _moved(moves: list[Move], sheet: str | None, row: int) -> tuple[str, int] | None:
    """The sheet and row (1-based) a row of a joined sheet came from."""
    for name, offset, source, start in reversed(moves):
        if name == sheet and row - 1 >= offset:
            return source, row - 1 - offset + start + 1
    return None


def settle_page_sheets(ctx: ReadContext, sheets: list[Sheet]) -> None:
    """Problems about joined rows name the sheet and cell they came from."""
    moves = [m for s in sheets if isinstance(s, JoinedSheet) for m in s.moves]
    if moves:
        _relocate(ctx, moves)


def unjoined_pages(ctx: ReadContext) -> dict[str, tuple[str, Unjoined]]:
    """The sheets that look like a page of the previous sheet's table but were not joined to
    it: sheet name -> (the name of the sheet whose table it seems to carry on, why not)."""
    found: dict[str, tuple[str, Unjoined]] = ctx.memo.get(_UNJOINED_KEY, {})
    return found


def _renamed(found: re.Match[str], moves: list[Move], sheet: str | None, source: str) -> str:
    """A cell, a row or rows a message names (``found``), as they are on ``source``, the sheet
    the message is now about; a row of another sheet with that sheet's name."""
    first = _moved(moves, sheet, int(found.group(2)))
    here = first or (sheet or "", int(found.group(2)))
    if here[0] != source:
        return f"{found.group(0)} of sheet {quoted(here[0])}"
    if not found.group(4):
        return f"{found.group(1)}{here[1]}"
    last = _moved(moves, sheet, int(found.group(4)))
    end = last[1] if last is not None and last[0] == source else int(found.group(4))
    return f"{found.group(1)}{here[1]}{found.group(3)}{end}"


def _relocate(ctx: ReadContext, moves: list[Move]) -> None:
    for i, problem in enumerate(ctx.problems):
        if problem.cell is None:
            continue
        named = _CELL.fullmatch(problem.cell) or _ROW.fullmatch(problem.cell)
        place = _moved(moves, problem.sheet, int(named.group(2))) if named else None
        if named is None or place is None:
            continue
        rename = partial(_renamed, moves=moves, sheet=problem.sheet, source=place[0])
        # The cells and rows named outside the quoted file text.
        parts = _QUOTED.split(problem.message)
        message = "".join(p if p.startswith("“") else _NAMED.sub(rename, p) for p in parts)
        ctx.problems[i] = dataclasses.replace(
            problem, sheet=place[0], cell=f"{named.group(1)}{place[1]}", message=message
        )
