"""Country names that a csv's uncertain encoding may have garbled.

When a csv is not UTF-8 and two code pages fit its text equally well (see ``text_encoding``),
a name with letters outside ASCII may read wrongly: "Kýrgýzistan" for Turkish "Kırgızistan".
A known country is safe (the name resolves to its ISO3 code either way); any other such name is
refused with an error naming its cell, rather than put on the dashboard as a new country.
"""

from __future__ import annotations

from components.ingest.countries import iso3_of
from components.ingest.drafts import Draft
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.text_encoding import DecodedText


def drop_doubtful_countries(ctx: ReadContext, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` without the assessments whose country name the file's encoding leaves in
    doubt, each reported as an error."""
    decoded: DecodedText | None = ctx.decoded_text
    if decoded is None or decoded.certain:
        return drafts
    kept = []
    for draft in drafts:
        country = draft.country
        if (
            country
            and not draft.iso3
            and decoded.doubtful_text(country)
            and iso3_of(country) is None
        ):
            others = " or ".join(quoted(text) for text in decoded.readings(country))
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


def _cell_of(sheet: Sheet, text: str) -> str | None:
    """The first cell that holds ``text``."""
    for row, cells in enumerate(sheet.rows):
        for column, value in enumerate(cells):
            if isinstance(value, str) and text in value:
                return cell_address(row, column)
    return None
