"""A country cell still holding a form's placeholder text: no country given (for Word's text in
a level cell, see ``placeholders``).

Word's content controls ("Click or tap here to enter text.", "Choose an item.") and their
French, Spanish and Portuguese versions, and the prompts people leave in a template ("Enter
text here", "Type here", "[Country]", "<Country name>", "Country X") say that nothing was
written, and so does a database's mark of a missing value ("NULL", ``missing_marks``). An
assessment whose country is such a text is treated as one whose Country cell is empty: its
ISO3 code gives the country when there is one (said), else an error says the cell holds the
placeholder (or the mark) and asks for the country; it never becomes a country.

Countries anonymised in a report ("Country A" … "Country K", "Pays B", "Country 3
(anonymised)") are stand-ins too: no level of theirs can be filed under a country, so they are
refused with one error per sheet saying so (a prompt's "Country X" alone stays the form's
placeholder).
"""

from __future__ import annotations

import re
from functools import lru_cache

from components.base.text import normalise
from components.ingest.countries import country_of_code, iso3_in_any_language
from components.ingest.country_sources import settle_country
from components.ingest.drafts import Draft, cell_holding
from components.ingest.missing_marks import WRITERS, missing_mark
from components.ingest.placeholders import PROMPTS
from components.ingest.sheets import ReadContext, quoted

# Word's prompts for an empty box (``placeholders.PROMPTS``) and the ones people leave in a
# template's Country cell.
_PLACEHOLDERS = PROMPTS | frozenset(
    normalise(text)
    for text in (
        "Enter text here",
        "Enter text",
        "Type here",
        "Type text here",
        "Saisissez du texte ici",
        "Escriba aquí",
        "Clique aqui para digitar texto.",
    )
)
# "Country X", "XXXX", "Country name", "Enter the country here", "Nom du pays" (normalised).
_COUNTRY_PROMPT = re.compile(
    r"^(?:x{2,}|y{2,}|z{2,}|"
    r"(?:country|pays|pais)(?: name)?(?: [xyz]{1,4})?|(?:country|pays|pais) here|your country|"
    r"(?:name of (?:the )?country|nom du pays|nombre del pais|nome do pais)|"
    r"(?:enter|insert|type) (?:the )?country(?: name)?(?: here)?)$"
)
# A country's stand-in in an anonymised report: "Country A", "Pays B", "País C", "Economy D",
# "Member State E"; a number only with a word saying so ("Country 3 (anonymised)"): "Country
# 3" alone is as often a made-up name of a test or a demo (normalised).
_STAND_IN = re.compile(
    r"^(?P<before>anonymous |anonymised |anonymized |unnamed )?"
    r"(?:country|pays|pais|economy|economie|economia|state|member state|jurisdiction)"
    r"(?: no| n| number| nr| numero)? (?:(?P<letter>[a-z])|\d{1,3})"
    r"(?P<after> anonymi[sz]ed| anonymous| anonyme)?$"
)
# A prompt in brackets: "[Country]", "<Country name>", "{country}", "[Insert here]".
_BRACKETED = re.compile(r"\s*(?:\[[^\[\]]*\]|<[^<>]*>|\{[^{}]*\})\s*")


@lru_cache(maxsize=1024)
def is_placeholder(text: str) -> bool:
    """True when ``text`` is a form's placeholder, not a country's name."""
    key = normalise(text)
    if key in _PLACEHOLDERS or _COUNTRY_PROMPT.match(key):
        return True
    if _BRACKETED.fullmatch(text) is None:
        return False
    return iso3_in_any_language(text.strip()[1:-1]) is None  # "[Kenya]" is still Kenya


@lru_cache(maxsize=1024)
def is_stand_in(text: str) -> bool:
    """True when ``text`` stands for a country left anonymous ("Country A", "Country 3")."""
    found = _STAND_IN.match(normalise(text))
    if found is None or not (found["letter"] or found["before"] or found["after"]):
        return False
    return iso3_in_any_language(text) is None


def drop_placeholders(ctx: ReadContext, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` less those whose country is a placeholder (each said as no country given)
    or an anonymised country's stand-in (said once per sheet), unless their ISO3 code gives
    the country."""
    kept = []
    stand_ins: dict[int, list[Draft]] = {}
    # "Country X" alone is a form's prompt; among "Country A", "Country B" it is one of them.
    anonymised = {
        id(d.sheet)
        for d in drafts
        if d.country and is_stand_in(d.country) and not _COUNTRY_PROMPT.match(normalise(d.country))
    }
    for draft in drafts:
        mark = missing_mark(draft.country)  # "NULL": a database's missing value, as a prompt
        if not draft.country or not (
            mark or is_placeholder(draft.country) or is_stand_in(draft.country)
        ):
            kept.append(draft)
            continue
        written = draft.country
        draft.country = None
        if draft.iso3 and country_of_code(draft.iso3.strip()) is not None:
            settle_country(ctx, draft)  # the country its ISO3 code names, said
            kept.append(draft)
            continue
        if is_stand_in(written) and id(draft.sheet) in anonymised:
            draft.country = written
            stand_ins.setdefault(id(draft.sheet), []).append(draft)
            continue
        cell = draft.country_cell or cell_holding(draft.sheet, written)
        where = f"sheet {quoted(draft.sheet.name)}" if draft.sheet.name else "the file"
        held = (
            f"holds {quoted(written)}, the mark {WRITERS[mark]}"
            if mark
            else f"still holds the form's placeholder text {quoted(written)}"
        )
        ctx.add(
            "error",
            draft.sheet,
            cell,
            f"No country is given on {where}: the Country cell {held}, so its assessment was "
            "not used.",
            f"Write the country in {cell or 'the Country cell'}"
            f"{'' if mark else ', over the placeholder text'}, then upload the file again.",
        )
    for members in stand_ins.values():
        _say_anonymised(ctx, members)
    return kept


def _say_anonymised(ctx: ReadContext, members: list[Draft]) -> None:
    """One error for a sheet's assessments of countries left anonymous."""
    names = [quoted(n) for n in dict.fromkeys(d.country or "" for d in members)]
    if len(names) == 1:
        shown = f"{names[0]} stands for a country whose name is not given, so its levels"
    else:
        listed = (
            f"{', '.join(names[:-1])} and {names[-1]}"
            if len(names) <= 4
            else f"{', '.join(names[:2])} … {names[-1]} ({len(names)} names)"
        )
        shown = f"{listed} stand for countries whose names are not given, so their levels"
    first = members[0]
    cell = first.country_cell or cell_holding(first.sheet, first.country or "")
    where = f"sheet {quoted(first.sheet.name)}" if first.sheet.name else "the file"
    ctx.add(
        "error",
        first.sheet,
        cell,
        f"The countries on {where} are anonymised: {shown} cannot be filed under any "
        "country; none was read.",
        f"Upload the table with each country's name (or ISO3 code) in place of {names[0]}. The "
        "dashboard keeps each country's assessment apart, and can show them anonymised itself.",
    )
