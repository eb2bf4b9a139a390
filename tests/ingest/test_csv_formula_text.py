"""Values a csv wraps as a text formula (``="Kenya"``) are read as the text inside."""

import pytest

from components.ingest.csv_formula_text import unwrap_formula_text
from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, errors, read


def _escaped(value: object) -> str:
    return f'="{value}"'


@pytest.mark.parametrize(
    ("line", "quote"),
    [
        ("every value", _escaped),
        (
            "numbers only, as ERP exports keep codes",
            lambda v: _escaped(v) if str(v).isdigit() else v,
        ),
    ],
)
def test_values_written_as_text_formulas_are_read_as_excel_shows_them(line, quote):
    lines = ["Country,Year,No.,Capability,Level"]
    lines += [
        ",".join([quote("Kenya"), quote(2024), quote(n), f'"{TITLES[n]}"', quote(n % 5)])
        for n in range(1, 22)
    ]
    result = read("erp.csv", ("\r\n".join(lines) + "\r\n").encode())
    assert by_assessment(result) == {("Kenya", 2024, None): {n: n % 5 for n in range(1, 22)}}
    assert not errors(result)
    notes = [p for p in result.problems if "formula around text" in p.message]
    assert len(notes) == 1
    assert_problem(result, "warning", notes[0].cell, "the text inside the quotes was used")


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ('="Kenya"', "Kenya"),
        ('="3"', "3"),
        ('="say ""hi"""', 'say "hi"'),
        ('=""', None),
        ("=SUM(A1:A3)", "=SUM(A1:A3)"),
        ('="a" & "b"', '="a" & "b"'),
        ("Kenya", "Kenya"),
    ],
)
def test_unwrap_formula_text(cell, value):
    rows, unwrapped = unwrap_formula_text([(cell, None)])
    assert rows == [(value, None)]
    assert bool(unwrapped) == (value != cell)
