"""Letters lost when a text file was saved: a "?" where the code page had no such letter.

Excel's plain "CSV" (and Notepad's "ANSI") writes the text in the computer's code page. A
letter the code page lacks is written as "?", for good: Cyrillic saved on a Western computer
becomes "??????????" for "Кыргызстан", a Vietnamese "Việt Nam" becomes "Vi?t Nam", Polish
"Łódź" becomes "?ód?". No encoding reads the letters back, and nothing in the file is wrong
to the eye of a program: the reader would only find headers, levels and names it does not know,
and say that no table was found, which sends a person looking in the wrong place.

A word whose letters were so replaced has a "?" inside it or before its letters, or is a run
of them ("???"). When three or more different cells of a text file hold such words, the file
is said to have lost its letters, naming the cells, with how to save it so that they are
kept: an error when nothing could be read without them (what a person sees instead of "No
assessment was found"), a warning when what could be (numbers, levels) was. And a
country whose name holds such a word is no name: its assessment is refused, naming the cell,
whatever the file's kind.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Protocol, TypeVar

from components.ingest.report import Severity
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted


class _Assessment(Protocol):
    """What is looked at of a draft assessment (``drafts.Draft``, which reads country cells
    with ``lost_letters`` and so is not imported here)."""

    sheet: Sheet
    country: str | None
    country_cell: str | None
    items: Mapping[str, Mapping[int, tuple[Any, ...]]]


Draft = TypeVar("Draft", bound=_Assessment)

# "???", "Vi?t", "?ód?": a run of question marks, or one where a letter was.
_LOST = re.compile(
    r"\?{3,}|(?<=[^\W\d_])\?+(?=[^\W\d_])|(?<![^\W\d_?])\?+(?=[^\W\d_]{2})", re.UNICODE
)
# A web address's query ("page.php?id=3") holds "?" between letters too.
_ADDRESS = re.compile(r"://|www\.", re.IGNORECASE)
# Different cells with lost letters before the file is said to have lost them.
_MIN_CELLS = 3
_NAMED = 3
_FIX_SAVE_UTF8 = (
    "Open the original workbook (not this file, whose letters are gone) and save it as "
    "“CSV UTF-8 (Comma delimited) (*.csv)”, or upload the workbook itself (.xlsx); then "
    "upload that file."
)


def lost_letters(text: str) -> bool:
    """Whether ``text`` holds a word whose letters were replaced by "?" ("??????", "Vi?t")."""
    return "?" in text and _LOST.search(text) is not None and not _ADDRESS.search(text)


def drop_lost_letters(
    ctx: ReadContext, sheets: Sequence[Sheet], drafts: list[Draft]
) -> list[Draft]:
    """``drafts`` less those whose country lost its letters (each refused, naming its cell; a
    country cell of a table is refused as it is read, ``MetaReader.country``); and, for a text
    file whose letters were lost, that said (``sheets``: the file's, as read)."""
    kept = []
    for draft in drafts:
        if not draft.country or not lost_letters(draft.country):
            kept.append(draft)
            continue
        cell = draft.country_cell or _cell_holding(draft.sheet, draft.country)
        say_lost_country(ctx, draft.sheet, draft.country, cell)
    if ctx.decoded_text is not None and lost_letters(ctx.decoded_text.text):
        # An error when nothing is left to read; else what could be read was, said so.
        read = any(
            a[0] is not None for d in kept for kind in d.items.values() for a in kind.values()
        )
        _say_file(ctx, sheets, "warning" if read else "error")
    return kept


def _cell_holding(sheet: Sheet, text: str) -> str | None:
    """The first cell of ``sheet`` holding ``text``: where a country from a heading was."""
    for row, cells in enumerate(sheet.rows):
        for column, value in enumerate(cells):
            if isinstance(value, str) and value.strip() == text:
                return cell_address(row, column)
    return None


def say_lost_country(ctx: ReadContext, sheet: Sheet, text: str, cell: str | None) -> None:
    """Say, once for a sheet's cell text, that a country's letters were lost (not used)."""
    if not ctx.once((sheet.name, "lost-letters", text)):
        return
    ctx.add(
        "error",
        sheet,
        cell,
        f"The country {quoted(text)} has lost letters: they were replaced by “?” when the "
        "file was saved, so it names no country, and its assessment was not used.",
        f"{_FIX_SAVE_UTF8} Or write the country's name in {cell or 'its cell'}.",
    )


def _say_file(ctx: ReadContext, sheets: Sequence[Sheet], severity: Severity) -> None:
    """Say that the file's letters were lost, when enough of its cells show it."""
    found: dict[str, str] = {}
    for sheet in sheets:
        for row, cells in enumerate(sheet.rows):
            for column, value in enumerate(cells):
                if isinstance(value, str) and value not in found and lost_letters(value):
                    found[value] = cell_address(row, column)
    if len(found) < _MIN_CELLS:
        return
    named = ", ".join(f"{quoted(text)} in {cell}" for text, cell in list(found.items())[:_NAMED])
    read = " What could be read without them was read." if severity == "warning" else ""
    ctx.add(
        severity,
        None,
        None,
        f"Letters of this file were replaced by “?” when it was saved ({named}…): it was "
        "saved in a code page that has no such letters (as Excel's plain “CSV” does on a "
        f"computer set to another language), so they are lost and cannot be read back.{read}",
        _FIX_SAVE_UTF8,
    )
