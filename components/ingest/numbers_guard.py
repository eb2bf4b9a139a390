"""The file guard's checks of an Apple Numbers spreadsheet (.numbers), before anything opens it.

A .numbers file is a zip of ``Index/*.iwa`` archives (protobuf messages in snappy-compressed
chunks), ``Metadata/`` property lists and preview pictures. ``zip_guard`` has already bounded
the zip itself (parts, unpacked size, ratio) when ``check_numbers`` runs; what is left is what
numbers-parser would do with the parts, checked here from their bytes alone:

* a password: Numbers stores the hint (``.iwph``) and the verifier (``.iwpv2``) beside
  encrypted archives; refused saying how to remove the password;
* an ``Index.zip`` inside (as older packages hold their archives): numbers-parser opens it
  whole, so it is held to the same limits as the file, its parts counted with the file's; a
  zip inside that one is no Numbers file;
* the archives' snappy chunks: each declares its unpacked length, which snappy holds it to, so
  their sum bounds what numbers-parser unpacks before a message is parsed;
* the property list numbers-parser parses (``plistlib``): one declaring entities is refused.

Nothing here imports numbers-parser: the guard stays cheap, and ``numbers_books`` reads the
file once these checks pass.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from typing import Final

from components.ingest.limits import MB, ReadLimits
from components.ingest.refusals import ZIP_ERRORS, FileRejected, size_and_limit

#: The kind ``check_upload`` names an Apple Numbers spreadsheet (read as the .xlsx made of it:
#: ``numbers_books``).
NUMBERS: Final = "numbers"

_PASSWORD_PARTS = (".iwph", ".iwpv2")
# What numbers-parser's archives unpack to, at most: real spreadsheets unpack to a few
# megabytes (a 20,000-row table to about 10 MB); the messages are then parsed whole in memory.
_MAX_ARCHIVE_BYTES = 100 * MB
_MAX_PLIST_BYTES = 1 * MB
_RATIO_MIN_UNCOMPRESSED_BYTES = 1 * MB

_FIX_EXPORT = (
    "Open it in Numbers, choose File > Export To > Excel, and upload the .xlsx file it makes."
)
_FIX_LOCKED = (
    "Open it in Numbers, choose File > Change Password, enter the password and click "
    "“Remove Password”, then upload the file again (or export it as Excel without a password: "
    "File > Export To > Excel)."
)


def is_numbers(members: Mapping[str, zipfile.ZipInfo]) -> bool:
    """Whether a zip's parts are an Apple Numbers document's: archives under ``Index/`` (some
    files have a folder around them), or an ``Index.zip`` of them."""
    return any(
        ((name.startswith("Index/") or "/Index/" in name) and name.endswith(".iwa"))
        or name.rpartition("/")[2].lower() == "index.zip"
        for name in members
    )


def check_numbers(
    archive: zipfile.ZipFile, members: Mapping[str, zipfile.ZipInfo], limits: ReadLimits
) -> None:
    """Refuse a Numbers document that is locked, damaged or would unpack too far."""
    if any(name.rpartition("/")[2] in _PASSWORD_PARTS for name in members):
        raise FileRejected(
            "This Numbers spreadsheet is protected with a password, so the dashboard cannot "
            "open it.",
            _FIX_LOCKED,
            kind="encrypted",
        )
    unpacked = 0
    parts = len(members)
    for name, info in members.items():
        if info.is_dir():
            continue
        if name.lower().endswith(".zip"):
            inner, count = _inner_archives(_read(archive, info), limits, parts)
            unpacked += inner
            parts += count
        elif name.endswith(".iwa"):
            unpacked += archive_length(_read(archive, info))
        elif name.endswith(".plist"):
            _check_plist(archive, info)
        if unpacked > _MAX_ARCHIVE_BYTES:
            raise _too_big(unpacked)


def archive_length(data: bytes) -> int:
    """What an .iwa archive unpacks to: the lengths its snappy chunks declare (each chunk is a
    zero byte, its length in three bytes, then snappy's own length as a varint). Raises
    ``FileRejected`` (damaged) for bytes that are no such chunks."""
    total, at = 0, 0
    while at < len(data):
        if data[at] != 0 or at + 4 > len(data):
            raise damaged()
        length = int.from_bytes(data[at + 1 : at + 4], "little")
        chunk = data[at + 4 : at + 4 + length]
        if len(chunk) != length:
            raise damaged()
        total += _varint(chunk)
        at += 4 + length
    return total


def damaged() -> FileRejected:
    """The refusal of a Numbers file that cannot be read as one."""
    return FileRejected(
        "This Apple Numbers spreadsheet seems to be damaged or incomplete, so it could not be "
        "opened.",
        "Open it in Numbers to check it, then save it again (or choose File > Export To > "
        "Excel) and upload the new file. If the upload was interrupted, simply try again.",
        kind="damaged",
    )


def _varint(chunk: bytes) -> int:
    """Snappy's unpacked length at the start of a chunk (at most five bytes, 32 bits)."""
    value = 0
    for shift, byte in zip(range(0, 35, 7), chunk[:5], strict=False):
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value
    raise damaged()


def _inner_archives(data: bytes, limits: ReadLimits, parts: int) -> tuple[int, int]:
    """(what the archives of an ``Index.zip`` unpack to, its parts), held to the file's limits."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as inner:
            infos = inner.infolist()
            if parts + len(infos) > limits.max_zip_entries:
                raise _too_many_parts(parts + len(infos), limits)
            total = sum(info.file_size for info in infos)
            if total > limits.max_uncompressed_bytes:
                raise _too_big(total)
            unpacked = 0
            for info in infos:
                ratio = info.file_size / max(info.compress_size, 1)
                if (
                    info.filename.lower().endswith(".zip")
                    or info.flag_bits & 0x1
                    or (
                        info.file_size > _RATIO_MIN_UNCOMPRESSED_BYTES
                        and ratio > limits.max_compression_ratio
                    )
                ):
                    raise damaged()  # Numbers nests no deeper and locks no single part
                if info.filename.endswith(".iwa") and not info.is_dir():
                    unpacked += archive_length(_read(inner, info))
            return unpacked, len(infos)
    except ZIP_ERRORS:
        raise damaged() from None


def _too_big(unpacked: int) -> FileRejected:
    size, limit = size_and_limit(unpacked, _MAX_ARCHIVE_BYTES)
    return FileRejected(
        f"Once unpacked, this Numbers spreadsheet would take at least {size}, more than the "
        f"{limit} the dashboard allows, so it was not opened, for safety.",
        "If this is a real spreadsheet, delete sheets, tables and pictures you do not need, or "
        "split the assessments into several files. " + _FIX_EXPORT,
        kind="too_big_unpacked",
    )


def _too_many_parts(count: int, limits: ReadLimits) -> FileRejected:
    return FileRejected(
        f"This Numbers spreadsheet is made of {count:,} internal parts; the dashboard accepts "
        f"at most {limits.max_zip_entries:,}, so it was not opened, for safety.",
        _FIX_EXPORT,
        kind="too_many_parts",
    )


def _check_plist(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """A property list numbers-parser parses must not declare entities (Apple's never do)."""
    if info.file_size > _MAX_PLIST_BYTES:
        raise damaged()
    if b"<!ENTITY" in _read(archive, info).upper():
        raise FileRejected(
            "This file contains unsafe content: it carries hidden instructions (XML "
            "declarations) that Numbers never writes and that are used to attack web services. "
            "It was not opened.",
            _FIX_EXPORT,
            kind="unsafe_content",
        )


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """One part's bytes (the guard has bounded their size), or damaged."""
    try:
        with archive.open(info) as member:
            return member.read(info.file_size + 1)
    except ZIP_ERRORS:
        raise damaged() from None
