"""Action plans across countries, for an NGO or a regional body: per domain, how many
high-priority actions, how many are done, how many are overdue.

Each country counts with its latest assessment that has a plan. Countries are listed by name
(or as "Country A, B, …" when anonymised), never ranked; every share says what it rests on.
"""

from __future__ import annotations

import datetime

import pandas as pd

from components.framework.model import Framework
from components.scoring.peers import anonymise
from components.scoring.plans import is_overdue
from components.scoring.rounds import assessment_keys

DOMAIN_COLUMNS = [
    "Domain",
    "Countries with a plan here",
    "High-priority actions",
    "Done",
    "Share done",
    "Overdue",
]
COUNTRY_COLUMNS = ["Country", "Round", "Planned capabilities", "High priority", "Done", "Overdue"]


def planned_assessments(capabilities: pd.DataFrame, plans: pd.DataFrame) -> list[str]:
    """The latest assessment with a plan of each country, ordered by country name."""
    if plans.empty or capabilities.empty:
        return []
    with_plan = set(plans["assessment_id"])
    keys = assessment_keys(capabilities)
    keys = keys[keys["assessment_id"].isin(with_plan)]
    latest = keys.sort_values("_time", kind="stable").groupby("_country", sort=True).tail(1)
    return list(latest.sort_values("_country", kind="stable")["assessment_id"])


def _share(done: int, total: int) -> str:
    """ "2 of 5 (40%)", or "no high-priority actions" when there are none."""
    if total == 0:
        return "no high-priority actions"
    return f"{done} of {total} ({round(100 * done / total)}%)"


def portfolio_by_domain(
    capabilities: pd.DataFrame,
    plans: pd.DataFrame,
    framework: Framework,
    today: datetime.date,
) -> pd.DataFrame:
    """Per domain, in framework order: countries with a plan there, their high-priority
    actions, how many are done (with the share, saying what it rests on), how many overdue."""
    ids = planned_assessments(capabilities, plans)
    chosen = plans[plans["assessment_id"].isin(ids)]
    domain_of = {c.number: c.domain for c in framework.capabilities}
    chosen = chosen.assign(_domain=chosen["capability"].map(lambda n: domain_of.get(int(n))))
    rows = []
    for domain in framework.domains:
        here = chosen[chosen["_domain"] == domain.id]
        high = here[here["priority"] == "high"]
        done = int((high["status"] == "done").sum())
        overdue = sum(
            is_overdue(date, status, today)
            for date, status in zip(high["target_date"], high["status"], strict=True)
        )
        rows.append(
            [
                domain.name,
                int(here["assessment_id"].nunique()),
                len(high),
                done,
                _share(done, len(high)),
                int(overdue),
            ]
        )
    return pd.DataFrame(rows, columns=DOMAIN_COLUMNS)


def portfolio_by_country(
    capabilities: pd.DataFrame,
    plans: pd.DataFrame,
    labels: dict[str, str],
    today: datetime.date,
    *,
    anonymised: bool = False,
) -> pd.DataFrame:
    """One row per country (its latest planned assessment), by name, never ranked: planned
    capabilities, high-priority ones, done, overdue. ``anonymised`` shows "Country A, B, …"
    and no round (a round's date can give a country away)."""
    ids = planned_assessments(capabilities, plans)
    if anonymised:
        # By id (a hash), not by name: the order of "Country A, B, …" gives nothing away.
        ids = sorted(ids)
    first = capabilities.drop_duplicates("assessment_id").set_index("assessment_id")
    countries = [str(first.loc[i, "country"]) for i in ids]
    aliases = anonymise(countries, None) if anonymised else {c: c for c in countries}
    rows = []
    for assessment_id, country in zip(ids, countries, strict=True):
        mine = plans[plans["assessment_id"] == assessment_id]
        high = mine[mine["priority"] == "high"]
        overdue = sum(
            is_overdue(date, status, today)
            for date, status in zip(mine["target_date"], mine["status"], strict=True)
        )
        rows.append(
            [
                aliases[country],
                "" if anonymised else labels.get(assessment_id, ""),
                len(mine),
                len(high),
                int((mine["status"] == "done").sum()),
                int(overdue),
            ]
        )
    table = pd.DataFrame(rows, columns=COUNTRY_COLUMNS)
    if anonymised:
        table = table.drop(columns=["Round"])
    return table
