"""A country's name in a legacy code page: not garbled when, as decoded, it is a country's name
in the file's script ("مصر" in Windows-1256), even when the code page was not told for sure;
a name in a code page told for sure is never called garbled."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, errors, read

LEVELS = {n: n % 5 for n in TITLES}


def _csv(country: str, encoding: str) -> bytes:
    rows = ["Country,Year,No.,Capability,Level"]
    rows += [f"{country},2023,{n},{TITLES[n]},{LEVELS[n]}" for n in TITLES]
    return ("\r\n".join(rows) + "\r\n").encode(encoding)


@pytest.mark.parametrize(
    ("name", "encoding", "shown", "code"),
    [
        ("مصر", "cp1256", "Egypt", "EGY"),  # Arabic Excel's "CSV (Comma delimited)"
        ("تونس", "cp1256", "Tunisia", "TUN"),
        ("Чад", "cp1251", "Chad", "TCD"),  # Russian Excel's
        ("Египет", "cp1251", "Egypt", "EGY"),
        ("Ελλάδα", "cp1253", "Greece", "GRC"),  # Greek Excel's
    ],
)
def test_a_country_named_in_the_file_s_script_is_read_not_refused(name, encoding, shown, code):
    result = read("legacy.csv", _csv(name, encoding))
    assert by_assessment(result) == {(shown, 2023, None): LEVELS}
    assert set(result.capabilities["iso3"]) == {code}
    assert not errors(result)
    assert_problem(result, "warning", "A2", f"The country “{name}” (its name in")


def test_a_turkish_name_in_windows_1254_is_read_as_the_country_not_as_windows_1250():
    # "Mısır" (Egypt in Turkish) read as Windows-1250 would be "Mýsýr", no name: the code page
    # is told by the names' letters (``name_letters``), so it is the country.
    result = read("legacy.csv", _csv("Mısır", "cp1254"))
    assert by_assessment(result) == {("Egypt", 2023, None): LEVELS}
    assert not errors(result)
    assert_problem(result, "warning", None, "it was read as Windows-1254 (Turkish)")


def test_a_misspelt_name_in_a_code_page_told_for_sure_is_kept_as_written_with_no_code():
    # "Мароко" (for "Марокко"): no country's name; the code page is sure, so it is no garbling.
    result = read("legacy.csv", _csv("Мароко", "cp1251"))
    assert list(by_assessment(result)) == [("Мароко", 2023, None)]
    assert result.capabilities["iso3"].isna().all()
    assert_problem(result, "warning", "A2", "The country “Мароко” is not an English name")
