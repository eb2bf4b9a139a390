"""The rows and columns an xlsx sheet hides: old rows hidden instead of deleted, and a
drop-down list's source hidden beside a title (``title_rows``).

People hide last round's rows below the current ones rather than delete them. When such a
hidden row gives a capability again (``twice``), the visible row is the one the person sees
and means; the hidden one is left, with a warning.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from functools import lru_cache

from components.ingest.xlsx_extent import sheet_paths

_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_NUMBER = re.compile(rb'\br="(\d+)"')
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_COL_TAG = re.compile(rb"<(?:\w+:)?col\b([^>]*)/?>")
_MIN = re.compile(rb'\bmin="(\d+)"')
_MAX = re.compile(rb'\bmax="(\d+)"')
_CHUNK = 1 << 16
# Past this many hidden columns a range is a formatting of the whole sheet, not a list's place.
_MAX_HIDDEN = 1000


def hidden_rows(xlsx: bytes | None, sheet: str | None) -> frozenset[int]:
    """The 1-based numbers of the rows ``sheet`` of the xlsx ``xlsx`` hides (none for
    another kind of file)."""
    return _of_sheet(_hidden, xlsx, sheet)


def hidden_columns(xlsx: bytes | None, sheet: str | None) -> frozenset[int]:
    """The 0-based columns ``sheet`` of the xlsx ``xlsx`` hides (none for another file)."""
    return _of_sheet(_hidden_columns, xlsx, sheet)


def _of_sheet(
    per_sheet: Callable[[bytes], dict[str, frozenset[int]]], xlsx: bytes | None, sheet: str | None
) -> frozenset[int]:
    if xlsx is None or sheet is None:
        return frozenset()
    return per_sheet(xlsx).get(sheet, frozenset())


@lru_cache(maxsize=4)
def _hidden(xlsx: bytes) -> dict[str, frozenset[int]]:
    return _each_sheet(xlsx, _hidden_in)


def _hidden_in(archive: zipfile.ZipFile, path: str) -> frozenset[int]:
    xml = archive.read(path)
    if b'hidden="' not in xml:
        return frozenset()
    rows = set()
    for tag in _ROW_TAG.finditer(xml):
        number = _NUMBER.search(tag.group(1))
        if number and _HIDDEN.search(tag.group(1)):
            rows.add(int(number.group(1)))
    return frozenset(rows)


def _each_sheet(
    xlsx: bytes, find: Callable[[zipfile.ZipFile, str], frozenset[int]]
) -> dict[str, frozenset[int]]:
    """``find(archive, part)`` for each worksheet of an xlsx, by the sheet's name: the sheets
    where it found something (none for a file that is no xlsx)."""
    found: dict[str, frozenset[int]] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(xlsx)) as archive:
            for path, name in sheet_paths(archive).items():
                if numbers := find(archive, path):
                    found[name] = numbers
    except (KeyError, zipfile.BadZipFile, OSError):
        return {}
    return found


@lru_cache(maxsize=4)
def _hidden_columns(xlsx: bytes) -> dict[str, frozenset[int]]:
    return _each_sheet(xlsx, _hidden_columns_in)


def _hidden_columns_in(archive: zipfile.ZipFile, path: str) -> frozenset[int]:
    columns: set[int] = set()
    for tag in _COL_TAG.finditer(_head(archive, path)):
        attributes = tag.group(1)
        low, high = _MIN.search(attributes), _MAX.search(attributes)
        if not _HIDDEN.search(attributes) or low is None:
            continue
        first = int(low.group(1))
        last = int(high.group(1)) if high else first
        if last - first < _MAX_HIDDEN:
            columns.update(range(first - 1, last))
    return frozenset(columns)


def _head(archive: zipfile.ZipFile, path: str) -> bytes:
    """A sheet's part up to its cells: the columns are declared before them, so a long
    sheet's cells are never unpacked for this."""
    head = b""
    with archive.open(path) as part:
        while (chunk := part.read(_CHUNK)) and b"<sheetData" not in head[-_CHUNK - 16 :]:
            head += chunk
    return head[: head.find(b"<sheetData")] if b"<sheetData" in head else head
