"""A domain's sheet numbered from 1: "1 | Dedicated Law Enforcement" on a "Criminal Justice" sheet.

A workbook with a sheet per domain often numbers each sheet's rows 1, 2, 3... again: the
number is the capability's position within the domain, not its number in the framework. A
row whose bare number and exact title disagree is then read by its title when the sheet is a
domain's (its name, or a title line above the table, names one domain, in any language the
framework's domain ``aliases`` give), the title names a capability of that domain, and the
number is that capability's position in it. One warning per sheet says so. Anything else
(a title of another domain, a number that is not its position, a sheet that names no domain)
stays the disagreement it is, reported by ``numbered_titles``.
"""

from __future__ import annotations

import re
from typing import Any

from components.base.text import normalise
from components.framework.model import Domain
from components.ingest.matching import Catalogue, ItemMatch, is_plain_number
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.vocabulary import default_vocabulary

Resolved = tuple[int, Any, Catalogue, ItemMatch]  # (column, value, catalogue, match)

# Rows above a domain sheet's table that may hold its title ("Kenya 2023 - Criminal Justice").
_TITLE_ROWS = 3
_PARTS = re.compile(r"\s[-–—|:/]\s|[:|–—]")


def local_number(
    ctx: ReadContext, sheet: Sheet, row: int, resolved: list[Resolved]
) -> tuple[Catalogue, int] | None:
    """The capability a row names by its title when its bare number is the title's position
    within the sheet's domain (said once per sheet), or ``None``."""
    titled = [r for r in resolved if r[3].how == "title" and r[2].kind == "capability"]
    numbered = [r for r in resolved if r[3].how == "number" and is_plain_number(r[1])]
    if len(titled) != 1 or len(numbered) != 1 or titled[0][3].number is None:
        return None
    domain = ctx.cached("sheet-domain", sheet.name, lambda _: _sheet_domain(ctx, sheet))
    if domain is None:
        return None
    _, title, catalogue, match = titled[0]
    number_column, number, _, _ = numbered[0]
    numbers = [c.number for c in ctx.framework.capabilities_in(domain.id)]
    if match.number not in numbers or _whole(number) != numbers.index(match.number) + 1:
        return None
    if ctx.once((sheet.name, "domain-numbers")):
        ctx.add(
            "warning",
            sheet,
            cell_address(row, number_column),
            f"The numbers on sheet {quoted(sheet.name)} restart at 1 for the domain "
            f"{quoted(domain.name)}: they were taken as positions within the domain, and each "
            f"row was read by its title ({quoted(number)}, {quoted(title)}: "
            f"{catalogue.describe(match.number)}).",
            "Nothing to do if so. Numbering the capabilities as the framework does (1 to "
            f"{len(ctx.framework.capabilities)}) would say it without a doubt.",
        )
    return catalogue, match.number


def _sheet_domain(ctx: ReadContext, sheet: Sheet) -> Domain | None:
    """The domain a sheet's name names, else the one domain its title lines name."""
    names = ctx.cached("domain-names", "", lambda _: _domain_names(ctx))
    named = _domain_in(sheet.name, names)
    if named is not None:
        return named
    found = {
        domain.id: domain
        for cells in sheet.rows[:_TITLE_ROWS]
        for value in cells
        if isinstance(value, str) and (domain := _domain_in(value, names)) is not None
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _domain_names(ctx: ReadContext) -> dict[str, Domain]:
    return {
        normalise(name): domain
        for domain in ctx.framework.domains
        for name in (domain.name, *domain.aliases)
    }


def _domain_in(text: str, names: dict[str, Domain]) -> Domain | None:
    """The domain a text names: whole ("Justicia penal", "Domain 2: Criminal Justice") or as
    one part of a title ("Kenya 2023 - Criminal Justice")."""
    if len(text) > 80:
        return None  # a sentence, not a name or a title
    found = {
        domain.id: domain
        for part in (text, *_PARTS.split(text))
        if (domain := names.get(_without_domain_word(part))) is not None
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _without_domain_word(text: str) -> str:
    """ "Domain 2 Criminal Justice" -> "criminal justice", "2. Victim" -> "victim"."""
    words = normalise(text).split()
    headers = default_vocabulary().headers
    while words and (words[0].isdigit() or headers.get(words[0]) == "domain"):
        words = words[1:]
    return " ".join(words)


def _whole(number: Any) -> int:
    return int(float(str(number).strip().rstrip(".")))
