"""A sheet that looks like a page of the previous sheet's table but could not be joined to it.

A PDF written one sheet per page has its title, its Country and Year labels (or a title naming
the country) on the first page only. ``page_sheets`` joins the next sheets to that table when
they carry it on for certain. When one looks like a page of it (the header again, or rows like
its rows, and no country of its own) but cannot be joined (its rows start the table over, its
columns hold other kinds of values, its headings are in other places), read alone it has no
country, and "No country is given" would not say why or what to do. ``refuse_unjoined_pages``
says instead, as an error on that sheet: what the sheet looks like (a page of the table on
sheet X, whose assessment it names), why it was not joined, and the two ways to fix it (the
pages in one sheet, or the country on this sheet, in a column or a title row). Its assessment
is not used: it is not guessed to be the first page's.
"""

from __future__ import annotations

import dataclasses

from components.ingest.drafts import Draft
from components.ingest.page_sheets import Unjoined, unjoined_pages
from components.ingest.sheets import ReadContext, Sheet, quoted

# What a headerless sheet's skip says (``unrecognised``, ``headerless``): its rows are data.
_SKIPPED = "Skipped sheet "
_HEADERLESS = "holds data like the rows below it"
_NO_YEAR = "No date or year is given on sheet "
# Why a headerless sheet was not joined when ``page_sheets`` said nothing more precise.
_UNCERTAIN = Unjoined(
    "it has no header, only rows of data",
    "its rows could not be matched to that table's with certainty",
)
# How many of a sheet's assessments a message names.
_SHOWN = 3


@dataclasses.dataclass(frozen=True)
class _Table:
    """The sheet a page seems to carry on the table of, and what was read from it."""

    sheet: str
    names: str  # its assessments: "Kenya 2024", "Kenya 2024, Uganda 2024, …"
    country: str  # its first assessment's
    when: str | None  # its first assessment's date or year, if it has one

    @property
    def where(self) -> str:
        return f"the table of sheet {quoted(self.sheet)} ({self.names})"


def refuse_unjoined_pages(
    ctx: ReadContext, sheets: list[Sheet], drafts: list[Draft]
) -> list[Draft]:
    """``drafts`` without those of country-less sheets that look like a page of the previous
    sheet's table and were not joined to it, each refused with an error saying so; a
    headerless sheet's skip after such a table made the same error; the assessments of such a
    page with no year of its own said to have been read without the table's year."""
    unjoined = unjoined_pages(ctx)
    tables = _tables(drafts)
    refused: set[int] = set()
    undated: dict[str, list[Draft]] = {}
    for draft in drafts:
        name = draft.sheet.name or ""
        prev, why = unjoined.get(name, ("", _UNCERTAIN))
        table = tables.get(prev)
        if table is None:
            continue
        if _countryless(draft):
            refused.add(id(draft))
            _drop(ctx, name, _NO_YEAR)  # "read without a year" would contradict "not read"
            message = f"Sheet {quoted(name)} names no country, and it{_looks(table, why)}"
            ctx.add("error", draft.sheet, None, message, _fix(name, table))
        elif draft.country is not None and _undated(draft) and table.when is not None:
            undated.setdefault(name, []).append(draft)
    for name, found in undated.items():
        _say_undated(ctx, found, tables[unjoined[name][0]], unjoined[name][1])
    _say_headerless(ctx, sheets, unjoined, tables)
    return [d for d in drafts if id(d) not in refused] if refused else drafts


def _tables(drafts: list[Draft]) -> dict[str, _Table]:
    """Each sheet's assessments that have a country, as a page's messages name them."""
    found: dict[str, list[Draft]] = {}
    for draft in drafts:
        if draft.country is not None and draft.sheet.name is not None:
            found.setdefault(draft.sheet.name, []).append(draft)
    tables = {}
    for sheet, owned in found.items():
        first = owned[0]
        names = ", ".join(d.name for d in owned[:_SHOWN]) + (", …" if len(owned) > _SHOWN else "")
        when = first.date.isoformat() if first.date else first.year
        when_text = str(when) if when is not None and _one_when(owned) else None
        tables[sheet] = _Table(sheet, names, first.country or "", when_text)
    return tables


def _one_when(drafts: list[Draft]) -> bool:
    return len({(d.date, d.year) for d in drafts}) == 1


def _countryless(draft: Draft) -> bool:
    """Whether nothing on the draft's sheet gives its country (no Country label, left empty or
    not, no ISO3 code): refused for that once read."""
    return (
        draft.country is None
        and draft.country_cell is None
        and not draft.iso3
        and not draft.needs_owner
    )


def _undated(draft: Draft) -> bool:
    return draft.year is None and draft.date is None and draft.unread_when is None


def _drop(ctx: ReadContext, sheet: str, start: str) -> None:
    ctx.problems[:] = [
        p for p in ctx.problems if p.sheet != sheet or not p.message.startswith(start)
    ]


def _looks(table: _Table, why: Unjoined) -> str:
    """What the page looks like and why it was not joined (after "it")."""
    return (
        f" looks like a page of {table.where}, as a PDF written one sheet per page gives: "
        f"{why.looks}. It was not joined to that table, as {why.why}. So its rows were not "
        f"read: they were not taken to be {table.names}'s."
    )


def _fix(sheet: str, table: _Table) -> str:
    here, there = quoted(sheet), quoted(table.sheet)
    return (
        f"If its rows belong to that assessment, copy them under the table on sheet {there} "
        "so that the table is on one sheet. If they are another assessment, put its country on "
        f"sheet {here}, in a Country column or in a title row above the table (such as "
        f"“{table.country} MNR self-assessment”). Then upload the file again."
    )


def _say_headerless(
    ctx: ReadContext,
    sheets: list[Sheet],
    unjoined: dict[str, tuple[str, Unjoined]],
    tables: dict[str, _Table],
) -> None:
    """A sheet skipped as rows without a header, after a sheet with a table: said as a page
    of that table that was not joined (an error: its rows were not read)."""
    named = [s.name for s in sheets if s.name is not None and not s.hidden]
    for i, problem in enumerate(ctx.problems):
        if not (problem.message.startswith(_SKIPPED) and _HEADERLESS in problem.message):
            continue
        name = problem.sheet or ""
        at = named.index(name) if name in named else 0
        prev, why = unjoined.get(name, (named[at - 1] if at > 0 else "", _UNCERTAIN))
        table = tables.get(prev)
        if table is None:
            continue
        here, there = quoted(name), quoted(table.sheet)
        ctx.problems[i] = dataclasses.replace(
            problem,
            severity="error",
            message=f"Sheet {here}{_looks(table, why)}",
            fix=f"If its rows belong to the table on sheet {there}, copy them under it so "
            f"that the table is on one sheet. Otherwise write a header row above the rows on "
            f"sheet {here} (a heading over each column, as the table on sheet {there} has), "
            "with a Country column or a title row naming the country if the rows name none. "
            "Then upload the file again.",
        )


def _say_undated(ctx: ReadContext, drafts: list[Draft], table: _Table, why: Unjoined) -> None:
    """The assessments of a sheet that looks like a page of ``table`` (its header again,
    naming other countries) and gives no year: read without one, never given the table's."""
    sheet = drafts[0].sheet
    here, there = quoted(sheet.name or ""), quoted(table.sheet)
    names = ", ".join(quoted(d.country) for d in drafts[:_SHOWN])
    ctx.add(
        "warning",
        sheet,
        None,
        f"Sheet {here} gives no year, and it looks like a page of {table.where}, as a PDF "
        f"written one sheet per page gives: {why.looks}. Its assessments ({names}"
        f"{', …' if len(drafts) > _SHOWN else ''}) were read without a year; the "
        f"{table.when} of sheet {there} was not given to them.",
        f"If they are of {table.when} too, write the year in a title row above the table on "
        f"sheet {here} (such as “MNR self-assessment {table.when}”), or put the pages' tables "
        "side by side on one sheet; then upload the file again.",
    )
