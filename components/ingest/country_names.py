"""A country cell that says more than one country's name, or a code that disagrees with it.

Checked once every table is read, whatever its shape (a label, a column's header, a long
table's Country column), before assessments are joined:

- Flag emoji beside a name are left out, quietly: "🇰🇪 Kenya" is Kenya.
- An ISO 3166 alpha-3 code written with the name, in brackets or set apart by a dash
  ("Kenya (KEN)", "Ghana - GHA", "KEN – Kenya"), is left out of the name and kept as its
  ISO3 code, quietly when it is the name's. When pycountry knows the name (in English or
  another language, ``countries.iso3_in_any_language``) and the code is another country's, the
  name's code is used and a warning names both.
- An ISO3 column or label that disagrees with a name pycountry knows (Kenya's rows with
  "UGA"): the name's code is used, with a warning at the ISO3 cell naming both.
- Two or more countries in one cell ("Kenya, Uganda", "Kenya and Uganda", "Kenya / Uganda",
  "Kenya et Ouganda"), each a country pycountry knows while the whole is not one ("Trinidad
  and Tobago", "Korea, Republic of" are): the assessment is refused with an error naming
  them, never filed under a new country made of both; unless the table has rows of its own
  for each, when the cell's row is given to each of them (``country_columns``).

A name pycountry does not know (the demo's "Elbonia") is left as it is: nothing here guesses.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from components.base.text import normalise
from components.ingest.countries import country_of_code, iso3_in_any_language
from components.ingest.country_aliases import alias_of
from components.ingest.country_columns import share_joint_rows
from components.ingest.country_parts import read_parts
from components.ingest.country_regions import region_split, without_region
from components.ingest.drafts import Draft
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted

# Regional-indicator letters (the flags "🇰🇪") and the black flag with tag letters ("🏴 …").
_FLAGS = re.compile("[\U0001f1e6-\U0001f1ff\U0001f3f4\U000e0020-\U000e007f\ufe0f]+")
# A code after the name, "Kenya (KEN)", "Kenya [KEN]", "Ghana - GHA", "Ghana – GHA"; or before
# it, "KEN – Kenya", "KEN: Kenya", "(KEN) Kenya".
_CODE_FORMS = (
    re.compile(r"^(?P<name>.+?)\s*[(\[]\s*(?P<code>[A-Za-z]{3})\s*[)\]]$"),
    re.compile(r"^(?P<name>.+?)\s*[-–—|:]\s*(?P<code>[A-Z]{3})$"),
    re.compile(r"^(?P<code>[A-Z]{3})\s*[-–—|:]\s*(?P<name>.+)$"),
    re.compile(r"^[(\[]\s*(?P<code>[A-Za-z]{3})\s*[)\]]\s*(?P<name>.+)$"),
)
# What joins two countries' names in one cell, in the vocabulary's languages.
_JOINS = re.compile(r"\s*[,;/&+]\s*|\s+[-–—]\s+|\s+(?:and|et|y|e|und)\s+", re.IGNORECASE)


def settle_names(ctx: ReadContext, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` with flags and ISO codes left out of their countries' names and a
    contradicting ISO3 code corrected (said); less those that name several countries in one
    cell, each reported as an error."""
    kept = []
    for draft in share_joint_rows(ctx, drafts):  # "Indonesia,Peru" beside each's own rows
        if draft.country and not _settled(ctx, draft):
            continue
        kept.append(draft)
    return read_parts(ctx, kept)


def _settled(ctx: ReadContext, draft: Draft) -> bool:
    """False when ``draft``'s country is several countries (reported); otherwise True, its
    name and ISO3 code put right."""
    written = draft.country or ""
    # A name with nothing to settle (``_plain``, kept per process): what the steps below
    # would leave it, saying nothing.
    plain = _plain(written)
    if plain is not None:
        draft.country = plain
        return True
    name = ctx.cached("country_names.unflagged", written, _unflagged)
    if iso3_in_any_language(name) is None:
        name = without_region(ctx, draft, written, name, _is_country)
        name = _without_code(ctx, draft, written, name)
        several = ctx.cached("country_names.several", name, _countries_in)
        if several:
            _refuse_joint(ctx, draft, written, several)
            return False
    draft.country = name
    own = iso3_in_any_language(name)
    given = draft.iso3.strip().upper() if draft.iso3 else None
    if own is not None and given is not None and given != own:
        cell = _cell_holding(draft.sheet, given, near=written)
        coded = country_of_code(given)
        if coded is not None and _shortens(name, given):
            # "Congo" with COD: the short name of the code's country too; the code says which.
            ctx.add(
                "warning",
                draft.sheet,
                cell,
                f"{quoted(name)} is the name of the country coded {own}, and also short for "
                f"{quoted(coded[0])}, "
                f"whose ISO3 code {given} is given; the code {given} was kept.",
                f"If the country is {own}, correct the ISO3 code to {own}; otherwise write "
                f"{quoted(coded[0])} in full.",
            )
            return True
        draft.iso3 = own
        ctx.add(
            "warning",
            draft.sheet,
            cell,
            f"The ISO3 code {quoted(given)} is not {quoted(name)}'s code ({own}); the "
            f"assessment was filed under {quoted(name)} with the code {own}.",
            f"If the country is right, correct the ISO3 code to {own}; if the code is right, "
            "correct the country's name.",
        )
    return True


# Pure (the text and the app's own lists of names, loaded once): worked out once per distinct
# name in the process (bounded: user text), as a long table's names come back in every read.
@lru_cache(maxsize=8192)
def _plain(written: str) -> str | None:
    """The name ``_settled`` gives a draft written so when it changes and says nothing else
    (no country's code to check, no region, code or second country in it), else ``None``."""
    name = _unflagged(written)
    if iso3_in_any_language(name) is not None or region_split(name, _is_country) is not None:
        return None
    return None if _code_split(name) is not None or _countries_in(name) else name


def _unflagged(written: str) -> str:
    """The name without flags (and the spaces they leave)."""
    name = _FLAGS.sub(" ", written).strip() or written
    return " ".join(name.split()) if name != written else name


def _shortens(name: str, code: str) -> bool:
    """True when ``name`` begins a name of the country of ``code`` ("Congo": "Congo, The
    Democratic Republic of the"; "Guinea": "Guinea-Bissau")."""
    found = pycountry.countries.get(alpha_3=code)
    start = normalise(name) + " "
    return any(
        normalise(value).startswith(start)
        for value in (getattr(found, a, None) for a in ("name", "official_name", "common_name"))
        if value
    )


def _without_code(ctx: ReadContext, draft: Draft, written: str, name: str) -> str:
    """``name`` less an ISO code written with it, the code kept as ``draft``'s ISO3 (the
    name's own code when the two disagree, said)."""
    # The code's place depends on the name alone: found once per distinct name in the read.
    split = ctx.cached("country_names.code", name, _code_split)
    if split is not None:
        bare, coded = split
        own = iso3_in_any_language(bare)
        if own == coded[1]:
            draft.iso3 = own
        elif own is None:
            draft.iso3 = coded[1]
            ctx.add(
                "warning",
                draft.sheet,
                _cell_holding(draft.sheet, written),
                f"{quoted(written)}: the country {quoted(bare)} was given the ISO3 code "
                f"{coded[1]} written with it, which is {quoted(coded[0])}'s.",
                "If that is wrong, write the country's name alone, or its own ISO3 code.",
            )
        else:
            draft.iso3 = own
            ctx.add(
                "warning",
                draft.sheet,
                _cell_holding(draft.sheet, written),
                f"{quoted(written)}: the code {coded[1]} is {quoted(coded[0])}'s, not "
                f"{quoted(bare)}'s ({own}); the assessment was filed under {quoted(bare)} "
                f"with the code {own}.",
                f"If the country is {quoted(coded[0])}, write its name instead; otherwise "
                "write the country's name alone.",
            )
        return bare
    return name


def _code_split(name: str) -> tuple[str, tuple[str, str]] | None:
    """(the name, the code's country) of a name written with an ISO code, else ``None``."""
    for form in _CODE_FORMS:
        found = form.fullmatch(name)
        if found is None:
            continue
        coded = country_of_code(found["code"])
        bare = found["name"].strip()
        if coded is not None and bare:
            return bare, coded
    return None


def _is_country(name: str) -> bool:
    """A country's name (in a vocabulary language, or another name the aliases file knows),
    alone or with its ISO3 code ("KHM – Cambodia")."""
    if iso3_in_any_language(name) or alias_of(name):
        return True
    for form in _CODE_FORMS:
        found = form.fullmatch(name)
        if found and country_of_code(found["code"]) and found["name"].strip():
            return True
    return False


def _countries_in(name: str) -> list[str]:
    """The names of two or more different countries pycountry knows that ``name`` joins
    ("Kenya and Uganda"), else none."""
    parts = [part.strip() for part in _JOINS.split(name)]
    if len(parts) < 2 or not all(parts):
        return []
    codes = [iso3_in_any_language(part) for part in parts]
    if None in codes or len(set(codes)) < 2:
        return []
    return parts


def _refuse_joint(ctx: ReadContext, draft: Draft, written: str, names: list[str]) -> None:
    listed = ", ".join(quoted(n) for n in names[:-1]) + f" and {quoted(names[-1])}"
    ctx.add(
        "error",
        draft.sheet,
        _cell_holding(draft.sheet, written),
        f"{quoted(written)} names {len(names)} countries ({listed}) for one assessment; "
        "its levels were not read, since the dashboard keeps each country's apart.",
        "Make one assessment per country (a sheet, a column or rows of its own for each, "
        "with that country's levels), or write only the country this assessment is for.",
    )


def _cell_holding(sheet: Sheet, text: str, near: str | None = None) -> str | None:
    """The first cell holding ``text`` alone, on a row that also holds ``near`` if there is
    one (the ISO3 cell of a country's own row), else the first anywhere."""
    first = None
    for row, cells in enumerate(sheet.rows):
        for column, value in enumerate(cells):
            if not isinstance(value, str) or value.strip().casefold() != text.casefold():
                continue
            if near is None or any(isinstance(v, str) and v.strip() == near for v in cells):
                return cell_address(row, column)
            first = first or cell_address(row, column)
    if first is None and near is None:  # "Kenya and Uganda 2023": the name and more
        return next(
            (
                cell_address(row, column)
                for row, cells in enumerate(sheet.rows)
                for column, value in enumerate(cells)
                if isinstance(value, str) and text in value
            ),
            None,
        )
    return first
