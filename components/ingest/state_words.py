"""Headings that say which state a column's levels describe, not whose they are: "As-is",
"Now", "Today", "Status quo", "état actuel", "situación actual", "situação atual" (current);
"Before", "Previous", "Where we were" (earlier); "To-be", "Goal", "Desired" (target).

``state_of`` tells them apart; ``dated_siblings`` finds, beside a form's level column headed
with a year ("Current status (2024)"), the columns of earlier years ("Baseline (2019)").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from components.base.text import normalise
from components.ingest.column_roles import holds_levels, is_summary_column, is_target
from components.ingest.extra_levels import year_levels
from components.ingest.matching import Field, classify_header
from components.ingest.sheets import ReadContext, Sheet
from components.ingest.values import split_assessment_header


def _phrases(text: str) -> frozenset[str]:
    return frozenset(text.split("|"))


# Words a heading may carry beside its state ("Current status", "Previous score").
_FILLER = _phrases(
    "level|levels|status|state|score|rating|maturity|stage|situation|niveau|nivel|estado|etat"
    "|statut|situacion|situacao|the|our|de|du|la|le|el|a|o"
)
# Whole headings (less the filler words) saying the state the levels describe: checked in
# this order, so that "where we want to be" is a target before "where we are" is current.
_STATES: Mapping[str, frozenset[str]] = {
    "target": _phrases(
        "to be|tobe|goal|target|desired|future|where we want to be|aim|objective|planned"
        "|objectif|cible|souhaite|vise|futur|meta|objetivo|deseado|deseada|desejado|desejada"
        "|futuro"
    ),
    "previous": _phrases(
        "before|previous|previously|earlier|last|past|prior|then|where we were|was|avant"
        "|precedent|precedente|anterieur|anterieure|passe|auparavant|antes|anterior|previo"
        "|previa"
    ),
    "current": _phrases(
        "as is|asis|now|current|currently|today|present|where we are|where we are now"
        "|where we stand|status quo|quo|actual|actuel|actuelle|aujourd hui|maintenant|hoy"
        "|ahora|presente|atual|hoje|agora|current status|current state|etat actuel"
    ),
}


def state_of(text: Any) -> str | None:
    """ "current", "previous" or "target" for a heading (less its year) that says only which
    state its levels describe; None for any other heading ("Kenya", "Kenya current")."""
    if not isinstance(text, str) or not text.strip():
        return None
    words = normalise(text.replace("-", " ")).split()
    for phrase in (" ".join(words), " ".join(w for w in words if w not in _FILLER)):
        for state, phrases in _STATES.items():
            if phrase in phrases:
                return state
    return None


def dated_siblings(
    ctx: ReadContext, sheet: Sheet, header: int, fields: Mapping[Field, int]
) -> tuple[int, ...]:
    """The columns beside a form's level column headed by a year and no country ("Baseline
    (2019)", "2019", "Where we were (2019)") and holding levels, when the level column's own
    heading has a year ("Current status (2024)"): the earlier assessments on the form."""
    level = fields.get("level")
    if level is None:
        return ()
    if split_assessment_header(sheet.value(header, level))[1] is None:
        return year_levels(ctx, sheet, header, fields)  # "Level" beside "Level 2024"
    used, scale = set(fields.values()), ctx.framework.scale
    found = []
    for column, value in enumerate(sheet.rows[header]):
        if column in used or value is None or classify_header(value) is not None:
            continue
        if is_target(value) or is_summary_column(value):
            continue
        country, when, _ = split_assessment_header(value)
        if when is None or (country is not None and state_of(country) != "previous"):
            continue
        if holds_levels(sheet, header, column, scale):
            found.append(column)
    return tuple(found)
