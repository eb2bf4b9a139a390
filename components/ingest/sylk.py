"""SYLK (Symbolic Link, .slk): a sheet as lines of records, as Excel, LibreOffice and older
tools write it.

Excel's "Save As > SYLK (Symbolic Link)" (also Excel for Mac's, with CR line ends), LibreOffice
Calc's and many older statistics and database tools write it; people upload it as .slk, and as
.csv when a tool named it so::

    ID;PWXL;N;E
    P;PGeneral
    P;P0%
    F;P1;FG0G;Y2;X3
    C;Y1;X1;K"Country"
    C;X2;K"Nepal"
    C;Y2;X1;K"Year"
    C;X2;K2023
    C;X3;K0.5;ER1C1/2
    E

``sylk_sheets`` reads its one sheet as a ``BookSheet`` (``markup_books`` writes it as the .xlsx
it is then read as): a ``C`` record's ``K`` value at its ``Y`` row and ``X`` column (each, when
left out, the one the record before, a ``C`` or an ``F``, was at, as the format allows), text
``K"..."`` (``;;`` a semicolon, ``""`` a quote, Excel's ``ESC`` sequences for letters outside
ASCII), numbers, ``TRUE``/``FALSE``, error values (``#N/A``); a formula's (``E``) saved value,
or, with none saved, the formula (said by ``formulas`` as any formula without a result);
a comment (``A``) as the cell's note; the number format an ``F`` record gives a cell (a ``P``
record's, or its ``F`` field's percent), so percentages and dates read as an .xlsx's do.
Records of other kinds (fonts, widths, names, window settings) are left out; ``E`` ends it.

Reading costs no more than the file's lines: a cell past the row or column limit is dropped by
``BookSheet`` (but for the first, so the reader says the sheet was cut), and a row or column
number of a thousand digits is read as far past the limits, never converted whole.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

from components.ingest.book_sheets import BookSheet, ErrorValue, Formula, new_sheet
from components.ingest.limits import ReadLimits
from components.ingest.refusals import FileRejected
from components.ingest.text_encoding import decode_text

#: The kind ``check_upload`` names this format (read as the .xlsx made of it: ``markup_books``).
SYLK = "sylk"

_LINE_END = re.compile(r"\r\n|\r|\n")
# The first record: "ID", then fields that name the program ("PWXL", "PCALCOOO32") and options.
_ID_RECORD = re.compile(r"ID(?:;[A-Z][^;\r\n]*)*[ \t]*(?:\r\n|\r|\n)")
# Any other record: its kind, then its fields or nothing ("E").
_RECORD = re.compile(r"(?:C|F|P|B|O|E|W|NN|NU|NE|NL)(?:;|[ \t]*$)")
# How many records after the first are looked at, and how many must be records.
_SNIFF_RECORDS = 40
_MIN_RECORD_SHARE = 0.9
# A field: characters other than ";", or ";;" (a semicolon in it).
_FIELD = re.compile(r"(?:[^;]|;;)*")
_ERRORS = frozenset(
    {"#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#GETTING_DATA"}
)
# Excel's escapes for characters of its code page: ESC, "N", then an accent and a letter
# (grave, acute, circumflex, tilde, diaeresis, ring, cedilla) or a sign of its own; or ESC and
# two characters that give a byte (``\x1b :`` a line break).
_ESCAPE = re.compile(r"\x1bN(?:([ABCDHJK])([A-Za-z ])|(.))|\x1b([\x20-\x2f])([\x30-\x3f])")
_ACCENTS = {
    "A": "\u0300",
    "B": "\u0301",
    "C": "\u0302",
    "D": "\u0303",
    "H": "\u0308",
    "J": "\u030a",
    "K": "\u0327",
}
# The accents alone (a letter's accent followed by a space): their own signs.
_LONE_ACCENTS = {"A": "`", "B": "´", "C": "^", "D": "~", "H": "¨", "J": "°", "K": "¸"}
# ESC N and one character: the Windows-1252 byte it stands for (SheetJS's notes on SYLK).
_SIGNS = dict(
    zip(
        "*&)P!\"#(%'Sc+R0123567Qk;<=>?abijlqsyz{|9",
        b"\x22\x23\x27\x2d\xa1\xa2\xa3\xa4\xa5\xa7\xa9\xaa\xab\xae\xb0\xb1\xb2\xb3\xb5\xb6\xb7"
        b"\xb9\xba\xbb\xbc\xbd\xbe\xbf\xc6\xd0\xd8\x8c\xde\xe6\xf0\xf8\x9c\xdf\xfe\x27",
        strict=True,
    )
)
# A P record's format that shows a date: a day, month or year code outside quotes.
_DATE_CODES = re.compile(r"[dmy]", re.IGNORECASE)
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
_DAYS_1904 = 1462  # between Excel's two day zeros (1900 and Excel for Mac's 1904)


def is_sylk(head: str) -> bool:
    """Whether ``head`` (a file's first text) is a SYLK file: an ``ID`` record, then records.

    A semicolon-separated CSV whose first cell is "ID" ("ID;Country;Year") is not one: its
    next lines are no records."""
    first = _ID_RECORD.match(head.lstrip("\ufeff"))
    if first is None:
        return False
    lines = _LINE_END.split(head[first.end() :], _SNIFF_RECORDS + 1)[:_SNIFF_RECORDS]
    lines = [line for line in lines if line.strip()]
    records = sum(1 for line in lines if _RECORD.match(line))
    has_cells = any(line.startswith("C;") for line in lines)
    return has_cells and records >= _MIN_RECORD_SHARE * len(lines)


def sylk_sheets(data: bytes, limits: ReadLimits) -> list[BookSheet]:
    """The one sheet of the SYLK file ``data``, within ``limits``. Raises ``FileRejected`` for
    a file without a cell."""
    decoded = decode_text(data)
    reading = _Reading(new_sheet("Sheet1", limits), decoded.encoding or "cp1252")
    for line in _LINE_END.split(decoded.text.lstrip("\ufeff")):
        kind, _, rest = line.partition(";")
        if kind == "E" and not rest.strip():
            break
        if kind in {"C", "F", "P", "O"}:
            reading.record(kind, _fields(rest))
    if not reading.sheet.cells:
        raise FileRejected(
            "This SYLK file (.slk) holds no cell, so there is nothing to read.",
            "Open it in Excel or LibreOffice to check it, save it as an Excel Workbook "
            "(.xlsx), and upload that file.",
            kind="no_sheets",
        )
    return [reading.sheet]


class _Reading:
    """Where the records leave the reading: the current row and column, the formats."""

    def __init__(self, sheet: BookSheet, code_page: str) -> None:
        self.sheet = sheet
        self.code_page = code_page
        self.row = 0  # 0-based, as a C or F record last gave it
        self.column = 0
        self.formats: list[str] = []  # the P records' number formats, in order
        self.cell_formats: dict[tuple[int, int], str] = {}
        self.column_formats: dict[int, str] = {}
        self.mac_dates = False

    def record(self, kind: str, fields: list[str]) -> None:
        if kind == "P":
            for field in fields:
                if field.startswith("P"):
                    self.formats.append(self._text(field[1:]))
            return
        if kind == "O":
            self.mac_dates = self.mac_dates or "V4" in fields
            return
        named = {field[:1]: field[1:] for field in fields if field}
        self.row = _place(named.get("Y"), self.row)
        self.column = _place(named.get("X"), self.column)
        if kind == "F":
            self._format(named)
        else:
            self._cell(named)

    def _format(self, named: dict[str, str]) -> None:
        shown = self._format_of(named)
        if shown is None:
            return
        if "C" in named and "Y" not in named:  # "F;C3;P1": a column's format
            self.column_formats[_place(named["C"], 0)] = shown
        elif "X" in named or "Y" in named:
            self.cell_formats[self.row, self.column] = shown

    def _format_of(self, named: dict[str, str]) -> str | None:
        """The number format an F record gives: a P record's (``P1``), or its ``F`` field's
        percent ("F%0R"); ``None`` for the general one."""
        index = named.get("P")
        if index is not None and index.isdigit() and int(index) < len(self.formats):
            shown = self.formats[int(index)]
            if "%" in shown or _DATE_CODES.search(_QUOTED.sub("", shown)):
                return shown
        # The F field: a format's letter, its decimals, its alignment ("F%0R", "FG0G").
        return "0%" if named.get("F", "").startswith("%") else None

    def _cell(self, named: dict[str, str]) -> None:
        value: Any = None
        if "K" in named:
            value = self._value(named["K"])
        elif "E" in named:
            value = Formula(self._text(named["E"]))  # no saved result
        place = (self.row, self.column)
        shown = self.cell_formats.get(place) or self.column_formats.get(self.column)
        if isinstance(value, float | int) and not isinstance(value, bool) and shown is not None:
            if self.mac_dates and "%" not in shown:
                value += _DAYS_1904
        else:
            shown = None
        self.sheet.put(self.row, self.column, value, shown)
        if "A" in named:
            self.sheet.note(self.row, self.column, _unquoted(self._text(named["A"])))

    def _value(self, raw: str) -> Any:
        text = raw.strip()
        if text.startswith('"'):
            return _unquoted(self._text(text)) or None
        if text in {"TRUE", "FALSE"}:
            return text == "TRUE"
        if text.upper() in _ERRORS:
            return ErrorValue(text.upper())
        try:
            number = float(text)
        except ValueError:
            return self._text(text) or None
        if not math.isfinite(number):
            return text
        return int(number) if number.is_integer() and abs(number) < 2**53 else number

    def _text(self, text: str) -> str:
        """``text`` with Excel's escapes for characters of its code page undone."""
        if "\x1b" not in text:
            return text
        return _ESCAPE.sub(lambda found: _unescape(found, self.code_page), text)


def _unescape(found: re.Match[str], code_page: str) -> str:
    accent, letter, sign, high, low = found.groups()
    if accent is not None:
        if letter == " ":
            return _LONE_ACCENTS[accent]
        return _compose(letter + _ACCENTS[accent])
    if sign is not None:
        byte = _SIGNS.get(sign)
        return "" if byte is None else bytes([byte]).decode("cp1252", errors="replace")
    byte = ((ord(high) - 0x20) << 4) | (ord(low) - 0x30)
    return bytes([byte]).decode(code_page, errors="replace")


def _compose(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _unquoted(text: str) -> str:
    """A quoted SYLK text without its quotes (a quote inside written twice)."""
    if len(text) >= 2 and text.startswith('"') and text.endswith('"'):
        return text[1:-1].replace('""', '"')
    return text.strip('"')


def _fields(rest: str) -> list[str]:
    """A record's fields after its kind: split at single semicolons, ``;;`` a semicolon."""
    fields = []
    position, end = 0, len(rest)
    while position <= end:
        found = _FIELD.match(rest, position)
        assert found is not None  # noqa: S101 - the pattern matches the empty string
        fields.append(found.group().replace(";;", ";"))
        position = found.end() + 1
    return fields


def _place(value: str | None, current: int) -> int:
    """A 1-based row or column number as a 0-based place; ``current`` when none is given. A
    number past a billion is read as a billion (past every limit), never converted whole."""
    if value is None:
        return current
    text = value.strip()
    if not text.isdigit() or not text.lstrip("0"):
        return current
    digits = text.lstrip("0")
    return (min(int(digits), 10**9) if len(digits) <= 10 else 10**9) - 1
