"""A level cell where the old level is struck through and the new one typed beside it.

A reviewer who changes a level often keeps the old one visible: in Excel, part of the cell's
text formatted as strikethrough ("~~2~~ 1" as it looks); in text, Markdown's ``~~2~~ 1``. Read
as plain text the cell says "2 1", which is no level. The struck part is what the person
crossed out, so the level is read from the rest, with a warning naming what was struck; when
the rest is not a level either, the error says that part of the cell is struck through.

``struck_parts`` finds a cell's struck text: Markdown's ``~~`` in the text itself, or, in an
xlsx, the runs of a shared string formatted as strikethrough (``xl/sharedStrings.xml``).
"""

from __future__ import annotations

import io
import re
import zipfile
from functools import lru_cache
from typing import Any
from xml.etree import ElementTree

from components.framework.model import Scale
from components.ingest.sheets import quoted
from components.ingest.values import LevelReading, parse_level

_MARKDOWN = re.compile(r"~~(.+?)~~")
_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
# A part larger than this is not looked at (a level cell's strike is a reviewer's edit in a
# form-sized workbook).
_MAX_PART = 20_000_000
# A shared string (<si>) or a cell's own string (<is>), unprefixed as Excel and openpyxl write.
_STRING_ITEM = re.compile(r"<(?:si|is)>.*?</(?:si|is)>", re.DOTALL)


def struck_parts(value: Any, xlsx: bytes | None) -> tuple[str, str] | None:
    """``(struck, kept)``: the text struck through in ``value`` and the rest, or ``None``."""
    if not isinstance(value, str):
        return None
    if "~~" in value:
        struck = [part.strip() for part in _MARKDOWN.findall(value)]
        if struck:
            return " ".join(struck), " ".join(_MARKDOWN.sub(" ", value).split())
    if xlsx is None:
        return None
    return _struck_strings(xlsx).get(" ".join(value.split()))


def struck_reading(value: str, struck: str, kept: str, scale: Scale) -> LevelReading:
    """The level of the cell's text that is not struck through, with a warning naming what
    is; an error that says so when that text is not a level."""
    reading = parse_level(kept, scale)
    crossed = f"{quoted(value)} has {quoted(struck)} struck through (an old level crossed out)"
    if reading.level is not None and not reading.error:
        return LevelReading(
            reading.level,
            warning=f"{crossed}; the level not struck through, {reading.level}, was read",
            fix="If that is right, delete the struck-through text from the cell.",
        )
    rest = f"the rest, {quoted(kept)}, is not a level" if kept else "nothing else is written"
    return LevelReading(
        error=f"{crossed}, and {rest}",
        fix="Write the current level alone in the cell (delete the struck-through text).",
    )


@lru_cache(maxsize=4)
def _struck_strings(xlsx: bytes) -> dict[str, tuple[str, str]]:
    """The xlsx's strings (shared, or written in a sheet's cell: openpyxl writes rich text
    so) that have a run struck through: their text, as the cell reads -> (struck, the rest)."""
    found: dict[str, tuple[str, str]] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(xlsx)) as archive:
            for info in archive.infolist():
                name = info.filename
                if info.file_size > _MAX_PART or not (
                    name == "xl/sharedStrings.xml" or name.startswith("xl/worksheets/sheet")
                ):
                    continue
                data = archive.read(info)
                if b"strike" in data:
                    found.update(_struck_items(data.decode("utf-8", "replace")))
    except (zipfile.BadZipFile, OSError):
        return found
    return found


def _struck_items(xml: str) -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for block in _STRING_ITEM.findall(xml):
        if "strike" not in block:
            continue
        try:  # one string item, in the main namespace
            item = ElementTree.fromstring(block.replace(">", f' xmlns="{_NS[1:-1]}">', 1))  # noqa: S314
        except ElementTree.ParseError:
            continue
        struck, kept, whole = [], [], []
        for run in item.iter(f"{_NS}r"):
            text = "".join(t.text or "" for t in run.iter(f"{_NS}t"))
            whole.append(text)
            strike = run.find(f"{_NS}rPr/{_NS}strike")
            is_struck = strike is not None and strike.get("val", "1") not in ("0", "false")
            (struck if is_struck else kept).append(text)
        if "".join(struck).strip():
            parts = (" ".join("".join(struck).split()), " ".join("".join(kept).split()))
            found[" ".join("".join(whole).split())] = parts
    return found
