"""A report's running footer (or header) printed into a converted table's cells."""

from __future__ import annotations

import pytest

from components.ingest.catalogue import capability_catalogue, enabler_catalogue
from components.ingest.running_lines import marked_text, running_rows
from tests.ingest.reader_support import (
    FW,
    TITLES,
    assert_problem,
    by_assessment,
    errors,
    read,
    xlsx,
)

LEVELS = {n: (n * 2 + 1) % 5 for n in range(1, 22)}
CATALOGUES = (capability_catalogue(FW), enabler_catalogue(FW))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Tunisia MNR 2023 – page 4", "Tunisia MNR 2023"),
        ("Albania MNR assessment 2023 Page 7 of 18", "Albania MNR assessment 2023"),
        ("Rapport MNR Maroc 2023, p. 3", "Rapport MNR Maroc 2023"),
        ("Informe MNR Perú 2024 | Página 2 de 9", "Informe MNR Perú 2024"),
        ("Page 3 – Kenya MNR report", "Kenya MNR report"),
        ("Seite 2 von 5 - MNR Bericht", "MNR Bericht"),
        # a page's line alone, words with no page's number, a row of the table: none
        ("Page 4", None),
        ("Page 2 of 3", None),
        ("Leadership", None),
        ("See the annex for page numbers", None),
        ("4 Dedicated Law Enforcement 3", None),
        (12, None),
    ],
)
def test_the_text_of_a_line_that_carries_its_page_number(text, kept):
    assert marked_text(text) == kept


@pytest.mark.parametrize(
    ("rows", "found"),
    [
        # the same text with the next page's number: a footer (the last page may lack one)
        ([("National Council for Childhood", 15), ("National Council for Childhood", "16")], 2),
        ([("MNR report", 3), ("x", None), ("MNR report", 5)], 2),
        # a capability's title and level twice, a number that does not go on, a text once
        ([("Leadership", 3), ("Leadership", 4)], 0),
        ([("MNR report", 4), ("MNR report", 9)], 0),
        ([("MNR report", 4)], 0),
        ([("MNR report", 4), ("MNR report", 4)], 0),
    ],
)
def test_a_running_line_is_the_same_text_on_consecutive_pages(rows, found):
    cells = [tuple(row) for row in rows]
    assert len(running_rows(cells, range(len(cells)), CATALOGUES)) == found


FOOTERS = [
    "{country} MNR {year} – page {page}",
    "{country} – MNR self-assessment {year}, Page {page} of 5",
    "Página {page} de 5 – {country} MNR {year}",
]


@pytest.mark.parametrize("footer", FOOTERS)
@pytest.mark.parametrize(("country", "year"), [("Tunisia", 2023), ("Peru", 2024)])
@pytest.mark.parametrize("numbered", [True, False])
def test_a_footer_between_pages_is_left_out_and_gives_the_country_and_year(
    footer, country, year, numbered
):
    header = ["No.", "Capability", "Level"] if numbered else ["Capability", None, "Level"]
    rows = [["Column1", "Column2", "Column3"], header]  # Power Query's own header above
    for page, (first, last) in enumerate([(1, 10), (10, 22)], start=4):
        if page > 4:
            rows.append(header)
        for n in range(first, last):
            rows.append([n, TITLES[n], LEVELS[n]] if numbered else [TITLES[n], None, LEVELS[n]])
        rows.append([footer.format(country=country, year=year, page=page)])
    result = read("Appended.xlsx", xlsx({"Appended": rows}))

    assert by_assessment(result) == {(country, year, None): LEVELS}
    assert errors(result) == []
    assert_problem(result, "warning", None, "was taken from the page footer in row")


@pytest.mark.parametrize(
    "footer", [["Ministry of Gender – MNR report", "{page}"], ["Report", None, "{page}"]]
)
def test_a_publisher_footer_with_the_page_number_is_left_out_and_a_title_joined_across_it(footer):
    header = ["No.", "Capability", "Level"]
    rows = [["Egypt MNR assessment report 2024"], [], header]
    for n in range(1, 16):
        rows.append([n, TITLES[n], LEVELS[n]])
    rows.append([cell.format(page=15) if cell else None for cell in footer])
    rows.append(header)
    rows += [[16, "Notice and Takedown", LEVELS[16]]]
    rows.append([cell.format(page=16) if cell else None for cell in footer])
    rows.append(header)
    rows += [[None, "Procedures", None]]
    rows += [[n, TITLES[n], LEVELS[n]] for n in range(17, 22)]
    rows.append([cell.format(page=17) if cell else None for cell in footer])
    result = read("report.xlsx", xlsx({"Table 1": rows}))

    assert by_assessment(result) == {("Egypt", 2024, None): LEVELS}
    assert errors(result) == []
