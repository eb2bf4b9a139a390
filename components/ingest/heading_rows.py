"""Rows in a capability table that are not capabilities: domain headings and a scale legend.

* A domain heading names one of the framework's domains, perhaps after the word "Domain" (in
  the vocabulary's languages) and its number, in any case: "DOMAIN 1: POLICY AND GOVERNANCE",
  "Domaine 2 - Justice pénale", "3. Victim", "Domain 4". A heading often carries the domain's
  average in the level column; it is skipped, as a domain's name alone already is.
* A scale legend is a block of rows whose labels are the scale's own level labels
  ("0 | Not in place", "1 | Building", …), often under the table with a header row of its own
  ("Score | Label | Meaning"). Read as capabilities, its numbers would be capabilities 0 to 4.
  It is skipped, with one note.
* A domain's figure ("Victim – domain average", "Criminal Justice subtotal") is skipped as
  its heading is (``is_domain_summary``).
* A subtotal row, as Excel's Data > Subtotal inserts after each group ("Kenya Average",
  "Grand Average", "Uganda Total", "Moyenne Kenya"), has the group's figure in the level column
  and no capability: ``is_subtotal_row`` knows it by a summary word (in the vocabulary's
  languages) at the start or end of one of its cells, and it is skipped quietly, as a total is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from components.base.text import normalise
from components.ingest.level_words import level_names
from components.ingest.mark_keys import key_mark_rows
from components.ingest.matching import (
    Catalogue,
    Field,
    classify_header,
    exact_reference,
    is_summary,
)
from components.ingest.scale_legend import legend_rows_in
from components.ingest.sheets import ReadContext, Sheet, cell_address
from components.ingest.values import is_blank
from components.ingest.vocabulary import Vocabulary, default_vocabulary, key_of

# The number of a domain before its name: "1", "1.", "I", "iv".
_DOMAIN_NUMBER = re.compile(r"^(?:\d{1,2}|[ivx]{1,4})$")
# A legend has at least this many rows (one level's label alone could be a note).
MIN_LEGEND_ROWS = 2


def is_domain_heading(text: str, domains: frozenset[str], vocabulary: Vocabulary) -> bool:
    """Whether ``text`` is a domain's heading: its name, perhaps after "Domain" and a
    number ("DOMAIN 1: POLICY AND GOVERNANCE", "Domain: Victim"), or "Domain 1" alone."""
    key = normalise(text)
    if key in domains:
        return True
    words = key.split()
    worded = False
    for size in (3, 2, 1):  # the longest domain word first ("capability domain")
        if len(words) > size and vocabulary.headers.get(" ".join(words[:size])) == "domain":
            words, worded = words[size:], True
            break
    if worded and " ".join(words) in domains:
        return True  # "Domain: Victim", the name without the number
    if not words or not _DOMAIN_NUMBER.match(words[0]):
        return False
    rest = " ".join(words[1:])
    if not rest:
        return worded and _domain_number(words[0]) in range(1, len(domains) + 1)
    return rest in domains


def is_domain_summary(text: str, domains: frozenset[str], vocabulary: Vocabulary) -> bool:
    """Whether ``text`` is a domain's figure: its heading with a summary word before or after
    it ("Policy and Governance – domain average", "Victim subtotal", "Domain 3 mean")."""
    words = key_of(text).split()
    if not 1 < len(words) <= 8:
        return False
    for size in (3, 2, 1):
        if " ".join(words[-size:]) in vocabulary.summary:
            rest = words[:-size]
        elif " ".join(words[:size]) in vocabulary.summary:
            rest = words[size:]
        else:
            continue
        if rest and is_domain_heading(" ".join(rest), domains, vocabulary):
            return True
    return False


def _domain_number(token: str) -> int:
    if token.isdigit():
        return int(token)
    values = {"i": 1, "v": 5, "x": 10}
    total = 0
    for index, letter in enumerate(token):
        following = values[token[index + 1]] if index + 1 < len(token) else 0
        total += -values[letter] if values[letter] < following else values[letter]
    return total


def is_subtotal_row(sheet: Sheet, row: int) -> bool:
    """Whether a row (with no capability) sums up the rows above it: one of its cells starts
    or ends with a summary word ("Kenya Average", "Grand Total", "Total Kenya")."""
    return any(is_subtotal_label(value) for value in sheet.rows[row])


def is_subtotal_label(value: object) -> bool:
    """Whether a cell starts or ends with a summary word: "Kenya Average", "Grand Total"."""
    if not isinstance(value, str):
        return False
    if is_summary(value):
        return True
    words = key_of(value).split()
    summary = default_vocabulary().summary
    return 1 < len(words) <= 6 and any(" ".join(words[-n:]) in summary for n in (1, 2))


def legend_rows(
    ctx: ReadContext,
    sheet: Sheet,
    columns: Mapping[Field, int],
    catalogue: Catalogue,
    *,
    first: int,
    end: int,
) -> set[int]:
    """The rows of a scale legend among rows ``first`` to ``end - 1`` (with its header row,
    when the row above it names no capability), reported once; empty when there is none."""
    # A key typed in the number or title column ("1 = Not in place"): see ``scale_legend``.
    keys = legend_rows_in(
        ctx, sheet, {columns[f] for f in ("number", catalogue.kind) if f in columns}
    )
    keyed = {row for row in keys if first <= row < end}
    title_column = columns.get(catalogue.kind)
    if title_column is None:
        return keyed
    # "○ | 0 – Not in place": the key of the marks the level cells hold (``mark_keys``).
    keyed |= key_mark_rows(ctx, sheet, title_column, first, end)
    names = level_names(ctx.framework.scale)
    titles = sheet.column(title_column, first, end)
    # Each distinct title looked up once (a long table repeats 21 titles thousands of times).
    label_of = {
        value: level
        for value in set(titles)
        if isinstance(value, str) and (level := names.get(normalise(value))) is not None
    }
    if len(label_of) < MIN_LEGEND_ROWS:
        return keyed  # the usual case
    labelled = [first + offset for offset, value in enumerate(titles) if value in label_of]
    number_column = columns.get("number")
    found: set[int] = set()
    for block in _blocks(labelled):
        levels = [label_of[sheet.value(row, title_column)] for row in block]
        if len(block) < MIN_LEGEND_ROWS or len(set(levels)) != len(levels):
            continue
        if number_column is not None and not all(
            _number_fits(sheet.value(row, number_column), level)
            for row, level in zip(block, levels, strict=True)
        ):
            continue
        found.update(block)
        above = block[0] - 1
        if above >= first and _names_nothing(sheet, above, columns, catalogue):
            found.add(above)
    if found:
        top, bottom = min(found), max(found)
        ctx.add(
            "warning",
            sheet,
            f"{cell_address(top, title_column)}:{cell_address(bottom, title_column)}",
            f"Rows {top + 1} to {bottom + 1} list the levels of the scale (a legend), not "
            "capabilities; they were not read as capabilities.",
            "Nothing to do if they are a legend. To keep the sheet tidy, move the legend to "
            "a sheet of its own.",
        )
    return found | keyed


def _blocks(rows: list[int]) -> list[list[int]]:
    """Consecutive row numbers in runs: [3, 4, 5, 9] -> [[3, 4, 5], [9]]."""
    blocks: list[list[int]] = []
    for row in rows:
        if blocks and blocks[-1][-1] == row - 1:
            blocks[-1].append(row)
        else:
            blocks.append([row])
    return blocks


def _number_fits(value: object, level: int | None) -> bool:
    """A legend row's number cell is blank or its level's number."""
    if is_blank(value):
        return True
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return False
    try:
        return float(str(value).strip()) == level
    except ValueError:
        return False


def _names_nothing(
    sheet: Sheet, row: int, columns: Mapping[Field, int], catalogue: Catalogue
) -> bool:
    """Whether ``row`` is a header naming no capability in its number or title cell (the
    legend's own header: "Score | Label | Meaning")."""
    keys = [sheet.value(row, columns[f]) for f in ("number", catalogue.kind) if f in columns]
    if not any(classify_header(value) is not None for value in keys if isinstance(value, str)):
        return False
    return all(
        is_blank(value) or (isinstance(value, str) and exact_reference(value, catalogue) is None)
        for value in keys
    )
