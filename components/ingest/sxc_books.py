"""OpenOffice.org 1 and StarOffice 6-7 spreadsheets (.sxc, and .stc templates): read as the
.ods made of them.

An .sxc is the zip package OpenDocument grew out of: a ``mimetype`` member
(``application/vnd.sun.xml.calc``), then ``content.xml`` with the sheets as ``table:table``
elements of rows and cells, as in an .ods. What differs is small: the namespaces
(``http://openoffice.org/2000/table`` for ``urn:oasis:names:tc:opendocument:xmlns:table:1.0``,
and so on), a cell's value and type in the table namespace (``table:value-type="float"
table:value="3"``, where an .ods writes ``office:``; a text cell untyped, text being the DTD's
default, where an .ods types it ``string``), the sheets directly in ``office:body``
(an .ods puts them in ``office:spreadsheet``), and a DOCTYPE naming the program's own DTD
(``"-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "office.dtd"``), with nothing declared in
it.

``check_sxc`` is the file guard's part: the content is there, in OpenOffice.org's names, its
DOCTYPE names a DTD and declares nothing (no internal subset, no entity: anything more is
refused as unsafe, as in any package). ``ods_of_sxc`` writes the content again in
OpenDocument's names, without the DOCTYPE, as the ``content.xml`` of an .ods package, which is
vetted as any .ods (``zip_guard``, ``ods_guard``: sheets, reach, repeats) and goes the .ods way.
Styles and settings are left out: calamine reads the cells' values, not their looks.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping

from components.ingest.refusals import FileRejected

#: The kind ``check_upload`` names an OpenOffice.org 1 spreadsheet (read as an .ods).
SXC = "sxc"

_CONTENT = "content.xml"
_HEAD_BYTES = 4096
# OpenOffice.org 1's namespaces and OpenDocument's.
_ODF = b"urn:oasis:names:tc:opendocument:xmlns:"
_NAMESPACES = {
    b"http://openoffice.org/2000/" + old: _ODF + new + b":1.0"
    for old, new in (
        (b"office", b"office"),
        (b"table", b"table"),
        (b"text", b"text"),
        (b"style", b"style"),
        (b"datastyle", b"datastyle"),
        (b"drawing", b"drawing"),
        (b"meta", b"meta"),
        (b"script", b"script"),
        (b"chart", b"chart"),
        (b"form", b"form"),
    )
}
_NAMESPACES[b"http://www.w3.org/1999/XSL/Format"] = _ODF + b"xsl-fo-compatible:1.0"
_NAMESPACES[b"http://www.w3.org/2000/svg"] = _ODF + b"svg-compatible:1.0"
# The prefixes OpenOffice.org always gave its namespaces: the attributes below are renamed by
# them, so a document declaring others is not one it wrote.
_DECLARED = (
    b'xmlns:office="http://openoffice.org/2000/office"',
    b'xmlns:table="http://openoffice.org/2000/table"',
)
_NAMESPACE = re.compile(b"|".join(re.escape(uri) for uri in _NAMESPACES))
# A DOCTYPE naming an external DTD, and nothing more (no internal subset).
_DOCTYPE = re.compile(rb"<!DOCTYPE\s+[\w:.-]+(?:\s+(?:PUBLIC|SYSTEM)(?:\s+\"[^\"<>\[]*\")+)?\s*>")
_DECLARATIONS = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
# A cell's start tag, and the value attributes OpenDocument moved into the office namespace.
_CELL = re.compile(rb"<table:(?:covered-)?table-cell\b[^>]*>")
_VALUE = re.compile(
    rb"\btable:(value-type|value|date-value|time-value|boolean-value|string-value|currency)="
)
_BODY = re.compile(rb"<office:body(\s[^>]*)?>")
# Line breaks and indents between the table's elements (which calamine would take for text),
# before a table or office tag or after one: never inside a paragraph's text.
_LAYOUT_SPACE = re.compile(rb"\s+(?=</?(?:table|office):)|(?<=[\w\"/]>)\s+(?=<text:p\b)")
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_MANIFEST = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest='
    b'"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    b'<manifest:file-entry manifest:full-path="/" manifest:media-type="'
    + _ODS_MIMETYPE
    + b'"/><manifest:file-entry manifest:full-path="content.xml" '
    b'manifest:media-type="text/xml"/></manifest:manifest>'
)


def check_sxc(archive: zipfile.ZipFile, members: Mapping[str, zipfile.ZipInfo]) -> str:
    """``SXC`` for an OpenOffice.org 1 spreadsheet whose content can be read as an .ods's;
    raise for a damaged one or one whose DOCTYPE declares anything."""
    info = members.get(_CONTENT)
    if info is None:
        raise damaged()
    try:
        with archive.open(info) as member:
            head = member.read(_HEAD_BYTES)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise damaged() from None
    doctype = _DOCTYPE.search(head)
    declarations = len(_DECLARATIONS.findall(head))
    if declarations > (1 if doctype else 0):
        raise FileRejected(
            "This file contains unsafe content: its XML declares entities, which OpenOffice.org "
            "never wrote and which are used to attack web services. It was not opened.",
            "Open it in LibreOffice Calc, save it as “ODF Spreadsheet (.ods)” or “Excel "
            "2007-365 (.xlsx)”, and upload the new file.",
            kind="unsafe_content",
        )
    if not all(declared in head for declared in _DECLARED):
        raise damaged()
    return SXC


def ods_of_sxc(data: bytes) -> bytes:
    """The .ods package of the OpenOffice.org 1 spreadsheet ``data`` (vetted by
    ``check_sxc``): its content in OpenDocument's names, no DOCTYPE, sheets in
    ``office:spreadsheet``."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content = archive.read(_CONTENT)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError) as error:
        raise damaged() from error
    content = _DOCTYPE.sub(b"", content, count=1)
    content = _CELL.sub(_cell, content)
    content = _NAMESPACE.sub(lambda uri: _NAMESPACES[uri.group()], content)
    content = _LAYOUT_SPACE.sub(b"", content)
    body = _BODY.search(content)
    end = content.rfind(b"</office:body>")
    if body is None or end < body.end():
        raise damaged()
    content = (
        content[: body.end()]
        + b"<office:spreadsheet>"
        + content[body.end() : end]
        + b"</office:spreadsheet>"
        + content[end:]
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(zipfile.ZipInfo("mimetype"), _ODS_MIMETYPE)  # stored, first
        package.writestr(_CONTENT, content, compress_type=zipfile.ZIP_DEFLATED)
        package.writestr("META-INF/manifest.xml", _MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _cell(tag: re.Match[bytes]) -> bytes:
    """A cell's start tag in OpenDocument's names; a text cell (no type: OpenOffice.org 1's
    DTD makes text the default) typed as one, as OpenDocument requires."""
    start = _VALUE.sub(rb"office:\1=", tag.group())
    if b"value-type=" in start or start.endswith(b"/>"):
        return start
    return start[:-1] + b' office:value-type="string">'


def damaged() -> FileRejected:
    """The refusal of an OpenOffice.org 1 spreadsheet that cannot be read."""
    return FileRejected(
        "This OpenOffice.org 1 spreadsheet (.sxc) seems to be damaged or incomplete, so it "
        "could not be opened.",
        "Open it in LibreOffice Calc (free, from libreoffice.org), choose File > Save As, pick "
        "“ODF Spreadsheet (.ods)” or “Excel 2007-365 (.xlsx)”, and upload the new file.",
        kind="damaged",
    )
