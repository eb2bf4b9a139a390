"""A LibreOffice "Flat XML ODF Spreadsheet" (.fods): an OpenDocument spreadsheet in one XML
file, as LibreOffice saves it and as some scripts write it.

A .fods holds what an .ods holds (its ``content.xml``, styles, settings), as one document
instead of parts in a zip. So it is read as the .ods it is: its document becomes the
``content.xml`` of an .ods package made in memory, and that package goes the .ods way: the
file guard's checks of an .ods (``zip_guard``, ``ods_guard``: any DTD refused, every sheet's
reach computed with its repeated rows and columns before anything else reads it, the sheet
limit), calamine for the cells (cached values, dates, repeats, covered cells, hidden sheets,
as for an .ods), ``cell_contents`` for blank cells. Every shape the reader reads in an .ods
it reads in a .fods, with the same messages. Only what an .ods keeps in parts of their own is
left out: embedded objects (a chart is a whole document inside the sheet, with a table of its
own that is no sheet).

calamine matches OpenDocument's names by their usual prefixes (``table:table-cell``). A file
that binds the namespaces to other prefixes, or is not UTF-8, is first written again with the
usual prefixes in UTF-8, parsed through defusedxml (no DTD, no entity is ever expanded).
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any
from xml.sax import SAXException
from xml.sax.handler import feature_namespaces
from xml.sax.saxutils import XMLGenerator

import defusedxml
from defusedxml.expatreader import DefusedExpatParser

from components.ingest.limits import ReadLimits
from components.ingest.ods_guard import FIX_SAVE_AS_XLSX_FROM_CALC
from components.ingest.refusals import FileRejected, not_spreadsheet
from components.ingest.zip_guard import check_zip

_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest='
    '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
    f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{_MIMETYPE}"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_OASIS = "urn:oasis:names:tc:opendocument:xmlns:"
_DRAW_NS = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
# The usual prefix of OpenDocument's namespaces (as LibreOffice writes them; calamine reads
# the office, table, text and style ones by these prefixes).
_PREFIXES = {
    **{
        f"urn:oasis:names:tc:opendocument:xmlns:{name}:1.0": name
        for name in ("office", "style", "text", "table", "meta", "chart", "dr3d", "form")
    },
    **{f"urn:oasis:names:tc:opendocument:xmlns:{name}:1.0": name for name in ("script", "config")},
    "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0": "presentation",
    _DRAW_NS: "draw",
    "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0": "number",
    "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0": "fo",
    "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0": "svg",
    "urn:oasis:names:tc:opendocument:xmlns:of:1.2": "of",
    "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0": "calcext",
    "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0": "loext",
    "http://www.w3.org/1999/xlink": "xlink",
    "http://purl.org/dc/elements/1.1/": "dc",
}

# What comes before the root element: the XML declaration, comments, instructions, a DTD.
_PROLOG = re.compile(
    r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>)", re.DOTALL | re.IGNORECASE
)
_ROOT = re.compile(r"\s*<(?:([\w.-]+):)?document(?=[\s/>])([^>]*)>")
_KIND = re.compile(r"opendocument\.(spreadsheet|text|presentation|graphics)")
_DECLARATION = re.compile(rb'^(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*["\']([\w.-]+)["\']')
_NAMESPACE = re.compile(rb'xmlns(?::([\w.-]+))?\s*=\s*(["\'])(.*?)\2')
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
# An embedded object's start (not one closed at once) and end, as LibreOffice writes them.
_OBJECT = re.compile(rb"<draw:object\b[^>]*(?<!/)>|</draw:object\s*>")

_OTHER_FLAT = {
    "text": "an OpenDocument text document (.fodt)",
    "presentation": "an OpenDocument presentation (.fodp)",
    "graphics": "an OpenDocument drawing (.fodg)",
}


def after_prolog(head: str) -> int:
    """Where an XML file's root element may start in ``head``: after its declaration,
    processing instructions, comments and any DOCTYPE."""
    position = 0
    while found := _PROLOG.match(head, position):
        if found.end() == position:
            break
        position = found.end()
    return position


def flat_document(head: str) -> str | None:
    """What flat OpenDocument file ``head`` (the file's first text) opens: "spreadsheet",
    "text", "presentation", "graphics", or "" for one that does not say; None when it is no
    flat OpenDocument file (its root is not ``office:document``)."""
    root = _ROOT.match(head, after_prolog(head))
    if root is None:
        return None
    prefix, attributes = root.group(1), root.group(2)
    named = re.escape(f"{prefix}:") if prefix else ""
    declared = rf"xmlns{':' if prefix else ''}{re.escape(prefix or '')}\s*=\s*[\"']"
    if re.search(declared + re.escape(_OFFICE_NS) + "[\"']", attributes) is None:
        return None
    kind = _KIND.search(attributes)
    if kind is None:
        # No mimetype: its body says, when the head reaches it.
        body = re.search(rf"<{named}(spreadsheet|text|presentation)\b", head)
        return body.group(1) if body else ""
    return kind.group(1)


def check_fods(data: bytes, head: str, limits: ReadLimits) -> None:
    """Refuse a flat OpenDocument file that is no spreadsheet, or a .fods the .ods checks
    refuse (a DTD, sheets that reach too far, too many sheets, no sheet, damage)."""
    kind = flat_document(head)
    if kind in _OTHER_FLAT:
        raise not_spreadsheet(_OTHER_FLAT[kind])
    check_zip(ods_package(data), limits)


def ods_package(data: bytes) -> bytes:
    """The .fods ``data`` as an .ods package: its document as ``content.xml``, stored (the
    bytes are not compressed again; they were checked against the size limit already).
    Raises ``FileRejected`` for a DTD (entity declarations) anywhere in it."""
    if _DTD.search(data):
        raise _unsafe()
    content = _without_objects(data) if _as_calamine_reads(data) else _rewritten(data)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("mimetype", _MIMETYPE)
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", _MANIFEST)
    return buffer.getvalue()


def _as_calamine_reads(data: bytes) -> bool:
    """Whether the document is UTF-8 with OpenDocument's usual prefixes, as LibreOffice
    writes it (then its bytes are the package's, unchanged): no other prefix for an
    OpenDocument namespace, and no usual prefix for another namespace."""
    declared = _DECLARATION.match(data)
    if declared is not None and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        return False
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    usual = set(_PREFIXES.values())
    for found in _NAMESPACE.finditer(data):
        prefix = found.group(1).decode("ascii", "replace") if found.group(1) else None
        uri = found.group(3).decode("utf-8", "replace")
        wanted = _PREFIXES.get(uri)
        if (wanted is not None and prefix != wanted) or (wanted is None and prefix in usual):
            return False
    return True


def _without_objects(data: bytes) -> bytes:
    """The document without what its embedded objects hold (a chart is a whole document, with
    a table of its own, inside a cell or a sheet's shapes): an .ods keeps them in parts of their
    own, which the reader never opens. Each ``draw:object`` is left, empty."""
    if b"<draw:object" not in data:
        return data
    kept: list[bytes] = []
    start = depth = 0
    for found in _OBJECT.finditer(data):
        closing = found.group().startswith(b"</")
        if not closing:
            if depth == 0:
                kept.append(data[start : found.end()])
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                start = found.start()
    kept.append(data[start:] if depth == 0 else b"")
    return b"".join(kept)


def _rewritten(data: bytes) -> bytes:
    """The document in UTF-8 with OpenDocument's usual prefixes, parsed through defusedxml:
    a DTD is refused, so no entity is declared, let alone expanded."""
    out = io.BytesIO()
    parser = DefusedExpatParser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    parser.setFeature(feature_namespaces, True)
    parser.setContentHandler(_UsualPrefixes(out))
    try:
        parser.parse(io.BytesIO(data))
    except defusedxml.DefusedXmlException:
        raise _unsafe() from None
    except (SAXException, ValueError, LookupError):
        raise _damaged() from None
    return out.getvalue()


class _UsualPrefixes(XMLGenerator):
    """Writes what it is told again, each OpenDocument namespace under its usual prefix and
    any other under one of its own ("ns1", …), so that no usual prefix names another; an
    embedded object's content left out (see ``_without_objects``)."""

    def __init__(self, out: io.BytesIO) -> None:
        super().__init__(out, "utf-8", short_empty_elements=True)
        self._others: dict[str, str] = {}
        self._inside_object = 0  # how deep in an embedded object's content

    def startPrefixMapping(self, prefix: str | None, uri: str) -> None:  # noqa: N802 - SAX's name
        usual = _PREFIXES.get(uri)
        if usual is None and prefix is not None:
            usual = self._others.setdefault(uri, f"ns{len(self._others) + 1}")
        super().startPrefixMapping(usual, uri)

    def startElementNS(self, name: tuple[str | None, str], qname: str | None, attrs: Any) -> None:  # noqa: N802
        if self._inside_object:
            self._inside_object += 1
            return
        super().startElementNS(name, qname, attrs)
        if name == (_DRAW_NS, "object"):
            self._inside_object = 1

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:  # noqa: N802
        if self._inside_object > 1:
            self._inside_object -= 1
            return
        self._inside_object = 0
        super().endElementNS(name, qname)

    def characters(self, content: str) -> None:
        if not self._inside_object:
            super().characters(content)

    def ignorableWhitespace(self, content: str) -> None:  # noqa: N802
        if not self._inside_object:
            super().ignorableWhitespace(content)

    def processingInstruction(self, target: str, data: str) -> None:  # noqa: N802
        if not self._inside_object:
            super().processingInstruction(target, data)


def _unsafe() -> FileRejected:
    return FileRejected(
        "This file contains unsafe content: it declares XML entities (a DTD), which "
        "LibreOffice never writes and which are used to attack web services. It was not opened.",
        FIX_SAVE_AS_XLSX_FROM_CALC,
        kind="unsafe_content",
    )


def _damaged() -> FileRejected:
    return FileRejected(
        "This LibreOffice flat XML spreadsheet (.fods) is damaged or incomplete (its XML does "
        "not read to the end), so it could not be opened.",
        FIX_SAVE_AS_XLSX_FROM_CALC,
        kind="damaged",
    )
