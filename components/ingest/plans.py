"""An assessment's action plan: per capability, a priority, a target, a lead, actions, a status.

The plan is a tidy frame in ``report.PLAN_COLUMNS``, one row per (assessment, capability) that
has a plan, kept in the session's ``Collection`` beside the levels. ``check_plan_rows`` reads
what people typed (a sheet's rows, the editor's fields) into plan rows and reports whatever it
could not use as a ``Problem`` (cell, what is wrong, how to fix it), exactly as the reader does
for levels: a bad value is left out with a message, never guessed.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from components.base.text import normalise
from components.framework.model import Framework
from components.ingest.matching import capability_catalogue, match_item
from components.ingest.periods import last_day_of_month
from components.ingest.report import PLAN_COLUMNS, Problem, contract_array, empty_plans
from components.ingest.values import (
    is_blank,
    level_choices,
    parse_confidence,
    parse_level,
    parse_when,
    plain_text,
)

PRIORITIES = ("high", "medium", "low")
STATUSES = ("not started", "under way", "done", "dropped")
PRIORITY_LABELS = {"high": "High", "medium": "Medium", "low": "Low"}
STATUS_LABELS = {
    "not started": "Not started",
    "under way": "Under way",
    "done": "Done",
    "dropped": "Dropped",
}
# Longer than this, the actions are cut (and the problem says so): a plan, not a report.
MAX_ACTIONS_CHARS = 4000
MAX_LEAD_CHARS = 200
# The fields of a plan row a person fills in, in the order the template shows them, and the
# column header each has wherever a plan is a table (template, exports, library, editor).
PLAN_FIELDS = ("priority", "target_level", "target_date", "lead", "actions", "status")
PLAN_FIELD_HEADERS = (
    "Priority",
    "Target level",
    "Target date",
    "Lead organisation",
    "Actions",
    "Status",
)
FIELD_NAMES = {
    "capability": "capability",
    "priority": "priority",
    "target_level": "target level",
    "target_date": "target date",
    "lead": "lead organisation",
    "actions": "actions",
    "status": "status",
}
_STATUS_WORDS = {
    **{normalise(s): s for s in STATUSES},
    "not yet started": "not started",
    "planned": "not started",
    "to do": "not started",
    "todo": "not started",
    "open": "not started",
    "underway": "under way",
    "in progress": "under way",
    "working on it": "under way",  # monday.com's and Trello's words for it
    "doing": "under way",
    "ongoing": "under way",
    "started": "under way",
    "in hand": "under way",
    "completed": "done",
    "complete": "done",
    "finished": "done",
    "achieved": "done",
    "closed": "done",
    "cancelled": "dropped",
    "canceled": "dropped",
    "abandoned": "dropped",
    "non commence": "not started",
    "en cours": "under way",
    "termine": "done",
    "abandonne": "dropped",
    "no iniciado": "not started",
    "en curso": "under way",
    "terminado": "done",
    "completado": "done",
    "abandonado": "dropped",
    "nao iniciado": "not started",
    "em curso": "under way",
    "concluido": "done",
}
_PRIORITY_NUMBERS = {"1": "high", "2": "medium", "3": "low"}


@dataclass(frozen=True)
class PlanCells:
    """One plan row as typed: the raw values, and where each was (for the report)."""

    capability: Any
    values: Mapping[str, Any] = field(default_factory=dict)
    cells: Mapping[str, str] = field(default_factory=dict)  # field -> "D14"
    row: str | None = None  # "row 14", when there are no cell addresses


def parse_priority(value: Any) -> tuple[str | None, bool]:
    """``("high", True)`` for "High", "H", "1" or "haute"; ``(None, True)`` for blank;
    ``(None, False)`` for anything else."""
    if is_blank(value):
        return None, True
    text = normalise(str(value))
    if text.endswith(" priority"):
        text = text.removesuffix(" priority")
    if text in _PRIORITY_NUMBERS:
        return _PRIORITY_NUMBERS[text], True
    short = {"h": "high", "m": "medium", "l": "low"}.get(text)
    if short:
        return short, True
    return parse_confidence(text)


def parse_status(value: Any) -> tuple[str | None, bool]:
    """``("under way", True)`` for "In progress", "ongoing", "en cours"; ``(None, True)`` for
    blank; ``(None, False)`` for anything else."""
    if is_blank(value):
        return None, True
    found = _STATUS_WORDS.get(normalise(str(value)))
    return (found, True) if found else (None, False)


def parse_target_date(value: Any) -> tuple[str | None, str]:
    """A target date as ISO text, and a note when the value was read with an assumption or
    not at all. A year alone means the end of that year ("2026" -> "2026-12-31"), a month the end
    of that month ("Dec 2025", "juin 2026", "06/2026" -> "2026-06-30")."""
    if is_blank(value):
        return None, ""
    month_end = last_day_of_month(value)
    if month_end is not None:
        return month_end.isoformat(), ""
    when = parse_when(value)
    if when.date is not None:
        return when.date.isoformat(), when.note
    if when.year is not None:
        note = f"{when.note}, read as the end of that year" if when.note else ""
        return datetime.date(when.year, 12, 31).isoformat(), note
    return None, when.note or "not a date"


def _text(value: Any, limit: int) -> tuple[str | None, bool]:
    """Text as typed (spaces collapsed), cut at ``limit`` characters; True when it was cut."""
    if is_blank(value):
        return None, False
    text = plain_text(str(value)) if limit <= MAX_LEAD_CHARS else str(value).strip()
    return (text[:limit], True) if len(text) > limit else (text, False)


def check_plan_rows(
    rows: Sequence[PlanCells],
    framework: Framework,
    *,
    file: str,
    sheet: str | None,
    current_levels: Mapping[int, int | None] | None = None,
) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Plan rows as typed -> valid plan rows (``PLAN_COLUMNS`` less the assessment id), and
    the problems found.

    A row with no plan field filled in is skipped without a word (the template lists every
    capability). A capability that cannot be matched, or is given twice, is an error and its
    row is not used; a bad priority, status, target level or date is left blank with an error
    naming the cell; a target at or below the current level is a warning.
    """
    catalogue = capability_catalogue(framework)
    kept: list[dict[str, Any]] = []
    first_row: dict[int, str] = {}
    problems: list[Problem] = []

    def report(severity: str, where: str | None, message: str, fix: str) -> None:
        problems.append(Problem(severity, file, sheet, where, message, fix))  # type: ignore[arg-type]

    for plan in rows:
        if all(is_blank(plan.values.get(name)) for name in PLAN_FIELDS):
            continue

        def cell(name: str, plan: PlanCells = plan) -> str | None:
            return plan.cells.get(name) or plan.row

        match = match_item(plan.capability, catalogue)
        if not match.matched:
            report(
                "error",
                cell("capability"),
                "This plan row names no capability of the framework"
                + ("" if is_blank(plan.capability) else f" (“{plain_text(str(plan.capability))}”)")
                + "; it was not used.",
                "Write the capability's number (1 to "
                f"{len(framework.capabilities)}) or its title, as on the Assessment sheet.",
            )
            continue
        number = int(match.number)  # type: ignore[arg-type]
        if number in first_row:
            report(
                "error",
                cell("capability"),
                f"{catalogue.describe(number).capitalize()} has a second plan row (the first "
                f"is in {first_row[number]}); this one was not used.",
                "Keep one plan row per capability: put every action for it in the one row.",
            )
            continue
        first_row[number] = cell("capability") or "an earlier row"
        row = _check_fields(
            plan, number, framework, report=report, cell=cell, current_levels=current_levels
        )
        kept.append(row)
    return kept, problems


def _check_fields(
    plan: PlanCells,
    number: int,
    framework: Framework,
    *,
    report: Any,
    cell: Any,
    current_levels: Mapping[int, int | None] | None,
) -> dict[str, Any]:
    """One matched row's fields, each read or left blank with its problem reported."""
    what = f"capability {number}"
    values = plan.values
    priority, ok = parse_priority(values.get("priority"))
    if not ok:
        report(
            "error",
            cell("priority"),
            f"The priority of {what} (“{values.get('priority')}”) is not high, medium or low; "
            "it was left blank.",
            "Write high, medium or low.",
        )
    status, ok = parse_status(values.get("status"))
    if not ok:
        report(
            "error",
            cell("status"),
            f"The status of {what} (“{values.get('status')}”) is not one the app knows; it was "
            "read as not started.",
            "Write not started, under way, done or dropped.",
        )
    target = parse_level(values.get("target_level"), framework.scale)
    target_level = target.level
    if target.error:
        report(
            "error",
            cell("target_level"),
            f"The target level of {what} cannot be used: {target.error}",
            f"Write one of: {level_choices(framework.scale)}.",
        )
    current = (current_levels or {}).get(number)
    # A done item whose target the level has reached is what "done" should mean: no warning.
    is_done = status == "done"
    if target_level is not None and current is not None and target_level <= current and not is_done:
        report(
            "warning",
            cell("target_level"),
            f"The target level of {what} ({target_level}) is not above its current level "
            f"({current}); it was kept as written.",
            "Check the target: a plan usually aims above the level the capability has now.",
        )
    target_date, note = parse_target_date(values.get("target_date"))
    if note:
        severity = "warning" if target_date else "error"
        report(
            severity,
            cell("target_date"),
            f"The target date of {what}: {note}" + ("." if target_date else "; it was left blank."),
            "Write a date as YYYY-MM-DD (e.g. 2026-06-30) or a year.",
        )
    lead, cut_lead = _text(values.get("lead"), MAX_LEAD_CHARS)
    actions, cut_actions = _text(values.get("actions"), MAX_ACTIONS_CHARS)
    for name, cut, limit in (
        ("lead", cut_lead, MAX_LEAD_CHARS),
        ("actions", cut_actions, MAX_ACTIONS_CHARS),
    ):
        if cut:
            report(
                "warning",
                cell(name),
                f"The {FIELD_NAMES[name]} of {what} is longer than {limit:,} characters; only "
                "the first ones were kept.",
                f"Shorten the {FIELD_NAMES[name]}, or keep the details in a document and name it.",
            )
    return {
        "capability": number,
        "priority": priority,
        "target_level": target_level,
        "target_date": target_date,
        "lead": lead,
        "actions": actions,
        "status": status or "not started",
    }


def plan_frame(assessment_id: str, rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Checked plan rows of one assessment as a plan frame, by capability number."""
    records = sorted((dict(row) for row in rows), key=lambda row: int(row["capability"]))
    return plans_frame([(assessment_id, row) for row in records])


def plans_frame(rows: Sequence[tuple[str, Mapping[str, Any]]]) -> pd.DataFrame:
    """Checked plan rows of several assessments, each as (assessment id, row), as one plan
    frame in the order given (an empty plan frame when there are none)."""
    if not rows:
        return empty_plans()
    # Each column straight into its dtype: converting an object table costs more than reading.
    columns = {
        name: contract_array(
            name,
            [assessment_id for assessment_id, _ in rows]
            if name == "assessment_id"
            else [row.get(name) for _, row in rows],
        )
        for name in PLAN_COLUMNS
    }
    return pd.DataFrame(columns, copy=False)


def plan_of(plans: pd.DataFrame, assessment_id: str) -> pd.DataFrame:
    """One assessment's plan rows (an empty plan frame when it has none)."""
    if plans.empty:
        return empty_plans()
    return plans[plans["assessment_id"] == assessment_id].reset_index(drop=True)


def levels_of(capabilities: pd.DataFrame, assessment_id: str) -> dict[int, int | None]:
    """Capability number -> level (``None`` when not assessed) of one assessment."""
    rows = capabilities[capabilities["assessment_id"] == assessment_id]
    return {
        int(number): None if pd.isna(level) else int(level)
        for number, level in zip(rows["capability"], rows["level"], strict=True)
    }


def same_plan(left: pd.DataFrame, right: pd.DataFrame) -> bool:
    """Whether two plan frames hold the same plans, row order and dtypes aside (a plan
    concatenated with others may carry another dtype than one just checked)."""
    return _plans_by_item(left) == _plans_by_item(right)


def _plans_by_item(frame: pd.DataFrame) -> dict[tuple[str, int], tuple[Any, ...]]:
    values = frame[PLAN_COLUMNS].astype(object)
    values = values.where(values.notna(), None)  # NaN, NaT and <NA> all read as missing
    return {
        (str(row[0]), int(row[1])): tuple(row[2:])
        for row in values.itertuples(index=False, name=None)
    }


# --- the app's plan editor -------------------------------------------------------------------

EDITOR_COLUMNS = [
    "No.",
    "Capability",
    "Level now",
    "Priority",
    "Target level",
    "Target date",
    "Status",
    "Lead organisation",
    "Actions",
]
_EDITOR_FIELDS = dict(zip(PLAN_FIELD_HEADERS, PLAN_FIELDS, strict=True))


def level_entry(framework: Framework, level: int | None) -> str | None:
    """A level as the editor's drop-down shows it: ``3 - Established``."""
    if level is None:
        return None
    return f"{level} - {framework.scale.level(level).label}"


def editor_frame(
    capabilities: pd.DataFrame, plans: pd.DataFrame, assessment_id: str, framework: Framework
) -> pd.DataFrame:
    """Every capability of one assessment with its plan (blank where it has none), in
    ``EDITOR_COLUMNS``: what the app's plan editor shows and lets a person change."""
    levels = levels_of(capabilities, assessment_id)
    mine = plan_of(plans, assessment_id).set_index("capability")
    rows = []
    for capability in framework.capabilities:
        plan = mine.loc[capability.number] if capability.number in mine.index else None
        level = levels.get(capability.number)

        def get(name: str, plan: pd.Series | None = plan) -> Any:
            return None if plan is None or pd.isna(plan[name]) else plan[name]

        target_date = get("target_date")
        rows.append(
            [
                capability.number,
                capability.title,
                "Not assessed" if level is None else level_entry(framework, level),
                PRIORITY_LABELS.get(str(get("priority"))),
                level_entry(
                    framework, None if get("target_level") is None else int(get("target_level"))
                ),
                None if target_date is None else datetime.date.fromisoformat(str(target_date)),
                STATUS_LABELS.get(str(get("status"))) if plan is not None else None,
                # Empty text, not None: the grid would write "None" in every blank cell.
                get("lead") or "",
                get("actions") or "",
            ]
        )
    return pd.DataFrame(rows, columns=EDITOR_COLUMNS)


def plan_from_editor(
    edited: pd.DataFrame,
    assessment_id: str,
    framework: Framework,
    current_levels: Mapping[int, int | None],
) -> tuple[pd.DataFrame, list[Problem]]:
    """The editor's rows as a checked plan frame of one assessment, and the problems (a row
    with every plan field blank has no plan)."""
    rows = [
        PlanCells(
            capability=record["No."],
            values={
                field: _cell_value(record.get(column)) for column, field in _EDITOR_FIELDS.items()
            },
            row=f"capability {record['No.']}",
        )
        for record in edited.to_dict("records")
    ]
    checked, problems = check_plan_rows(
        rows, framework, file="the plan", sheet=None, current_levels=current_levels
    )
    return plan_frame(assessment_id, checked), problems


def _cell_value(value: Any) -> Any:
    """A grid cell's value, with every kind of missing (NaN, NaT, <NA>) as ``None``."""
    if value is None or isinstance(value, str):
        return value
    try:
        return None if pd.isna(value) else value
    except (TypeError, ValueError):
        return value
