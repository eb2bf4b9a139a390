"""Headers whose meaning the cells under them decide.

A column headed "Code" that holds country codes, not capability codes. "Code" is, in the
vocabulary, a header of the capability's number ("Code | Capability | Level"). A long table
that keeps the country's ISO 3166 code beside its name heads that column "Code" too, and
holds "KEN" on every row; read as the capability's code, every row would be reported as
naming no capability. ``code_fields`` looks at the values: a column whose every filled cell
is a country's alpha-3 code is the country code's column. Likewise a column headed "Name"
(Airtable's primary field) whose every value names a capability ("1. Leadership") is the
capability's column, in a table with a Level column and no other naming the capability.

Countries merged over ``Level | Comment`` sub-columns, capabilities down. The countries' row
is found as the header, and a comment column under "Uganda" would be read as a second level
column of Uganda (its "pending" cells read as not assessed). ``item_roles`` reads the row of
sub-headers under it instead: each Level column is the country's named above it, and the
comment column beside it its notes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from components.ingest.countries import country_of_code
from components.ingest.item_columns import item_fields
from components.ingest.matching import Field, classify_header, exact_reference, is_summary
from components.ingest.record_ids import record_id_fields
from components.ingest.sheets import ReadContext, Sheet
from components.ingest.vocabulary import key_of

# Values looked at below the header.
SAMPLE_ROWS = 40
# A database's or list tool's first column, its records' names (Airtable's primary field
# "Name"), in the vocabulary's languages: the capability's column when every value names one.
NAME_WORDS = frozenset({"name", "names", "nom", "nombre", "nome", "label", "etiqueta"})
MIN_NAMED = 3


def code_fields(
    ctx: ReadContext, sheet: Sheet, row: int, fields: Mapping[Field, int]
) -> dict[Field, int]:
    """``fields`` (a header row's columns by field) with a "number" column whose values are all
    country codes ("KEN") taken as the country code's column instead, and a column headed
    "Name" whose values all name capabilities as the capability's, when no other is."""
    found = record_id_fields(ctx, sheet, row, fields)
    column = found.get("number")
    if column is not None:
        values = _below(sheet, row, column)
        if values and all(isinstance(v, str) and country_of_code(v.strip()) for v in values):
            del found["number"]
            found.setdefault("iso3", column)
    if "level" in found and not found.keys() & {"number", "capability", "enabler"}:
        for column, value in enumerate(sheet.rows[row]):
            if isinstance(value, str) and key_of(value) in NAME_WORDS:
                values = _below(sheet, row, column)
                if len(values) >= MIN_NAMED and all(
                    exact_reference(v, ctx.capabilities) is not None for v in values
                ):
                    found["capability"] = column
                    break
    return item_fields(ctx, sheet, row, found)  # "indicator_code", "KPI" beside an "id"


def _below(sheet: Sheet, row: int, column: int) -> list[Any]:
    return [v for v in sheet.column(column, row + 1, row + 1 + SAMPLE_ROWS) if v is not None]


def item_roles(
    sheet: Sheet, row: int, key: int, assessments: tuple[int, ...], skipped: tuple[int, ...]
) -> tuple[int, int, tuple[int, ...], tuple[int, ...], dict[int, Any], dict[int, int]]:
    """The fields of a capabilities-down table (``layout.ItemRows``) headed at ``row`` by the
    assessments' names: as given, or, when the row below marks every such column's role
    (Level, Comment, Confidence) and names no capability, headed by that row with each Level
    column named by the cell above it and its notes column beside it."""
    given = (row, key, assessments, skipped, {}, {})
    below = sheet.rows[row + 1] if row + 1 < len(sheet.rows) else ()
    columns = sorted({*assessments, *skipped})
    roles = {c: classify_header(below[c]) if c < len(below) else None for c in columns}
    levels = [c for c in columns if roles[c] == "level"]
    if not levels or any(role is None for role in roles.values()) or sheet.value(row + 1, key):
        return given
    names = {c: sheet.value(row, c) for c in levels}
    texts = [n for n in names.values() if isinstance(n, str) and n.strip()]
    if len(texts) != len(levels) or len(set(texts)) != len(texts):
        return given
    if any(classify_header(n) is not None or is_summary(n) for n in texts):
        return given
    evidence: dict[int, int] = {}
    for position, column in enumerate(levels):
        end = levels[position + 1] if position + 1 < len(levels) else len(below)
        notes = [c for c in range(column + 1, end) if roles.get(c) == "evidence"]
        if notes and sheet.value(row, notes[0]) == names[column]:
            evidence[column] = notes[0]
    return (row + 1, key, tuple(levels), (), names, evidence)
