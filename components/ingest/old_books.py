"""Old and odd workbooks made readable, for ``markup_books.as_workbook``: an Excel add-in
(.xlam) read as the workbook it holds, a Microsoft Works spreadsheet (.xlr) as the .xls inside
it, an OpenOffice.org 1 spreadsheet (.sxc) as the .ods made of it (``sxc_books``), an Excel
2.x-4.0 file's sheets (``biff_books``) and a dBase table (.dbf, ``dbase_tables``) as a sheet,
each saying what was assumed.

An add-in is an .xlsm's package whose main part is typed as an add-in's
(``application/vnd.ms-excel.addin.macroEnabled.main+xml``): people pick "Excel Add-in" in
Save As by mistake, and Excel opens the file (its sheets hidden behind the add-in). openpyxl
finds no workbook under that type, so ``addin_workbook`` writes the package again with the
type a macro-enabled workbook's (nothing else changes; the macros are never run, as an
.xlsm's are not), and the reader says it read an add-in's sheets.
"""

from __future__ import annotations

import io
import zipfile

from components.ingest.biff_books import old_excel_sheets
from components.ingest.biff_records import OLD_EXCEL
from components.ingest.book_sheets import BookSheet
from components.ingest.dbase_tables import DBASE, dbase_sheet
from components.ingest.old_formats import ADDIN, ADDIN_CONTENT_TYPE, WORKS, works_as_xls
from components.ingest.refusals import FileRejected
from components.ingest.sheets import ReadContext
from components.ingest.sxc_books import SXC, ods_of_sxc
from components.ingest.zip_guard import check_zip

_ADDIN_TYPE = ADDIN_CONTENT_TYPE.encode()
_XLSM_TYPE = b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"
_CONTENT_TYPES = "[Content_Types].xml"
#: The kinds read as sheets here (``old_sheets``), then written as an .xlsx.
OLD_SHEETS = frozenset({OLD_EXCEL, DBASE})


def renamed_workbook(ctx: ReadContext, data: bytes, kind: str) -> tuple[bytes, str]:
    """An add-in (``ADDIN``) as the .xlsx it is read as, a Works spreadsheet (``WORKS``) as
    the .xls inside it, an OpenOffice.org 1 spreadsheet (``SXC``) as an .ods; ``data`` and
    ``kind`` as they are for any other kind."""
    if kind == WORKS:
        return works_as_xls(data), "xls"  # vetted as an .xls by the file guard
    if kind == SXC:  # an OpenOffice.org 1 spreadsheet, as the .ods it nearly is
        package = ods_of_sxc(data)
        check_zip(package, ctx.limits)  # as any .ods is vetted
        return package, "ods"
    if kind != ADDIN:
        return data, kind
    package = addin_workbook(data)
    check_zip(package, ctx.limits)  # as any .xlsx is vetted
    ctx.add(
        "warning",
        None,
        None,
        "This file is an Excel add-in (.xlam), a file meant to add commands to Excel rather "
        "than to hold data; its sheets were read as a workbook's.",
        "Nothing to do if these are the levels you meant. Next time save the assessment with "
        "File > Save As as an “Excel Workbook (*.xlsx)”, not as an add-in.",
    )
    return package, "xlsx"


def addin_workbook(data: bytes) -> bytes:
    """The add-in package ``data`` (vetted by the file guard) with its main part typed as a
    macro-enabled workbook's, every other part as it is."""
    buffer = io.BytesIO()
    try:
        with (
            zipfile.ZipFile(io.BytesIO(data)) as source,
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
        ):
            for info in source.infolist():
                content = source.read(info)
                if info.filename == _CONTENT_TYPES:
                    content = content.replace(_ADDIN_TYPE, _XLSM_TYPE)
                target.writestr(info.filename, content)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise FileRejected(
            "This Excel add-in (.xlam) seems to be damaged or incomplete, so it could not be "
            "opened.",
            "Open it in Excel, save it as an Excel Workbook (.xlsx), and upload the new file.",
            kind="damaged",
        ) from error
    return buffer.getvalue()


def old_sheets(ctx: ReadContext, data: bytes, kind: str) -> list[BookSheet]:
    """The sheets of an Excel 2.x-4.0 file (``OLD_EXCEL``, ``biff_books``), or a dBase table
    (``DBASE``) as its one sheet, with warnings saying what was assumed (the code page, memo
    fields, deleted records)."""
    if kind == OLD_EXCEL:
        return old_excel_sheets(data, ctx.limits)
    sheet, warnings = dbase_sheet(data, ctx.limits)
    for message, fix in warnings:
        ctx.add("warning", None, None, message, fix)
    return [sheet]
