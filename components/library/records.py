"""One assessment as the library keeps it: a ``Record``, made from tidy frames, read back
from the tables, and turned into tidy frames again.

Frames coming out follow the tidy contract of ``components.ingest.report``
(``CAPABILITY_COLUMNS`` / ``ENABLER_COLUMNS``), ready for
``components.ingest.collection.add_assessments(..., origin="library")``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import Connection, select

from components.base.text import normalise
from components.ingest.collection import EDITION_COLUMN
from components.ingest.countries import iso_form_of
from components.ingest.labels import assessment_label
from components.ingest.report import (
    CAPABILITY_COLUMNS,
    ENABLER_COLUMNS,
    PLAN_COLUMNS,
    SOURCE_SEPARATOR,
    contract_dtypes,
    empty_plans,
)
from components.library.identity import country_identity
from components.library.tables import (
    assessments_table,
    capability_levels_table,
    enabler_levels_table,
    plans_table,
)


@dataclass(frozen=True)
class Record:
    """One assessment, ready to be written (or as read back)."""

    meta: dict[str, Any]
    capabilities: list[dict[str, Any]]
    enablers: list[dict[str, Any]]
    session_id: str = ""
    library_id: int | None = None
    version: int | None = None
    title_override: str | None = None
    visibility: str | None = None  # None: the deployment's default, when saved
    # The action plan: one row per capability with a plan (``PLAN_ROW_FIELDS``).
    plan: tuple[dict[str, Any], ...] = ()

    @property
    def key(self) -> tuple[str, str, str]:
        return assessment_key(
            self.meta["country"],
            self.meta["year"],
            self.meta["date"],
            self.meta["round"],
            iso3=self.meta.get("iso3"),
        )

    @property
    def label(self) -> str:
        return assessment_label(pd.Series(self.meta))

    @property
    def title(self) -> str:
        return self.title_override or self.label

    @property
    def content_hash(self) -> str:
        """A fingerprint of what was assessed: metadata and every answer, not where it came from."""
        content = {
            "meta": {k: self.meta[k] for k in ("country", "iso3", "year", "date", "round")}
            | {"assessed_by": self.meta["assessed_by"]},
            # Sorted by their JSON text: a stable order that never compares None with a number.
            "capabilities": sorted(
                (
                    json.dumps(
                        [row["capability"], row["level"], row["evidence"], row["confidence"]]
                    )
                    for row in self.capabilities
                ),
            ),
            "enablers": sorted(
                (
                    json.dumps([row["enabler"], row["level"], row["evidence"], row["confidence"]])
                    for row in self.enablers
                ),
            ),
        }
        if self.plan:
            # Only when there is one: a version saved before plans keeps its fingerprint.
            content["plan"] = sorted(
                json.dumps([row[name] for name in PLAN_ROW_FIELDS]) for row in self.plan
            )
        encoded = json.dumps(content, sort_keys=True, default=str, ensure_ascii=False)
        return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


# A plan row's fields: the plan frame's columns but its assessment (the library's own key).
PLAN_ROW_FIELDS = tuple(column for column in PLAN_COLUMNS if column != "assessment_id")


def assessment_key(
    country: object, year: object, date: object, round_label: object, *, iso3: object
) -> tuple[str, str, str]:
    """What makes two assessments "the same": country, date (or year), round. The country
    by what identifies it (``identity.country_identity``: its ISO3 code when name and code
    agree, so "Viet Nam" saved earlier and "Vietnam" are one), the round as normalised text."""
    when = _value(date)
    if when is None:
        year_value = _value(year)
        when = "" if year_value is None else str(int(year_value))
    return (
        country_identity(_value(country), _value(iso3)),
        str(when),
        normalise(str(_value(round_label) or "")),
    )


def library_assessment_id(key: tuple[str, str, str], version: int) -> str:
    """The session id of a library assessment: stable across libraries, exports and imports."""
    raw = "|".join(("library", *key, str(version)))
    return hashlib.sha1(raw.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]


def _value(value: Any) -> Any:
    """A plain Python value for the database: None for every kind of missing."""
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        return value
    if hasattr(value, "item"):  # numpy / pandas scalars
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _int(value: Any) -> int | None:
    value = _value(value)
    return None if value is None else int(value)


def _str(value: Any) -> str | None:
    value = _value(value)
    return None if value is None else str(value)


def _plan_rows(frame: pd.DataFrame | None) -> tuple[dict[str, Any], ...]:
    if frame is None or frame.empty:
        return ()
    rows = []
    for row in frame.sort_values("capability").to_dict("records"):
        plain = {name: _value(row.get(name)) for name in PLAN_ROW_FIELDS}
        plain["capability"] = _int(plain["capability"])
        plain["target_level"] = _int(plain["target_level"])
        plain["status"] = plain["status"] or "not started"
        rows.append(plain)
    return tuple(rows)


def records_from_frames(
    capabilities: pd.DataFrame,
    enablers: pd.DataFrame,
    *,
    edition: str | None = None,
    plans: pd.DataFrame | None = None,
) -> list[Record]:
    """Tidy frames (any number of assessments) to records, in the frames' order.

    Each record's ``framework_edition`` is the frames' own (a ``framework_edition`` column,
    as assessments opened from a library have), else ``edition``: the edition of the
    framework the app read them with. Each record carries its action plan from ``plans``.
    Raises ``ValueError`` for an assessment without a country: it could not be found again.
    """
    if capabilities.empty:
        return []
    plans_by_id = (
        dict(list(plans.groupby("assessment_id", sort=False)))
        if plans is not None and not plans.empty
        else {}
    )
    enablers_by_id = (
        dict(list(enablers.groupby("assessment_id", sort=False))) if not enablers.empty else {}
    )
    records = []
    for assessment_id, rows in capabilities.groupby("assessment_id", sort=False):
        first = rows.iloc[0]
        meta = {
            "country": _str(first["country"]),
            "iso3": _str(first["iso3"]),
            "year": _int(first["year"]),
            "date": _str(first["date"]),
            "round": _str(first["round"]),
            "assessed_by": _str(first["assessed_by"]),
            "source": _str(first["source"]),
            "framework_edition": _str(first.get(EDITION_COLUMN)) or edition,
        }
        if not meta["country"]:
            raise ValueError(f"Assessment {assessment_id} has no country; it cannot be saved.")
        capability_rows = [
            {
                "capability": _int(row.capability),
                "domain": _str(row.domain),
                "level": _int(row.level),
                "evidence": _str(row.evidence),
                "confidence": _str(row.confidence),
            }
            for row in rows.itertuples(index=False)
        ]
        enabler_frame = enablers_by_id.get(assessment_id)
        enabler_rows = (
            []
            if enabler_frame is None
            else [
                {
                    "enabler": _int(row.enabler),
                    "level": _int(row.level),
                    "evidence": _str(row.evidence),
                    "confidence": _str(row.confidence),
                }
                for row in enabler_frame.itertuples(index=False)
            ]
        )
        records.append(
            Record(
                meta,
                capability_rows,
                enabler_rows,
                session_id=str(assessment_id),
                plan=_plan_rows(plans_by_id.get(assessment_id)),
            )
        )
    return records


def load_records(
    conn: Connection, ids: Sequence[int] | None, *, visibilities: Sequence[str] | None = None
) -> list[Record]:
    """Records (with library id and version) for the given ids, or for all when None.

    ``visibilities`` keeps only assessments with one of them (None: no filter, for the
    schema's migrations, which run before the column exists; they read no plans either, as
    the plans' table may not exist yet).
    """
    a = assessments_table.c
    columns = [
        a.id,
        a.country,
        a.iso3,
        a.year,
        a.date,
        a.round,
        a.assessed_by,
        a.source,
        a.version,
        a.title,
    ]
    if visibilities is not None:
        columns += [a.visibility, a.framework_edition]
    statement = select(*columns).order_by(a.country_key, a.when_key, a.round_key, a.version)
    if visibilities is not None:
        statement = statement.where(a.visibility.in_(list(visibilities)))
    caps = capability_levels_table.c
    ens = enabler_levels_table.c
    cap_statement = select(
        caps.assessment, caps.capability, caps.domain, caps.level, caps.evidence, caps.confidence
    ).order_by(caps.assessment, caps.capability)
    en_statement = select(
        ens.assessment, ens.enabler, ens.level, ens.evidence, ens.confidence
    ).order_by(ens.assessment, ens.enabler)
    if ids is not None:
        statement = statement.where(a.id.in_(ids))
        cap_statement = cap_statement.where(caps.assessment.in_(ids))
        en_statement = en_statement.where(ens.assessment.in_(ids))
    heads = conn.execute(statement).mappings().all()
    by_id: dict[int, tuple[list[dict[str, Any]], list[dict[str, Any]]]] = {
        int(head["id"]): ([], []) for head in heads
    }
    for row in conn.execute(cap_statement).mappings():
        if int(row["assessment"]) in by_id:
            by_id[int(row["assessment"])][0].append(
                {k: row[k] for k in ("capability", "domain", "level", "evidence", "confidence")}
            )
    for row in conn.execute(en_statement).mappings():
        if int(row["assessment"]) in by_id:
            by_id[int(row["assessment"])][1].append(
                {k: row[k] for k in ("enabler", "level", "evidence", "confidence")}
            )
    plans: dict[int, list[dict[str, Any]]] = {}
    if visibilities is not None:
        p = plans_table.c
        plan_statement = select(p.assessment, *(p[name] for name in PLAN_ROW_FIELDS)).order_by(
            p.assessment, p.capability
        )
        if ids is not None:
            plan_statement = plan_statement.where(p.assessment.in_(ids))
        for row in conn.execute(plan_statement).mappings():
            if int(row["assessment"]) in by_id:
                plans.setdefault(int(row["assessment"]), []).append(
                    {name: row[name] for name in PLAN_ROW_FIELDS}
                )
    records = []
    for head in heads:
        meta = {
            k: head[k]
            for k in ("country", "iso3", "year", "date", "round", "assessed_by", "source")
        }
        meta["framework_edition"] = head.get("framework_edition")
        capability_rows, enabler_rows = by_id[int(head["id"])]
        records.append(
            Record(
                meta,
                capability_rows,
                enabler_rows,
                library_id=int(head["id"]),
                version=int(head["version"]),
                title_override=head["title"] or None,
                visibility=head.get("visibility"),
                plan=tuple(plans.get(int(head["id"]), ())),
            )
        )
    return records


def shown_country(country: object, iso3: object) -> object:
    """A country saved under the ISO list's form of its name by an earlier version ("Congo,
    The Democratic Republic of the"), shown by the name the dashboard now keeps for it."""
    found = iso_form_of(country) if isinstance(country, str) else None
    if found is None or (isinstance(iso3, str) and iso3 and iso3.upper() != found[1]):
        return country
    return found[0]


def frames_from_records(records: Sequence[Record]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Tidy capability and enabler frames of records read from the library.

    Each assessment gets a session id from its country, date, round and version
    (``library_assessment_id``), a source naming its library version, and the framework
    edition it was made against (``EDITION_COLUMN``, after the contract's columns).
    """
    capability_rows: list[dict[str, Any]] = []
    enabler_rows: list[dict[str, Any]] = []
    for record in records:
        version = record.version or 1
        origin = f"Library{SOURCE_SEPARATOR}version {version}"
        if record.meta["source"]:
            origin += f" (from {record.meta['source']})"
        head = {
            "assessment_id": library_assessment_id(record.key, version),
            **{k: record.meta[k] for k in ("country", "iso3", "year", "date", "round")},
            "country": shown_country(record.meta["country"], record.meta["iso3"]),
            "assessed_by": record.meta["assessed_by"],
            "source": origin,
            EDITION_COLUMN: record.meta.get("framework_edition"),
        }
        capability_rows += [head | row for row in record.capabilities]
        enabler_rows += [head | row for row in record.enablers]
    capabilities = pd.DataFrame(
        capability_rows, columns=[*CAPABILITY_COLUMNS, EDITION_COLUMN], dtype=object
    )
    enablers = pd.DataFrame(enabler_rows, columns=[*ENABLER_COLUMNS, EDITION_COLUMN], dtype=object)
    types = {EDITION_COLUMN: "string"}
    return contract_dtypes(capabilities).astype(types), contract_dtypes(enablers).astype(types)


def plans_from_records(records: Sequence[Record]) -> pd.DataFrame:
    """The action plans of records read from the library, under the session ids
    ``frames_from_records`` gives their assessments."""
    rows = [
        {"assessment_id": library_assessment_id(record.key, record.version or 1), **row}
        for record in records
        for row in record.plan
    ]
    if not rows:
        return empty_plans()
    return contract_dtypes(pd.DataFrame(rows, columns=PLAN_COLUMNS, dtype=object))
