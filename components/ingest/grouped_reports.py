"""A grouped report's group and total rows: headings of blocks of rows, never rows of a table.

Report tools write a long table in blocks, each headed by a row about the block and often
closed by a total: Salesforce's formatted report ("Account Name: Brazil (19 records)" merged
across the table, "Grand Totals (40 records)"), SSRS and Crystal grouped reports ("Country:
Brazil" over its rows, "Total" after), Power BI and pivot-style subtotals ("Kenya (21)"),
Excel's Data > Subtotal ("Grand Count"), in xlsx, xls, csv and web pages. A person skips those
rows and reads the rows between them. Read as rows, the group's text (one value, repeated
over a merge) would be a capability, a country or a header.

``drop_group_rows`` blanks such rows before the sheets are read. A row is one only when its
cells hold one text (one cell, or one value merged across) and it stands between rows of a
table (the nearest filled row above has two cells or more), and it says it is a group:

* "<field>: <value>", perhaps with a count ("Account Name: Brazil (19 records)"), followed by
  a row of two cells or more;
* "<value> (<n>)" or "<value> (<n> records)" whose count is the number of rows of its block
  (a count that does not match is no group's);
* a country's name alone ("Brazil", as Power BI heads its rows), followed by a row of two
  cells or more that names no other country, the first such row following the table's
  header (a country's row left blank, in a table of countries, is no group);
* a total: a summary word at its start or end ("Grand Totals (40 records)", "Grand Count",
  "Total"), perhaps with a count.

A domain's heading ("Domain 1: Policy and Governance") is left to ``heading_rows``.
Where the rows of a block do not give the group's value (an SSRS report names the country in
its group row only), it is written into them, with a warning: in the blanks of the column
headed by the group's field ("Country"), or else in a column added at the table's right,
headed "Country" or "Year" (a value that is neither is not given: the reader needs it not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress, repeat
from operator import eq, is_
from typing import Any

from components.base.text import normalise
from components.ingest.column_values import distinct, guarded
from components.ingest.countries import iso3_in_any_language
from components.ingest.heading_rows import is_domain_heading, is_subtotal_label
from components.ingest.matching import classify_header
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.vocabulary import default_vocabulary, key_of

# "(19 records)", "(21)", "(3 items)": a block's count at the end of its group row.
_COUNT = re.compile(
    r"\s*[(\[]\s*(?P<n>\d{1,6})\s*(?:records?|rows?|items?|entries|registros?|"
    r"enregistrements?|éléments?|elementos?|lignes?|filas?)?\s*[)\]]\s*$",
    re.IGNORECASE,
)
# "Account Name: Brazil", "Country = Kenya": a group's field and value.
_FIELD = re.compile(r"^(?P<field>[^:=]{1,40}?)\s*[:=]\s*(?P<value>\S.{0,80})$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_MAX_TEXT = 140
_MAX_WORDS = 6


def drop_group_rows(ctx: ReadContext, sheets: list[Sheet]) -> list[Sheet]:
    """The sheets, with their group and total rows blanked (see the module)."""
    for sheet in sheets:
        if len(sheet.rows) >= 4:
            _drop_in(ctx, sheet)
    return sheets


def _single_text(cells: tuple[Any, ...]) -> str | None:
    """The row's one text, when all its filled cells hold the same text."""
    text = None
    for value in cells:
        if value is None:
            continue
        if not isinstance(value, str) or (text is not None and value != text):
            return None
        text = value
    if text is None or len(text) > _MAX_TEXT:
        return None
    return text.strip()


def _candidates(ctx: ReadContext, sheet: Sheet) -> list[int]:
    """The rows of one cell, or led by a blank or by one value merged across (in C when the
    sheet's columns are known: a long table's thousands of rows cost next to nothing)."""
    rows = sheet.rows
    columns = sheet.columns
    if columns is None or len(columns) < 2 or not guarded(sheet):
        return [i for i, r in enumerate(rows) if len(r) < 2 or r[0] is None or r[0] == r[1]]
    first, second = columns[0], columns[1]
    # Each column's distinct values (found once per read, shared with the passes after)
    # say which searches can find nothing: no blank in a column, no value in both columns
    # (equal cell values hash alike, so a pair found equal is in both sets).
    held, beside = distinct(ctx, first), distinct(ctx, second)
    found: set[int] = set()
    if None in held:
        found.update(compress(range(len(rows)), map(is_, first, repeat(None))))
    if None in beside:
        found.update(compress(range(len(rows)), map(is_, second, repeat(None))))
    if not held.isdisjoint(beside):
        found.update(compress(range(len(rows)), map(eq, first, second)))
    return sorted(found)


def _filled_above(rows: list[tuple[Any, ...]], row: int, taken: set[int]) -> int | None:
    """The nearest row above ``row`` with a filled cell, group rows passed over."""
    for above in range(row - 1, -1, -1):
        if above not in taken and any(v is not None for v in rows[above]):
            return above
    return None


def _filled(cells: tuple[Any, ...]) -> int:
    return sum(value is not None for value in cells)


def _drop_in(ctx: ReadContext, sheet: Sheet) -> None:
    rows = sheet.rows
    found: list[_Group] = []
    taken: set[int] = set()
    # Only a row of one cell, or led by a blank or by one value merged across, may be a
    # group's: found in one pass, so a long table's rows cost no more than this.
    for row in _candidates(ctx, sheet):
        if not rows[row] or (text := _single_text(rows[row])) is None:
            continue
        previous = _filled_above(rows, row, taken)
        if previous is None or _filled(rows[previous]) < 2:
            continue
        group = _group_of(ctx, sheet, row, text, previous)
        if group is not None:
            found.append(group)
            taken.add(row)  # the row above the next one is still the table's
    found = _settled(found)
    if not found:
        return
    header = _header_above(sheet, found[0].row)
    for index, group in enumerate(found):
        end = found[index + 1].row if index + 1 < len(found) else len(rows)
        if group.value is not None and header is not None:
            _give_value(ctx, sheet, header, group, end)
    for group in found:
        sheet.rows[group.row] = ()
    sheet.columns = None  # the rows changed
    ctx.add(
        "warning",
        sheet,
        cell_address(found[0].row, 0),
        f"{len(found)} rows of this report head or total a group of rows (such as "
        f"{quoted(found[0].text)}); they were skipped and the rows between them read.",
        "Nothing to do if the rows were read right; otherwise export the report's details only "
        "(without groups and totals) and upload it again.",
    )


@dataclass(frozen=True)
class _Group:
    """A group or total row: its text, the group's field and value (none for a total), and
    whether it directly follows the table's header."""

    row: int
    text: str
    field: str | None
    value: str | None
    counted: bool
    first: bool


def _settled(found: list[_Group]) -> list[_Group]:
    """The rows that are groups' indeed: a "<field>: <value>" row without a count is one only
    when the first row of its field follows the table's header (a report's first group
    does), not a title or a note between two tables; a total without a count only in a
    report of groups. A field's rows are groups when there are two or more, or when the one
    names a country or a year (a report of one group); a value of many words is a note's."""
    firsts: dict[str, bool] = {}
    rows: dict[str, int] = {}
    for group in found:
        if group.value is not None and not group.counted:
            firsts.setdefault(_field_key(group), group.first)
            rows[_field_key(group)] = rows.get(_field_key(group), 0) + 1
    groups = [
        g
        for g in found
        if g.value is not None
        and (
            g.counted
            or (
                firsts[_field_key(g)]
                and len(g.value.split()) <= _MAX_WORDS
                and (rows[_field_key(g)] > 1 or _label_for(g.value) is not None)
            )
        )
    ]
    return [g for g in found if g in groups or (g.value is None and (g.counted or groups))]


def _field_key(group: _Group) -> str:
    """The field of a group row; a country alone ("Brazil") is the country's."""
    return key_of(group.field) if group.field else "country"


def _group_of(
    ctx: ReadContext, sheet: Sheet, row: int, text: str, previous: int | None
) -> _Group | None:
    """The group or total row of ``text``; ``None`` when it is none."""
    count = None
    bare = text
    if found := _COUNT.search(text):
        count = int(found["n"])
        bare = text[: found.start()].strip()
    first = previous is not None and _all_text(sheet.rows[previous])
    if not bare or is_subtotal_label(bare) or _is_total_word(bare):
        return _Group(row, text, None, None, count is not None, first)
    if is_domain_heading(bare, _domain_keys(ctx), default_vocabulary()):
        return None
    if (field := _FIELD.match(bare)) is not None and _next_is_row(sheet, row, previous):
        value = field["value"].strip()
        return _Group(row, text, field["field"].strip(), value, count is not None, first)
    if count is not None and count == _block_rows(sheet, row):
        return _Group(row, text, None, bare, True, first)
    if (
        count is None
        and _label_for(bare) == "Country"
        and not (bare.islower() and len(bare) == 3)  # "and" (a PDF title's line): no code
        and _next_is_row(sheet, row, previous)
        and not _names_another(sheet, row, bare)
    ):
        return _Group(row, text, None, bare, False, first)  # Power BI's "Brazil" over its rows
    return None


def _all_text(cells: tuple[Any, ...]) -> bool:
    return all(v is None or isinstance(v, str) for v in cells)


def _is_total_word(text: str) -> bool:
    return key_of(text) in {"total", "totals", "grand total", "grand totals", "count"}


def _domain_keys(ctx: ReadContext) -> frozenset[str]:
    if (keys := ctx.memo.get("grouped_reports.domains")) is None:
        keys = frozenset(normalise(d.name) for d in ctx.framework.domains)
        ctx.memo["grouped_reports.domains"] = keys
    return keys


def _next_is_row(sheet: Sheet, row: int, previous: int | None) -> bool:
    """Whether the next filled row is a row of two cells or more, not a header again (a
    second table's, under a title such as "Country: Uganda")."""
    for cells in sheet.rows[row + 1 :]:
        if (count := _filled(cells)) > 0:
            return count >= 2 and not _same_header(cells, sheet, previous)
    return False


def _same_header(cells: tuple[Any, ...], sheet: Sheet, previous: int | None) -> bool:
    """Whether ``cells`` are all text and name a field the reader knows (a header row)."""
    return _all_text(cells) and any(classify_header(v) is not None for v in cells)


def _names_another(sheet: Sheet, row: int, country: str) -> bool:
    """Whether the next filled row names a country other than ``country``: then "Kenya"
    alone is a row of countries with no level (only coloured in), not Kenya's group."""
    own = iso3_in_any_language(country)
    for cells in sheet.rows[row + 1 :]:
        if any(v is not None for v in cells):
            return any(
                isinstance(v, str) and iso3_in_any_language(v) not in (None, own) for v in cells
            )
    return False


def _block_rows(sheet: Sheet, row: int) -> int:
    """The rows of two cells or more below ``row``, up to the next blank or one-text row."""
    n = 0
    for cells in sheet.rows[row + 1 :]:
        if _filled(cells) < 2 or _single_text(cells) is not None:
            break
        n += 1
    return n


def _header_above(sheet: Sheet, row: int) -> int | None:
    """The table's header: the nearest filled row above the first group row, all text."""
    for above in range(row - 1, -1, -1):
        cells = sheet.rows[above]
        if _filled(cells):
            return above if all(v is None or isinstance(v, str) for v in cells) else None
    return None


def _give_value(ctx: ReadContext, sheet: Sheet, header: int, group: _Group, end: int) -> None:
    """Write the group's value into its block's rows when they lack it (said): into the
    blanks of the column headed by its field, or, for a country or a year, a column added
    ("Country", "Year")."""
    value = group.value or ""
    block = [r for r in range(group.row + 1, end) if _filled(sheet.rows[r]) >= 2]
    key = key_of(value)
    if not block or all(
        any(isinstance(v, str) and key_of(v) == key for v in sheet.rows[r]) for r in block
    ):
        return  # the rows name it already
    field = group.field
    if field is None or _column_of(sheet.rows[header], field) is None:
        field = _label_for(value)
        if field is None:
            return  # not a country or a year (a region, an owner): the rows stay as they are
    column = _column_of(sheet.rows[header], field)
    if column is None:
        column = max(len(sheet.rows[header]), *(len(sheet.rows[r]) for r in block))
        _set(sheet, header, column, field)
    written = 0
    for r in block:
        if sheet.value(r, column) is None:
            _set(sheet, r, column, value)
            written += 1
    if written:
        ctx.add(
            "warning",
            sheet,
            cell_address(group.row, column),
            f"{written} rows under the group row {quoted(group.text)} do not give their "
            f"{field.lower()}; {quoted(value)} was taken from the group row for them.",
            f"Check that those rows belong to {quoted(value)}; if not, give each row its "
            f"{field.lower()} in a column and upload the file again.",
        )


def _column_of(header: tuple[Any, ...], field: str) -> int | None:
    """The header's column named ``field``, or naming what it names ("País" and "Country")."""
    key, names = key_of(field), classify_header(field)
    for column, title in enumerate(header):
        if isinstance(title, str) and (
            key_of(title) == key or (names is not None and classify_header(title) == names)
        ):
            return column
    return None


def _label_for(value: str) -> str | None:
    if iso3_in_any_language(value) is not None:
        return "Country"
    if _YEAR.match(value):
        return "Year"
    return None


def _set(sheet: Sheet, row: int, column: int, value: Any) -> None:
    cells = list(sheet.rows[row])
    cells.extend([None] * (column + 1 - len(cells)))
    cells[column] = value
    sheet.rows[row] = tuple(cells)
