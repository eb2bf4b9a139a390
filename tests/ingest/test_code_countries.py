"""A long table whose rows name their country by its ISO code (alpha-3, or alpha-2)."""

import pytest

from tests.ingest.reader_support import assert_problem, by_assessment, csv_bytes, errors, read

ALL = range(1, 22)
LEVELS = {n: n % 5 for n in ALL}


@pytest.mark.parametrize(
    ("header", "codes", "names"),
    [
        ("country_code", ["KE"], ["Kenya"]),
        ("country_iso", ["ke", "ug"], ["Kenya", "Uganda"]),
        ("iso2", ["SN"], ["Senegal"]),
        ("code pays", ["SN", "CI"], ["Senegal", "Côte d'Ivoire"]),
        ("código de país", ["MX"], ["Mexico"]),
        ("country_code", ["KEN"], ["Kenya"]),
    ],
)
def test_rows_keyed_by_a_country_code_are_read_as_that_country(header, codes, names):
    rows = [[header, "year", "capability", "level"]]
    rows += [[code, 2024, n, n % 5] for code in codes for n in ALL]
    result = read("codes.csv", csv_bytes(rows))
    assert by_assessment(result) == {(name, 2024, None): LEVELS for name in names}
    assert_problem(result, "warning", "A1", f"(“{codes[0]}” is {names[0]})")
    assert not errors(result)


def test_two_letters_that_are_not_all_codes_are_not_read_as_countries():
    rows = [["country_code", "year", "capability", "level"]]
    rows += [["KE" if n < 21 else "XX", 2024, n, n % 5] for n in ALL]
    result = read("codes.csv", csv_bytes(rows))
    assert ("Kenya", 2024, None) not in by_assessment(result)


def test_created_at_gives_the_date():
    rows = [["created_at", "country", "capability", "level"]]
    rows += [["2023-11-02T09:00:00Z", "Kenya", n, n % 5] for n in ALL]
    result = read("dump.csv", csv_bytes(rows))
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}
