"""The marks programs write where a value is missing: "NULL", "\\N", ".", "NaN" and #N/A.

A table written by a program, not typed, has a mark in each cell whose value is missing:

* ``NULL``: SQL Server Management Studio's "Save Results As" csv, its results grid copied and
  pasted into Excel, and most database tools' exports (also ``(null)``, ``<null>``, ``[NULL]``
  as some clients show it);
* ``\\N``: MySQL's ``SELECT … INTO OUTFILE`` and PostgreSQL's ``COPY … TO`` in text format;
* ``.``: SAS (``PROC EXPORT``, ``ODS EXCEL``) and Stata for a missing number, and their special
  missing values ``.A`` to ``.Z`` and ``._`` (SAS), ``.a`` to ``.z`` (Stata);
* ``NaN``: pandas and NumPy, when a missing number was written as text;
* ``#N/A`` typed in the cell, with no formula behind it: R's openxlsx (``keepNA = TRUE``), Go's
  excelize and JavaScript writers (``marked_levels`` tells it from a lookup's failed result).

R's ``NA`` and people's "n/a" are the vocabulary's "not assessed" words, read as such already.

In a level cell such a mark is the program's "no value": the capability was not assessed. It
is never a level, and never 0 (``marked_levels`` reads it so, with one warning per file naming
the mark and how many cells hold it). ``mark_verdict`` is what ``values.parse_level`` gives such
a cell (through ``level_cells.whole_cell``): no level, with a warning that names the mark.

**NULL or the German word for zero.** "null" is also zero in German, and ``spelt_levels``
reads a number word alone in a level column as its number ("deux": 2). A careful reader of a
table whose missing levels say NULL, beside levels written as digits, reads "no value": that
is what a database export looks like, and a German who writes digits writes 0, not "Null". Only
a German who writes the levels out in words writes "Null" for 0, and then the other levels are
words too ("eins", "zwei", "drei", "vier"). So NULL, in any case, is "no value", unless the same
level column (or the assessment's row of a wide table) holds one of those German number words:
then it is the German zero, as before (``marked_levels.read_marked``). German headers alone
("Land", "Stufe") do not decide it: a German database export writes NULL as any other does.
"""

from __future__ import annotations

import re
from typing import Any

from components.base.text import normalise

# A cell's text, stripped and lower-cased -> the mark as messages name it.
_MARKS = {
    "null": "NULL",
    "(null)": "NULL",
    "<null>": "NULL",
    "[null]": "NULL",
    "\\n": "\\N",
    ".": ".",
    "nan": "NaN",
}
# SAS's special missing values (.A to .Z, ._) and Stata's (.a to .z): missing, as "." is.
_SPECIAL_MISSING = re.compile(r"\.[A-Za-z_]")
# The mark of an #N/A typed in a workbook's cell with no formula behind it.
TYPED_NA = "#N/A"

# Who writes each mark, as a message says it.
WRITERS = {
    "NULL": "databases write for a value that is missing (SQL Server's “Save Results As”, "
    "its results grid pasted into Excel, and most database exports)",
    "\\N": "MySQL and PostgreSQL exports write for a value that is missing",
    ".": "SAS and Stata write for a missing number",
    "NaN": "pandas and NumPy write for a missing number",
    TYPED_NA: "R's openxlsx and other programs write for a missing value (typed in the cell, "
    "with no formula behind it)",
}

# The German number words of the scale besides "null": a level column holding one writes its
# levels in German words, and its "null" is 0.
GERMAN_WORDS = frozenset({"eins", "zwei", "drei", "vier"})

_LONGEST = max(map(len, _MARKS))


def missing_mark(value: Any) -> str | None:
    """The mark a cell holds ("NULL", "\\N", ".", "NaN"), else ``None`` (for any other value,
    and for anything that is not text)."""
    if not isinstance(value, str) or len(value) > _LONGEST + 4:
        return None
    text = value.strip()
    found = _MARKS.get(text.lower())
    if found is not None:
        return found
    return "." if _SPECIAL_MISSING.fullmatch(text) else None


def is_null(value: Any) -> bool:
    """Whether the cell holds NULL, which may be the German zero (see the module)."""
    return missing_mark(value) == "NULL"


def is_german_word(value: Any) -> bool:
    """Whether the cell holds a German number word of the scale other than "null"."""
    return isinstance(value, str) and len(value) < 12 and normalise(value) in GERMAN_WORDS


def mark_verdict(text: str) -> tuple[None, str, str, str] | None:
    """(no level, no error, a warning naming the mark, its fix) for a level cell holding a
    mark, as ``values.parse_level`` wraps it; ``None`` for any other text."""
    mark = missing_mark(text)
    if mark is None:
        return None
    return (
        None,
        "",
        f"“{text.strip()}” was read as not assessed: it is the mark {WRITERS[mark]}",
        "Nothing to do if the capability was not assessed; otherwise write its level.",
    )
