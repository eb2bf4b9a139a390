"""A "Parent" column linking each row to its parent row (components/ingest/parent_links), as
Coda, Notion and Airtable keep a hierarchy: a capability's row under its domain's, the
domain's under the country; the capabilities are given the country their chain leads to. A
chain that ends at no country leaves the sheet as it was."""

from __future__ import annotations

from typing import Any

import pytest

from components.framework.model import default_framework
from tests.ingest.reader_support import TITLES, by_assessment, csv_bytes, errors, read

FW = default_framework()
DOMAINS = {d.name: [c.number for c in FW.capabilities if c.domain == d.id] for d in FW.domains}
LEVELS = {
    "Jordan": {n: n % 5 for n in range(1, 22) if n != 8},
    "Peru": {n: (n + 4) % 5 for n in range(1, 22)},
}


def _coda(countries: list[str], *, via_domains: bool, top: str = "{c}") -> list[list[Any]]:
    rows: list[list[Any]] = [["Row", "Type", "Parent", "Level", "Avg level"]]
    for country in countries:
        for domain, numbers in DOMAINS.items():
            parent = country
            if via_domains:
                # a domain's row per country: its name with the country's, as Coda's rows are
                parent = f"{domain} ({country})" if len(countries) > 1 else domain
                rows.append([parent, "Domain", top.format(c=country), None, 1.5])
            for n in numbers:
                rows.append([TITLES[n], "Capability", parent, LEVELS[country].get(n), None])
    return rows


@pytest.mark.parametrize("via_domains", [True, False])
@pytest.mark.parametrize("countries", [["Jordan"], ["Jordan", "Peru"]])
def test_the_capabilities_take_the_country_their_parents_lead_to(via_domains, countries):
    result = read("coda.csv", csv_bytes(_coda(countries, via_domains=via_domains)))

    assert by_assessment(result) == {(c, None, None): LEVELS[c] for c in countries}
    assert not errors(result)


def test_a_chain_that_ends_at_no_country_gives_none():
    rows = _coda(["Jordan"], via_domains=True, top="Workspace {c}-team")

    result = read("coda.csv", csv_bytes(rows))

    assert by_assessment(result) == {}
    assert not any("names each row's parent row" in p.message for p in result.problems)
