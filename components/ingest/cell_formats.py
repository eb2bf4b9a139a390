"""What a cell's format says that its value does not: its fill colour, and a strikethrough.

Some people fill a level cell red to green and type nothing in it, with a key of the colours
beside (``colour_levels``); a reviewer strikes a whole level cell through and types the new
level in a "Revised" column (``struck_cells``). The values the reader reads say nothing of
that, so the formats are read here, from the file itself, only when a message or a reading
needs them (an assessment with no level at all; a level table with a correction column):

* xlsx: each cell's style (``s=``) -> its ``cellXfs`` entry's fill -> the pattern's foreground
  colour (``rgb``, or a theme colour with its tint, or a palette index), and its font's
  ``<strike/>``;
* ods: each cell's ``table:style-name`` -> its style's ``fo:background-color`` and
  ``style:text-line-through-style`` (automatic styles in content.xml, named ones in
  styles.xml, a style's parent when it has none);
* xls: each cell record's XF -> its pattern and pattern colour index -> the workbook's palette
  (its PALETTE record, else Excel 97's default), and its FONT's "struck out" flag.

A colour is "#RRGGBB" where the file gives one, else a name that is the same for the same
colour within the file ("theme 4 -0.25"): the key's cells and the level cells are matched
exactly, within one file. Cells with no fill, or a white or "transparent" one, are left out.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from collections.abc import Iterator
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET

from components.ingest.book_errors import ods_cells, xls_records
from components.ingest.sheets import WORKBOOK_KEY, ReadContext
from components.ingest.xls_guard import _record, _workbook_stream
from components.ingest.xlsx_extent import column_index, sheet_paths

Fills = dict[tuple[int, int], str]
# What a cell's format says: (its fill colour or None, whether its text is struck through).
Format = tuple[str | None, bool]
_MEMO_KEY = ("cell formats",)
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>)")
_REFERENCE = re.compile(rb'\sr="([A-Z]{1,3})(\d+)"')
_STYLE_NUMBER = re.compile(rb'\ss="(\d+)"')
_HEX = re.compile(r"#?([0-9A-Fa-f]{6})")
_OFF = ("0", "false", "none")
# White is the paper, not a colour someone chose for a level.
_NO_COLOUR = frozenset({"#FFFFFF"})

# .xls: cell records with (row, column, XF) first; MULBLANK/MULRK carry several XFs.
_XF_CELLS = frozenset({0x0006, 0x0201, 0x0203, 0x027E, 0x00FD, 0x0204, 0x0205, 0x00D6})
_MULBLANK, _MULRK = 0x00BE, 0x00BD
_FONT, _XF, _PALETTE, _EOF = 0x0031, 0x00E0, 0x0092, 0x000A
_STRUCK_OUT = 0x0008  # FONT's option flags
# Excel 97's default palette, indices 8 to 63 (a PALETTE record replaces it).
_XLS_PALETTE = (  # noqa: SIM905 - a palette reads best as its hex codes
    "000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF 800000 008000 000080 808000 "
    "800080 008080 C0C0C0 808080 9999FF 993366 FFFFCC CCFFFF 660066 FF8080 0066CC CCCCFF "
    "000080 FF00FF FFFF00 00FFFF 800080 800000 008080 0000FF 00CCFF CCFFFF CCFFCC FFFF99 "
    "99CCFF FF99CC CC99FF FFCC99 3366FF 33CCCC 99CC00 FFCC00 FF9900 FF6600 666699 969696 "
    "003366 339966 003300 333300 993300 993366 333399 333333"
).split()


def sheet_fills(ctx: ReadContext, sheet_name: str | None) -> Fills:
    """(row, column) -> colour of the sheet's filled cells (0-based; empty for a csv, a sheet
    not found, or a file that cannot be looked into). Read once per file."""
    if sheet_name is None:
        return {}
    return all_fills(ctx).get(sheet_name, {})


def all_fills(ctx: ReadContext) -> dict[str, Fills]:
    """Every sheet's fills, by sheet name."""
    return {
        name: {at: fill for at, (fill, _) in cells.items() if fill is not None}
        for name, cells in _formats(ctx).items()
    }


def struck_cells(ctx: ReadContext, sheet_name: str | None) -> set[tuple[int, int]]:
    """The (row, column) of the sheet's cells whose whole text is struck through."""
    cells = _formats(ctx).get(sheet_name or "", {})
    return {at for at, (_, struck) in cells.items() if struck}


def rgb(colour: str) -> tuple[int, int, int] | None:
    """The red, green and blue of a "#RRGGBB" colour; ``None`` for a theme's or a palette's."""
    if len(colour) != 7 or not colour.startswith("#"):
        return None
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _formats(ctx: ReadContext) -> dict[str, dict[tuple[int, int], Format]]:
    if _MEMO_KEY not in ctx.memo:
        kind, data = ctx.memo.get(WORKBOOK_KEY, (None, b""))
        try:
            found = _READERS[kind](data) if kind in _READERS else {}
        except Exception:  # noqa: BLE001 - formats are a last resort: never break the read
            found = {}
        ctx.memo[_MEMO_KEY] = found
    return ctx.memo[_MEMO_KEY]  # type: ignore[no-any-return]


def _kept(colour: str | None) -> str | None:
    return None if colour is None or colour in _NO_COLOUR else colour


# ------------------------------------------------------------------------------ xlsx
def _xlsx_formats(data: bytes) -> dict[str, dict[tuple[int, int], Format]]:
    found: dict[str, dict[tuple[int, int], Format]] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        format_of = _xlsx_styles(archive)
        if not format_of:
            return found
        for path, name in sheet_paths(archive).items():
            cells = found.setdefault(name, {})
            for cell in _CELL.finditer(archive.read(path)):
                style = _STYLE_NUMBER.search(cell[1])
                reference = _REFERENCE.search(cell[1])
                if style and reference and (shown := format_of.get(int(style[1]))):
                    cells[int(reference[2]) - 1, column_index(reference[1])] = shown
    return found


def _xlsx_styles(archive: zipfile.ZipFile) -> dict[int, Format]:
    """Cell style number -> its fill colour and strikethrough, for styles with either."""
    try:
        styles = SafeET.fromstring(archive.read("xl/styles.xml"))
    except KeyError:
        return {}
    fills: list[str | None] = []
    for fill in _children(styles, "fills"):
        pattern = fill.find(f"{_MAIN}patternFill")
        kind = pattern.get("patternType") if pattern is not None else None
        colour = pattern.find(f"{_MAIN}fgColor") if pattern is not None else None
        if kind in (None, "none", "gray125") or colour is None:
            fills.append(None)
        else:
            fills.append(_kept(_xlsx_colour(colour)))
    struck = [
        (strike := font.find(f"{_MAIN}strike")) is not None
        and strike.get("val", "1").lower() not in _OFF
        for font in _children(styles, "fonts")
    ]
    found = {}
    for number, xf in enumerate(_children(styles, "cellXfs")):
        fill, font = int(xf.get("fillId", "0") or 0), int(xf.get("fontId", "0") or 0)
        shown = (fills[fill] if fill < len(fills) else None, font < len(struck) and struck[font])
        if shown[0] is not None or shown[1]:
            found[number] = shown
    return found


def _children(styles: Element, name: str) -> list[Element]:
    part = styles.find(f"{_MAIN}{name}")
    return list(part) if part is not None else []


def _xlsx_colour(colour: Element) -> str | None:
    if (value := colour.get("rgb")) and (hexed := _HEX.fullmatch(value[-6:])):
        return f"#{hexed[1].upper()}"
    if (theme := colour.get("theme")) is not None:
        return f"theme {theme} {colour.get('tint', '0')}"
    if (index := colour.get("indexed")) is not None and index.isdigit():
        number = int(index)
        if 8 <= number < 8 + len(_XLS_PALETTE):
            return f"#{_XLS_PALETTE[number - 8]}"
        return None  # 64: the system's window colour, no fill chosen
    return None


# ------------------------------------------------------------------------------ ods
def _ods_formats(data: bytes) -> dict[str, dict[tuple[int, int], Format]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content = archive.read("content.xml")
        try:
            named = archive.read("styles.xml")
        except KeyError:
            named = b""
    if not any(
        w in part for w in (b"background-color", b"line-through") for part in (content, named)
    ):
        return {}
    styles: dict[str, tuple[str | None, str | None, str | None]] = {}
    for part in (named, content):
        if part:
            for style in SafeET.fromstring(part).iter(f"{_STYLE}style"):
                cell = style.find(f"{_STYLE}table-cell-properties")
                text = style.find(f"{_STYLE}text-properties")
                styles[style.get(f"{_STYLE}name", "")] = (
                    None if cell is None else cell.get(f"{_FO}background-color"),
                    None if text is None else text.get(f"{_STYLE}text-line-through-style"),
                    style.get(f"{_STYLE}parent-style-name"),
                )
    formats = {name: _ods_format(styles, name) for name in styles}

    def format_of(cell: Element) -> Format | None:
        shown = formats.get(cell.get(f"{_TABLE}style-name", ""))
        return shown if shown and (shown[0] is not None or shown[1]) else None

    return ods_cells(content, format_of)


def _ods_format(
    styles: dict[str, tuple[str | None, str | None, str | None]], name: str | None
) -> Format:
    colour: str | None = None
    line: str | None = None
    for _ in range(8):  # a parent chain is short; a loop in a hostile file is cut
        if name is None or name not in styles:
            break
        own_colour, own_line, name = styles[name]
        colour = colour if colour is not None else own_colour
        line = line if line is not None else own_line
    hexed = _HEX.fullmatch(colour.strip()) if colour else None  # not "transparent"
    return _kept(f"#{hexed[1].upper()}") if hexed else None, (line or "none") not in _OFF


# ------------------------------------------------------------------------------ xls
def _xls_formats(data: bytes) -> dict[str, dict[tuple[int, int], Format]]:
    xf_formats = _xls_xf_formats(data)
    found: dict[str, dict[tuple[int, int], Format]] = {}
    if not xf_formats:
        return found
    for name, kind, payload in xls_records(data, _XF_CELLS | {_MULBLANK, _MULRK}):
        cells = found.setdefault(name, {})
        for row, column, xf in _xls_cells(kind, payload):
            if shown := xf_formats.get(xf):
                cells[row, column] = shown
    return found


def _xls_cells(kind: int, payload: bytes) -> Iterator[tuple[int, int, int]]:
    if kind in _XF_CELLS and len(payload) >= 6:
        yield struct.unpack_from("<HHH", payload)
    elif kind in (_MULBLANK, _MULRK) and len(payload) >= 6:
        row, first = struct.unpack_from("<HH", payload)
        step = 2 if kind == _MULBLANK else 6
        for i, at in enumerate(range(4, len(payload) - 2 - step + 1, step)):
            yield row, first + i, struct.unpack_from("<H", payload, at)[0]


def _xls_xf_formats(data: bytes) -> dict[int, Format]:
    """XF index -> its fill colour and strikethrough, from the workbook's globals."""
    stream = _workbook_stream(data)
    palette = list(_XLS_PALETTE)
    struck: list[bool] = []  # per FONT record
    xfs: list[tuple[int, int, int]] = []  # (font, pattern, colour index) per XF
    position = 0
    while position < len(stream):
        kind, start, length = _record(stream, position)
        payload = stream[start : start + length]
        if kind == _FONT and length >= 4:
            struck.append(bool(struct.unpack_from("<H", payload, 2)[0] & _STRUCK_OUT))
        elif kind == _XF and length >= 20:
            pattern = (struct.unpack_from("<I", payload, 14)[0] >> 26) & 0x3F
            font = struct.unpack_from("<H", payload)[0]
            xfs.append((font, pattern, struct.unpack_from("<H", payload, 18)[0] & 0x7F))
        elif kind == _PALETTE and length >= 2:
            count = struct.unpack_from("<H", payload)[0]
            for i in range(min(count, len(palette), (length - 2) // 4)):
                red, green, blue = payload[2 + 4 * i : 5 + 4 * i]
                palette[i] = f"{red:02X}{green:02X}{blue:02X}"
        elif kind == _EOF:
            break
        position = start + length
    found = {}
    for xf, (number, pattern, index) in enumerate(xfs):
        # Font 4 does not exist in BIFF: the records after the fourth are numbered from 5.
        font = number - 1 if number > 4 else number
        colour = None
        if pattern and 8 <= index < 8 + len(palette):
            colour = _kept(f"#{palette[index - 8]}")
        shown = (colour, font < len(struck) and struck[font])
        if colour is not None or shown[1]:
            found[xf] = shown
    return found


_READERS = {"xlsx": _xlsx_formats, "ods": _ods_formats, "xls": _xls_formats}
