"""Library assessments shared "in aggregates only", in the one form a peer median may use.

Such an assessment is never shown under its name, except to editors. It may count in a peer
median, because a median that rests on enough assessments (``components.scoring.peer_groups``)
does not let anyone read out one country. So this module reads the latest assessment of each
such country and hands over only what a median needs: an alias ("aggregate-1", …), each
capability's level, and the groups its ISO3 code belongs to. The country, its code, the date,
the round, who assessed it, the evidence and the source stay in the database: the session, its
pages, its links and its exports never hold them.

Countries the session already holds by name are left out, so that no country counts twice
(its named assessment stands for it).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from sqlalchemy import Engine

from components.base.text import normalise
from components.framework.country_groups import KINDS, Classification
from components.library.database import guard, reading
from components.library.records import load_records
from components.library.schema import ensure_schema
from components.library.visibility import Viewer
from components.scoring.peer_groups import AggregatePeers

ALIAS_PREFIX = "aggregate-"


def aggregate_peers(
    engine: Engine,
    viewer: Viewer,
    classification: Classification,
    *,
    exclude_countries: Iterable[str] = (),
) -> AggregatePeers:
    """The library's "in aggregates only" assessments this viewer's medians may count.

    The latest of each country (its most recent date or year, round and version), without
    the countries in ``exclude_countries`` (compared ignoring case, accents and spacing).
    Empty when there are none, in private mode before sign-in, or when the library file does
    not exist yet.
    """
    if not viewer.in_aggregates or not ensure_schema(engine, create=False):
        return AggregatePeers()
    with guard(engine), reading(engine) as conn:
        records = load_records(conn, ids=None, visibilities=viewer.in_aggregates)
    excluded = {normalise(str(country)) for country in exclude_countries}
    latest = {}
    for record in records:  # ordered by country, date or year, round and version
        key = normalise(str(record.meta["country"] or ""))
        if key and key not in excluded:
            latest[key] = record
    # Aliases follow the content's fingerprint, not the country: their order says nothing.
    chosen = sorted(latest.values(), key=lambda record: record.content_hash)
    rows = []
    groups = {}
    for number, record in enumerate(chosen, start=1):
        alias = f"{ALIAS_PREFIX}{number}"
        iso3 = record.meta.get("iso3")
        groups[alias] = {
            kind: group
            for kind in KINDS
            if (group := classification.group_of(iso3, kind)) is not None
        }
        rows += [
            {"assessment_id": alias, "capability": row["capability"], "level": row["level"]}
            for row in record.capabilities
        ]
    levels = pd.DataFrame(rows, columns=["assessment_id", "capability", "level"]).astype(
        {"assessment_id": "string", "capability": "Int64", "level": "Int64"}
    )
    return AggregatePeers(levels=levels, groups=groups)
