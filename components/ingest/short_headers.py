"""Column headers cut short to fit a field name, read by their place in the framework's order.

Databases and statistics packages limit a field's (a variable's) name: dBase and every .dbf
writer (Epi Info, SPSS's and Stata's dBase export) to 10 characters, old SPSS and SAS to 8. A
table exported from them heads its capabilities' columns with the titles shortened by hand,
one per column in the framework's order: "LEADERSHIP | RESEARCH | LEGISLATN | LAWENFORCE |
JUDICIARY | OFFENDMGMT | IMAGEDB | E2ESUPPORT …". A careful reader reads them by both clues at
once: the name keeps the title's letters in order (words run together, vowels and endings
dropped, "2" for "to"), and the columns follow the framework's order, so "LAWENFORCE" between
"LEGISLATN" (3) and "JUDICIARY" (5) is capability 4, and "REPORTING" between capability 16
and 18 is capability 17 (CSEA Reporting), not 20 (Media Reporting).

``placed_short_headers`` does the same, and only where both clues agree: the headers it knows
(exactly or nearly) are capabilities in the framework's order (at least three of them), each
gap between them holds exactly as many unknown headers as capabilities are missing there, and
each unknown header is a field name (one word, letters and digits) or a few words cut short
("Offender mgmt", "Child particip.") whose letters are the missing title's in order,
starting where one of its words starts. Anything else is left as
before: an unknown header is said not to be read, an ambiguous one is an error naming the
candidates. What was placed is said in one warning naming each column. A header row of such
names, too few of them known for the layout to see a table, is one when a Country column
stands beside six or more capabilities known or placed, levels below each
(``short_header_row``, asked by ``partial_header``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from itertools import pairwise
from typing import Any

from components.ingest.column_roles import holds_levels
from components.ingest.matching import Catalogue, Field, match_any
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted

# So many known capabilities (at least) must give the order.
_MIN_KNOWN = 3
# So many capabilities, known or placed, make a header row of field names a table's.
_MIN_COLUMNS = 6
# A field name: one word of letters, digits and underscores (32 characters at most: Stata's).
_FIELD_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{2,31}")
# Or a few words cut short, as a regional office heads a matrix: "Offender mgmt", "Image DB",
# "E2E support", "Child particip.".
_SHORT_WORDS = re.compile(r"[A-Za-z][A-Za-z0-9]*\.?(?: [A-Za-z0-9]+\.?){1,3}")
# Digits and signs that stand for words in short names ("E2E": end to end).
_SPOKEN = {"2": "to", "4": "for", "&": "and"}
_WORDS = re.compile(r"[a-z]+")


def placed_short_headers(
    ctx: ReadContext,
    sheet: Sheet,
    header: int,
    items: dict[int, tuple[Catalogue, int]],
    unknown: list[tuple[int, Any]],
) -> dict[int, tuple[Catalogue, int]]:
    """The capability of each unknown header (column, value) that a field name shortens and
    the framework's order places, said in a warning; empty when the order says nothing."""
    placed = _placed(ctx.capabilities, items, unknown)
    if placed:
        _say(ctx, sheet, header, placed, dict(unknown))
    return placed


def short_header_row(ctx: ReadContext, sheet: Sheet, row: int, fields: Mapping[Field, int]) -> bool:
    """Whether ``row`` heads one assessment a row (a Country column) with capabilities whose
    field names are cut short: six or more, known or placed by the framework's order, with
    levels below each (the layout then reads it, and ``header_items`` places them)."""
    if "country" not in fields:
        return False
    taken = set(fields.values())
    names = [
        (column, value)
        for column, value in enumerate(sheet.rows[row])
        if column not in taken and isinstance(value, str) and _FIELD_NAME.fullmatch(value.strip())
    ]
    if len(names) < _MIN_COLUMNS:
        return False  # the usual header: no need to match its cells
    known: dict[int, tuple[Catalogue, int]] = {}
    unknown = []
    for column, value in names:
        catalogue, match = match_any(value, ctx.capabilities, ctx.enablers)
        if match.number is not None and catalogue is ctx.capabilities:
            known[column] = (catalogue, match.number)
        else:
            unknown.append((column, value))
    columns = [*known, *_placed(ctx.capabilities, known, unknown)]
    scale = ctx.framework.scale
    return len(columns) >= _MIN_COLUMNS and all(
        holds_levels(sheet, row, column, scale) for column in columns
    )


def _placed(
    capabilities: Catalogue,
    items: Mapping[int, tuple[Catalogue, int]],
    unknown: list[tuple[int, Any]],
) -> dict[int, tuple[Catalogue, int]]:
    """The unknown headers a field name shortens and the framework's order places."""
    known = sorted((c, n) for c, (catalogue, n) in items.items() if catalogue is capabilities)
    numbers = [number for _, number in known]
    if len(known) < _MIN_KNOWN or numbers != sorted(set(numbers)) or not unknown:
        return {}
    # The gaps: before the first known column, between two, after the last.
    edges = [(-1, 0), *known, (max(c for c, _ in unknown) + 1, len(capabilities.titles) + 1)]
    placed: dict[int, tuple[Catalogue, int]] = {}
    for (left, low), (right, high) in pairwise(edges):
        gap = [(c, v) for c, v in unknown if left < c < right]
        missing = range(low + 1, high)
        if not gap or len(gap) != len(missing):
            continue
        for (column, value), number in zip(gap, missing, strict=True):
            if shortens(value, capabilities.titles[number]):
                placed[column] = (capabilities, number)
    return placed


def shortens(value: Any, title: str) -> bool:
    """Whether ``value`` is a field name (or a few words cut short) made of ``title``'s letters
    in order, its first a word's first ("LAWENFORCE", "E2ESUPPORT", "Image DB")."""
    if not isinstance(value, str):
        return False
    words = _WORDS.findall(_plain(title))
    if _FIELD_NAME.fullmatch(value.strip()):
        return any(_shortens_from(_spoken(value), words, i) for i in range(len(words)))
    if not _SHORT_WORDS.fullmatch(value.strip()):
        return False
    # Words cut short: each the start of a title's word, later than the one before ("Offender
    # mgmt": offender, management), so "Comms plan" shortens no "Compensation, …" title.
    position = 0
    for part in value.split():
        starts = [i for i in range(position, len(words)) if _shortens_from(_spoken(part), words, i)]
        if not starts:
            return False
        position = starts[0] + 1
    return True


def _spoken(text: str) -> str:
    """A short name's letters, lower case, its digits said ("E2E": "etoe")."""
    return "".join(_SPOKEN.get(ch, ch) for ch in text.strip().lower() if ch not in "_.")


def _shortens_from(short: str, words: list[str], first: int) -> bool:
    """Whether ``short``'s letters are, in order, those of ``words`` from word ``first`` on,
    its first letter that word's first."""
    if not short.isalpha() or first >= len(words) or words[first][0] != short[0]:
        return False
    return _in_order(short[1:], "".join(words[first:]), 1)


def _in_order(letters: str, text: str, position: int) -> bool:
    for letter in letters:
        position = text.find(letter, position) + 1
        if not position:
            return False
    return True


def _plain(text: str) -> str:
    """Lower case, without accents: the letters a field name keeps."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _say(
    ctx: ReadContext,
    sheet: Sheet,
    header: int,
    placed: dict[int, tuple[Catalogue, int]],
    values: dict[int, Any],
) -> None:
    columns = sorted(placed)
    first, *rest = columns
    named = ", ".join(
        [f"{quoted(values[first])} as capability {placed[first][1]}"]
        + [f"{quoted(values[c])} as {placed[c][1]}" for c in rest]
    )
    many = len(columns) > 1
    ctx.add(
        "warning",
        sheet,
        cell_address(header, first),
        f"{len(columns)} column heading{'s' if many else ''} shorten{'' if many else 's'} a "
        "capability's title (as a database's field names, cut to a few characters, do) and "
        f"stand{'' if many else 's'} where that capability comes in the framework's order, so "
        f"{'they were' if many else 'it was'} read so: {named}.",
        "If any is wrong, head its column with the capability's number or full title.",
    )
