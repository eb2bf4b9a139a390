"""What the second heading of a column says: the year or round, whose scoring, a target.

Trackers head each capability's (or country's) columns twice: the capability merged over its
sub-columns, and under it (or above it, as a band) what tells the sub-columns apart:

* a year or a round: "2018 | 2020 | 2022", "Baseline (2020) | Midline (2022)", "Round 1
  (2017)": each sub-column is that round's assessment (its year from the heading);
* whose scoring it is: "Self | Validated", "SELF | FINAL", "Self-assessed level | Agreed
  level": the settled one (validated, final, agreed, consensus, official) is the level, the
  self-assessment beside it is set aside;
* a target: "Target (2025)", "Objectif 2027": never an assessment, set aside;
* what the column holds: "Level" (the level), "Comments", "Change", "Average" (set aside).

``sub_heading`` reads one such heading (``None`` when it says none of these), and ``choose``
settles a table's sub-columns: which are read, as which round, and which are set aside.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from components.base.text import normalise, word_set
from components.ingest.column_roles import is_notes, is_summary_column, is_target
from components.ingest.countries import iso3_of
from components.ingest.matching import classify_header
from components.ingest.values import parse_when, split_assessment_header

Role = Literal["level", "self", "settled", "revised", "target", "notes", "summary"]
# The roles whose columns are never read as levels.
ASIDE: frozenset[Role] = frozenset({"target", "notes", "summary"})

# Words saying a level is the one settled on, the official result: it is read, and a
# self-assessment beside it set aside. ("Revised", "reviewed" or "moderated" say less: which
# of two such columns to read stays the person's choice.)
_OFFICIAL = word_set(
    "validated validation verified final finalised finalized agreed consensus official"
    " approved endorsed confirmed valide validee definitif definitive finale convenu convenue"
    " officiel officielle approuve approuvee confirme confirmee validado validada definitivo"
    " definitiva acordado acordada consensuado consensuada oficial aprobado aprobada"
    " confirmado confirmada consensual aprovado aprovada"
)
# Words of a level changed after a first scoring that say less than settled: beside a
# validated level, which of the two to read stays the person's choice.
_REVISED = word_set(
    "revised reviewed corrected adjusted moderated external independent revise revisee"
    " corrige corrigee retenu retenue revisado revisada corregido corregida revisto revista"
    " corrigido corrigida"
)
# Words of a level scored before it was settled: the country's own, a draft.
_UNSETTLED = word_set(
    "self selfassessed selfassessment selfrated selfreported selfscore own submitted submission"
    " initial draft preliminary provisional proposed autoevaluation autoevaluacion"
    " autoavaliacao auto autoevalue autoevaluee autoevaluado autoevaluada autoavaliado"
    " autoavaliada"
)
# A donor's short names of its rounds: "BL 2020", "MTR (2022)", "EL 2024", "R2 2019".
_ROUND_CODE = re.compile(r"(?:bl|ml|el|mtr|mte|fu|etr|[rw]\d{1,2})", re.IGNORECASE)
# Words that only say the column holds a level ("Validated level", "Self-assessed score").
_LEVEL_WORDS = word_set(
    "level levels score scores rating assessment assessed maturity niveau nivel nivelo"
    " puntuacion pontuacao note nota evaluation evaluacion avaliacao"
)


@dataclass(frozen=True)
class SubHeading:
    """One sub-column's heading read: its ``role``, and the year and round it names."""

    role: Role
    year: int | None = None
    round: str | None = None

    @property
    def key(self) -> tuple[int | None, str]:
        """Which assessment the column is of, among its table's: its year and round."""
        return self.year, normalise(self.round or "")


def sub_heading(value: Any) -> SubHeading | None:
    """What a sub-column's heading says (see the module), or ``None`` when it says none of
    these (a country's name, a domain, a word the reader does not know)."""
    if value is None or isinstance(value, bool):
        return None
    if not isinstance(value, str):
        year = parse_when(value).year
        return SubHeading("level", year) if year is not None else None
    text = value.strip()
    if not text or len(text) > 80:
        return None
    if is_target(text):
        return SubHeading("target", *_when_and_round(text))
    words = set(normalise(text.replace("-", " ")).split()) | {normalise(text.replace("-", ""))}
    if words & _OFFICIAL:
        return SubHeading("settled", *_when_and_round(text, _OFFICIAL))
    if words & _REVISED:
        return SubHeading("revised", *_when_and_round(text, _REVISED))
    if words & _UNSETTLED:
        return SubHeading("self", *_when_and_round(text, _UNSETTLED))
    country, when, round_label = split_assessment_header(text)
    year = parse_when(when).year if when else None
    if year is not None and country is not None and _ROUND_CODE.fullmatch(country.strip()):
        country, round_label = None, " ".join(p for p in (country.strip(), round_label) if p)
    if year is not None and (country is None or _only_level_words(country)):
        return SubHeading("level", year, round_label)  # "Baseline (2020)", "Référence 2019"
    return _by_field(text, country, when, round_label)


def _by_field(
    text: str, country: str | None, when: str | None, round_label: str | None
) -> SubHeading | None:
    """A heading naming no year: what its words say the column holds, or a round alone."""
    field_name = classify_header(text)
    if field_name in ("evidence", "confidence") or is_notes(text):
        return SubHeading("notes")
    if is_summary_column(text):
        return SubHeading("summary")
    if field_name == "level":
        return SubHeading("level", *_when_and_round(text))
    if field_name is not None or when is not None:
        return None
    if country is not None and not _only_level_words(country):
        return None
    return SubHeading("level", None, round_label) if round_label else None


def _when_and_round(text: str, drop: frozenset[str] = frozenset()) -> tuple[int | None, str | None]:
    """The year and round a heading names besides its role's words ("Validated 2022")."""
    kept = [word for word in text.replace("-", " ").split() if normalise(word) not in drop]
    if not kept:
        return None, None
    _, when, round_label = split_assessment_header(" ".join(kept))
    return (parse_when(when).year if when else None), round_label


def _only_level_words(text: str) -> bool:
    """Whether a heading's words are only level words ("score" of "score 2023")."""
    words = normalise(text.replace("-", " ")).split()
    return bool(words) and all(word in _LEVEL_WORDS for word in words)


def names_country(value: Any) -> bool:
    """Whether a heading is a country's name pycountry knows."""
    return isinstance(value, str) and iso3_of(value.strip()) is not None


@dataclass
class Choice:
    """A table's sub-columns settled: for each assessment (year and round), each owner's
    (capability's or country's) column read; the columns set aside, by why; the round each
    assessment's columns are headed by, as written."""

    read: dict[tuple[int | None, str], dict[Hashable, int]] = field(default_factory=dict)
    rounds: dict[tuple[int | None, str], SubHeading] = field(default_factory=dict)
    aside: dict[Role, list[int]] = field(default_factory=dict)
    # Columns of one owner and assessment that could each be its level: nothing says which.
    unsure: list[int] = field(default_factory=list)


def choose(columns: Mapping[int, tuple[Hashable, SubHeading]]) -> Choice:
    """Settle sub-columns (column -> its owner and heading): targets, notes and summaries
    set aside; of one owner's columns of the same assessment, the settled one read and the
    self-assessed ones set aside; two that nothing tells apart are ``unsure``."""
    choice = Choice()
    together: dict[tuple[tuple[int | None, str], Hashable], list[int]] = {}
    for column, (owner, heading) in sorted(columns.items()):
        if heading.role in ASIDE:
            choice.aside.setdefault(heading.role, []).append(column)
            continue
        together.setdefault((heading.key, owner), []).append(column)
        choice.rounds.setdefault(heading.key, heading)
    for (key, owner), found in together.items():
        chosen = found[0]
        if len(found) > 1:
            settled = [c for c in found if columns[c][1].role == "settled"]
            others = [columns[c][1].role for c in found if c not in settled]
            if len(settled) != 1 or not set(others) <= {"self", "level"}:
                choice.unsure += found
                continue
            chosen = settled[0]
            choice.aside.setdefault("self", []).extend(c for c in found if c != chosen)
        choice.read.setdefault(key, {})[owner] = chosen
    return choice
