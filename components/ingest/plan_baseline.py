"""A plan sheet's "Current level" column: the plan's baseline, or an assessment of its own.

A sheet with a target level beside a level ("No. | Capability | Current level | Target level |
Lead") is a plan whatever its tab is called ("Targets 2026", "Workplan", "Next steps"). When
the file has another assessment, its levels are that plan's baseline, read as the plan of the
file's assessment (as on a sheet named "Action plan") and never as an assessment of their own;
unless they name a country of their own that no other assessment of the file has (a sheet
"Kenya" with its levels and targets beside a sheet for Uganda). When the file has no other
assessment, the sheet is read as the assessment it is, with its plan, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from components.base.text import normalise
from components.ingest.countries import is_plausible_country
from components.ingest.drafts import Draft
from components.ingest.plan_sheet import PlanTable, baseline_of_plan, levels_beside_plan
from components.ingest.report import Problem
from components.ingest.sheets import ReadContext, Sheet


@dataclass(frozen=True)
class HeldLevels:
    """A plan sheet's drafts, and the problems reading them gave, not yet kept."""

    sheet: Sheet
    drafts: list[Draft]
    problems: list[Problem]


def held_levels(
    ctx: ReadContext, sheet: Sheet, parse_sheet: Callable[[ReadContext, Sheet], list[Draft]]
) -> HeldLevels:
    """The sheet's drafts, its problems kept aside (not in ``ctx``)."""
    saved = ctx.problems
    ctx.problems = []
    try:
        drafts = list(parse_sheet(ctx, sheet))
    finally:
        problems, ctx.problems = ctx.problems, saved
    return HeldLevels(sheet, drafts, problems)


def keep_baselines(ctx: ReadContext, drafts: list[Draft], held: list[HeldLevels]) -> list[Draft]:
    """The held drafts that are assessments (the file has no other, or they name a country of
    their own); their problems go to ``ctx``. The others are their plan's baseline only."""
    others = {normalise(draft.country) for draft in drafts if draft.country}
    kept: list[Draft] = []
    for sheet_levels in held:
        own = [draft for draft in sheet_levels.drafts if _own_country(draft, others)]
        if drafts and len(own) < len(sheet_levels.drafts):
            continue
        kept.extend(sheet_levels.drafts)
        ctx.problems.extend(sheet_levels.problems)
    return kept


def _own_country(draft: Draft, others: set[str]) -> bool:
    country = draft.country
    return bool(country) and is_plausible_country(country) and normalise(country) not in others


def plan_sheet_levels(
    ctx: ReadContext,
    sheet: Sheet,
    table: PlanTable,
    parse_sheet: Callable[[ReadContext, Sheet], list[Draft]],
    baselines: list[HeldLevels],
) -> list[Draft]:
    """The assessments a plan sheet holds as well: none (a plan only), those of levels beside
    plan columns ("Level | Actions | Lead"); a target level's baseline goes to ``baselines``
    (see ``keep_baselines``)."""
    if not levels_beside_plan(sheet, table):
        return []
    if baseline_of_plan(sheet, table):
        baselines.append(held_levels(ctx, sheet, parse_sheet))
        return []
    return parse_sheet(ctx, sheet)


def say_plan_without_table(ctx: ReadContext, sheet: Sheet) -> None:
    """A sheet named like an action plan with no plan table: skipped, with the reason."""
    ctx.add(
        "warning",
        sheet,
        None,
        f"Skipped sheet “{sheet.name}”: it is named like an action plan, but no "
        "header row names a capability and a priority, target, lead or actions.",
        "Use the Action plan sheet of the template, or headers such as "
        "No., Capability, Priority, Target level, Target date, Lead, Actions, Status.",
    )
