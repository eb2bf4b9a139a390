"""Countries written as ISO codes in a Country cell or column: "KE", "kh", "Mne", "ken".

Forms keep a choice's name, not its label: ODK and Kobo export the country question as the
codes of its choices ("kh", "mm", "KE", "TZ"), and a person filling a form types a code among
names ("Mne" under "Albania", "Serbia"). Kept as written, each became a country of its own
("kh"), with no ISO3 code, no region, joining no other file of that country. A value of two or
three letters written in a Country cell or column, which no alias names ("UK", "DRC" are
``country_aliases``'s), is read as the ISO 3166 code it is in any case (alpha-2 "KE", alpha-3
"KEN"): the assessment is filed under the code's country, with a warning quoting the code,
once per code, since a code in small or mixed letters ("in", "Mne") may be meant otherwise.
A short value that is no code is kept, with a warning that the app cannot place it.

A title or a sheet name that is an abbreviation is ``short_names``'s business (refused, the
country suggested): only what the person wrote as the country is read here.
"""

from __future__ import annotations

import pycountry

from components.ingest.countries import iso3_in_any_language, shown_name
from components.ingest.country_aliases import alias_of
from components.ingest.drafts import Draft, cell_holding
from components.ingest.sheets import ReadContext, quoted

_LONGEST_CODE = 3


def code_country(text: str) -> tuple[str, str] | None:
    """(name, ISO3) of the country whose ISO 3166 alpha-2 or alpha-3 code ``text`` is, in any
    case ("KE", "ke", "Mne"); ``None`` for anything else."""
    letters = text.strip()
    if not (2 <= len(letters) <= _LONGEST_CODE and letters.isascii() and letters.isalpha()):
        return None
    key = "alpha_2" if len(letters) == 2 else "alpha_3"
    found = pycountry.countries.get(**{key: letters.upper()})
    return None if found is None else (shown_name(found.alpha_3), found.alpha_3)


def read_cell_codes(ctx: ReadContext, drafts: list[Draft]) -> None:
    """Give each draft whose country was written in a cell as an ISO code its country's name
    and ISO3, said once per code; warn about a short value that is no code."""
    for draft in drafts:
        name = draft.country
        if (
            not name
            or draft.iso3
            or len(name.strip()) > _LONGEST_CODE
            or alias_of(name) is not None
        ):
            continue
        # Written in a cell (a Country cell or column), not taken from a name around it.
        cell = cell_holding(draft.sheet, name)
        if cell is None:
            continue
        coded = code_country(name)
        if coded is None:
            if iso3_in_any_language(name) is None and ctx.once(("short country", name)):
                ctx.add(
                    "warning",
                    draft.sheet,
                    cell,
                    f"The country {quoted(name)} is neither a country's name nor an ISO code "
                    "the app knows; it was kept as written, with no ISO3 code, so it joins no "
                    "other assessment of the country it stands for.",
                    "Write the country's name in English (such as “Kenya”) or its ISO code "
                    "(KEN or KE).",
                )
            continue
        draft.country, draft.iso3 = coded
        if ctx.once(("country code", name)):
            kind = "alpha-2" if len(name.strip()) == 2 else "alpha-3"
            ctx.add(
                "warning",
                draft.sheet,
                cell,
                f"The country {quoted(name)} was read as the ISO 3166 {kind} code "
                f"{name.strip().upper()}: {coded[0]} ({coded[1]}).",
                f"If {quoted(name)} means another country, write its name in full there.",
            )
