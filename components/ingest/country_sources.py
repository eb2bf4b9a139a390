"""Whose assessment a table is when its cells disagree or say too little about the country.

- A "Country:" label and a level column headed with a country (``label_or_column``): the
  same country under two names ("Kenya" over "Kenia", "Republic of Kenya") is the label's
  name, quietly; two countries (a form copied from Kenya's, "Country: Uganda" over a
  "Kenya" column) are never picked between silently: the label, being the field written for
  the purpose, wins, and a warning names both.
- A table stacked under another on the same sheet with a year but no country of its own,
  under a heading such as "Previous assessment (2021)" (``sheet_country_below``), is the
  country of the table above, with a warning.
- An assessment with only its ISO3 code ("GHA") gets the country pycountry knows by that
  code exactly, with a warning; an empty template (no country, no level) is said to be
  empty rather than to lack a country (``settle_country``).
- A row whose country cell sums up others ("Total", "East Africa – average", "Moyenne
  régionale"), a summary word anywhere in it as for a column's header (``summary_row``), is
  skipped with a warning, never an assessment.
"""

from __future__ import annotations

from collections.abc import Sequence

from components.base.text import normalise
from components.ingest.column_roles import is_summary_column
from components.ingest.countries import country_of_code, iso3_in_any_language
from components.ingest.drafts import Draft
from components.ingest.group_rows import group_row
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.title_countries import refuse_not_country

_FIX_LABEL = "If the label is wrong, correct it; the column's header is not read as the country."


def label_or_column(
    ctx: ReadContext, sheet: Sheet, labelled: str | None, header: str | None, cell: str | None
) -> str | None:
    """The country of a level column headed ``header`` on a sheet whose Country label says
    ``labelled``: the label's, when it has one (said when the two name different countries)."""
    if labelled is None or header is None:
        return header
    if normalise(labelled) == normalise(header):
        return labelled
    code = iso3_in_any_language(labelled)
    if code is not None and code == iso3_in_any_language(header):
        return labelled  # one country, two names: the label's
    if ctx.once((sheet.name, "label-or-column", labelled, header)):
        ctx.add(
            "warning",
            sheet,
            cell,
            f"The Country label says {quoted(labelled)} but the level column is headed "
            f"{quoted(header)}; the levels were filed under {quoted(labelled)}.",
            f"{_FIX_LABEL} If the levels are those of {quoted(header)}, write {quoted(header)} "
            "beside the Country label.",
        )
    return labelled


def sheet_country_below(ctx: ReadContext, sheet: Sheet, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` of tables stacked on one sheet, top first: a lower table with a year but no
    country of its own (and no empty Country label of its own) gets the one country of the
    tables above."""
    above: set[tuple[str, str | None]] = set()
    for draft in drafts:
        if draft.country is not None:
            above.add((draft.country, draft.iso3))
            continue
        # Only a table that says which assessment it is (its year) is another of the
        # country's; one with neither country nor year is not guessed at (reported).
        undated = draft.year is None and draft.date is None
        if draft.country_cell is not None or len(above) != 1 or draft.needs_owner or undated:
            continue
        ((country, iso3),) = above
        draft.country, draft.iso3 = country, iso3
        if ctx.once((sheet.name, "country-below", country, draft.year)):
            when = f" of {draft.year}" if draft.year else ""
            ctx.add(
                "warning",
                sheet,
                None,
                f"The table{when} lower on sheet {quoted(sheet.name or '')} names no country; "
                f"it was filed under {quoted(country)}, the country of the table above it.",
                "If that is wrong, add a Country label with its value above that table.",
            )
    return drafts


def settle_country(ctx: ReadContext, draft: Draft, drafts: Sequence[Draft] = ()) -> bool:
    """True when ``draft``, which has no country, can be kept: its ISO3 code names one
    (``draft`` then has it). Otherwise the reason is reported: nothing filled in at all (a
    warning when another of the file's ``drafts`` was filled in: the template's blank sheet
    beside a filled copy of it), or no country."""
    coded = country_of_code(draft.iso3.strip()) if draft.iso3 else None
    if coded is not None:
        draft.country, draft.iso3 = coded
        ctx.add(
            "warning",
            draft.sheet,
            draft.country_cell,
            f"No country is written, so the country {quoted(coded[0])} was taken from the "
            f"ISO3 code {quoted(draft.iso3)}.",
            "If that is wrong, write the country"
            + (f" in {draft.country_cell}." if draft.country_cell else " beside a Country label."),
        )
        return True
    where = f"sheet {quoted(draft.sheet.name)}" if draft.sheet.name else "the file"
    if draft.year is None and draft.date is None and not _anything_given(draft):
        if any(d.country is not None and _anything_given(d) for d in drafts):
            # "read without a year" would contradict "nothing to read there": left out.
            ctx.problems[:] = [
                p
                for p in ctx.problems
                if p.sheet != draft.sheet.name or not p.message.startswith("No date or year")
            ]
            ctx.add(
                "warning",
                draft.sheet,
                draft.country_cell,
                f"Nothing is filled in on {where} (the template's blank sheet, it "
                "seems), so there was nothing to read there; the file's other sheets were read.",
                "Nothing to do if that sheet was left blank on purpose; if it should hold an "
                "assessment, fill it in and upload the file again.",
            )
            return False
        ctx.add(
            "error",
            draft.sheet,
            draft.country_cell,
            f"Nothing is filled in on {where}: no country, no year and no level.",
            "Write the country"
            + (f" in {draft.country_cell}" if draft.country_cell else " beside a Country label")
            + ", the year, and a level (0 to 4) for each capability assessed, then upload "
            "the file again.",
        )
        return False
    if refuse_not_country(ctx, draft):
        return False  # a title or sheet name that is no country: said, naming it
    when = draft.name.removeprefix("(no country)").strip()
    ctx.add(
        "error",
        draft.sheet,
        draft.country_cell,
        f"No country is given on {where}, so its assessment{f' of {when}' if when else ''} "
        "was not used.",
        f"Write the country in {draft.country_cell}, beside the Country label."
        if draft.country_cell
        else "Add a Country label at the top of the sheet with the country in the cell "
        "to its right (or use a Country column).",
    )
    return False


def _anything_given(draft: Draft) -> bool:
    """A level, evidence or confidence anywhere in ``draft``."""
    return any(
        any(part is not None for part in answer)
        for answers in draft.items.values()
        for answer in answers.values()
    )


def summary_row(ctx: ReadContext, sheet: Sheet, row: int, column: int) -> bool:
    """True when the country cell of ``row`` sums up other rows ("Total", "East Africa –
    average", "Moyenne régionale", "Median"): never an assessment, skipped with a warning.
    So is a row about a group of countries, or a subtotal with no country (``group_rows``)."""
    if group_row(ctx, sheet, row, column):
        return True
    value = sheet.value(row, column)
    if not is_summary_column(value):
        return False
    cell = cell_address(row, column)
    ctx.add(
        "warning",
        sheet,
        cell,
        f"Row {row + 1} ({quoted(value)}) sums up other rows; it was not read as an assessment.",
        f"Nothing to do if it is a total or an average; if it is a country, write only the "
        f"country's name in {cell}.",
    )
    return True
