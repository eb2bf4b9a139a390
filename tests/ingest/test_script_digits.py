"""Digits of other scripts read as the digits they are, in sheet names, titles, labels and
headers as in level cells: "الأردن ٢٠٢٣" is Jordan 2023, as "الأردن 2023" is."""

from __future__ import annotations

import pytest

from components.ingest.script_digits import ascii_digits
from tests.ingest.reader_support import TITLES, by_assessment, errors, read, xlsx

LEVELS = {n: n % 5 for n in TITLES}
OTHER = {n: (n + 1) % 5 for n in TITLES}

# 2023 in each script's digits.
YEARS = {
    "Arabic-Indic": "٢٠٢٣",
    "Persian and Urdu": "۲۰۲۳",
    "Devanagari": "२०२३",
    "Bengali": "২০২৩",
    "Thai": "๒๐๒๓",
    "Khmer": "២០២៣",
    "Burmese": "၂၀၂၃",
    "full-width": "２０２３",
}


@pytest.mark.parametrize("written", YEARS.values(), ids=YEARS.keys())
def test_a_script_s_digits_are_its_digits(written):
    assert ascii_digits(written) == "2023"
    assert ascii_digits(f"السنة {written} (v2)") == "السنة 2023 (v2)"


@pytest.mark.parametrize("text", ["Kenya 2023", "①", "x²", "Ⅳ", "", "Côte d'Ivoire"])
def test_other_text_is_left_as_it_is(text):
    assert ascii_digits(text) == text


def _rows(*top: list[object]) -> list[list[object]]:
    rows = [*top, [], ["No.", "Capability", "Level"]]
    return rows + [[n, TITLES[n], LEVELS[n]] for n in TITLES]


@pytest.mark.parametrize("year", YEARS.values(), ids=YEARS.keys())
@pytest.mark.parametrize(
    ("sheet", "country", "top"),
    [
        ("الأردن {y}", "Jordan", []),  # the sheet's name gives country and year
        ("Kenya {y}", "Kenya", []),
        ("Form", "Kenya", [["Kenya – MNR self-assessment {y}"]]),  # the title does
        ("Form", "Kenya", [["Country", "Kenya"], ["Year", "عام {y}"]]),  # a label's text
        ("Form", "Kenya", [["Country", "Kenya"], ["السنة / Year: {y}"]]),  # label and value
    ],
)
def test_a_year_in_another_script_s_digits_is_read_where_years_are(sheet, country, top, year):
    top = [[c.replace("{y}", year) if isinstance(c, str) else c for c in row] for row in top]
    result = read("form.xlsx", xlsx({sheet.replace("{y}", year): _rows(*top)}))
    assert by_assessment(result) == {(country, 2023, None): LEVELS}
    assert not errors(result)


@pytest.mark.parametrize("digits", [("٢٠٢١", "٢٠٢٣"), ("२०२१", "२०२३"), ("๒๐๒๑", "๒๐๒๓")])
def test_years_across_in_another_script_s_digits_tell_the_columns_apart(digits):
    rows = [["No.", "Capability", f"Kenya {digits[0]}", f"Kenya {digits[1]}"]]
    rows += [[n, TITLES[n], LEVELS[n], OTHER[n]] for n in TITLES]
    result = read("across.xlsx", xlsx({"Grid": rows}))
    assert by_assessment(result) == {("Kenya", 2021, None): LEVELS, ("Kenya", 2023, None): OTHER}
    assert not errors(result)
