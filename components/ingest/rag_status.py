"""A plan's Status column of traffic-light colours: a rating, not the plan's status.

Trackers made in Smartsheet, Excel or SharePoint often give each row a "Status" of traffic-
light colours, a RAG rating ("Green", "Amber", "Red"; Smartsheet's "Green/Yellow/Red"
symbols export as the colour's name). That says how an item is going, not whether its
actions are not started, under way, done or dropped, so it is no plan status: read as one,
every colour was an error and each row's status "not started". A Status column whose every
value is a colour is left unread, said once for the column; a column mixing colours with
statuses is read as before, each value that is not a status reported.
"""

from __future__ import annotations

from typing import Any

from components.base.text import normalise
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.values import is_blank

# Traffic-light colours in the languages the reader knows, and the symbols some tools export.
_COLOURS = frozenset(
    normalise(word)
    for word in (
        "red",
        "amber",
        "yellow",
        "green",
        "blue",
        "grey",
        "gray",
        "amber red",
        "amber green",
        "red amber",
        "green amber",
        "dark green",
        "light green",
        "rouge",
        "orange",
        "jaune",
        "vert",
        "rojo",
        "ambar",
        "amarillo",
        "verde",
        "vermelho",
        "amarelo",
    )
)
_SYMBOLS = frozenset("🔴🟠🟡🟢🔵⚪⚫")


def without_rag_status(
    ctx: ReadContext, sheet: Sheet, header: int, columns: dict[str, int]
) -> dict[str, int]:
    """A plan table's ``columns`` (under its ``header`` row) without the Status column when
    that column holds traffic-light colours only (said once); ``columns`` otherwise."""
    column = columns.get("status")
    if column is None:
        return columns
    values = [v for v in sheet.column(column, header + 1, len(sheet.rows)) if not is_blank(v)]
    if not values or not all(_is_colour(v) for v in values):
        return columns
    seen = list(dict.fromkeys(str(v).strip() for v in values))
    shown = ", ".join(quoted(v) for v in seen[:4]) + (" …" if len(seen) > 4 else "")
    ctx.add(
        "warning",
        sheet,
        cell_address(header, column),
        f"The column headed {quoted(sheet.value(header, column))} holds traffic-light "
        f"colours ({shown}), a rating of how each capability is going, not an action plan's "
        "status (not started, under way, done or dropped); it was not read as the plan's "
        "status.",
        "Nothing to do if the colours are a rating. To give each plan's status, add a column "
        "headed “Plan status” with not started, under way, done or dropped.",
    )
    return {name: c for name, c in columns.items() if name != "status"}


def _is_colour(value: Any) -> bool:
    text = str(value).strip()
    return normalise(text) in _COLOURS or (len(text) == 1 and text in _SYMBOLS)
