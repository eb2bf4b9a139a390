"""A csv written with R's row names: the header one field short, read over its data."""

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, errors, read

ALL = range(1, 22)
# The capabilities as R writes them after arrange(capability): by title, not by number.
BY_TITLE = sorted(ALL, key=lambda n: TITLES[n])


def _r_table(header: list[str], rows: list[list[object]], sep: str, quote: bool) -> bytes:
    def field(value: object) -> str:
        return f'"{value}"' if quote and isinstance(value, str) else str(value)

    lines = [sep.join(field(h) for h in header)]
    lines += [sep.join([field(str(i)), *map(field, row)]) for i, row in enumerate(rows, 1)]
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.parametrize(("sep", "quote"), [("\t", False), (",", True), (";", False)])
@pytest.mark.parametrize(
    ("header", "row"),
    [
        (["country", "year", "no", "capability", "level"], lambda c, n: [c, 2024, n, TITLES[n]]),
        (["country", "year", "capability", "level"], lambda c, n: [c, 2024, TITLES[n]]),
        (["pays", "annee", "capacite", "niveau"], lambda c, n: [c, 2024, n]),
        (["pais", "ano", "capacidad", "nivel"], lambda c, n: [c, 2024, n]),
    ],
)
def test_r_row_names_are_read_with_the_header_over_its_data(sep, quote, header, row):
    rows = [[*row(c, n), n % 5] for c in ("Kenya", "Uganda") for n in BY_TITLE]
    result = read("r.txt" if sep == "\t" else "r.csv", _r_table(header, rows, sep, quote))
    levels = {n: n % 5 for n in ALL}
    assert by_assessment(result) == {("Kenya", 2024, None): levels, ("Uganda", 2024, None): levels}
    assert_problem(result, "warning", "A1", f"The header row has {len(header)} fields")
    assert_problem(result, "warning", "A1", "as R writes a table with its row names")
    assert not errors(result)
    assert len(result.problems) == 1


@pytest.mark.parametrize(
    "lines",
    [
        # an unheaded last column of notes beside the capability's number
        ["Capability,Level"] + [f"{n},{n % 5},note {n}" for n in ALL],
        ["No,Capability,Level"] + [f"{n},{TITLES[n]},{n % 5},seen" for n in ALL],
        # the first fields are no row numbers
        ["Country,Capability,Level"] + [f"Kenya,{n},{n % 5},seen" for n in ALL],
    ],
)
def test_a_last_column_without_header_is_no_row_names(lines):
    result = read("notes.csv", ("\n".join(lines) + "\n").encode())
    assert not [p for p in result.problems if "as R writes" in p.message]
