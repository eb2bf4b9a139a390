"""Drafts: assessments being entered in the app, kept in the library's database between visits.

Reloading a browser tab starts a new Streamlit session, so a person's half-done assessment
cannot live in the session alone. It is kept here, under an unguessable token that the page
puts in its address (``/assess?draft=<token>``): opening that link again restores the draft.
A draft belongs to whoever holds its link, not to the library's editors, so drafts are
written in read-only library mode too; what keeps a public deployment from being filled up
are the ``DraftLimits`` (size of one draft, number of drafts, expiry after days unused).

The token itself is never stored: the table holds its SHA-256, so whoever can read the
database still cannot open a draft's link. Every write is one transaction
(``components.library.database``). No Streamlit here; the payload is plain JSON data (what
``components.ingest.editing.to_payload`` makes).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import math
import os
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, delete, func, insert, select, text, update
from sqlalchemy import exc as sa_exc

from components.library.database import guard, reading, writing
from components.library.schema import ensure_schema
from components.library.tables import drafts_table

_LOG = logging.getLogger(__name__)

# 16 random bytes: 128 bits, far past guessing, 22 characters in a URL.
TOKEN_BYTES = 16
# What a link may carry as a token: token_urlsafe's alphabet, with room for longer ones.
_TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9_-]{16,86}$")
# Names the advisory lock that makes the count of drafts exact on PostgreSQL.
_NEW_DRAFT_LOCK = 0x4D4E5244  # "MNRD"
_SAVE_ATTEMPTS = 3

ENV_MAX_KB = "MNR_DRAFT_MAX_KB"
ENV_MAX_COUNT = "MNR_DRAFT_MAX_COUNT"
ENV_EXPIRY_DAYS = "MNR_DRAFT_EXPIRY_DAYS"
_SECRET_KEYS = {
    ENV_MAX_KB: "draft_max_kb",
    ENV_MAX_COUNT: "draft_max_count",
    ENV_EXPIRY_DAYS: "draft_expiry_days",
}


@dataclass(frozen=True)
class DraftLimits:
    """What drafts may cost a deployment. Every limit must be positive.

    The defaults hold a full assessment with paragraphs of evidence for every item (the page
    caps evidence at 2,000 characters each), and keep the whole store under about 400 MB.
    """

    max_kb: int = 200
    max_drafts: int = 2000
    expiry_days: int = 30

    def __post_init__(self) -> None:
        for name in ("max_kb", "max_drafts", "expiry_days"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                message = f"DraftLimits.{name} must be a positive whole number, not {value!r}"
                raise ValueError(message)

    @property
    def max_bytes(self) -> int:
        return self.max_kb * 1024

    @property
    def expiry(self) -> datetime.timedelta:
        return datetime.timedelta(days=self.expiry_days)


def draft_limits(
    env: Mapping[str, str] | None = None, secrets_section: Mapping[str, Any] | None = None
) -> DraftLimits:
    """The limits from the environment first, then the secrets' ``[library]`` table.

    ``MNR_DRAFT_MAX_KB`` / ``draft_max_kb``, ``MNR_DRAFT_MAX_COUNT`` / ``draft_max_count``,
    ``MNR_DRAFT_EXPIRY_DAYS`` / ``draft_expiry_days``: positive whole numbers. A missing one
    means the default; an invalid one too, with a warning in the log (a typo in a setting must
    not take the editor down, nor pass unnoticed).
    """
    env = os.environ if env is None else env
    section = secrets_section or {}
    defaults = DraftLimits()
    values = {}
    for variable, attribute in (
        (ENV_MAX_KB, "max_kb"),
        (ENV_MAX_COUNT, "max_drafts"),
        (ENV_EXPIRY_DAYS, "expiry_days"),
    ):
        raw = env.get(variable)
        if raw is None or not str(raw).strip():
            raw = section.get(_SECRET_KEYS[variable])
        values[attribute] = _positive_whole(variable, raw, getattr(defaults, attribute))
    return DraftLimits(**values)


def _positive_whole(name: str, raw: object, default: int) -> int:
    if raw is None or not str(raw).strip():
        return default
    try:
        value = float(str(raw).strip())
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not value.is_integer() or value <= 0:
        _LOG.warning(
            "Ignoring %s=%r: expected a positive whole number; using %s.", name, raw, default
        )
        return default
    return int(value)


class DraftRefused(Exception):  # noqa: N818 (a refusal people read, not a programming error)
    """The draft was not kept (too large, or the store is full); ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class DraftUnreadable(Exception):  # noqa: N818
    """A stored draft whose content is not JSON (damaged); nothing of it can be used."""


class DraftConflict(Exception):  # noqa: N818 (a state to resolve, not a programming error)
    """The draft was changed elsewhere (another tab or browser with the same link) since the
    caller last saw it; nothing was written. ``stored`` is what the draft holds now."""

    def __init__(self, stored: str) -> None:
        super().__init__("the draft was changed elsewhere")
        self.stored = stored

    @property
    def payload(self) -> Any:
        """What the draft holds now, as data (``DraftUnreadable`` when it is damaged)."""
        try:
            return json.loads(self.stored)
        except (TypeError, ValueError) as error:
            raise DraftUnreadable(str(error)) from error


@dataclass(frozen=True)
class StoredDraft:
    """A draft as read back: its payload, the text stored (what a later save expects), and
    when it was last saved or opened (UTC)."""

    payload: Any
    text: str
    used_at: datetime.datetime


def new_token() -> str:
    """A fresh, unguessable token for a draft's link."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def is_token(value: object) -> bool:
    """Whether a value from a link has the shape of a token (checked before any query)."""
    return isinstance(value, str) and bool(_TOKEN_SHAPE.match(value))


def _key(token: str) -> str:
    if not is_token(token):
        raise ValueError("not a draft token")
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def _now(now: datetime.datetime | None) -> datetime.datetime:
    return now if now is not None else datetime.datetime.now(datetime.UTC)


def _as_utc(value: Any) -> datetime.datetime:
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value)
    if value.tzinfo is None:  # SQLite keeps the UTC time without its zone
        return value.replace(tzinfo=datetime.UTC)
    return value.astimezone(datetime.UTC)


def encode_payload(payload: Any) -> str:
    """The payload as stored: compact JSON, keys sorted (the same content, the same text)."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def save_draft(
    engine: Engine,
    token: str,
    payload: Any,
    limits: DraftLimits,
    *,
    expected: str | None = None,
    now: datetime.datetime | None = None,
) -> str:
    """Keep the draft under ``token``, in one transaction; the text stored.

    ``expected``: what the caller last saved or read under the token (``encode_payload``).
    When the draft now holds something else, someone else changed it meanwhile: nothing is
    written and ``DraftConflict`` says what it holds, so that the caller can merge instead of
    overwriting. Without ``expected`` the draft is replaced whatever it holds.

    Creates or migrates the library first. Raises ``DraftRefused`` for a draft larger than
    ``limits.max_kb``, or a new draft when ``limits.max_drafts`` drafts are kept already
    (expired ones are cleared first); ``LibraryUnavailable`` when the database cannot be used.
    """
    stored = encode_payload(payload)
    size = len(stored.encode("utf-8"))
    if size > limits.max_bytes:
        raise DraftRefused(
            f"it is {math.ceil(size / 1024)} KB, more than the {limits.max_kb} KB a draft may "
            "hold; shorten the longest evidence"
        )
    key = _key(token)
    moment = _now(now)
    ensure_schema(engine)
    d = drafts_table.c
    with guard(engine):
        for attempt in range(_SAVE_ATTEMPTS):
            try:
                with writing(engine) as conn:
                    mine = d.token_hash == key
                    if expected is not None:
                        mine &= d.payload == expected
                    changed = conn.execute(
                        update(drafts_table).where(mine).values(payload=stored, used_at=moment)
                    ).rowcount
                    if changed:
                        return stored
                    if expected is not None:
                        current = conn.execute(
                            select(d.payload).where(d.token_hash == key)
                        ).scalar()
                        if current is not None:
                            raise DraftConflict(current)
                    if conn.dialect.name == "postgresql":
                        # New drafts one at a time, so that two cannot both take the last place.
                        conn.execute(
                            text("SELECT pg_advisory_xact_lock(:key)"), {"key": _NEW_DRAFT_LOCK}
                        )
                    conn.execute(delete(drafts_table).where(d.used_at < moment - limits.expiry))
                    count = conn.execute(select(func.count()).select_from(drafts_table)).scalar()
                    if int(count or 0) >= limits.max_drafts:
                        raise DraftRefused(
                            f"the app already keeps {limits.max_drafts:,} drafts, its limit"
                        )
                    conn.execute(
                        insert(drafts_table).values(
                            token_hash=key, payload=stored, created_at=moment, used_at=moment
                        )
                    )
                    return stored
            except sa_exc.IntegrityError:
                # The same link saved from two places at once, and the other insert won: the
                # next attempt finds the draft and updates it.
                if attempt == _SAVE_ATTEMPTS - 1:
                    raise
    raise AssertionError("unreachable")  # pragma: no cover


def load_draft(
    engine: Engine,
    token: str,
    limits: DraftLimits,
    *,
    now: datetime.datetime | None = None,
) -> StoredDraft | None:
    """The draft under ``token``; None when there is none, or it expired (it is then deleted).

    Opening a draft counts as using it (its expiry starts again). Looking creates nothing: a
    library that does not exist yet has no drafts. Raises ``DraftUnreadable`` for a damaged
    draft, ``LibraryUnavailable`` when the database cannot be used.
    """
    if not is_token(token):
        return None
    key = _key(token)
    moment = _now(now)
    if not ensure_schema(engine, create=False):
        return None
    d = drafts_table.c
    with guard(engine), writing(engine) as conn:
        row = conn.execute(select(d.payload, d.used_at).where(d.token_hash == key)).first()
        if row is None:
            return None
        if _as_utc(row.used_at) < moment - limits.expiry:
            conn.execute(delete(drafts_table).where(d.token_hash == key))
            return None
        conn.execute(update(drafts_table).where(d.token_hash == key).values(used_at=moment))
    try:
        payload = json.loads(row.payload)
    except (TypeError, ValueError) as error:
        raise DraftUnreadable(str(error)) from error
    return StoredDraft(payload=payload, text=row.payload, used_at=_as_utc(row.used_at))


def delete_draft(engine: Engine, token: str) -> bool:
    """Forget the draft under ``token``; False when there was none."""
    if not is_token(token) or not ensure_schema(engine, create=False):
        return False
    with guard(engine), writing(engine) as conn:
        result = conn.execute(delete(drafts_table).where(drafts_table.c.token_hash == _key(token)))
        return bool(result.rowcount)


def delete_expired(
    engine: Engine, limits: DraftLimits, *, now: datetime.datetime | None = None
) -> int:
    """Delete every draft unused for longer than the expiry; how many went."""
    if not ensure_schema(engine, create=False):
        return 0
    cutoff = _now(now) - limits.expiry
    with guard(engine), writing(engine) as conn:
        result = conn.execute(delete(drafts_table).where(drafts_table.c.used_at < cutoff))
        return int(result.rowcount)


def count_drafts(engine: Engine) -> int:
    """How many drafts are kept (expired ones not yet cleared included)."""
    if not ensure_schema(engine, create=False):
        return 0
    with guard(engine), reading(engine) as conn:
        return int(conn.execute(select(func.count()).select_from(drafts_table)).scalar() or 0)
