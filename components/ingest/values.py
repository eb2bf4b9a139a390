"""Reading the values people type into cells: levels, confidence, dates and years, ISO codes.

Forgiving about form (case, stray and non-breaking spaces, full-width digits, "2/4", "Niveau 2",
"2,0", a date cell or "2024-03-31") but never guessing: a value that could mean two things
("2-3", "2.5") or nothing known is an error that says so, and the caller reports it with a fix.
"""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from components.base.text import normalise
from components.framework.model import Scale
from components.ingest.calendars import date_note, other_calendar_header, year_note
from components.ingest.confidence_words import CONFIDENCE_WORDS
from components.ingest.countries import without_marks
from components.ingest.earlier_level import earlier_level
from components.ingest.error_cells import error_fix, error_kind, formula_error
from components.ingest.level_cells import several_levels, whole_cell
from components.ingest.level_dates import date_as_level
from components.ingest.level_descriptors import as_number_first, described_level, label_then_words
from components.ingest.level_marks import reason_after_not_assessed, unwrapped, without_keycaps
from components.ingest.level_phrases import unclear_phrase
from components.ingest.level_sentences import worded_level
from components.ingest.level_slips import slipped_level
from components.ingest.level_units import level_with_unit
from components.ingest.level_words import (
    level_names,
    misread_number,
    numbered_level_names,
    spelt_number,
    typo_level,
    without_fillers,
)
from components.ingest.periods import find_period, whole_period
from components.ingest.script_digits import ascii_digits
from components.ingest.vocabulary import Vocabulary, default_vocabulary, key_of


def is_blank(value: Any) -> bool:
    """True for an empty cell: ``None``, empty or white-space text, or a float NaN."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, float) and math.isnan(value)


@lru_cache(maxsize=16384)  # pure, once per distinct text (bounded: user text), not per call
def plain_text(value: str) -> str:
    """Text as typed, made comparable: NFKC, other scripts' digits in ASCII, spaces collapsed."""
    return " ".join(ascii_digits(unicodedata.normalize("NFKC", value)).split())


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
    # What the person should do about the warning, when "use a level of the scale" is not it.
    fix: str = ""
    once: bool = False  # the warning holds for the column: said once per assessment


_UNIT_FIX = "Write the level alone, without a unit such as “pts” or “points”."
_DASHES = frozenset({"-", "--", "---", "–", "—", "/"})  # "---": CommCare's not asked
# "?" means "we do not know": not assessed, like a dash (normalising would leave nothing of it).
_UNKNOWN_MARK = re.compile(r"\?+")
_NUMBER = r"[+-]?\d+(?:[.,]\d*)?"
# Between a level's number and its label: "2 - Developing", "2: Developing", "2 (Developing)",
# and the app's own pickers' "2 · Developing" (also "2 • Developing", "2 | Developing").
_LEVEL_TEXT = re.compile(
    rf"^(?P<num>{_NUMBER})\s*(?:[-–—:.)(·•∙|=]\s*(?P<label>[^\d\s].*?)\)?)?\s*$", re.IGNORECASE
)
# "3 Established", "3⏎Established" (a line break reads as a space): read only when the words
# are the number's own label, as nothing but a space sets them apart ("3 years" is no level).
_LEVEL_SPACED = re.compile(rf"^(?P<num>{_NUMBER})\s+(?P<label>[^\d\s].*)$")
# "(2) Developing", "(2)": the number in brackets first.
_BRACKETED_FIRST = re.compile(rf"^\(\s*(?P<num>{_NUMBER})\s*\)\s*(?P<rest>.*)$")
_LABEL_FIRST = re.compile(
    rf"^(?P<label>[^\d()]+?)\s*(?:\((?P<num>{_NUMBER})\)|[-–—:·]\s*(?P<num2>{_NUMBER}))$"
)
_RANGE = re.compile(rf"^(?P<a>{_NUMBER})\s*(?:-|–|—|to|or|/|à|a|ou|o)\s*(?P<b>{_NUMBER})$")
_REMARK_AFTER = re.compile(r"^(\d+)(?:,|\s+/)\s+(?=[^\d\s])")
_FRACTION = re.compile(rf"^(?P<num>{_NUMBER})\s*/\s*(?P<top>{_NUMBER})$")


def parse_level(value: Any, scale: Scale, vocabulary: Vocabulary | None = None) -> LevelReading:
    """Read a level in the forms people write one.

    2, 2.0, "2", "2,0", "２", "2 - Developing", "developing ", "Level 2", "Niveau 2", "L2",
    "2/4", "2 of 4", "2 sur 4", "2 · Developing" (as the app's pickers show a level), "2 =
    Developing", "(2) Developing", "2 Developing" (a space or a line break alone: only with
    the number's own label), "Level two", "Not yet in place", and a label with a small typo
    ("Devloping": with a warning; see ``level_words``). Blank, "n/a", "-", "?", "TBC" and "not
    assessed" (in the vocabulary's languages) mean not assessed. A range ("2-3"), a fraction
    of another scale ("2/5"), a number out of range or not whole, or unreadable text is an
    error: the value is not used, never rounded or guessed. Text is read once per scale.
    """
    if isinstance(value, str) and vocabulary is None:
        return _text_level(value, scale)
    return _parse_level(value, scale, vocabulary)


@lru_cache(maxsize=8192)  # bounded: the keys are user text
def _text_level(value: str, scale: Scale) -> LevelReading:
    return _parse_level(value, scale, None)


def _parse_level(value: Any, scale: Scale, vocabulary: Vocabulary | None) -> LevelReading:
    vocabulary = vocabulary or default_vocabulary()
    if is_blank(value):
        return LevelReading()
    if isinstance(value, bool):
        return LevelReading(error=f"“{value}” is not a level")
    if isinstance(value, int | float):
        return _level_from_number(value, scale, _shown(value))
    if not isinstance(value, str):  # a date Excel made of "3/4": see ``level_dates``
        return LevelReading(*date_as_level(value, scale))
    value = without_keycaps(value)  # "3️⃣" as "③": the digit itself
    whole = whole_cell(value, scale)  # "☐ 0 ☐ 1 ☒ 2", a descriptor: see ``level_cells``
    if whole is not None:
        return LevelReading(*whole)
    around = unwrapped(value)
    if around is not None:  # '"3"', "🟢 3 - Established", "3*": see ``level_marks``
        reading = _level_inside(value, around, scale, vocabulary)
        if reading is not None:
            return reading
    text = plain_text(value)
    if (shown := formula_error(text)) is not None:
        # A formula that failed (its cached result is an error): "#N/A" is not "n/a".
        return LevelReading(error=f"“{text}” is {error_kind(shown)}, not a level", fix=error_fix())
    key = normalise(text)
    if text in _DASHES or _UNKNOWN_MARK.fullmatch(text) or key in vocabulary.not_assessed:
        return LevelReading()
    if text.endswith("%"):
        return LevelReading(error=f"“{text}” is a percentage, not a level")
    labels = level_names(scale)
    # Its label, or with a word that stresses it ("Not yet in place"), or after its number
    # ("3 - Established": the template's own way, the common case).
    exact = labels.get(key, labels.get(without_fillers(key)))
    if exact is not None or (text[:1].isdigit() and key in numbered_level_names(scale)):
        return LevelReading(exact if exact is not None else numbered_level_names(scale)[key])
    reading = _level_from_words(text, key, scale, vocabulary, labels)
    reason = reason_after_not_assessed(text, vocabulary.not_assessed) if reading.error else None
    if reason is not None and parse_level(reason[1], scale, vocabulary).level is None:
        return LevelReading(
            warning=f"“{text}” was read as not assessed (“{reason[0]}”); the words after it "
            "were not kept",
            fix="Leave the level blank (or write “not assessed”) and give the reason in the "
            "Evidence column.",
        )
    return reading


def _level_inside(
    value: str, around: tuple[str, str, bool], scale: Scale, vocabulary: Vocabulary
) -> LevelReading | None:
    """The level inside quotes, pictographs or footnote marks, with a warning saying what was
    left out; ``None`` when what is inside is no level either (the caller reports the cell)."""
    inner, taken, quietly = around
    reading = parse_level(inner, scale, vocabulary)
    if reading.error:
        return None
    if reading.level is None or quietly:
        return reading
    label = scale.level(reading.level).label
    said = f"; {reading.warning}" if reading.warning else ""
    typed = " ".join(value.split())  # as typed: folding "3¹" would show "31"
    return LevelReading(
        reading.level,
        warning=f"“{typed}” was read as level {reading.level} (“{label}”) without {taken}{said}",
    )


def _level_from_words(
    text: str, key: str, scale: Scale, vocabulary: Vocabulary, labels: dict[str, int]
) -> LevelReading:
    """A level written with words around its number or label, or a label misspelt."""
    if (unit := level_with_unit(text, scale)) is not None:  # "3 pts": see ``level_units``
        return LevelReading(unit[0], warning=unit[1], fix=_UNIT_FIX, once=True)
    named = _LABEL_FIRST.match(text)
    if named and normalise(named["label"]) in labels:
        # "Established (3)", "Established - 3": the label, then its number; they must agree.
        level = labels[normalise(named["label"])]
        number = named["num"] or named["num2"]
        if _number(number) == level:
            return LevelReading(level)
        return LevelReading(
            error=f"“{text}” gives the label of level {level} but the number {number}"
        )
    described = label_then_words(text, scale, labels)
    if described is not None:
        # Two levels named ("Mature (2021: Developing)"): read only when one came before.
        two = described[1] == "other label"
        earlier = two and earlier_level(text, lambda entry: parse_level(entry, scale, vocabulary))
        if earlier:
            return LevelReading(*earlier, once=True)
        return LevelReading(*described_level(text, scale, *described))
    bare = as_number_first(named, vocabulary.not_assessed) or _without_level_word(text, vocabulary)
    reading = _level_from_text(bare, text, scale, vocabulary, labels)
    if reading.error and (slip := slipped_level(text, key, scale, labels, vocabulary.not_assessed)):
        return LevelReading(*slip)  # "Devloping", "Develop", "Estab1ished": see ``level_slips``
    if reading.error or reading.warning:  # "3 (JK) / 2 (MW)", "JK: 3, MW: 2", "4 (2021: 3)"
        one = lambda entry: parse_level(entry, scale, vocabulary)  # noqa: E731
        if several := several_levels(text, one):
            return LevelReading(*several)
        earlier = earlier_level(text, one)  # said once per assessment and column
        if earlier:
            return LevelReading(*earlier, once=True)
        said = reading.error and worded_level(text, scale, vocabulary.level_words, labels, one)
        return LevelReading(*said) if said else reading  # see ``level_sentences``
    return reading


def _typo_warning(text: str, level: int, scale: Scale) -> str:
    return (
        f"“{text}” is not on the scale as written; it was read as level {level} "
        f"(“{scale.level(level).label}”), the only label it is close to"
    )


def _label_level(
    label: str, labels: dict[str, int], vocabulary: Vocabulary
) -> tuple[int | None, bool]:
    """The level a label (normalised) names, and whether it was read as a typo of it."""
    if label in labels:
        return labels[label], False
    if without_fillers(label) in labels:
        return labels[without_fillers(label)], False
    typo = typo_level(label, labels, vocabulary.not_assessed)
    return typo, typo is not None


def _level_from_text(
    bare: str, text: str, scale: Scale, vocabulary: Vocabulary, labels: dict[str, int]
) -> LevelReading:
    compact = bare.replace(" ", "")
    fraction = _FRACTION.match(compact) or _out_of(bare, vocabulary)
    if fraction:
        top = _number(fraction.group("top"))
        if top != scale.maximum:
            return LevelReading(
                error=f"“{text}” is on a scale to {_shown(top)}, not this one "
                f"({scale.minimum} to {scale.maximum})"
            )
        return _level_from_number(_number(fraction.group("num")), scale, text)
    if _RANGE.match(bare):
        return LevelReading(error=f"“{text}” is a range, not one level")
    # "4, because funding lapsed", "0 / pilot only": a remark after a comma or a slash.
    bare = _REMARK_AFTER.sub(r"\1 - ", bare)
    bracketed = _BRACKETED_FIRST.match(bare)
    if bracketed:
        bare = (
            f"{bracketed['num']} - {bracketed['rest']}" if bracketed["rest"] else bracketed["num"]
        )
    found = _LEVEL_TEXT.match(bare)
    spaced = None if found else _LEVEL_SPACED.match(bare)
    if not found and not spaced:
        if hint := misread_number(text, scale.minimum, scale.maximum) or unclear_phrase(
            text, scale
        ):  # "En cours": see ``level_phrases``
            return LevelReading(error=hint[0], fix=hint[1])
        return LevelReading(error=f"“{text}” is not a level on the scale")
    found = found or spaced
    reading = _level_from_number(_number(found.group("num")), scale, text)
    label = normalise(found.group("label") or "")
    if reading.level is None or not label:
        return reading
    named, typo = _label_level(label, labels, vocabulary)
    if named == reading.level:  # its own label, or the label in another language
        if typo:
            return LevelReading(reading.level, warning=_typo_warning(text, named, scale))
        return reading
    described = label_then_words(found.group("label"), scale, labels)
    if described is not None and described[0] == reading.level:
        # "3 – Established: in place nationally…", "3 – Established (policy adopted)"
        return LevelReading(*described_level(text, scale, *described))
    # "3 – Mature (sustained)": another level's label, then words
    named = described[0] if named is None and described is not None else named
    if named is not None:
        close = "words close to " if typo else ""
        return LevelReading(
            error=f"“{text}” gives the number {reading.level} but {close}the label of level {named}"
        )
    if spaced:
        return LevelReading(error=f"“{text}” is not a level on the scale")
    return LevelReading(
        reading.level,
        warning=f"“{text}”: the words after the number do not match the label "
        f"“{scale.level(reading.level).label}”; the number {reading.level} was used",
    )


def _without_level_word(text: str, vocabulary: Vocabulary) -> str:
    """ "Level 2" -> "2", "Niveau: 3" -> "3", "L2" -> "2", "level_2" (a survey form's choice
    name) -> "2"; other text unchanged."""
    lowered = _folded(text)
    for word in vocabulary.level_words:
        if lowered.startswith(word):
            rest = text[len(word) :].lstrip(" .:#-–_")
            if rest[:1].isdigit():
                return rest
            # "Level two", "Nível dois"; a word, not the start of one ("none" is not "n one")
            if text[len(word) : len(word) + 1] in " .:#-–_" and spelt_number(rest):
                return spelt_number(rest) or text
    return text


def _folded(text: str) -> str:
    """Lower case without accents, letter for letter ("Nível" -> "nivel")."""
    folded = "".join(unicodedata.normalize("NFD", ch)[0] for ch in text).lower()
    return folded if len(folded) == len(text) else text.casefold()


def _out_of(text: str, vocabulary: Vocabulary) -> re.Match[str] | None:
    for word in vocabulary.out_of:
        # "3 of 5", "3 sur 5", "3 (of 5)", "3 pts of 5"
        pattern = rf"^(?P<num>{_NUMBER})\s*\(?\s*(?:(?:pts?|points?)\.?\s+)?{re.escape(word)}"
        if found := re.match(rf"{pattern}\s+(?P<top>{_NUMBER})\s*\)?$", text, re.IGNORECASE):
            return found
    return None


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _shown(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


# A float within this of a whole number is that number: 0.9999999999999998 and
# 3.0000000000000004 are what a formula's arithmetic leaves (Excel shows both whole), while
# 2.99999 or 2.5 were written so and stay refused. Relative to the number, and never less
# than the absolute part, so that 1 and 3 are judged alike.
_WHOLE_TOLERANCE = 1e-9


def _level_from_number(number: float, scale: Scale, shown: str) -> LevelReading:
    if isinstance(number, float) and not number.is_integer():
        nearest = round(number) if math.isfinite(number) else 0
        if not math.isfinite(number) or abs(number - nearest) > _WHOLE_TOLERANCE * max(
            1.0, abs(number)
        ):
            return LevelReading(error=f"“{shown}” is not a whole number")
        number, shown = nearest, str(nearest)
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
    """``("medium", True)`` for "Medium " or "med" (or "moyenne", "sedang": ``confidence_words``);
    ``(None, True)`` for blank; ``(None, False)`` for anything else (the caller warns)."""
    if is_blank(value):
        return None, True
    found = CONFIDENCE_WORDS.get(normalise(str(value)))
    return (found, True) if found else (None, False)


@dataclass(frozen=True)
class When:
    """When an assessment was made: a year, and a full date when one was given.

    ``note`` set: the value was not a plain year or date. With ``year`` set the note says
    which year the value holds ("... but holds the year 2023"); without, why none was read.
    It is a clause the caller completes with what it did ("; it was used."), so it does not
    say that itself.
    """

    year: int | None = None
    date: datetime.date | None = None
    note: str = ""
    # A quarter or half of the year ("Q1 2024": "Q1"): the round of the assessment.
    round: str | None = None


YEAR_RANGE = range(1900, 2101)
# A date, then maybe a time as forms and exports add it ("2023/05/12 10:15:32 AM GMT+1").
_ISO_DATE = re.compile(
    r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T][\d:.]+(?:\s*[AP]M)?(?:\s*\S+)?)?$", re.IGNORECASE
)
_DAY_FIRST = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
YEAR_TOKEN = re.compile(r"(?<!\d)(19\d{2}|20\d{2}|2100)(?!\d)")
# Two years written as one period: "2023/24", "2023-2024", "FY2023/24", "2023 – 24".
_YEAR_SPAN = re.compile(r"^(?:FY\s*)?(\d{4})\s*[/–—-]\s*(\d{4}|\d{2})$", re.IGNORECASE)


def parse_when(value: Any) -> When:
    """Read a year (``2023``, ``"2023"``) or a date (a date cell, ``"2023-05-01"``).

    Any other text holding one plausible year keeps that year and says so; text with no year
    is unreadable (``note`` set, nothing kept).
    """
    if is_blank(value):
        return When()
    if isinstance(value, datetime.date):  # a date cell (a datetime is a date too)
        day = value.date() if isinstance(value, datetime.datetime) else value
        return When(day.year, day) if day.year in YEAR_RANGE else When(note=date_note(day))
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and int(value) in YEAR_RANGE:
            return When(int(value))
        return _excel_serial(value) or When(note=year_note(value))
    text = plain_text(str(value))
    if re.fullmatch(r"\d{5}", text) and (serial := _excel_serial(int(text))):
        return serial
    if re.fullmatch(r"\d{4}(?:\.0+)?", text) and int(text[:4]) in YEAR_RANGE:
        return When(int(text[:4]))
    span = _year_span(text)
    if span is not None:
        return span
    iso = _ISO_DATE.match(text)
    if iso:
        try:
            day = datetime.date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return When(note=f"“{text}” is not a real date")
        outside = year_note(text, "is a date outside the years 1900 to 2100")
        return When(day.year, day) if day.year in YEAR_RANGE else When(note=outside)
    period = _period(text)
    if period is not None:
        return period
    years = set(YEAR_TOKEN.findall(text))
    if len(years) == 1:
        year = int(years.pop())
        return When(
            year, note=f"“{text}” is not a date in the form YYYY-MM-DD but holds the year {year}"
        )
    return When(note=year_note(text, "is not a year or a date"))


def _period(text: str) -> When | None:
    """A quarter or half ("Q1 2024": the year and the round Q1) or a month with a two-digit
    year ("Mar-22"), each with a note; ``None`` for anything else ("May 2023" is read as any
    text holding a year)."""
    period = whole_period(text)
    if period is not None and period.round:
        note = f"“{text}” is a part of the year {period.year}, read as that year and {period.round}"
        return When(period.year, note=note, round=period.round)
    if period is not None and period.two_digit_year:
        # Excel's month and year: no four digits for the year to be found by.
        return When(period.year, note=f"“{text}” is a month, read as the year {period.year}")
    return None


def _year_span(text: str) -> When | None:
    """ "2023/24", "2023-2024", "FY2023/24": a period over two years, read as its first year
    (with a note). Two years further apart ("2019-2023") are a range: no year (with a note).
    ``None`` when the text is not two years ("2023-05" is a month; the caller reads it)."""
    found = _YEAR_SPAN.match(text)
    if not found or int(found[1]) not in YEAR_RANGE:
        return None
    first, end = int(found[1]), found[2]
    if len(end) == 2:
        if int(end) != (first + 1) % 100:
            # "2023-05": a year and a month (left to the caller); "2019-22": a range.
            return None if 1 <= int(end) <= 12 else _year_range(text)
        return When(first, note=f"“{text}” spans two years, of which the first is {first}")
    if int(end) == first + 1:
        return When(first, note=f"“{text}” spans two years, of which the first is {first}")
    return _year_range(text)


def _year_range(text: str) -> When:
    return When(note=f"“{text}” is a range of years, not the year the assessment was made")


# Excel counts days from 1899-12-30; 25569 is 1970-01-01 and 73050 is 2099-12-31. A date
# column exported as numbers (or as their text) holds these.
_EXCEL_EPOCH = datetime.date(1899, 12, 30)
_EXCEL_SERIALS = range(25569, 73051)


def _excel_serial(value: float) -> When | None:
    """A date written as Excel's day count ("44470": 2021-10-01), with a note saying so."""
    if not float(value).is_integer() or int(value) not in _EXCEL_SERIALS:
        return None
    day = _EXCEL_EPOCH + datetime.timedelta(days=int(value))
    shown = str(int(value))
    return When(day.year, day, note=f"“{shown}” is Excel's number for the date {day.isoformat()}")


def parse_iso3(value: Any) -> str | None:
    """An ISO 3166 alpha-3 code in capitals, or ``None`` when the value is not one."""
    if is_blank(value):
        return None
    text = str(value).strip().upper()
    return text if re.fullmatch(r"[A-Z]{3}", text) else None


_HEADER_YEAR = re.compile(
    # (not \b: "UGA_2023" has no word boundary before the year, an underscore being a letter)
    r"^(?P<country>.*?)[\s,(\[–—_-]*(?<![A-Za-z0-9])(?P<when>\d{4}-\d{1,2}-\d{1,2}"
    # a year, or two years as one period ("2023/24", "FY2023-2024"): parse_when reads them
    r"|(?:FY\s*)?(?:19|20)\d{2}(?:\s*[/–—-]\s*(?:(?:19|20)\d{2}|\d{2}))?)(?![A-Za-z0-9])[)\]]?"
    r"[\s,)\]–—:_-]*(?P<round>.*)$",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")
# A round's number after its word: "Round 2", "Phase II".
_ROUND_NUMBER = re.compile(r"\d{1,2}|[ivx]{1,4}", re.IGNORECASE)
_COUNTRY_EDGES = " -–—,(_"
_ROUND_EDGES = " -–—,()[]_:"


def split_assessment_header(
    value: Any, vocabulary: Vocabulary | None = None
) -> tuple[str | None, str | None, str | None]:
    """Split a wide table's column header: ``"Kenya 2023 baseline"`` -> country, when, round.

    The vocabulary's round words before the year are the round too: ``"Kenya – Review 2022"``
    and ``"Baseline (2021)"`` (no country). A header without a year or date is the country
    (less any round words); a header that is only a year ("2023") or a round has no country
    (the caller takes it from the sheet, its title or the file). The caller reads ``when``
    with ``parse_when``, which also reads two years as one period ("2023/24").
    """
    if isinstance(value, datetime.date):
        return None, value.isoformat()[:10], None
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and float(value).is_integer()
        and int(value) in YEAR_RANGE
    ):
        return None, str(int(value)), None
    vocabulary = vocabulary or default_vocabulary()
    # Footnote marks ("Kenya*", "Uganda¹") go before NFKC folds "¹" into "1"; a status in
    # brackets ("Tanzania (draft)") is the round, as the state of the figures.
    named, _, status = without_marks(str(value))
    text = plain_text(named)
    period = find_period(text)
    if period is not None:
        # "Mar-22", "Peru – March 2022", "Q1 2024": a month or a quarter is when, never a
        # country; a quarter is the round too.
        country, before = without_round_words(text[: period.start], vocabulary)
        after = text[period.end :].strip(_ROUND_EDGES)
        round_label = " ".join(p for p in (period.round, before, after, status) if p)
        return country.strip(_COUNTRY_EDGES) or None, period.text, round_label or None
    found = _HEADER_YEAR.match(text) or other_calendar_header(text)  # "Kenya 2566 BE"
    if not found:
        country, round_label = without_round_words(text, vocabulary)
        round_label = " ".join(p for p in (round_label, status) if p)
        return country or None, None, round_label or None
    country, before = without_round_words(found.group("country"), vocabulary)
    country = country.strip(_COUNTRY_EDGES)
    after = found.group("round").strip(_ROUND_EDGES)
    words = (key_of(after), key_of(after).removesuffix("s"))  # "2021 score(s)": no round
    after = "" if "level" in {vocabulary.headers.get(word) for word in words} else after
    round_label = " ".join(part for part in (before, after, status) if part)
    return country or None, found.group("when"), round_label or None


def without_round_words(text: str, vocabulary: Vocabulary) -> tuple[str, str]:
    """``text`` less the vocabulary's round words at its start and end, and those words:
    "Elbonia – Mid-term review" -> ("Elbonia", "Mid-term review"). For a title or a sheet
    name too, whose round words are not the country's name."""
    words, longest = vocabulary.round_set  # built once per vocabulary
    tokens = list(_WORD.finditer(text))
    if not words or not tokens:
        return text, ""
    start, end = 0, len(tokens)
    while start < end and (taken := _round_at_end(text, tokens[start:end], words, longest)):
        end -= taken
    while start < end and (taken := _round_at_start(text, tokens[start:end], words, longest)):
        start += taken
    if start >= end:
        return "", text.strip(_ROUND_EDGES)
    if (start, end) == (0, len(tokens)):
        return text, ""
    first = tokens[start].start() if start else 0
    last = tokens[end].start() if end < len(tokens) else len(text)
    taken = (text[:first].strip(_ROUND_EDGES), text[last:].strip(_ROUND_EDGES))
    return text[first:last].strip(_COUNTRY_EDGES), " ".join(part for part in taken if part)


def _round_at_end(
    text: str, tokens: list[re.Match[str]], words: frozenset[str], longest: int
) -> int:
    """How many of the last ``tokens`` name a round ("Review", "Round 2"); 0 for none."""
    numbered = 1 if len(tokens) > 1 and _ROUND_NUMBER.fullmatch(tokens[-1].group()) else 0
    body = tokens[: len(tokens) - numbered]
    for size in range(min(longest, len(body)), 0, -1):
        if normalise(text[body[-size].start() : body[-1].end()]) in words:
            return size + numbered
    return 0


def _round_at_start(
    text: str, tokens: list[re.Match[str]], words: frozenset[str], longest: int
) -> int:
    """How many of the first ``tokens`` name a round ("Baseline", "Round 2"); 0 for none."""
    for size in range(min(longest, len(tokens)), 0, -1):
        if normalise(text[tokens[0].start() : tokens[size - 1].end()]) in words:
            numbered = size < len(tokens) and _ROUND_NUMBER.fullmatch(tokens[size].group())
            return size + 1 if numbered else size
    return 0
