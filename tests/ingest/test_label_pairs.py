"""Several labels with their values typed in one cell."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from components.ingest.label_pairs import labels_in_cell
from tests.ingest.reader_support import FW, by_assessment, read


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        (
            "Country: Kenya          Date of assessment: 14 March 2024",
            (("country", "Kenya"), ("date", "14 March 2024")),
        ),
        ("Country: Kenya | Year: 2024", (("country", "Kenya"), ("year", "2024"))),
        ("Pays : Sénégal ; Année : 2023", (("country", "Sénégal"), ("year", "2023"))),
        ("Country: Kenya\tYear: 2024", (("country", "Kenya"), ("year", "2024"))),
        (
            "Country: Kenya\nYear: 2024\nAssessed by: Ministry of Interior",
            (("country", "Kenya"), ("year", "2024"), ("assessed_by", "Ministry of Interior")),
        ),
        (
            "Country: Kenya, Round: Baseline, Year: 2021",
            (("country", "Kenya"), ("round", "Baseline"), ("year", "2021")),
        ),
        # one label: ``label_and_value``'s
        ("Country: Kenya", None),
        # a colon after no label stays in the value: one label only
        ("Country: Kenya   Time: 10:30", None),
        ("Note: see annex: page 3", None),
    ],
)
def test_each_label_gets_the_words_up_to_the_next(text, pairs):
    assert labels_in_cell(text) == pairs


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Country: Kenya          Date of assessment: 14 March 2024", ("Kenya", 2024)),
        ("Country: Ghana | Reporting year: 2023", ("Ghana", 2023)),
        ("Pays : Sénégal ; Année : 2022", ("Sénégal", 2022)),
    ],
)
def test_a_form_heading_line_gives_its_country_and_year(line, expected):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["REPUBLIC OF KENYA"])
    sheet.append([line])
    sheet.append([])
    sheet.append(["Capability", "Level"])
    sheet.append([FW.capability(1).title, 2])
    sheet.append([FW.capability(2).title, 3])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert by_assessment(read("form.xlsx", buffer.getvalue())) == {(*expected, None): {1: 2, 2: 3}}
