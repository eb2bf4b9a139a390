"""What reading a file gives back: the tidy tables of the data contract, and the problems.

The column lists are the data contract of ``design.md``: one row per (assessment, capability)
in ``CAPABILITY_COLUMNS``, per (assessment, enabler) in ``ENABLER_COLUMNS``, with the dtypes
``contract_dtypes`` gives. A ``Problem`` is one thing the reader could not use as given;
``ReadResult`` holds one file's tables and problems. ``find_duplicate_assessments`` spots the
same assessment read twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Literal

import numpy as np
import pandas as pd
import pyarrow as pa

from components.base.text import normalise

ASSESSMENT_COLUMNS = [
    "assessment_id",
    "country",
    "iso3",
    "year",
    "date",
    "round",
    "assessed_by",
    "source",
]
CAPABILITY_COLUMNS = [
    *ASSESSMENT_COLUMNS,
    "capability",
    "domain",
    "level",
    "evidence",
    "confidence",
]
ENABLER_COLUMNS = [*ASSESSMENT_COLUMNS, "enabler", "level", "evidence", "confidence"]
# An assessment's action plan: one row per capability that has one (``components.ingest.plans``).
PLAN_COLUMNS = [
    "assessment_id",
    "capability",
    "priority",
    "target_level",
    "target_date",
    "lead",
    "actions",
    "status",
]
DUPLICATE_COLUMNS = [
    "duplicate_group",
    "assessment_id",
    "country",
    "year",
    "date",
    "round",
    "source",
    "assessed",
]
PROBLEM_COLUMNS = ["severity", "file", "sheet", "cell", "message", "fix"]

# Between the file name and the sheet name in the ``source`` column: "a.xlsx › Data".
SOURCE_SEPARATOR = " › "

Severity = Literal["error", "warning"]
_INT_COLUMNS = ("year", "capability", "enabler", "level", "target_level")
_TEXT_COLUMNS = (
    "assessment_id",
    "country",
    "iso3",
    "date",
    "round",
    "assessed_by",
    "source",
    "domain",
    "evidence",
    "confidence",
    "priority",
    "target_date",
    "lead",
    "actions",
    "status",
)


def empty_plans() -> pd.DataFrame:
    """A plan frame with no rows, in the contract's columns and dtypes (a fresh copy: every
    reading of a file without a plan makes one, and converting dtypes costs more than that)."""
    return _empty_plans().copy()


@cache
def _empty_plans() -> pd.DataFrame:
    integers, text = _contract_dtypes()
    return pd.DataFrame(
        {
            column: pd.array([], dtype=integers if column in _INT_COLUMNS else text)
            for column in PLAN_COLUMNS
        }
    )


@dataclass(frozen=True)
class Problem:
    """One thing the reader could not use as given.

    ``error``: the value was not used. ``warning``: it was used with the assumption the
    message states. ``cell`` is an Excel address ("D14"), a row ("row 14"), or ``None`` when
    the problem concerns a whole sheet or file.
    """

    severity: Severity
    file: str
    sheet: str | None
    cell: str | None
    message: str
    fix: str


@dataclass(frozen=True, eq=False)
class ReadResult:
    """Everything read from one file: tidy tables and the problems found on the way."""

    file: str
    capabilities: pd.DataFrame
    enablers: pd.DataFrame
    problems: tuple[Problem, ...]
    # Labels that named no capability (for the mapping step), each once.
    unmatched_labels: tuple[str, ...] = ()
    # False when the file could not be opened as a spreadsheet at all (refused by the file
    # guard, damaged, protected): then no choice of rows or columns can help.
    opened: bool = True
    # The action plans read with them (``PLAN_COLUMNS``), empty when the file has none.
    plans: pd.DataFrame = field(default_factory=empty_plans)

    def problems_frame(self) -> pd.DataFrame:
        """The problems as a table, errors first, otherwise in the order they were found."""
        frame = pd.DataFrame(
            [[getattr(p, column) for column in PROBLEM_COLUMNS] for p in self.problems],
            columns=PROBLEM_COLUMNS,
            dtype=object,
        )
        order = frame["severity"].map({"error": 0, "warning": 1})
        return (
            frame.assign(_order=order)
            .sort_values("_order", kind="stable")
            .drop(columns="_order")
            .reset_index(drop=True)
        )


def summarise_assessments(capabilities: pd.DataFrame) -> pd.DataFrame:
    """Assessment columns plus ``assessed`` (capabilities with a level) and ``total``."""
    columns = [*ASSESSMENT_COLUMNS, "assessed", "total"]
    if capabilities.empty:
        return contract_dtypes(pd.DataFrame(columns=columns)).astype(
            {"assessed": "int64", "total": "int64"}
        )
    grouped = capabilities.groupby("assessment_id", sort=False, dropna=False)
    counts = grouped["level"].agg(assessed="count", total="size").reset_index()
    first = capabilities.drop_duplicates("assessment_id")[ASSESSMENT_COLUMNS]
    summary = first.merge(counts, on="assessment_id", how="left")
    return summary.astype({"assessed": "int64", "total": "int64"}).reset_index(drop=True)


def contract_dtypes(frame: pd.DataFrame) -> pd.DataFrame:
    """The data contract's dtypes: nullable integers, text as "string" with <NA>."""
    types = {c: "Int64" for c in _INT_COLUMNS if c in frame.columns}
    types.update({c: "string" for c in _TEXT_COLUMNS if c in frame.columns})
    return frame.astype(types)


def contract_array(column: str, values: Sequence[object]) -> pd.api.extensions.ExtensionArray:
    """One column of the data contract built straight into its dtype (see ``contract_dtypes``),
    without an object table first: that costs more than reading a small file.

    Integer columns hold small whole numbers (levels, years, item numbers) or ``None``, so
    they pass through float, where ``None`` is NaN and becomes <NA>, instead of Python's
    value-by-value conversion; a column of only ``None`` (no evidence given) is one <NA>
    repeated. Text of only ``str`` and ``None`` goes to pyarrow directly (what pandas does
    after checking and converting each value); anything else takes pandas' way.
    """
    values = list(values)
    integers, text = _contract_dtypes()
    dtype = integers if column in _INT_COLUMNS else text if column in _TEXT_COLUMNS else object
    if values and values.count(None) == len(values):
        return _missing(dtype, len(values))
    if dtype is integers:
        return _integer_array(values, integers)
    if dtype is text and text.storage == "pyarrow" and set(map(type, values)) <= _PLAIN_TEXT:
        return pd.arrays.ArrowStringArray(pa.array(values, type=pa.large_string()), dtype=text)
    return pd.array(values, dtype=dtype)


_PLAIN_TEXT = {str, type(None)}


@lru_cache(maxsize=64)
def constant_array(column: str, values: tuple[object, ...]) -> pd.api.extensions.ExtensionArray:
    """``contract_array`` of values that are the same in every read (a framework's item
    numbers and domains), made once per process. Only to take rows from (``take_rows``
    makes a new array): the array itself is shared, and never goes into a table."""
    return contract_array(column, values)


def _missing(dtype: object, count: int) -> pd.api.extensions.ExtensionArray:
    """``count`` missing values (<NA>) of a column's dtype, made directly: an assessment
    seldom gives a round, an assessor, evidence or confidence, and taking ``count`` copies
    of one <NA> costs twenty times more than this."""
    integers, text = _contract_dtypes()
    if dtype is integers:
        # The numbers under the mask are never read: zeros.
        return pd.arrays.IntegerArray(np.zeros(count, dtype=np.int64), np.ones(count, dtype=bool))
    if dtype is text and text.storage == "pyarrow":
        return pd.arrays.ArrowStringArray(pa.nulls(count, pa.large_string()), dtype=text)
    return pd.array([None], dtype=dtype).take(np.zeros(count, dtype=np.intp))


def _integer_array(values: list[object], dtype: pd.Int64Dtype) -> pd.api.extensions.ExtensionArray:
    """Whole numbers and ``None`` as an Int64 array, numbers and mask made by numpy (pandas'
    own conversion checks every value again); anything else goes to pandas, which says
    what is wrong with it."""
    floats = np.array(values, dtype=float)
    missing = np.isnan(floats)
    whole = np.where(missing, 0.0, floats)
    with np.errstate(invalid="ignore"):
        numbers = whole.astype(np.int64)
    if not np.array_equal(numbers, whole):
        return pd.array(floats, dtype=dtype)
    return pd.arrays.IntegerArray(numbers, missing)


def take_rows(
    array: pd.api.extensions.ExtensionArray, indices: np.ndarray
) -> pd.api.extensions.ExtensionArray:
    """``array.take(indices)`` for indices known to be in range (no negatives, no fill):
    text through pyarrow's take, without pandas' checks of the indices (half the time)."""
    if isinstance(array, pd.arrays.ArrowStringArray):
        arrow = pa.array(array)
        if arrow.null_count == len(arrow):  # nothing given: no values to take
            return _missing(array.dtype, len(indices))
        return pd.arrays.ArrowStringArray(arrow.take(indices), dtype=array.dtype)
    return array.take(indices)


@cache
def _contract_dtypes() -> tuple[pd.Int64Dtype, pd.StringDtype]:
    """The dtype objects, made once (a dtype named by a string is parsed on every use)."""
    return pd.Int64Dtype(), pd.StringDtype()


def find_duplicate_assessments(capabilities: pd.DataFrame) -> pd.DataFrame:
    """Assessments that look like the same one read twice (possibly from different files).

    Same country (ignoring case and spacing), same date (or year when there is no date) and
    same round. Returns ``DUPLICATE_COLUMNS``, one row per assessment in a group of two or
    more; ``duplicate_group`` numbers the groups from 1. Empty when there are none.
    """
    summary = summarise_assessments(capabilities)
    if summary.empty:
        return contract_dtypes(pd.DataFrame(columns=DUPLICATE_COLUMNS)).astype(
            {"duplicate_group": "int64", "assessed": "int64"}
        )
    when = summary["date"].fillna(summary["year"].astype("string")).fillna("")
    key = (
        summary["country"].fillna("").map(normalise)
        + "|"
        + when
        + "|"
        + summary["round"].fillna("").map(normalise)
    )
    sizes = key.map(key.value_counts())
    duplicates = summary[sizes > 1].copy()
    groups = {k: i for i, k in enumerate(dict.fromkeys(key[sizes > 1]), start=1)}
    duplicates["duplicate_group"] = key[sizes > 1].map(groups).astype("int64")
    duplicates = duplicates.sort_values("duplicate_group", kind="stable")
    return duplicates[DUPLICATE_COLUMNS].reset_index(drop=True)
