"""A country cell still holding a form's placeholder text: no country given (for Word's text in
a level cell, see ``placeholders``).

Word's content controls ("Click or tap here to enter text.", "Choose an item.") and their
French, Spanish and Portuguese versions, and the prompts people leave in a template ("Enter
text here", "Type here", "[Country]", "<Country name>", "Country X") say that nothing was
written. An assessment whose country is such a text is treated as one whose Country cell is
empty: its ISO3 code gives the country when there is one (said), else an error says the cell
holds the placeholder and asks for the country; it never becomes a country.
"""

from __future__ import annotations

import re
from functools import lru_cache

from components.base.text import normalise
from components.ingest.countries import country_of_code, iso3_in_any_language
from components.ingest.country_sources import settle_country
from components.ingest.drafts import Draft, cell_holding
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


def drop_placeholders(ctx: ReadContext, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` less those whose country is a placeholder (each said as no country given),
    unless their ISO3 code gives the country."""
    kept = []
    for draft in drafts:
        if not draft.country or not is_placeholder(draft.country):
            kept.append(draft)
            continue
        written = draft.country
        draft.country = None
        if draft.iso3 and country_of_code(draft.iso3.strip()) is not None:
            settle_country(ctx, draft)  # the country its ISO3 code names, said
            kept.append(draft)
            continue
        cell = draft.country_cell or cell_holding(draft.sheet, written)
        where = f"sheet {quoted(draft.sheet.name)}" if draft.sheet.name else "the file"
        ctx.add(
            "error",
            draft.sheet,
            cell,
            f"No country is given on {where}: the Country cell still holds the form's "
            f"placeholder text {quoted(written)}, so its assessment was not used.",
            f"Write the country in {cell or 'the Country cell'}, over the placeholder text, "
            "then upload the file again.",
        )
    return kept
