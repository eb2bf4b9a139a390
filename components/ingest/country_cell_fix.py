"""What to do about a long table's row whose country cell came back blank.

An empty cell wants the country written in it; a cell showing a formula error (``#N/A``, a
lookup that found nothing; see ``error_cells``) is not empty, and writing there means
correcting the formula or typing the country over it. A linked data type (Excel's Geography,
kept in the file as #VALUE!; see ``error_values``) wants converting to text. The message says
which the cell is.
"""

from __future__ import annotations

from components.ingest.error_values import linked_type
from components.ingest.sheets import ReadContext, Sheet


def no_country(ctx: ReadContext, sheet: Sheet, row: int, cell: str) -> tuple[str, str]:
    """The message and the fix for row ``row`` whose country cell ``cell`` came back blank."""
    if linked_type(ctx, sheet.name, cell):
        return (
            f"Row {row + 1} has no country ({cell} holds a linked data type, such as Geography, "
            "which the file keeps only as #VALUE!); it was not used.",
            "In Excel, select the country column and use Data > Convert to Text, then save the "
            "file and upload it again.",
        )
    shown = ctx.show(sheet, cell)  # "B16 is empty" or "B16 shows #N/A, a formula error"
    message = f"Row {row + 1} has no country ({shown}); it was not used."
    if not shown.endswith("a formula error"):
        return message, f"Write the country in {cell}."
    lookup = " (#N/A means a lookup found no match)" if "#N/A" in shown else ""
    return message, (
        f"Correct the formula in {cell} so that it gives the country{lookup}, or type the "
        "country over it."
    )
