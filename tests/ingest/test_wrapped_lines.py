"""A form typed as lines (PDF text) whose long titles wrapped onto the next line."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, errors, read, xlsx

LEVELS = {n: (n * 2 + 3) % 5 for n in range(1, 22)}


def _lines(n: int, width: int, level_on: str = "last") -> list[str]:
    """Capability ``n``'s line "n title level", its number and title in a column ``width``
    characters wide, the level at the end of the title's last (or first) line."""
    lines: list[str] = []
    for word in TITLES[n].split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    lines[0] = f"{n} {lines[0]}"  # the number in a column of its own, on the first line
    at = -1 if level_on == "last" else 0
    lines[at] += f" {LEVELS[n]}"
    return lines


@pytest.mark.parametrize("width", [14, 22, 30, 40])
@pytest.mark.parametrize("footer", [None, "Albania MNR assessment 2023 Page 7 of 18"])
@pytest.mark.parametrize("level_on", ["last", "first"])
def test_a_line_wrapped_onto_the_next_lines_is_read_whole(width, footer, level_on):
    rows = [["Albania – Model National Response 2023"], ["No. Capability Level"]]
    for n in TITLES:
        lines = _lines(n, width, level_on)
        if footer and n == 10 and len(lines) > 1:
            lines[1:1] = [footer]  # the page breaks inside the title
        rows += [[line] for line in lines]
    result = read("pasted.xlsx", xlsx({"Sheet1": rows}))

    assert by_assessment(result) == {("Albania", 2023, None): LEVELS}
    assert errors(result) == []
    if level_on == "last":  # on the first, "2 Research, 2" is read by its number already
        assert any("wrapped onto the next line" in p.message for p in result.problems)


def test_a_line_whose_rest_makes_no_title_is_still_said_to_have_no_level():
    rows = [["Albania MNR 2023"], ["No. Capability Level"]]
    rows += [[f"{n} {TITLES[n]} {LEVELS[n]}"] for n in range(1, 10)]
    rows += [["10 Compensation, Remedies and"], ["Grievance Mechanisms 4"]]
    rows += [[f"{n} {TITLES[n]} {LEVELS[n]}"] for n in range(11, 22)]
    result = read("pasted.xlsx", xlsx({"Sheet1": rows}))

    levels = by_assessment(result)[("Albania", 2023, None)]
    assert 10 not in levels
    assert_problem(result, "error", "A12", "no Level row follows it")
