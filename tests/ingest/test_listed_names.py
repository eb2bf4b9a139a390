"""The country and year in a list's, board's, record's or page's name (components/ingest/
listed_names): ClickUp's "List Name" ("Sri Lanka – MNR 2024"), Kanbanize's board "MNR 2025" on
every row, Airtable's record names ("MNR 2023 – Sri Lanka – 01"), Notion's page titles
("Colombia 2022") are read as a title is; a code ("MYS-01-2024") or an unknown name is not."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.reader_support import TITLES, by_assessment, csv_bytes, errors, read, xlsx

SRI_LANKA = {n: n % 5 for n in range(1, 22) if n != 9}
NEPAL = {n: (n + 1) % 5 for n in range(1, 22) if n != 2}


def _tasks(list_name, *, extra: tuple[str, Any] | None = None) -> list[list[Any]]:
    head = ["Task ID", "Task Name", "Status", "MNR Level", "List Name", "Space Name"]
    rows: list[list[Any]] = [head + ([extra[0]] if extra else [])]
    for country, levels in (("Sri Lanka", SRI_LANKA), ("Nepal", NEPAL)):
        for number, level in levels.items():
            row = [f"t{number}", TITLES[number], "complete", level, list_name(country), "CP"]
            rows.append(row + ([extra[1]] if extra else []))
    return rows


@pytest.mark.parametrize(
    "list_name",
    [
        lambda c: f"{c} – MNR 2024",
        lambda c: f"MNR 2024 - {c}",
        lambda c: f"{c} | MNR self-assessment 2024",
        lambda c: f"{c} MNR assessment (2024)",
    ],
)
@pytest.mark.parametrize("made", ["csv", "xlsx"])
def test_a_lists_name_gives_each_rows_country_and_year(list_name, made):
    rows = _tasks(list_name)
    data = csv_bytes(rows) if made == "csv" else xlsx({"Tasks": rows})

    result = read(f"clickup.{made}", data)

    assert by_assessment(result) == {
        ("Sri Lanka", 2024, None): SRI_LANKA,
        ("Nepal", 2024, None): NEPAL,
    }
    assert not errors(result)
    assert any("names each row's list" in p.message for p in result.problems)


def test_a_lists_name_of_an_unknown_country_is_still_refused():
    rows = _tasks(lambda c: f"{'Elbonia' if c == 'Nepal' else 'Freedonia'} – MNR 2024")

    result = read("clickup.csv", csv_bytes(rows))

    assert by_assessment(result) == {}
    assert any("names are not countries the reader knows" in p.message for p in errors(result))


def _records(header: str, name, *, country_header: str = "Countries") -> list[list[Any]]:
    rows: list[list[Any]] = [[header, "Capability", country_header, "Level"]]
    for country, levels in (("Sri Lanka", SRI_LANKA), ("Nepal", NEPAL)):
        for number, level in levels.items():
            rows.append([name(country, number), TITLES[number], country, level])
    return rows


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("Board", lambda c, n: "MNR 2023"),  # one board's name on every row
        ("Project", lambda c, n: "MNR self-assessment 2023"),
        ("Assessment", lambda c, n: f"MNR 2023 – {c} – {n:02d}"),  # each record's own name
        ("Name", lambda c, n: f"{c} 2023 / {TITLES[n]}"),
    ],
)
@pytest.mark.parametrize("country_header", ["Countries", "Country"])
def test_a_boards_or_records_name_gives_the_year(header, name, country_header):
    rows = _records(header, name, country_header=country_header)

    result = read("base.csv", csv_bytes(rows))

    assert by_assessment(result) == {
        ("Sri Lanka", 2023, None): SRI_LANKA,
        ("Nepal", 2023, None): NEPAL,
    }
    assert any("The table has no Year column" in p.message for p in result.problems)


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("Title", lambda c, n: f"{c[:3].upper()}-{n:02d}-2024"),  # a code: not read
        ("Notes", lambda c, n: f"Reviewed {2020 + n % 4}"),  # a year per row, no country
        ("Assessment", lambda c, n: f"MNR 2023 – {'Nepal' if c == 'Sri Lanka' else c}"),
    ],
)
def test_names_that_do_not_say_the_rows_year_give_none(header, name):
    rows = _records(header, name, country_header="Country")

    result = read("base.csv", csv_bytes(rows))

    assert set(by_assessment(result)) == {("Sri Lanka", None, None), ("Nepal", None, None)}


@pytest.mark.parametrize(
    ("title", "expected"),
    [("{c} {y}", None), ("{c} – MNR {y}", None), ("{c} ({y})", None)],
)
def test_a_page_title_names_each_rows_country_and_year(title, expected):
    """Notion's database of one page per country and year, numbers under C1 … C21."""
    pages = {("Colombia", 2022): SRI_LANKA, ("Colombia", 2024): NEPAL}
    rows: list[list[Any]] = [["Name", *(f"C{n}" for n in range(1, 22)), "Tags"]]
    for (country, year), levels in pages.items():
        page = title.format(c=country, y=year)
        rows.append([page, *(levels.get(n) for n in range(1, 22)), "MNR"])

    result = read("notion.csv", csv_bytes(rows))

    assert by_assessment(result) == {(c, y, expected): levels for (c, y), levels in pages.items()}
    assert any("names each row by its country" in p.message for p in result.problems)
