"""A form tool's coded answers read through the form's own choices, pasted beside them.

KoboToolbox, ODK and SurveyCTO export a select-one answer as its choice's name ("XML
values"), which the form's designer may have made a code: levels 1 to 5, countries "KE",
"TZ". The codes alone do not say which level each is (1 may be "Not in place" or "Building"),
but an analyst often pastes the form's definition (its XLSForm) into the workbook: a
``survey`` sheet (type, name, label: "select_one level", "c01") and a ``choices`` sheet
(list_name, name, label: "level", 1, "Not in place (0)"). A careful reader looks each code up
there; ``read_form_choices`` does the same: in the sheets of answers, each cell of a question
whose survey row says "select_one <list>" holding one of that list's names is replaced by its
label (the first label column when there are several languages), said in a warning naming
the lists and a few of their codes. The form's definition sheets are then left out, said too:
they hold no assessment.

Nothing is changed when the workbook has no such pair of sheets, when no column of answers is
one of the survey's select-one questions (by its name, a group path before it allowed), or
for a cell that is none of its list's names.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from components.ingest.sheets import ReadContext, Sheet, quoted
from components.ingest.vocabulary import key_of

# The first rows looked at for the definition's header ("list_name | name | label").
_TOP = 5
# Codes shown in the warning, per list.
_SHOWN = 3


@dataclass(frozen=True)
class _Definition:
    survey: Sheet
    choices: Sheet
    questions: dict[str, str]  # question name -> its choice list
    lists: dict[str, dict[str, Any]]  # list name -> choice name -> label


def read_form_choices(ctx: ReadContext, sheets: list[Sheet]) -> list[Sheet]:
    """The sheets with each coded answer replaced by its choice's label, and the form's
    definition sheets left out, when the workbook holds the form's survey and choices sheets;
    else ``sheets`` as they are."""
    if len(sheets) < 3:
        return sheets
    found = _definition(sheets)
    if found is None:
        return sheets
    used: dict[str, set[str]] = {}
    read: list[Sheet] = []
    for sheet in sheets:
        if sheet is found.survey or sheet is found.choices:
            continue
        read.append(_decoded(sheet, found, used))
    if not used:
        return sheets
    lists = "; ".join(
        f"{quoted(name)}: "
        + ", ".join(
            f"{quoted(code)} = {quoted(found.lists[name][code])}"
            for code in sorted(used[name], key=_order)[:_SHOWN]
        )
        + (", …" if len(used[name]) > _SHOWN else "")
        for name in sorted(used)
    )
    ctx.add(
        "warning",
        None,
        None,
        f"The answers are the form's choice codes; they were read by the labels in sheet "
        f"{quoted(found.choices.name)} ({lists}). Sheets {quoted(found.survey.name)} and "
        f"{quoted(found.choices.name)} are the form's definition and were not read as "
        "assessments.",
        "Check that the choices sheet is the one the form used. Exporting the responses with "
        "labels instead of codes (“XML values and headers” off) avoids the look-up.",
    )
    return read


def _order(code: str) -> tuple[int, float | str]:
    try:
        return 0, float(code)
    except ValueError:
        return 1, code


def _definition(sheets: list[Sheet]) -> _Definition | None:
    survey = choices = None
    for sheet in sheets:
        top = _header(sheet)
        if top is None:
            continue
        row, columns = top
        if {"list_name", "name", "label"} <= columns.keys() and choices is None:
            choices = (sheet, row, columns)
        elif {"type", "name"} <= columns.keys() and survey is None:
            survey = (sheet, row, columns)
    if survey is None or choices is None:
        return None
    lists: dict[str, dict[str, Any]] = {}
    sheet, row, columns = choices
    for cells in sheet.rows[row + 1 :]:
        name, code, label = (_cell(cells, columns[k]) for k in ("list_name", "name", "label"))
        if isinstance(name, str) and name.strip() and code is not None and label is not None:
            lists.setdefault(name.strip(), {}).setdefault(_code(code), label)
    questions: dict[str, str] = {}
    sheet, row, columns = survey
    for cells in sheet.rows[row + 1 :]:
        kind, name = _cell(cells, columns["type"]), _cell(cells, columns["name"])
        parts = str(kind).split() if kind is not None else []
        if len(parts) == 2 and parts[0] == "select_one" and parts[1] in lists and name:
            questions[str(name).strip()] = parts[1]
    if not questions:
        return None
    return _Definition(survey[0], choices[0], questions, lists)


def _header(sheet: Sheet) -> tuple[int, dict[str, int]] | None:
    """The row of an XLSForm sheet's column names and where each is ("label::English (en)"
    is a label; the first one counts)."""
    for row, cells in enumerate(sheet.rows[:_TOP]):
        names: dict[str, int] = {}
        for column, value in enumerate(cells):
            if isinstance(value, str):
                name = value.strip().casefold().split("::")[0].replace(" ", "_")
                names.setdefault(name, column)
        if "name" in names and ("type" in names or "list_name" in names):
            return row, names
    return None


def _cell(cells: tuple[Any, ...], column: int) -> Any:
    value = cells[column] if column < len(cells) else None
    return None if isinstance(value, str) and not value.strip() else value


def _code(value: Any) -> str:
    """A choice's name as compared: 1, 1.0 and "1" alike."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _decoded(sheet: Sheet, found: _Definition, used: dict[str, set[str]]) -> Sheet:
    header = _answers_header(sheet, found)
    if header is None:
        return sheet
    row, columns = header
    rows = list(sheet.rows)
    for line in range(row + 1, len(rows)):
        cells = list(rows[line])
        for column, name in columns.items():
            if column >= len(cells) or cells[column] is None or isinstance(cells[column], bool):
                continue
            code = _code(cells[column])
            label = found.lists[name].get(code)
            if label is not None and _code(label) != code:  # a label exported as itself: as is
                cells[column] = label
                used.setdefault(name, set()).add(code)
        rows[line] = tuple(cells)
    return replace(sheet, rows=rows, columns=None)


def _answers_header(sheet: Sheet, found: _Definition) -> tuple[int, dict[int, str]] | None:
    """The header row of a sheet of answers, and the list of each select-one question's
    column in it."""
    for row, cells in enumerate(sheet.rows[:_TOP]):
        columns = {
            c: found.questions[name]
            for c, value in enumerate(cells)
            if isinstance(value, str) and (name := _question(value)) in found.questions
        }
        if columns:
            return row, columns
    return None


def _question(header: str) -> str:
    """A column's question name, its group path left out ("grp_pg/c01" is "c01")."""
    text = header.strip()
    return text.rsplit("/", 1)[-1] if key_of(text) else text
