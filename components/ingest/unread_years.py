"""Dates or years written but not read, kept apart: two assessments, never one.

A year the reader cannot read (a Hijri "1445 AH", a Solar Hijri "1402", "FY23x") is reported where
it is written, and its assessment is read without a year. Two such years for one country
are two assessments, though: merged as one yearless assessment, the second's rows would be
dropped as "appearing a second time", and the person would not know why. So rows are
grouped by the year as written (``drafts.written_when``, part of the drafts' keys), and on one
sheet, where nothing else tells them apart, ``apart_unread_years`` refuses those
assessments of one country with an error saying why and what to write. On sheets of their
own, each is read without a year, as before, and its sheet tells it apart.
"""

from __future__ import annotations

from components.base.text import normalise
from components.ingest.drafts import Draft
from components.ingest.sheets import ReadContext, quoted


def apart_unread_years(ctx: ReadContext, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` of one sheet without the assessments of a country whose dates or years were
    written differently and none could be read: refused, with why and what to write. Rows
    whose year cell is empty beside rows with one year that could not be read are one
    assessment, as before."""
    groups: dict[tuple[str, str], list[Draft]] = {}
    for draft in drafts:
        if draft.year is None and draft.date is None and draft.country:
            key = (normalise(draft.country), normalise(draft.round or ""))
            groups.setdefault(key, []).append(draft)
    gone: set[int] = set()
    for members in groups.values():
        written = [d.unread_when for d in members if d.unread_when]
        if len({text for text, _ in written}) < 2:
            if written and len(members) > 1:
                gone.update(_joined(ctx, members))
            continue
        shown = ", ".join(f"{quoted(text)} in {cell}" for text, cell in written)
        ctx.add(
            "error",
            members[0].sheet,
            written[0][1],
            f"The dates or years of {members[0].country} on this sheet could not be read "
            f"({shown}); they are {len(written)} different assessments that nothing else "
            "tells apart, so none of them was read.",
            "Write each assessment's year as a year such as 2023 (or a date such as "
            "2023-03-31), or give each one a round of its own.",
        )
        gone.update(id(d) for d in members)
    return [d for d in drafts if id(d) not in gone] if gone else drafts


def _joined(ctx: ReadContext, members: list[Draft]) -> set[int]:
    """The one assessment of rows with a year that could not be read and rows with none:
    joined into the first, a capability given twice reported as for any assessment."""
    first = members[0]
    for other in members[1:]:
        for (kind, number), cell in other.first_cell.items():
            if (kind, number) in first.first_cell:
                what = (ctx.capabilities if kind == "capability" else ctx.enablers).describe(number)
                ctx.add(
                    "error",
                    other.sheet,
                    cell,
                    f"{what[0].upper()}{what[1:]} appears a second time for {first.country} "
                    f"(first in {first.first_cell[(kind, number)]}); this row was not used.",
                    f"Keep one row per {kind} for each assessment; delete or correct the other.",
                )
                continue
            first.first_cell[(kind, number)] = cell
            first.items[kind][number] = other.items[kind][number]
        first.unread_when = first.unread_when or other.unread_when
        first.iso3 = first.iso3 or other.iso3
    return {id(d) for d in members[1:]}
