"""What to do about a long table's row whose country cell came back blank.

An empty cell wants the country written in it; a cell showing a formula error (``#N/A``, a
lookup that found nothing; see ``error_cells``) is not empty, and writing there means
correcting the formula or typing the country over it. The message says which the cell is.
"""

from __future__ import annotations

from components.ingest.sheets import ReadContext, Sheet


def no_country(ctx: ReadContext, sheet: Sheet, row: int, cell: str) -> tuple[str, str]:
    """The message and the fix for row ``row`` whose country cell ``cell`` came back blank."""
    shown = ctx.show(sheet, cell)  # "B16 is empty" or "B16 shows #N/A, a formula error"
    message = f"Row {row + 1} has no country ({shown}); it was not used."
    if not shown.endswith("a formula error"):
        return message, f"Write the country in {cell}."
    lookup = " (#N/A means a lookup found no match)" if "#N/A" in shown else ""
    return message, (
        f"Correct the formula in {cell} so that it gives the country{lookup}, or type the "
        "country over it."
    )
