"""A country's name in a legacy code page: not garbled when, as decoded, it is a country's name
in the file's script ("مصر" in Windows-1256), even when the code page was not told for sure;
still refused when it names no country, or when another code page reads it as one."""

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


@pytest.mark.parametrize(
    ("name", "encoding", "decoded", "other"),
    [
        # Misspelt ("Марокко"): no country's name, and the code page is in doubt.
        ("Мароко", "cp1251", "Мароко", None),
        # Turkish "Mısır" (Egypt) read as Windows-1250: "Mýsýr" is no name, "Mısır" is.
        ("Mısır", "cp1254", "Mýsýr", "Mısır"),
    ],
)
def test_a_name_that_is_no_country_as_decoded_is_still_refused(name, encoding, decoded, other):
    result = read("legacy.csv", _csv(name, encoding))
    assert by_assessment(result) == {}
    assert_problem(result, "error", "A2", f"The country “{decoded}” may be garbled")
    if other:
        assert_problem(result, "error", "A2", f"“{other}”")
