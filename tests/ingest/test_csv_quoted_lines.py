"""A csv whose every line is quoted whole (components/ingest/csv_quoted_lines.py)."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, errors, read

LEVELS = {n: n % 5 for n in range(1, 22)}


def quoted_lines(sep: str, title: bool) -> bytes:
    head = sep.join(["Country", "Year", "Capability", "Level"])
    rows = [
        sep.join(["Kenya", "2024", f'""{TITLES[n]}""' if title else str(n), str(LEVELS[n])])
        for n in LEVELS
    ]
    return ("\r\n".join(f'"{line}"' for line in [head, *rows]) + "\r\n").encode()


@pytest.mark.parametrize("sep", [",", ";", "\t", "|"])
@pytest.mark.parametrize("title", [False, True])
def test_lines_quoted_whole_are_unwrapped_with_a_warning(sep, title):
    result = read("whole.csv", quoted_lines(sep, title))
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS}
    assert errors(result) == []
    assert_problem(result, "warning", None, "Every line of the file is one quoted text")


def test_a_column_of_quoted_text_is_left_as_it_is():
    data = b'"Notes"\r\n"Kenya"\r\n"Uganda"\r\n'
    result = read("notes.csv", data)
    assert not any("quoted text" in p.message for p in result.problems)
