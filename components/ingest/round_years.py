"""The year written only inside the round's text: "Round 1 (2021)", "Baseline 2019",
"2022 review".

When neither a Year (or Date) column or label, nor anything the year is taken from gives the
assessment's year, a round whose text holds one year (four digits, 1990 to 2100) gives it.
The round is kept as written, and a warning says where the year came from.
"""

from __future__ import annotations

from dataclasses import replace

from components.ingest.drafts import Meta
from components.ingest.sheets import ReadContext, Sheet, quoted
from components.ingest.text_dates import UNUSABLE
from components.ingest.values import YEAR_TOKEN, When


def with_round_year(ctx: ReadContext, sheet: Sheet, meta: Meta, cell: str | None) -> Meta:
    """``meta`` with the year its round's text holds, when it has no year of its own."""
    if meta.when.year is not None or meta.when is UNUSABLE or not meta.round:
        return meta
    years = {int(y) for y in YEAR_TOKEN.findall(meta.round) if 1990 <= int(y) <= 2100}
    if len(years) != 1:
        return meta  # none, or two ("2019-2021 cycle"): which one is not certain
    year = years.pop()
    if ctx.once((sheet.name, "round-year", meta.round)):
        where = f" ({cell})" if cell else ""
        ctx.add(
            "warning",
            sheet,
            cell,
            f"The year {year} was taken from the round {quoted(meta.round)}{where}, as no "
            "Year column or label gives one; the round was kept as written.",
            "If that is wrong, add a Year column (or a Year label above the table) with the "
            "year of each assessment.",
        )
    return replace(meta, when=When(year))
