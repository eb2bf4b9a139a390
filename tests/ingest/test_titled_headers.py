"""A column headed by an item's title whose own words are a header word ("E7 Data and evidence
on CSEA": "evidence") is the item's, never a column of notes
(components/ingest/titled_headers.py)."""

from __future__ import annotations

from typing import Any

import pytest

from components.ingest.column_roles import header_item
from components.ingest.matching import capability_catalogue, enabler_catalogue
from tests.ingest.reader_support import FW, TITLES, by_assessment, enabler_levels, read, xlsx

ENABLERS = {e.number: e.title for e in FW.enablers}
CAPS = capability_catalogue(FW)
ENS = enabler_catalogue(FW)
STYLES = {
    "code": lambda n, t, kind: f"{'E' if kind == 'enabler' else 'C'}{n} {t}",
    "dotted": lambda n, t, kind: f"{n}. {t}",
    "word": lambda n, t, kind: f"{kind.title()} {n} – {t}",
    "title": lambda n, t, kind: t,
}


@pytest.mark.parametrize("style", list(STYLES))
def test_every_item_header_names_its_item(style: str) -> None:
    for kind, catalogue, titles in (("capability", CAPS, TITLES), ("enabler", ENS, ENABLERS)):
        for number, title in titles.items():
            assert header_item(STYLES[style](number, title, kind), catalogue) == number


@pytest.mark.parametrize(
    "header",
    ["Data and evidence on CSEA – comments", "E7 Data and evidence on CSEA - notes", "Evidence"],
)
def test_notes_about_an_item_stay_notes(header: str) -> None:
    assert header_item(header, ENS) is None


@pytest.mark.parametrize("style", ["code", "dotted", "word"])
def test_a_countries_table_reads_every_enabler(style: str) -> None:
    caps = [STYLES[style](n, t, "capability") for n, t in TITLES.items()]
    ens = [STYLES[style](n, t, "enabler") for n, t in ENABLERS.items()]
    rows: list[list[Any]] = [["Sensitivity: Internal"], [], ["Country", "Year", *caps, *ens]]
    for country, shift in (("Mongolia", 0), ("Kenya", 1)):
        levels = [*((n + shift) % 5 for n in TITLES), *((e + shift) % 5 for e in ENABLERS)]
        rows.append([country, 2024, *levels])
    result = read("levels.xlsx", xlsx({"Levels": rows}))
    assert by_assessment(result)[("Kenya", 2024, None)] == {n: (n + 1) % 5 for n in TITLES}
    assert enabler_levels(result)[("Mongolia", 2024, None)] == {e: e % 5 for e in ENABLERS}
    assert not [p for p in result.problems if "notes beside the capabilities" in p.message]
