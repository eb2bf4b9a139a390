"""Action plans as tables people open in a spreadsheet or upload again.

One row per (assessment, capability with a plan), with the assessment's Country, Year, Date
and Round, so that the app's reader joins each row to its assessment when the workbook is
read back (``components.ingest.plan_sheet``). Every text cell is neutralised.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from components.exports.safe_text import data_text, safe_csv_bytes
from components.framework.model import Framework
from components.ingest.plans import PLAN_FIELD_HEADERS, PRIORITY_LABELS, STATUS_LABELS

PLAN_SHEET = "Action plan"
META_COLUMNS = ["Country", "ISO3", "Year", "Date", "Round", "Assessed by"]
PLAN_SHEET_COLUMNS = [
    *META_COLUMNS,
    "Capability no",
    "Capability",
    "Domain",
    "Current level",
    *PLAN_FIELD_HEADERS,
]


def _int(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def plan_table(
    capabilities: pd.DataFrame, plans: pd.DataFrame | None, framework: Framework
) -> pd.DataFrame:
    """Every plan row of the assessments in ``capabilities``, in ``PLAN_SHEET_COLUMNS``:
    assessments in their order, capabilities by number. Empty when there is no plan."""
    if plans is None or plans.empty or capabilities.empty:
        return pd.DataFrame(columns=PLAN_SHEET_COLUMNS)
    heads = capabilities.drop_duplicates("assessment_id").set_index("assessment_id")
    levels = capabilities.set_index(["assessment_id", "capability"])["level"]
    order = {assessment_id: index for index, assessment_id in enumerate(heads.index)}
    wanted = plans[plans["assessment_id"].isin(order)]
    wanted = wanted.assign(_order=wanted["assessment_id"].map(order)).sort_values(
        ["_order", "capability"], kind="stable"
    )
    domains = {d.id: d.name for d in framework.domains}
    rows = []
    for plan in wanted.itertuples(index=False):
        head = heads.loc[plan.assessment_id]
        number = int(plan.capability)
        capability = framework.capability(number)
        rows.append(
            [
                data_text(head["country"]),
                data_text(head["iso3"]),
                _int(head["year"]),
                data_text(head["date"]),
                data_text(head["round"]),
                data_text(head["assessed_by"]),
                number,
                capability.title,
                domains.get(capability.domain, capability.domain),
                _int(levels.get((plan.assessment_id, number))),
                PRIORITY_LABELS.get(str(plan.priority)) if not pd.isna(plan.priority) else None,
                _int(plan.target_level),
                data_text(plan.target_date),
                data_text(plan.lead),
                data_text(plan.actions),
                STATUS_LABELS.get(str(plan.status)) if not pd.isna(plan.status) else None,
            ]
        )
    return pd.DataFrame(rows, columns=PLAN_SHEET_COLUMNS, dtype=object)


def plan_csv(capabilities: pd.DataFrame, plans: pd.DataFrame | None, framework: Framework) -> bytes:
    """The plan table as UTF-8 CSV with a byte-order mark, formulas neutralised."""
    return safe_csv_bytes(plan_table(capabilities, plans, framework))
