"""A country's name written with its region: "Cambodia (East Asia & Pacific)", "Kenya [Eastern
Africa]", "Sénégal – Afrique de l'Ouest", "KHM – Cambodia (East Asia & Pacific)".

Regional reports and peer-group lists add the region a country belongs to. When the rest of the
cell is a country (a name pycountry or the aliases file knows, or a name with its ISO3 code) and
the added part is a region or group of countries (``mnr_data/country_aliases.toml``,
``[regions]``, as ``regions`` reads them), the region is left out of the name, with a warning, so
that the assessment is the country's. Anything else stays as written: "Elbonia (Eastern Africa)"
(no such country), "Kenya (avg)" (a summary, see ``regions``) and "Tanzania (Mainland)" (a part
of the country, see ``country_parts``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from components.base.text import normalise
from components.ingest.drafts import Draft, cell_holding
from components.ingest.regions import is_region
from components.ingest.sheets import ReadContext, quoted
from components.ingest.vocabulary import default_vocabulary

# "Kenya (Eastern Africa)", "Kenya [Eastern Africa]", "Kenya – Eastern Africa", "Kenya, East
# Africa": the region last, in brackets or set apart by a dash or a comma.
_WITH_REGION = (
    re.compile(r"^(?P<country>[^()\[\]]+?)\s*[(\[]\s*(?P<region>[^()\[\]]+?)\s*[)\]]$"),
    re.compile(r"^(?P<country>.+)(?:\s+[-–—]\s+|\s*,\s+)(?P<region>.+?)$"),
)


def _a_region(text: str) -> bool:
    """A region or group of countries, not a summary word alone ("avg")."""
    summary = default_vocabulary().summary
    return is_region(text) and any(w not in summary for w in normalise(text).split())


def without_region(
    ctx: ReadContext, draft: Draft, written: str, name: str, is_country: Callable[[str], bool]
) -> str:
    """``name`` less a region written after it when the rest ``is_country`` (said once per
    ``written``); else ``name``."""
    # Where the region is depends on the name alone (``is_country`` is pure): found once per
    # distinct name in the read, as a long table's drafts repeat a few names.
    split = ctx.cached(("country_regions", is_country), name, lambda n: region_split(n, is_country))
    if split is not None:
        country, region = split
        if ctx.once(("region after country", written)):
            ctx.add(
                "warning",
                draft.sheet,
                draft.country_cell or cell_holding(draft.sheet, written),
                f"{quoted(written)}: {quoted(region)} is a region, not part of the country's "
                f"name; it was left out, and the country was read from {quoted(country)}.",
                f"Nothing to do if that is right. To avoid this note, write {quoted(country)} "
                "alone, and the region in a column of its own if you need it.",
            )
        return country
    return name


def region_split(name: str, is_country: Callable[[str], bool]) -> tuple[str, str] | None:
    """(country, region) of a name with a region written after a country's, else ``None``."""
    for form in _WITH_REGION:
        found = form.fullmatch(name)
        if found is None:
            continue
        country, region = found["country"].strip(), found["region"].strip()
        if country and _a_region(region) and is_country(country):
            return country, region
    return None
