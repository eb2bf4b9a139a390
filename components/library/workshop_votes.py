"""A workshop's participants and votes: joining, voting, what the screens show, and the
assessment the agreed levels make.

- **Participants** are known by a random token in their own link (``/join?w=<code>&p=<token>``,
  128 bits); the database keeps its hash. A phone that reconnects with the same link is the
  same participant and keeps its votes; so is one that opens the bare join link again in the
  same browser (the join page keeps the token in a cookie for the workshop, see
  ``participant_token``). At most ``MAX_PARTICIPANTS`` per workshop.
- **Votes**: one row per participant and capability (the primary key), updated in place. A
  vote counts only on the capability the room votes on now, while its voting is open, in an
  open workshop. Each participant may write ``MAX_WRITES_PER_WINDOW`` times per
  ``WINDOW_SECONDS`` (kept in the database, so it holds across replicas).
- **In the room**: a phone with the join page open notes the time every ``HEARTBEAT_SECONDS``
  (``mark_seen``, a write that redraws no screen); the facilitator's count of those seen
  within ``PRESENT_SECONDS`` says who is there now, beside everyone who ever joined.
- **Polling**: a participant's page polls ``seat_pulse``: the room's stage, and this
  participant's own name and vote, so that a second tab (or phone) of the same participant
  shows a vote or name given in another one as soon as it shows the room moving on.
- **Names** (optional) are kept with the participant and shown to that participant only:
  never on the facilitator's screen and never in an export, where participants are
  "Participant 1, 2, …" in the order they joined.
"""

from __future__ import annotations

import functools
import hashlib
import secrets
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Connection, Engine, Select, and_, bindparam, func, insert, select, update

from components.framework.model import Framework
from components.ingest.report import (
    CAPABILITY_COLUMNS,
    ENABLER_COLUMNS,
    SOURCE_SEPARATOR,
    contract_dtypes,
)
from components.library.database import guard, reading, writing
from components.library.schema import ensure_schema
from components.library.workshop_tables import (
    workshop_items_table,
    workshop_participants_table,
    workshop_votes_table,
    workshops_table,
)
from components.library.workshops import (
    ENDED,
    NOT_FOUND,
    OPEN,
    Workshop,
    WorkshopError,
    hash_secret,
    load_with_key,
    looks_like_code,
    now_utc,
)
from components.scoring.agreement import VOTE_COLUMNS

TOKEN_BYTES = 16  # 128 bits
MAX_PARTICIPANTS = 200
MAX_COMMENT_CHARS = 500
MAX_NAME_CHARS = 80
WINDOW_SECONDS = 60
MAX_WRITES_PER_WINDOW = 20
# A phone with the page open says so every ``HEARTBEAT_SECONDS`` (the join page); one not
# seen for ``PRESENT_SECONDS`` (three heartbeats missed, and a slow network's slack) is no
# longer counted "in the room": its tab was closed, or the phone went to sleep.
HEARTBEAT_SECONDS = 20.0
PRESENT_SECONDS = 75.0
# The join page keeps a phone's token in a cookie per workshop (``mnr_join_<code>``), renewed
# on every visit: the link opened again, or the QR code scanned again, in the same browser
# brings back the same participant within this long of its last visit.
JOIN_COOKIE_PREFIX = "mnr_join_"
JOIN_COOKIE_SECONDS = 24 * 60 * 60


def new_token() -> str:
    """A fresh participant token for a phone's link."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def join_cookie_name(code: str) -> str:
    """The name of the cookie that keeps a browser's token for the workshop ``code``."""
    return f"{JOIN_COOKIE_PREFIX}{code}"


def participant_token(
    code: str,
    link_token: str | None,
    cookies: Mapping[str, str],
    *,
    make: Callable[[], str] = new_token,
) -> str:
    """The token a visit to the join page takes part with.

    The token in the page's address wins; else the one this browser kept for this very
    workshop (its cookie), when it has the token's form; else a new one. A cookie is never
    trusted beyond that form: what it holds is only ever looked up by its hash, like a token
    typed into the address.
    """
    if looks_like_code(link_token):
        return str(link_token)
    kept = cookies.get(join_cookie_name(code)) if looks_like_code(code) else None
    if looks_like_code(kept):
        return str(kept)
    return make()


@dataclass(frozen=True)
class Vote:
    """One participant's vote on one capability (``level`` None: "don't know")."""

    level: int | None
    comment: str | None


@dataclass(frozen=True)
class Seat:
    """A participant's view: the workshop, their name, and their own votes only."""

    workshop: Workshop
    participant_id: int
    name: str | None
    votes: Mapping[int, Vote]


def _participant(conn: Connection, workshop_id: int, token: str) -> Mapping | None:
    p = workshop_participants_table.c
    return (
        conn.execute(
            select(workshop_participants_table).where(
                p.workshop == workshop_id, p.token_hash == hash_secret(token)
            )
        )
        .mappings()
        .first()
    )


def _touch(conn: Connection, workshop_id: int) -> None:
    """Mark a change that is not the facilitator's (and lock the workshop's row)."""
    w = workshops_table.c
    conn.execute(
        update(workshops_table)
        .where(w.id == workshop_id)
        .values(revision=w.revision + 1, updated_at=now_utc())
    )


def _open_workshop_id(conn: Connection, code: str) -> int:
    w = workshops_table.c
    row = conn.execute(select(w.id, w.status).where(w.code == code)).first()
    if row is None:
        raise NOT_FOUND
    if row[1] != OPEN:
        raise ENDED
    return int(row[0])


def _join(conn: Connection, workshop_id: int, token: str) -> Mapping:
    """The participant with this token, added (within the limit) when new."""
    found = _participant(conn, workshop_id, token)
    if found is not None:
        return found
    p = workshop_participants_table.c
    count = conn.execute(
        select(func.count())
        .select_from(workshop_participants_table)
        .where(p.workshop == workshop_id)
    ).scalar_one()
    if count >= MAX_PARTICIPANTS:
        raise WorkshopError(
            f"This workshop is full ({MAX_PARTICIPANTS} participants). Ask the facilitator."
        )
    conn.execute(
        insert(workshop_participants_table).values(
            workshop=workshop_id,
            token_hash=hash_secret(token),
            name=None,
            joined_at=now_utc(),
            window_start=0.0,
            window_writes=0,
            seen_at=time.time(),
        )
    )
    joined = _participant(conn, workshop_id, token)
    assert joined is not None  # noqa: S101 (just inserted in this transaction)
    return joined


def _check_token(code: str, token: str) -> None:
    if not looks_like_code(code):
        raise NOT_FOUND
    if not looks_like_code(token):
        raise WorkshopError("This link's participant part is damaged: open the join link again.")


def join(engine: Engine, code: str, token: str) -> Seat:
    """Take a seat in an open workshop (or find one's seat again); what the phone shows.

    Raises ``WorkshopError`` for an unknown code, a closed workshop, or a full one.
    """
    _check_token(code, token)
    if not ensure_schema(engine, create=False):
        raise NOT_FOUND
    # A phone that has its seat only reads (every phone redraws when the room moves on).
    with guard(engine), reading(engine) as conn:
        workshop_id = _open_workshop_id(conn, code)
        seat = _participant(conn, workshop_id, token)
        if seat is not None:
            return _seat(conn, code, seat)
    with guard(engine), writing(engine) as conn:
        workshop_id = _open_workshop_id(conn, code)
        seat = _participant(conn, workshop_id, token)
        if seat is None:
            _touch(conn, workshop_id)
            seat = _join(conn, workshop_id, token)
        return _seat(conn, code, seat)


def _seat(conn: Connection, code: str, seat: Mapping) -> Seat:
    """A participant's view, read in the caller's transaction."""
    found = load_with_key(conn, code)
    assert found is not None  # noqa: S101 (read in this transaction)
    v = workshop_votes_table.c
    votes = {
        int(row[0]): Vote(None if row[1] is None else int(row[1]), row[2])
        for row in conn.execute(
            select(v.capability, v.level, v.comment).where(v.participant == seat["id"])
        )
    }
    return Seat(found[0], int(seat["id"]), seat["name"], votes)


@dataclass(frozen=True)
class SeatPulse:
    """What a participant's page polls: the workshop's stage and status (the room moving
    on), and this participant's own ballot as it stands (their name, their vote on the
    capability the page shows), whichever of their tabs or phones changed it."""

    stage: int
    status: str
    name: str | None
    vote: Vote | None


@functools.cache
def _seat_pulse_query(with_vote: bool) -> Select:
    """The poll's statement, built once, its values bound at each run (``workshop``,
    ``token_hash``, ``capability``): each phone runs it every two seconds, and building it
    each time took longer than running it (0.6 ms a poll on SQLite instead of 0.2 ms; the
    facilitator's ``poll`` of the workshop's row alone takes 0.3 ms)."""
    w, p, v = workshops_table.c, workshop_participants_table.c, workshop_votes_table.c
    joined = workshops_table.outerjoin(
        workshop_participants_table,
        and_(p.workshop == w.id, p.token_hash == bindparam("token_hash")),
    )
    columns = [w.stage, w.status, p.name]
    if with_vote:
        joined = joined.outerjoin(
            workshop_votes_table,
            and_(v.participant == p.id, v.capability == bindparam("capability")),
        )
        columns += [v.capability, v.level, v.comment]
    return select(*columns).select_from(joined).where(w.id == bindparam("workshop"))


def seat_pulse(
    engine: Engine, workshop_id: int, token: str, capability: int | None
) -> SeatPulse | None:
    """One small query, by the keys the tables are indexed on (the workshop's row, the
    participant's by its token, their one vote on ``capability``); None when the workshop is
    gone. Another participant's vote changes nothing it reads: no phone redraws for it.
    """
    values = {"workshop": int(workshop_id), "token_hash": hash_secret(token)}
    if capability is not None:
        values["capability"] = int(capability)
    statement = _seat_pulse_query(capability is not None)
    with guard(engine), reading(engine) as conn:
        row = conn.execute(statement, values).first()
    if row is None:
        return None
    vote = None
    if capability is not None and row[3] is not None:  # a vote row: level None is "don't know"
        vote = Vote(None if row[4] is None else int(row[4]), row[5])
    return SeatPulse(int(row[0]), str(row[1]), row[2], vote)


def mark_seen(engine: Engine, code: str, token: str, *, clock: float | None = None) -> bool:
    """Note that this participant's phone has the page open now; False when it has no seat.

    One small write that changes no counter: no screen redraws for it.
    """
    _check_token(code, token)
    w, p = workshops_table.c, workshop_participants_table.c
    with guard(engine), writing(engine) as conn:
        changed = conn.execute(
            update(workshop_participants_table)
            .where(
                p.workshop == select(w.id).where(w.code == code).scalar_subquery(),
                p.token_hash == hash_secret(token),
            )
            .values(seen_at=time.time() if clock is None else clock)
        )
    return bool(changed.rowcount)


def clean_name(name: str | None) -> str | None:
    """A participant's name as kept: spaces collapsed, at most ``MAX_NAME_CHARS``, or None."""
    return " ".join(str(name or "").split())[:MAX_NAME_CHARS] or None


def set_name(engine: Engine, code: str, token: str, name: str | None) -> str | None:
    """Give (or clear) a participant's name or organisation; the name as kept."""
    _check_token(code, token)
    cleaned = clean_name(name)
    p = workshop_participants_table.c
    with guard(engine), writing(engine) as conn:
        workshop_id = _open_workshop_id(conn, code)
        seat = _join(conn, workshop_id, token)
        conn.execute(
            update(workshop_participants_table).where(p.id == seat["id"]).values(name=cleaned)
        )
    return cleaned


def cast_vote(
    engine: Engine,
    code: str,
    token: str,
    capability: int,
    *,
    level: int | None,
    comment: str | None,
    framework: Framework,
    clock: float | None = None,
) -> Vote:
    """Record (or change) a participant's vote on the capability the room votes on now.

    ``level`` None is "don't know". Raises ``WorkshopError`` when the workshop is unknown
    or closed, the capability is not the current one or its voting is closed, the comment
    is too long, or the participant wrote too often (it says how long to wait).
    """
    _check_token(code, token)
    if level is not None and int(level) not in framework.scale.values:
        raise WorkshopError(f"{level} is not a level of the scale.")
    text = (comment or "").strip()
    if len(text) > MAX_COMMENT_CHARS:
        raise WorkshopError(f"Keep the comment under {MAX_COMMENT_CHARS} characters.")
    moment = time.time() if clock is None else clock
    w, i, p, v = (
        workshops_table.c,
        workshop_items_table.c,
        workshop_participants_table.c,
        workshop_votes_table.c,
    )
    with guard(engine), writing(engine) as conn:
        workshop_id = _open_workshop_id(conn, code)
        _touch(conn, workshop_id)
        current = conn.execute(select(w.current_position).where(w.id == workshop_id)).scalar()
        item = conn.execute(
            select(i.position, i.closed).where(
                i.workshop == workshop_id, i.capability == int(capability)
            )
        ).first()
        if item is None or current is None or item[0] != current:
            raise WorkshopError(
                "The room has moved on to another capability: your vote on this one was not "
                "recorded."
            )
        if item[1]:
            raise WorkshopError("Voting on this capability is closed: your vote was not recorded.")
        seat = _join(conn, workshop_id, token)
        start, writes = float(seat["window_start"]), int(seat["window_writes"])
        if moment - start >= WINDOW_SECONDS or moment < start:
            start, writes = moment, 0
        if writes >= MAX_WRITES_PER_WINDOW:
            wait = max(1, int(WINDOW_SECONDS - (moment - start)) + 1)
            raise WorkshopError(
                f"You changed your vote many times in a short while: wait {wait} seconds, "
                "then send it again."
            )
        conn.execute(
            update(workshop_participants_table)
            .where(p.id == seat["id"])
            .values(window_start=start, window_writes=writes + 1, seen_at=moment)
        )
        values = {
            "level": None if level is None else int(level),
            "comment": text or None,
            "updated_at": now_utc(),
        }
        changed = conn.execute(
            update(workshop_votes_table)
            .where(v.participant == seat["id"], v.capability == int(capability))
            .values(**values)
        )
        if not changed.rowcount:
            conn.execute(
                insert(workshop_votes_table).values(
                    participant=seat["id"],
                    capability=int(capability),
                    workshop=workshop_id,
                    **values,
                )
            )
    return Vote(values["level"], values["comment"])  # type: ignore[arg-type]


# --- what the facilitator's screen reads ----------------------------------------------------------


@dataclass(frozen=True)
class Room:
    """The room as the facilitator's screen shows it: counts and votes, never names."""

    workshop: Workshop
    participants: int  # every one who joined since the start
    levels: tuple[int | None, ...]  # the votes on the current capability
    comments: tuple[str, ...]
    present: int = 0  # those seen with the page open in the last PRESENT_SECONDS


def _present(conn: Connection, workshop_id: int, moment: float) -> int:
    p = workshop_participants_table.c
    return int(
        conn.execute(
            select(func.count())
            .select_from(workshop_participants_table)
            .where(p.workshop == workshop_id, p.seen_at >= moment - PRESENT_SECONDS)
        ).scalar_one()
    )


def room(engine: Engine, code: str, *, clock: float | None = None) -> Room | None:
    """The workshop, its participant counts (joined, and in the room now), and the votes and
    comments on the current capability (comments in a stable order, not that of voting)."""
    with guard(engine), reading(engine) as conn:
        found = load_with_key(conn, code)
        if found is None:
            return None
        workshop = found[0]
        p, v = workshop_participants_table.c, workshop_votes_table.c
        participants = conn.execute(
            select(func.count())
            .select_from(workshop_participants_table)
            .where(p.workshop == workshop.id)
        ).scalar_one()
        present = _present(conn, workshop.id, time.time() if clock is None else clock)
        current = workshop.current
        rows = (
            conn.execute(
                select(v.level, v.comment).where(
                    v.workshop == workshop.id, v.capability == current.capability
                )
            ).all()
            if current is not None
            else []
        )
    comments = sorted(
        (str(row[1]) for row in rows if row[1]),
        key=lambda text: hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )
    return Room(
        workshop,
        int(participants),
        tuple(None if row[0] is None else int(row[0]) for row in rows),
        tuple(comments),
        present,
    )


def all_votes(engine: Engine, workshop_id: int) -> pd.DataFrame:
    """Every vote of the workshop, without names (``VOTE_COLUMNS``): participants are
    numbered 1, 2, … in the order they joined."""
    p, v = workshop_participants_table.c, workshop_votes_table.c
    with guard(engine), reading(engine) as conn:
        order = [
            int(row[0])
            for row in conn.execute(
                select(p.id).where(p.workshop == workshop_id).order_by(p.joined_at, p.id)
            )
        ]
        rows = conn.execute(
            select(v.capability, v.participant, v.level, v.comment)
            .where(v.workshop == workshop_id)
            .order_by(v.capability)
        ).all()
    number = {participant: position for position, participant in enumerate(order, start=1)}
    frame = pd.DataFrame(
        [
            {
                "capability": int(row[0]),
                "participant": number[int(row[1])],
                "level": None if row[2] is None else int(row[2]),
                "comment": row[3],
            }
            for row in rows
        ],
        columns=VOTE_COLUMNS,
    )
    frame["level"] = frame["level"].astype("Int64")
    return frame.sort_values(["capability", "participant"]).reset_index(drop=True)


def participant_names(engine: Engine, workshop_id: int) -> list[str]:
    """The names and organisations participants gave (sorted, never beside their votes)."""
    p = workshop_participants_table.c
    with guard(engine), reading(engine) as conn:
        names = conn.execute(
            select(p.name).where(p.workshop == workshop_id, p.name.is_not(None))
        ).scalars()
        return sorted({str(name) for name in names}, key=str.casefold)


def participant_count(engine: Engine, workshop_id: int) -> int:
    p = workshop_participants_table.c
    with guard(engine), reading(engine) as conn:
        return int(
            conn.execute(
                select(func.count())
                .select_from(workshop_participants_table)
                .where(p.workshop == workshop_id)
            ).scalar_one()
        )


# --- the assessment the workshop makes ------------------------------------------------------------


def workshop_assessment_id(workshop: Workshop) -> str:
    """The session id of a workshop's assessment: stable, and not the workshop's code."""
    raw = f"workshop|{workshop.code}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:12]


def assessment_frames(
    workshop: Workshop, framework: Framework, participants: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The agreed levels as a tidy assessment (capability and enabler frames).

    Every capability of the framework has a row: the agreed level where one was agreed,
    missing (not assessed) where the workshop agreed "not assessed", did not decide, or did
    not cover it. The facilitator's note is the capability's evidence.
    """
    head = {
        "assessment_id": workshop_assessment_id(workshop),
        "country": workshop.country,
        "iso3": None,
        "year": workshop.year,
        "date": None,
        "round": workshop.round,
        "assessed_by": f"Workshop of {participants} participant"
        + ("" if participants == 1 else "s"),
        "source": f"Workshop{SOURCE_SEPARATOR}opened {workshop.created_at:%Y-%m-%d %H:%M} UTC",
    }
    rows = []
    for capability in framework.capabilities:
        item = workshop.item(capability.number)
        decided = item is not None and item.decided
        rows.append(
            {
                **head,
                "capability": capability.number,
                "domain": capability.domain,
                "level": item.agreed_level if decided and item is not None else None,
                "evidence": item.note if decided and item is not None else None,
                "confidence": None,
            }
        )
    capabilities = pd.DataFrame(rows, columns=CAPABILITY_COLUMNS, dtype=object)
    enablers = pd.DataFrame(columns=ENABLER_COLUMNS, dtype=object)
    return contract_dtypes(capabilities), contract_dtypes(enablers)
