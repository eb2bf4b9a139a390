"""The words people use in their spreadsheets, loaded from ``mnr_data/headers.toml``.

Header synonyms, summary words (Total, Moyenne, Promedio...), the names of instruction sheets,
the words of a title line that are not a country, the words that name a round ("Baseline",
"Suivi", "Línea de base"), and how people write a capability's code or a level ("Cap 7",
"Niveau 2", "2 sur 4"), in as many languages as the file has sections. It is
data so that an organisation can add its own language without touching code; ``load_vocabulary``
checks the file and names the field at fault (``fr.level[3]``) when something is wrong, and
refuses a word given to two different fields, which would make a header mean two things.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any, Literal, get_args

from components.base.text import normalise
from components.ingest.wrapped_fields import unwrapped_field

DEFAULT_VOCABULARY_PATH = Path(__file__).resolve().parents[2] / "mnr_data" / "headers.toml"
SUPPORTED_FORMAT_VERSIONS = frozenset({1})

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
FIELDS: tuple[Field, ...] = get_args(Field)
WORD_LISTS = (
    "summary",
    "info_sheets",
    "title_words",
    "capability_codes",
    "enabler_codes",
    "level_words",
    "out_of",
    "not_assessed",
    "round_words",
    "country_questions",
    "form_dates",
    "form_columns",
    "scorer_words",
    "consensus_words",
    "target_words",
    "plan_words",
)
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")


class VocabularyError(ValueError):
    """The vocabulary file is broken. ``field`` names the place at fault."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")


def key_of(text: str) -> str:
    """How a header or word is compared: normalised, with "(...)" and "[...]" asides removed;
    a field's name inside a tool's wrapper ("Custom field (MNR Level)": ``wrapped_fields``)."""
    if text.__class__ is str:
        return _text_key(text)
    return normalise(_PARENTHESES.sub(" ", str(unwrapped_field(text))))


# Once per distinct text in the process (bounded: user text): a pure reading of the text, and
# the same headers come back in every sheet and every upload. Only for ``str`` itself, whose
# equal values are the same text (1 and 1.0 are equal keys but different headers).
@lru_cache(maxsize=8192)
def _text_key(text: str) -> str:
    return normalise(_PARENTHESES.sub(" ", str(unwrapped_field(text))))


@dataclass(frozen=True)
class Vocabulary:
    """Every language's words merged: header key -> field, and the word lists."""

    languages: tuple[str, ...]
    headers: Mapping[str, Field]
    summary: frozenset[str]
    info_sheets: frozenset[str]
    title_words: frozenset[str]
    capability_codes: tuple[str, ...]
    enabler_codes: tuple[str, ...]
    level_words: tuple[str, ...]
    out_of: tuple[str, ...]
    not_assessed: frozenset[str]
    # Words that name a round, not a country, in a column header ("Baseline (2021)").
    round_words: tuple[str, ...] = ()
    # Online-form exports: a word asking for the country in a question, the tool's columns of
    # when a response was given, and its other own columns (ids, e-mail, progress).
    country_questions: frozenset[str] = frozenset()
    form_dates: frozenset[str] = frozenset()
    form_columns: frozenset[str] = frozenset()
    # A column per scorer ("Assessor 1", "Groupe B"), the one they agreed on ("Average",
    # "Consensus"), and a level to reach ("Target 2027"): never a country's assessment.
    scorer_words: frozenset[str] = frozenset()
    consensus_words: frozenset[str] = frozenset()
    target_words: frozenset[str] = frozenset()
    # Words of a plan sheet's name ("Targets 2026", "Workplan", "Next steps"): never a country.
    plan_words: frozenset[str] = frozenset()

    def __hash__(self) -> int:  # the mapping is not hashable; the languages and sizes identify it
        return hash((self.languages, len(self.headers), self.summary))

    @cached_property
    def round_set(self) -> tuple[frozenset[str], int]:
        """The round words as a set, and the most words one of them has: built once per
        vocabulary at first use, not on every header ``values.without_round_words`` splits."""
        words = frozenset(self.round_words)
        return words, max((len(word.split()) for word in words), default=0)


def load_vocabulary(path: Path | str = DEFAULT_VOCABULARY_PATH) -> Vocabulary:
    """Read and check a vocabulary TOML file; ``VocabularyError`` names the field at fault."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8"))
    except OSError as error:
        raise VocabularyError(str(path), f"cannot read the file ({error.strerror}).") from error
    except UnicodeDecodeError as error:
        raise VocabularyError(str(path), "the file is not UTF-8 text.") from error
    except tomllib.TOMLDecodeError as error:
        raise VocabularyError(str(path), f"not valid TOML: {error}.") from error
    return parse_vocabulary(data)


@cache
def default_vocabulary() -> Vocabulary:
    """The vocabulary shipped in ``mnr_data/``, loaded once per process."""
    return load_vocabulary(DEFAULT_VOCABULARY_PATH)


def parse_vocabulary(data: Mapping[str, Any]) -> Vocabulary:
    """Build a ``Vocabulary`` from parsed TOML, checking every field."""
    version = data.get("format_version")
    if version not in SUPPORTED_FORMAT_VERSIONS:
        raise VocabularyError("format_version", f"expected 1, found {version!r}.")
    languages = [name for name in data if name != "format_version"]
    if not languages:
        raise VocabularyError("(top level)", "add at least one [language] section.")
    headers: dict[str, Field] = {}
    where: dict[str, str] = {}
    lists: dict[str, list[str]] = {name: [] for name in WORD_LISTS}
    for language in languages:
        section = data[language]
        if not isinstance(section, Mapping):
            raise VocabularyError(language, "expected a [section] of word lists.")
        for name, words in section.items():
            place = f"{language}.{name}"
            if name not in FIELDS and name not in WORD_LISTS:
                known = ", ".join((*FIELDS, *WORD_LISTS))
                raise VocabularyError(place, f"unknown list (known: {known}).")
            keys = _words(words, place)
            if name in WORD_LISTS:
                lists[name].extend(k for k in keys if k not in lists[name])
                continue
            for index, key in enumerate(keys):
                earlier = headers.get(key)
                if earlier is not None and earlier != name:
                    raise VocabularyError(
                        f"{place}[{index}]",
                        f"“{key}” is already a {earlier} header ({where[key]}); a header must "
                        "mean one thing.",
                    )
                headers[key] = name  # type: ignore[assignment]
                where.setdefault(key, f"{place}[{index}]")
    return Vocabulary(
        languages=tuple(languages),
        headers=headers,
        summary=frozenset(lists["summary"]),
        info_sheets=frozenset(lists["info_sheets"]),
        title_words=frozenset(lists["title_words"]),
        # Longest first, so that "mnr capability" is tried before "mnr".
        capability_codes=tuple(sorted(lists["capability_codes"], key=len, reverse=True)),
        enabler_codes=tuple(sorted(lists["enabler_codes"], key=len, reverse=True)),
        level_words=tuple(sorted(lists["level_words"], key=len, reverse=True)),
        out_of=tuple(sorted(lists["out_of"], key=len, reverse=True)),
        not_assessed=frozenset(lists["not_assessed"]),
        round_words=tuple(sorted(lists["round_words"], key=len, reverse=True)),
        country_questions=frozenset(lists["country_questions"]),
        form_dates=frozenset(lists["form_dates"]),
        form_columns=frozenset(lists["form_columns"]),
        scorer_words=frozenset(lists["scorer_words"]),
        consensus_words=frozenset(lists["consensus_words"]),
        target_words=frozenset(lists["target_words"]),
        plan_words=frozenset(lists["plan_words"]),
    )


def _words(words: Any, place: str) -> list[str]:
    if not isinstance(words, list):
        raise VocabularyError(place, 'expected a list of words, e.g. ["pays", "country"].')
    keys = []
    for index, word in enumerate(words):
        if not isinstance(word, str):
            raise VocabularyError(f"{place}[{index}]", f"expected text, found {word!r}.")
        # "#" is a word of its own (the number column); everything else is compared normalised.
        key = word.strip() if word.strip() == "#" else key_of(word)
        if not key:
            raise VocabularyError(f"{place}[{index}]", "is empty once punctuation is removed.")
        keys.append(key)
    return keys
