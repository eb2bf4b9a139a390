"""Values as no-code databases, lists and online sheets export them: the tool's marks left out.

A tool exports a linked or typed field's value with its own marks around the name:

- Notion's relation and Airtable's attachment or linked record: the page's address in
  brackets after its title, "Kenya (https://www.notion.so/Kenya-fe32…)", several joined by
  commas;
- SharePoint's lookup column: the item's id before ";#", "3;#Malaysia" (a lookup of several
  items: "3;#Malaysia;#4;#Rwanda");
- Google Sheets' smart chip (a place, a person) copied as text: "@Jordan";
- Trello's labels with their colours: "Indonesia (green), MNR (red)".

Read as written, such a name is a country nobody knows ("3;#Malaysia"), filed under a name
made of the address, or a capability's title "not exactly" written. ``strip_tool_marks``
leaves the marks out of every value of a column that has them before the sheets are read,
and says so once per column. A column is cleaned only when all its values from the first
marked one down are marked alike (a tool exports every value of a field the same way): a note
that happens to hold a link in brackets stays as written, and so does a notes column
("Evidence") whose links are worth keeping.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.utils import get_column_letter

from components.ingest.column_values import distinct
from components.ingest.matching import classify_header
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted

# " (https://www.notion.so/Kenya-fe32…)": an address in brackets after a name (one level of
# brackets inside it, as Notion's page names give), after a space and ending the name (or one
# of several joined by commas). A Markdown link, "[text](http://…)", or a link in the middle
# of a text is what a person typed, not a tool's mark.
_LINK = re.compile(r"\s+\((?:https?://|www\.)[^\s()]*(?:\([^\s()]*\)[^\s()]*)*\)(?=\s*(?:,|$))")
# "3;#Malaysia": SharePoint's lookup value, its item id first; ";#4;#" between two items.
_LOOKUP = re.compile(r"^\d+;#(?=\S)")
_LOOKUP_BETWEEN = re.compile(r";#\d+;#")
# "@Jordan": a smart chip's text.
_CHIP = re.compile(r"^@(?=[^\W\d_])")
# Trello's label colours ("green", "green_dark", "sky_light"), in brackets after each label.
_COLOUR = (
    r"green|yellow|orange|red|purple|blue|sky|lime|pink|black|grey|gray|no colou?r"
    r"|(?:green|yellow|orange|red|purple|blue|sky|lime|pink|black)[ _](?:light|dark)"
)
_LABEL = re.compile(rf"^(?P<name>[^,()]*[^\s,()])\s*\((?:{_COLOUR})\)$", re.IGNORECASE)
_COLOUR_AT_END = re.compile(rf"\((?:{_COLOUR})\)$", re.IGNORECASE)
# Evidence and notes keep their links: the address of a document is worth reading.
_KEEP = frozenset({"evidence", "description"})


@dataclass(frozen=True)
class _Mark:
    """A tool's mark: whether a text has it, the text without it, and what to say."""

    has: Callable[[str], bool]
    strip: Callable[[str], str]
    what: str  # "links to pages (such as …)": the column's values, as the warning says


def _labels(text: str) -> list[str] | None:
    """The labels of a cell of coloured labels ("Indonesia (green), MNR (red)"), else None."""
    found = [_LABEL.match(part.strip()) for part in text.split(",")]
    return [m["name"] for m in found if m] if found and all(found) else None


_MARKS = (
    _Mark(
        lambda t: "(" in t and _LINK.search(t) is not None and bool(_LINK.sub("", t).strip()),
        lambda t: _LINK.sub("", t).strip(),
        "links to pages (such as {example}), as Notion and Airtable export a linked record; "
        "the address after each name was left out",
    ),
    _Mark(
        lambda t: ";#" in t and _LOOKUP.match(t) is not None,
        lambda t: _LOOKUP_BETWEEN.sub(", ", _LOOKUP.sub("", t)).strip(),
        "SharePoint lookup values (such as {example}); the item's number and “;#” before "
        "each name were left out",
    ),
    _Mark(
        lambda t: t.startswith("@") and _CHIP.match(t) is not None,
        lambda t: t[1:].strip(),
        "smart chips (such as {example}); the “@” before each name was left out",
    ),
    _Mark(
        lambda t: "(" in t and _labels(t) is not None,
        lambda t: ", ".join(_labels(t) or [t]),
        "labels with their colours (such as {example}); the colours were left out",
    ),
)


def strip_tool_marks(ctx: ReadContext, sheets: list[Sheet]) -> list[Sheet]:
    """The sheets, with the tools' marks left out of the columns that have them (said)."""
    for sheet in sheets:
        if len(sheet.rows) >= 2:
            _strip_in(ctx, sheet)
    return sheets


def _strip_in(ctx: ReadContext, sheet: Sheet) -> None:
    for column in range(sheet.width()):
        values = _column(sheet, column)
        texts = [v for v in distinct(ctx, values) if isinstance(v, str)]
        # Most columns have no mark at all: a glance at each distinct text decides.
        if not any(_may_be_marked(t) for t in texts):
            continue
        for mark in _MARKS:
            if any(mark.has(t) for t in texts) and _cleaned(ctx, sheet, column, values, mark):
                break


def _may_be_marked(text: str) -> bool:
    """A glance: whether a text may have a mark (a link, a lookup id, an "@", a colour)."""
    if ";#" in text or text[:1] == "@":
        return True
    if text[-1:] != ")":
        return False
    return "(http" in text or "(www." in text or _COLOUR_AT_END.search(text) is not None


def _column(sheet: Sheet, column: int) -> Sequence[Any]:
    """A column's values, as the sheet holds them when it can (no copy of a long column)."""
    if sheet.columns is not None and column < len(sheet.columns):
        return sheet.columns[column]
    return sheet.column(column, 0, len(sheet.rows))


def _cleaned(
    ctx: ReadContext, sheet: Sheet, column: int, values: Sequence[Any], mark: _Mark
) -> bool:
    """Whether ``column`` had ``mark`` on all its values from the first marked one down; if
    so, they are written without it, and that is said."""
    first = next(
        (r for r, v in enumerate(values) if isinstance(v, str) and mark.has(v.strip())), None
    )
    if first is None:
        return False
    below = [(r, v) for r, v in enumerate(values[first:], start=first) if v is not None]
    if len(below) < 2 or not all(isinstance(v, str) and mark.has(v.strip()) for _, v in below):
        return False
    header = next((values[r] for r in range(first - 1, -1, -1) if values[r] is not None), None)
    if classify_header(header) in _KEEP:
        return False
    for row, value in below:
        cells = list(sheet.rows[row])
        cells[column] = mark.strip(value.strip())
        sheet.rows[row] = tuple(cells)
    sheet.columns = None  # the rows changed
    named = f" ({quoted(header)})" if isinstance(header, str) else ""
    ctx.add(
        "warning",
        sheet,
        cell_address(first, column),
        f"The cells of column {get_column_letter(column + 1)}{named} hold "
        + mark.what.format(example=quoted(values[first]))
        + f", and the names were read (such as {quoted(sheet.rows[first][column])}).",
        "Nothing to do if the names were read right; otherwise write each name alone in the "
        "column.",
    )
    return True
