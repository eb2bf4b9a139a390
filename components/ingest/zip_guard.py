"""The file guard's checks of zip packages: an xlsx workbook, or one of its look-alikes.

Everything here is decided from the zip central directory and one or two small XML parts read
through ``defusedxml``; nothing is extracted whole and no sheet is parsed. ``check_zip``
refuses zip bombs (too many parts, too big unpacked, packed too tightly), passwords,
look-alikes (Word, PowerPoint, a plain .zip) and damaged or unsafe packages, and finds the
workbook part the way openpyxl will. An OpenDocument spreadsheet is vetted in ``ods_guard``, an
Apple Numbers one in ``numbers_guard``, an Excel Binary Workbook in ``xlsb_records.check_xlsb``,
and a workbook in Strict Open XML's names (``strict_xlsx``) is named so, each read the way its
kind is.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

import defusedxml
import defusedxml.ElementTree as SafeET

from components.ingest.limits import MB, ReadLimits
from components.ingest.numbers_guard import NUMBERS, check_numbers, is_numbers
from components.ingest.ods_guard import check_ods
from components.ingest.old_formats import ADDIN, ADDIN_CONTENT_TYPE, check_old_package
from components.ingest.refusals import (
    ZIP_ERRORS,
    FileRejected,
    no_sheets,
    not_spreadsheet,
    size_and_limit,
    too_many_sheets,
)
from components.ingest.strict_xlsx import STRICT_SPREADSHEET_NS, STRICT_XLSX
from components.ingest.xlsb_records import WORKBOOK_PART, XLSB, XLSB_CONTENT_TYPE, check_xlsb

if TYPE_CHECKING:
    # Only the type: every parse in this module goes through defusedxml.
    from xml.etree.ElementTree import Element

# A genuine workbook index (``xl/workbook.xml``) is a few kilobytes even with hundreds of
# defined names; anything near this size is not something Excel wrote for a survey.
_MAX_INDEX_PART_BYTES = 4 * MB
# OpenDocument's "mimetype" member is one short line; a big one is not OpenDocument's.
_MAX_MIMETYPE_BYTES = 1024
# A compressed member must both expand a lot *and* be big before its ratio counts as a bomb:
# tiny parts (styles, empty sheets) routinely compress 100x and are harmless.
_RATIO_MIN_UNCOMPRESSED_BYTES = 1 * MB

_ZIP_EOCD = b"PK\x05\x06"
_ZIP_EOCD_SIZE = 22
_ZIP_MAX_COMMENT = 0xFFFF
_ZIP_FLAG_ENCRYPTED = 0x1

# The workbook content types openpyxl looks for, in its own order (openpyxl.reader.excel).
_WORKBOOK_CONTENT_TYPES = (
    "application/vnd.ms-excel.template.macroEnabled.main+xml",  # .xltm
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",  # .xltx
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",  # .xlsm
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",  # .xlsx
)
_DEFAULT_WORKBOOK_PART = "xl/workbook.xml"
_CONTENT_TYPES_PART = "[Content_Types].xml"
_ODF_MIMETYPE_PREFIX = "application/vnd.oasis.opendocument."
# What ``_classify_package`` returns for an OpenDocument spreadsheet (no workbook part) and
# for an Excel Binary Workbook (whose workbook part openpyxl cannot read).
_ODS = "(opendocument spreadsheet)"
_XLSB = "(excel binary workbook)"
# Bytes read from the start of each XML part to find a DTD.
_DECLARATION_HEAD_BYTES = 4096


_FIX_RESAVE = (
    "Open the file in Excel to check it, save it again as an Excel Workbook (.xlsx), and "
    "upload the new copy. If the upload was interrupted, simply try again."
)
_FIX_SHRINK = (
    "If this is a real workbook, delete sheets, pictures and large empty formatted areas you "
    "do not need (or copy just the data into a new workbook), save, and upload again. "
    "You can also split the assessments into several smaller files."
)


def check_zip(
    data: bytes, limits: ReadLimits
) -> Literal["xlsx", "ods", "numbers", "xlsb", "strict", "xlam", "sxc"]:
    """``"xlsx"`` for a workbook, ``"ods"`` for an OpenDocument spreadsheet, ``"numbers"`` for
    an Apple Numbers one, ``"xlsb"`` for an Excel Binary Workbook, ``"strict"`` for a workbook
    saved as Strict Open XML, all vetted; ``FileRejected`` for anything else."""
    _precheck_entry_count(data, limits)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except ZIP_ERRORS:
        raise _damaged() from None
    with archive:
        infos = archive.infolist()
        _check_expansion(infos, limits)
        if any(info.flag_bits & _ZIP_FLAG_ENCRYPTED for info in infos):
            raise FileRejected(
                "This file is locked with a password, so the dashboard cannot open it.",
                "Remove the password (or unpack the file without one) and upload again.",
                kind="encrypted",
            )
        members = {info.filename: info for info in infos}
        if (old := check_old_package(archive, members)) is not None:  # their XML has a DTD
            return old  # OpenOffice.org 1's (KSpread's refused): read as the .ods made of it
        _refuse_declarations(archive, infos)
        workbook_part = _classify_package(archive, members)
        if workbook_part == _ODS:
            check_ods(archive, members, limits)
            return "ods"
        if workbook_part == NUMBERS:
            check_numbers(archive, members, limits)
            return NUMBERS
        if workbook_part == _XLSB:
            check_xlsb(archive, limits)
            return XLSB
        if workbook_part == ADDIN:  # an add-in (.xlam): read as the workbook it holds
            _check_workbook_index(archive, members[_addin_part(archive, members)], limits)
            return ADDIN
        strict = _check_workbook_index(archive, members[workbook_part], limits)
    return STRICT_XLSX if strict else "xlsx"


def _refuse_declarations(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse any XML part that opens with a DTD (entity declarations): no spreadsheet program
    writes one, and calamine, which reads the sheets, must never meet one."""
    for info in infos:
        if not info.filename.endswith((".xml", ".rels")) or info.is_dir():
            continue
        try:
            with archive.open(info) as member:
                head = member.read(_DECLARATION_HEAD_BYTES).upper()  # once, not per word
        except ZIP_ERRORS:
            raise _damaged() from None
        # A DTD can only come before the root element, so the head of the part is enough.
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise _unsafe(
                "it carries hidden instructions (XML declarations) that Excel never writes and "
                "that are used to attack web services"
            )


def _precheck_entry_count(data: bytes, limits: ReadLimits) -> None:
    """Refuse a huge entry count from the end-of-archive record, before zipfile lists them.

    Listing is cheap per entry, but a 20 MB archive can hold some 400,000 empty entries; the
    record states the count in two bytes we can read first. Zip64 archives store 0xFFFF here
    and are counted after listing instead.
    """
    start = data.rfind(_ZIP_EOCD, max(0, len(data) - _ZIP_EOCD_SIZE - _ZIP_MAX_COMMENT))
    if start < 0 or len(data) < start + _ZIP_EOCD_SIZE:
        return  # no usable record: zipfile will call it damaged
    declared = int.from_bytes(data[start + 10 : start + 12], "little")
    if declared != 0xFFFF:
        _check_entry_count(declared, limits)


def _check_entry_count(count: int, limits: ReadLimits) -> None:
    if count > limits.max_zip_entries:
        raise FileRejected(
            f"This file is made of {count:,} internal parts (an Excel file is a package of "
            f"parts, usually a few dozen); the dashboard accepts at most "
            f"{limits.max_zip_entries:,}, so it was not opened, for safety.",
            _FIX_SHRINK,
            kind="too_many_parts",
        )


def _check_expansion(infos: list[zipfile.ZipInfo], limits: ReadLimits) -> None:
    """Zip-bomb defences from the central directory alone: nothing is decompressed here."""
    _check_entry_count(len(infos), limits)
    total = sum(info.file_size for info in infos)
    if total > limits.max_uncompressed_bytes:
        size, limit = size_and_limit(total, limits.max_uncompressed_bytes)
        raise FileRejected(
            f"Once unpacked, this file would take {size}, more than the {limit} the dashboard "
            "allows (an Excel file is stored compressed), so it was not opened, for safety.",
            _FIX_SHRINK,
            kind="too_big_unpacked",
        )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_MIN_UNCOMPRESSED_BYTES and ratio > limits.max_compression_ratio:
            raise FileRejected(
                f"Part of this file is packed unusually tightly: it expands {ratio:,.0f} times "
                f"when opened (the limit is {limits.max_compression_ratio:,.0f}). Harmful files "
                "use this trick, so it was not opened, for safety.",
                _FIX_SHRINK,
                kind="compression_ratio",
            )


def _classify_package(archive: zipfile.ZipFile, members: Mapping[str, zipfile.ZipInfo]) -> str:
    """Return the workbook part's name if the package is a workbook openpyxl can read (or
    what it is: an OpenDocument or Apple Numbers spreadsheet).

    Otherwise raise, naming what the package looks like. The workbook part is found the way
    openpyxl finds it (a content-type override, else a default), so "accepted here" means
    "openpyxl will find the workbook" and not just "a file called xl/workbook.xml exists".
    """
    mimetype = members.get("mimetype")
    if (
        mimetype is not None
        and mimetype.file_size <= _MAX_MIMETYPE_BYTES
        and _opendocument_kind(_read_part(archive, mimetype, _MAX_MIMETYPE_BYTES))
    ):
        return _ODS
    if _CONTENT_TYPES_PART in members:
        content_types = _parse_xml(_read_part(archive, members[_CONTENT_TYPES_PART]))
        overrides, defaults = _content_types(content_types)
        part = _find_workbook_part(overrides, defaults)
        if part is not None:
            if part not in members:
                raise _damaged()
            return part
        types = set(overrides.values()) | set(defaults)
        if ADDIN_CONTENT_TYPE in overrides.values():
            return ADDIN  # its part is vetted and read renamed (``old_books``)
        if XLSB_CONTENT_TYPE in types or WORKBOOK_PART in members:
            return _XLSB  # its index is read and vetted by ``check_xlsb``
        if any("wordprocessingml" in t for t in types) or "word/document.xml" in members:
            raise not_spreadsheet("a Word document")
        if any("presentationml" in t for t in types) or "ppt/presentation.xml" in members:
            raise not_spreadsheet("a PowerPoint presentation")
        if _DEFAULT_WORKBOOK_PART not in members:
            raise not_spreadsheet("an Office file of a kind that is not a spreadsheet")
    if _DEFAULT_WORKBOOK_PART in members:
        # A workbook part that the package does not declare (or no declarations at all):
        # openpyxl would refuse it too, and Excel never writes one, so it is a broken file.
        raise _damaged()
    if is_numbers(members):
        return NUMBERS  # an Apple Numbers spreadsheet, by its archives
    inside = [n for n in members if n.lower().endswith((".xlsx", ".xlsm", ".csv"))][:3]
    fix = "Unpack it and upload the spreadsheet inside"
    fix += f" ({', '.join(inside)})." if inside else "."
    raise FileRejected(
        "This is a compressed folder (.zip), not a spreadsheet.", fix, kind="not_spreadsheet"
    )


def _addin_part(archive: zipfile.ZipFile, members: Mapping[str, zipfile.ZipInfo]) -> str:
    """The main part of an add-in package (typed as an add-in's in its content types)."""
    overrides, _ = _content_types(_parse_xml(_read_part(archive, members[_CONTENT_TYPES_PART])))
    part = next(p for p, declared in overrides.items() if declared == ADDIN_CONTENT_TYPE)
    if part not in members:
        raise _damaged()
    return part


def _opendocument_kind(raw: bytes) -> bool:
    """True for an OpenDocument spreadsheet; raise for other OpenDocument files."""
    mimetype = raw.decode("ascii", errors="replace").strip()
    if not mimetype.startswith(_ODF_MIMETYPE_PREFIX):
        return False
    if mimetype.startswith(_ODF_MIMETYPE_PREFIX + "spreadsheet"):
        return True
    if mimetype.startswith(_ODF_MIMETYPE_PREFIX + "text"):
        raise not_spreadsheet("an OpenDocument text document (.odt)")
    if mimetype.startswith(_ODF_MIMETYPE_PREFIX + "presentation"):
        raise not_spreadsheet("an OpenDocument presentation (.odp)")
    raise not_spreadsheet("an OpenDocument file that is not a spreadsheet")


def _content_types(root: Element) -> tuple[dict[str, str], dict[str, str]]:
    """({part name without leading slash: type}, {extension: type}) from [Content_Types].xml."""
    overrides: dict[str, str] = {}
    defaults: dict[str, str] = {}
    for element in root:
        tag = _local_name(element.tag)
        content_type = element.get("ContentType", "")
        if tag == "Override":
            overrides[element.get("PartName", "").lstrip("/")] = content_type
        elif tag == "Default":
            defaults[content_type] = element.get("Extension", "")
    return overrides, defaults


def _find_workbook_part(overrides: Mapping[str, str], defaults: Mapping[str, str]) -> str | None:
    for content_type in _WORKBOOK_CONTENT_TYPES:
        for part, declared in overrides.items():
            if declared == content_type:
                return part
    # Some writers make the workbook type the default for .xml; openpyxl then assumes the
    # conventional part name, and so do we.
    if any(content_type in defaults for content_type in _WORKBOOK_CONTENT_TYPES):
        return _DEFAULT_WORKBOOK_PART
    return None


def _check_workbook_index(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: ReadLimits
) -> bool:
    """Parse the workbook index safely and count its sheets; whether it is in Strict Open
    XML's names (read once renamed: ``strict_xlsx``)."""
    root = _parse_xml(_read_part(archive, info))
    namespace = root.tag[1:].partition("}")[0] if root.tag.startswith("{") else ""
    if _local_name(root.tag) != "workbook":
        raise _damaged()
    sheets = [
        sheet
        for child in root
        if _local_name(child.tag) == "sheets"
        for sheet in child
        if _local_name(sheet.tag) == "sheet"
    ]
    if not sheets:
        raise no_sheets(_FIX_RESAVE)
    if len(sheets) > limits.max_sheets:
        raise too_many_sheets(len(sheets), limits.max_sheets)
    return namespace == STRICT_SPREADSHEET_NS


def _read_part(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int = _MAX_INDEX_PART_BYTES
) -> bytes:
    """One member's bytes, never more than ``cap``, whatever its header claims."""
    if info.file_size > cap:
        raise _unsafe("one of its internal index parts is unusually large")
    try:
        with archive.open(info) as member:
            raw = member.read(cap + 1)
    except ZIP_ERRORS:
        raise _damaged() from None
    if len(raw) > cap:
        raise _unsafe("one of its internal index parts is unusually large")
    return raw


def _parse_xml(raw: bytes) -> Element:
    """Parse with defusedxml, refusing any DTD: Excel never writes one, attacks always do."""
    try:
        return SafeET.fromstring(raw, forbid_dtd=True)
    except defusedxml.DefusedXmlException:
        raise _unsafe(
            "it carries hidden instructions (XML declarations) that Excel never writes and "
            "that are used to attack web services"
        ) from None
    except SafeET.ParseError:
        raise _damaged() from None


def _local_name(tag: str) -> str:
    return tag.rpartition("}")[2]


def _damaged() -> FileRejected:
    return FileRejected(
        "This file seems to be damaged or incomplete, so it could not be opened as a workbook.",
        _FIX_RESAVE,
        kind="damaged",
    )


def _unsafe(why: str) -> FileRejected:
    return FileRejected(
        f"This file contains unsafe content: {why}. It was not opened.",
        "Copy the data into a new workbook (or into the template from this page), save it as "
        ".xlsx, and upload that file.",
        kind="unsafe_content",
    )
