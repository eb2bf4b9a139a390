"""Reading what people type into a spreadsheet: headers, capabilities, levels, dates.

Everything here is forgiving about spelling (case, punctuation, "&" for "and", extra spaces,
small typos) but never guesses: a value that could mean two things, or nothing known, comes back
as such, with the closest candidates, so the reader can report it instead of inventing data.

The functions take plain cell values (``str``, numbers, dates, ``None``) and return small
frozen results; they know nothing about cells or files, which the workbook reader adds.
"""

from __future__ import annotations

import datetime
import difflib
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Literal

from components.base.text import normalise
from components.framework.model import Framework, Scale

# A title is taken as a typo of another only when it is this similar (difflib ratio on the
# normalised strings). 0.85 accepts one or two wrong letters in a short title ("Leadersip")
# but not a different capability that shares words ("Child Hotline" vs "Child Helpline", 0.81).
FUZZY_THRESHOLD = 0.85
# Two candidates closer than this to each other are ambiguous: the reader must not pick one.
AMBIGUITY_MARGIN = 0.05
# Words that carry no meaning when comparing titles by their words.
_STOP_WORDS = frozenset({"and", "of", "the", "to", "for", "on", "in", "a", "an", "with"})

Field = Literal[
    "number",
    "capability",
    "enabler",
    "domain",
    "description",
    "level",
    "evidence",
    "confidence",
    "country",
    "iso3",
    "year",
    "date",
    "when",
    "round",
    "assessed_by",
]

# Header and label wording people actually use, after `normalise` and with "(...)" removed.
_HEADER_SYNONYMS: Mapping[Field, tuple[str, ...]] = {
    "number": (
        "no",
        "nr",
        "num",
        "number",
        "capability no",
        "capability nr",
        "capability num",
        "capability number",
        "cap no",
        "enabler no",
        "enabler nr",
        "enabler number",
        "ref",
        "id",
        "capability id",
        "item no",
    ),
    "capability": (
        "capability",
        "capabilities",
        "capability title",
        "capability name",
        "mnr capability",
        "title",
    ),
    "enabler": (
        "enabler",
        "enablers",
        "enabler title",
        "enabler name",
        "cross cutting enabler",
        "cross cutting enablers",
    ),
    "domain": ("domain", "domain name", "pillar", "area", "theme"),
    "description": ("description", "capability description", "definition", "what it means"),
    "level": (
        "level",
        "score",
        "rating",
        "maturity",
        "maturity level",
        "maturity score",
        "current level",
        "assessed level",
        "assessment level",
        "stage",
        "grade",
    ),
    "evidence": (
        "evidence",
        "notes",
        "note",
        "comments",
        "comment",
        "remarks",
        "justification",
        "rationale",
        "explanation",
        "sources",
        "source of evidence",
    ),
    "confidence": ("confidence", "confidence level", "certainty"),
    "country": (
        "country",
        "country name",
        "nation",
        "jurisdiction",
        "member state",
        "state",
        "territory",
    ),
    "iso3": (
        "iso3",
        "iso",
        "iso 3",
        "iso3 code",
        "iso code",
        "iso alpha 3",
        "iso 3166",
        "country code",
    ),
    "year": ("year", "assessment year", "year of assessment", "yr"),
    "date": ("date", "assessment date", "date of assessment"),
    "when": ("date or year", "year or date", "date year", "year date", "when"),
    "round": ("round", "round label", "round name", "assessment round", "wave", "cycle", "phase"),
    "assessed_by": (
        "assessed by",
        "assessor",
        "assessors",
        "completed by",
        "filled in by",
        "prepared by",
        "respondent",
        "author",
    ),
}
_HEADER_LOOKUP: Mapping[str, Field] = {
    synonym: field for field, synonyms in _HEADER_SYNONYMS.items() for synonym in synonyms
}
_NUMBER_SIGNS = frozenset({"#", "№", "no.", "nº", "n°"})
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_EVIDENCE_WORDS = frozenset({"evidence", "notes", "comments", "comment", "remarks"})
_LEVEL_WORDS = ("level", "score", "rating", "maturity")

METADATA_FIELDS: frozenset[Field] = frozenset(
    {"country", "iso3", "year", "date", "when", "round", "assessed_by"}
)


def is_blank(value: Any) -> bool:
    """True for an empty cell: ``None``, empty or white-space text, or a float NaN."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, float) and math.isnan(value)


def classify_header(value: Any) -> Field | None:
    """Which column or label this header cell names, or ``None`` if it names none.

    ``"Capability no"``, ``"#"`` and ``"Number"`` are all the number column; ``"Score"``,
    ``"Rating"`` and ``"Maturity (0-4)"`` the level; ``"Notes"`` and ``"Comments"`` evidence.
    Only text is a header: a cell holding the number 7 is data.
    """
    if not isinstance(value, str):
        return None
    return _classify_header_text(value)


# Bounded: the keys are user text, and a long-running server must not grow without limit.
@lru_cache(maxsize=4096)
def _classify_header_text(text: str) -> Field | None:
    if text.strip().casefold() in _NUMBER_SIGNS:
        return "number"
    # "ISO3 code (optional)" and "Level [0-4]" are the same header as without the aside.
    key = normalise(_PARENTHESES.sub(" ", text))
    if not key:
        return None
    if key in _HEADER_LOOKUP:
        return _HEADER_LOOKUP[key]
    words = set(key.split())
    if len(words) > 6:
        return None  # a sentence (an instruction, a note) is not a header
    # Longer, reworded headers: decided by the word that carries the meaning. Confidence comes
    # first because "confidence level" also contains "level".
    if words & {"confidence", "certainty"}:
        return "confidence"
    if words & _EVIDENCE_WORDS:
        return "evidence"
    if key.startswith(_LEVEL_WORDS) and not re.search(r"\d{4}", key):
        return "level"
    return None


# --- capabilities and enablers ------------------------------------------------------------


@dataclass(frozen=True)
class Catalogue:
    """The numbered things a cell can refer to: the capabilities, or the enablers."""

    kind: Literal["capability", "enabler"]
    titles: Mapping[int, str]

    def describe(self, number: int) -> str:
        """``capability 7 (Access to Image Databases)``, as messages cite one."""
        return f"{self.kind} {number} ({self.titles[number]})"

    def __hash__(self) -> int:  # Mapping fields are not hashable; titles identify a catalogue.
        return hash((self.kind, tuple(self.titles.items())))


@cache
def capability_catalogue(framework: Framework) -> Catalogue:
    """The framework's capabilities as a catalogue to match cells against."""
    return Catalogue("capability", {c.number: c.title for c in framework.capabilities})


@cache
def enabler_catalogue(framework: Framework) -> Catalogue:
    """The framework's enablers as a catalogue to match cells against."""
    return Catalogue("enabler", {e.number: e.title for e in framework.enablers})


MatchHow = Literal["number", "title", "fuzzy", "ambiguous", "unknown", "conflict", "blank"]


@dataclass(frozen=True)
class ItemMatch:
    """How a cell matched a catalogue.

    ``number`` is set for ``number``, ``title`` and ``fuzzy`` (a fuzzy match must be reported
    as a warning naming what it was taken as). ``candidates`` are the closest numbers, best
    first, for ``ambiguous``/``unknown``/``conflict``. ``note`` explains a partial mismatch of
    a number-plus-title cell that was still taken by its number (report as a warning).
    ``other_kind`` is true when the cell explicitly names the other catalogue ("E3" in a
    capability column).
    """

    how: MatchHow
    number: int | None = None
    candidates: tuple[int, ...] = ()
    note: str = ""
    other_kind: bool = False

    @property
    def matched(self) -> bool:
        return self.number is not None


_PREFIXES: Mapping[str, str] = {
    "c": "capability",
    "cap": "capability",
    "capability": "capability",
    "e": "enabler",
    "en": "enabler",
    "enabler": "enabler",
}
# "7", "7.", "C7", "Capability 7", "cap. no 7", "#7", "7 · Access to Image Databases",
# "7 - Access...", "7) Access...". The number must end at a separator so "7th" is not 7.
_NUMBER_REF = re.compile(
    r"^(?:(?P<prefix>capability|cap|c|enabler|en|e)\s*\.?\s*(?:no\.?|nr\.?|number)?\s*)?"
    r"(?:no\.?\s*|#\s*)?(?P<num>\d+)(?:\.0+)?(?=$|[\s.:·\-–—)\]])[\s.:·\-–—)\]]*(?P<rest>.*)$",
    re.IGNORECASE,
)


def match_item(value: Any, catalogue: Catalogue) -> ItemMatch:
    """Match a cell to a capability (or enabler) by number or by title; never guess.

    Numbers: ``7``, ``7.0``, ``"7"``, ``"7."``, ``"Capability 7"``, ``"C7"``. Titles: exact after
    normalising case, punctuation, "&" and spaces; then small spelling differences (a
    ``fuzzy`` match) or a unique shortened title ("Image databases"); two close candidates
    are ``ambiguous``.
    """
    if is_blank(value):
        return ItemMatch("blank")
    if isinstance(value, bool):
        return ItemMatch("unknown")
    if isinstance(value, int | float):
        if isinstance(value, float) and not value.is_integer():
            return ItemMatch("unknown")
        number = int(value)
        if number in catalogue.titles:
            return ItemMatch("number", number)
        return ItemMatch("unknown", candidates=_nearest_numbers(number, catalogue))
    if not isinstance(value, str):
        return ItemMatch("unknown")
    return _match_text(" ".join(value.split()), catalogue)


@lru_cache(maxsize=4096)
def _match_text(text: str, catalogue: Catalogue) -> ItemMatch:
    reference = _NUMBER_REF.match(text)
    if reference:
        prefix = (reference.group("prefix") or "").casefold()
        if prefix and _PREFIXES[prefix] != catalogue.kind:
            return ItemMatch("unknown", other_kind=True)
        number = int(reference.group("num"))
        rest = reference.group("rest").strip()
        if number not in catalogue.titles:
            return ItemMatch("unknown", candidates=_nearest_numbers(number, catalogue))
        return _check_number_and_title(number, rest, catalogue)
    return _match_title(normalise(text), catalogue)


def _check_number_and_title(number: int, rest: str, catalogue: Catalogue) -> ItemMatch:
    """A cell such as "7 · Access to image databases": the number must agree with the title."""
    if not normalise(rest):
        return ItemMatch("number", number)
    by_title = _match_title(normalise(rest), catalogue)
    if by_title.number == number:
        return ItemMatch("number", number)
    if by_title.how == "title" and by_title.number is not None:
        # The number says one thing and the title, exactly, another: do not pick one.
        return ItemMatch("conflict", candidates=(number, by_title.number))
    return ItemMatch(
        "number",
        number,
        note=f"the text after the number does not match its title “{catalogue.titles[number]}”",
    )


def _match_title(key: str, catalogue: Catalogue) -> ItemMatch:
    if not key:
        return ItemMatch("unknown")
    exact = _normalised_titles(catalogue)
    if key in exact:
        return ItemMatch("title", exact[key])
    scored = sorted(
        ((difflib.SequenceMatcher(None, key, title).ratio(), n) for title, n in exact.items()),
        key=lambda pair: (-pair[0], pair[1]),
    )
    closest = tuple(n for _, n in scored[:3])
    best_ratio, best = scored[0]
    if best_ratio >= FUZZY_THRESHOLD:
        if len(scored) > 1 and scored[1][0] >= best_ratio - AMBIGUITY_MARGIN:
            return ItemMatch("ambiguous", candidates=closest[:2])
        return ItemMatch("fuzzy", best, candidates=closest)
    # A shortened title ("Image databases", "Offender management") names a capability when
    # its words belong to exactly one title.
    words = set(key.split()) - _STOP_WORDS
    if words and sum(len(w) for w in words) >= 4:
        containing = tuple(
            n for title, n in exact.items() if words <= set(title.split()) - _STOP_WORDS
        )
        if len(containing) == 1:
            return ItemMatch("fuzzy", containing[0], candidates=containing)
        if len(containing) > 1:
            return ItemMatch("ambiguous", candidates=tuple(sorted(containing)))
    return ItemMatch("unknown", candidates=closest)


@cache
def _normalised_titles(catalogue: Catalogue) -> Mapping[str, int]:
    return {normalise(title): number for number, title in catalogue.titles.items()}


def _nearest_numbers(number: int, catalogue: Catalogue) -> tuple[int, ...]:
    return tuple(sorted(catalogue.titles, key=lambda n: (abs(n - number), n))[:2])


def match_any(value: Any, primary: Catalogue, secondary: Catalogue) -> tuple[Catalogue, ItemMatch]:
    """Match against ``primary``; use ``secondary`` only when the cell explicitly names it.

    A capability column may hold "E3" or an enabler's exact title; plain numbers always stay
    with ``primary`` (7 is capability 7, never enabler 7).
    """
    first = match_item(value, primary)
    if first.matched or first.how in ("blank", "conflict"):
        return primary, first
    second = match_item(value, secondary)
    if first.other_kind or second.how == "title":
        return secondary, second
    return primary, first


def exact_reference(value: Any, catalogue: Catalogue) -> int | None:
    """The number a cell names without any doubt (number or exact title), else ``None``.

    Used to recognise a table's shape, so it is cheap (no fuzzy matching) and strict: a typo
    must not make a data cell look like a key.
    """
    if is_blank(value) or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if float(value).is_integer() and int(value) in catalogue.titles:
            return int(value)
        return None
    if not isinstance(value, str):
        return None
    return _exact_text(" ".join(value.split()), catalogue)


@lru_cache(maxsize=16384)
def _exact_text(text: str, catalogue: Catalogue) -> int | None:
    reference = _NUMBER_REF.match(text)
    if reference:
        prefix = (reference.group("prefix") or "").casefold()
        number = int(reference.group("num"))
        if (prefix and _PREFIXES[prefix] != catalogue.kind) or number not in catalogue.titles:
            return None
        rest = normalise(reference.group("rest"))
        return number if rest in ("", normalise(catalogue.titles[number])) else None
    return _normalised_titles(catalogue).get(normalise(text))


# --- levels, confidence, dates ------------------------------------------------------------


@dataclass(frozen=True)
class LevelReading:
    """A level cell read against the scale.

    ``error`` set: the value cannot be used (``level`` is ``None``). ``warning`` set: ``level``
    was used with the assumption the warning states. Neither: ``level`` is the value, or
    ``None`` for not assessed.
    """

    level: int | None = None
    error: str = ""
    warning: str = ""


_NOT_ASSESSED = frozenset({"n a", "na", "not assessed", "not applicable", "not rated"})
_EXCEL_ERRORS = frozenset(
    {"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"}
)
_DASHES = frozenset({"-", "--", "–", "—", "/"})
_LEVEL_TEXT = re.compile(
    r"^(?:level\s*)?(?P<num>[+-]?\d+(?:\.\d*)?)\s*(?:[-–—:.)(]\s*(?P<label>.*?)\)?)?\s*$",
    re.IGNORECASE,
)


def parse_level(value: Any, scale: Scale) -> LevelReading:
    """Read a level: ``2``, ``2.0``, ``"2"``, ``"2 - Developing"``, ``"developing "``, any case.

    Blank, ``"n/a"``, ``"-"`` and ``"not assessed"`` mean not assessed. Out of range, not a
    whole number, or unreadable is an error: the value is not used, never rounded or guessed.
    """
    if is_blank(value):
        return LevelReading()
    if isinstance(value, bool):
        return LevelReading(error=f"“{value}” is not a level")
    if isinstance(value, int | float):
        return _level_from_number(value, scale, str(value))
    if not isinstance(value, str):
        return LevelReading(error=f"“{value}” is not a level")
    text = " ".join(value.split())
    if text.upper() in _EXCEL_ERRORS:
        # A formula that failed (its cached result is an error): "#N/A" is not "n/a".
        return LevelReading(error=f"“{text}” is an Excel error value, not a level")
    key = normalise(text)
    if text in _DASHES or key in _NOT_ASSESSED:
        return LevelReading()
    labels = {normalise(level.label): level.value for level in scale.levels}
    if key in labels:
        return LevelReading(labels[key])
    found = _LEVEL_TEXT.match(text)
    if not found:
        return LevelReading(error=f"“{text}” is not a level on the scale")
    reading = _level_from_number(float(found.group("num")), scale, text)
    label = normalise(found.group("label") or "")
    if reading.level is None or not label:
        return reading
    own = normalise(scale.level(reading.level).label)
    if label == own:
        return reading
    if label in labels:
        return LevelReading(
            error=f"“{text}” gives the number {reading.level} but the label of level "
            f"{labels[label]}"
        )
    return LevelReading(
        reading.level,
        warning=f"“{text}”: the words after the number do not match the label "
        f"“{scale.level(reading.level).label}”; the number {reading.level} was used",
    )


def _level_from_number(number: float, scale: Scale, shown: str) -> LevelReading:
    if isinstance(number, float) and not number.is_integer():
        return LevelReading(error=f"“{shown}” is not a whole number")
    if int(number) not in scale.values:
        return LevelReading(
            error=f"“{shown}” is outside the scale ({scale.minimum} to {scale.maximum})"
        )
    return LevelReading(int(number))


def level_choices(scale: Scale) -> str:
    """The valid level entries, as a fix message lists them."""
    return ", ".join(f"{level.value} - {level.label}" for level in scale.levels)


CONFIDENCE_VALUES = ("low", "medium", "high")


def parse_confidence(value: Any) -> tuple[str | None, bool]:
    """``("medium", True)`` for "Medium " or "med"; ``(None, True)`` for blank; ``(None, False)``
    for anything else (the caller warns and drops it)."""
    if is_blank(value):
        return None, True
    key = normalise(str(value))
    if key in CONFIDENCE_VALUES:
        return key, True
    if key == "med":
        return "medium", True
    return None, False


@dataclass(frozen=True)
class When:
    """When an assessment was made: a year, and a full date when one was given.

    ``note`` set: the value was partly unreadable; it states what was kept (report a warning).
    """

    year: int | None = None
    date: datetime.date | None = None
    note: str = ""


_YEAR_RANGE = range(1900, 2101)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T][\d:.]*)?$")
_YEAR_TOKEN = re.compile(r"(?<!\d)(19\d{2}|20\d{2}|2100)(?!\d)")


def parse_when(value: Any) -> When:
    """Read a year (``2023``, ``"2023"``) or a date (a date cell, ``"2023-05-01"``).

    Any other text holding one plausible year keeps that year and says so; text with no year
    is unreadable (``note`` set, nothing kept).
    """
    if is_blank(value):
        return When()
    if isinstance(value, datetime.datetime):
        return When(value.year, value.date())
    if isinstance(value, datetime.date):
        return When(value.year, value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and int(value) in _YEAR_RANGE:
            return When(int(value))
        return When(note=f"“{value}” is not a year")
    text = " ".join(str(value).split())
    if re.fullmatch(r"\d{4}(?:\.0+)?", text) and int(text[:4]) in _YEAR_RANGE:
        return When(int(text[:4]))
    iso = _ISO_DATE.match(text)
    if iso:
        try:
            day = datetime.date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return When(note=f"“{text}” is not a real date")
        return When(day.year, day)
    years = set(_YEAR_TOKEN.findall(text))
    if len(years) == 1:
        year = int(years.pop())
        return When(
            year, note=f"“{text}” is not a date in the form YYYY-MM-DD; the year {year} was used"
        )
    return When(note=f"“{text}” is not a year or a date")


def parse_iso3(value: Any) -> str | None:
    """An ISO 3166 alpha-3 code in capitals, or ``None`` when the value is not one."""
    if is_blank(value):
        return None
    text = str(value).strip().upper()
    return text if re.fullmatch(r"[A-Z]{3}", text) else None


_HEADER_YEAR = re.compile(
    r"^(?P<country>.*?)[\s,(\[–—-]*\b(?P<when>\d{4}-\d{1,2}-\d{1,2}|19\d{2}|20\d{2})\b[)\]]?"
    r"[\s,)\]–—:-]*(?P<round>.*)$"
)


def split_assessment_header(value: Any) -> tuple[str, str | None, str | None]:
    """Split a wide table's column header: ``"Kenya 2023 baseline"`` -> country, when, round.

    A header without a year or date is all country; the caller reads ``when`` with
    ``parse_when``.
    """
    text = " ".join(str(value).split())
    found = _HEADER_YEAR.match(text)
    if not found or not found.group("country").strip(" -–—,("):
        return text, None, None
    country = found.group("country").strip(" -–—,(")
    round_label = found.group("round").strip(" -–—,()") or None
    return country, found.group("when"), round_label
