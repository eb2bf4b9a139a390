"""Spreadsheets of programs people no longer use, told by their bytes: those the dashboard
refuses, each named with how to convert it, and the few read once renamed (and the file
guard's door to the old binary files read: ``check_old_binary``).

Excel and LibreOffice open them, so people upload them expecting them read; the file guard
would otherwise call them "binary data" or, for zip packages with a DTD, "unsafe". Refused,
each saying what it is and that LibreOffice Calc (free) opens it and saves it as .xlsx or .ods:

* Lotus 1-2-3 (.wks, .wk1, .wk3, .wk4, .123), Lotus Symphony (.wrk), Quattro Pro for DOS
  (.wq1, .wq2) and Microsoft Works for DOS (.wks): a bare stream of Lotus records whose first
  is BOF (type 0x0000) with the version (0x0404 to 0x0406, 0x1000 and up, Quattro's 0x5120 and
  up), ``lotus_format``;
* KOffice's KSpread 1 (.ksp): a zip package whose ``mimetype`` says so
  (``application/x-kspread``), ``check_old_package``; its XML names its DTD (which is why the
  zip checks would call it unsafe), so it is told apart before those checks;
* Quattro Pro for Windows (.qpw), StarOffice 5 Calc (.sdc) and Microsoft Works 6-9 spreadsheets
  (.xlr) whose stream is not Excel's: compound files with their own streams,
  ``old_compound_file``.

A Works spreadsheet (.xlr) whose only workbook stream, ``WksSSWorkBook``, holds Excel 97-2003
records (Works 6-9 write Excel's BIFF8 there) is read as the .xls it is: ``works_as_xls``
renames the stream in the compound file's directory, and the file goes the .xls way. An
OpenOffice.org 1 or StarOffice 6-7 spreadsheet (.sxc, .stc: ``mimetype``
``application/vnd.sun.xml.calc``), whose XML names its DTD too, is told apart here before the
zip checks and read as the .ods made of it (``sxc_books``).
"""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Mapping
from typing import Literal

import olefile

from components.ingest.biff_records import check_old_excel, is_old_excel
from components.ingest.dbase_tables import check_dbase, is_dbase
from components.ingest.limits import ReadLimits
from components.ingest.refusals import FileRejected, not_spreadsheet
from components.ingest.sxc_books import check_sxc

#: The kind ``check_upload`` names a Works spreadsheet that holds an Excel stream.
WORKS = "xlr"
#: The kind ``check_upload`` names an Excel add-in (.xlam), read as the workbook it holds.
ADDIN = "xlam"
ADDIN_CONTENT_TYPE = "application/vnd.ms-excel.addin.macroEnabled.main+xml"
#: The kinds the file guard names these files: Excel 2.x-4.0, dBase, Works, an add-in, and an
#: OpenOffice.org 1 spreadsheet (``sxc_books``).
OldKind = Literal["biff", "dbf", "xlr", "xlam", "sxc"]

_LOTUS_HEAD = struct.Struct("<HHH")  # BOF: type 0, length, version
_CFB_ENTRY = 128  # a compound file's directory entries: 128 bytes, at 128-byte boundaries
_WORKS_STREAM = "WksSSWorkBook"
_WORKBOOK_STREAMS = ("Workbook", "Book")
_BIFF8_BOF = b"\x09\x08"
_MAX_MIMETYPE_BYTES = 1024


def _stream_name(name: str) -> bytes:
    return (name + "\x00").encode("utf-16-le")


_WORKS_NAME = _stream_name(_WORKS_STREAM)
# Streams that name the program of a compound file that is no Excel workbook.
_COMPOUND_PROGRAMS = {
    "NativeContent_MAIN": "a Quattro Pro spreadsheet (.qpw)",
    "StarCalcDocument": "a StarOffice Calc spreadsheet (.sdc)",
}

_FIX_LIBREOFFICE = (
    "Open it in LibreOffice Calc (free, from libreoffice.org), which opens {what}, choose "
    "File > Save As, pick “Excel 2007-365 (.xlsx)” or “ODF Spreadsheet (.ods)”, and upload "
    "the new file."
)


def unsupported(what: str, opens: str) -> FileRejected:
    """The refusal of a spreadsheet in a format the dashboard does not read: what it is, and
    how to make an .xlsx or .ods of it."""
    return FileRejected(
        f"This file is {what}, a spreadsheet format the dashboard does not read.",
        _FIX_LIBREOFFICE.format(what=opens),
        kind="unsupported_spreadsheet",
    )


def check_old_binary(data: bytes, extension: str, limits: ReadLimits) -> str | None:
    """The kind of an old binary file the dashboard reads (an Excel 2.x-4.0 file,
    ``biff_records``; a dBase table, ``dbase_tables``), vetted; raise for one it refuses (a
    Lotus 1-2-3, Quattro Pro or Works file, an Excel chart, macro sheet or workspace); None
    when ``data`` is none of these."""
    if is_old_excel(data):
        return check_old_excel(data, limits)
    if is_dbase(data):
        return check_dbase(data)
    check_lotus(data, extension)
    return None


# --------------------------------------------------------------------------------------------
# Lotus 1-2-3 and the programs that wrote its records


def lotus_format(data: bytes, extension: str) -> str | None:
    """What a file of Lotus records is ("a Lotus 1-2-3 spreadsheet (.wk1)"), from its BOF's
    version (the extension only names the program among those writing the same version), or
    None when ``data`` does not start as one."""
    if len(data) < 6:
        return None
    kind, length, version = _LOTUS_HEAD.unpack_from(data)
    if kind != 0:
        return None
    if length == 2:  # release 1A and 2, Symphony, Quattro Pro for DOS, Works for DOS
        if version == 0x0404:
            return "a Microsoft Works or Lotus 1-2-3 (release 1A) spreadsheet (.wks)"
        if version == 0x0405:
            return "a Lotus Symphony spreadsheet (.wrk)"
        if version == 0x0406:
            if extension in ("wq1", "wq2"):
                return f"a Quattro Pro spreadsheet (.{extension})"
            return "a Lotus 1-2-3 spreadsheet (.wk1)"
        if 0x5120 <= version <= 0x512F:
            return f"a Quattro Pro spreadsheet (.{'wq2' if extension == 'wq2' else 'wq1'})"
        return None
    if 0x1A <= length <= 0x40 and 0x1000 <= version <= 0x10FF:  # release 3 and later
        if extension in ("wb1", "wb2", "wb3"):
            return f"a Quattro Pro spreadsheet (.{extension})"
        if version == 0x1000:
            return "a Lotus 1-2-3 release 3 spreadsheet (.wk3)"
        if version in (0x1001, 0x1002):
            return "a Lotus 1-2-3 release 4 or 5 spreadsheet (.wk4)"
        return "a Lotus 1-2-3 spreadsheet (.123)"
    return None


def check_lotus(data: bytes, extension: str) -> None:
    """Refuse a Lotus 1-2-3, Symphony, Quattro Pro or Works file, naming it."""
    what = lotus_format(data, extension)
    if what is not None:
        opens = "Quattro Pro files" if "Quattro" in what else "Lotus 1-2-3 and Works files"
        raise unsupported(what, opens)


# --------------------------------------------------------------------------------------------
# Zip packages of OpenOffice.org 1 and KOffice

# An OpenOffice.org 1 spreadsheet or template (.sxc, .stc): read as the .ods made of it.
_CALC = "application/vnd.sun.xml.calc"
# (the mimetype it starts with, what the file is): documents of other programs'
_KSPREAD = "application/x-kspread"
_OTHER_PACKAGES = (
    ("application/vnd.sun.xml.writer", "an OpenOffice.org 1 text document (.sxw)"),
    ("application/vnd.sun.xml.impress", "an OpenOffice.org 1 presentation (.sxi)"),
    ("application/vnd.sun.xml.draw", "an OpenOffice.org 1 drawing (.sxd)"),
    ("application/x-kword", "a KWord text document"),
    ("application/x-kpresenter", "a KPresenter presentation"),
)


def check_old_package(
    archive: zipfile.ZipFile, members: Mapping[str, zipfile.ZipInfo]
) -> str | None:
    """``SXC`` for an OpenOffice.org 1 spreadsheet (vetted by ``sxc_books``); refuse a KSpread
    spreadsheet or an OpenOffice.org 1 document of another kind, named by its ``mimetype``
    member (read at most 1 KB of it); None for any other package."""
    info = members.get("mimetype")
    if info is None or info.file_size > _MAX_MIMETYPE_BYTES:
        return
    try:
        with archive.open(info) as member:
            mimetype = member.read(_MAX_MIMETYPE_BYTES).decode("ascii").strip()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return None  # the zip checks say it is damaged
    if mimetype.startswith(_CALC):
        return check_sxc(archive, members)
    if mimetype.startswith(_KSPREAD):
        raise FileRejected(
            "This file is a KSpread spreadsheet (.ksp), a spreadsheet format the dashboard does "
            "not read.",
            "Open it in Calligra Sheets (free; KSpread's successor), save it as an “ODF "
            "Spreadsheet (.ods)”, and upload the new file.",
            kind="unsupported_spreadsheet",
        )
    for prefix, what in _OTHER_PACKAGES:
        if mimetype.startswith(prefix):
            raise not_spreadsheet(what)
    return None


# --------------------------------------------------------------------------------------------
# Compound files of other programs, and Works' Excel stream


def old_compound_file(data: bytes) -> str | None:
    """``WORKS`` for a Works spreadsheet whose only workbook stream holds Excel records; raise
    for a Works spreadsheet of its own kind, a Quattro Pro (.qpw) or StarOffice (.sdc) one;
    None for any other compound file (an .xls among them)."""
    programs = [what for name, what in _COMPOUND_PROGRAMS.items() if _stream_name(name) in data]
    if _WORKS_NAME not in data and not programs:
        return None  # the usual case: no stream of theirs, no need to open the directory
    try:
        with olefile.OleFileIO(data) as ole:
            if any(ole.exists(name) for name in _WORKBOOK_STREAMS):
                return None  # Works 7-9 write Excel's own stream beside theirs: an .xls
            if ole.exists(_WORKS_STREAM):
                with ole.openstream(_WORKS_STREAM) as stream:
                    head = stream.read(2)
                if head == _BIFF8_BOF:
                    return WORKS
                raise FileRejected(
                    "This file is a Microsoft Works spreadsheet (.xlr) in Works' own format, "
                    "which the dashboard does not read.",
                    "Open it in Microsoft Works or Excel (or LibreOffice Calc), save it as an "
                    "Excel Workbook (.xlsx), and upload the new file.",
                    kind="unsupported_spreadsheet",
                )
    except (OSError, ValueError, IndexError, struct.error, RecursionError):
        return None  # the .xls checks say it is damaged
    if programs:
        raise unsupported(programs[0], "Quattro Pro and StarOffice files")
    return None


def works_as_xls(data: bytes) -> bytes:
    """The Works spreadsheet ``data`` with its ``WksSSWorkBook`` stream named ``Workbook``, as
    an .xls's: its directory entry's name written over (calamine and olefile find streams by
    name; nothing else moves). ``data`` itself when there is not exactly one such entry."""
    found = []
    start = data.find(_WORKS_NAME)
    while start >= 0:
        name_length = data[start + 64 : start + 66]
        if start % _CFB_ENTRY == 0 and name_length == struct.pack("<H", len(_WORKS_NAME)):
            found.append(start)
        start = data.find(_WORKS_NAME, start + 1)
    if len(found) != 1:
        return data
    name = _stream_name(_WORKBOOK_STREAMS[0])
    entry = found[0]
    renamed = bytearray(data)
    renamed[entry : entry + 66] = name.ljust(64, b"\x00") + struct.pack("<H", len(name))
    return bytes(renamed)
