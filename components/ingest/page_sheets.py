"""Sheets that carry on the previous sheet's table: a PDF exported one sheet per page.

Adobe Acrobat's "Export PDF to Excel" and most online converters write each page of the PDF
to a sheet of its own ("Table 1", "Table 2", "Page 1", "Tabla 2"...). The title, the Country
and Year labels and often the header are on the first page only, so the next sheets start
straight with data rows (or with the header repeated) and name no country: read alone, they
are skipped or refused, and the first page's assessment looks complete.

A sheet is joined under the previous sheet's table, as a header repeated at a page break on
one sheet is (``page_breaks``), when it has no title, labels or header of its own (or only
that table's header again, word for word), its rows have text and numbers in the same columns
as the table's last rows, its name names no country, and its items carry on: the column that
tells the table's rows apart (the number or the title) holds none of the table's values again.
Rows naming a country of their own (a long table's Country column) are never joined. A
warning names the sheets joined. A headerless sheet that looks like data but cannot be joined
so with certainty is left out with an error naming the assessment it seems to
continue, and messages about the joined rows name the sheet and row they came from
(``settle_page_sheets``).
"""

from __future__ import annotations

import dataclasses
import re
from functools import partial
from typing import Any

from components.ingest.countries import iso3_in_any_language
from components.ingest.drafts import Draft
from components.ingest.matching import classify_header
from components.ingest.page_breaks import is_page_line
from components.ingest.page_footers import is_footer_row
from components.ingest.sheets import ReadContext, Sheet, quoted
from components.ingest.stacked import is_label_row

# (sheet read, its first row taken from the other sheet, that sheet's name, its row there)
Move = tuple[str, int, str, int]


@dataclasses.dataclass
class JoinedSheet(Sheet):
    """A sheet with the rows of the sheets carrying on its table under its own."""

    moves: list[Move] = dataclasses.field(default_factory=list)


_CELL = re.compile(r"([A-Z]{1,3})(\d+)")
_ROW = re.compile(r"(row )(\d+)", re.IGNORECASE)
# A cell ("A19") or a row ("row 19", "Row 19") a message names; quoted file text ("“…”").
_NAMED = re.compile(r"\b([A-Z]{1,3}|[Rr]ows? )(\d+)\b")
_QUOTED = re.compile(r"(“[^”]*”)")
_NAME_WORDS = re.compile(r"[\d()\[\]_.\-]+")


def _kind(value: Any) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "number"
    return "text"


def _kinds(cells: tuple[Any, ...]) -> list[str | None]:
    return [_kind(v) for v in cells]


def _skipped(cells: tuple[Any, ...]) -> bool:
    """A blank row, a page's line or a page's footer: not a row of the table."""
    return all(_kind(v) is None for v in cells) or is_page_line(cells) or is_footer_row(cells)


def _compatible(row: tuple[Any, ...], like: tuple[Any, ...]) -> bool:
    """Whether ``row`` has text and numbers where ``like`` has, a number in one at least."""
    kinds, others = _kinds(row), _kinds(like)
    if "number" not in kinds or kinds.count(None) == len(kinds):
        return False
    if len([k for k in kinds if k]) < 2:
        return False
    for i, kind in enumerate(kinds):
        other = others[i] if i < len(others) else None
        if kind is not None and other is not None and kind != other:
            return False
    return True


def _key(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value.strip().casefold() if isinstance(value, str) else value


def _carries_on(table: list[tuple[Any, ...]], more: list[tuple[Any, ...]]) -> bool:
    """Whether ``more``'s rows carry on ``table``'s: in the first column whose values tell
    the table's rows apart (all filled, all different), none of them comes again."""
    if not table or not more:
        return False
    width = min(len(r) for r in table)
    for column in range(width):
        values = [_key(r[column]) for r in table]
        if any(v is None for v in values) or len(set(values)) < len(values):
            continue
        later = [_key(r[column]) for r in more if column < len(r) and r[column] is not None]
        return bool(later) and not set(later) & set(values)
    return False


def _own_country(header: tuple[Any, ...], rows: list[tuple[Any, ...]]) -> bool:
    """Whether rows name their country in a cell of their own (a long table's Country
    column, or a country's name): those rows say whose they are (a library keeps each
    version of an assessment on a sheet)."""
    if any(classify_header(v) in ("country", "iso3") for v in header if isinstance(v, str)):
        return True
    return any(
        isinstance(v, str) and len(v) < 60 and _names_country(v) for row in rows for v in row
    )


def _names_country(name: str | None) -> bool:
    words = _NAME_WORDS.sub(" ", name or "").strip()
    return bool(words) and iso3_in_any_language(words) is not None


def _table_rows(sheet: Sheet) -> list[int]:
    """The indices of ``sheet``'s rows that are not blank, a page's line or footer."""
    return [i for i, cells in enumerate(sheet.rows) if not _skipped(cells)]


def _continuation(prev: Sheet, sheet: Sheet) -> tuple[int, list[tuple[Any, ...]]] | None:
    """Where ``sheet``'s rows start (its first row, past a repeated header) when they carry
    on ``prev``'s table, and that table's rows, else ``None``."""
    # The first row and the table's last row first (every sheet is looked at so).
    top = next((c for c in sheet.rows if not _skipped(c)), None)
    end = next((c for c in reversed(prev.rows) if not _skipped(c)), None)
    if top is None or end is None or is_label_row(top):
        return None
    if not _compatible(top, end) and top not in prev.rows:
        return None
    rows = _table_rows(sheet)
    kept = _table_rows(prev)
    if len(kept) < 2:
        return None
    first = sheet.rows[rows[0]]
    if first in prev.rows[: kept[-1]]:  # the header again, word for word
        header = prev.rows.index(first)
        table = [prev.rows[i] for i in kept if i > header and prev.rows[i] != first]
        start = rows[1] if len(rows) > 1 else None
        if start is None or not table:
            return None
        if not all(_compatible(sheet.rows[i], table[-1]) for i in rows[1:]):
            return None
        more = [sheet.rows[i] for i in rows[1:]]
        return (
            (start, table) if _carries_on(table, more) and not _own_country(first, more) else None
        )
    last = prev.rows[kept[-1]]
    if not all(_compatible(sheet.rows[i], last) for i in rows):
        return None
    run = [i for i in kept if _compatible(prev.rows[i], last)]
    top = kept.index(run[0]) if run else 0
    # The table's own header above its rows: text only, as wide as the rows.
    if top == 0 or "number" in _kinds(prev.rows[kept[top - 1]]):
        return None
    table = [prev.rows[i] for i in kept[top:]]
    more = [sheet.rows[i] for i in rows]
    header = prev.rows[kept[top - 1]]
    return (rows[0], table) if _carries_on(table, more) and not _own_country(header, more) else None


def join_page_sheets(ctx: ReadContext, sheets: list[Sheet]) -> list[Sheet]:
    """``sheets`` with those carrying on the previous sheet's table joined under it (each a
    ``JoinedSheet`` saying where the rows came from, for ``settle_page_sheets``)."""
    if len(sheets) < 2 or any(s.name is None for s in sheets):
        return sheets
    kept: list[Sheet] = []
    joined: dict[int, list[str]] = {}
    for sheet in sheets:
        prev = next((s for s in reversed(kept) if not s.hidden), None)
        found = (
            None
            if prev is None or sheet.hidden or _names_country(sheet.name)
            else _continuation(prev, sheet)
        )
        if prev is None or found is None:
            kept.append(sheet)
            continue
        start, _ = found
        body = list(prev.rows)
        while body and _skipped(body[-1]):
            body.pop()
        end = len(sheet.rows)
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
    for index, names in joined.items():
        rest = ", ".join(quoted(n) for n in names[1:])
        ctx.add(
            "warning",
            kept[index],
            None,
            f"Sheet{'s' if len(names) > 2 else ''} {rest} carr{'y' if len(names) > 2 else 'ies'}"
            f" on the table of sheet {quoted(names[0])} (a PDF written one sheet per page): "
            f"{'they name' if len(names) > 2 else 'it names'} no country and "
            f"{'have' if len(names) > 2 else 'has'} no header other than that table's, and "
            "the capabilities go on where it stops. The rows were read as that table going on.",
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


def settle_page_sheets(ctx: ReadContext, sheets: list[Sheet], drafts: list[Draft]) -> None:
    """Problems about joined rows name the sheet and cell they came from; a sheet of data
    rows without a header that was not joined is an error naming the assessment it seems to
    carry on."""
    _say_unjoined(ctx, sheets, drafts)
    moves = [m for s in sheets if isinstance(s, JoinedSheet) for m in s.moves]
    if moves:
        _relocate(ctx, moves)


def _say_unjoined(ctx: ReadContext, sheets: list[Sheet], drafts: list[Draft]) -> None:
    named = [s for s in sheets if s.name is not None and not s.hidden]
    for i, problem in enumerate(ctx.problems):
        if not (
            problem.severity == "warning"
            and problem.message.startswith("Skipped sheet ")
            and "holds data like the rows below it" in problem.message
        ):
            continue
        at = next((k for k, s in enumerate(named) if s.name == problem.sheet), 0)
        prev = named[at - 1].name if at > 0 else None
        owner = next((d for d in drafts if prev and d.sheet.name == prev and d.country), None)
        if owner is None:
            continue
        ctx.problems[i] = dataclasses.replace(
            problem,
            severity="error",
            message=f"Sheet {quoted(problem.sheet or '')} has no header and no country of its "
            f"own: its rows look like the rest of the table of sheet {quoted(prev or '')} "
            f"({owner.name}), a PDF written one sheet per page, but they could not be joined "
            "to it with certainty, so they were not read.",
            fix=f"Copy its rows under the table of sheet {quoted(prev or '')} (or put the "
            "Country and Year labels and a header row above them) and upload the file again.",
        )


def _renamed(found: re.Match[str], moves: list[Move], sheet: str | None, source: str) -> str:
    """A cell or row a message names (``found``), as it is on ``source``, the sheet it came
    from; as it is when it came from elsewhere."""
    there = _moved(moves, sheet, int(found.group(2)))
    if there is None or there[0] != source:
        return found.group(0)
    return f"{found.group(1)}{there[1]}"


def _relocate(ctx: ReadContext, moves: list[Move]) -> None:
    for i, problem in enumerate(ctx.problems):
        if problem.cell is None:
            continue
        cell = _CELL.fullmatch(problem.cell)
        row = _ROW.fullmatch(problem.cell)
        number = int(cell.group(2)) if cell else int(row.group(2)) if row else None
        place = _moved(moves, problem.sheet, number) if number is not None else None
        if place is None:
            continue
        rename = partial(_renamed, moves=moves, sheet=problem.sheet, source=place[0])
        # The cells and rows named outside the quoted file text.
        parts = _QUOTED.split(problem.message)
        message = "".join(p if p.startswith("“") else _NAMED.sub(rename, p) for p in parts)
        ctx.problems[i] = dataclasses.replace(
            problem, sheet=place[0], cell=_NAMED.sub(rename, problem.cell), message=message
        )
