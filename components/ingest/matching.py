"""Reading what people type as headers and as capability labels.

Everything here is forgiving about form (case, accents, punctuation, "&" for "and", extra
spaces, the vocabulary's languages, "Cap 7", "MNR-7", "#7", a title followed by a description
or a remark in parentheses, the description itself, small typos) but never guesses: a value
that could mean two things, or nothing known, comes back as such, with the closest
candidates, so the reader can report it instead of inventing data.

The functions take plain cell values (``str``, numbers, dates, ``None``) and return small
frozen results; they know nothing about cells or files, which the workbook reader adds. Levels,
dates and other values are read in ``components.ingest.values``.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Literal

from components.base.text import normalise
from components.ingest.catalogue import (  # noqa: F401 (also read from here)
    Catalogue,
    capability_catalogue,
    enabler_catalogue,
)
from components.ingest.code_headers import is_code_header
from components.ingest.header_parts import counts_levels, two_part_field
from components.ingest.header_scale import header_field
from components.ingest.ocr_text import ocr_header
from components.ingest.question_codes import commcare_question, question_text
from components.ingest.reworded_headers import one_item_code, reworded_field
from components.ingest.title_variants import variant_title
from components.ingest.tool_columns import is_system_column
from components.ingest.values import is_blank, plain_text
from components.ingest.vocabulary import Field, default_vocabulary, key_of

# A title is taken as a typo of another only when it is this similar (difflib ratio on the
# normalised strings). 0.85 accepts one or two wrong letters in a short title ("Leadersip")
# but not a different capability that shares words ("Child Hotline" vs "Child Helpline", 0.81).
FUZZY_THRESHOLD = 0.85
# Two candidates closer than this to each other are ambiguous: the reader must not pick one.
AMBIGUITY_MARGIN = 0.05
# A title less similar than this is no suggestion ("Forces de l'ordre spécialisées" is not
# close to any English title): the reader then says the title was not recognised.
SUGGESTION_RATIO = 0.55
# Words that carry no meaning when comparing titles by their words.
_STOP_WORDS = frozenset({"and", "of", "the", "to", "for", "on", "in", "a", "an", "with"})
# The small words of the vocabulary's other languages: never what ties a label to a title.
_SMALL_WORDS = frozenset(
    {"des", "les", "aux", "pour", "avec", "sur", "del", "los", "las", "con", "por", "para"}
    | {"dos", "das", "com", "uma", "une", "que", "qui"}
)
# Labels longer than this are sentences (instructions, notes), never compared letter by letter.
_MAX_FUZZY_CHARS = 120

METADATA_FIELDS: frozenset[Field] = frozenset(
    {"country", "iso3", "year", "date", "when", "round", "assessed_by"}
)
# "Na." is Swahili's "No." (Namba): with its dot only, as "NA" alone means not assessed.
_NUMBER_SIGNS = frozenset({"#", "№", "no.", "nº", "n°", "n.º", "na."})
_EVIDENCE_WORDS = frozenset({"evidence", "notes", "comments", "comment", "remarks"})
_LEVEL_WORDS = ("level", "score", "rating", "maturity")
# "Validated level", "Final score": a level too, named by its last word, unless it is one to
# reach or one from before ("Target level", "Previous score"), which no assessment holds.
_LEVEL_LAST_WORDS = frozenset({"level", "score", "rating", "niveau", "nivel"})
_NOT_THE_LEVEL = frozenset(
    {
        "target", "desired", "goal", "planned", "expected", "objective", "next", "previous",
        "last", "prior", "cible", "vise", "objectif", "precedent", "objetivo", "meta", "alvo",
        "anterior", "esperado", "deseado", "desejado",
    }
)  # fmt: skip
# "Niveau moyen", "Nivel promedio", "Mean level": an average of levels is still the level
# column (its values that are not whole are reported when read), never a country.
AVERAGE_WORDS = frozenset(
    {"average", "mean", "avg", "moyen", "moyenne", "promedio", "medio", "media"}
)
_LEVEL_NOUNS = frozenset(
    {"level", "levels", "niveau", "niveaux", "nivel", "niveles", "niveis", "note", "nota"}
)
_CHANGE_MARKS = ("Δ", "∆", "±", "+/-", "+/−", "-/+")  # a change: "Δ 2021", "+/- vs 2021"
_LINKS = frozenset({"of", "the", "de", "des", "du", "del", "do", "da", "dos", "das", "la", "l"})


def classify_header(value: Any) -> Field | None:
    """Which column or label this header cell names, or ``None`` if it names none.

    ``"Capability no"``, ``"#"`` and ``"Number"`` are the number column; ``"Score"``, ``"Niveau"``
    and ``"Maturity (0-4)"`` the level; ``"Notes"`` evidence, in every language of
    ``mnr_data/headers.toml``. Only text is a header (7 is data); "Total" is no field.
    """
    return _classify_text(value) if isinstance(value, str) else None


@lru_cache(maxsize=8192)  # once per distinct text (bounded: user text), however many passes ask
def _classify_text(value: str) -> Field | None:
    field = _classify_header_text(_last_of_path(value))  # "group_meta/country": "country"
    # LimeSurvey's "CTRY. Country"; a scan's "Capabi|ity", "Leve1" as OCR read it (``ocr_text``)
    if field is None and (other := question_text(value) or ocr_header(value)) is not None:
        field = _classify_header_text(other)
    return None if field == "number" and is_system_column(value) else field  # Kobo's "_id"


# Bounded: the keys are user text, and a long-running server must not grow without limit.
@lru_cache(maxsize=8192)
def _classify_header_text(text: str) -> Field | None:
    if text.strip().casefold() in _NUMBER_SIGNS:
        return "number"
    vocabulary = default_vocabulary()
    key = key_of(text)
    if not key or is_code_header(text):  # "NAM": Namibia's column, not Vietnamese "Năm"
        return None
    known = header_field(text, key, vocabulary.headers)  # "Note (sur 4)": a grade, the level
    if known is not None:
        return known
    if key in vocabulary.summary or counts_levels(key, vocabulary.headers):
        return None  # a total, or a pivot's "Count of Level": no level column
    # "Level and comment", "Capacité / Capability"; "country_iso3", "Survey year", "Current
    # maturity" (``reworded_headers``)
    joined = two_part_field(text, vocabulary.headers, _classify_header_text) or reworded_field(
        text, vocabulary.headers
    )
    if joined is not None:
        return joined
    words = set(key.split())
    if len(words) > 6:
        return None  # a sentence (an instruction, a note) is not a header
    # Longer, reworded headers: decided by the word that carries the meaning. Confidence comes
    # first because "confidence level" also contains "level".
    if words & {"confidence", "certainty", "confiance", "confianza", "confianca"}:
        return "confidence"
    if words & _EVIDENCE_WORDS:
        return "evidence"
    if re.search(r"\d{4}", key) or one_item_code(text) is not None:
        return None  # "Level 2023": a year's column; "C1_level": capability 1's, as "C1" is
    if key.startswith(_LEVEL_WORDS):
        return "level"
    if len(words) <= 4 and key.split()[-1] in _LEVEL_LAST_WORDS and not words & _NOT_THE_LEVEL:
        return "level"
    named = words - _LINKS
    if len(named) == 2 and named & AVERAGE_WORDS and named & _LEVEL_NOUNS:
        return "level"
    return None


def is_summary(value: Any) -> bool:
    """True for a label that sums up others ("Total", "Average score", "Moyenne générale") or
    gives a change since another time ("Δ 2021", "± vs 2021"): no assessment, no capability."""
    if not isinstance(value, str):
        return False
    return value.lstrip().startswith(_CHANGE_MARKS) or _is_summary_text(value)


@lru_cache(maxsize=8192)
def _is_summary_text(text: str) -> bool:
    key = key_of(text)
    if not key:
        return text.strip() in {"Σ", "∑"}
    summary = default_vocabulary().summary
    words = key.split()
    if len(words) > 6:
        return False
    return key in summary or any(" ".join(words[:n]) in summary for n in (1, 2, 3))


# --- capabilities and enablers ------------------------------------------------------------


MatchHow = Literal["number", "title", "extra", "fuzzy", "ambiguous", "unknown", "conflict", "blank"]


@dataclass(frozen=True)
class ItemMatch:
    """How a cell matched a catalogue.

    ``number`` is set for ``number``, ``title``, ``extra`` and ``fuzzy``. ``title`` covers the
    title or the description, alone or followed by a remark after ":", "-" or in parentheses;
    ``extra`` a title followed by other words (report as a warning naming what was taken);
    ``fuzzy`` a misspelt or shortened title (report as a warning). ``candidates`` are the
    closest numbers, best first, for ``ambiguous``/``unknown``/``conflict``. ``note`` explains a
    partial mismatch of a number-plus-title cell that was still taken by its number (report as
    a warning). ``other_kind`` is true when the cell explicitly names the other catalogue ("E3"
    in a capability column).
    """

    how: MatchHow
    number: int | None = None
    candidates: tuple[int, ...] = ()
    note: str = ""
    other_kind: bool = False

    @property
    def matched(self) -> bool:
        return self.number is not None


# Markers that stand before a number for either kind: "No. 7", "Nº 7", "#7", "Item 7".
_NEUTRAL_MARKERS = ("numero", "number", "item", "num", "no", "nr", "nº", "n°", "n", "#", "№")
_SEPARATORS = r"[\s.:·\-–—)\]_]"


@cache
def _reference_pattern() -> tuple[re.Pattern[str], Mapping[str, str]]:
    """The regex for "C7", "Cap. 7", "MNR-7", "#7", "7.", "7) Leadership", and its prefixes."""
    vocabulary = default_vocabulary()
    kinds: dict[str, str] = {}
    for code in vocabulary.capability_codes:
        kinds.setdefault(code, "capability")
    for code in vocabulary.enabler_codes:
        kinds.setdefault(code, "enabler")
    codes = sorted(kinds, key=len, reverse=True)
    code_part = "|".join(re.escape(c).replace(r"\ ", r"[\s._-]*") for c in codes)
    marker_part = "|".join(re.escape(m) for m in _NEUTRAL_MARKERS)
    pattern = re.compile(
        rf"^(?:(?P<prefix>{code_part})(?![a-z])\s*[.:#\-_]?\s*)?"
        rf"(?:(?:{marker_part})\s*[.:]?\s*)?(?P<num>\d+)(?:\.0+)?"
        rf"(?=$|{_SEPARATORS})[\s.:·\-–—)\]_]*(?P<rest>.*)$",
        re.IGNORECASE,
    )
    return pattern, kinds


def match_item(value: Any, catalogue: Catalogue) -> ItemMatch:
    """Match a cell to a capability (or enabler) by number, code, title or description.

    Numbers: ``7``, ``7.0``, ``"7"``, ``"7."``, ``"#7"``, ``"C7"``, ``"Cap 7"``, ``"MNR 7"``,
    ``"Capability 7"``. Titles: exact after normalising case, accents, punctuation, "&" and
    spaces, also followed by a description or a remark; the description alone; then small
    spelling differences (``fuzzy``) or a unique shortened title ("Image databases"); two
    close candidates are ``ambiguous``.
    """
    if is_blank(value):
        return ItemMatch("blank")
    if isinstance(value, bool):
        return ItemMatch("unknown")
    if isinstance(value, int | float):
        if isinstance(value, float) and not value.is_integer():
            within = _within_domain(f"{value:g}", catalogue)
            return ItemMatch("number", within[0]) if within else ItemMatch("unknown")
        number = int(value)
        if number in catalogue.titles:
            return ItemMatch("number", number)
        return ItemMatch("unknown", candidates=_nearest_numbers(number, catalogue))
    if not isinstance(value, str):
        return ItemMatch("unknown")
    if value.lstrip()[:1] in _SUPERSCRIPTS:
        # "¹ self-assessment, not validated": a footnote under the table, not capability 1
        # (plain text would fold the "¹" into a "1").
        return ItemMatch("unknown")
    return _match_text(plain_text(value), catalogue)


_SUPERSCRIPTS = frozenset("¹²³⁴⁵⁶⁷⁸⁹⁰†‡")


def _fold(text: str) -> str:
    """Accents removed (so "Capacité 7" meets the vocabulary's "capacite"), nothing else."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# A survey tool's column name, the question's path through its groups: "group_caps/cap_07"
# (KoboToolbox, ODK). The last part names the question.
_QUESTION_PATH = re.compile(r"(?:[A-Za-z][\w.-]*/)+(?P<last>[A-Za-z][\w.-]*)")
# Kobo's labels export: the groups' labels, then the question's ("Governance/1. Leadership").
_LABEL_PATH = re.compile(r"(?P<groups>(?:[^\W\d_][^/]*/)+)(?P<last>\w[^/]*)")


def _last_of_path(text: str) -> str:
    path = _QUESTION_PATH.fullmatch(text.strip())
    return path["last"] if path else commcare_question(text) or text  # "form.group.question"


def is_tool_column(value: Any, words: frozenset[str]) -> bool:
    """Whether a header is one of a form tool's own columns (``words``: the vocabulary's
    ``form_columns``), also at the end of a question path ("meta/instanceID")."""
    return isinstance(value, str) and key_of(_last_of_path(value)) in words


@lru_cache(maxsize=8192)
def _match_text(text: str, catalogue: Catalogue) -> ItemMatch:
    text = _last_of_path(text)
    within = _within_domain(_fold(text), catalogue)
    if within:
        return _check_number_and_title(*within, catalogue)
    pattern, kinds = _reference_pattern()
    reference = pattern.match(_fold(text))
    if reference:
        prefix = re.sub(r"[\s._-]+", " ", (reference.group("prefix") or "").casefold()).strip()
        if prefix and kinds.get(prefix, catalogue.kind) != catalogue.kind:
            return ItemMatch("unknown", other_kind=True)
        number = int(reference.group("num"))
        rest = reference.group("rest").strip()
        if number not in catalogue.titles:
            return ItemMatch("unknown", candidates=_nearest_numbers(number, catalogue))
        return _check_number_and_title(number, rest, catalogue)
    roman = _roman_reference(text, catalogue)
    if roman is not None:
        number, rest = roman
        checked = _check_number_and_title(number, rest, catalogue)
        if checked.how == "conflict" or not checked.note:
            return checked
    return _match_title(text, catalogue)


def _check_number_and_title(number: int, rest: str, catalogue: Catalogue) -> ItemMatch:
    """A cell such as "7 · Access to image databases": the number must agree with the title."""
    if not normalise(rest):
        return ItemMatch("number", number)
    by_title = _match_title(rest, catalogue)
    if by_title.number == number:
        return ItemMatch("number", number)
    if by_title.how in ("title", "extra") and by_title.number is not None:
        # The number says one thing and the title, exactly, another: do not pick one.
        return ItemMatch("conflict", candidates=(number, by_title.number))
    return ItemMatch(
        "number",
        number,
        note=f"the text after the number does not match its title “{catalogue.titles[number]}”",
    )


_PARTS = re.compile(r"\s*(?::|\||\n|\s[-–—/]\s|\s[-–—]|[-–—]\s|\()\s*")


def _match_title(text: str, catalogue: Catalogue) -> ItemMatch:
    key = normalise(text)
    if not key:
        return ItemMatch("unknown")
    exact = _normalised_titles(catalogue)
    if key in exact:
        return ItemMatch("title", exact[key])
    # The title with a description or remark: "Leadership (national committee)",
    # "Leadership: an accountable committee", "Leadership - governance". Or the description.
    parts = _PARTS.split(text, maxsplit=1)
    head = normalise(parts[0])
    if head in exact:
        return ItemMatch("title", exact[head])
    if head in catalogue.group_names and len(parts) == 2 and normalise(parts[1]):
        # "Policy & Governance – Leadership": the domain's name, then the title.
        return _match_title(parts[1], catalogue)
    quick = _quick_title(key, catalogue)
    if quick is not None:
        return quick
    if len(key) > _MAX_FUZZY_CHARS:
        return ItemMatch("unknown")
    return _fuzzy_title(head if head and len(head) < len(key) else key, catalogue)


def _quick_title(key: str, catalogue: Catalogue) -> ItemMatch | None:
    """The cheap, certain matches: a description, or a title followed by other words."""
    descriptions = _normalised_descriptions(catalogue)
    if key in descriptions:
        return ItemMatch("title", descriptions[key])
    for description, number in descriptions.items():
        if len(description) >= 12 and key.startswith(description):
            return ItemMatch("title", number)
    starts = [n for title, n in _titles_by_length(catalogue) if key.startswith(title + " ")]
    if starts:
        return ItemMatch("extra", starts[0], candidates=(starts[0],))
    variant = variant_title(key, catalogue)  # "Proceso de gestión de agresores": said, as near
    return None if variant is None else ItemMatch("fuzzy", variant, candidates=(variant,))


def _fuzzy_title(key: str, catalogue: Catalogue) -> ItemMatch:
    exact = _normalised_titles(catalogue)
    ratios: dict[int, float] = {}  # each item's best title: its own, or a translation
    for title, n in exact.items():
        ratio = difflib.SequenceMatcher(None, key, title).ratio()
        ratios[n] = max(ratio, ratios.get(n, 0.0))
    scored = sorted(((r, n) for n, r in ratios.items()), key=lambda pair: (-pair[0], pair[1]))
    closest = tuple(n for ratio, n in scored[:3] if ratio >= SUGGESTION_RATIO)
    best_ratio, best = scored[0]
    if best_ratio >= FUZZY_THRESHOLD:
        if len(scored) > 1 and scored[1][0] >= best_ratio - AMBIGUITY_MARGIN:
            return ItemMatch("ambiguous", candidates=closest[:2])
        return ItemMatch("fuzzy", best, candidates=closest)
    # A shortened title ("Image databases", "Offender management", "Innovative solutions")
    # names a capability when its words (singular or plural alike) belong to exactly one title.
    words = _content_words(key)
    if words and sum(len(w) for w in words) >= 4:
        containing = _containing(words, catalogue)
        if len(containing) == 1:
            return ItemMatch("fuzzy", containing[0], candidates=containing)
        if len(containing) > 1:
            return ItemMatch("ambiguous", candidates=tuple(sorted(containing)))
        # One word inserted into a title ("End-to-end victim support"): all the others, two
        # at least, belong to one title, whichever word is left out.
        long = frozenset(w for w in words if len(w) >= 3 and w not in _SMALL_WORDS)
        if len(long) >= 3:
            named = {n for w in long for n in _containing(long - {w}, catalogue)}
            if len(named) == 1:
                return ItemMatch("fuzzy", *named, candidates=tuple(named))
    return ItemMatch("unknown", candidates=closest)


def _content_words(text: str) -> frozenset[str]:
    """A normalised text's words that carry meaning, a plural "s" left off."""
    return frozenset(
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
        for w in text.split()
        if w not in _STOP_WORDS
    )


def _containing(words: frozenset[str], catalogue: Catalogue) -> tuple[int, ...]:
    """The items one of whose titles holds all ``words``."""
    return tuple(sorted({n for title, n in _title_words(catalogue) if words <= title}))


@cache
def _title_words(catalogue: Catalogue) -> tuple[tuple[frozenset[str], int], ...]:
    return tuple((_content_words(t), n) for t, n in _normalised_titles(catalogue).items())


def is_exact_title(value: Any, catalogue: Catalogue) -> bool:
    """Whether the cell is one of the catalogue's titles as written (not a code or number)."""
    return isinstance(value, str) and normalise(value) in _normalised_titles(catalogue)


@cache
def _normalised_titles(catalogue: Catalogue) -> Mapping[str, int]:
    named = [(normalise(alias), n) for alias, n in catalogue.aliases]
    return dict(named + [(normalise(title), n) for n, title in catalogue.titles.items()])


@cache
def _titles_by_length(catalogue: Catalogue) -> tuple[tuple[str, int], ...]:
    """Titles longest first, so "child protection workforce" wins over a shorter prefix."""
    return tuple(sorted(_normalised_titles(catalogue).items(), key=lambda p: -len(p[0])))


@cache
def _normalised_descriptions(catalogue: Catalogue) -> Mapping[str, int]:
    found: dict[str, int] = {}
    for number, description in (catalogue.descriptions or {}).items():
        key = normalise(description)
        if key and key not in _normalised_titles(catalogue):
            found[key] = number
    return found


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
    """The number a cell names without any doubt, else ``None``.

    Used to recognise a table's shape, so it is cheap (no letter-by-letter comparison) and
    strict: a typo must not make a data cell look like a key. Codes ("C7", "Cap 7"), numbers,
    titles (also with a description or remark after them) and descriptions count.
    """
    if is_blank(value) or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if float(value).is_integer():
            return int(value) if int(value) in catalogue.titles else None
        within = _within_domain(f"{value:g}", catalogue)
        return within[0] if within else None
    if not isinstance(value, str):
        return None
    return _exact_text(plain_text(value), catalogue)


@lru_cache(maxsize=16384)
def _exact_text(text: str, catalogue: Catalogue) -> int | None:
    if len(text) > 4 * _MAX_FUZZY_CHARS:
        return None
    label = _LABEL_PATH.fullmatch(text)  # the groups before it must name no capability
    if label and _exact_text(label["groups"].rstrip("/"), catalogue) is None:
        text = label["last"]
    text = _last_of_path(text)
    within = _within_domain(_fold(text), catalogue)
    if within:
        number, rest = within
        checked = _check_number_and_title(number, rest, catalogue)
        return number if checked.how == "number" and not checked.note else None
    pattern, kinds = _reference_pattern()
    reference = pattern.match(_fold(text))
    if reference:
        prefix = re.sub(r"[\s._-]+", " ", (reference.group("prefix") or "").casefold()).strip()
        number = int(reference.group("num"))
        if kinds.get(prefix, catalogue.kind) != catalogue.kind or number not in catalogue.titles:
            return None
        rest = reference.group("rest")
        if not normalise(rest):
            return number
        checked = _check_number_and_title(number, rest, catalogue)
        return number if checked.how == "number" and not checked.note else None
    roman = _roman_reference(text, catalogue, strict=True)
    if roman is not None:
        number, rest = roman
        checked = _check_number_and_title(number, rest, catalogue)
        return number if checked.how == "number" and not checked.note else None
    key = normalise(text)
    exact = _normalised_titles(catalogue)
    if key in exact:
        return exact[key]
    parts = _PARTS.split(text, maxsplit=1)
    head = normalise(parts[0])
    if head in exact:
        return exact[head]
    if head in catalogue.group_names and len(parts) == 2:
        return exact.get(normalise(parts[1]))  # "Victim - End to End Support"
    quick = _quick_title(key, catalogue) if key else None
    return quick.number if quick is not None else None


_WITHIN_DOMAIN = re.compile(
    rf"^(?P<domain>\d{{1,2}})\.(?P<item>\d{{1,2}})(?=$|{_SEPARATORS})[\s.:·\-–—)\]]*(?P<rest>.*)$"
)


def _within_domain(text: str, catalogue: Catalogue) -> tuple[int, str] | None:
    """(number, the text after the code) for a code numbered within a domain: "2.1", "2.1
    Dedicated law enforcement". Not "2.0" (a number), nor a domain or item that does not exist
    ("7.1" with six domains): those are read as before, and reported when they do not fit.
    """
    code = dotted_code(text)
    if code is None or not catalogue.groups:
        return None
    domain, item, rest = code
    if not (
        1 <= domain <= len(catalogue.groups) and 1 <= item <= len(catalogue.groups[domain - 1])
    ):
        return None
    return catalogue.groups[domain - 1][item - 1], rest


def dotted_code(value: Any) -> tuple[int, int, str] | None:
    """(first, second, the text after) for a code of two numbers, "2.1" or "2.1 Dedicated
    law enforcement" (also a number cell 2.1); ``None`` for anything else ("2.0" is 2).

    Read as a capability numbered within its domain (``_within_domain``), unless the table
    numbers its capabilities itself and the code follows one of them: a sub-indicator of it
    (``components.ingest.sub_rows``).
    """
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    if isinstance(value, int | float):
        if float(value).is_integer():
            return None
        value = f"{value:g}"
    found = _WITHIN_DOMAIN.match(value.strip())
    if not found:
        return None
    return int(found["domain"]), int(found["item"]), found["rest"].strip()


# Capabilities numbered in capital Roman numerals ("IV", "Cap. XII", "IV. Legislation"), as
# some national plans number them. Only the numerals' standard forms, 1 to 39.
_ROMAN = re.compile(
    rf"^(?:(?P<prefix>[^\W\d_][\w.]*?)\s*[.:#\-_]?\s*)??(?P<numeral>X{{0,3}}(?:IX|IV|V?I{{0,3}}))"
    rf"(?=$|{_SEPARATORS})[\s.:·\-–—)\]]*(?P<rest>.*)$"
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def _roman_value(numeral: str) -> int:
    total = 0
    for index, letter in enumerate(numeral):
        value = _ROMAN_VALUES[letter]
        following = _ROMAN_VALUES[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def _roman_reference(
    text: str, catalogue: Catalogue, *, strict: bool = False
) -> tuple[int, str] | None:
    """(number, the text after it) for an item written as a Roman numeral, alone or after a
    code of this kind ("Cap. IV"), perhaps before a title ("IV. Legislation"); else None.

    The caller checks that a title after the numeral is the same item's ("X-border
    cooperation" is not capability 10). ``strict`` (recognising a table's shape) refuses a
    lone "X" without a code or title: a column of ticks holds it.
    """
    found = _ROMAN.match(text.strip())
    if not found or not found["numeral"]:
        return None
    prefix = (found["prefix"] or "").casefold().rstrip(".")
    if prefix:
        _, kinds = _reference_pattern()
        if kinds.get(re.sub(r"[\s._-]+", " ", _fold(prefix)).strip()) != catalogue.kind:
            return None
    number = _roman_value(found["numeral"])
    if number not in catalogue.titles:
        return None
    rest = found["rest"].strip()
    if strict and not prefix and not rest and found["numeral"] == "X":
        return None
    return number, rest


def is_plain_number(value: Any) -> bool:
    """True for a bare number ("7", 7.0, "7."): weak evidence of a capability on its own."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return True
    return isinstance(value, str) and value.strip().rstrip(".").replace(".0", "").isdigit()
