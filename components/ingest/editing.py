"""Entering an assessment in the app: the editor's model, and the tidy frames it becomes.

An ``Entry`` is one assessment as the assessment editor (page ``/assess``) holds it: its
metadata as typed, and an ``Answer`` (level, evidence, confidence) for each capability and
enabler that has one. It is immutable: ``revise`` returns a new one with the values a person
changed, cleaned. ``entry_frames`` turns it into the same tidy frames an upload gives
(``components.ingest.report``), so the collection, every picture, export and the library take
it as they take an upload (origin ``editor``). ``start_from`` builds one from an assessment
already in the session or the library: a new round (answers copied, when and round left to
set) or an edit of the same assessment (everything copied, the same id, so it replaces its
copy in the session). ``to_payload`` and ``entry_from_payload`` are its JSON form, as drafts
are stored. No Streamlit here.
"""

from __future__ import annotations

import datetime
import math
import numbers
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import pandas as pd

from components.base.text import count_of
from components.framework.model import Framework, Scale
from components.ingest.collection import (
    ORIGIN_LABELS,
    Collection,
    add_assessments,
    remove_assessments,
)
from components.ingest.labels import assessment_labels
from components.ingest.report import (
    CAPABILITY_COLUMNS,
    ENABLER_COLUMNS,
    contract_dtypes,
    find_duplicate_assessments,
)
from components.ingest.values import (
    CONFIDENCE_VALUES,
    parse_confidence,
    parse_iso3,
    parse_when,
)

EDITOR_ORIGIN = "editor"
EDITOR_SOURCE = "Entered in the app"
# Room for any real country, round or name, not for a pasted document.
MAX_LINE_CHARS = 120
# A few paragraphs of evidence per item; the page's text areas stop typing here too.
MAX_EVIDENCE_CHARS = 2000
PAYLOAD_FORMAT = 1
META_FIELDS = ("country", "iso3", "when", "round", "assessed_by")

Kind = Literal["capability", "enabler"]
StartMode = Literal["blank", "round", "edit"]
START_MODES: tuple[StartMode, ...] = ("blank", "round", "edit")


class DraftFormatError(ValueError):
    """A stored draft that is not one this app wrote (or a newer app's); nothing was used."""


@dataclass(frozen=True)
class Answer:
    """One capability's or enabler's answer. ``level`` None means not assessed (never 0)."""

    level: int | None = None
    evidence: str = ""
    confidence: str | None = None

    @property
    def is_blank(self) -> bool:
        return self.level is None and not self.evidence and self.confidence is None


@dataclass(frozen=True)
class Entry:
    """One assessment being entered. Items without an answer are not in the mappings.

    ``assessment_id`` is stable for the life of the entry, so adding it to the session again
    replaces the earlier copy. ``started_from`` names what it was started from (a label), and
    ``start_mode`` how: ``round`` (a new round copied from it) or ``edit`` (that assessment,
    changed). The mappings are never changed in place: ``revise`` makes new ones.
    """

    assessment_id: str
    country: str = ""
    iso3: str = ""
    when: str = ""
    round: str = ""
    assessed_by: str = ""
    capabilities: Mapping[int, Answer] = field(default_factory=dict)
    enablers: Mapping[int, Answer] = field(default_factory=dict)
    started_from: str = ""
    start_mode: StartMode = "blank"

    def answer(self, kind: Kind, number: int) -> Answer:
        """The answer for one item (a blank one when it has none)."""
        answers = self.capabilities if kind == "capability" else self.enablers
        return answers.get(number, Answer())

    @property
    def is_blank(self) -> bool:
        """Nothing typed or chosen yet (a fresh page: there is nothing to keep)."""
        return not any(getattr(self, name) for name in META_FIELDS) and not (
            self.capabilities or self.enablers
        )


def new_assessment_id() -> str:
    """A fresh id for an assessment entered in the app (random: it names no person)."""
    return f"entered-{secrets.token_hex(6)}"


def blank_entry() -> Entry:
    return Entry(new_assessment_id())


# --- cleaning what people type ------------------------------------------------------------------


def _as_text(value: object) -> str:
    """Text, a number or a date as text; "" for anything missing or of another kind (a list
    in a damaged draft is nothing, not "['a', 'b']")."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None or value is pd.NA:
        return ""
    if isinstance(value, numbers.Real):
        number = float(value)
        if math.isnan(number):
            return ""
        return str(int(number)) if number.is_integer() else str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""


def clean_line(value: object, max_chars: int = MAX_LINE_CHARS) -> str:
    """One line of text: blanks collapsed, cut to ``max_chars``; "" for nothing."""
    return " ".join(_as_text(value).split())[:max_chars]


def clean_evidence(value: object) -> str:
    """Evidence as typed (line breaks kept), trimmed and cut to ``MAX_EVIDENCE_CHARS``."""
    text = _as_text(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    return text[:MAX_EVIDENCE_CHARS].strip()


def clean_level(value: object, scale: Scale) -> int | None:
    """A level on the scale, or None (not assessed) for anything else."""
    if value is None or isinstance(value, bool):
        return None
    try:
        if pd.isna(value):  # type: ignore[arg-type]
            return None
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if not number.is_integer() or int(number) not in scale.values:
        return None
    return int(number)


def clean_answer(answer: Answer, scale: Scale) -> Answer:
    """The answer with its level on the scale, its evidence trimmed, a known confidence."""
    confidence, _ = parse_confidence(answer.confidence)
    return Answer(
        level=clean_level(answer.level, scale),
        evidence=clean_evidence(answer.evidence),
        confidence=confidence if confidence in CONFIDENCE_VALUES else None,
    )


def revise(
    entry: Entry,
    framework: Framework,
    *,
    meta: Mapping[str, object] | None = None,
    capabilities: Mapping[int, Answer] | None = None,
    enablers: Mapping[int, Answer] | None = None,
) -> Entry:
    """The entry with the given values, cleaned; everything not given stays as it was.

    ``meta`` holds any of ``META_FIELDS``. An answer that comes out blank removes the item
    (it is not assessed); numbers the framework does not have are ignored.
    """
    changes: dict[str, Any] = {}
    for name, value in (meta or {}).items():
        if name in META_FIELDS:
            changes[name] = clean_line(value)
    if capabilities is not None:
        numbers = {c.number for c in framework.capabilities}
        changes["capabilities"] = _merged(entry.capabilities, capabilities, numbers, framework)
    if enablers is not None:
        numbers = {e.number for e in framework.enablers}
        changes["enablers"] = _merged(entry.enablers, enablers, numbers, framework)
    return replace(entry, **changes) if changes else entry


def _merged(
    current: Mapping[int, Answer],
    given: Mapping[int, Answer],
    numbers: set[int],
    framework: Framework,
) -> dict[int, Answer]:
    merged = dict(current)
    for number, answer in given.items():
        if number not in numbers:
            continue
        cleaned = clean_answer(answer, framework.scale)
        if cleaned.is_blank:
            merged.pop(number, None)
        else:
            merged[number] = cleaned
    return dict(sorted(merged.items()))


def merge_entries(base: Entry, mine: Entry, theirs: Entry) -> Entry:
    """Both sets of changes made since ``base``: here (``mine``) and elsewhere (``theirs``,
    another tab or browser on the same draft), field by field and item by item. Where both
    changed the same field or item, this side's change wins: it is the latest one made here."""
    meta = {
        name: _newer(getattr(base, name), getattr(mine, name), getattr(theirs, name))
        for name in META_FIELDS
    }
    return replace(
        mine,
        **meta,
        capabilities=_merged_answers(base.capabilities, mine.capabilities, theirs.capabilities),
        enablers=_merged_answers(base.enablers, mine.enablers, theirs.enablers),
    )


def _newer(base: Any, mine: Any, theirs: Any) -> Any:
    return mine if mine != base else theirs


def _merged_answers(
    base: Mapping[int, Answer], mine: Mapping[int, Answer], theirs: Mapping[int, Answer]
) -> dict[int, Answer]:
    merged = {}
    for number in sorted(set(base) | set(mine) | set(theirs)):
        blank = Answer()
        chosen = _newer(base.get(number, blank), mine.get(number, blank), theirs.get(number, blank))
        if not chosen.is_blank:
            merged[number] = chosen
    return merged


# --- coverage and checks ------------------------------------------------------------------------


@dataclass(frozen=True)
class Coverage:
    """How much of the framework an entry assesses (a level given), overall and per domain."""

    assessed: int
    total: int
    by_domain: Mapping[str, tuple[int, int]]
    enablers_assessed: int
    enablers_total: int

    @property
    def text(self) -> str:
        """ "14 of 21 capabilities assessed"."""
        return f"{self.assessed} of {count_of(self.total, 'capability', 'capabilities')} assessed"

    @property
    def enablers_text(self) -> str:
        return f"{self.enablers_assessed} of {count_of(self.enablers_total, 'enabler')} assessed"


def coverage(entry: Entry, framework: Framework) -> Coverage:
    """Which capabilities and enablers have a level (evidence alone does not count)."""
    rated = {n for n, answer in entry.capabilities.items() if answer.level is not None}
    by_domain = {}
    for domain in framework.domains:
        numbers = [c.number for c in framework.capabilities_in(domain.id)]
        by_domain[domain.id] = (len(rated & set(numbers)), len(numbers))
    return Coverage(
        assessed=len(rated & {c.number for c in framework.capabilities}),
        total=len(framework.capabilities),
        by_domain=by_domain,
        enablers_assessed=sum(1 for a in entry.enablers.values() if a.level is not None),
        enablers_total=len(framework.enablers),
    )


@dataclass(frozen=True)
class EntryCheck:
    """What stops an entry from joining the session (``problems``), what is worth knowing
    (``notes``), and its year and date as read."""

    problems: tuple[str, ...]
    notes: tuple[str, ...]
    year: int | None
    date: str | None

    @property
    def ok(self) -> bool:
        return not self.problems


def check_entry(entry: Entry, today: datetime.date) -> EntryCheck:
    """Country required; a year or date that reads and is not in the future; a real ISO code."""
    problems: list[str] = []
    notes: list[str] = []
    if not entry.country:
        problems.append("Write the country: an assessment without one cannot be found again.")
    when = parse_when(entry.when)
    year, date = when.year, when.date
    if entry.when and (when.note or year is None):
        problems.append(
            f"“{entry.when}” is not a year or a date: write a year such as {today.year}, or a "
            f"date such as {today.isoformat()}."
        )
        year, date = None, None
    elif year is not None and (year > today.year + 1 or (date is not None and date > today)):
        problems.append(
            f"{entry.when} is in the future: write the year or date the assessment was made."
        )
    elif not entry.when:
        notes.append("Without a year or date, the trends page cannot place it in time.")
    if entry.iso3 and parse_iso3(entry.iso3) is None:
        problems.append(
            f"“{entry.iso3}” is not an ISO 3166 code: write three letters (such as KEN), or "
            "leave it blank."
        )
    if not any(answer.level is not None for answer in entry.capabilities.values()):
        notes.append("No capability has a level yet: every picture will show it as not assessed.")
    return EntryCheck(
        problems=tuple(problems),
        notes=tuple(notes),
        year=year,
        date=date.isoformat() if date is not None else None,
    )


# --- the tidy frames ----------------------------------------------------------------------------


def entry_frames(
    entry: Entry, framework: Framework, today: datetime.date
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The entry as the tidy capability and enabler frames an upload gives: every capability
    and enabler, a missing level where none was chosen. An unreadable year or date is left
    out (``check_entry`` says so before the entry may join the session)."""
    checked = check_entry(entry, today)
    head = [
        entry.assessment_id,
        entry.country or None,
        parse_iso3(entry.iso3),
        checked.year,
        checked.date,
        entry.round or None,
        entry.assessed_by or None,
        EDITOR_SOURCE,
    ]
    capability_rows = []
    for capability in framework.capabilities:
        answer = entry.answer("capability", capability.number)
        capability_rows.append(
            [*head, capability.number, capability.domain, *_cells(answer)],
        )
    enabler_rows = [
        [*head, enabler.number, *_cells(entry.answer("enabler", enabler.number))]
        for enabler in framework.enablers
    ]
    capabilities = pd.DataFrame(capability_rows, columns=CAPABILITY_COLUMNS, dtype=object)
    enablers = pd.DataFrame(enabler_rows, columns=ENABLER_COLUMNS, dtype=object)
    return contract_dtypes(capabilities), contract_dtypes(enablers)


def _cells(answer: Answer) -> list[object]:
    return [answer.level, answer.evidence or None, answer.confidence]


def add_entry(
    collection: Collection,
    capabilities: pd.DataFrame,
    enablers: pd.DataFrame,
    replacing: Iterable[str] = (),
) -> Collection:
    """The collection with the entry in it (origin ``editor``): its earlier copy (same id) and
    the assessments it replaces out, as an upload's "Add" does."""
    kept = remove_assessments(collection, replacing)
    return add_assessments(kept, capabilities, enablers, EDITOR_ORIGIN)  # type: ignore[arg-type]


def session_duplicates(session: pd.DataFrame, capabilities: pd.DataFrame) -> list[str]:
    """Session assessments that are the same assessment as the entry (same country, date or
    year, and round, as the upload page compares them), other than the entry's own copy."""
    if session.empty or capabilities.empty:
        return []
    own = set(capabilities["assessment_id"])
    others = session[~session["assessment_id"].isin(own)]
    if others.empty:
        return []
    combined = pd.concat(
        [capabilities[CAPABILITY_COLUMNS], others[CAPABILITY_COLUMNS]], ignore_index=True
    )
    groups = find_duplicate_assessments(combined)
    mine = groups.loc[groups["assessment_id"].isin(own), "duplicate_group"]
    members = groups[groups["duplicate_group"].isin(set(mine))]["assessment_id"]
    return [assessment_id for assessment_id in members if assessment_id not in own]


# --- starting points ----------------------------------------------------------------------------


def starting_points(session: pd.DataFrame) -> dict[str, str]:
    """Session id -> "Country year (round) · where it came from", for every assessment in the
    session a person may start from or edit. The fictional demo is left out: what is entered
    here is a real assessment, and must not carry made-up levels into it."""
    if session.empty or "origin" not in session.columns:
        return {}
    real = session[session["origin"] != "demo"]
    labels = assessment_labels(real)
    origins = real.drop_duplicates("assessment_id").set_index("assessment_id")["origin"]
    return {
        assessment_id: f"{label} · {ORIGIN_LABELS.get(str(origins[assessment_id]), '')}"
        for assessment_id, label in labels.items()
    }


def start_from(
    capabilities: pd.DataFrame,
    enablers: pd.DataFrame,
    assessment_id: str,
    *,
    mode: StartMode,
    framework: Framework,
    label: str,
) -> Entry:
    """An entry started from one assessment of the frames.

    ``round``: a new assessment with its levels, evidence and confidence copied, and its
    country; when, round and assessed by are left for the person to set. ``edit``: the same
    assessment (same id), everything copied. ``label`` names it on the page. Raises
    ``KeyError`` when the frames do not hold that assessment.
    """
    rows = capabilities[capabilities["assessment_id"] == assessment_id]
    if rows.empty:
        raise KeyError(assessment_id)
    first = rows.iloc[0]
    answers = _answers(rows, "capability")
    enabler_answers = _answers(enablers[enablers["assessment_id"] == assessment_id], "enabler")
    base = Entry(
        new_assessment_id(),
        started_from=clean_line(label, 200),
        start_mode="round" if mode == "round" else "edit",
    )
    base = revise(
        base,
        framework,
        meta={"country": first["country"], "iso3": first["iso3"]},
        capabilities=answers,
        enablers=enabler_answers,
    )
    if mode != "edit":
        return base
    when = first["date"] if pd.notna(first["date"]) else first["year"]
    edited = revise(
        base,
        framework,
        meta={"when": when, "round": first["round"], "assessed_by": first["assessed_by"]},
    )
    return replace(edited, assessment_id=str(assessment_id))


def _answers(rows: pd.DataFrame, kind: Kind) -> dict[int, Answer]:
    answers = {}
    for row in rows.itertuples(index=False):
        number = getattr(row, kind)
        if pd.isna(number):
            continue
        answers[int(number)] = Answer(
            level=None if pd.isna(row.level) else row.level,
            evidence=clean_evidence(row.evidence),
            confidence=None if pd.isna(row.confidence) else str(row.confidence),
        )
    return answers


# --- the stored form ----------------------------------------------------------------------------


def to_payload(entry: Entry) -> dict[str, Any]:
    """The entry as plain JSON data (what a draft stores)."""
    return {
        "format": PAYLOAD_FORMAT,
        "assessment_id": entry.assessment_id,
        **{name: getattr(entry, name) for name in META_FIELDS},
        "capabilities": _answers_payload(entry.capabilities),
        "enablers": _answers_payload(entry.enablers),
        "started_from": entry.started_from,
        "start_mode": entry.start_mode,
    }


def _answers_payload(answers: Mapping[int, Answer]) -> dict[str, dict[str, Any]]:
    return {
        str(number): {
            "level": answer.level,
            "evidence": answer.evidence,
            "confidence": answer.confidence,
        }
        for number, answer in sorted(answers.items())
    }


def entry_from_payload(data: object, framework: Framework) -> Entry:
    """An entry from its stored form, every value cleaned again (it may come from an app with
    another framework or scale: what no longer fits is left out, never guessed).

    Raises ``DraftFormatError`` for data that is not a draft this app can read.
    """
    if not isinstance(data, Mapping):
        raise DraftFormatError("the stored draft is not a table of values")
    if data.get("format") != PAYLOAD_FORMAT:
        raise DraftFormatError(f"the stored draft has format {data.get('format')!r}")
    assessment_id = data.get("assessment_id")
    if not isinstance(assessment_id, str) or not assessment_id.strip():
        raise DraftFormatError("the stored draft has no assessment id")
    mode = data.get("start_mode")
    entry = Entry(
        clean_line(assessment_id, 80),
        started_from=clean_line(data.get("started_from"), 200),
        start_mode=mode if mode in START_MODES else "blank",
    )
    return revise(
        entry,
        framework,
        meta={name: data.get(name) for name in META_FIELDS},
        capabilities=_answers_from_payload(data.get("capabilities")),
        enablers=_answers_from_payload(data.get("enablers")),
    )


def _answers_from_payload(raw: object) -> dict[int, Answer]:
    if not isinstance(raw, Mapping):
        return {}
    answers = {}
    for key, value in raw.items():
        if not str(key).isdigit() or not isinstance(value, Mapping):
            continue
        confidence = value.get("confidence")
        answers[int(key)] = Answer(
            level=value.get("level"),
            evidence=value.get("evidence") if isinstance(value.get("evidence"), str) else "",
            confidence=confidence if isinstance(confidence, str) else None,
        )
    return answers
