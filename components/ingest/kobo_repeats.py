"""A KoboToolbox repeat group: the capabilities on a sheet of their own, joined to their form.

A Kobo form that asks about each capability in a repeat group is exported to Excel as one
sheet per table: the form's sheet, one row per submission (country, date, ``_index``), and
the repeat group's, one row per capability (capability, level, evidence) with
``_parent_index`` (the ``_index`` of the submission the row belongs to) and
``_parent_table_name`` (the form's sheet). Read apart, the form's sheet holds no levels and
the repeat sheet's rows have no country: every capability "appears twice".

``join_repeat_groups`` gives each repeat row its submission's particulars (the form's
columns naming the country, the date or year, the round, the respondent, and its
``_submission_time`` when no question asks the date), after the repeat sheet's last column,
so that the repeat sheet is read as a long table and its cells keep their names. The form's
sheet is then left out when it holds nothing else (the tool's own columns aside); when it
holds other answers (the enablers asked outside the repeat group) it is read on its own too.
When the join is not certain (no sheet of that name, a ``_parent_index`` that no submission
has, or two submissions with one ``_index``) the repeat sheet is not read and one error says
what it is and what to do; the form's sheet is then left out too, when it holds nothing else.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from components.ingest.column_roles import asks_country
from components.ingest.matching import classify_header
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.tool_columns import is_bookkeeping

_PARENT_INDEX = "_parent_index"
_PARENT_TABLE = "_parent_table_name"
_INDEX = "_index"
_SUBMITTED = "_submission_time"
_WHEN = ("date", "year")
# What a submission's columns say about its assessment, given to each of its repeat rows.
_META = frozenset({"country", "iso3", "year", "date", "when", "round", "assessed_by"})
# Kobo's header row is the first; a few rows are looked at in case a title was put above.
_HEADER_ROWS = 5
# Excel cuts a sheet's name at this many characters, and Kobo the form's sheet with it.
_SHEET_NAME_CHARS = 31

FIX_REPEAT = (
    "Export again from KoboToolbox with all the sheets of the form (the form's sheet, with "
    "its _index column, and the repeat group's sheet, with _parent_index), and upload the "
    "file without renaming the sheets or deleting rows; or copy each submission's Country "
    "and date onto its capability rows, as a table Country, Year, Capability, Level."
)


def join_repeat_groups(ctx: ReadContext, sheets: list[Sheet]) -> list[Sheet]:
    """The sheets to read: each repeat group's sheet joined to its form's submissions, the
    form's sheets left out; a repeat sheet that cannot be joined for certain left out too,
    with an error."""
    headers = {id(sheet): _header(sheet) for sheet in sheets}
    repeats = [s for s in sheets if _has(headers[id(s)], _PARENT_INDEX, _PARENT_TABLE)]
    if not repeats:
        return sheets
    joined: dict[int, Sheet | None] = {}
    parents: set[int] = set()
    for sheet in repeats:
        row, names = headers[id(sheet)]  # type: ignore[misc]
        parent = _parent_sheet(sheet, row, names, sheets, headers)
        result = _join(ctx, sheet, row, names, parent=parent, headers=headers)
        joined[id(sheet)] = result
        if parent is not None and _only_about(parent, headers):
            parents.add(id(parent))  # nothing on it but what the repeat rows now carry
    return [
        joined.get(id(s), s)  # type: ignore[misc]
        for s in sheets
        if id(s) not in parents and (id(s) not in joined or joined[id(s)] is not None)
    ]


def _header(sheet: Sheet) -> tuple[int, dict[str, int]] | None:
    """The header row holding Kobo's ``_index`` or ``_parent_index``, and its columns by
    name (folded)."""
    for row in range(min(len(sheet.rows), _HEADER_ROWS)):
        names = {
            value.strip().casefold(): column
            for column, value in enumerate(sheet.rows[row])
            if isinstance(value, str)
        }
        if _INDEX in names or _PARENT_INDEX in names:
            return row, names
    return None


def _has(header: tuple[int, dict[str, int]] | None, *names: str) -> bool:
    return header is not None and all(name in header[1] for name in names)


def _parent_sheet(
    sheet: Sheet,
    row: int,
    names: dict[str, int],
    sheets: list[Sheet],
    headers: dict[int, tuple[int, dict[str, int]] | None],
) -> Sheet | None:
    """The form's sheet the repeat rows name in ``_parent_table_name``, when one sheet with an
    ``_index`` column and no parent of its own has that name (or the name cut by Excel)."""
    tables = {
        str(v).strip().casefold()
        for v in sheet.column(names[_PARENT_TABLE], row + 1, len(sheet.rows))
        if v is not None and str(v).strip()
    }
    if len(tables) != 1:
        return None
    table = next(iter(tables))
    found = [
        other
        for other in sheets
        if other is not sheet
        and other.name
        and _has(headers[id(other)], _INDEX)
        and not _has(headers[id(other)], _PARENT_INDEX)
        and _names_table(other.name, table)
    ]
    return found[0] if len(found) == 1 else None


def _names_table(name: str, table: str) -> bool:
    name = name.strip().casefold()
    return name == table or (len(name) >= _SHEET_NAME_CHARS - 1 and table.startswith(name))


def _join(
    ctx: ReadContext,
    sheet: Sheet,
    row: int,
    names: dict[str, int],
    *,
    parent: Sheet | None,
    headers: dict[int, tuple[int, dict[str, int]] | None],
) -> Sheet | None:
    """The repeat sheet with its submission's answers after its last column, or ``None``
    (with the error said) when a row's submission cannot be found for certain."""
    where = names[_PARENT_INDEX]
    if parent is None:
        return _refuse(ctx, sheet, None, "no sheet of the file is the form's it names")
    top, parent_names = headers[id(parent)]  # type: ignore[misc]
    submissions: dict[Any, int] = {}
    for line in range(top + 1, len(parent.rows)):
        key = _key(parent.value(line, parent_names[_INDEX]))
        if key is None:
            continue
        if key in submissions:
            return _refuse(
                ctx,
                sheet,
                None,
                f"two rows of sheet {quoted(parent.name)} have the _index {quoted(key)}",
            )
        submissions[key] = line
    carried = [
        column
        for column, value in enumerate(parent.rows[top])
        if value is not None and not str(value).strip().startswith("_") and _about(value)
    ]
    dated = any(classify_header(parent.rows[top][c]) in _WHEN for c in carried)
    if not dated and _SUBMITTED in parent_names:
        carried.append(parent_names[_SUBMITTED])  # when submitted, if no question asks when
    width = max((len(cells) for cells in sheet.rows), default=0)
    rows = list(sheet.rows)
    rows[row] = _padded(rows[row], width) + tuple(parent.rows[top][c] for c in carried)
    for line in range(row + 1, len(rows)):
        if not any(v is not None for v in rows[line]):
            continue
        key = _key(sheet.value(line, where))
        if key not in submissions:
            cell = cell_address(line, where)
            return _refuse(
                ctx,
                sheet,
                cell,
                f"the _parent_index in {cell} is no submission's "
                f"_index on sheet {quoted(parent.name)}",
            )
        answers = tuple(parent.value(submissions[key], c) for c in carried)
        rows[line] = _padded(rows[line], width) + answers
    return replace(sheet, rows=rows, columns=None, merged_down=list(sheet.merged_down))


def _about(header: Any) -> bool:
    """Whether a form's column says whose and when the submission is (country, date,
    respondent) or is the tool's own: what each repeat row is given."""
    return classify_header(header) in _META or asks_country(header) or is_bookkeeping(header)


def _only_about(parent: Sheet, headers: dict[int, tuple[int, dict[str, int]] | None]) -> bool:
    """Whether the form's sheet holds nothing but its submissions' particulars: else it is
    read on its own too (the enablers asked outside the repeat group, say)."""
    top = headers[id(parent)][0]  # type: ignore[index]
    return all(
        value is None or str(value).strip().startswith("_") or _about(value)
        for value in parent.rows[top]
    )


def _padded(cells: tuple[Any, ...], width: int) -> tuple[Any, ...]:
    return tuple(cells) + (None,) * (width - len(cells))


def _key(value: Any) -> Any:
    """An ``_index`` as one key whether it was read as 3, 3.0 or "3"."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return value


def _refuse(ctx: ReadContext, sheet: Sheet, cell: str | None, why: str) -> None:
    ctx.add(
        "error",
        sheet,
        cell,
        f"Sheet {quoted(sheet.name)} is a KoboToolbox repeat group (its rows have "
        f"_parent_index and _parent_table_name): each row belongs to a submission on the "
        f"form's sheet, but {why}, so which country and date its levels are for is not "
        "certain. The sheet was not read.",
        FIX_REPEAT,
    )
