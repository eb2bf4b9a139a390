"""Live workshops: opening one, the facilitator's actions, and what the screens poll.

A workshop is shared state (several phones, one or two facilitator laptops, maybe several
app replicas), so all of it lives in the library's database, never in a process.

- **Codes and keys.** A workshop is known by its code (``CODE_BYTES`` random bytes, 96
  bits, in the participant link ``/join?w=<code>``). The facilitator's key (192 bits) goes
  only in the facilitator's link (``/workshop?w=<code>&key=<key>``); the database keeps its
  SHA-256 hash alone, and every facilitator action checks it (in constant time).
- **Limits.** At most ``MAX_OPEN_WORKSHOPS`` open at once per deployment, and
  ``MAX_PARTICIPANTS`` per workshop (``workshop_votes``).
- **Changes are counted.** Every write raises the workshop's ``revision``; a facilitator's
  action also raises ``stage``. Screens poll those two numbers (``poll``) and read more only
  when they changed.

Every write is one transaction, and it first updates the workshop's row, which serialises
the writes of one workshop on PostgreSQL as SQLite's write lock does. Participants' side
(joining, voting) is in ``workshop_votes``.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Connection, Engine, func, insert, select, update

from components.framework.model import Framework
from components.library.database import guard, reading, writing
from components.library.schema import ensure_schema
from components.library.workshop_tables import (
    workshop_items_table,
    workshop_participants_table,
    workshops_table,
)
from components.scoring.agreement import DECISION_COLUMNS

CODE_BYTES = 12  # 96 bits: unguessable, and short enough to type from the screen
KEY_BYTES = 24  # 192 bits
MAX_OPEN_WORKSHOPS = 20
MAX_COUNTRY_CHARS = 120
MAX_ROUND_CHARS = 120
MAX_NOTE_CHARS = 2000
OPEN = "open"
CLOSED = "closed"


class WorkshopError(Exception):
    """A workshop action that cannot be done; ``reason`` says why, in plain words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


NOT_FOUND = WorkshopError(
    "There is no workshop with this code. Check the link, or scan the QR code on the screen again."
)
ENDED = WorkshopError("This workshop has ended, so its link no longer works. Thank you!")
BAD_KEY = WorkshopError(
    "This facilitator link is not valid for the workshop: its key does not match. Open the "
    "facilitator link you were given when the workshop was opened."
)


def now_utc() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


def hash_secret(secret: str) -> str:
    """The SHA-256 of a random secret (a key or a token: long and random, so no salt needed)."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def looks_like_code(value: object) -> bool:
    """Whether a text could be a workshop code or key (URL-safe base64, sensible length)."""
    text = str(value or "")
    return 8 <= len(text) <= 64 and all(c.isalnum() or c in "-_" for c in text)


@dataclass(frozen=True)
class Item:
    """One capability of a workshop, where it stands."""

    capability: int
    position: int
    closed: bool
    revealed: bool
    decided: bool
    agreed_level: int | None
    note: str | None


@dataclass(frozen=True)
class Workshop:
    """A workshop as the screens need it (never with its key or its participants' names)."""

    id: int
    code: str
    country: str
    year: int | None
    round: str | None
    status: str
    current_position: int | None
    revision: int
    stage: int
    created_at: datetime.datetime
    items: tuple[Item, ...]

    @property
    def is_open(self) -> bool:
        return self.status == OPEN

    @property
    def title(self) -> str:
        """ "Zembla 2024 (national workshop)": country, year and round."""
        parts = [self.country]
        if self.year is not None:
            parts.append(str(self.year))
        if self.round:
            parts.append(f"({self.round})")
        return " ".join(parts)

    @property
    def current(self) -> Item | None:
        """The capability the room votes on now; None before the start."""
        if self.current_position is None:
            return None
        return next((i for i in self.items if i.position == self.current_position), None)

    def item(self, capability: int) -> Item | None:
        return next((i for i in self.items if i.capability == capability), None)

    @property
    def decided(self) -> int:
        return sum(1 for item in self.items if item.decided)


@dataclass(frozen=True)
class NewWorkshop:
    """A workshop just opened: its code, and the facilitator's key (shown once, kept nowhere)."""

    workshop_id: int
    code: str
    key: str


def _clean(value: object, limit: int) -> str | None:
    text = " ".join(str(value or "").split())
    return text[:limit] if text else None


def open_workshop(
    engine: Engine,
    framework: Framework,
    *,
    country: str,
    year: int | None,
    round_label: str | None,
    capabilities: Sequence[int],
) -> NewWorkshop:
    """Open a workshop on the given capabilities, in the given order; it waits to start.

    Raises ``WorkshopError`` for an empty country, an unknown or repeated capability, an
    implausible year, or when ``MAX_OPEN_WORKSHOPS`` are open already.
    """
    name = _clean(country, MAX_COUNTRY_CHARS)
    if not name:
        raise WorkshopError("Write the country the workshop assesses.")
    if year is not None and not 1990 <= int(year) <= 2100:
        raise WorkshopError("The year must be between 1990 and 2100 (or left empty).")
    chosen = [int(number) for number in capabilities]
    known = {c.number for c in framework.capabilities}
    if not chosen:
        raise WorkshopError("Choose at least one capability to assess.")
    if len(set(chosen)) != len(chosen) or not set(chosen) <= known:
        raise WorkshopError("Choose each capability once, from the framework's 21.")
    code = secrets.token_urlsafe(CODE_BYTES)
    key = secrets.token_urlsafe(KEY_BYTES)
    ensure_schema(engine)
    w = workshops_table.c
    with guard(engine), writing(engine) as conn:
        open_now = conn.execute(
            select(func.count()).select_from(workshops_table).where(w.status == OPEN)
        ).scalar_one()
        if open_now >= MAX_OPEN_WORKSHOPS:
            raise WorkshopError(
                f"{open_now} workshops are open already, the most this app allows at once. "
                "Close one you no longer need (its facilitator can, or an editor on this page)."
            )
        moment = now_utc()
        result = conn.execute(
            insert(workshops_table).values(
                code=code,
                key_hash=hash_secret(key),
                country=name,
                year=None if year is None else int(year),
                round=_clean(round_label, MAX_ROUND_CHARS),
                status=OPEN,
                current_position=None,
                revision=0,
                stage=0,
                created_at=moment,
                updated_at=moment,
            )
        )
        workshop_id = int(result.inserted_primary_key[0])
        conn.execute(
            insert(workshop_items_table),
            [
                {
                    "workshop": workshop_id,
                    "capability": number,
                    "position": position,
                    "closed": False,
                    "revealed": False,
                    "decided": False,
                    "agreed_level": None,
                    "note": None,
                }
                for position, number in enumerate(chosen)
            ],
        )
    return NewWorkshop(workshop_id, code, key)


# --- reading ------------------------------------------------------------------------------------


def load_with_key(conn: Connection, code: str) -> tuple[Workshop, str] | None:
    """The workshop with this code and its key hash; None when there is none."""
    w = workshops_table.c
    row = conn.execute(select(workshops_table).where(w.code == code)).mappings().first()
    if row is None:
        return None
    i = workshop_items_table.c
    items = tuple(
        Item(
            capability=int(r["capability"]),
            position=int(r["position"]),
            closed=bool(r["closed"]),
            revealed=bool(r["revealed"]),
            decided=bool(r["decided"]),
            agreed_level=None if r["agreed_level"] is None else int(r["agreed_level"]),
            note=r["note"],
        )
        for r in conn.execute(
            select(workshop_items_table).where(i.workshop == row["id"]).order_by(i.position)
        ).mappings()
    )
    workshop = Workshop(
        id=int(row["id"]),
        code=str(row["code"]),
        country=str(row["country"]),
        year=None if row["year"] is None else int(row["year"]),
        round=row["round"],
        status=str(row["status"]),
        current_position=row["current_position"],
        revision=int(row["revision"]),
        stage=int(row["stage"]),
        created_at=row["created_at"],
        items=items,
    )
    return workshop, str(row["key_hash"])


def find_workshop(engine: Engine, code: str) -> Workshop | None:
    """The workshop with this code (open or closed); None when there is none."""
    if not looks_like_code(code) or not ensure_schema(engine, create=False):
        return None
    with guard(engine), reading(engine) as conn:
        found = load_with_key(conn, code)
    return None if found is None else found[0]


def key_matches(key: object, key_hash: str) -> bool:
    """Whether a facilitator key matches the stored hash (constant-time comparison)."""
    if not looks_like_code(key):
        return False
    return hmac.compare_digest(hash_secret(str(key)), key_hash)


def facilitate(engine: Engine, code: str, key: str) -> Workshop:
    """The workshop, for its facilitator; ``WorkshopError`` for an unknown code or a bad key."""
    if not looks_like_code(code) or not ensure_schema(engine, create=False):
        raise NOT_FOUND
    with guard(engine), reading(engine) as conn:
        found = load_with_key(conn, code)
    if found is None:
        raise NOT_FOUND
    workshop, key_hash = found
    if not key_matches(key, key_hash):
        raise BAD_KEY
    return workshop


@dataclass(frozen=True)
class Pulse:
    """What a screen polls: has anything changed, and has the facilitator done anything."""

    revision: int
    stage: int
    status: str


def poll(engine: Engine, workshop_id: int) -> Pulse | None:
    """The workshop's change counters and status: one small query; None when it is gone."""
    w = workshops_table.c
    with guard(engine), reading(engine) as conn:
        row = conn.execute(select(w.revision, w.stage, w.status).where(w.id == workshop_id)).first()
    return None if row is None else Pulse(int(row[0]), int(row[1]), str(row[2]))


def decisions(workshop: Workshop) -> pd.DataFrame:
    """The workshop's capabilities, in order, with what was decided (``DECISION_COLUMNS``)."""
    frame = pd.DataFrame(
        [
            {
                "capability": item.capability,
                "position": item.position,
                "decided": item.decided,
                "agreed_level": item.agreed_level,
                "note": item.note,
            }
            for item in workshop.items
        ],
        columns=DECISION_COLUMNS,
    )
    frame["agreed_level"] = frame["agreed_level"].astype("Int64")
    return frame


# --- the facilitator's actions --------------------------------------------------------------------


def _authorised(conn: Connection, code: str, key: str, *, stage: bool = True) -> int:
    """Check the key and mark a change (locking the workshop's row); the workshop's id."""
    w = workshops_table.c
    row = conn.execute(select(w.id, w.key_hash, w.status).where(w.code == code)).first()
    if row is None:
        raise NOT_FOUND
    if not key_matches(key, str(row[1])):
        raise BAD_KEY
    if row[2] != OPEN:
        raise WorkshopError(
            "This workshop is closed: its votes and decisions can no longer change."
        )
    values = {"revision": w.revision + 1, "updated_at": now_utc()}
    if stage:
        values["stage"] = w.stage + 1
    conn.execute(update(workshops_table).where(w.id == row[0]).values(**values))
    return int(row[0])


def _item_update(engine: Engine, code: str, key: str, capability: int, **values: object) -> None:
    i = workshop_items_table.c
    with guard(engine), writing(engine) as conn:
        workshop_id = _authorised(conn, code, key)
        result = conn.execute(
            update(workshop_items_table)
            .where(i.workshop == workshop_id, i.capability == int(capability))
            .values(**values)
        )
        if not result.rowcount:
            raise WorkshopError(f"Capability {capability} is not part of this workshop.")


def go_to(engine: Engine, code: str, key: str, position: int) -> None:
    """Make the capability at ``position`` (0 first) the one the room votes on."""
    w = workshops_table.c
    i = workshop_items_table.c
    with guard(engine), writing(engine) as conn:
        workshop_id = _authorised(conn, code, key)
        count = conn.execute(
            select(func.count()).select_from(workshop_items_table).where(i.workshop == workshop_id)
        ).scalar_one()
        if not 0 <= int(position) < count:
            raise WorkshopError("There is no capability at that place in the workshop.")
        conn.execute(
            update(workshops_table).where(w.id == workshop_id).values(current_position=position)
        )


def set_revealed(engine: Engine, code: str, key: str, capability: int, revealed: bool) -> None:
    """Show (or hide again) the room's votes on a capability, on the screen and the phones."""
    _item_update(engine, code, key, capability, revealed=bool(revealed))


def set_closed(engine: Engine, code: str, key: str, capability: int, closed: bool) -> None:
    """Close (or reopen) the voting on a capability; a closed one takes no vote."""
    _item_update(engine, code, key, capability, closed=bool(closed))


def record_decision(
    engine: Engine,
    code: str,
    key: str,
    capability: int,
    *,
    level: int | None,
    note: str | None,
    framework: Framework,
) -> None:
    """Record the agreed level of a capability (None: agreed "not assessed") and a note."""
    if level is not None and int(level) not in framework.scale.values:
        raise WorkshopError(f"{level} is not a level of the scale.")
    text = (note or "").strip()
    if len(text) > MAX_NOTE_CHARS:
        raise WorkshopError(f"Keep the note under {MAX_NOTE_CHARS} characters.")
    _item_update(
        engine,
        code,
        key,
        capability,
        decided=True,
        agreed_level=None if level is None else int(level),
        note=text or None,
    )


def undo_decision(engine: Engine, code: str, key: str, capability: int) -> None:
    """Forget a capability's decision: it is "not decided" again."""
    _item_update(engine, code, key, capability, decided=False, agreed_level=None, note=None)


def close_workshop(engine: Engine, code: str, key: str) -> None:
    """End the workshop: the participants' link stops working; results stay readable."""
    w = workshops_table.c
    with guard(engine), writing(engine) as conn:
        workshop_id = _authorised(conn, code, key)
        conn.execute(update(workshops_table).where(w.id == workshop_id).values(status=CLOSED))


# --- editors: the open workshops of the deployment ----------------------------------------------


def open_workshops(engine: Engine) -> pd.DataFrame:
    """Every open workshop: id, title, opened (UTC), participants. Codes are never listed."""
    columns = ["workshop_id", "title", "opened", "participants"]
    if not ensure_schema(engine, create=False):
        return pd.DataFrame(columns=columns)
    w = workshops_table.c
    p = workshop_participants_table.c
    counts = select(p.workshop, func.count().label("participants")).group_by(p.workshop).subquery()
    statement = (
        select(w.id, w.country, w.year, w.round, w.created_at, counts.c.participants)
        .select_from(workshops_table.outerjoin(counts, counts.c.workshop == w.id))
        .where(w.status == OPEN)
        .order_by(w.created_at)
    )
    with guard(engine), reading(engine) as conn:
        rows = conn.execute(statement).all()
    records = []
    for row in rows:
        title = " ".join(
            part for part in (row[1], "" if row[2] is None else str(row[2])) if part
        ) + (f" ({row[3]})" if row[3] else "")
        opened = row[4]
        records.append(
            {
                "workshop_id": int(row[0]),
                "title": title,
                "opened": opened.strftime("%Y-%m-%d %H:%M") if opened else "",
                "participants": int(row[5] or 0),
            }
        )
    return pd.DataFrame(records, columns=columns)


def close_as_editor(engine: Engine, workshop_id: int) -> bool:
    """Close an open workshop without its key (for a signed-in editor); False if not open."""
    w = workshops_table.c
    with guard(engine), writing(engine) as conn:
        result = conn.execute(
            update(workshops_table)
            .where(w.id == int(workshop_id), w.status == OPEN)
            .values(
                status=CLOSED,
                revision=w.revision + 1,
                stage=w.stage + 1,
                updated_at=now_utc(),
            )
        )
        return bool(result.rowcount)
