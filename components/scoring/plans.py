"""Action plans read against the levels: where to start, what the plan says, what came of it.

``suggest_priorities`` ranks an assessment's assessed capabilities by how far each is from
the top of the scale, weighted by the domain weights a person chooses (a suggestion; it never
writes a plan). ``plan_table`` is one assessment's plan beside its levels, with what is
overdue. ``follow_up`` reads an earlier round's plan against a later round's levels: target
met, progress short of the target, or missed, always with the levels it rests on.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import pandas as pd

from components.framework.model import Framework
from components.ingest.plans import (
    PLAN_FIELD_HEADERS,
    PRIORITY_LABELS,
    STATUS_LABELS,
    levels_of,
    plan_of,
)

SUGGESTION_COLUMNS = ["No.", "Capability", "Domain", "Level", "Domain weight", "Gap x weight"]
SUGGESTION_NOTE = (
    "Gap x weight: how far the level is from the top of the scale, times the domain's weight. "
    "Largest first; equal ones by the lower level, then by capability number. The eight "
    "largest are shown, and every capability tied with the last of them, so none of equal "
    "standing is left out. Capabilities not assessed are left out (missing is not a gap). A "
    "suggestion only: the priorities and the actions are yours to decide."
)
PLAN_TABLE_COLUMNS = [
    "No.",
    "Capability",
    "Domain",
    "Level now",
    *PLAN_FIELD_HEADERS,
    "Overdue",
]
FOLLOW_UP_COLUMNS = [
    "No.",
    "Capability",
    "Priority",
    "Level then",
    "Target level",
    "Level now",
    "Target date",
    "Status",
    "Result",
]
MET = "Target met"
SHORT = "Progress, short of target"
MISSED = "Missed"
NOT_ASSESSED = "Not assessed in the later round"
NO_TARGET = "No target level"
OUTCOMES = (MET, SHORT, MISSED, NOT_ASSESSED, NO_TARGET)
# Done or dropped plans are never overdue: there is nothing left to do by the date.
OPEN_STATUSES = frozenset({"not started", "under way"})


def _int(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)  # type: ignore[call-overload]


def suggest_priorities(
    capabilities: pd.DataFrame,
    assessment_id: str,
    framework: Framework,
    weights: Mapping[str, float],
    limit: int = 8,
) -> pd.DataFrame:
    """The assessed capabilities to consider first, in ``SUGGESTION_COLUMNS``.

    Each capability's gap (the top of the scale less its level) times its domain's weight
    (1 when not given); a domain weighted 0 is left out, as is every capability not assessed
    (missing, never a gap). Largest first, then the lower level, then the capability number.
    At least ``limit`` rows, and every capability tied with the last of them (the same gap x
    weight): a cut through a tie would pick some of equal standing by their number alone.
    """
    levels = levels_of(capabilities, assessment_id)
    top = framework.scale.maximum
    domains = {d.id: d.name for d in framework.domains}
    rows = []
    for capability in framework.capabilities:
        level = levels.get(capability.number)
        weight = float(weights.get(capability.domain, 1.0))
        if level is None or weight <= 0:
            continue
        rows.append(
            [
                capability.number,
                capability.title,
                domains[capability.domain],
                level,
                weight,
                round((top - level) * weight, 2),
            ]
        )
    table = pd.DataFrame(rows, columns=SUGGESTION_COLUMNS)
    table = table[table["Gap x weight"] > 0]
    ranked = table.sort_values(
        ["Gap x weight", "Level", "No."], ascending=[False, True, True]
    ).reset_index(drop=True)
    if len(ranked) > limit:
        last = ranked["Gap x weight"].iloc[limit - 1]
        ranked = ranked[(ranked.index < limit) | (ranked["Gap x weight"] == last)]
    return ranked.reset_index(drop=True)


def suggestion_display(table: pd.DataFrame) -> pd.DataFrame:
    """The suggestion for reading: weights and products as short numbers ("1.5", "3")."""
    return table.assign(
        **{
            "Domain weight": table["Domain weight"].map(lambda value: f"{value:g}"),
            "Gap x weight": table["Gap x weight"].map(lambda value: f"{value:g}"),
        }
    )


def is_overdue(target_date: object, status: object, today: datetime.date) -> bool:
    """Past its target date and neither done nor dropped."""
    if target_date is None or pd.isna(target_date) or str(status) not in OPEN_STATUSES:  # type: ignore[call-overload]
        return False
    try:
        return datetime.date.fromisoformat(str(target_date)) < today
    except ValueError:
        return False


def plan_table(
    capabilities: pd.DataFrame,
    plans: pd.DataFrame,
    assessment_id: str,
    framework: Framework,
    today: datetime.date,
) -> pd.DataFrame:
    """One assessment's plan beside its levels, by capability number, in
    ``PLAN_TABLE_COLUMNS`` (text as given; blanks as empty text)."""
    levels = levels_of(capabilities, assessment_id)
    domains = {d.id: d.name for d in framework.domains}
    rows = []
    for plan in plan_of(plans, assessment_id).itertuples(index=False):
        capability = framework.capability(int(plan.capability))
        level = levels.get(capability.number)
        rows.append(
            [
                capability.number,
                capability.title,
                domains[capability.domain],
                "Not assessed" if level is None else str(level),
                PRIORITY_LABELS.get(str(plan.priority), ""),
                "" if _int(plan.target_level) is None else str(_int(plan.target_level)),
                "" if pd.isna(plan.target_date) else str(plan.target_date),
                "" if pd.isna(plan.lead) else str(plan.lead),
                "" if pd.isna(plan.actions) else str(plan.actions),
                STATUS_LABELS.get(str(plan.status), ""),
                "Overdue" if is_overdue(plan.target_date, plan.status, today) else "",
            ]
        )
    return pd.DataFrame(rows, columns=PLAN_TABLE_COLUMNS)


def done_below_target(plan: pd.DataFrame) -> str:
    """A short note on the rows of a ``plan_table`` marked done while the assessment's level is
    below their target ("" when there are none): the status or the level needs a second look.

    Only an assessed level and a target level are compared: a capability not assessed, or a
    plan without a target level, says nothing either way.
    """
    flagged = [
        f"{number} · {title} (level {level}, target {target})"
        for number, title, level, target, status in zip(
            plan["No."],
            plan["Capability"],
            plan["Level now"],
            plan["Target level"],
            plan["Status"],
            strict=True,
        )
        if status == STATUS_LABELS["done"]
        and str(level).isdigit()
        and str(target).isdigit()
        and int(level) < int(target)
    ]
    if not flagged:
        return ""
    return (
        f"Marked done, but this round's level is still below the target: {'; '.join(flagged)}. "
        "Check the status, or the level."
    )


GAP_PLAN_COLUMNS = ["Capability", "Level", "Priority", "Target", "Lead organisation", "Status"]
NO_PLAN = "No plan yet"


def gaps_with_plans(
    gaps: pd.DataFrame,
    plans: pd.DataFrame,
    assessment_id: str,
    today: datetime.date | None = None,
) -> pd.DataFrame:
    """Each gap (``scores.strengths_and_gaps``' highlight columns) beside its plan, in
    ``GAP_PLAN_COLUMNS``; a gap without a plan says so; with ``today``, a status past its
    target date says "(overdue)"."""
    mine = plan_of(plans, assessment_id).set_index("capability")
    rows = []
    for gap in gaps.itertuples(index=False):
        number = int(gap.capability)
        plan = mine.loc[number] if number in mine.index else None
        level = f"{int(gap.level)} · {gap.level_label}"
        if plan is None:
            rows.append([f"{number} · {gap.title}", level, NO_PLAN, "", "", ""])
            continue
        target = _int(plan["target_level"])
        date = "" if pd.isna(plan["target_date"]) else str(plan["target_date"])
        rows.append(
            [
                f"{number} · {gap.title}",
                level,
                PRIORITY_LABELS.get(str(plan["priority"]), "Not set"),
                " by ".join(p for p in ("" if target is None else f"level {target}", date) if p),
                "" if pd.isna(plan["lead"]) else str(plan["lead"]),
                STATUS_LABELS.get(str(plan["status"]), "")
                + (
                    " (overdue)"
                    if today is not None and is_overdue(plan["target_date"], plan["status"], today)
                    else ""
                ),
            ]
        )
    return pd.DataFrame(rows, columns=GAP_PLAN_COLUMNS)


def outcome(level_then: int | None, target: int | None, level_now: int | None) -> str:
    """What came of one target: met, progress short of it, missed; or why it cannot be said."""
    if target is None:
        return NO_TARGET
    if level_now is None:
        return NOT_ASSESSED
    if level_now >= target:
        return MET
    if level_then is not None and level_now > level_then:
        return SHORT
    return MISSED


def follow_up(
    capabilities: pd.DataFrame,
    plans: pd.DataFrame,
    earlier_id: str,
    later_id: str,
    framework: Framework,
) -> pd.DataFrame:
    """The earlier round's plan read against the later round's levels, in
    ``FOLLOW_UP_COLUMNS``; empty when the earlier round has no plan."""
    then = levels_of(capabilities, earlier_id)
    now = levels_of(capabilities, later_id)
    rows = []
    for plan in plan_of(plans, earlier_id).itertuples(index=False):
        number = int(plan.capability)
        target = _int(plan.target_level)
        level_then, level_now = then.get(number), now.get(number)
        rows.append(
            [
                number,
                framework.capability(number).title,
                PRIORITY_LABELS.get(str(plan.priority), ""),
                "Not assessed" if level_then is None else str(level_then),
                "" if target is None else str(target),
                "Not assessed" if level_now is None else str(level_now),
                "" if pd.isna(plan.target_date) else str(plan.target_date),
                STATUS_LABELS.get(str(plan.status), ""),
                outcome(level_then, target, level_now),
            ]
        )
    return pd.DataFrame(rows, columns=FOLLOW_UP_COLUMNS)


def follow_up_counts(table: pd.DataFrame) -> dict[str, int]:
    """How many targets of a follow-up table ended in each outcome (every outcome named)."""
    counts = table["Result"].value_counts() if not table.empty else pd.Series(dtype=int)
    return {name: int(counts.get(name, 0)) for name in OUTCOMES}
