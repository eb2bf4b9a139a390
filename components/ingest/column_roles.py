"""Which role a column plays when its header alone would mislead.

A wide table's header row mixes assessments with columns that are none: statistics
("Regional mean", "Countries at 3+"), targets ("Target 2027", "Meta 2027"), and a column per
scorer ("Assessor 1", "Groupe B") beside the score they agreed on ("Average", "Consensus").
An online form's export heads each capability's question with a level word ("Level of
Leadership", "1. Leadership – current level", "Rate each capability - Leadership") and asks
for the country in a sentence ("Which country are you reporting for?"). The functions here
tell these roles apart from the header text (words from ``mnr_data/headers.toml``) and, where
the text cannot, from the values below it; ``components.ingest.layout`` decides with them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from components.framework.model import Scale
from components.ingest.countries import iso3_of
from components.ingest.error_cells import formula_error
from components.ingest.group_headings import group_columns
from components.ingest.matching import (
    AVERAGE_WORDS,
    Catalogue,
    Field,
    classify_header,
    exact_reference,
    is_plain_number,
    is_summary,
)
from components.ingest.region_names import is_group_statistic
from components.ingest.reworded_headers import one_item_code
from components.ingest.sheets import ReadContext, Sheet
from components.ingest.titled_headers import own_title_item
from components.ingest.values import parse_level, plain_text, split_assessment_header
from components.ingest.vocabulary import default_vocabulary, key_of

# A row naming this many capabilities across is a table of capabilities across.
MIN_ITEMS_ACROSS = 3
# Values looked at below a header to tell a column of levels from one of text.
SAMPLE_ROWS = 40
# Words of a statistics column's header besides the vocabulary's summary words: a column
# about several countries is about none of them ("Countries at 3+", "Países en nivel 3").
_MANY_COUNTRIES = frozenset({"countries", "paises", "nations", "states"})
# What links a level word to a capability's title in a form's question: "Level of Leadership".
_LEVEL_LEAD = re.compile(
    r"^(?:(?:current|assessed|maturity|self[- ]assessed)\s+)?"
    r"(?:level|score|rating|maturity|stage|niveau|nivel|nível|note|nota|puntuaci[oó]n|"
    r"puntaje|pontua[cç][aã]o|maturit[eé]|madurez|maturidade)"
    r"(?:\s+(?:actuel|actual|atual))?"
    r"(?:\s+(?:of|for|in|de la|de l'|de|du|des|del|da|do|en|em))?\s*[:\-–—]?\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
# Where a question's text ends and the capability it asks about begins: "Rate each
# capability - Leadership", "Niveau : Législation".
_LAST_PART = re.compile(r"\s[-–—:|]\s|:\s")
# The country asked as a question or named as a phrase: "Which country are you reporting for?",
# "Country of assessment", "Pays concerné", "País evaluado".
_COUNTRY_WORDS = frozenset({"country", "pays", "pais"})
_QUESTION_STARTS = frozenset(
    {
        "which", "what", "select", "choose", "please", "enter", "name", "indicate", "your",
        "quel", "quelle", "selectionnez", "choisissez", "indiquez", "votre", "cual", "que",
        "seleccione", "elija", "indique", "su", "qual", "selecione", "escolha", "informe", "seu",
    }
)  # fmt: skip
_COUNTRY_PHRASE = frozenset(
    {
        "of", "the", "assessment", "assessed", "evaluated", "concerned", "covered", "reporting",
        "reported", "for", "this", "de", "du", "l", "la", "evaluation", "evalue", "evaluee",
        "concerne", "del", "evaluado", "evaluacion", "da", "do", "avaliado", "avaliacao",
    }
)  # fmt: skip
_NOT_A_COUNTRY_COLUMN = frozenset({"code", "iso", "iso3", "codigo", "region", "level", "score"})


def _words(value: Any) -> list[str]:
    return key_of(value).split() if isinstance(value, str) else []


def _grams(words: list[str]) -> set[str]:
    return {" ".join(words[i : i + n]) for n in (1, 2, 3) for i in range(len(words))}


def _names_a_country(value: str) -> bool:
    country = split_assessment_header(value)[0]
    return country is not None and iso3_of(country) is not None


@lru_cache(maxsize=4096)
def _is_summary_column_text(text: str) -> bool:
    if is_summary(text) or is_group_statistic(text):  # "Regional average – Middle East and …"
        return True
    words = _words(text)
    if not words or len(words) > 6:
        return False
    vocabulary = default_vocabulary()
    if not (_grams(words) & vocabulary.summary or set(words) & _MANY_COUNTRIES):
        return False
    # No country's name holds such a word today; should one ever, it is still a country.
    return not _names_a_country(text)


def is_summary_column(value: Any) -> bool:
    """A wide table's statistics column: a summary word anywhere in its header ("Regional
    mean", "Moyenne régionale", "Median 2025", "Countries at 3+"), never an assessment."""
    return isinstance(value, str) and _is_summary_column_text(value)


def is_target(value: Any) -> bool:
    """A column of levels to reach ("Target 2027", "Objectif", "Meta 2027"): no assessment."""
    words = _words(value)
    if not words or len(words) > 6 or not set(words) & default_vocabulary().target_words:
        return False
    return not _names_a_country(value)


def is_scorer(value: Any) -> bool:
    """A column of one scorer's levels ("Assessor 1", "Group B", "Évaluateur 2", "Experto 3"):
    one person's or group's view in a workshop, never a country."""
    words = _words(value)
    # The scorer's number or name follows ("Assessor 1", "Expert MoJ"); a form's field name
    # ("group_caps/cap_01") or a longer header is something else.
    if not 1 < len(words) <= 3 or "/" in value or classify_header(value) not in (None, "level"):
        return False
    return words[0] in default_vocabulary().scorer_words and not _names_a_country(value)


def is_consensus(value: Any) -> bool:
    """The column the scorers' views were settled in: "Average", "Consensus", "Final score",
    "Niveau retenu", "Promedio"."""
    words = _words(value)
    consensus = default_vocabulary().consensus_words
    return bool(words) and all(word in consensus or word in ("of", "de") for word in words)


def is_average_level(value: Any) -> bool:
    """A level column headed as an average ("Average level", "Niveau moyen")."""
    return classify_header(value) == "level" and bool(set(_words(value)) & AVERAGE_WORDS)


def asks_country(value: Any) -> bool:
    """A header that asks for the country or names it in a phrase: the country column of a
    form's export ("Which country are you reporting for?", "Country of assessment")."""
    return isinstance(value, str) and _asks_country_text(value)


@lru_cache(maxsize=8192)
def _asks_country_text(value: str) -> bool:
    if classify_header(value) is not None:
        return False
    words = _words(value)
    if not words or len(words) > 12 or not set(words) & _COUNTRY_WORDS:
        return False
    if set(words) & _NOT_A_COUNTRY_COLUMN:
        return False
    if value.strip().endswith("?") or words[0] in _QUESTION_STARTS:
        return True
    return all(word in _COUNTRY_WORDS or word in _COUNTRY_PHRASE for word in words)


@lru_cache(maxsize=8192)
def _header_item_text(text: str, catalogue: Catalogue) -> int | None:
    text = plain_text(text)
    parts = []
    lead = _LEVEL_LEAD.match(text)
    if lead:
        parts.append(lead["rest"])
    parts += [text[found.end() :] for found in _LAST_PART.finditer(text)]
    parts += re.findall(r"\[([^\]]+)\]\s*$", text)
    for part in parts:
        if is_plain_number(part):
            continue  # "Level 2" heads a level's column, not capability 2's
        number = exact_reference(part.strip(), catalogue)
        if number is not None:
            return number
    return None


def header_item(value: Any, catalogue: Catalogue) -> int | None:
    """The capability (or enabler) a column's header names for certain, the form's wording
    around it left aside: "Level of Leadership", "Leadership – current level", "Rate each
    capability - Leadership", "Question [Leadership]". ``None`` for a header that is another
    column ("Notes - Leadership" holds notes) or names nothing."""
    if (titled := own_title_item(value, catalogue)) is not None:
        return titled  # "E7 Data and evidence on CSEA": the notes' word is the title's own
    if value is None or is_notes(value):
        return None
    if isinstance(value, str) and (code := one_item_code(value)) is not None:
        return exact_reference(code, catalogue)  # "C1_level", "E3_rating"
    role = classify_header(value)
    if role is not None and role != "level":
        return None
    number = exact_reference(value, catalogue)
    if number is not None:
        return None if role == "level" and is_plain_number(value) else number
    if not isinstance(value, str):
        return None
    return _header_item_text(value, catalogue)


def names_items_across(cells: tuple[Any, ...], catalogue: Catalogue) -> bool:
    """Whether a row's headers name capabilities (by title or code, not bare numbers): a
    form's questions across, one response a row."""
    named = 0
    for value in cells:
        if isinstance(value, str) and not is_plain_number(value):
            named += header_item(value, catalogue) is not None
            if named >= MIN_ITEMS_ACROSS:
                return True
    return False


def _readable(
    sheet: Sheet, header: int, column: int, scale: Scale, *, errors: bool = True
) -> tuple[int, int]:
    """(cells read as levels, filled cells) in the rows below ``header``; ``errors``: whether
    cells showing an error value ("#ERROR!", "#N/A": levels a formula failed to give) count."""
    values = [
        v
        for v in sheet.column(column, header + 1, header + 1 + SAMPLE_ROWS)
        if v is not None and (errors or formula_error(v) is None)
    ]
    return sum(parse_level(v, scale).level is not None for v in values), len(values)


def is_notes(value: Any) -> bool:
    """A column of notes or confidence, also when a capability's question precedes the word
    ("Compensation, Remedies and Complaints Arrangements – comments")."""
    if not isinstance(value, str):
        return False
    parts = [value, *(value[found.end() :] for found in _LAST_PART.finditer(value))]
    return any(classify_header(part) in ("evidence", "confidence") for part in parts)


def holds_levels(sheet: Sheet, header: int, column: int, scale: Scale) -> bool:
    """Whether most of the filled cells below ``header`` in ``column`` read as levels."""
    readable, filled = _readable(sheet, header, column, scale)
    return filled > 0 and readable * 2 >= filled


def holds_text(sheet: Sheet, header: int, column: int, scale: Scale) -> bool:
    """Whether ``column`` is filled, mostly with what is no level: a Status column of "In
    progress" or "Red/Amber/Green" (an empty column is not: it may be filled in later)."""
    readable, filled = _readable(sheet, header, column, scale, errors=False)
    return filled > 0 and readable * 2 < filled


def scorer_levels(
    sheet: Sheet, header: int, scale: Scale
) -> tuple[int | None, tuple[int, ...]] | None:
    """For a header with a column per scorer ("Assessor 1", "Groupe B", holding levels):
    (the column they settled on, ``None``), or when there is not exactly one such column
    (``None``, the columns to choose from). ``None`` for a header without scorers.

    The settled column is headed like the level ("Agreed level", "Niveau moyen") or as a
    consensus ("Average", "Consensus", "Final"). A lone scorer's column is the level."""
    cells = sheet.rows[header]
    groups = group_columns(cells)  # "Kelompok A | Kelompok B" in any language: groups' views
    scorers = [
        c
        for c, v in enumerate(cells)
        if (is_scorer(v) or c in groups) and holds_levels(sheet, header, c, scale)
    ]
    if not scorers:
        return None
    agreed = [
        c
        for c, value in enumerate(cells)
        if c not in scorers
        and c not in groups
        and not is_scorer(value)
        and (classify_header(value) == "level" or is_consensus(value))
    ]
    if len(agreed) > 1 or (not agreed and len(scorers) > 1):
        return None, tuple(sorted({*scorers, *agreed}))
    return (agreed or scorers)[0], ()


def averages_beside_assessments(
    ctx: ReadContext, sheet: Sheet, header: int, fields: Mapping[Field, int], levels: list[int]
) -> bool:
    """Whether the only level columns are averages ("Average level", "Niveau moyen") beside
    columns of levels headed by names: the average of a wide table's countries, not the
    level of a long table (which names its country in a column)."""
    cells = sheet.rows[header]
    if "country" in fields or not all(is_average_level(cells[c]) for c in levels):
        return False
    used = set(fields.values()) | set(levels)
    return any(
        c not in used
        and value is not None
        and classify_header(value) is None
        and not (is_summary_column(value) or is_target(value) or is_scorer(value))
        and header_item(value, ctx.capabilities) is None
        and holds_levels(sheet, header, c, ctx.framework.scale)
        for c, value in enumerate(cells)
    )


_EXPORT_META = re.compile(r'^\{"ImportId"')


def is_export_metadata(cells: tuple[Any, ...]) -> bool:
    """A row of a survey tool's import ids under its headers (Qualtrics' third header row,
    ``{"ImportId":"QID2_1"}``): neither an assessment nor a level."""
    texts = [v for v in cells if v is not None]
    return bool(texts) and all(isinstance(v, str) and _EXPORT_META.match(v) for v in texts)
