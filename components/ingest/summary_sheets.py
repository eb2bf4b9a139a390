"""A summary sheet that repeats the countries' own sheets: one assessment each, not two.

A workbook often opens with a summary (capabilities x countries, "Summary", "Overview",
"Synthèse", "Resumen") and then holds one sheet per country with the same levels and their
evidence. Read as they are, each country would be assessed twice, and a stale summary would
stand beside the country's sheet as a second, different assessment. So an assessment on a
sheet that holds several assessments (or is named like a summary), with the same country,
date or year and round as the one assessment of a sheet named after that country, is not kept
apart:

* when its levels agree with the country sheet's, the country sheet's assessment (which has
  the evidence) is kept, with a warning saying the summary's copy was left out;
* when they differ, the summary's copy is left out too, and the capabilities on which the two
  disagree are left not assessed (neither value is taken), with an error naming both cells
  ("Summary!C9 says 4, Kenya!C9 says 0").
"""

from __future__ import annotations

from components.base.text import count_of, normalise
from components.ingest.drafts import Draft
from components.ingest.sheets import ReadContext, quoted

# Sheet names that say the sheet sums up others, normalised.
_SUMMARY_SHEETS = frozenset(
    {"summary", "overview", "all countries", "synthese", "resume", "vue d ensemble"}
    | {"resumen", "sintesis", "resumo", "sinopse", "visao geral", "todos los paises"}
)
_Item = tuple[str, int]


def is_summary_name(name: str | None) -> bool:
    """Whether a sheet's name says it sums up others ("Summary", "Vue d'ensemble")."""
    return normalise(name or "") in _SUMMARY_SHEETS


def drop_summary_copies(ctx: ReadContext, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` without a summary sheet's copies of assessments its countries' own sheets
    hold, each reported; levels on which the two disagree are left not assessed."""
    per_sheet: dict[int, list[Draft]] = {}
    for draft in drafts:
        per_sheet.setdefault(id(draft.sheet), []).append(draft)
    owners: dict[tuple[str, str, str], Draft] = {}
    for members in per_sheet.values():
        if len(members) == 1 and _country_sheet(members[0]) and members[0].items["capability"]:
            owners.setdefault(members[0].key(), members[0])
    dropped: set[int] = set()
    for members in per_sheet.values():
        sheet = members[0].sheet
        if len(members) < 2 and normalise(sheet.name or "") not in _SUMMARY_SHEETS:
            continue
        for copy in members:
            owner = owners.get(copy.key()) if copy.country else None
            if owner is None or owner.sheet is sheet or not copy.items["capability"]:
                continue
            dropped.add(id(copy))
            _settle(ctx, copy, owner)
    return [d for d in drafts if id(d) not in dropped] if dropped else drafts


def _country_sheet(draft: Draft) -> bool:
    """Whether the draft's sheet is its country's own: named after it ("Kenya", "KEN 2023").
    Another sheet holding one assessment (a library's "Library v2", a later version) is not
    a country sheet a summary repeats."""
    if not draft.country:
        return False
    words = f" {normalise(draft.sheet.name or '')} "
    codes = {normalise(draft.iso3)} if draft.iso3 else set()
    return any(f" {name} " in words for name in {normalise(draft.country), *codes} if name)


def _settle(ctx: ReadContext, copy: Draft, owner: Draft) -> None:
    """Report the copy as left out; leave the items they disagree on not assessed."""
    differ: list[str] = []
    numbers: list[_Item] = []
    for kind in ("capability", "enabler"):
        for number, answers in sorted(copy.items[kind].items()):
            level = answers[0]
            own = owner.items[kind].get(number)
            own_level = own[0] if own is not None else None
            if level is None or level == own_level:
                continue
            numbers.append((kind, number))
            differ.append(
                f"for {_named(ctx, kind, number)}, {_where(copy, kind, number)} says {level}, "
                + (
                    f"{_where(owner, kind, number)} says {own_level}"
                    if own_level is not None
                    else f"{quoted(owner.sheet.name)} gives no level"
                )
            )
            if own is not None:
                owner.items[kind][number] = (None, *own[1:])
    copy_sheet, own_sheet = quoted(copy.sheet.name), quoted(owner.sheet.name)
    if not differ:
        ctx.add(
            "warning",
            copy.sheet,
            None,
            f"The sheet {copy_sheet} repeats the assessment of {owner.name} on the sheet "
            f"{own_sheet} with the same levels; it was read once, from {own_sheet}.",
            "Nothing to do, if the summary only repeats the countries' sheets.",
        )
        return
    items = [
        count_of(sum(1 for kind, _ in numbers if kind == k), k, plural)
        for k, plural in (("capability", "capabilities"), ("enabler", "enablers"))
        if any(kind == k for kind, _ in numbers)
    ]
    shown = "; ".join(differ[:5]) + ("; …" if len(differ) > 5 else "")
    ctx.add(
        "error",
        copy.sheet,
        copy.first_cell.get(numbers[0]),
        f"The sheets {copy_sheet} and {own_sheet} both hold the assessment of {owner.name}, "
        f"but disagree on {' and '.join(items)}: {shown}. The assessment was read once, from "
        f"{own_sheet}, and the levels they disagree on were left not assessed.",
        f"Correct the level that is wrong (on {copy_sheet} or {own_sheet}) and upload "
        "the file again.",
    )


def _named(ctx: ReadContext, kind: str, number: int) -> str:
    """ "capability 5 (Judiciary and Prosecutors)": what the levels are of."""
    catalogue = ctx.capabilities if kind == "capability" else ctx.enablers
    return catalogue.describe(number) if number in catalogue.titles else f"{kind} {number}"


def _where(draft: Draft, kind: str, number: int) -> str:
    """ "Summary!C9", or "Summary (capability 5)" when the cell is not known."""
    cell = draft.first_cell.get((kind, number))
    if cell is None:
        return f"{draft.sheet.name} ({kind} {number})"
    return f"{draft.sheet.name}!{cell}"
