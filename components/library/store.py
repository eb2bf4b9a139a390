"""Assessments in the library: saving, listing, filtering, opening, renaming, deleting.

An assessment is identified by its country (``identity.country_identity``: its ISO3 code when
known, so a country saved under an older name is the same), date (or year) and round; each
save of the same assessment is a numbered version. Saving one that is already there is refused
with a message, unless the caller asks for a new version; content identical to the latest
version is never saved again. Every call is one transaction
(``components.library.database``), on a library created or migrated first
(``components.library.schema``). On PostgreSQL a save that lost a race is retried from the
start.

Everything here is free of Streamlit. Frames coming out follow the tidy contract of
``components.ingest.report`` (``CAPABILITY_COLUMNS`` / ``ENABLER_COLUMNS``), ready for
``components.ingest.collection.add_assessments(..., origin="library")``.
"""

from __future__ import annotations

import datetime
import random
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd
from sqlalchemy import Connection, Engine, delete, func, insert, select, update
from sqlalchemy import exc as sa_exc

from components.base.text import normalise
from components.framework.model import default_framework
from components.ingest.labels import unique_assessment_labels
from components.ingest.report import (
    CAPABILITY_COLUMNS,
    ENABLER_COLUMNS,
    contract_dtypes,
    empty_plans,
)
from components.library.database import guard, reading, writing
from components.library.records import (
    Record,
    assessment_key,
    frames_from_records,
    library_assessment_id,
    load_records,
    plans_from_records,
    records_from_frames,
    shown_country,
)
from components.library.schema import ensure_schema
from components.library.tables import (
    assessments_table,
    capability_levels_table,
    enabler_levels_table,
    plans_table,
)
from components.library.visibility import (
    DEFAULT_VISIBILITY,
    VISIBILITIES,
    VISIBILITY_LABELS,
    Viewer,
    Visibility,
)

SAVE_ATTEMPTS = 6
MAX_TITLE_CHARS = 200

LIST_COLUMNS = [
    "library_id",
    "title",
    "country",
    "iso3",
    "year",
    "date",
    "round",
    "version",
    "latest",
    "versions",
    "assessed_by",
    "source",
    "saved_at",
    "assessed",
    "total",
    "visibility",
    "framework_edition",
]


# --- saving --------------------------------------------------------------------------------

SaveStatus = Literal["saved", "exists", "identical"]
# What to do with an assessment already in the library: refuse it, save it as a new version
# (unless identical to the latest), or import it (unless identical to any of its versions).
SavePolicy = Literal["refuse", "new-version", "import"]


@dataclass(frozen=True)
class SaveOutcome:
    """What happened to one assessment on a save.

    ``saved``: written as ``version``. ``exists``: the library already has it (latest
    ``version``) with different content; nothing was written, and saving it as a new version
    is the caller's explicit choice. ``identical``: the library already has exactly this
    (as ``version``); nothing was written.
    """

    session_id: str
    label: str
    status: SaveStatus
    version: int
    library_id: int | None = None

    @property
    def message(self) -> str:
        if self.status == "saved":
            return f"{self.label}: saved as version {self.version}."
        if self.status == "identical":
            return (
                f"{self.label} is already in the library, identical to version "
                f"{self.version}: nothing new to save."
            )
        return (
            f"{self.label} is already in the library as version {self.version}. Save it as "
            f"version {self.version + 1}, or cancel."
        )


def save_assessments(
    engine: Engine,
    capabilities: pd.DataFrame,
    enablers: pd.DataFrame,
    *,
    as_new_version: bool = False,
    visibility: Visibility = DEFAULT_VISIBILITY,
    edition: str | None = None,
    plans: pd.DataFrame | None = None,
) -> list[SaveOutcome]:
    """Save the assessments in the frames to the library, all in one transaction.

    An assessment not yet in the library is saved as version 1. One already there is not
    written: its outcome is ``exists`` (or ``identical``). With ``as_new_version`` it is saved
    as the next version instead, unless its content is identical to the latest version.
    Each saved version gets ``visibility`` (editors only unless said otherwise) and records
    the framework edition it was made against (the frames' own, else ``edition``, else the
    app's framework's). Each keeps its action plan from ``plans``; a changed plan is a change
    of content (a new version). If anything fails, nothing is saved.
    """
    records = records_from_frames(
        capabilities, enablers, edition=edition or default_framework().edition, plans=plans
    )
    if not records:
        return []
    policy: SavePolicy = "new-version" if as_new_version else "refuse"
    return write_records(engine, records, policy, default_visibility=visibility)


def write_records(
    engine: Engine,
    records: Sequence[Record],
    policy: SavePolicy,
    *,
    default_visibility: Visibility = DEFAULT_VISIBILITY,
) -> list[SaveOutcome]:
    """Write ``records`` in one transaction, each as ``policy`` says; what happened to each.

    A record without a visibility of its own gets ``default_visibility``. Creates or migrates
    the library first. A save that lost a race with another process (PostgreSQL) is retried
    from the start, up to ``SAVE_ATTEMPTS`` times.
    """
    if default_visibility not in VISIBILITIES:
        raise ValueError(f"unknown visibility {default_visibility!r}.")
    ensure_schema(engine)
    with guard(engine):
        for attempt in range(SAVE_ATTEMPTS):
            try:
                with writing(engine) as conn:
                    return [
                        _save_one(conn, record, policy, default_visibility) for record in records
                    ]
            except sa_exc.IntegrityError as error:
                # Another process saved a version of the same assessment between our read of
                # the latest version and our insert (possible on PostgreSQL, where reads do
                # not block writers). Nothing of ours was kept: start again from a fresh read.
                if not _lost_a_race(error) or attempt == SAVE_ATTEMPTS - 1:
                    raise
                time.sleep(random.uniform(0.01, 0.05) * (attempt + 1))  # noqa: S311
    raise AssertionError("unreachable")  # pragma: no cover


def _lost_a_race(error: sa_exc.IntegrityError) -> bool:
    """Whether the error is the version constraint (a concurrent save), not bad data."""
    message = str(error.orig or error).casefold()
    return "mnr_assessment_version" in message or "mnr_assessments.country_key" in message


def _save_one(
    conn: Connection, record: Record, policy: SavePolicy, default_visibility: Visibility
) -> SaveOutcome:
    a = assessments_table.c
    country_key, when_key, round_key = record.key
    existing = conn.execute(
        select(a.version, a.content_hash)
        .where(a.country_key == country_key, a.when_key == when_key, a.round_key == round_key)
        .order_by(a.version.desc())
    ).all()
    fingerprint = record.content_hash
    if existing:
        latest, latest_hash = existing[0]
        if policy == "import":
            same = next((v for v, h in existing if h == fingerprint), None)
            if same is not None:
                return SaveOutcome(record.session_id, record.label, "identical", same)
        elif latest_hash == fingerprint:
            return SaveOutcome(record.session_id, record.label, "identical", latest)
        elif policy == "refuse":
            return SaveOutcome(record.session_id, record.label, "exists", latest)
        version = latest + 1
    else:
        version = 1
    result = conn.execute(
        insert(assessments_table).values(
            country=record.meta["country"],
            country_key=country_key,
            iso3=record.meta["iso3"],
            year=record.meta["year"],
            date=record.meta["date"],
            when_key=when_key,
            round=record.meta["round"],
            round_key=round_key,
            version=version,
            assessed_by=record.meta["assessed_by"],
            source=record.meta["source"],
            saved_at=datetime.datetime.now(datetime.UTC),
            title=_clean_title(record.title),
            content_hash=fingerprint,
            visibility=(
                record.visibility if record.visibility in VISIBILITIES else default_visibility
            ),
            framework_edition=record.meta.get("framework_edition") or default_framework().edition,
        )
    )
    library_id = int(result.inserted_primary_key[0])
    if record.capabilities:
        conn.execute(
            insert(capability_levels_table),
            [{"assessment": library_id, **row} for row in record.capabilities],
        )
    if record.enablers:
        conn.execute(
            insert(enabler_levels_table),
            [{"assessment": library_id, **row} for row in record.enablers],
        )
    if record.plan:
        conn.execute(
            insert(plans_table), [{"assessment": library_id, **row} for row in record.plan]
        )
    return SaveOutcome(record.session_id, record.label, "saved", version, library_id)


# --- listing, opening, renaming, deleting --------------------------------------------------


def list_assessments(engine: Engine, *, viewer: Viewer) -> pd.DataFrame:
    """Every assessment (every version) the viewer may see by name, one row each, in
    ``LIST_COLUMNS``.

    The database filters by visibility (``Viewer.named``): what a viewer may not see is never
    read. ``latest`` marks the newest version of each assessment, ``versions`` counts them
    (of those the viewer sees); ``assessed`` and ``total`` count capabilities with a level
    and capabilities in all. An empty frame when the library is empty, its SQLite file does
    not exist yet, or the viewer may see nothing.
    """
    if not viewer.named or not ensure_schema(engine, create=False):
        return _empty_listing()
    a = assessments_table.c
    levels = capability_levels_table.c
    counts = (
        select(
            levels.assessment,
            func.count().label("total"),
            func.count(levels.level).label("assessed"),
        )
        .group_by(levels.assessment)
        .subquery()
    )
    statement = (
        select(
            a.id,
            a.title,
            a.country,
            a.iso3,
            a.year,
            a.date,
            a.round,
            a.version,
            a.assessed_by,
            a.source,
            a.saved_at,
            a.country_key,
            a.when_key,
            a.round_key,
            counts.c.assessed,
            counts.c.total,
            a.visibility,
            a.framework_edition,
        )
        .select_from(assessments_table.outerjoin(counts, counts.c.assessment == a.id))
        .where(a.visibility.in_(list(viewer.named)))
        .order_by(a.country_key, a.when_key, a.round_key, a.version)
    )
    with guard(engine), reading(engine) as conn:
        rows = conn.execute(statement).mappings().all()
    if not rows:
        return _empty_listing()
    frame = pd.DataFrame([dict(row) for row in rows])
    shown = zip(frame["country"], frame["iso3"], strict=True)
    frame["country"] = [shown_country(country, iso3) for country, iso3 in shown]
    keys = frame[["country_key", "when_key", "round_key"]].astype(str).agg("|".join, axis=1)
    frame["latest"] = frame["version"] == frame.groupby(keys)["version"].transform("max")
    frame["versions"] = frame.groupby(keys)["version"].transform("size")
    frame["saved_at"] = frame["saved_at"].map(_as_utc)
    frame = frame.rename(columns={"id": "library_id"})
    frame["assessed"] = frame["assessed"].fillna(0)
    frame["total"] = frame["total"].fillna(0)
    return _typed_listing(frame[LIST_COLUMNS])


def _empty_listing() -> pd.DataFrame:
    return _typed_listing(pd.DataFrame({column: [] for column in LIST_COLUMNS}))


def _typed_listing(frame: pd.DataFrame) -> pd.DataFrame:
    types: dict[str, str] = {
        "library_id": "int64",
        "version": "int64",
        "versions": "int64",
        "assessed": "int64",
        "total": "int64",
        "latest": "bool",
        "year": "Int64",
    }
    types.update(
        dict.fromkeys(
            (
                "title",
                "country",
                "iso3",
                "date",
                "round",
                "assessed_by",
                "source",
                "visibility",
                "framework_edition",
            ),
            "string",
        )
    )
    typed = frame.astype(types)
    typed["saved_at"] = pd.to_datetime(typed["saved_at"], utc=True)
    return typed.reset_index(drop=True)


def _as_utc(value: Any) -> datetime.datetime | None:
    if value is None or (not isinstance(value, datetime.datetime) and pd.isna(value)):
        return None
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value)
    if value.tzinfo is None:  # SQLite keeps the UTC time without its zone
        return value.replace(tzinfo=datetime.UTC)
    return value.astimezone(datetime.UTC)


def filter_listing(
    listing: pd.DataFrame,
    *,
    country: str | None = None,
    year: int | None = None,
    text: str | None = None,
    latest_only: bool = False,
) -> pd.DataFrame:
    """The rows of ``list_assessments`` that match every filter given.

    ``country`` matches the country as written (ignoring case and spacing), ``year`` the
    year (also of dated assessments), ``text`` any of title, country, round, assessed by and
    source (ignoring case and accents).
    """
    keep = pd.Series(True, index=listing.index)
    if country:
        keep &= listing["country"].fillna("").map(normalise) == normalise(country)
    if year is not None:
        keep &= listing["year"].astype("Int64").eq(int(year)).fillna(False)
    if text and text.strip():
        wanted = normalise(text)
        haystack = (
            listing[["title", "country", "iso3", "round", "assessed_by", "source"]]
            .astype("string")
            .fillna("")
            .agg(" ".join, axis=1)
            .map(normalise)
        )
        keep &= haystack.str.contains(wanted, regex=False)
    if latest_only:
        keep &= listing["latest"]
    return listing[keep].reset_index(drop=True)


def filter_choices(listing: pd.DataFrame) -> tuple[list[str], list[int]]:
    """The countries (alphabetically) and years (newest first) a listing can be filtered by."""
    if listing.empty:
        return [], []
    countries = sorted(set(listing["country"].dropna().astype(str)), key=str.casefold)
    years = sorted({int(y) for y in listing["year"].dropna()}, reverse=True)
    return countries, years


def listing_table(listing: pd.DataFrame) -> pd.DataFrame:
    """The listing with the headers and words a person reads."""
    total = listing["total"]
    return pd.DataFrame(
        {
            "Title": listing["title"],
            "Country": listing["country"],
            "Date or year": listing["date"].fillna(listing["year"].astype("string")),
            "Round": listing["round"],
            "Version": [
                f"{v} (latest)" if latest and count > 1 else str(v)
                for v, latest, count in zip(
                    listing["version"], listing["latest"], listing["versions"], strict=True
                )
            ],
            "Capabilities assessed": [
                f"{a} of {t}" for a, t in zip(listing["assessed"], total, strict=True)
            ],
            "Assessed by": listing["assessed_by"],
            "Saved (UTC)": listing["saved_at"].dt.strftime("%Y-%m-%d %H:%M"),
            "Who may see it": listing["visibility"].map(VISIBILITY_LABELS),
            "Framework edition": listing["framework_edition"],
        }
    ).fillna({"Round": "–", "Assessed by": "–", "Date or year": "–"})


def listing_labels(listing: pd.DataFrame) -> dict[int, str]:
    """Library id -> "Title · version n" for pickers."""
    return {
        int(library_id): f"{title} · version {version}"
        for library_id, title, version in zip(
            listing["library_id"], listing["title"], listing["version"], strict=True
        )
    }


def open_assessments(
    engine: Engine, library_ids: Iterable[int], *, viewer: Viewer
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The chosen library assessments' capabilities and enablers (see
    ``open_assessments_and_plans``, which gives their action plans too)."""
    capabilities, enablers, _ = open_assessments_and_plans(engine, library_ids, viewer=viewer)
    return capabilities, enablers


def open_assessments_and_plans(
    engine: Engine, library_ids: Iterable[int], *, viewer: Viewer
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The chosen library assessments the viewer may see by name, as tidy frames.

    An id the viewer may not see is left out exactly as an id that does not exist. Each
    assessment gets a session id from its country, date, round and version
    (``library_assessment_id``), a source naming its library version, and its framework
    edition.
    """
    wanted = sorted({int(i) for i in library_ids})
    if not wanted or not viewer.named or not ensure_schema(engine, create=False):
        return (
            contract_dtypes(pd.DataFrame(columns=CAPABILITY_COLUMNS)),
            contract_dtypes(pd.DataFrame(columns=ENABLER_COLUMNS)),
            empty_plans(),
        )
    with guard(engine), reading(engine) as conn:
        records = load_records(conn, ids=wanted, visibilities=viewer.named)
    capabilities, enablers = frames_from_records(records)
    return capabilities, enablers, plans_from_records(records)


def _clean_title(title: str) -> str:
    cleaned = " ".join(str(title).split())
    if not cleaned:
        raise ValueError("A title cannot be empty.")
    return cleaned[:MAX_TITLE_CHARS]


def rename_assessment(engine: Engine, library_id: int, title: str) -> bool:
    """Give one library assessment (one version) a new title; False when it is not there.

    Raises ``ValueError`` for an empty title; a very long one is cut to ``MAX_TITLE_CHARS``.
    """
    cleaned = _clean_title(title)
    if not ensure_schema(engine, create=False):
        return False
    a = assessments_table.c
    with guard(engine), writing(engine) as conn:
        result = conn.execute(
            update(assessments_table).where(a.id == int(library_id)).values(title=cleaned)
        )
        return bool(result.rowcount)


def set_visibility(engine: Engine, library_ids: Iterable[int], visibility: Visibility) -> int:
    """Give library assessments (versions) a visibility, in one transaction; how many changed.

    For editors only: the page offers it after sign-in. Raises ``ValueError`` for an unknown
    visibility.
    """
    if visibility not in VISIBILITIES:
        raise ValueError(f"unknown visibility {visibility!r}.")
    wanted = sorted({int(i) for i in library_ids})
    if not wanted or not ensure_schema(engine, create=False):
        return 0
    a = assessments_table.c
    with guard(engine), writing(engine) as conn:
        result = conn.execute(
            update(assessments_table).where(a.id.in_(wanted)).values(visibility=visibility)
        )
        return int(result.rowcount)


def delete_assessments(engine: Engine, library_ids: Iterable[int]) -> int:
    """Delete library assessments (with their levels and plans) in one transaction; how many
    went."""
    wanted = sorted({int(i) for i in library_ids})
    if not wanted or not ensure_schema(engine, create=False):
        return 0
    with guard(engine), writing(engine) as conn:
        # Children first, so this does not depend on the database enforcing ON DELETE CASCADE.
        conn.execute(
            delete(capability_levels_table).where(capability_levels_table.c.assessment.in_(wanted))
        )
        conn.execute(
            delete(enabler_levels_table).where(enabler_levels_table.c.assessment.in_(wanted))
        )
        conn.execute(delete(plans_table).where(plans_table.c.assessment.in_(wanted)))
        result = conn.execute(delete(assessments_table).where(assessments_table.c.id.in_(wanted)))
        return int(result.rowcount)


# --- what a session can save -----------------------------------------------------------------

SAVEABLE_ORIGINS = frozenset({"upload", "editor", "workshop"})


def listing_session_ids(listing: pd.DataFrame) -> list[str]:
    """The session id each row of a listing gets when opened (as ``open_assessments`` gives)."""
    return [
        library_assessment_id(
            assessment_key(row.country, row.year, row.date, row.round, iso3=row.iso3), version
        )
        for row, version in zip(listing.itertuples(index=False), listing["version"], strict=True)
    ]


def saveable_assessments(capabilities: pd.DataFrame) -> dict[str, str]:
    """Session id -> label of the session's assessments that can go into the library.

    Uploads, the agreed levels of a workshop, and assessments entered in the app (a library
    assessment edited in the app is one of these: saved, it becomes a new version). The
    fictional demo never goes into a library, and assessments opened from the library
    unchanged are there already.
    """
    if capabilities.empty or "origin" not in capabilities.columns:
        return {}
    rows = capabilities[capabilities["origin"].isin(SAVEABLE_ORIGINS)]
    if rows.empty:
        return {}
    return unique_assessment_labels(rows.drop_duplicates("assessment_id"))


def only(frame: pd.DataFrame, assessment_ids: Iterable[str]) -> pd.DataFrame:
    """The rows of the given assessments, without the session's ``origin`` column."""
    wanted = set(assessment_ids)
    rows = frame[frame["assessment_id"].isin(wanted)]
    return rows.drop(columns=["origin"], errors="ignore").reset_index(drop=True)
