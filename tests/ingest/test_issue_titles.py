"""An issue's title naming its country, capability and year, "[KEN] Cap 7 – Access to Image
Databases (2025)", is read into columns of their own (components/ingest/issue_titles.py);
a title whose country or capability is not certain is not."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.reader_support import (
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    errors,
    read,
    xlsx,
)

ALL = range(1, 22)
NIGERIA = {n: (n * 3) % 5 for n in ALL}
GHANA = {n: (n + 2) % 5 for n in ALL}


def title(style: str, code: str, name: str, n: int) -> str:
    return {
        "jira": f"[{code}] Cap {n} – {TITLES[n]} (2025)",
        "name in brackets": f"[{name}] {TITLES[n]} – 2025",
        "parentheses": f"({code}) {n}. {TITLES[n]} (2025)",
        "no year": f"[{code}] {TITLES[n]}",
    }[style]


def issues(style: str, year_column: bool = False) -> list[list[Any]]:
    header = ["Issue Type", "Issue key", "Summary", "Status", "Custom field (Maturity score)"]
    rows: list[list[Any]] = [header + (["Year"] if year_column else [])]
    for code, name, levels in (("NGA", "Nigeria", NIGERIA), ("GHA", "Ghana", GHANA)):
        for n in ALL:
            row = ["Story", f"CP-{n}", title(style, code, name, n), "Done", f"{levels[n]}.0"]
            rows.append(row + ([2025] if year_column else []))
    return rows


@pytest.mark.parametrize("style", ["jira", "name in brackets", "parentheses"])
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_country_capability_and_year_are_read_from_the_titles(style: str, kind: str) -> None:
    rows = issues(style)
    data = csv_bytes(rows) if kind == "csv" else xlsx({"Jira": rows})
    result = read(f"jira.{kind}", data)
    assert by_assessment(result) == {
        ("Nigeria", 2025, None): NIGERIA,
        ("Ghana", 2025, None): GHANA,
    }
    assert_problem(result, "warning", "C1", "read from the titles in the column headed “Summary”")
    assert not errors(result)


def test_a_year_column_of_its_own_is_kept() -> None:
    result = read("jira.csv", csv_bytes(issues("no year", year_column=True)))
    assert by_assessment(result) == {("Nigeria", 2025, None): NIGERIA, ("Ghana", 2025, None): GHANA}
    said = next(p for p in result.problems if "read from the titles" in p.message)
    assert said.message.startswith("The capability and country of each row")


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t.replace("[NGA]", "[XYZ]"),  # no country's code
        lambda t: t.replace("Leadership", "Legislation"),  # number and title disagree
    ],
)
def test_a_title_not_certain_leaves_the_column_unread(change) -> None:
    rows = issues("jira")
    rows[1][2] = change(rows[1][2])
    result = read("jira.csv", csv_bytes(rows))
    assert not any(lv is not None for levels in by_assessment(result).values() for lv in levels)
    assert not [p for p in result.problems if "read from the titles" in p.message]
