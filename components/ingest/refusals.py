"""How the file guard says no: ``FileRejected``, and the wording its checks share.

A refusal names what is wrong and what would fix it, in plain words an NGO analyst can act on;
it never repeats the file name (the caller shows it) and never quotes text from the file.
"""

from __future__ import annotations

import math
import zipfile
import zlib

from components.base.text import count_of
from components.ingest.limits import MB

FIX_UPLOAD_SPREADSHEET = (
    "Upload the assessment as an Excel workbook (.xlsx) or a CSV file. "
    "You can download the template from this page and fill it in."
)
FIX_SAVE_AS_XLSX = (
    "Open it in Excel, choose File > Save As, pick “Excel Workbook (*.xlsx)”, "
    "and upload the new file."
)

# Errors zipfile and its decompressors raise on damaged or unsupported archives. Listed, not
# caught broadly, so that a genuine bug in a guard still surfaces as a bug.
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    IndexError,
    KeyError,
)


class FileRejected(Exception):  # noqa: N818 - the name is part of the agreed interface
    """An upload that must not be parsed, with what is wrong and how to fix it, in plain words.

    ``message`` says what is wrong and ``fix`` what to do; neither repeats the file name (the
    caller shows it) and neither contains text taken from the file. ``kind`` is a stable,
    machine-readable label for logs and tests (see ``check_upload`` for the values); code that
    raises ``FileRejected`` for its own reasons may leave it as ``"other"``.
    """

    def __init__(self, message: str, fix: str, *, kind: str = "other") -> None:
        # Both strings go into ``args`` so that the exception pickles and copies faithfully.
        super().__init__(message, fix)
        self.message = message
        self.fix = fix
        self.kind = kind

    def __str__(self) -> str:
        return f"{self.message} {self.fix}"


def not_spreadsheet(what: str, fix: str = FIX_UPLOAD_SPREADSHEET) -> FileRejected:
    """The refusal of a file that is something else: "This file is a PDF document, ..."."""
    return FileRejected(f"This file is {what}, not a spreadsheet.", fix, kind="not_spreadsheet")


def size_and_limit(size: int, limit: int) -> tuple[str, str]:
    """Both sizes for an "is over the limit" message, never reading as equal.

    Rounding alone could print "20 MB; the limit is 20 MB" for a file a few bytes over; the
    file's size is then rounded up instead.
    """
    size_text, limit_text = _size_text(size), _size_text(limit)
    if size_text == limit_text:
        size_text = _size_text(size, round_up=True)
    if size_text == limit_text:
        size_text = f"{size:,} bytes"
        limit_text = f"{limit:,} bytes"
    return size_text, limit_text


def _size_text(size: float, *, round_up: bool = False) -> str:
    """Sizes as people read them: "23.4 MB", "600 KB", "900 bytes"."""
    if size < 1024:
        return count_of(math.ceil(size), "byte")
    unit, scale = ("KB", 1024) if size < MB // 10 else ("MB", MB)
    steps = 1 if unit == "KB" else 10  # whole kilobytes, tenths of a megabyte
    scaled = size * steps / scale
    rounded = math.ceil(scaled) if round_up else math.floor(scaled + 0.5)
    text = f"{rounded / steps:,.1f}" if steps > 1 else f"{rounded:,}"
    return text.removesuffix(".0") + " " + unit


def no_sheets(fix: str, what: str = "This workbook") -> FileRejected:
    """The refusal of a workbook with no sheet at all (``what``: "This spreadsheet", …)."""
    return FileRejected(
        f"{what} has no sheets, so there is nothing to read.", fix, kind="no_sheets"
    )


def too_many_sheets(count: int, limit: int, what: str = "This workbook") -> FileRejected:
    """The refusal of a workbook with more sheets than the dashboard reads from one file."""
    return FileRejected(
        f"{what} has {count:,} sheets; the dashboard reads at most {limit:,} from one file.",
        "Delete sheets you do not need, or split the assessments into several workbooks of at "
        f"most {limit:,} sheets each, and upload them one by one.",
        kind="too_many_sheets",
    )
