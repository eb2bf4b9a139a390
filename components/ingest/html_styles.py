"""What a web page's styles say of its cells: Excel's number formats and hiding, given inline or
through CSS classes.

Excel's "Save as Web Page" (and Single File Web Page, .mht) does not write a cell's number
format on the cell: it writes a ``<style>`` block (or a ``stylesheet.css`` beside the sheets)
of classes, ``.xl65 {mso-number-format:"0\\.0";}``, ``.xl66 {mso-number-format:"\\@";}`` for
text, ``"Short Date"``, ``yyyy``, and each cell names its class (``<td class=xl65>``). Hidden
rows and columns are written alike: ``<tr style='display:none'>``, a class saying
``display:none``, ``<col style='display:none'>``, ``mso-hide:all``. ``Styles`` joins what a
cell's classes and its own ``style`` say (its own last, as CSS lets it override them), so that
``html_tables`` reads a class's format as it reads an inline one: text stays text ("007",
"2-3"), a percentage is one, a date Excel gives as a serial (``x:num="45366"``) is that day,
and a year shown by a ``yyyy`` format is that year, not the day's serial.

Only class rules are read (``.xl65``, ``td.xl65``): a rule on every ``td`` is how the
``tableToExcel`` template forces text on a whole page, which Excel shows as text the reader
turns into numbers where it should, as before. Reading the rules costs one pass over the text
(no regular expression that backtracks over it).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Literal

# A selector naming a class, alone or on an element: ".xl65", "td.xl65".
_CLASS_SELECTOR = re.compile(r"(?:[a-z][a-z0-9]*)?\.(-?[_a-z][\w-]*)", re.IGNORECASE)
# A format's code is at most 255 characters (Excel's own limit): no match reads further.
_NUMBER_FORMAT = re.compile(
    r"mso-number-format\s{0,20}:\s{0,20}"
    r"(\"(?:[^\"\\]|\\.){0,255}\"|'(?:[^'\\]|\\.){0,255}'|[^;\"'}]{0,255})",
    re.IGNORECASE,
)
_OVERFLOW = re.compile(r"mso-ignore\s{0,20}:\s{0,20}colspan", re.IGNORECASE)
_HIDES = re.compile(r"display\s*:\s*none|mso-hide\s*:\s*all", re.IGNORECASE)
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)
# What a number format's code holds that is no part of a date: quoted text, escaped
# characters, "[$-409]" or "[Red]", a scientific "E+".
_NOT_DATE_PARTS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|e[+-]', re.IGNORECASE)
_NAMED_DATES = frozenset({"short date", "medium date", "long date", "general date"})
# Excel's day 0 (its serials count from here, 1900's missing 29 February aside).
_EPOCH = datetime.datetime(1899, 12, 30)
_LAST_SERIAL = 2958465  # 31 December 9999

# What a class's rules may say, all told (Excel's say a few hundred characters).
_MAX_CLASS_CHARS = 4096
_MAX_JOINED = 4096  # the (class, style) pairs joined kept: a page's few, never one per cell
FormatKind = Literal["text", "percent", "date", "year"]


class Styles:
    """A page's class rules: what each class's declarations say, by the class's name."""

    def __init__(self, css: Iterable[str] = ()) -> None:
        self.classes: dict[str, str] = {}
        self._joined: dict[tuple[str, str], str] = {}
        for text in css:
            self._read(text)

    def _read(self, css: str) -> None:
        css = _without_comments(css).replace("<!--", " ").replace("-->", " ")
        for chunk in css.split("}"):
            head, brace, body = chunk.rpartition("{")
            if not brace:
                continue
            # What precedes the selectors: an enclosing "@media print {", an "@import …;".
            selectors = head.rpartition("{")[2].rpartition(";")[2]
            for selector in selectors.split(","):
                named = _CLASS_SELECTOR.fullmatch(selector.strip())
                if named is not None:
                    name = named.group(1).lower()
                    given = self.classes.get(name, "")
                    if len(given) < _MAX_CLASS_CHARS:  # a class said again adds to it
                        self.classes[name] = f"{given};{body[:_MAX_CLASS_CHARS]}"

    def of(self, attributes: Mapping[str, str]) -> str:
        """The declarations that style an element: its classes' (in order), then its own."""
        own = attributes.get("style") or ""
        named = attributes.get("class")
        if not named or not self.classes:
            return own
        key = (named, own)
        found = self._joined.get(key)
        if found is None:  # a page's cells share a few classes and styles: joined once each
            given = [self.classes[n] for n in named.lower().split() if n in self.classes]
            found = ";".join([*given, own]) if given else own
            if len(self._joined) < _MAX_JOINED:
                self._joined[key] = found
        return found


def _without_comments(css: str) -> str:
    """``css`` without its ``/* … */`` comments (one left open ends it), in one pass."""
    kept: list[str] = []
    at = 0
    while (start := css.find("/*", at)) >= 0:
        kept.append(css[at:start])
        end = css.find("*/", start + 2)
        if end < 0:
            return " ".join(kept)
        at = end + 2
    kept.append(css[at:])
    return " ".join(kept)


@lru_cache(maxsize=1024)  # a page's cells share a few styles: each is read once
def hides(style: str) -> bool:
    """Whether declarations hide what they style (``display:none``, ``mso-hide:all``)."""
    return _HIDES.search(style) is not None


@lru_cache(maxsize=1024)
def overflows(style: str) -> bool:
    """Whether a cell's span is only its text shown over the empty cells beside it (Excel's
    ``mso-ignore:colspan``), no merge."""
    return _OVERFLOW.search(style) is not None


@lru_cache(maxsize=1024)
def style_kind(style: str) -> FormatKind | None:
    """What the number format declarations give shows (``format_kind``)."""
    return format_kind(number_format(style))


def number_format(style: str) -> str | None:
    """The number format declarations give (the last one given), its CSS escapes undone."""
    found = None
    for found in _NUMBER_FORMAT.finditer(style):  # noqa: B007 - the last one is wanted
        pass
    if found is None:
        return None
    value = found.group(1).strip()
    if value[:1] in {'"', "'"}:
        value = value[1:-1]
    return _ESCAPED.sub(r"\1", value).strip() or None


def format_kind(code: str | None) -> FormatKind | None:
    """What a number format shows: text, a percentage, a date, a year alone; ``None`` for a
    number or anything else."""
    if code is None:
        return None
    lowered = code.lower()
    if lowered in _NAMED_DATES:
        return "date"
    if lowered == "percent":
        return "percent"
    bare = _NOT_DATE_PARTS.sub("", lowered).split(";")[0].replace("general", "")
    letters = set(re.findall(r"[a-z]", bare))
    if letters & {"y", "d"} or (
        "m" in letters and not letters & {"h", "s"}
    ):  # "m" alone is a month; beside "h" or "s", minutes
        return "year" if letters <= {"y", "e"} else "date"
    if "%" in bare:
        return "percent"
    if lowered == "@" or (not letters and "@" in bare):
        return "text"
    return None


def serial_day(serial: float) -> datetime.date | datetime.datetime | None:
    """The day (and time, when it has one) an Excel serial stands for; ``None`` out of range."""
    if not 1 <= serial <= _LAST_SERIAL:
        return None
    moment = _EPOCH + datetime.timedelta(days=serial)
    return moment.date() if serial == int(serial) else moment
