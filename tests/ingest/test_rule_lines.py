"""Rule lines of a table typed as text (components/ingest/rule_lines.py): a Markdown table's
``|---|`` line, an ASCII table's ``+----+``, are no rows."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import TITLES, by_assessment, errors, read

LEVELS = {n: n % 5 for n in range(1, 22)}


@pytest.mark.parametrize("rule", ["|---|---|---|---|", "| --- | :---: | --- | ---: |", "+---+---+"])
def test_a_rule_line_under_the_header_is_no_row(rule):
    lines = ["| Country | Year | Capability | Level |", rule]
    lines += [f"| Rwanda | 2023 | {TITLES[n]} | {LEVELS[n]} |" for n in LEVELS]
    result = read("table.csv", "\n".join(lines).encode())
    assert by_assessment(result) == {("Rwanda", 2023, None): LEVELS}
    assert errors(result) == []


def test_a_dash_for_a_level_is_still_read_as_a_dash():
    lines = ["Country,Year,Capability,Level"]
    lines += [f"Rwanda,2023,{n},{'---' if n == 2 else LEVELS[n]}" for n in LEVELS]
    result = read("table.csv", "\n".join(lines).encode())
    assert 2 not in by_assessment(result)[("Rwanda", 2023, None)]
    assert by_assessment(result)[("Rwanda", 2023, None)][3] == LEVELS[3]
