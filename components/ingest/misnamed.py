"""A file whose name says "Excel workbook" but whose bytes are something else.

People rename files, and some systems save a CSV, a web page or an error message under an
.xlsx name. The guard decides from the bytes what a file is; this module words what it finds
for a file *named* as a workbook, so that the person checks the file, not their columns:

* something that is no table at all (a PDF, a Word file, a web page, binary, a few lines of
  prose) is refused as "not a valid Excel workbook", saying what it looks like instead;
* text that reads as a table (comma, semicolon, tab or pipe separated) is read as CSV, with a
  warning that says so.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from components.ingest.refusals import FileRejected

if TYPE_CHECKING:
    from components.ingest.sheets import ReadContext

# The extensions that promise a workbook (Excel, its templates and macro files, OpenDocument).
WORKBOOK_EXTENSIONS = frozenset({"xlsx", "xlsm", "xltx", "xltm", "xls", "xlsb", "ods", "fods"})

_RENAMED_KINDS = frozenset({"not_spreadsheet", "not_text"})
_SEPARATORS = (",", ";", "\t", "|")
_LINES = 50

FIX_NOT_WORKBOOK = (
    "Open the original file in Excel or LibreOffice and save it as an Excel Workbook (.xlsx), "
    "or, if it is a CSV table, upload it with a .csv name."
)
FIX_READ_AS_CSV = (
    "Nothing to do if this is the table you meant. To avoid the surprise next time, upload it "
    "with a .csv name, or open it in Excel and save it as an Excel Workbook (.xlsx)."
)


def extension_of(name: str) -> str:
    """Lower-case extension without the dot; "" when there is none. Handles either slash."""
    base = name.replace("\\", "/").rpartition("/")[2]
    stem, dot, extension = base.rpartition(".")
    return extension.lower().strip() if dot and stem else ""


def not_workbook(extension: str, rejected: FileRejected) -> FileRejected:
    """The guard's refusal of a file named as a workbook, first saying it is not one."""
    if extension not in WORKBOOK_EXTENSIONS or rejected.kind not in _RENAMED_KINDS:
        return rejected
    return FileRejected(
        f"Its name ends in .{extension}, but it is not a valid Excel workbook. {rejected.message}",
        rejected.fix,
        kind=rejected.kind,
    )


def plain_text(extension: str) -> FileRejected:
    """The refusal of a few lines of text, no table, under a workbook's name."""
    return FileRejected(
        f"Its name ends in .{extension}, but it is not a valid Excel workbook: it holds plain "
        "text, not a table (it may be a note or an error message saved under that name, or a "
        "damaged file).",
        FIX_NOT_WORKBOOK,
        kind="not_workbook",
    )


def say_read_as_csv(ctx: ReadContext, name: str, kind: str) -> None:
    """Warn when a file named as a workbook is read as a CSV text table."""
    extension = extension_of(name)
    if kind == "csv" and extension in WORKBOOK_EXTENSIONS:
        ctx.add(
            "warning",
            None,
            None,
            f"Its name ends in .{extension}, but it is not an Excel workbook: it is a CSV "
            "text table, so it was read as CSV.",
            FIX_READ_AS_CSV,
        )


def reads_as_table(text: str) -> bool:
    """Whether text splits into columns alike on its first lines: one separator (comma,
    semicolon, tab or pipe) on at least four lines in five, the same number of times on most."""
    lines = [line for line in text[:65536].splitlines() if line.strip()][:_LINES]
    if len(lines) < 2:
        return False
    for separator in _SEPARATORS:
        counts = [line.count(separator) for line in lines]
        if sum(c > 0 for c in counts) * 5 < len(counts) * 4:
            continue
        _, alike = Counter(c for c in counts if c).most_common(1)[0]
        if alike * 2 >= len(lines):
            return True
    return False
