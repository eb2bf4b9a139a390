"""A "Parent" column linking each row to its parent row: the country at the top of the chain.

Coda, Notion and Airtable keep a hierarchy as a column naming each row's parent: a domain's
row has the country as its parent ("Policy and Governance | Domain | Jordan"), a capability's
row has its domain ("Leadership | Capability | Policy and Governance"). The country is named
only at the top of the chain, never on the capabilities' rows. A person follows the chain.
``give_linked_country`` does so for a sheet's task column (the one naming the capabilities):
when a column names, for every capability's row, a parent that is a country the app knows or
another row of the task column whose own parent leads to one (in three steps at most), each
capability's row is given that country in a "Country" column added at the table's right, with
a warning. A chain that ends elsewhere (a name that is no row's and no country) leaves the
sheet as it was: whose rows they are is not guessed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from components.ingest.matching import classify_header
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted

_STEPS = 3


def give_linked_country(
    ctx: ReadContext,
    sheet: Sheet,
    column: int,
    *,
    links: list[int],
    values: Sequence[Any],
    titles: set[Any],
    country_of: Callable[[Any], str | None],
) -> None:
    """Each capability's row of the task ``column`` given the country its parents lead to
    (see the module), through one of the columns ``links`` (those naming a country);
    ``country_of`` reads a cell as a country's name, else ``None``."""
    names = set(values)
    for link in links:
        parents = sheet.column(link, 0, len(sheet.rows))
        if not (set(parents) & names):
            continue  # no row's parent is another row: no chain
        found = _followed(values, parents, titles, country_of)
        if found is not None:
            _write(ctx, sheet, link, found)
            return


def _followed(
    values: Sequence[Any],
    parents: Sequence[Any],
    titles: set[Any],
    country_of: Callable[[Any], str | None],
) -> dict[int, str] | None:
    """The country of each capability's row by its chain of parents; ``None`` when one
    chain ends elsewhere, or the column names countries alone (a country column)."""
    parent_of = {v: p for v, p in zip(values, parents, strict=False) if v is not None and p}
    found: dict[int, str] = {}
    linked = False
    for row, value in enumerate(values):
        if value not in titles:
            continue
        step = parents[row] if row < len(parents) else None
        for _ in range(_STEPS):
            country = country_of(step) if step is not None else None
            if country is not None or step not in parent_of:
                break
            linked = True
            step = parent_of[step]
        if country is None:
            return None
        found[row] = country
    return found if linked and len(found) >= 2 else None


def _write(ctx: ReadContext, sheet: Sheet, link: int, found: dict[int, str]) -> None:
    """The countries written into a "Country" column at the table's right (said)."""
    header = next((r for r in range(min(found)) if sheet.rows[r]), None)
    if header is None or any(classify_header(v) == "country" for v in sheet.rows[header]):
        return
    width = max(len(sheet.rows[r]) for r in range(header, len(sheet.rows)))
    for row, country in ((header, "Country"), *found.items()):
        cells = list(sheet.rows[row])
        cells.extend([None] * (width + 1 - len(cells)))
        cells[width] = country
        sheet.rows[row] = tuple(cells)
    sheet.columns = None  # the rows changed
    countries = sorted(set(found.values()))
    heading = sheet.value(header, link)
    ctx.add(
        "warning",
        sheet,
        cell_address(header, link),
        f"The column headed {quoted(heading)} names each row's parent row; the capabilities' "
        f"rows were given the country their parents lead to "
        f"({', '.join(quoted(c) for c in countries)}).",
        "Nothing to do if the rows were read right; otherwise add a Country column with each "
        "row's country.",
    )
