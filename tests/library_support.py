"""Support for the library tests, shared by the SQLite and PostgreSQL ones.

Checks that need a second process (a writer killed mid-transaction, concurrent writers), the
schema of the previous version as raw SQL, and the worker those checks start:

    python -m tests.library_support crash URL COUNT
        Saves COUNT assessments in one transaction, and half-way through (after some of the
        capability rows went in, before the commit) prints READY and waits to be killed.

    python -m tests.library_support save URL GO_FILE WORKER COUNT
        Waits for GO_FILE to exist (so that all workers start at once), then saves COUNT
        assessments of its own one by one, a new version of "Shared" 2024 (its content differs
        per worker) and "Common" 2023 (the same for every worker, refused when present). Prints
        one JSON line: {"own": [...statuses], "shared": [status, version], "common": status}.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import Engine, event, text

from components.base.text import normalise
from components.framework.model import default_framework
from components.ingest.report import CAPABILITY_COLUMNS, ENABLER_COLUMNS
from components.ingest.template import AssessmentInput, write_template
from components.library import records, store
from components.library.database import create_library_engine, writing
from components.library.identity import rekey_assessments
from components.library.schema import SCHEMA_VERSION, ensure_schema, stored_version
from components.library.visibility import EDITOR, VISITOR
from tests.factories import capability_rows, enabler_rows

ROOT = Path(__file__).resolve().parent.parent
WORKER = [sys.executable, "-m", "tests.library_support"]
# What a library keeps of an assessment exactly as it was given (ids and sources it makes anew).
COMPARED = [c for c in CAPABILITY_COLUMNS if c not in ("assessment_id", "source")]
COMPARED_ENABLERS = [c for c in ENABLER_COLUMNS if c not in ("assessment_id", "source")]
Frames = tuple[pd.DataFrame, pd.DataFrame]


def assessment(
    country: str, year: int, level: int, *, evidence: str | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One assessment (21 capabilities, 7 enablers) as tidy frames."""
    assessment_id = f"{country}-{year}".replace(" ", "-").lower()
    capabilities = capability_rows(assessment_id, country, year, dict.fromkeys(range(1, 22), level))
    if evidence is not None:
        capabilities["evidence"] = pd.array([evidence] * len(capabilities), dtype="string")
    return capabilities, enabler_rows(assessment_id, country, year)


def template_bytes(country: str, year: int, *, level: int) -> bytes:
    """The app's own template, filled in for one assessment (what a person would upload)."""
    return write_template(
        default_framework(),
        AssessmentInput(country=country, year=year, levels=dict.fromkeys(range(1, 22), level)),
    )


def many(prefix: str, count: int, year: int = 2022) -> tuple[pd.DataFrame, pd.DataFrame]:
    frames = [assessment(f"{prefix} {n}", year, n % 5) for n in range(count)]
    return (
        pd.concat([c for c, _ in frames], ignore_index=True),
        pd.concat([e for _, e in frames], ignore_index=True),
    )


def first_changed(demo) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The demo's first assessment with other levels: the same assessment, a new version."""
    first = [demo.capabilities["assessment_id"].iloc[0]]
    capabilities = store.only(demo.capabilities, first)
    capabilities["level"] = pd.array([1] * len(capabilities), dtype="Int64")
    return capabilities, store.only(demo.enablers, first)


def sorted_rows(frame: pd.DataFrame, columns: list[str], item: str) -> pd.DataFrame:
    """The columns compared, in one order whatever order the rows came in."""
    return frame[columns].sort_values(["country", "year", item]).reset_index(drop=True)


def crash(url: str, count: int) -> None:
    engine = create_library_engine(url)
    ensure_schema(engine)
    inserts = {"n": 0}

    @event.listens_for(engine, "after_cursor_execute")
    def pause_half_way(_conn, _cursor, statement, _parameters, _context, _executemany):
        if statement.lstrip().upper().startswith("INSERT INTO MNR_CAPABILITY_LEVELS"):
            inserts["n"] += 1
            if inserts["n"] == max(1, count // 2):
                print("READY", flush=True)
                time.sleep(120)  # the test kills this process here, inside the transaction

    capabilities, enablers = many("Crash", count)
    store.save_assessments(engine, capabilities, enablers)
    print("COMMITTED", flush=True)  # never reached when the test does its job


def save(url: str, go_file: str, worker: int, count: int) -> None:
    engine = create_library_engine(url)
    own = [assessment(f"Worker {worker} {n}", 2020, n % 5) for n in range(count)]
    shared = assessment("Shared", 2024, worker % 5, evidence=f"from worker {worker}")
    common = assessment("Common", 2023, 2)
    print("WAITING", flush=True)
    deadline = time.monotonic() + 60
    while not Path(go_file).exists():
        if time.monotonic() > deadline:
            raise SystemExit("the go file never appeared")
        time.sleep(0.005)
    statuses = []
    for capabilities, enablers in own:
        statuses += [o.status for o in store.save_assessments(engine, capabilities, enablers)]
    (shared_outcome,) = store.save_assessments(engine, *shared, as_new_version=True)
    (common_outcome,) = store.save_assessments(engine, *common)
    print(
        json.dumps(
            {
                "own": statuses,
                "shared": [shared_outcome.status, shared_outcome.version],
                "common": common_outcome.status,
            }
        ),
        flush=True,
    )


# --- checks run by the tests ------------------------------------------------------------------


def _start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*WORKER, *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _read_line(process: subprocess.Popen[str], timeout: float = 60) -> str:
    """The next line the worker prints, waiting at most ``timeout`` seconds."""
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], timeout)
    if not ready:
        process.kill()
        raise AssertionError(f"the worker said nothing in {timeout} s")
    line = process.stdout.readline()
    if not line:
        _, errors = process.communicate(timeout=10)
        raise AssertionError(f"the worker ended early:\n{errors}")
    return line.strip()


def snapshot(engine: Engine) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The listing and every assessment's frames: what must survive a crash unchanged."""
    listing = store.list_assessments(engine, viewer=EDITOR)
    capabilities, enablers = store.open_assessments(engine, listing["library_id"], viewer=EDITOR)
    return listing, capabilities, enablers


def check_killed_writer_leaves_library_intact(url: str) -> None:
    """A writer SIGKILLed inside its save transaction changes nothing, and locks nothing."""
    engine = create_library_engine(url)
    store.save_assessments(engine, *many("Before", 3))
    before = snapshot(engine)

    # The with block closes the killed worker's pipes: no file is left open behind it.
    with _start("crash", url, "200") as worker:
        assert _read_line(worker) == "READY"
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)
    assert worker.returncode == -signal.SIGKILL

    after_engine = create_library_engine(url)  # as a freshly started app would
    after = snapshot(after_engine)
    for old, new in zip(before, after, strict=True):
        pd.testing.assert_frame_equal(old, new)
    assert not after[0]["country"].str.startswith("Crash").any()
    if after_engine.dialect.name == "sqlite":
        with after_engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    # Nothing was left locked: the same save now goes through, in full.
    outcomes = store.save_assessments(after_engine, *many("Crash", 200))
    assert [o.status for o in outcomes] == ["saved"] * 200
    assert len(store.list_assessments(after_engine, viewer=EDITOR)) == 203
    engine.dispose()
    after_engine.dispose()


def check_concurrent_writers_lose_nothing(
    url: str, go_file: Path, workers: int = 4, count: int = 5
) -> None:
    """Several processes saving at once, into a library none of them has created yet."""
    results = []
    with ExitStack() as stack:  # every worker's pipes are closed, and none outlives a failure
        processes = []
        for w in range(workers):
            process = stack.enter_context(_start("save", url, str(go_file), str(w), str(count)))
            stack.callback(process.kill)
            processes.append(process)
        for process in processes:
            assert _read_line(process) == "WAITING"
        go_file.touch()
        for process in processes:
            output, errors = process.communicate(timeout=90)
            assert process.returncode == 0, errors
            results.append(json.loads(output.strip().splitlines()[-1]))

    assert all(status == "saved" for r in results for status in r["own"])
    assert sorted(r["shared"][1] for r in results) == list(range(1, workers + 1))
    assert {r["shared"][0] for r in results} == {"saved"}
    assert sorted(r["common"] for r in results) == ["identical"] * (workers - 1) + ["saved"]

    engine = create_library_engine(url)
    listing = store.list_assessments(engine, viewer=EDITOR)
    assert len(listing) == workers * count + workers + 1
    assert not listing.duplicated(["country", "year", "round", "version"]).any()
    assert (listing["total"] == 21).all()
    shared = listing[listing["country"] == "Shared"]
    assert sorted(shared["version"]) == list(range(1, workers + 1))
    assert (listing["country"] == "Common").sum() == 1
    engine.dispose()


# The previous schema (version 1) as an older app made it: no titles, no fingerprints.
V1_TABLES = {
    "sqlite": """
        CREATE TABLE mnr_schema_version (version INTEGER NOT NULL);
        CREATE TABLE mnr_assessments (
            id INTEGER NOT NULL PRIMARY KEY,
            country TEXT NOT NULL, country_key TEXT NOT NULL, iso3 TEXT, year INTEGER,
            date TEXT, when_key TEXT NOT NULL, round TEXT, round_key TEXT NOT NULL,
            version INTEGER NOT NULL, assessed_by TEXT, source TEXT,
            saved_at DATETIME NOT NULL,
            CONSTRAINT mnr_assessment_version
                UNIQUE (country_key, when_key, round_key, version)
        )""",
    "postgresql": """
        CREATE TABLE mnr_schema_version (version INTEGER NOT NULL);
        CREATE TABLE mnr_assessments (
            id SERIAL PRIMARY KEY,
            country TEXT NOT NULL, country_key TEXT NOT NULL, iso3 TEXT, year INTEGER,
            date TEXT, when_key TEXT NOT NULL, round TEXT, round_key TEXT NOT NULL,
            version INTEGER NOT NULL, assessed_by TEXT, source TEXT,
            saved_at TIMESTAMP WITH TIME ZONE NOT NULL,
            CONSTRAINT mnr_assessment_version
                UNIQUE (country_key, when_key, round_key, version)
        )""",
}
V1_LEVELS = """
    CREATE TABLE mnr_capability_levels (
        assessment INTEGER NOT NULL REFERENCES mnr_assessments (id) ON DELETE CASCADE,
        capability INTEGER NOT NULL, domain TEXT, level INTEGER, evidence TEXT,
        confidence TEXT, PRIMARY KEY (assessment, capability)
    );
    CREATE TABLE mnr_enabler_levels (
        assessment INTEGER NOT NULL REFERENCES mnr_assessments (id) ON DELETE CASCADE,
        enabler INTEGER NOT NULL, level INTEGER, evidence TEXT, confidence TEXT,
        PRIMARY KEY (assessment, enabler)
    );
    INSERT INTO mnr_schema_version (version) VALUES (1)
"""


def schema_version(engine: Engine) -> int:
    """The schema version the library says it has, read without migrating it."""
    with engine.connect() as conn:
        return stored_version(conn)


def make_version_1_library(engine: Engine) -> None:
    """A library at schema version 1 holding two assessments, written with raw SQL."""
    statements = f"{V1_TABLES[engine.dialect.name]};{V1_LEVELS}".split(";")
    domains = {c.number: c.domain for c in default_framework().capabilities}
    with engine.connect() as conn, conn.begin():
        for statement in statements:
            if statement.strip():
                conn.execute(text(statement))
        for country, key, year, when, round_label, level in (
            ("Zembla", "zembla", 2024, "2024", "baseline", 2),
            ("Yland", "yland", 2023, "2023", None, 3),
        ):
            conn.execute(
                text(
                    "INSERT INTO mnr_assessments (country, country_key, iso3, year, date, "
                    "when_key, round, round_key, version, assessed_by, source, saved_at) "
                    "VALUES (:country, :key, NULL, :year, NULL, :when, :round, :round_key, 1, "
                    "'Ann', 'old.xlsx', '2024-03-01 10:00:00')"
                ),
                {
                    "country": country,
                    "key": key,
                    "year": year,
                    "when": when,
                    "round": round_label,
                    "round_key": round_label or "",
                },
            )
            for number in range(1, 22):
                conn.execute(
                    text(
                        "INSERT INTO mnr_capability_levels (assessment, capability, domain, "
                        "level, evidence, confidence) VALUES ((SELECT id FROM mnr_assessments "
                        "WHERE country_key = :key), :n, :domain, :level, :evidence, NULL)"
                    ),
                    {
                        "key": key,
                        "n": number,
                        "domain": domains[number],
                        "level": None if number == 21 else level,
                        "evidence": "kept" if number == 1 else None,
                    },
                )
            for number in range(1, 8):
                conn.execute(
                    text(
                        "INSERT INTO mnr_enabler_levels (assessment, enabler, level, evidence, "
                        "confidence) VALUES ((SELECT id FROM mnr_assessments WHERE "
                        "country_key = :key), :n, NULL, NULL, NULL)"
                    ),
                    {"key": key, "n": number},
                )


def check_migration_from_version_1(url: str) -> None:
    """The previous schema opens in this app: migrated to the current one, data kept."""
    engine = create_library_engine(url)
    make_version_1_library(engine)
    assert schema_version(engine) == 1

    listing = store.list_assessments(engine, viewer=EDITOR)  # opening the library migrates it
    assert schema_version(engine) == SCHEMA_VERSION
    assert list(listing["title"]) == ["Yland 2023", "Zembla 2024 (baseline)"]
    assert list(listing["assessed"]) == [20, 20]
    assert list(listing["assessed_by"]) == ["Ann", "Ann"]
    # Nobody chose to show them: they are for editors only, and were made against the only
    # edition an app of that schema knew.
    assert list(listing["visibility"]) == ["editors", "editors"]
    assert list(listing["framework_edition"]) == ["2016", "2016"]
    assert store.list_assessments(engine, viewer=VISITOR).empty
    capabilities, enablers = store.open_assessments(engine, listing["library_id"], viewer=EDITOR)
    zembla = capabilities[capabilities["country"] == "Zembla"].set_index("capability")
    assert zembla.loc[1, "evidence"] == "kept"
    assert zembla.loc[2, "level"] == 2
    assert pd.isna(zembla.loc[21, "level"])
    assert len(enablers) == 14

    # The fingerprints were filled in: the same content saved again is recognised.
    again = capability_rows(
        "z", "Zembla", 2024, dict.fromkeys(range(1, 21), 2), round_label="baseline"
    )
    again["assessed_by"] = pd.array(["Ann"] * 21, dtype="string")
    again["evidence"] = pd.array(["kept"] + [pd.NA] * 20, dtype="string")
    again_enablers = enabler_rows("z", "Zembla", 2024)
    again_enablers["round"] = "baseline"
    (outcome,) = store.save_assessments(engine, again, again_enablers)
    assert outcome.status == "identical", outcome
    # Rows of the old schema take new versions as any other.
    changed = again.assign(level=pd.array([4] * 21, dtype="Int64"))
    (outcome,) = store.save_assessments(engine, changed, again_enablers, as_new_version=True)
    assert (outcome.status, outcome.version) == ("saved", 2)
    engine.dispose()


# --- a library made by the app before entries were told apart by the country's identity --------


def coded(country: str, year: int, level: int, iso3: str | None, **kwargs: Any) -> Frames:
    """``assessment`` with an ISO3 code, as the reader gives a country it knows."""
    capabilities, enablers = assessment(country, year, level, **kwargs)
    return capabilities.assign(iso3=iso3), enablers.assign(iso3=iso3)


_assessment_key = records.assessment_key  # this app's, whatever ``schema_7_app`` swaps in


def _key_of_schema_7(
    country: object, year: object, date: object, round_label: object, *, iso3: object
) -> tuple[str, str, str]:
    """``records.assessment_key`` as apps of schema 7 had it: the country by its name only."""
    del iso3
    _, when, round_key = _assessment_key("x", year, date, round_label, iso3=None)
    return normalise(str(records._value(country) or "")), when, round_key


@contextmanager
def schema_7_app() -> Iterator[None]:
    """This process saves as an app of schema 7 did: the same code, with that schema version
    and that key (what made the libraries that exist today)."""
    from components.library import schema

    saved = schema.SCHEMA_VERSION, records.assessment_key
    schema.SCHEMA_VERSION, records.assessment_key = 7, _key_of_schema_7
    try:
        yield
    finally:
        schema.SCHEMA_VERSION, records.assessment_key = saved


def _save(engine: Engine, frames: Frames, *, new_version: bool = False) -> store.SaveOutcome:
    (outcome,) = store.save_assessments(engine, *frames, as_new_version=new_version)
    return outcome


def make_schema_7_library(engine: Engine) -> None:
    """A library saved by an app of schema 7, as people have them: Viet Nam saved under the
    ISO list's name (twice) and then as "Vietnam", which that app made a second entry; the
    Republic of Korea under its ISO name; "Congo" with COG and "Congo" with COD, which it made
    one entry of two versions; two countries the key does not move."""
    with schema_7_app():
        _save(engine, coded("Viet Nam", 2024, 1, "VNM"))
        _save(engine, coded("Viet Nam", 2024, 2, "VNM"), new_version=True)
        _save(engine, coded("Vietnam", 2024, 3, "VNM"))
        _save(engine, coded("Korea, Republic of", 2023, 2, "KOR"))
        _save(engine, coded("Congo", 2024, 1, "COG"))
        _save(engine, coded("Congo", 2024, 2, "COD"), new_version=True)
        _save(engine, coded("Kenya", 2022, 2, "KEN"))
        _save(engine, coded("Arvenia", 2022, 2, "XAA"))
    assert schema_version(engine) == 7


def check_schema_7_library_files_entries_by_country(url: str) -> None:
    """A library of schema 7 opens with the saves of one country as one entry of versions
    (in the order they were saved), different countries apart, and links to the rest kept."""
    engine = create_library_engine(url)
    make_schema_7_library(engine)
    with engine.connect() as conn:
        before = {
            r.country: r.version
            for r in conn.execute(text("SELECT country, version FROM mnr_assessments"))
        }
    assert before["Vietnam"] == 1  # the old key's mistake: a second entry
    with schema_7_app():
        old = store.list_assessments(engine, viewer=EDITOR)
        old_links = dict(zip(old["country"], store.listing_session_ids(old), strict=True))

    listing = store.list_assessments(engine, viewer=EDITOR)  # opening migrates it
    assert schema_version(engine) == SCHEMA_VERSION
    assert _shape(listing) == {
        ("Vietnam", "VNM"): [(1, "Viet Nam 2024"), (2, "Viet Nam 2024"), (3, "Vietnam 2024")],
        ("South Korea", "KOR"): [(1, "Korea, Republic of 2023")],
        ("Congo", "COG"): [(1, "Congo 2024")],
        ("Congo", "COD"): [(1, "Congo 2024")],
        ("Kenya", "KEN"): [(1, "Kenya 2022")],
        ("Arvenia", "XAA"): [(1, "Arvenia 2022")],
    }
    # The levels went with their rows: Viet Nam's versions in the order they were saved.
    capabilities, _ = store.open_assessments(engine, listing["library_id"], viewer=EDITOR)
    first = capabilities[capabilities["capability"] == 1]
    vietnam = first[first["country"] == "Vietnam"].sort_values("source")
    assert list(vietnam["level"]) == [1, 2, 3]
    # Opening gives each the session id its row in the list names (a link finds it).
    assert set(capabilities["assessment_id"]) == set(store.listing_session_ids(listing))
    # Links to assessments whose entry did not move still open them.
    links = dict(zip(listing["country"], store.listing_session_ids(listing), strict=True))
    assert links["Kenya"] == old_links["Kenya"]
    assert links["Arvenia"] == old_links["Arvenia"]

    # Opening again moves nothing: the migration ran once, and would change nothing anyway.
    with writing(engine) as conn:
        assert rekey_assessments(conn) == 0
    pd.testing.assert_frame_equal(store.list_assessments(engine, viewer=EDITOR), listing)

    # Saved again under the name shown today, each is the next version of its entry.
    assert _save(engine, coded("Vietnam", 2024, 4, "VNM")).message == (
        "Vietnam 2024 is already in the library as version 3. Save it as version 4, or cancel."
    )
    assert (_save(engine, coded("Vietnam", 2024, 4, "VNM"), new_version=True).version) == 4
    korea = _save(engine, coded("South Korea", 2023, 3, "KOR"), new_version=True)
    assert (korea.status, korea.version) == ("saved", 2)
    drc = _save(engine, coded("Democratic Republic of the Congo", 2024, 2, "COD"))
    assert (drc.status, drc.version) == ("saved", 1)  # "Congo" with COD stays on its own
    engine.dispose()


def _shape(listing: pd.DataFrame) -> dict[tuple[str, str], list[tuple[int, str]]]:
    """(shown country, iso3) of each entry -> [(version, title)]: which rows are one entry."""
    keys = [
        records.assessment_key(r.country, r.year, r.date, r.round, iso3=r.iso3)
        for r in listing.itertuples(index=False)
    ]
    entries: dict[tuple[str, str, str], list[int]] = {}
    for position, key in enumerate(keys):
        entries.setdefault(key, []).append(position)
    shape = {}
    for positions in entries.values():
        rows = listing.iloc[positions].sort_values("version")
        assert list(rows["versions"]) == [len(rows)] * len(rows)
        latest = rows.iloc[-1]
        shape[(latest["country"], latest["iso3"])] = list(
            zip(rows["version"], rows["title"], strict=True)
        )
    return shape


def check_new_name_is_a_new_version_of_the_old(url: str) -> None:
    """Saved under the ISO list's name and again under the name shown today, an assessment
    is one entry; two countries sharing a name are two."""
    engine = create_library_engine(url)
    first = _save(engine, coded("Viet Nam", 2024, 2, None))
    again = _save(engine, coded("Vietnam", 2024, 3, "VNM"))
    assert (first.status, again.status, again.version) == ("saved", "exists", 1)
    second = _save(engine, coded("Vietnam", 2024, 3, "VNM"), new_version=True)
    assert (second.status, second.version) == ("saved", 2)
    for country, code in (("Congo", "COG"), ("Congo", "COD"), ("Scotland", "GBR")):
        outcome = _save(engine, coded(country, 2024, 2, code))
        assert (outcome.status, outcome.version) == ("saved", 1), (country, code)
    listing = store.list_assessments(engine, viewer=EDITOR)
    assert _shape(listing) == {
        ("Vietnam", "VNM"): [(1, "Viet Nam 2024"), (2, "Vietnam 2024")],
        ("Congo", "COG"): [(1, "Congo 2024")],
        ("Congo", "COD"): [(1, "Congo 2024")],
        ("Scotland", "GBR"): [(1, "Scotland 2024")],
    }
    engine.dispose()


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "crash":
        crash(args[0], int(args[1]))
    elif command == "save":
        save(args[0], args[1], int(args[2]), int(args[3]))
    else:
        raise SystemExit(f"unknown command {command!r}")
