"""DIF (Data Interchange Format, .dif): a sheet as a header, then its values two lines each.

VisiCalc's format, still written by Excel ("Save As > DIF (Data Interchange Format)"),
LibreOffice, Gnumeric and statistics offices' older tools, and uploaded as .dif or, by tools
that name it so, .txt::

    TABLE            a header item: its name, then "0,<number>", then a quoted text
    0,1
    "EXCEL"
    VECTORS          columns
    0,4
    ""
    TUPLES           rows
    0,25
    ""
    DATA             the last header item: the values follow
    0,0
    ""
    -1,0             a row begins
    BOT
    1,0              a text
    "Country"
    0,2023           a number, "V" its value ("NA", "ERROR", "TRUE", "FALSE" otherwise)
    V
    -1,0             the end
    EOD

``dif_sheets`` reads it as one ``BookSheet`` (``markup_books`` writes it as the .xlsx it is
then read as): each ``BOT`` starts a row, each value the next column, a text's quotes taken off
(a quote inside written twice), a number with ``V`` a number, ``TRUE``/``FALSE`` a truth
value, ``NA`` and ``ERROR`` error cells (#N/A, #VALUE!), an empty text an empty cell. Excel
writes its rows as tuples, as every program since does; the header's counts are not trusted
(the values are counted as they come).

Reading costs no more than the file's lines: values past the row or column limits are dropped
by ``BookSheet`` (but for the first, so the reader says the sheet was cut), and reading stops
at the first row past the row limit.
"""

from __future__ import annotations

import math
import re
from typing import Any

from components.ingest.book_sheets import BookSheet, ErrorValue, new_sheet
from components.ingest.limits import ReadLimits
from components.ingest.refusals import FileRejected
from components.ingest.text_encoding import decode_text

#: The kind ``check_upload`` names this format (read as the .xlsx made of it: ``markup_books``).
DIF = "dif"

_LINE_END = re.compile(r"\r\n|\r|\n")
# The first header item, as every writer puts it first: TABLE, "0,1", its title.
_TABLE = re.compile(r'TABLE[ \t]*\r?\n[ \t]*0[ \t]*,[ \t]*1[ \t]*\r?\n[ \t]*"', re.IGNORECASE)
# The last one, after which the values come: DATA, "0,0", an empty text.
_DATA = re.compile(r"(?:^|\n|\r)DATA[ \t]*\r?\n[ \t]*0[ \t]*,[ \t]*0[ \t]*\r?\n", re.IGNORECASE)
_SPECIAL, _NUMBER, _TEXT = -1, 0, 1
_INDICATORS = {"NA": ErrorValue("#N/A"), "ERROR": ErrorValue("#VALUE!"), "TRUE": True}
_INDICATORS["FALSE"] = False


def is_dif(head: str) -> bool:
    """Whether ``head`` (a file's first text) is a DIF file: its TABLE item, then DATA."""
    return _TABLE.match(head) is not None and _DATA.search(head) is not None


def dif_sheets(data: bytes, limits: ReadLimits) -> list[BookSheet]:
    """The one sheet of the DIF file ``data``, within ``limits``. Raises ``FileRejected`` for a
    file whose values do not start, or that holds none."""
    text = decode_text(data).text.lstrip("\ufeff")
    lines = _LINE_END.split(text)
    start = _values_start(lines)
    if start is None:
        raise _damaged()
    sheet = new_sheet("Sheet1", limits)
    row, column = -1, 0
    index = start
    while index + 1 < len(lines):
        kind, _, number = lines[index].partition(",")
        value_line = lines[index + 1]
        index += 2
        kind = kind.strip()
        if kind == str(_SPECIAL):
            word = value_line.strip().upper()
            if word == "EOD":
                break
            if word == "BOT":
                row, column = row + 1, 0
                if row > limits.max_rows_per_sheet:
                    break  # one row past the limit is kept, so the reader says so
            continue
        row = max(row, 0)  # values before any BOT: the first row, as Excel reads them
        if kind == str(_NUMBER):
            sheet.put(row, column, _number(number, value_line))
        elif kind == str(_TEXT):
            sheet.put(row, column, _text(value_line))
        else:
            raise _damaged()
        column += 1
    if not sheet.cells:
        raise FileRejected(
            "This DIF file (.dif) holds no value, so there is nothing to read.",
            _FIX,
            kind="no_sheets",
        )
    return [sheet]


def _values_start(lines: list[str]) -> int | None:
    """The index of the first value's line: after the header's DATA item (its three lines)."""
    for index, line in enumerate(lines):
        if line.strip().upper() == "DATA" and index + 2 < len(lines):
            return index + 3
        # Header items come three lines each; a file of thousands of them is no DIF header.
        if index > 3 * 64:
            return None
    return None


def _number(number: str, indicator: str) -> Any:
    """A numeric value: its number when its indicator is ``V``, else what the indicator says."""
    word = indicator.strip().upper()
    if word != "V":
        return _INDICATORS.get(word, ErrorValue("#VALUE!"))
    text = number.strip()
    try:
        value = float(text)
    except ValueError:
        return text or None
    if not math.isfinite(value):
        return text
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def _text(line: str) -> str | None:
    """A text value without its quotes (a quote inside written twice); ``None`` when empty."""
    text = line.strip()
    if len(text) >= 2 and text.startswith('"') and text.endswith('"'):
        text = text[1:-1].replace('""', '"')
    return text or None


_FIX = (
    "Open it in Excel or LibreOffice to check it, save it as an Excel Workbook (.xlsx), and "
    "upload that file."
)


def _damaged() -> FileRejected:
    return FileRejected(
        "This DIF file (.dif) is damaged or incomplete: its values are not written as the "
        "format lays them out, so it could not be read.",
        _FIX,
        kind="damaged",
    )
