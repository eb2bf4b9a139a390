"""Excel's "Strict Open XML Spreadsheet" (.xlsx): a workbook in ISO/IEC 29500 Strict's names.

Excel saves it on "Save As > Strict Open XML Spreadsheet (*.xlsx)". The package is an .xlsx's,
part for part, but every part names its elements in Strict's namespaces
(``http://purl.oclc.org/ooxml/spreadsheetml/main`` where an .xlsx has
``http://schemas.openxmlformats.org/spreadsheetml/2006/main``), its relationships carry
Strict's types (``http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet``), the
workbook says ``conformance="strict"``, and dates are written as ISO text in ``t="d"`` cells
instead of day numbers. openpyxl and calamine know only the Transitional names.

``transitional_package`` writes the package again with every Strict name replaced by its
Transitional twin, in every XML part (content types, relationships, workbook, sheets, styles,
shared strings, comments, drawings, properties): nothing else changes, so merges, hidden
rows, columns and sheets, fills, fonts, number formats, comments, data validation and text
boxes read as an .xlsx's. The ``t="d"`` cells are left as they are: openpyxl and calamine
both read them as dates. The file guard has vetted the package (sizes, ratio, parts, no DTD)
before, and vets the new one as any .xlsx (``markup_books``).
"""

from __future__ import annotations

import io
import re
import zipfile

from components.ingest.refusals import FileRejected

#: The kind ``check_upload`` names a Strict workbook (read as the .xlsx made of it).
STRICT_XLSX = "strict"
STRICT_SPREADSHEET_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main"

_STRICT = "http://purl.oclc.org/ooxml/"
_TRANSITIONAL = "http://schemas.openxmlformats.org/"
_RELATIONSHIPS = "officeDocument/relationships"
# Strict's namespaces and their Transitional twins (ECMA-376 Part 1, Annex A: the schemas'
# target namespaces). The package's own (content types, relationships, core properties) and
# Microsoft's extensions (x14, mc) are the same in both.
_NAMESPACES = {
    "spreadsheetml/main": "spreadsheetml/2006/main",
    _RELATIONSHIPS: "officeDocument/2006/relationships",
    "officeDocument/extendedProperties": "officeDocument/2006/extended-properties",
    "officeDocument/customProperties": "officeDocument/2006/custom-properties",
    "officeDocument/docPropsVTypes": "officeDocument/2006/docPropsVTypes",
    "officeDocument/sharedTypes": "officeDocument/2006/sharedTypes",
    "officeDocument/math": "officeDocument/2006/math",
    "officeDocument/bibliography": "officeDocument/2006/bibliography",
    "officeDocument/characteristics": "officeDocument/2006/characteristics",
    "officeDocument/customXml": "officeDocument/2006/customXml",
    "drawingml/main": "drawingml/2006/main",
    "drawingml/spreadsheetDrawing": "drawingml/2006/spreadsheetDrawing",
    "drawingml/chart": "drawingml/2006/chart",
    "drawingml/chartDrawing": "drawingml/2006/chartDrawing",
    "drawingml/diagram": "drawingml/2006/diagram",
    "drawingml/picture": "drawingml/2006/picture",
    "drawingml/lockedCanvas": "drawingml/2006/lockedCanvas",
    "drawingml/compatibility": "drawingml/2006/compatibility",
    "drawingml/wordprocessingDrawing": "drawingml/2006/wordprocessingDrawing",
    "schemaLibrary/main": "schemaLibrary/2006/main",
    "presentationml/main": "presentationml/2006/main",
    "wordprocessingml/main": "wordprocessingml/2006/main",
}
# Relationship types whose last word Transitional spells otherwise; the rest (worksheet,
# styles, sharedStrings, comments, drawing, theme, …) keep theirs.
_RELATIONSHIP_WORDS = {
    "extendedProperties": "extended-properties",
    "customProperties": "custom-properties",
}
_STRICT_NAME = re.compile(rb"http://purl\.oclc\.org/ooxml/([A-Za-z0-9/._-]+)")
_CONFORMANCE = re.compile(rb'\sconformance\s*=\s*(["\'])strict\1')
_XML_PARTS = (".xml", ".rels", ".vml")


def transitional_package(data: bytes) -> bytes:
    """The Strict workbook ``data`` (vetted by the file guard) as a Transitional .xlsx: every
    XML part with Strict's names replaced, every other part as it was."""
    out = io.BytesIO()
    try:
        with (
            zipfile.ZipFile(io.BytesIO(data)) as source,
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
        ):
            for info in source.infolist():
                if info.is_dir():
                    continue
                raw = source.read(info)
                if info.filename.lower().endswith(_XML_PARTS):
                    raw = transitional_xml(raw)
                target.writestr(info.filename, raw)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError) as error:
        raise _damaged() from error
    return out.getvalue()


def transitional_xml(raw: bytes) -> bytes:
    """One part's XML with Strict's namespaces and relationship types in Transitional's
    names, and no ``conformance="strict"`` (left untouched when it has none of them)."""
    if b"purl.oclc.org/ooxml/" not in raw:
        return raw
    return _CONFORMANCE.sub(b"", _STRICT_NAME.sub(_transitional_name, raw))


def _transitional_name(match: re.Match[bytes]) -> bytes:
    name = match.group(1).decode("ascii")
    known = _NAMESPACES.get(name)
    if known is not None:
        return (_TRANSITIONAL + known).encode()
    base, _, word = name.rpartition("/")
    if base == _RELATIONSHIPS:  # a relationship type: ".../relationships/worksheet"
        word = _RELATIONSHIP_WORDS.get(word, word)
        return f"{_TRANSITIONAL}{_NAMESPACES[_RELATIONSHIPS]}/{word}".encode()
    return match.group(0)  # a name Strict does not define: left as it is


def _damaged() -> FileRejected:
    return FileRejected(
        "This Strict Open XML workbook seems to be damaged or incomplete, so it could not be "
        "opened.",
        "Open the file in Excel to check it, save it again as an Excel Workbook (.xlsx), and "
        "upload the new copy. If the upload was interrupted, simply try again.",
        kind="damaged",
    )
