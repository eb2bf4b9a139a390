"""Titles a sheet shows outside its cells: its printed page header and footer, its text boxes.

A workbook laid out for printing often names the country and the year only in the page header
("Kyrgyzstan – MNR self-assessment 2024" in Excel's header, LibreOffice's ``style:header``),
one sheet per domain with no title in the cells; a designed front sheet puts its title in a
text box drawn over the cells. ``context`` reads these texts, after the sheet's own title and
name and before the file's name, only where nothing nearer gives the country or the year, and
says where it took them from. Excel's header codes (``&C``, ``&P``, ``&"Arial,Bold"``) are not
text: the left, centre and right parts are read as separate lines, and the page number, page
count, date, time, file and sheet fields are left out (a file's or sheet's name is read as
such already).
"""

from __future__ import annotations

import html
import io
import posixpath
import re
import zipfile
from functools import lru_cache
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET

from components.ingest.error_cells import WORKBOOK_KEY
from components.ingest.running_lines import page_lines
from components.ingest.sheets import ReadContext, Sheet
from components.ingest.xlsx_extent import sheet_paths

# (where, text): "where" completes "… was taken from <where>".
Line = tuple[str, str]

_HEADER_PARTS = re.compile(rb"<(odd|even|first)(Header|Footer)>(.*?)</\1\2>", re.DOTALL)
# An Excel header's codes: a section (&L, &C, &R) starts a new line; a field (&P page, &N pages,
# &D date, &T time, &F file, &A sheet, &Z path, &G picture) or a format (&B, &I, &U, &E, &S,
# &X, &Y, &K colour, &"font", &12 size) is no text.
_SECTION = re.compile(r"&[LCR]")
_CODE = re.compile(r'&(?:"[^"]*"|\d+|K[0-9A-Fa-f]{6}|K\d{2}[+-]\d{3}|[PNDTFAZGBIUESXYH])')
_DRAWING_REL = re.compile(rb'<Relationship\b[^>]*?Target="([^"]*drawings/[^"]*)"')
_SP = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}sp"
_TX_BODY = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}txBody"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE_TAG = re.compile(rb"<table:table\b([^>]*)>")
_STYLE_TAG = re.compile(rb"<style:style\b([^>]*)>")
_ATTRIBUTE = re.compile(rb'([\w:.-]+)="([^"]*)"')
_ODS_FIELDS = frozenset(
    {"page-number", "page-count", "sheet-name", "file-name", "date", "time", "title"}
)
# Past so many characters a text is a note or an instruction, not a title: not read.
_MAX_TEXT = 300


def outside_titles(ctx: ReadContext, sheet: Sheet) -> tuple[Line, ...]:
    """The lines of ``sheet``'s page header and footer, then of its text boxes, then of the
    page footers its table held in cells (``running_lines``), each with where it is."""
    kind, data = ctx.memo.get(WORKBOOK_KEY, (None, None))
    footers = page_lines(ctx, sheet)  # a PDF's page footer printed into the cells
    if sheet.name is None or not isinstance(data, bytes):
        return footers
    if kind == "xlsx":
        return _xlsx_lines(data).get(sheet.name, ()) + footers
    if kind == "ods":
        return _ods_lines(data).get(sheet.name, ()) + footers
    return footers


def header_lines(code: str) -> list[str]:
    """The texts of an Excel header or footer (``&LMinistry&CKenya 2024&RPage &P``: "Ministry",
    "Kenya 2024", "Page"), its codes left out."""
    text = html.unescape(code).replace("&&", "\0")
    parts = _SECTION.split(text)
    lines = [" ".join(_CODE.sub(" ", part).replace("\0", "&").split()) for part in parts]
    return [line for line in lines if line and len(line) <= _MAX_TEXT]


@lru_cache(maxsize=4)
def _xlsx_lines(data: bytes) -> dict[str, tuple[Line, ...]]:
    found: dict[str, tuple[Line, ...]] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            for path, name in sheet_paths(archive).items():
                if path not in names:
                    continue
                lines = [
                    (f"the page {part.decode().lower()} of sheet “{name}”", line)
                    for _, part, code in _HEADER_PARTS.findall(archive.read(path))
                    for line in header_lines(code.decode("utf-8", "replace"))
                ]
                lines += [
                    (f"a text box on sheet “{name}”", line)
                    for line in _text_boxes(archive, names, path)
                ]
                if lines:
                    found[name] = tuple(dict.fromkeys(lines))  # each page's repeat once
    except (zipfile.BadZipFile, OSError, ValueError, SafeET.ParseError):
        return {}
    return found


def _text_boxes(archive: zipfile.ZipFile, names: set[str], sheet_path: str) -> list[str]:
    """The paragraphs of the text boxes drawn on a sheet (``xl/drawings/drawingN.xml``)."""
    folder, _, file = sheet_path.rpartition("/")
    rels = f"{folder}/_rels/{file}.rels"
    if rels not in names:
        return []
    lines = []
    for target in _DRAWING_REL.findall(archive.read(rels)):
        path = posixpath.normpath(posixpath.join(folder, html.unescape(target.decode())))
        if path not in names:
            continue
        drawing = archive.read(path)
        if b"txBody" not in drawing:
            continue  # pictures and charts only
        for shape in SafeET.fromstring(drawing).iter(_SP):
            for body in shape.iter(_TX_BODY):
                for paragraph in body.iter(f"{_A}p"):
                    line = " ".join("".join(t.text or "" for t in paragraph.iter(f"{_A}t")).split())
                    if line and len(line) <= _MAX_TEXT:
                        lines.append(line)
    return lines


@lru_cache(maxsize=4)
def _ods_lines(data: bytes) -> dict[str, tuple[Line, ...]]:
    """An .ods's sheets' page header and footer lines: a sheet's table style names its master
    page (``style:master-page-name``), whose ``style:header`` and ``style:footer`` print on it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            styles = archive.read("styles.xml")
            if b"<style:header" not in styles and b"<style:footer" not in styles:
                return {}
            content = archive.read("content.xml")
    except (zipfile.BadZipFile, KeyError, OSError):
        return {}
    try:
        pages = _master_pages(SafeET.fromstring(styles))
    except SafeET.ParseError:
        return {}
    masters = {}
    for tag in _STYLE_TAG.finditer(content):
        attributes = dict(_ATTRIBUTE.findall(tag.group(1)))
        if b"style:master-page-name" in attributes:
            masters[attributes.get(b"style:name")] = attributes[b"style:master-page-name"]
    found: dict[str, tuple[Line, ...]] = {}
    for tag in _TABLE_TAG.finditer(content):
        attributes = dict(_ATTRIBUTE.findall(tag.group(1)))
        name = html.unescape(attributes.get(b"table:name", b"").decode("utf-8", "replace"))
        master = masters.get(attributes.get(b"table:style-name"), b"Default")
        lines = pages.get(html.unescape(master.decode("utf-8", "replace")), ())
        if name and lines:
            found[name] = tuple((f"{where} of sheet “{name}”", line) for where, line in lines)
    return found


def _master_pages(styles: Element) -> dict[str, tuple[Line, ...]]:
    pages = {}
    for page in styles.iter(f"{_STYLE}master-page"):
        lines = []
        for part, where in (("header", "the page header"), ("footer", "the page footer")):
            for block in page.findall(f"{_STYLE}{part}"):
                for paragraph in block.iter(f"{_TEXT}p"):
                    line = " ".join(_ods_text(paragraph).split())
                    if line and len(line) <= _MAX_TEXT:
                        lines.append((where, line))
        pages[page.get(f"{_STYLE}name", "")] = tuple(dict.fromkeys(lines))
    return pages


def _ods_text(element: Element) -> str:
    """A paragraph's text without its fields (page number, sheet name, date): the words only;
    a space (``text:s``) or a tab (``text:tab``) as a space."""
    parts = [element.text or ""]
    for child in element:
        name = child.tag[len(_TEXT) :] if child.tag.startswith(_TEXT) else ""
        if name in {"s", "tab", "line-break"}:
            parts.append(" ")
        elif name not in _ODS_FIELDS:
            parts.append(_ods_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
