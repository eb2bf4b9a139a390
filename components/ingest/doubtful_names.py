"""Country names that a csv's uncertain encoding may have garbled.

When a csv is not UTF-8 and two code pages fit its text equally well (see ``text_encoding``),
a name with letters outside ASCII may read wrongly: "Kýrgýzistan" for Turkish "Kırgızistan".
A known country is safe (the name resolves to its ISO3 code either way), and so is a country's
name in a language the code pages are made for ("España", "Österreich", "Norvège": see
``name_letters``) when no other reading names another country; any other such name is refused
with an error naming its cell, rather than put on the dashboard as a new country.

A file whose code page was told for sure is not safe either: Excel's "CSV (MS-DOS)" (code page
437) read as Mac Roman gives "TÅrkiye" for "Türkiye". So after any legacy decode, a name that is
no known country is refused as well when another code page reads it as a known country, or as
text that looks at least as much like a name ("Kırgız" beside "Kýrgýz"). A name that reads as
gibberish in every other code page ("Кыргызстан" is "Êûðãûçñòàí" in Windows-1252) is kept.

A name that, as decoded, is a country's name in its own script ("مصر" read as Windows-1256,
"Казахстан" as Windows-1251; ``countries.iso3_in_any_language``) is not garbled, however
unsure the code page was, unless another code page reads it as another country's name.
"""

from __future__ import annotations

from components.ingest.countries import iso3_in_any_language, iso3_of
from components.ingest.drafts import Draft
from components.ingest.name_letters import country_names
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.text_encoding import DecodedText, reading_cost


def drop_doubtful_countries(ctx: ReadContext, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` without the assessments whose country name the file's encoding leaves in
    doubt, each reported as an error."""
    decoded: DecodedText | None = ctx.decoded_text
    if decoded is None or decoded.encoding is None:
        return drafts
    kept = []
    for draft in drafts:
        country = draft.country
        others = ""
        if country and not draft.iso3 and not _named_as_read(decoded, country):
            others = " or ".join(quoted(text) for text in _readings(decoded, country))
        if others:
            ctx.add(
                "error",
                draft.sheet,
                _cell_of(draft.sheet, country),
                f"The country {quoted(country)} may be garbled: the file is not UTF-8 text and "
                f"its encoding could not be told for sure, so the name could also read "
                f"{others}. Its assessment was not read.",
                "Save the file as “CSV UTF-8” (in Excel: File > Save As, “CSV UTF-8 (Comma "
                "delimited)”) and upload it again, or write the country's name in English.",
            )
            continue
        kept.append(draft)
    return kept


def _named_as_read(decoded: DecodedText, country: str) -> bool:
    """True when ``country`` as decoded names a country (in English, or in another language:
    "مصر") that no other code page's reading of it names otherwise."""
    if iso3_of(country) is not None:
        return True
    code = iso3_in_any_language(country)
    return code is not None and all(
        iso3_in_any_language(other) in (None, code)
        for other in decoded.other_readings(country).values()
    )


def _readings(decoded: DecodedText, country: str) -> list[str]:
    """The other readings of ``country`` that make it doubtful: other countries' names first.

    None when this reading is a country's name in a language the reader knows ("España",
    "Österreich", "Norvège") and no other reading names another country: the letters that make
    a real name are the file's (Portuguese "Grécia" and Catalan "Grècia" are both Greece)."""
    others = decoded.other_readings(country)
    own = _countries(country)
    known = [text for text in others.values() if _countries(text) - own]
    if own and not known:
        return []
    readings = decoded.readings(country) if decoded.doubtful_text(country) else []
    cost = None
    for encoding, other in others.items():
        if other in known:
            continue
        cost = reading_cost(country, decoded.encoding or "") if cost is None else cost
        if reading_cost(other, encoding) <= cost:
            readings.append(other)
    return list(dict.fromkeys(known + readings))[:3]


def _countries(name: str) -> frozenset[str]:
    """The ISO3 codes of the countries ``name`` names: in English (as the reader matches
    names, without accents) or, letter for letter, in a language the code pages are made for."""
    code = iso3_of(name)
    found = country_names().get(name.strip().lower(), frozenset())
    return found | {code} if code else found


def _cell_of(sheet: Sheet, text: str) -> str | None:
    """The first cell that holds ``text``."""
    for row, cells in enumerate(sheet.rows):
        for column, value in enumerate(cells):
            if isinstance(value, str) and text in value:
                return cell_address(row, column)
    return None
