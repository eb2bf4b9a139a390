"""A long table's sheet that is an exact copy of another: its assessments read once, said.

People copy a sheet to try a chart or a filter on it ("Data" and "Data (2)", "Sheet1" and
"Sheet2"), and leave the copy in the workbook. Read as they are, each assessment would be
kept twice, and averages, peers and counts would see the country twice. So a sheet whose
assessments are all, and only, those of an earlier sheet (the same countries, dates or years
and rounds, and for each the same levels, evidence and confidence) is not read again: a
warning names both sheets. Sheets that differ in anything read are not copies, and are left
to the reader's other checks. Only long tables (the country written on each row) are seen to
here: two forms of the same assessment (a country's sheet and its copy) are kept, and said, by
the reader's check of one assessment on two sheets, for the person to choose. A sheet without
a country of its own (the template's Enablers sheet) is never taken for a copy: its owner
decides whose it is. Nor is a sheet named as a version of the other ("Library v2", "Data
version 3": the library's export writes each version of an assessment so, with its own plan):
versions are kept apart on purpose.
"""

from __future__ import annotations

import re

from components.ingest.drafts import Draft
from components.ingest.sheets import ReadContext, quoted


def _contents(members: list[Draft]) -> tuple[object, ...] | None:
    """What the sheet's drafts say, in an order of their own; ``None`` when not comparable."""
    if any(d.country is None or d.needs_owner for d in members):
        return None
    said = []
    for draft in members:
        items = tuple(
            (kind, number, answers)
            for kind, found in sorted(draft.items.items())
            for number, answers in sorted(found.items())
        )
        if not any(answers[0] is not None for *_, answers in items):
            return None  # nothing assessed: an empty copy says nothing either way
        said.append((draft.key(), items))
    return tuple(sorted(said, key=lambda found: repr(found[0])))  # by key: cheap


_VERSION = re.compile(r"^(?P<name>.+?)\s*[(\[]?\s*(?:v|version)\s*\d+\s*[)\]]?$", re.IGNORECASE)


def _a_version_of(name: str, first: str) -> bool:
    """Whether sheet ``name`` is named as a version of sheet ``first`` ("Library v2" of
    "Library", "Data version 3" of "Data" or of "Data v2")."""
    found = _VERSION.match(name.strip())
    if found is None:
        return False
    earlier = _VERSION.match(first.strip())
    base = earlier.group("name") if earlier else first.strip()
    return found.group("name").casefold() == base.casefold()


def _country_on_rows(draft: Draft) -> bool:
    """Whether the draft's country is written on more than one row (a long table's)."""
    rows = (cells for cells in draft.sheet.rows if draft.country in cells)
    return next(rows, None) is not None and next(rows, None) is not None


def drop_sheet_copies(ctx: ReadContext, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` without those of sheets that repeat an earlier sheet exactly, each said."""
    per_sheet: dict[int, list[Draft]] = {}
    for draft in drafts:
        per_sheet.setdefault(id(draft.sheet), []).append(draft)
    if len(per_sheet) < 2 or not any(
        _country_on_rows(members[0]) for members in list(per_sheet.values())[1:]
    ):
        return drafts  # no long table after the first sheet: nothing can be a copy here
    seen: dict[tuple[object, ...], Draft] = {}
    dropped: set[int] = set()
    for members in per_sheet.values():
        contents = _contents(members)
        if contents is None:
            continue
        first = seen.setdefault(contents, members[0])
        if first is members[0] or not _country_on_rows(members[0]):
            continue
        if _a_version_of(members[0].sheet.name or "", first.sheet.name or ""):
            continue
        dropped.update(id(d) for d in members)
        sheet = members[0].sheet
        what = members[0].name if len(members) == 1 else f"{len(members)} assessments"
        ctx.add(
            "warning",
            sheet,
            None,
            f"Sheet {quoted(sheet.name)} repeats sheet {quoted(first.sheet.name)} exactly "
            f"({what}, with the same levels, evidence and confidence); it was read once, from "
            f"sheet {quoted(first.sheet.name)}.",
            f"If sheet {quoted(sheet.name)} is a copy, you can delete it. If it should hold "
            "another assessment, give it its own country, date or year, or round, and its "
            "own levels.",
        )
    return [d for d in drafts if id(d) not in dropped] if dropped else drafts
