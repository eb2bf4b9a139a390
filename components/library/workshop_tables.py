"""The live workshops' tables, as schema version 3 made them.

Four tables beside the library's: ``mnr_workshops`` (one row per workshop: its code, the hash
of the facilitator's key, what it assesses, where it stands), ``mnr_workshop_items`` (the
capabilities it goes through, in order, each with its voting and reveal state and the agreed
level), ``mnr_workshop_participants`` (one row per phone, known by the hash of the random
token in its link) and ``mnr_workshop_votes`` (one row per participant and capability,
updated in place: the primary key makes a second row impossible).

``revision`` on a workshop goes up with every change (a vote, a facilitator's action), and
``stage`` only with a facilitator's action, so that a screen polls one small row to know
whether anything changed.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
)


def workshop_schema(schema: MetaData, *, seen_at: bool = True) -> tuple[Table, Table, Table, Table]:
    """The four workshop tables, as fresh objects in ``schema``; ``seen_at=False``: as schema
    version 4 made them, before participants had a last-seen time (version 7).

    A function, so that the migration that creates them keeps its own copy even when a
    later version changes them.
    """
    workshops = Table(
        "mnr_workshops",
        schema,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("code", Text, nullable=False, unique=True),
        Column("key_hash", Text, nullable=False),
        Column("country", Text, nullable=False),
        Column("year", Integer),
        Column("round", Text),
        Column("status", Text, nullable=False),  # "open" or "closed"
        Column("current_position", Integer),  # None: waiting to start
        Column("revision", Integer, nullable=False, server_default="0"),
        Column("stage", Integer, nullable=False, server_default="0"),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("updated_at", DateTime(timezone=True), nullable=False),
    )
    items = Table(
        "mnr_workshop_items",
        schema,
        Column(
            "workshop",
            Integer,
            ForeignKey("mnr_workshops.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        Column("capability", Integer, primary_key=True),
        Column("position", Integer, nullable=False),
        Column("closed", Boolean, nullable=False, server_default="0"),
        Column("revealed", Boolean, nullable=False, server_default="0"),
        Column("decided", Boolean, nullable=False, server_default="0"),
        Column("agreed_level", Integer),  # None with decided: agreed "not assessed"
        Column("note", Text),
        UniqueConstraint("workshop", "position", name="mnr_workshop_item_position"),
    )
    participants = Table(
        "mnr_workshop_participants",
        schema,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column(
            "workshop",
            Integer,
            ForeignKey("mnr_workshops.id", ondelete="CASCADE"),
            nullable=False,
        ),
        Column("token_hash", Text, nullable=False),
        Column("name", Text),
        Column("joined_at", DateTime(timezone=True), nullable=False),
        # The per-participant rate limit: writes in the window that started at window_start
        # (seconds since the epoch), kept here so that it holds across replicas.
        Column("window_start", Float, nullable=False, server_default="0"),
        Column("window_writes", Integer, nullable=False, server_default="0"),
        # When the phone last showed it had the page open (seconds since the epoch): the
        # facilitator's "in the room" counts the phones seen lately, not every one that
        # ever joined. None: not seen since the column came (schema version 7).
        *([Column("seen_at", Float)] if seen_at else []),
        UniqueConstraint("workshop", "token_hash", name="mnr_workshop_participant_token"),
    )
    votes = Table(
        "mnr_workshop_votes",
        schema,
        Column(
            "participant",
            Integer,
            ForeignKey("mnr_workshop_participants.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        Column("capability", Integer, primary_key=True),
        Column(
            "workshop",
            Integer,
            ForeignKey("mnr_workshops.id", ondelete="CASCADE"),
            nullable=False,
        ),
        Column("level", Integer),  # None: "don't know"
        Column("comment", Text),
        Column("updated_at", DateTime(timezone=True), nullable=False),
        Index("mnr_workshop_votes_by_capability", "workshop", "capability"),
    )
    return workshops, items, participants, votes


workshop_metadata = MetaData()
(
    workshops_table,
    workshop_items_table,
    workshop_participants_table,
    workshop_votes_table,
) = workshop_schema(workshop_metadata)
