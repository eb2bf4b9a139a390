"""A country cell that names a region or its average ("East Africa", "SADC", "East Africa
(avg)"): never a country.

The regions and groups of countries people report by are listed in
``mnr_data/country_aliases.toml`` (``[regions]``), in the vocabulary's languages. A name that
is one of them, or one of them with a summary word ("East Africa (avg)", "Moyenne SADC"; the
summary words of ``mnr_data/headers.toml``, asides in brackets included), or a summary word
with "region" ("Regional average") is not an assessment of a country. Among other countries'
assessments (a facilitator's average rows in a long table) it is left out with a warning; as
the file's only assessment (a single form whose Country cell says "East Africa") it is an
error saying so, never a new country. A country's own average ("Kenya (avg)", "Elbonia
(avg)") is still that country's.
"""

from __future__ import annotations

from functools import cache, lru_cache

from components.base.text import normalise
from components.ingest.country_aliases import aliases_file
from components.ingest.drafts import Draft, cell_holding
from components.ingest.region_names import is_group_name, is_group_statistic
from components.ingest.sheets import ReadContext, quoted
from components.ingest.vocabulary import default_vocabulary

_REGION_WORDS = frozenset({"region", "regional", "regions", "regionale", "regiao"})


@cache
def _regions() -> frozenset[str]:
    data = aliases_file()
    return frozenset(normalise(name) for name in data.get("regions", {}).get("names", []))


@lru_cache(maxsize=1024)
def is_region(name: str) -> bool:
    """True when ``name`` is a region or group of countries, alone or with a summary word
    (those of the peer groups and made of a region's words too: ``region_names``)."""
    words = normalise(name).split()
    if not words:
        return False
    if " ".join(words) in _regions() or is_group_name(name) or is_group_statistic(name):
        return True
    summary = default_vocabulary().summary
    rest = [w for w in words if w not in summary]
    if len(rest) == len(words):
        return False  # no summary word: a region only by its exact name
    return not rest or set(rest) <= _REGION_WORDS or " ".join(rest) in _regions()


def drop_regions(ctx: ReadContext, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` less those whose country is a region (said: a warning among countries'
    assessments, an error when nothing else is read)."""
    regional = [d for d in drafts if d.country and not d.iso3 and is_region(d.country)]
    if not regional:
        return drafts
    kept = [d for d in drafts if d not in regional]
    seen: set[str] = set()
    for draft in regional:
        name = draft.country or ""
        if name in seen:
            continue
        seen.add(name)
        cell = draft.country_cell or cell_holding(draft.sheet, name)
        where = cell or "the country cell"
        if kept:
            ctx.add(
                "warning",
                draft.sheet,
                cell,
                f"{quoted(name)} names a region or its average, not one country; its levels "
                "were not read as an assessment.",
                "Nothing to do if it is a regional figure; if it is one country's assessment, "
                f"write that country's name in {where}.",
            )
        else:
            ctx.add(
                "error",
                draft.sheet,
                cell,
                f"The country given, {quoted(name)}, is a region or a group of countries, not "
                "one country; the assessment was not used, since the dashboard keeps each "
                "country's apart.",
                f"Write the one country this assessment is for in {where} (one assessment "
                "per country), then upload the file again.",
            )
    return kept
