"""The library's tables as this app writes them (the current schema version).

Besides ``mnr_schema_version``: ``mnr_assessments`` (one row per saved version of an
assessment, with who may see it and the framework edition it was made against) and the
capability and enabler levels of each. A unique constraint on (country, date or year, round,
version), the country as ``identity.country_identity`` keys it, makes a silent duplicate
impossible at the database level. ``mnr_drafts`` keeps
assessments being entered in the app (``components.library.drafts``); ``mnr_plans`` each
saved version's action plan; the live workshops'
tables are in ``workshop_tables``. How older layouts become this one is ``schema``'s business.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()
schema_version_table = Table(
    "mnr_schema_version", metadata, Column("version", Integer, nullable=False)
)


def assessment_columns_v1() -> list[Any]:
    """The assessments table's columns and key as schema version 1 made them: fresh objects
    on every call, since a column belongs to one table. Later versions add to them."""
    return [
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("country", Text, nullable=False),
        Column("country_key", Text, nullable=False),
        Column("iso3", Text),
        Column("year", Integer),
        Column("date", Text),
        Column("when_key", Text, nullable=False),
        Column("round", Text),
        Column("round_key", Text, nullable=False),
        Column("version", Integer, nullable=False),
        Column("assessed_by", Text),
        Column("source", Text),
        Column("saved_at", DateTime(timezone=True), nullable=False),
        UniqueConstraint(
            "country_key", "when_key", "round_key", "version", name="mnr_assessment_version"
        ),
    ]


def levels_table(schema: MetaData, name: str, item: str) -> Table:
    """The levels of one kind of item (``capability`` or ``enabler``), unchanged since
    schema version 1; capabilities also keep their domain."""
    columns = [
        Column(
            "assessment",
            Integer,
            ForeignKey("mnr_assessments.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        Column(item, Integer, primary_key=True),
    ]
    if item == "capability":
        columns.append(Column("domain", Text))
    columns += [Column("level", Integer), Column("evidence", Text), Column("confidence", Text)]
    return Table(name, schema, *columns)


assessments_table = Table(
    "mnr_assessments",
    metadata,
    *assessment_columns_v1(),
    # Added by schema version 2:
    Column("title", Text, nullable=False, server_default=""),
    Column("content_hash", Text, nullable=False, server_default=""),
    # Added by schema version 3 (see components.library.visibility):
    Column("visibility", Text, nullable=False, server_default="editors"),
    Column("framework_edition", Text, nullable=False, server_default="2016"),
)
capability_levels_table = levels_table(metadata, "mnr_capability_levels", "capability")
enabler_levels_table = levels_table(metadata, "mnr_enabler_levels", "enabler")

# Added by schema version 6 (``schema._migrate_5_to_6``, which spells the same layout out):
# each saved version's action plan, one row per capability that has one.
plans_table = Table(
    "mnr_plans",
    metadata,
    Column(
        "assessment",
        Integer,
        ForeignKey("mnr_assessments.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("capability", Integer, primary_key=True),
    Column("priority", Text),
    Column("target_level", Integer),
    Column("target_date", Text),
    Column("lead", Text),
    Column("actions", Text),
    Column("status", Text, nullable=False),
)

# Added by the drafts migration (``schema._migrate_2_to_3``), which spells the same layout out.
drafts_table = Table(
    "mnr_drafts",
    metadata,
    Column("token_hash", Text, primary_key=True),
    Column("payload", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True), nullable=False),
    Index("mnr_drafts_used_at", "used_at"),
)
