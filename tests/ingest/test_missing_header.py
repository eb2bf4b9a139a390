"""A form whose header row was deleted is refused with a message saying so, and what to write."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import (
    LABELS,
    TITLES,
    assert_problem,
    by_assessment,
    edit_template,
    find,
    read,
    xlsx,
)

LABELS_ABOVE = [["Country", "Ghana"], ["Year", 2024], []]


def test_the_template_without_its_header_row_says_the_header_is_missing():
    def edit(sheet):
        row = find(sheet, "No.").row
        sheet.delete_rows(row)
        return row

    data, row = edit_template(edit)
    result = read("no header.xlsx", data)
    assert by_assessment(result) == {}
    assert_problem(result, "warning", None, "no header row above them", sheet="Assessment")
    assert_problem(result, "warning", None, f"Insert a row above row {row}", sheet="Assessment")
    assert_problem(result, "warning", None, "“No.” over column A, “Capability” over column C")
    assert_problem(result, "warning", None, "“Level” over column E")


@pytest.mark.parametrize(
    ("row", "heads"),
    [
        (
            lambda n: [n, TITLES[n], f"{n % 5} - {LABELS[n % 5]}"],
            "“No.” over column A, “Capability” over column B, “Level” over column C",
        ),
        (
            lambda n: [n, TITLES[n], n % 5, "seen"],
            "“No.” over column A, “Capability” over column B, “Level” over column C",
        ),
        (lambda n: [TITLES[n], n % 5], "“Capability” over column A, “Level” over column B"),
        (
            lambda n: [None, n, TITLES[n], LABELS[n % 5]],
            "“No.” over column B, “Capability” over column C, “Level” over column D",
        ),
    ],
)
def test_headerless_rows_under_country_and_year_labels_say_which_heading_goes_where(row, heads):
    result = read("form.xlsx", xlsx({"Form": LABELS_ABOVE + [row(n) for n in range(1, 22)]}))
    assert by_assessment(result) == {}
    assert_problem(
        result, "warning", None, "the rows from row 4 name the capabilities", sheet="Form"
    )
    assert_problem(result, "warning", None, heads, sheet="Form")


def test_a_headed_form_is_read_as_before():
    rows = [*LABELS_ABOVE, ["No.", "Capability", "Level"]]
    rows += [[n, TITLES[n], n % 5] for n in range(1, 22)]
    result = read("form.xlsx", xlsx({"Form": rows}))
    assert by_assessment(result) == {("Ghana", 2024, None): {n: n % 5 for n in range(1, 22)}}
