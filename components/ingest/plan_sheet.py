"""Reading an "Action plan" sheet: finding its table, and joining its rows to an assessment.

A plan sheet is one named like a plan ("Action plan", "Plan d'action", "Roadmap", or only
the vocabulary's plan words and years: "Targets 2026", "Workplan 2024-25") or any sheet whose
header row names a capability and at least two plan columns (priority, target level, target
date, lead, actions), or a target level beside a level ("Current level | Target level").
Headers are matched after normalising, with synonyms in the languages of
``mnr_data/headers.toml`` ("Owner" is the lead, "Deadline" the target date, "Statut" the
status). The template's plan sheet belongs to the assessment of its Assessment sheet; a long
plan table with Country, Year and Round columns (as the app's export writes) joins the
assessment with the same country, date or year and round in the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd

from components.base.text import normalise
from components.framework.model import Framework
from components.ingest.drafts import Draft
from components.ingest.matching import classify_header
from components.ingest.plans import PlanCells, check_plan_rows, plans_frame
from components.ingest.rag_status import without_rag_status
from components.ingest.report import ASSESSMENT_COLUMNS, SOURCE_SEPARATOR, empty_plans
from components.ingest.sheets import ReadContext, Sheet, cell_address
from components.ingest.values import is_blank, parse_when, split_assessment_header
from components.ingest.vocabulary import default_vocabulary, key_of

PLAN_SHEET_NAMES = frozenset(
    key_of(name)
    for name in (
        "Action plan",
        "Action plans",
        "Plan",
        "Plans",
        "Roadmap",
        "Plan d'action",
        "Plan de acción",
        "Plano de ação",
    )
)
_PLAN_HEADERS: dict[str, tuple[str, ...]] = {
    "priority": ("priority", "priority level", "priorite", "prioridad", "prioridade"),
    "target_level": (
        "target level",
        "target",
        "target maturity",
        "goal level",
        "level targeted",
        "niveau cible",
        "nivel objetivo",
        "nivel meta",
        "nivel alvo",
    ),
    "target_date": (
        "target date",
        "deadline",
        "due date",
        "due",
        "by when",
        "date cible",
        "echeance",
        "fecha objetivo",
        "fecha limite",
        "prazo",
        "data alvo",
    ),
    "lead": (
        "lead",
        "lead organisation",
        "lead organization",
        "lead agency",
        "owner",
        "responsible",
        "responsible organisation",
        "responsible organization",
        "responsable",
        "organisation responsable",
        "responsavel",
    ),
    "actions": (
        "actions",
        "action",
        "planned actions",
        "activities",
        "next steps",
        "steps",
        "actions prevues",
        "acciones",
        "acoes",
    ),
    "status": ("status", "plan status", "progress", "statut", "etat", "estado", "situacion"),
}
_HEADER_FIELDS = {key_of(word): name for name, words in _PLAN_HEADERS.items() for word in words}
# Fields only a plan has: "status" alone is also a level header on an assessment sheet.
_PLAN_ONLY = frozenset({"priority", "target_level", "target_date", "lead", "actions"})
_KEY_FIELDS = frozenset({"number", "capability", "country", "year", "date", "when", "round"})
_HEADER_SEARCH_ROWS = 30


@dataclass(frozen=True)
class PlanTable:
    """Where a plan table is on its sheet: the header row and each field's column."""

    header: int
    columns: dict[str, int]


def plan_header_field(value: Any) -> str | None:
    """The plan field (or capability, country, year... column) a header cell names."""
    if not isinstance(value, str) or not value.strip():
        return None
    return _text_field(value)


# Bounded: the keys are user text. Every sheet's first rows pass here, so each distinct text
# is worked out once.
@lru_cache(maxsize=8192)
def _text_field(value: str) -> str | None:
    found = _HEADER_FIELDS.get(key_of(value))
    if found:
        return found
    field = classify_header(value)
    return field if field in _KEY_FIELDS else None


def find_plan_table(sheet: Sheet) -> PlanTable | None:
    """The plan table on the sheet, or None when the sheet holds none.

    A header row needs a capability column (number or title) and two plan columns, or one
    on a sheet named like a plan.
    """
    named = is_plan_sheet_name(sheet.name)
    best: PlanTable | None = None
    for index, row in enumerate(sheet.rows[:_HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for column, value in enumerate(row):
            field = plan_header_field(value)
            if field is not None and field not in columns:
                columns[field] = column
        plan_fields = len(_PLAN_ONLY & set(columns))
        has_item = "number" in columns or "capability" in columns
        # A target level beside a level ("Current level | Target level"): a plan's columns.
        enough = plan_fields >= 2 or (
            plan_fields >= 1 and (named or ("target_level" in columns and _has_level_column(row)))
        )
        if has_item and enough and (best is None or len(columns) > len(best.columns)):
            best = PlanTable(index, columns)
    return best


# The app's own plan table (``components.exports.plan_tables``) gives each row the level it
# had: that "Current level" is the plan's context, not an assessment of its own.
_EXPORT_MARKS = frozenset({key_of("Capability no"), key_of("Current level")})


def levels_beside_plan(sheet: Sheet, table: PlanTable) -> bool:
    """Whether the plan table's header row also has a level column: an assessment sheet with
    plan columns beside its levels ("No. | Capability | Level | Actions | Lead"), to be read
    as the assessment it is as well as a plan. A sheet named like a plan, and the app's own
    plan table (with each capability's "Current level"), are plans only; unless the sheet
    has an assessment's own Country and Year labels above the table ("Country | Pakistan"):
    then its tab's name does not make it a plan."""
    if is_plan_sheet_name(sheet.name) and not _own_country_and_year(sheet, table.header):
        return False
    header = [value for value in sheet.rows[table.header] if isinstance(value, str)]
    if {key_of(value) for value in header} >= _EXPORT_MARKS:
        return False
    return any(
        plan_header_field(value) is None and classify_header(value) == "level" for value in header
    )


def _has_level_column(row: Sequence[Any]) -> bool:
    return any(
        isinstance(value, str)
        and plan_header_field(value) is None
        and classify_header(value) == "level"
        for value in row
    )


def _level_year(row: Sequence[Any]) -> int | None:
    """The year in the heading of the level column of a plan's header row ("Current status
    (2024)"), if one."""
    for value in row:
        level = isinstance(value, str) and plan_header_field(value) is None
        if level and classify_header(value) == "level":
            return parse_when(split_assessment_header(value)[1]).year
    return None


def baseline_of_plan(sheet: Sheet, table: PlanTable) -> bool:
    """Whether a plan table's level column is likely the plan's baseline ("Current level"
    beside "Target level"), not an assessment of its own: it has a target level and no
    Country and Year labels of its own above it. The reader keeps such a sheet's levels only
    when the file has no other assessment, or they name a country of their own."""
    return "target_level" in table.columns and not _own_country_and_year(sheet, table.header)


def _named_plan(sheet: Sheet, table: PlanTable) -> str:
    """What to add when a sheet with a level column was taken as a plan for its name."""
    header = sheet.rows[table.header]
    if is_plan_sheet_name(sheet.name) and any(classify_header(v) == "level" for v in header):
        return (
            " The sheet was read as an action plan because of its name, so its level "
            "column was not read as an assessment."
        )
    return ""


def _own_country_and_year(sheet: Sheet, header: int) -> bool:
    """Whether rows above the header have a Country label with a value beside it, and a
    Year or Date label with one: an assessment's metadata, not a plan's."""
    found: set[str] = set()
    for row in sheet.rows[:header]:
        for column, value in enumerate(row[:-1]):
            field = classify_header(value)
            if field in ("country", "year", "date") and not is_blank(row[column + 1]):
                found.add("when" if field in ("year", "date") else "country")
    return found == {"country", "when"}


def is_plan_sheet_name(name: str | None, *, exact: bool = False) -> bool:
    """Whether a sheet is named like an action plan: one of the usual names, or (unless
    ``exact``) a name made only of the vocabulary's plan words and years ("Targets 2026",
    "Workplan 2024-25", "Next steps", "Feuille de route", "Próximos pasos")."""
    if name is None:
        return False
    key = key_of(name)
    return key in PLAN_SHEET_NAMES or (not exact and _plan_words_only(key))


@lru_cache(maxsize=1024)
def _plan_words_only(key: str) -> bool:
    words = [word for word in key.split() if not word.isdigit()]
    plan_words = default_vocabulary().plan_words
    return (
        bool(words)
        and all(word in plan_words for word in words)
        and any(len(word) > 3 for word in words)
    )


def _cells(sheet: Sheet, table: PlanTable) -> list[tuple[PlanCells, dict[str, Any]]]:
    """Each row under the header with a plan field filled in: its plan cells, and its
    country, year, date and round. Blank rows (most of the template's) cost one look each."""
    plan_columns = [(name, table.columns[name]) for name in _PLAN_HEADERS if name in table.columns]
    out = []
    for index in range(table.header + 1, len(sheet.rows)):
        if sheet.rows[index] == sheet.rows[table.header]:
            continue  # the header written again over a board's next group: no plan row
        values = {name: sheet.value(index, column) for name, column in plan_columns}
        if all(is_blank(value) for value in values.values()):
            continue

        def get(name: str, index: int = index) -> Any:
            column = table.columns.get(name)
            return None if column is None else sheet.value(index, column)

        number, title = get("number"), get("capability")
        item_field = "number" if not is_blank(number) else "capability"
        cells = {
            name: cell_address(index, table.columns[name])
            for name in (*_PLAN_HEADERS, "number", "capability")
            if name in table.columns
        }
        cells["capability"] = cells.get(item_field) or cell_address(index, 0)
        plan = PlanCells(
            capability=number if not is_blank(number) else title, values=values, cells=cells
        )
        key = {name: get(name) for name in ("country", "year", "date", "when", "round")}
        out.append((plan, key))
    return out


def _heads(
    assessments: Sequence[tuple[Sequence[Any], Draft]], framework: Framework
) -> tuple[list[dict[str, Any]], dict[str, dict[int, int | None]]]:
    """Each assessment's metadata (its row of ``ASSESSMENT_COLUMNS``, each assessment once, in
    the tables' order); and each one's capability levels (``None`` when not assessed), as the
    capabilities table holds them. Read from what the tables were made of: selecting rows of
    the table again costs more than reading the plan."""
    columns = ["assessment_id", "country", "year", "date", "round", "source"]
    at = [ASSESSMENT_COLUMNS.index(name) for name in columns]
    numbers = [capability.number for capability in framework.capabilities]
    heads: dict[str, dict[str, Any]] = {}
    levels: dict[str, dict[int, int | None]] = {}
    for head, draft in assessments:
        assessment_id = head[0]
        if assessment_id not in heads:
            heads[assessment_id] = dict(zip(columns, (head[index] for index in at), strict=True))
        given = draft.items["capability"]
        found = levels.setdefault(assessment_id, {})
        for number in numbers:
            level = given.get(number, _NO_LEVEL)[0]
            found[number] = None if level is None or pd.isna(level) else int(level)
    return list(heads.values()), levels


_NO_LEVEL = (None,)


def _assessment_keys(
    heads: list[dict[str, Any]],
) -> dict[tuple[str, str, str], list[tuple[str, str]]]:
    """(country, date or year, round), normalised -> the file's assessments with that key, each
    as (assessment id, the normalised name of its sheet)."""
    keys: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
    for row in heads:
        date, year, round_label = row["date"], row["year"], row["round"]
        when = date if not pd.isna(date) else ("" if pd.isna(year) else str(year))
        round_key = "" if pd.isna(round_label) else normalise(str(round_label))
        sheet = key_of(str(row["source"]).rpartition(SOURCE_SEPARATOR)[2])
        keys.setdefault((normalise(str(row["country"])), str(when), round_key), []).append(
            (str(row["assessment_id"]), sheet)
        )
    return keys


def _one_of(candidates: list[tuple[str, str]], plan_sheet: str | None) -> str | None:
    """The assessment a plan row belongs to among those with its key: the only one, or the one
    on the sheet named as the plan's without "plan" ("Library plan v2" -> "Library v2", as a
    library export writes versions); None when that leaves no single one."""
    if len(candidates) == 1:
        return candidates[0][0]
    wanted = " ".join(word for word in key_of(plan_sheet or "").split() if word != "plan")
    found = [assessment_id for assessment_id, sheet in candidates if sheet == wanted]
    return found[0] if len(found) == 1 else None


def _row_key(key: dict[str, Any]) -> tuple[str, str, str] | None:
    if is_blank(key.get("country")):
        return None
    when = parse_when(key.get("date") if not is_blank(key.get("date")) else key.get("when"))
    if when.year is None:
        when = parse_when(key.get("year"))
    when_text = when.date.isoformat() if when.date else str(when.year or "")
    round_text = "" if is_blank(key.get("round")) else normalise(str(key["round"]))
    return normalise(str(key["country"])), when_text, round_text


def _owner(heads: list[dict[str, Any]], sheet: Sheet, table: PlanTable) -> str | None:
    """The assessment a plan sheet without countries belongs to: the one read from the same
    sheet (plan columns beside the levels; of several, "Baseline (2019) | Current (2024)",
    the one of the year in the level column's heading), the Assessment sheet's, or the
    file's only one."""
    for name in (sheet.name, "Assessment"):
        named = [h for h in heads if str(h["source"]).endswith(f"{SOURCE_SEPARATOR}{name}")]
        if name == sheet.name and len(named) > 1:
            year = _level_year(sheet.rows[table.header])
            named = [h for h in named if year is not None and str(h["year"]) == str(year)]
        if name is not None and len(named) == 1:
            return str(named[0]["assessment_id"])
    return str(heads[0]["assessment_id"]) if len(heads) == 1 else None


def read_plans(
    ctx: ReadContext,
    sheets: list[tuple[Sheet, PlanTable]],
    assessments: Sequence[tuple[Sequence[Any], Draft]],
) -> pd.DataFrame:
    """The plans of the file's plan sheets, joined to the file's assessments (each as its row
    of ``ASSESSMENT_COLUMNS`` and the draft it was made of, as the reader's tables hold them);
    problems go to ``ctx`` (a row naming no assessment in the file is reported and left out)."""
    framework: Framework = ctx.framework
    # A Status column of traffic-light colours is a rating, not the plan's status.
    sheets = [
        (sheet, PlanTable(t.header, without_rag_status(ctx, sheet, t.header, t.columns)))
        for sheet, t in sheets
    ]
    filled = [(sheet, table, _cells(sheet, table)) for sheet, table in sheets]
    if not any(rows for _, _, rows in filled):
        return empty_plans()  # the template's blank plan sheet: nothing to join
    heads, levels = _heads(assessments, framework)
    keys = _assessment_keys(heads)
    records: list[tuple[str, dict[str, Any]]] = []
    for sheet, table, rows in filled:
        grouped: dict[str, list[PlanCells]] = {}
        unowned: list[str] = []
        owner = _owner(heads, sheet, table) if heads else None
        for plan, key in rows:
            row_key = _row_key(key) if "country" in table.columns else None
            target = _one_of(keys.get(row_key, []), sheet.name) if row_key is not None else owner
            if target is None:
                unowned.append(plan.cells["capability"])
                continue
            grouped.setdefault(target, []).append(plan)
        if unowned:
            ctx.add(
                "error",
                sheet,
                ", ".join(unowned[:3]) + (" …" if len(unowned) > 3 else ""),
                f"{len(unowned)} plan row(s) on sheet “{sheet.name}” belong to no assessment "
                f"of this file; they were not used.{_named_plan(sheet, table)}",
                _fix_unowned("country" in table.columns),
            )
        for assessment_id, members in grouped.items():
            checked, problems = check_plan_rows(
                members,
                framework,
                file=ctx.file,
                sheet=sheet.name,
                current_levels=levels[assessment_id],
            )
            ctx.problems.extend(problems)
            # By capability within an assessment, as ``plan_frame`` orders them.
            checked.sort(key=lambda row: int(row["capability"]))
            records.extend((assessment_id, row) for row in checked)
    # Two plan sheets for one assessment: the first sheet's row for a capability counts.
    # (One frame built from the rows kept: concatenating and de-duplicating frames costs
    # more than reading the plan.)
    seen: set[tuple[str, int]] = set()
    kept = []
    for assessment_id, row in records:
        key = (assessment_id, int(row["capability"]))
        if key not in seen:
            seen.add(key)
            kept.append((assessment_id, row))
    return plans_frame(kept)


def _fix_unowned(own_columns: bool) -> str:
    """What to do with plan rows that belong to no assessment; a table with its own Country
    column is not asked for labels: its level column was not found."""
    if own_columns:
        return (
            "Keep the plan in the same workbook as its assessment, or correct each row's "
            "Country, Year and Round. If the sheet is an assessment, head its column of "
            "current levels “Level” (a column headed like “Target level” holds a plan's "
            "targets, not levels)."
        )
    return (
        "Keep the plan in the same workbook as its assessment (the template's Action "
        "plan sheet), or give each row the Country, Year and Round of an assessment "
        "in the file. If the sheet is an assessment, write Country and Year labels "
        "with their values above its table, or rename the sheet after the country."
    )
