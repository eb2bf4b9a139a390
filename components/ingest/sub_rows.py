"""Sub-indicator rows: "1.1", "1.2", "1.3" under the row of capability 1.

An assessment tool often breaks a capability into sub-questions numbered after it: the row
``1 | Capability 1: Leadership | 3`` then ``1.1 | …``, ``1.2 | …``, each with its own answer.
Read on their own, "1.2" is a capability numbered within its domain (domain 1's second,
capability 2), so the sub-question's answer would become another capability's level. When
the table numbers its capabilities itself and an "n.k" row follows the row of capability n,
it is a sub-indicator of capability n: not read, and said so once per table.

A row "n.k" is still a capability when it names, by title, the capability it numbers within
its domain ("1.2 Research, analysis and monitoring"), or when no row of capability n comes
before it (a table numbered within domains throughout, with or without domain rows).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from components.base.text import plural
from components.ingest.matching import Catalogue, Field, dotted_code, exact_reference
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.values import is_blank

# How many sub-indicators the warning quotes.
_QUOTED = 3


def sub_indicator_rows(
    ctx: ReadContext,
    sheet: Sheet,
    columns: Mapping[Field, int],
    catalogue: Catalogue,
    *,
    first: int,
    end: int,
) -> set[int]:
    """The rows ``first`` to ``end - 1`` that are sub-indicators of the capability row above
    them (reported once, with a warning); empty when there are none."""
    number_column = columns.get("number")
    title_column = columns.get(catalogue.kind)
    keys = [c for c in (number_column, title_column) if c is not None]
    # Each distinct value looked at once (a long table repeats 21 titles thousands of times).
    values = {v for c in keys for v in sheet.column(c, first, end)}
    if not catalogue.groups or not any(map(_dotted, values)):
        return set()  # the usual case: no code of two numbers at all
    found: list[tuple[int, int, str]] = []  # (row, column of its code, the code)
    parent = None  # the capability of the last row that names one by itself
    for row in range(first, min(end, len(sheet.rows))):
        number = sheet.value(row, number_column) if number_column is not None else None
        title = sheet.value(row, title_column) if title_column is not None else None
        if is_blank(number) and is_blank(title):
            continue
        code_column = number_column if not is_blank(number) else title_column
        code_value = number if not is_blank(number) else title
        code = dotted_code(code_value)
        if code is not None and code[1] >= 1:
            major, minor, rest = code
            own_title = title if code_value is number else rest
            if major == parent and not _names_within(own_title, major, minor, catalogue):
                found.append((row, code_column or 0, str(code_value).strip()))
                continue
            parent = None
            continue
        parent = _capability_of(number, title, catalogue)
    if found:
        _report(ctx, sheet, found, catalogue)
    return {row for row, _, _ in found}


def _dotted(value: object) -> bool:
    if isinstance(value, float):
        return not value.is_integer()
    return isinstance(value, str) and "." in value and dotted_code(value) is not None


def row_runs(first: int, end: int, skipped: set[int]) -> Iterator[tuple[int, int]]:
    """Rows ``first`` to ``end - 1`` as runs (start, stop) without the ``skipped`` ones."""
    start = first
    for row in sorted(r for r in skipped if first <= r < end):
        if row > start:
            yield start, row
        start = row + 1
    if start < end:
        yield start, end


def _capability_of(number: object, title: object, catalogue: Catalogue) -> int | None:
    """The capability a row names by itself: its plain number and its title agreeing (either
    alone when the other is blank), else ``None``."""
    by_number = None if is_blank(number) else exact_reference(number, catalogue)
    by_title = None if is_blank(title) else exact_reference(title, catalogue)
    if not is_blank(number) and by_number is None:
        return None
    if not is_blank(title) and by_title is None:
        return None
    if by_number is not None and by_title is not None and by_number != by_title:
        return None
    return by_number if by_number is not None else by_title


def _names_within(title: object, major: int, minor: int, catalogue: Catalogue) -> bool:
    """Whether ``title`` names the capability "major.minor" numbers within its domain."""
    groups = catalogue.groups
    if is_blank(title) or not (1 <= major <= len(groups) and 1 <= minor <= len(groups[major - 1])):
        return False
    return exact_reference(title, catalogue) == groups[major - 1][minor - 1]


def _report(
    ctx: ReadContext, sheet: Sheet, found: list[tuple[int, int, str]], catalogue: Catalogue
) -> None:
    row, column, _ = found[0]
    codes = ", ".join(quoted(code) for _, _, code in found[:_QUOTED])
    more = "…" if len(found) > _QUOTED else ""
    count = len(found)
    last = max(catalogue.titles)
    ctx.add(
        "warning",
        sheet,
        cell_address(row, column),
        f"{count} {plural(count, 'row')} numbered after a capability ({codes}{more}, from row "
        f"{row + 1}) {plural(count, 'was', 'were')} read as sub-indicators of the capability "
        "row above, not as capabilities: their answers were not used.",
        "Nothing to do if they are sub-questions. If they are capabilities numbered within "
        f"their domain (2.1 for the first capability of domain 2), write each one's number "
        f"(1 to {last}) or title instead.",
    )
