"""What an upload may cost before it is refused: ``ReadLimits``, and their overrides from the
environment.

The file guard enforces the byte, archive and sheet-count limits before any parser runs; the
reader enforces rows and columns because only it sees them.
"""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, fields

_LOG = logging.getLogger(__name__)

MB = 1024 * 1024

#: Environment variables read by ``limits_from_env``.
ENV_MAX_UPLOAD_MB = "MNR_MAX_UPLOAD_MB"
ENV_MAX_ROWS_PER_SHEET = "MNR_MAX_ROWS_PER_SHEET"
ENV_MAX_FILES_PER_SESSION = "MNR_MAX_FILES_PER_SESSION"
ENV_MAX_SESSION_UPLOAD_MB = "MNR_MAX_SESSION_UPLOAD_MB"

# When an operator raises the upload limit, the expansion limit follows so that a larger, real
# workbook is not refused for unpacking to ordinary xlsx proportions (about 10x).
_UNCOMPRESSED_PER_UPLOAD_BYTE = 10


@dataclass(frozen=True)
class ReadLimits:
    """How much an upload may cost before anything parses it.

    The guard enforces the byte, archive and sheet-count limits; the reader enforces rows and
    columns because only it sees them. Every limit must be positive.
    """

    max_file_bytes: int = 20 * MB
    max_uncompressed_bytes: int = 200 * MB
    max_zip_entries: int = 2000
    max_compression_ratio: float = 200.0
    # Enforced by the reader, not by the guard: a regional long table (50 countries x 10
    # rounds x 28 items is 14,000 rows) and a global one read whole. What a sheet may cost in
    # memory is bounded apart from this (``xlsx_extent``, ``ods_guard``, ``xls_guard``).
    max_rows_per_sheet: int = 100_000
    max_columns: int = 300  # enforced by the reader
    max_sheets: int = 50  # checked by the guard from xl/workbook.xml

    def __post_init__(self) -> None:
        # A zero or negative limit is a configuration mistake that would reject every file (or,
        # for the ratio, none); say so at start-up rather than in front of an analyst.
        for field in fields(self):
            value = getattr(self, field.name)
            if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
                msg = f"ReadLimits.{field.name} must be a positive number, got {value!r}"
                raise ValueError(msg)


DEFAULT_LIMITS = ReadLimits()


#: The most cells of one sheet that are read: 9,999 rows of 300 columns, the grid calamine
#: may build (``xlsx_extent``, ``ods_guard``). A sheet so wide that the row limit would pass it
#: is read up to fewer rows (a long table's few columns never are: 29 columns reach 100,000).
MAX_SHEET_CELLS = 9999 * 300


def rows_within(limits: ReadLimits, columns: int) -> int:
    """The rows read of a sheet ``columns`` wide: the row limit, or fewer for a very wide one."""
    return max(1, min(limits.max_rows_per_sheet, MAX_SHEET_CELLS // max(columns, 1)))


def rows_cut(limit: int, what: str, *, columns: int | None = None) -> tuple[str, str]:
    """The message and fix for a sheet (``what``: "sheet" or "file") read up to the row
    limit, the rows after it left unread; with ``columns``, cut sooner for its width."""
    if columns is not None:
        return (
            f"The {what} has more than {limit:,} rows and is {columns} columns wide; the rows "
            f"after row {limit:,} were not read (a sheet is read up to {MAX_SHEET_CELLS:,} "
            "cells).",
            "Delete the columns the table does not use (empty or helper columns), or split "
            f"the data into sheets or files of at most {limit:,} rows, keeping each "
            "assessment's rows together.",
        )
    return (
        f"The {what} has more than {limit:,} rows; the rows after row {limit:,} were not read.",
        f"Split the data into sheets or files of at most {limit:,} rows, keeping each "
        "assessment's rows together (one per region or per year, for example). If you run "
        f"the dashboard, its row limit can be raised: {ENV_MAX_ROWS_PER_SHEET}.",
    )


def limits_from_env(environ: Mapping[str, str] | None = None) -> ReadLimits:
    """Limits with optional overrides from the environment (``os.environ`` by default).

    * ``MNR_MAX_UPLOAD_MB``: largest upload in megabytes (MiB), a positive number such as
      ``20`` or ``7.5``. Raising it above the default also raises the unpacked-size limit to
      ten times the upload limit, so a larger real workbook is not then refused for expanding.
    * ``MNR_MAX_ROWS_PER_SHEET``: a positive whole number.

    A missing or blank value means the default. An invalid one (not a number, zero, negative,
    infinite, a fraction of a row) also falls back to the default, and logs a warning: a typo in
    deployment settings must not take the upload page down, nor pass unnoticed.
    """
    env = os.environ if environ is None else environ
    defaults = DEFAULT_LIMITS

    max_file_bytes = defaults.max_file_bytes
    upload_mb = _positive_number(env, ENV_MAX_UPLOAD_MB)
    if upload_mb is not None:
        max_file_bytes = max(1, int(upload_mb * MB))

    max_rows = defaults.max_rows_per_sheet
    rows = _positive_number(env, ENV_MAX_ROWS_PER_SHEET, whole=True)
    if rows is not None:
        max_rows = int(rows)

    max_uncompressed = max(
        defaults.max_uncompressed_bytes, max_file_bytes * _UNCOMPRESSED_PER_UPLOAD_BYTE
    )
    return ReadLimits(
        max_file_bytes=max_file_bytes,
        max_uncompressed_bytes=max_uncompressed,
        max_rows_per_sheet=max_rows,
    )


@dataclass(frozen=True)
class SessionLimits:
    """How much one browser session may upload in all: files read, and their bytes.

    Each file is also bounded by ``ReadLimits``; these bound the sum, so that one visitor
    cannot make the server read without end. A file past either limit is not read, and the
    upload page says which limit and how to go on.
    """

    max_files: int = 50
    max_bytes: int = 200 * MB

    def __post_init__(self) -> None:
        if self.max_files <= 0 or self.max_bytes <= 0:
            msg = f"SessionLimits must be positive, got {self}"
            raise ValueError(msg)


def session_limits_from_env(environ: Mapping[str, str] | None = None) -> SessionLimits:
    """Session limits with overrides: ``MNR_MAX_FILES_PER_SESSION`` (a whole number) and
    ``MNR_MAX_SESSION_UPLOAD_MB`` (megabytes); invalid values fall back to the defaults with a
    logged warning, as in ``limits_from_env``."""
    env = os.environ if environ is None else environ
    defaults = SessionLimits()
    files = _positive_number(env, ENV_MAX_FILES_PER_SESSION, whole=True)
    megabytes = _positive_number(env, ENV_MAX_SESSION_UPLOAD_MB)
    return SessionLimits(
        max_files=defaults.max_files if files is None else int(files),
        max_bytes=defaults.max_bytes if megabytes is None else max(1, int(megabytes * MB)),
    )


def _positive_number(env: Mapping[str, str], key: str, *, whole: bool = False) -> float | None:
    raw = env.get(key)
    if raw is None or not raw.strip():
        return None
    try:
        value = float(int(raw)) if whole else float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value <= 0:
        _LOG.warning("Ignoring %s=%r: expected a positive number; using the default.", key, raw)
        return None
    return value
