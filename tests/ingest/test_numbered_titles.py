"""A row's number and title naming two items: an error, unless the bare number and the exact
title agree on the other catalogue (the enablers numbered 1 to 7 under the capabilities)."""

import pytest

from components.framework.model import default_framework
from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, errors, read, xlsx

ENABLERS = {enabler.number: enabler.title for enabler in default_framework().enablers}
CAPS = {n: n % 5 for n in range(1, 22)}


def _form(enabler_rows: list[list]) -> bytes:
    rows = [["Country", "Kenya"], ["Year", 2024], [], ["No.", "Capability", "Level"]]
    rows += [[n, TITLES[n], CAPS[n]] for n in CAPS]
    return xlsx({"Form": rows + enabler_rows})


def test_enablers_numbered_one_to_seven_under_the_capabilities_are_read_as_enablers():
    result = read("kenya.xlsx", _form([[n, ENABLERS[n], n % 4] for n in ENABLERS]))
    assert by_assessment(result) == {("Kenya", 2024, None): CAPS}
    enablers = result.enablers.set_index("enabler")["level"].to_dict()
    assert enablers == {n: n % 4 for n in ENABLERS}
    assert not errors(result)
    assert_problem(
        result, "warning", "A26", "From row 26, rows are numbered and titled as enablers"
    )
    [said] = [p for p in result.problems if "numbered and titled" in p.message]
    assert "not as capabilities; they were read as enablers" in said.message
    assert "A heading row “Enablers”" in said.fix
    assert sum("numbered and titled" in p.message for p in result.problems) == 1


@pytest.mark.parametrize(
    ("number", "title"),
    [
        (2, ENABLERS[1]),  # the number is another enabler's: a real disagreement
        ("C1", ENABLERS[1]),  # a code names capability 1 for certain
        (1, TITLES[5]),  # a capability's title with another number
    ],
)
def test_a_number_and_title_that_disagree_otherwise_are_an_error(number, title):
    result = read("kenya.xlsx", _form([[number, title, 3]]))
    assert [p for p in errors(result) if p.cell == "A26"], result.problems
    assert by_assessment(result) == {("Kenya", 2024, None): CAPS}


def _sorted_by_title(numbers: list[int] | None = None) -> bytes:
    """The capabilities sorted A to Z by title, the "No." column counting the rows."""
    order = sorted(CAPS, key=lambda n: TITLES[n])
    numbers = numbers or list(range(1, 22))
    rows = [["Country", "Kenya"], ["Year", 2024], [], ["No.", "Capability", "Level"]]
    rows += [[numbers[i], TITLES[n], CAPS[n]] for i, n in enumerate(order)]
    return xlsx({"Form": rows})


def test_rows_sorted_by_title_beside_row_numbers_are_read_by_their_titles():
    result = read("kenya.xlsx", _sorted_by_title())
    assert by_assessment(result) == {("Kenya", 2024, None): CAPS}
    assert not errors(result)
    assert_problem(result, "warning", "A5", "The column headed “No.” numbers the rows 1 to 21")


@pytest.mark.parametrize(
    "numbers",
    [
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 20],  # no count
        [1, 2, 3, 5, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21],
    ],
)
def test_numbers_that_do_not_count_the_rows_still_disagree_with_their_titles(numbers):
    result = read("kenya.xlsx", _sorted_by_title(numbers))
    assert any("the row was not used" in p.message for p in errors(result))
