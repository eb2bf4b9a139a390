"""The app's own fictional demo left in a workbook beside real assessments: left out, said.

People start from a workbook the app gave them (the demo's Arvenia sheet, its Enablers and
Action plan sheets) and add their country's sheet beside it, or paste their sheet into it,
and forget the demo. Read as it stands, the file would add an invented country's invented
scores to their assessments, with nothing said. A demo assessment is known by the demo's own
marks (``demo_countries``): one of its invented countries by name or by its user-assigned code
("Arvenia", "XAA"), with a second mark of the same demo country: the other of name and code,
or the demo's assessor ("Demo assessment team (fictional)"). A demo country's name alone, with
a year or not, is not enough: it is also the fictional name of choice for examples and tests.
When the file holds other assessments too, each demo assessment is left out with a warning
naming it, and so are the enablers and the plan read with it (the Enablers sheet joined to it,
the plan sheet that is its). A file that holds only the demo is read as it is: that is the
demo, uploaded on purpose.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from components.base.text import normalise
from components.ingest.demo_countries import ASSESSED_BY, DEMO_COUNTRIES, DemoCountry
from components.ingest.drafts import Draft
from components.ingest.plan_sheet import PlanTable
from components.ingest.sheets import ReadContext, Sheet

# The sheet the template's plan sheet belongs to when it names no country (``plan_sheet``).
_ASSESSMENT_SHEET = "Assessment"


@cache
def _demo_keys() -> tuple[dict[str, DemoCountry], dict[str, DemoCountry], str]:
    """The demo countries by normalised name and by code, and the demo's assessor."""
    names = {normalise(country.name): country for country in DEMO_COUNTRIES}
    return names, {country.iso3: country for country in DEMO_COUNTRIES}, normalise(ASSESSED_BY)


def demo_country(draft: Draft) -> tuple[DemoCountry, list[str]] | None:
    """The demo country ``draft`` is one of the app's fictional demo assessments of, and the
    demo's marks it bears in words (see the module), else ``None``."""
    names, codes, assessor = _demo_keys()
    code = (draft.iso3 or "").strip().upper()
    country = codes.get(code) or names.get(normalise(draft.country or ""))
    if country is None:
        return None  # the usual case: no demo country's code, nor its name
    marks = {
        f"the demo's invented country “{country.name}”": normalise(draft.country or "")
        == normalise(country.name),
        f"its code {country.iso3}": code == country.iso3,
        f"its assessor “{ASSESSED_BY}”": normalise(draft.assessed_by or "") == assessor,
    }
    borne = [words for words, found in marks.items() if found]
    if len(borne) < 2:
        return None
    if draft.year in country.years:
        borne.append(f"one of its demo years ({draft.year})")
    return country, borne


def leave_out_demo(
    ctx: ReadContext, drafts: list[Draft], plan_sheets: list[tuple[Sheet, PlanTable]]
) -> tuple[list[Draft], list[tuple[Sheet, PlanTable]]]:
    """``drafts`` less the demo's assessments when others are there too (each said), and
    ``plan_sheets`` less the plan sheets that belong to them."""
    found = {id(d): demo_country(d) for d in drafts if d.country is not None}
    demo = {id(d): d for d in drafts if found.get(id(d)) is not None}
    if not demo or len(demo) == len(drafts):
        return drafts, plan_sheets
    for draft in demo.values():
        borne = (found[id(draft)] or (None, [""]))[1]
        where = f"Sheet “{draft.sheet.name}” holds" if draft.sheet.name else "The file holds"
        ctx.add(
            "warning",
            draft.sheet,
            None,
            f"{where} {draft.name}, one of the app's own fictional demo assessments "
            f"({', '.join(borne[:-1])} and {borne[-1]}), beside this file's other "
            "assessments: it was left out, with the enablers and the action plan read with it.",
            "Nothing to do if the demo was left in by mistake (delete its sheets to be rid of "
            "this warning). If it is a real assessment, write its country's real name.",
        )
    kept = [d for d in drafts if id(d) not in demo]
    plans = [
        (sheet, table) for sheet, table in plan_sheets if not _demos(sheet, table, drafts, demo)
    ]
    return kept, plans


def _demos(sheet: Sheet, table: PlanTable, drafts: Sequence[Draft], demo: dict[int, Draft]) -> bool:
    """Whether a plan sheet naming no country belongs to a demo assessment (a plan naming
    its countries keeps its rows for theirs)."""
    owner = None if "country" in table.columns else _plan_owner(sheet, drafts)
    return owner is not None and id(owner) in demo


def _plan_owner(sheet: Sheet, drafts: Sequence[Draft]) -> Draft | None:
    """The assessment a plan sheet belongs to, as the plan's reader finds it: the one read
    from the same sheet, else the template's Assessment sheet's, else the file's only one."""
    for name in (sheet.name, _ASSESSMENT_SHEET):
        named = [d for d in drafts if name is not None and d.sheet.name == name]
        if len(named) == 1:
            return named[0]
    return drafts[0] if len(drafts) == 1 else None
