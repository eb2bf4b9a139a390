"""A title line or a sheet name that is not a country: never an assessment's country.

When no Country label or column names the country, ``context`` takes it from a title line above
the table or from the sheet's name. Such a name is taken (with a warning, as before) only when
it reads as a country (``names_a_country``): one the app knows by name in English, French,
Spanish or Portuguese, by the start of one such name ("Palestina") or by its ISO3 code, or by
its name in another language of ``country_translations`` ("Кения", "日本", "Uni Emirat Arab"),
unless that name is one Latin word of a language the reader does not read ("Island", Iceland's
in German, may be the English word: refused, naming both); another name of one in
``mnr_data/country_aliases.toml`` ("DRC", "Brasil") or a part of one ("Zanzibar"); a name a
letter away from one or the start of one ("Keyna", "Russia", said by ``unknown_countries``); a
region (refused by ``regions``); a country with no ISO code ("Kosovo"); or a made-up name that
ends like a country's, written as one name ("Elbonia", "Republic of Krakozhstan": the demo's
and the tests'), and not a word of the vocabulary's languages (one with an accent, "Policía",
or a common noun's ending, "Gendarmerie", "Estrategia"). Any other words ("Ministry of
Interior", "Comments", "Équipe nationale", a person's name; in another script, words that are
no country's name in any language read, "Типовая национальная модель реагирования", the Model
National Response) are a title, not a country: the assessment gets no country from them, and
when nothing else gives one it is refused with an error that names the words and asks for a
Country label or a sheet named after the country (``refuse_not_country``), never filed under a
phantom country. A country written in a Country cell or column is never second-guessed here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from components.base.text import normalise
from components.ingest.countries import _iso3_by_any_name as names_in_any_language
from components.ingest.countries import (
    is_plausible_country,
    iso3_in_any_language,
    word_abroad,
)
from components.ingest.country_aliases import alias_of, country_aliases, misspelt_country
from components.ingest.country_parts import part_of_country
from components.ingest.country_translations import in_languages
from components.ingest.drafts import Draft
from components.ingest.regions import is_region
from components.ingest.sheets import ReadContext, Sheet, quoted
from components.ingest.unknown_countries import likely_country

# The words that may stand beside a made-up name in a country's official name.
_STATE_WORDS = frozenset(
    {
        "republic",
        "kingdom",
        "state",
        "states",
        "federal",
        "federation",
        "democratic",
        "people's",
        "peoples",
        "united",
        "islamic",
        "union",
        "commonwealth",
        "principality",
        "grand",
        "duchy",
        "of",
        "the",
        "and",
        "republique",
        "royaume",
        "etat",
        "federale",
        "democratique",
        "unie",
        "unis",
        "de",
        "du",
        "des",
        "la",
        "le",
        "l'",
        "d'",
        "republica",
        "reino",
        "estado",
        "estados",
        "democratica",
        "unidos",
        "unido",
        "del",
        "do",
        "da",
        "y",
        "e",
        "et",
        "north",
        "south",
        "east",
        "west",
        "new",
    }
)
# Words of the vocabulary's languages that end like a made-up country ("Policía",
# "Gendarmerie", "Estrategia", "Mainland"): by their endings, which no country's name has
# (a country the app knows by such a name, "Algérie", is known before this is asked) ...
_WORD_ENDINGS = (
    "logia",
    "logie",
    "grafia",
    "graphie",
    "ncia",
    "icia",
    "oria",
    "orie",
    "erie",
    "egia",
    "egie",
    "cracia",
    "cratie",
    "nomia",
    "nomie",
    "ergia",
    "ergie",
    "atria",
    "atrie",
    "uria",
    "tie",
)
# ... or as words, for the few common ones left.
_WORDS = frozenset(
    {
        "media",
        "multimedia",
        "criteria",
        "academia",
        "trivia",
        "copie",
        "partie",
        "sortie",
        "compagnie",
        "serie",
        "island",
        "islands",
        "mainland",
        "inland",
        "homeland",
        "overland",
        "highland",
        "lowland",
    }
)
# Countries with no ISO 3166 code, so none of pycountry's names.
_WITHOUT_CODE = frozenset({"kosovo", "kosova"})
_MEMO_KEY = "not a country"


def names_a_country(name: str) -> bool:
    """True when ``name`` (taken from a title or a sheet name) reads as a country's name; not
    one word that only a language the reader does not read gives a country ("Island")."""
    if word_abroad(name) is not None and normalise(name) not in country_aliases():
        return False
    if (
        iso3_in_any_language(name) is not None
        or alias_of(name) is not None
        or part_of_country(name) is not None
        or is_region(name)
        or likely_country(name) is not None
        or misspelt_country(name) is not None
        or normalise(name) in _WITHOUT_CODE
        or _begins_one_name(name)
    ):
        return True
    return _made_up_name(name)


@lru_cache(maxsize=1024)
def _begins_one_name(name: str) -> bool:
    """``name`` is the short form of exactly one country's name in the vocabulary's languages
    ("Palestina": "Palestina, Estado de"; "Micronésie": "Micronésie, États fédérés de")."""
    key = normalise(name)
    if len(key) < 4:
        return False
    codes = {
        code
        for known, code in names_in_any_language().items()
        if known.startswith(key) and not known[len(key) : len(key) + 1].isalpha()
    }
    return len(codes) == 1


def _made_up_name(name: str) -> bool:
    """A made-up country: one name ending like a country's ("Elbonia", "Krakozhstan"), alone
    or with the words of a state's name ("Republic of Elbonia"), written with a capital. Two
    names ("Maria Garcia") are a person's, not a country's."""
    # "République d'Elbonie": the name after its article.
    words = [re.sub(r"^[dlDL][’']", "", w) for w in name.split()]
    if not is_plausible_country(" ".join(words)):
        return False
    proper = [w for w in words if normalise(w) not in _STATE_WORDS]
    if len(proper) != 1 or proper[0] != words[-1] or not proper[0][:1].isupper():
        return False
    # A letter with an accent ("Policía", "Série", "Estratégia") is a word of a language.
    key = normalise(proper[0])
    if not proper[0].isascii() or key in _WORDS:
        return False
    return not key.endswith(_WORD_ENDINGS)


def remember_not_country(ctx: ReadContext, sheet: Sheet, found: Any) -> None:
    """Keep ``found`` (a ``context.Found`` whose country is no country) for the error to say
    why the sheet's assessment has none, should nothing else give one."""
    kept: dict[str | None, Any] = ctx.memo.setdefault(_MEMO_KEY, {})
    kept.setdefault(sheet.name, found)


def refuse_not_country(ctx: ReadContext, draft: Draft) -> bool:
    """True when ``draft``, which has no country, is refused here: its sheet's title or name
    was not taken as its country. Said as an error naming those words."""
    found = ctx.memo.get(_MEMO_KEY, {}).get(draft.sheet.name)
    if found is None or draft.country_cell is not None:
        return False
    where = f"sheet {quoted(draft.sheet.name)}" if draft.sheet.name else "the file"
    when = draft.name.removeprefix("(no country)").strip()
    named = "the title" if found.where == "the title" else "the sheet's name"
    abroad = word_abroad(found.country) if found.country else None
    says = (
        f"{named} {quoted(found.text)} does not name a country the app knows"
        if abroad is None
        else f"{named} {quoted(found.text)} names a country only as {quoted(found.country)}, "
        f"{abroad[0]}'s name in {in_languages(abroad[1])}, which may be another word here"
    )
    ctx.add(
        "error",
        draft.sheet,
        found.cell,
        f"No country is given on {where}, and {says}, so its assessment"
        f"{f' of {when}' if when else ''} was not used.",
        "Add a Country label at the top of the sheet with the country in the cell to its "
        "right (or use a Country column), or name the sheet after the country (such as "
        f"“Kenya 2024”), then upload the file again. If {named} is the country's name, write "
        "it in English (or its ISO3 code, such as KEN, in an ISO3 cell).",
    )
    return True
