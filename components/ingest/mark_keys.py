"""Levels drawn as marks with a key: stars ("★★★☆"), Harvey balls ("◑") or Roman numerals.

A scorecard shows each level as a mark and gives the key once: beside the table ("★★☆☆ = 2
Developing"), in a row above it ("Key: ○ 0 Not in place | ◔ 1 Building | …"), in rows below
it (the mark in one cell, "2 – Developing" in the next), in a text box, or in a line of text
("Levels: 0 = not in place, I = building, II = developing, …", "rated from Level 0 (not in
place) to Level IV (mature)"). A key's entry is a mark followed by a level of the framework's
scale (its number, its label or both, in any language the labels are read in).

With a key, a level cell holding one of its marks is that level, said once per assessment with
where the key is. A mark the key gives two levels is read by neither. Stars or balls with no
key (a five-star rating) stay refused: how many stars a level is, is for the file to say.
Smartsheet's Harvey balls export as words ("Empty", "Quarter", "Half", "Three Quarter",
"Full"): read as the balls they stand for (``ball_words``). Roman numerals are read only when
the file writes the framework's levels in them (an entry
whose numeral is its level's own number, "IV = mature", and none that is not, "I = not in
place"): then each numeral up to the scale's top is its number ("Level III" is level 3).
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from typing import Any

from components.base.text import normalise
from components.framework.model import Scale
from components.ingest.ball_words import ball_of_word, with_balls
from components.ingest.own_scale import SHEETS_KEY
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.values import LevelReading, parse_level

_MEMO = ("keys of level marks",)
_SYMBOLS = "★☆✩✪⭐✭✮✯✰○◔◑◕●◯⬤◌"
# A mark: a run of symbols (stars, balls) or a Roman numeral standing as a word.
_MARK = re.compile(rf"[{_SYMBOLS}]{{1,10}}|(?<![^\W\d_])[IVX]{{1,4}}(?![^\W\d_])")
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9}
# The words between a mark and its level: "=", "–", "(", "Level".
_BETWEEN = re.compile(r"^[\s=:–—\-→(]+|[\s).]+$")
_CONNECTOR = re.compile(r"\s+(?:to|à|a|au|hasta|até|level|niveau|nivel|nível)\s*$", re.IGNORECASE)
_LEVEL_WORD = re.compile(r"^(?:level|niveau|nivel|nível|nivell|niv|lvl|l)\s*[:.#]?\s*", re.I)
_LONGEST = 60
_WORD = re.compile(r"[^\W\d_]{2,}")
KEYED_FIX = (
    "Check that the key gives each mark its level; to be sure, write each level as its number "
    "(0 to 4)."
)


def keyed_mark(ctx: ReadContext, value: Any) -> LevelReading | None:
    """The level a key of the workbook gives the mark in a level cell ("★★★☆", "◑", "IV",
    "Level IV"), said once per assessment; ``None`` when the cell is no mark or no key
    gives it one."""
    if not isinstance(value, str) or len(value) > _LONGEST:
        return None
    mark = ball_of_word(value) or _LEVEL_WORD.sub("", "".join(value.split()))
    if not mark or not _MARK.fullmatch(mark):
        return None
    keys = _keys(ctx)
    found = keys.get(mark)
    if found is None and mark in ROMAN and "roman" in keys:
        _, where = keys["roman"]
        found = (ROMAN[mark], where) if ROMAN[mark] in ctx.framework.scale.values else None
    if found is None:
        return None
    level, where = found
    label = ctx.framework.scale.level(level).label
    return LevelReading(
        level,
        warning=f"“{value.strip()}” was read as level {level} (“{label}”), as the key at "
        f"{where} gives it (read so for this assessment)",
        fix=KEYED_FIX,
        once=True,
    )


def _keys(ctx: ReadContext) -> dict[str, tuple[int, str]]:
    """Each mark the workbook's keys give a level -> (level, where), found once per read;
    "roman" when the file writes the framework's levels in Roman numerals."""
    known = ctx.memo.get(_MEMO)
    if known is not None:
        return known
    scale = ctx.framework.scale
    marks: dict[str, tuple[int, str]] = {}
    clashes: set[str] = set()
    roman_ok: str | None = None
    roman_wrong = False
    for text, where in _texts(ctx):
        for mark, level in _entries(text, scale):
            if mark in ROMAN:
                if ROMAN[mark] == level:
                    roman_ok = roman_ok or where
                else:
                    roman_wrong = True
                continue
            if mark in marks and marks[mark][0] != level:
                clashes.add(mark)
            marks.setdefault(mark, (level, where))
    for mark in clashes:
        del marks[mark]
    # One star or ball entry alone is no key: a scale needs at least two of its marks.
    if len(marks) < 2:
        marks = {}
    if roman_ok and not roman_wrong:
        marks["roman"] = (0, roman_ok)
    if SHEETS_KEY in ctx.memo:  # asked before the workbook's sheets were all seen: not kept
        ctx.memo[_MEMO] = marks
    return marks


def _texts(ctx: ReadContext) -> Iterator[tuple[str, str]]:
    """The workbook's texts that may hold a key's entries, with where: each cell (with the
    next filled cell of its row when it is a mark alone) and each text box's paragraph."""
    for sheet in ctx.memo.get(SHEETS_KEY, ()):
        named = f" on sheet {quoted(sheet.name)}" if sheet.name else ""
        for row, cells in enumerate(sheet.rows):
            filled = [
                (c, with_balls(v)) for c, v in enumerate(cells) if isinstance(v, str) and v.strip()
            ]
            for index, (column, value) in enumerate(filled):
                if not _MARK.search(value):
                    continue
                text = value
                # Its level in the very next cell, with its label ("0 Not in place"); a bare
                # number there, or a cell further on, may be another column's level.
                nxt = filled[index + 1] if index + 1 < len(filled) else (0, "")
                after = nxt[1] if nxt[0] == column + 1 and _WORD.search(nxt[1]) else ""
                if after and _MARK.fullmatch("".join(value.split())) and not _MARK.search(after):
                    text = f"{value} = {after}"  # "☆☆☆☆" | "0 Not in place"
                yield text, cell_address(row, column) + named
    for text in _text_boxes(ctx.xlsx_data):
        yield text, "a text box"


def _text_boxes(data: bytes | None) -> list[str]:
    """The paragraphs of an .xlsx's text boxes (drawings), where a key is often put."""
    if not data:
        return []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            names = [n for n in book.namelist() if n.startswith("xl/drawings/drawing")]
            xml = [book.read(n).decode("utf-8", "replace") for n in names[:20]]
    except (zipfile.BadZipFile, OSError, KeyError):
        return []
    paragraphs = []
    for part in xml:
        for paragraph in re.findall(r"<a:p>(.*?)</a:p>", part, re.S):
            text = "".join(re.findall(r"<a:t>([^<]*)</a:t>", paragraph))
            if _MARK.search(text):
                paragraphs.append(_unescaped(text))
    return paragraphs


def _unescaped(text: str) -> str:
    return (
        text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    )


def _entries(text: str, scale: Scale) -> Iterator[tuple[str, int]]:
    """(mark, level) for each mark in ``text`` followed by a level of the scale."""
    text = unicodedata.normalize("NFC", text)
    found = list(_MARK.finditer(text))
    for index, mark in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(text)
        what = re.split(r"[;,]", text[mark.end() : end], maxsplit=1)[0]
        what = _BETWEEN.sub("", _CONNECTOR.sub("", _BETWEEN.sub("", what)))
        if not what or normalise(what) == "":
            continue
        reading = parse_level(what, scale)
        if reading.level is not None and not reading.error:
            yield mark.group(), reading.level


def key_mark_rows(ctx: ReadContext, sheet: Sheet, column: int, first: int, end: int) -> set[int]:
    """The rows among ``first`` to ``end - 1`` whose title cell (``column``) is a mark a key
    gives a level: the key's own rows under or over the table ("○ | 0 – Not in place"), two
    at least, said once. Never capabilities."""
    titles = sheet.column(column, first, end)
    if not any(isinstance(v, str) and _MARK.search(v) for v in set(titles)):
        return set()  # the usual case: no mark at all (a Roman key's "0" comes with "I")
    keys = _keys(ctx)
    rows = {
        first + offset
        for offset, value in enumerate(titles)
        if isinstance(value, str) and _keyed("".join(value.split()), keys)
    }
    if len(rows) < 2:
        return set()
    top, bottom = min(rows), max(rows)
    ctx.add(
        "warning",
        sheet,
        f"{cell_address(top, column)}:{cell_address(bottom, column)}",
        f"Rows {top + 1} to {bottom + 1} are the key of the level marks, not capabilities; "
        "they were not read as capabilities.",
        "Nothing to do if they are the key. To keep the sheet tidy, move the key to a sheet "
        "of its own.",
    )
    return rows


def _keyed(mark: str, keys: dict[str, tuple[int, str]]) -> bool:
    return mark in keys or ("roman" in keys and (mark in ROMAN or mark == "0"))
