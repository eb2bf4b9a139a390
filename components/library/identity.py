"""Which country a library assessment is of, as the library tells its entries apart, and the
migration that files assessments saved under an older rule by it.

An entry of the library is one country, date (or year) and round; each save of it is a
version. The country is told by what identifies it, not by how its name was written: a
country pycountry knows is its ISO 3166 code when the name and the code agree on it (or only
one of them is given), so "Viet Nam" saved by an earlier version and "Vietnam" saved today are
one entry. The key keeps the form an entry had before (the normalised name the dashboard shows
for the code, "vietnam"), so that the session ids and links of the assessments already saved
under that name stay as they were. A name and a code that disagree, or a name pycountry does
not know with a code it does, are kept apart from every other country by both
("congo [COD]"); a name alone that pycountry does not know (the demo's "Arvenia") is its
normalised name, as before. Two countries never share a key: a name's normalised form has no
capital letters or brackets, and no two countries share a shown name (tested).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pandas as pd
import pycountry
from sqlalchemy import Connection, select, update

from components.base.text import normalise
from components.ingest.countries import iso3_in_any_language, shown_name
from components.library.tables import assessments_table


def _text(value: object) -> str:
    """The text of a cell, "" for every kind of missing."""
    if value is None:
        return ""
    try:
        if pd.isna(value):  # type: ignore[call-overload]
            return ""
    except (TypeError, ValueError):
        pass
    return str(value).strip()


def known_code(iso3: object) -> str | None:
    """``iso3`` as an ISO 3166 alpha-3 code pycountry knows ("vnm": "VNM"), else None: a
    user-assigned code (the demo's "XAA") identifies nothing beyond its name."""
    code = _text(iso3).upper()
    if len(code) != 3 or not code.isalpha():
        return None
    found = pycountry.countries.get(alpha_3=code)
    return None if found is None else found.alpha_3


def country_identity(country: object, iso3: object) -> str:
    """The key that tells the country of a library assessment apart from every other.

    - The name and the code agree on a country pycountry knows (in English, French, Spanish
      or Portuguese, or an ISO list's form such as "Korea, Republic of"), or only the name
      names one: the normalised name the dashboard shows for it ("Viet Nam", "Vietnam" with
      or without "VNM": "vietnam").
    - A code pycountry knows with a name that is another country's ("Congo" with "COD") or
      no country it knows ("Zanzibar" with "TZA"): the name and the code ("congo [COD]").
    - Otherwise the normalised name ("Arvenia" with "XAA": "arvenia").
    """
    name = _text(country)
    named = iso3_in_any_language(name) if name else None
    code = known_code(iso3)
    if named is not None and code in (None, named):
        return normalise(shown_name(named))
    if code is not None:
        return f"{normalise(name)} [{code}]"
    return normalise(name)


@dataclass(frozen=True)
class _Row:
    id: int
    country_key: str
    when_key: str
    round_key: str
    version: int
    saved_at: Any
    new_key: str


def rekey_assessments(conn: Connection) -> int:
    """File every assessment under ``country_identity``; how many rows changed.

    Rows that become one entry (an ISO list's name saved by an earlier version and the name
    saved since) get versions 1, 2, … in the order they were saved, each old entry's versions
    keeping their order; an entry that keeps all its rows and only them keeps its version
    numbers. Idempotent: a library filed by this rule is left as it is. Runs inside the
    caller's transaction; rows being moved first take a key of their own, so the unique
    constraint on (country, date or year, round, version) holds after every statement on
    SQLite and PostgreSQL alike.
    """
    a = assessments_table.c
    found = conn.execute(
        select(
            a.id, a.country, a.iso3, a.country_key, a.when_key, a.round_key, a.version, a.saved_at
        ).order_by(a.id)
    ).all()
    rows = [
        _Row(
            int(r.id),
            r.country_key,
            r.when_key,
            r.round_key,
            int(r.version),
            r.saved_at,
            country_identity(r.country, r.iso3),
        )
        for r in found
    ]
    changes = dict(_changes(rows))
    for row_id in changes:  # out of the way first: no two rows ever hold one key and version
        conn.execute(
            update(assessments_table).where(a.id == row_id).values(country_key=f"~{row_id}")
        )
    for row_id, (key, version) in changes.items():
        conn.execute(
            update(assessments_table).where(a.id == row_id).values(country_key=key, version=version)
        )
    return len(changes)


def _changes(rows: list[_Row]) -> Iterator[tuple[int, tuple[str, int]]]:
    """(row id, (new key, new version)) for each row whose key or version changes."""
    old: dict[tuple[str, str, str], list[_Row]] = {}
    new: dict[tuple[str, str, str], list[_Row]] = {}
    for row in rows:
        old.setdefault((row.country_key, row.when_key, row.round_key), []).append(row)
        new.setdefault((row.new_key, row.when_key, row.round_key), []).append(row)
    for members in new.values():
        parts: dict[tuple[str, str, str], list[_Row]] = {}
        for row in members:
            parts.setdefault((row.country_key, row.when_key, row.round_key), []).append(row)
        whole = len(parts) == 1 and len(old[next(iter(parts))]) == len(members)
        if whole:
            numbered = [(row, row.version) for row in members]
        else:
            # Each old entry in its version order, merged by when each version was saved.
            ordered = heapq.merge(
                *(sorted(part, key=lambda r: (r.version, r.id)) for part in parts.values()),
                key=lambda r: (r.saved_at, r.id),
            )
            numbered = [(row, number) for number, row in enumerate(ordered, start=1)]
        for row, version in numbered:
            if (row.new_key, version) != (row.country_key, row.version):
                yield row.id, (row.new_key, version)
