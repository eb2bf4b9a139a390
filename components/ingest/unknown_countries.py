"""A country name pycountry does not know but that is likely a real country: said once.

An assessment's ISO3 code comes from pycountry for a name it knows in English
(``countries.iso3_of``), or in another language (``country_aliases`` files "Maroc", "Кения"
under the English name), never invented. A name left without one ("Bosnia", "Татарстан") gets
no UN region or World Bank income group for peer medians, and it is not one country with
assessments filed under the English name. The name is never changed; a warning says what
follows, once per name in a file, when the name is likely a real country: exactly one country
begins with it ("Bosnia": "Bosnia and Herzegovina"), which the warning suggests; two or three
countries' names begin with its words ("Korea": South and North Korea), which it names; it is a
country's name in another language that was not taken as one (``named_elsewhere``: two
countries share it, it is a letter from another country's name, or it is a word too short to
tell), which the warning says; or it is written in another script than Latin (no made-up name
is).

Other unknown names are left quietly: made-up countries (the demo's and the tests' "Elbonia",
"Quentra", used on purpose, and said to be fictional where they are shown), regions
("Zanzibar") and endonyms nothing here can match ("Misr") cannot be told apart without
guessing. An assessment with an ISO3 code of its own (an ISO3 cell or column, such as the
demo's made-up "XAA") is not said: its code groups it.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import pycountry

from components.base.text import normalise
from components.ingest.countries import (
    english_names,
    iso3_in_any_language,
    iso3_of,
    other_name_of,
    shown_name,
)
from components.ingest.country_aliases import alias_of, misspelt_country, name_parts
from components.ingest.country_translations import countries_named, in_languages
from components.ingest.drafts import Draft, cell_holding
from components.ingest.sheets import ReadContext, quoted


def say_unknown_countries(ctx: ReadContext, drafts: list[Draft]) -> None:
    """A warning for each country name of ``drafts`` with no ISO3 code that is likely a real
    country (one likely match, or a name in another script), once per name."""
    seen: set[str] = set()
    for draft in drafts:
        name = draft.country
        if not name or draft.iso3 or name in seen:
            continue
        seen.add(name)  # a long table's 200 assessments have a few names, each looked at once
        if iso3_of(name) is not None:
            continue
        likely = likely_country(name)
        misspelt = misspelt_country(name) if likely is None else None
        elsewhere = named_elsewhere(name) if likely is None else None
        several = () if likely or misspelt or elsewhere else countries_beginning(name)
        within = None if likely or misspelt or elsewhere or several else country_within(name)
        if not (likely or misspelt or elsewhere or several or within or _other_script(name)):
            continue  # a made-up name ("Elbonia"), a region: nothing to say that helps
        if not ctx.once(("unknown country", normalise(name))):
            continue
        what = (
            "may be more than one country"
            if several
            else "is not one country's name"
            if within
            else "is not an English name the app knows"
        )
        message = (
            f"The country {quoted(name)} {what}, so it has no ISO3 "
            "code: it will not be grouped with assessments of that country filed under its "
            "English name, nor with its region or income group for peer medians."
        )
        stray = _stray_of(ctx, draft, drafts, misspelt) if misspelt is not None else None
        if misspelt is not None:
            message += f" Did you mean {misspelt[0]} ({misspelt[1]})?"
            fix = (
                f"If it is {misspelt[0]}, correct the spelling to “{misspelt[0]}” (or write "
                f"{misspelt[1]} in an ISO3 cell or column); if it is another place, leave it."
            )
        if misspelt is not None and stray is not None:
            message += stray
            fix = (
                f"Correct {quoted(name)} to “{misspelt[0]}” so that its rows join "
                f"{misspelt[0]}'s assessment; if it is another place, leave it."
            )
        elif likely is not None:
            message += f" It may be {likely[0]} ({likely[1]})."
            fix = (
                f"If it is {likely[0]}, write “{likely[0]}” as the country (or {likely[1]} in "
                "an ISO3 cell or column); if it is another place, leave it."
            )
        elif within:
            shown, code, rest = within
            message += (
                f" It names {shown} ({code}) and more ({quoted(rest)}): perhaps a part of "
                f"{shown} assessed on its own, kept apart from {shown}'s national assessments."
            )
            fix = (
                f"If it is {shown}'s national assessment, write “{shown}” as the country (or "
                f"{code} in an ISO3 cell or column); if it is a part of {shown}, leave it."
            )
        elif several:
            names = " or ".join(f"{shown} ({code})" for shown, code in several)
            message += f" It may be {names}: the file does not say which."
            written = " or ".join(f"“{shown}”" for shown, _ in several)
            codes = " or ".join(code for _, code in several)
            fix = (
                f"Write the country as {written} (or its ISO3 code, {codes}, in an ISO3 cell or "
                "column); if it is another place, leave it."
            )
        else:
            fix = (
                "Write the country's name in English (such as “Kazakhstan”), or its ISO3 code "
                "(such as KAZ) in an ISO3 cell or column."
            )
        if elsewhere:
            message += f" {elsewhere[0]}"
            meant = elsewhere[1] + (f" or “{misspelt[0]}”" if misspelt else "")
            fix = (
                f"Write the country's name in English ({meant}), or its ISO3 code in an ISO3 "
                "cell or column."
            )
        cell = draft.country_cell or cell_holding(draft.sheet, name)
        ctx.add("warning", draft.sheet, cell, message, fix)


# A typo's assessment this small beside its country's is likely a stray row of it.
_STRAY_ITEMS = 3


def _stray_of(
    ctx: ReadContext, draft: Draft, drafts: list[Draft], meant: tuple[str, str]
) -> str | None:
    """What to add to the warning when ``draft`` (a misspelt country's, a row or three) holds
    only items that the assessment of the country it likely means, on the same sheet and of
    the same date or year and round, lacks: those rows probably belong to it."""
    mine = [(kind, n) for kind, numbers in draft.items.items() for n in numbers]
    if not mine or len(mine) > _STRAY_ITEMS:
        return None
    for other in drafts:
        same = (other.date, other.year, other.round) == (draft.date, draft.year, draft.round)
        if other is draft or other.sheet is not draft.sheet or not same:
            continue
        if other.country != meant[0] and (other.iso3 or "").upper() != meant[1]:
            continue
        if any(n in other.items.get(kind, {}) for kind, n in mine):
            return None  # the country has these already: a place of its own, perhaps
        catalogues = {"capability": ctx.capabilities, "enabler": ctx.enablers}
        what = ", ".join(catalogues[kind].describe(n) for kind, n in mine)
        rows = "this row probably belongs" if len(mine) == 1 else "these rows probably belong"
        return (
            f" It holds only {what}, which the assessment of {other.name} on the same sheet "
            f"lacks: {rows} to {other.name}'s assessment. It was kept apart, as written."
        )
    return None


@lru_cache(maxsize=1024)
def named_elsewhere(name: str) -> tuple[str, str] | None:
    """(what to say, the English names to suggest) when ``name`` is a country's name in
    another language that was not taken as that country: shared by two countries ("Конго
    Республикасы", both Congos in Kyrgyz), one letter from another country's English name
    ("Saint Marin": San Marino in French, a letter from Saint Martin) or a word too short to
    tell ("Y", Italy in Vietnamese); else None."""
    named = countries_named(name)
    if not named or other_name_of(name) is not None:
        return None
    if len(named) == 1:
        [(code, languages)] = named.items()
        said = f"{shown_name(code)}'s name in {in_languages(_ordered(languages))}"
        why = "a word this short" if len(normalise(name)) < 4 else "a name this close to another"
        text = f"It is {said} ({code}), but {why} was not taken as the country."
        return text, f"“{shown_name(code)}”"
    each = [
        f"{shown_name(code)}'s ({code}) in {in_languages(_ordered(languages))}"
        for code, languages in sorted(named.items())
    ]
    text = f"It is the name of more than one country: {'; '.join(each)}, so none was taken."
    return text, " or ".join(f"“{shown_name(code)}”" for code in sorted(named))


def _ordered(languages: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(languages))


@lru_cache(maxsize=4096)
def _other_script(name: str) -> bool:
    """A name written in letters other than Latin ("Казахстан", "مصر"): no made-up name of
    the app's, and pycountry's names are in Latin letters."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and not any(unicodedata.name(c, "").startswith("LATIN") for c in letters)


@lru_cache(maxsize=1024)
def likely_country(name: str) -> tuple[str, str] | None:
    """(English name, ISO3) of the one country ``name`` likely means, else ``None``."""
    key = normalise(name)
    if len(key) < 4:
        return None
    code = iso3_in_any_language(name)
    if code is None:
        codes = {c for n, c in english_names().items() if n.startswith(key)}
        if len(codes) != 1:
            return None
        code = codes.pop()
    if pycountry.countries.get(alpha_3=code) is None:
        return None
    return shown_name(code), code


# "Korea" begins two countries' names, "Virgin Islands" two; "Saint" or "South" begin too
# many for a suggestion to help.
_MOST_BEGINNING = 3


@lru_cache(maxsize=1024)
def countries_beginning(name: str) -> tuple[tuple[str, str], ...]:
    """(English name, ISO3) of each country one of whose names begins with the words of
    ``name`` when two or three do ("Korea": South Korea and North Korea), else nothing."""
    key = normalise(name)
    if len(key) < 4:
        return ()
    # Whole words only: "Nige" is a name cut short, not a name Niger and Nigeria share.
    codes = sorted({code for known, code in english_names().items() if known.startswith(f"{key} ")})
    if not 2 <= len(codes) <= _MOST_BEGINNING:
        return ()
    return tuple((shown_name(code), code) for code in codes)


@lru_cache(maxsize=1024)
def country_within(name: str) -> tuple[str, str, str] | None:
    """(English name, ISO3, the rest) when ``name`` is a country's name and more words, before
    or after it ("Kenya – Nairobi county", "Nairobi County, Kenya"), else ``None``."""
    parts = name_parts(name)
    if parts is None:
        return None
    first, second, _ = parts
    for country, rest in ((first, second), (second, first)):
        code = iso3_of(country) or (alias[1] if (alias := alias_of(country)) else None)
        if code is not None:
            return shown_name(code), code, rest
    return None
