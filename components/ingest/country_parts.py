"""A part of a country assessed on its own: "Tanzania (Mainland)", "Zanzibar", "Scotland".

ISO 3166-1 gives no code to such a part, so it would be a country without an ISO3 code that
joins nothing. ``mnr_data/country_aliases.toml`` (``[parts]``) lists the words that name a part
in brackets after a country's name ("Mainland", "Federal", "Continental", in the vocabulary's
languages) and the parts' own names ("Zanzibar", "Kurdistan Region", "Scotland", each with its
country's code). Such an assessment is filed under its country, with its ISO3 code, and the part
as its round ("Tanzania", round "Mainland"), with a warning: two parts of one country in one
file stay two assessments, never one, and each stays visible by its round. A part with a code of
its own (Hong Kong, Macao, Puerto Rico) is a country, as ISO 3166 has it, and is not listed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache, lru_cache

from components.base.text import normalise
from components.ingest.countries import iso3_in_any_language
from components.ingest.country_aliases import alias_of, aliases_file, kept_name
from components.ingest.drafts import Draft, cell_holding
from components.ingest.sheets import ReadContext, quoted

_BRACKETED = re.compile(r"^(?P<country>[^()\[\]]+?)\s*[(\[]\s*(?P<part>[^()\[\]]+?)\s*[)\]]$")


@cache
def _parts() -> tuple[frozenset[str], Mapping[str, str]]:
    data = aliases_file().get("parts", {})
    words = frozenset(normalise(w) for w in data.get("words", []))
    names = {normalise(name): code for name, code in data.get("names", {}).items()}
    return words, names


@lru_cache(maxsize=1024)
def part_of_country(text: str) -> tuple[str, str, str] | None:
    """``(country, ISO3, part)`` when ``text`` names a part of a country ("Tanzania
    (Mainland)": Tanzania, TZA, Mainland; "Zanzibar": Tanzania, TZA, Zanzibar), else None."""
    words, names = _parts()
    text = " ".join(text.split())
    found = _BRACKETED.match(text)
    if found is None:
        code = names.get(normalise(text))
        return None if code is None else (kept_name(code), code, text)
    country, part = found["country"], found["part"]
    code = iso3_in_any_language(country) or (alias_of(country) or ("", None))[1]
    key = normalise(part)
    if code is None or not (key in words or names.get(key) == code):
        return None
    return kept_name(code), code, part


def read_parts(ctx: ReadContext, drafts: list[Draft]) -> list[Draft]:
    """``drafts``, each one that names a part of a country filed under the country with the
    part as its round (said once per name)."""
    for draft in drafts:
        found = part_of_country(draft.country) if draft.country else None
        if found is None or (draft.iso3 and draft.iso3.strip().upper() != found[1]):
            continue
        written, (country, code, part) = draft.country, found
        draft.country, draft.iso3 = country, code
        draft.round = f"{part} {draft.round}" if draft.round else part
        if ctx.once(("part", written)):
            ctx.add(
                "warning",
                draft.sheet,
                draft.country_cell or cell_holding(draft.sheet, written),
                f"{quoted(written)} names a part of {quoted(country)} with no ISO3 code of its "
                f"own: it was filed under {quoted(country)} ({code}) with {quoted(part)} as its "
                "round, so that it stays apart from the country's other parts and assessments.",
                f"If it is the whole country's assessment, write {quoted(country)} alone.",
            )
    return drafts
