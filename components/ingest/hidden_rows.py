"""The rows an xlsx sheet hides: old rows hidden instead of deleted.

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


def hidden_rows(xlsx: bytes | None, sheet: str | None) -> frozenset[int]:
    """The 1-based numbers of the rows ``sheet`` of the xlsx ``xlsx`` hides (none for
    another kind of file)."""
    if xlsx is None or sheet is None:
        return frozenset()
    return _hidden(xlsx).get(sheet, frozenset())


@lru_cache(maxsize=4)
def _hidden(xlsx: bytes) -> dict[str, frozenset[int]]:
    return each_sheet(xlsx, _hidden_in)


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


def each_sheet(
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
