"""A title's country is never the country of several columns at once.

A capabilities-down table gives each column headed by a country that country; a column whose
heading names none ("2023", "Baseline", a name the app cannot read as a country) takes the
country found around the table (``context``: its title, the sheet's or the file's name). For
one such column that is right ("Kenya – MNR 2023" above a column headed "Score"), and for
columns told apart by their years or rounds ("2021 | 2023" under "Kenya") too. But when two or
more columns headed differently ("Татарстан", "Башкортостан"; "Ministry", "NGO") have no
country of their own and nothing else sets them apart, one country for all would make them one
assessment given twice, or file them under the title's words ("Региональный семинар"): each
heading is most likely a country or a rater of its own that the app did not read. Those
columns are left out with one error naming them and what to write; the other columns are
read. Under a Country label the label says whose they are (``twice`` reports them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from components.base.text import normalise
from components.ingest.drafts import Draft
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted

Parts = tuple[str | None, str | None, str | None]  # country, when, round


def own_country_columns(
    ctx: ReadContext,
    sheet: Sheet,
    by_column: dict[int, Draft],
    parts: dict[int, Parts],
    *,
    header: int,
    heading: Callable[[int], Any],
) -> dict[int, Draft]:
    """``by_column`` (a table's assessments by column, with no Country label over them) less
    the columns, headed differently and with no country of their own, that one country from
    around the table would make one assessment (said as an error)."""
    groups: dict[int, list[int]] = {}
    for column, draft in by_column.items():
        if parts.get(column, (None,))[0] is None:
            groups.setdefault(id(draft), []).append(column)
    left_out: set[int] = set()
    for columns in groups.values():
        headings = {normalise(str(heading(c))) for c in columns}
        if len(columns) < 2 or len(headings) < len(columns):
            continue  # one column, or copies of one heading ("Level", "Level"): not this
        names = [f"{quoted(heading(c))} ({cell_address(header, c)})" for c in columns]
        cells = ", ".join(cell_address(header, c) for c in columns)
        _refuse(ctx, sheet, cells, names, by_column[columns[0]].country)
        left_out.update(columns)
    return {c: d for c, d in by_column.items() if c not in left_out}


def _refuse(
    ctx: ReadContext, sheet: Sheet, cells: str, named: list[str], country: str | None
) -> None:
    listed = ", ".join(named[:-1]) + f" and {named[-1]}"
    given = (
        f"the country {quoted(country)} found above the table (its title, or the sheet's or the "
        "file's name) cannot be theirs: one country for all of them would make them one "
        "assessment"
        if country
        else "nothing around the table names one for each of them"
    )
    ctx.add(
        "error",
        sheet,
        cells,
        f"The columns headed {listed} name no country the app knows, and {given}. Their "
        "levels were not read.",
        "Head each column with its country's name in English (such as “Kenya”) or its ISO3 "
        "code (such as KEN); or, if the columns are one country's, give each its own year or "
        "round in its heading (such as “Kenya 2021” and “Kenya 2023”).",
    )
