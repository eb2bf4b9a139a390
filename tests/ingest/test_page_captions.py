"""A PDF's pages written one sheet each: a caption starting another table, a running footer."""

from __future__ import annotations

import pytest

from components.ingest.page_captions import is_caption
from tests.ingest.reader_support import (
    FW,
    TITLES,
    assert_problem,
    by_assessment,
    enabler_levels,
    errors,
    read,
    xlsx,
)

LEVELS = {n: (n * 2) % 5 for n in range(1, 22)}
ENABLERS = {n: (n + 1) % 5 for n in range(1, 8)}
ENABLER_TITLES = {e.number: e.title for e in FW.enablers}


@pytest.mark.parametrize(
    ("cells", "caption"),
    [
        (("Table 4. Enablers",), True),
        ((None, "Tableau 5 : Facilitateurs"), True),
        (("Tabla 3 – Facilitadores",), True),
        (("Figure 2",), True),
        (("Annex 1: Enablers",), True),
        # a title, a row of the table, a note: none
        (("Sri Lanka MNR report 2023",), False),
        (("Table 4. Enablers", 3), False),
        (("The table below gives the enablers",), False),
        ((4, "Dedicated Law Enforcement", 3), False),
    ],
)
def test_a_caption_row(cells, caption):
    assert is_caption(cells) is caption


HEADERS = {
    "en": (["No", "Capability", "Level"], ["No", "Enabler", "Level"], "Table {n}. Enablers"),
    "fr": (
        ["N°", "Capacité", "Niveau"],
        ["N°", "Facilitateur", "Niveau"],
        "Tableau {n} : Facilitateurs",
    ),
}


def _pages(language: str, footer: str | None, split: int) -> dict[str, list[list]]:
    capabilities, enablers, caption = HEADERS[language]
    first = [["Table 3. Capability levels, Sri Lanka 2023"], capabilities]
    first += [[n, TITLES[n], LEVELS[n]] for n in range(1, split)]
    second = [capabilities] + [[n, TITLES[n], LEVELS[n]] for n in range(split, 22)]
    second += [[], [caption.format(n=4)], enablers]
    second += [[n, ENABLER_TITLES[n], ENABLERS[n]] for n in range(1, 8)]
    if footer is not None:
        first += [[], [None, footer, "12"]]
        second += [[], [None, footer, "13"]]
    profile = [["Country profile: Sri Lanka"], ["Population: 22.2 million (2023)."]]
    return {"Page 1": profile, "Page 2": first, "Page 3": second}


@pytest.mark.parametrize("language", sorted(HEADERS))
@pytest.mark.parametrize(
    "footer", [None, "Sri Lanka MNR report", "National Child Protection Authority"]
)
@pytest.mark.parametrize("split", [8, 12])
def test_a_page_with_a_caption_further_down_carries_the_table_on(language, footer, split):
    result = read("smallpdf.xlsx", xlsx(_pages(language, footer, split)))

    assert by_assessment(result) == {("Sri Lanka", 2023, None): LEVELS}
    assert enabler_levels(result) == {("Sri Lanka", 2023, None): ENABLERS}
    assert errors(result) == []
    caption = HEADERS[language][2].format(n=4)
    row = 1 + (22 - split) + 2  # the header, the rows, a blank row, then the caption
    assert_problem(result, "warning", f"A{row}", f"the caption “{caption}”", sheet="Page 3")


def test_a_page_that_starts_the_table_over_is_still_not_joined():
    pages = _pages("en", None, 12)
    pages["Page 3"][1:1] = [[n, TITLES[n], LEVELS[n]] for n in range(1, 3)]
    result = read("smallpdf.xlsx", xlsx(pages))

    assert by_assessment(result) == {
        ("Sri Lanka", 2023, None): {n: LEVELS[n] for n in range(1, 12)}
    }
    assert any("It was not joined" in p.message for p in errors(result))
