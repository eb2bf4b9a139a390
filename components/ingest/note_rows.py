"""A note typed into a table's capability column: "Note: …", "NB - …", "Remarque : …".

People insert a row under a capability to say something about it, and write the remark where
there is room, in the capability column. Such a row names no capability, and with no level
nothing of the assessment is in it: it is left with a warning that says so (its evidence
cell, if any, goes with it), not with the error an unknown capability gets. A note row that
has a level is still an error: the level would be lost.

Notes numbered under the table ("1 | Levels were agreed by consensus.") have a number that
names a capability given above: with a sentence naming none beside it and no level, such a row
is a note too (``numbered_note``), not a second row of that capability.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from components.base.text import plural
from components.ingest.matching import Catalogue, ItemMatch, exact_reference, match_item
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted, with_article
from components.ingest.values import parse_level

# The words a note opens with, in the vocabulary's languages, then ":", "-", "." or a space:
# "Note:", "NB -", "N.B.", "Nota bene", "Remarque :", "Observación:", "Obs.", "PS".
_NOTE = re.compile(
    r"^\s*(?:notes?|n\.?\s?b\.?|nota(?:\s+bene)?|remarques?|remarks?|observaci[oó]n(?:es)?"
    r"|observa[cç][aã]o|obs|p\.?\s?s\.?|comment(?:aire)?s?|comentarios?|coment[aá]rio)"
    r"\s*(?:[:.\-–—]|\s|$)",
    re.IGNORECASE,
)


def is_note(value: Any) -> bool:
    """Whether a key cell is a remark ("Note: the hotline figures…"), not a capability."""
    return isinstance(value, str) and _NOTE.match(value) is not None


def left_as_note(
    ctx: ReadContext, sheet: Sheet, row: int, column: int, columns: Mapping[str, int]
) -> bool:
    """Whether the row's key cell (in ``column``) is a note and the row has no level: then it
    is left, with a warning saying so."""
    value = sheet.value(row, column)
    level = columns.get("level")
    if not is_note(value) or level is None or sheet.value(row, level) is not None:
        return False
    ctx.add(
        "warning",
        sheet,
        cell_address(row, column),
        f"Row {row + 1} is a note ({quoted(value)}), not a capability, and has no level; it "
        "was not read.",
        "Nothing to do if it is a note (its text is not kept: put it in the Evidence column of "
        "the capability's row to keep it). If it is a capability, write its number or title.",
    )
    return True


# A note's text: a sentence of a few words, not a title typed wrong ("Leadershp").
_SENTENCE_WORDS = 3
# The columns a note may be typed in when the title is blank; text in any other column the
# table reads (a level, evidence, a country) makes a real row.
_ASIDES = frozenset({"domain", "description"})


def numbered_note(
    ctx: ReadContext,
    sheet: Sheet,
    row: int,
    columns: Mapping[str, int],
    matches: Sequence[tuple[int, Any, Catalogue, ItemMatch]],
) -> bool:
    """Whether the row is a numbered note under the table ("1 | Levels were agreed by
    consensus." below capability 21): its bare number names an item already given above, its
    other key cell is a sentence naming none, and it has no level. Then it is left, said once
    for the notes that follow one another, rather than read as a second row of that item
    (which would cancel the real one's level). A second row with a title or a level is still
    a real duplicate."""
    if not matches or matches[0][0] != columns.get("number"):
        return False
    _, _, catalogue, match = matches[0]
    if match.number is None or any(m[3].number is not None for m in matches[1:]):
        return False
    title = matches[1][0] if len(matches) > 1 else columns.get(catalogue.kind)
    note = _note(ctx, sheet, row, columns=columns, catalogue=catalogue, title=title)
    if note is None:
        return False
    if not ctx.once((sheet.name, "numbered-notes", row - 1)):
        ctx.once((sheet.name, "numbered-notes", row))  # the next row belongs to this run
        return True
    ctx.once((sheet.name, "numbered-notes", row))
    run = [note]
    where = {"columns": columns, "catalogue": catalogue, "title": title}
    while (more := _note(ctx, sheet, row + len(run), **where)) is not None:
        run.append(more)
    kind, one = catalogue.kind, len(run) == 1
    numbers = ", ".join(str(n) for n, _, _ in run[:-1]) + (" and " if not one else "")
    numbers += str(run[-1][0])
    if one:
        said = (
            f"Row {row + 1} is read as a note ({quoted(note[1])}), not as a second row of "
            f"{catalogue.describe(note[0])}: its text names no {kind} and it has no level"
        )
    else:
        kinds = plural(2, kind)
        said = (
            f"Rows {row + 1} to {row + len(run)} are read as notes ({quoted(note[1])}, …), not "
            f"as second rows of the {kinds} numbered {numbers} above: their text names no "
            f"{kind} and they have no level"
        )
    ctx.add(
        "warning",
        sheet,
        cell_address(row, note[2]),
        f"{said}; {'it was' if one else 'they were'} not read (the rows above give the levels).",
        f"Nothing to do if these are notes. If one is {with_article(kind)}, write its title and "
        "level there and delete the row above that gives the same number.",
    )
    return True


def _note(
    ctx: ReadContext,
    sheet: Sheet,
    row: int,
    *,
    columns: Mapping[str, int],
    catalogue: Catalogue,
    title: int | None,
) -> tuple[int, str, int] | None:
    """The number, text and text's column of a numbered note on the row (see
    ``numbered_note``), else ``None``. The text is in the title column, or, when that is
    blank, in the Domain or Description column or one the table does not read."""
    if row >= len(sheet.rows):
        return None
    number_column, level_column = columns["number"], columns.get("level")
    number = _bare_number(sheet.value(row, number_column))
    if number not in catalogue.titles:
        return None
    read = {c for f, c in columns.items() if f not in _ASIDES}  # answers, country, year, …
    places = [title] if title is not None and sheet.value(row, title) is not None else []
    places = places or [c for c in range(len(sheet.rows[row])) if c not in read]
    text, column = next(((v, c) for c in places if _sentence(v := sheet.value(row, c))), (0, 0))
    if not isinstance(text, str) or match_item(text, catalogue).number is not None:
        return None
    level = sheet.value(row, level_column) if level_column is not None else None
    if level is not None and parse_level(level, ctx.framework.scale).level is not None:
        return None
    given = (exact_reference(sheet.value(r, number_column), catalogue) for r in range(row))
    return (number, text, column) if number in given else None


def _bare_number(value: Any) -> int | None:
    """The number of a cell that holds only a number ("1", "1.", 1.0), else ``None``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value) if float(value).is_integer() else None
    found = re.fullmatch(r"\s*(\d{1,3})\s*[.)]?\s*", value) if isinstance(value, str) else None
    return int(found[1]) if found else None


def _sentence(value: Any) -> bool:
    return isinstance(value, str) and len(re.findall(r"[^\W\d_]+", value)) >= _SENTENCE_WORDS
