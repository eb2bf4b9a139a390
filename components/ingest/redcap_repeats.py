"""A REDCap record over several rows: each row takes its record's country.

REDCap exports a record over several rows when its project repeats an instrument or runs
events. With a repeating instrument, the record's first row holds its own fields (the
country, the focal point) with ``redcap_repeat_instrument`` empty, then a row per instance
(``redcap_repeat_instrument`` "mnr_assessment", ``redcap_repeat_instance`` 1, 2 …) holds the
date and the levels with the record's fields empty; in a longitudinal project, the country
is on the row of the event whose instrument asks it. The ``record_id`` ties each row to its
record, wherever its rows are. So, before the sheet is read, a row whose country (or ISO3)
cell is empty is given its record's, when the record's rows give one value, said once for
the sheet. Nothing else is copied, never a level or a date. A record whose rows give no
country, or two, gets none here, nor another record's from the row above
(``country_rows_fill`` asks ``other_record``). REDCap's labels ("Record ID", "Repeat
Instrument", "Event Name") are read as its field names are.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from components.ingest.matching import classify_header
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.values import is_blank
from components.ingest.vocabulary import key_of

_RECORD = frozenset({"record id"})
_INSTRUMENT = frozenset({"redcap repeat instrument", "repeat instrument"})
_EVENT = frozenset({"redcap event name", "event name"})


def join_repeat_instances(ctx: ReadContext, sheets: list[Sheet]) -> list[Sheet]:
    """``sheets``, each REDCap export with a repeating instrument given its records' fields
    on its instance rows (said); the others as they are."""
    return [_joined(ctx, sheet) for sheet in sheets]


def other_record(sheet: Sheet, header: int, row: int, source: int) -> bool:
    """Whether ``row`` and ``source`` are rows of two different REDCap records (a header
    row ``header`` with a record id and a repeat instrument or event column): a country is
    never carried from one record's rows to another's."""
    record, _ = _record_columns(sheet.rows[header] if header < len(sheet.rows) else ())
    if record is None:
        return False
    return _text(sheet.value(row, record)) != _text(sheet.value(source, record))


def _record_columns(head: tuple[Any, ...]) -> tuple[int | None, int | None]:
    """The record id's column and the repeat instrument's or event's, in a REDCap header."""
    # Most sheets have no REDCap column at all, told by the header's text before any key.
    if not any(isinstance(v, str) and ("epeat" in v or "vent" in v) for v in head):
        return None, None
    keys = [key_of(v) if isinstance(v, str) else "" for v in head]
    record = next((c for c, k in enumerate(keys) if k in _RECORD), None)
    how = next((c for c, k in enumerate(keys) if k in _INSTRUMENT | _EVENT), None)
    return (record, how) if record is not None and how is not None else (None, None)


def _joined(ctx: ReadContext, sheet: Sheet) -> Sheet:
    if not sheet.rows or not sheet.rows[0]:
        return sheet
    head = sheet.rows[0]
    record, how = _record_columns(head)
    fields = [c for c, v in enumerate(head) if classify_header(v) in ("country", "iso3")]
    if record is None or how is None or not fields:
        return sheet
    rows = list(sheet.rows)
    by_record: dict[str, list[int]] = {}
    for row in range(1, len(rows)):
        record_id = _text(sheet.value(row, record))
        if record_id is not None:
            by_record.setdefault(record_id, []).append(row)
    given: list[int] = []
    for members in by_record.values():
        for column in fields:
            values = {_text(sheet.value(r, column)) for r in members} - {None}
            if len(values) != 1:
                continue  # none given, or two different: the record says no one value
            source = next(r for r in members if _text(sheet.value(r, column)) is not None)
            for row in members:
                if _text(sheet.value(row, column)) is None:
                    cells = list(rows[row]) + [None] * (column + 1 - len(rows[row]))
                    cells[column] = sheet.value(source, column)
                    rows[row] = tuple(cells)
                    given.append(row)
    if not given:
        return sheet
    given = sorted(set(given))
    _say(ctx, sheet, given, fields=[head[c] for c in fields], record=head[record], how=head[how])
    return replace(sheet, rows=rows, columns=None)


def _text(value: Any) -> str | None:
    if is_blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _say(
    ctx: ReadContext, sheet: Sheet, given: list[int], *, fields: list[Any], record: Any, how: Any
) -> None:
    shown = [str(r + 1) for r in given]
    listed = ", ".join(shown[:8]) + (f" and {len(shown) - 8} more" if len(shown) > 8 else "")
    named = " and ".join(quoted(f) for f in fields)
    ctx.add(
        "warning",
        sheet,
        cell_address(given[0], 0),
        f"This is a REDCap export of records over several rows ({quoted(how)}): rows "
        f"{listed} leave {named} empty, so each was given its record's, from the record's row "
        f"that gives it, matched by {quoted(record)}.",
        "Nothing to do if each record is one country. Otherwise write the country on each "
        "row, or export the records with their fields on every row.",
    )
