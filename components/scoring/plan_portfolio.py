"""Action plans across countries, for an NGO or a regional body: per domain, how many
planned capabilities, done, overdue, and the high-priority ones among them.

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

# The same counts under the same names in both tables, so each column's total agrees
# between them: every planned capability of a country's latest plan (whatever its priority)
# is in one domain and one country. The high-priority columns say so in their name.
COUNTS = [
    "Planned capabilities",
    "Done",
    "Overdue",
    "High priority",
    "High priority done",
]
DOMAIN_COLUMNS = ["Domain", "Countries with a plan here", *COUNTS]
COUNTRY_COLUMNS = ["Country", "Round", *COUNTS]
METHOD_NOTE = (
    "Both tables count the same actions, each country's latest plan: planned capabilities of "
    "every priority, how many are done, and how many are overdue (past the target date, "
    "neither done nor dropped); then the high-priority ones among them, and how many of those "
    "are done. A column adds up to the same total in both tables."
)


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


def _counts(planned: pd.DataFrame, today: datetime.date) -> list[object]:
    """The COUNTS of some planned capabilities."""
    high = planned[planned["priority"] == "high"]
    overdue = sum(
        is_overdue(date, status, today)
        for date, status in zip(planned["target_date"], planned["status"], strict=True)
    )
    high_done = int((high["status"] == "done").sum())
    return [
        len(planned),
        int((planned["status"] == "done").sum()),
        int(overdue),
        len(high),
        _share(high_done, len(high)),
    ]


def portfolio_by_domain(
    capabilities: pd.DataFrame,
    plans: pd.DataFrame,
    framework: Framework,
    today: datetime.date,
) -> pd.DataFrame:
    """Per domain, in framework order: countries with a plan there, then the COUNTS (the
    high-priority share done says what it rests on)."""
    ids = planned_assessments(capabilities, plans)
    chosen = plans[plans["assessment_id"].isin(ids)]
    domain_of = {c.number: c.domain for c in framework.capabilities}
    chosen = chosen.assign(_domain=chosen["capability"].map(lambda n: domain_of.get(int(n))))
    rows = []
    for domain in framework.domains:
        here = chosen[chosen["_domain"] == domain.id]
        rows.append([domain.name, int(here["assessment_id"].nunique()), *_counts(here, today)])
    return pd.DataFrame(rows, columns=DOMAIN_COLUMNS)


def portfolio_by_country(
    capabilities: pd.DataFrame,
    plans: pd.DataFrame,
    labels: dict[str, str],
    today: datetime.date,
    *,
    anonymised: bool = False,
) -> pd.DataFrame:
    """One row per country (its latest planned assessment), by name, never ranked, with the
    same COUNTS as ``portfolio_by_domain``. ``anonymised`` shows "Country A, B, …"
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
        rows.append(
            [
                aliases[country],
                "" if anonymised else labels.get(assessment_id, ""),
                *_counts(mine, today),
            ]
        )
    table = pd.DataFrame(rows, columns=COUNTRY_COLUMNS)
    if anonymised:
        table = table.drop(columns=["Round"])
    return table
