"""A tool's record times (components/ingest/record_times): "Created on", "CreatedAt",
"updated_at" say when a row was typed, not when the assessment was made. A Year column decides
the year; with none, the year all of an assessment's rows were recorded in is taken (said),
rows of several years give none (said); one assessment is never split row by row."""

from __future__ import annotations

from typing import Any

import pytest

from components.ingest.record_times import is_record_time
from tests.ingest.reader_support import TITLES, by_assessment, csv_bytes, errors, read, xlsx

LEVELS = {
    "Rwanda": {n: n % 5 for n in range(1, 22)},
    "Cambodia": {n: (n + 2) % 5 for n in range(1, 22) if n != 14},
}
TIMES = {
    "iso": lambda year, n: f"{year}-{1 + n % 12:02d}-{1 + n:02d}T0{n % 10}:09:51.000Z",
    "us": lambda year, n: f"{1 + n % 12}/{1 + n}/{year} {1 + n % 12}:13pm",
    "notion": lambda year, n: f"March {1 + n}, {year} 10:{10 + n} AM",
}


def _rows(header: str, times, years: dict[str, Any], *, year_column: int | None) -> list[list]:
    rows: list[list[Any]] = [
        ["id", "Name", "Country", "Level", *(["Year"] if year_column else []), header]
    ]
    for country, levels in LEVELS.items():
        for number, level in levels.items():
            year = years[country](number) if callable(years[country]) else years[country]
            rows.append(
                [
                    len(rows),
                    TITLES[number],
                    country,
                    level,
                    *([year_column] if year_column else []),
                    times(year, number),
                ]
            )
    return rows


HEADERS = ["Created on", "CreatedAt", "created_at", "updated_at", "Date Created", "Last modified"]


@pytest.mark.parametrize("header", HEADERS)
@pytest.mark.parametrize("times", sorted(TIMES))
def test_a_year_column_decides_and_the_record_times_split_nothing(header, times):
    # created over two years, the assessment is of 2024
    rows = _rows(
        header, TIMES[times], {c: 2023 + n % 2 for n, c in enumerate(LEVELS)}, year_column=2024
    )

    result = read("baserow.csv", csv_bytes(rows))

    assert by_assessment(result) == {(c, 2024, None): LEVELS[c] for c in LEVELS}
    assert not errors(result)
    assert any("created or changed in the tool" in p.message for p in result.problems)


@pytest.mark.parametrize("header", HEADERS)
@pytest.mark.parametrize("made", ["csv", "xlsx"])
def test_with_no_year_the_year_all_rows_were_recorded_in_is_taken(header, made):
    rows = _rows(header, TIMES["iso"], {"Rwanda": 2023, "Cambodia": 2024}, year_column=None)
    data = csv_bytes(rows) if made == "csv" else xlsx({"Table": rows})

    result = read(f"nocodb.{made}", data)

    assert by_assessment(result) == {
        ("Rwanda", 2023, None): LEVELS["Rwanda"],
        ("Cambodia", 2024, None): LEVELS["Cambodia"],
    }
    taken = [p for p in result.problems if "was taken from the column headed" in p.message]
    assert len(taken) == 2


def test_rows_recorded_over_several_years_give_no_year():
    rows = _rows(
        "CreatedAt",
        TIMES["iso"],
        {"Rwanda": lambda n: 2022 + n % 2, "Cambodia": 2024},
        year_column=None,
    )

    result = read("nocodb.csv", csv_bytes(rows))

    assert by_assessment(result) == {
        ("Rwanda", None, None): LEVELS["Rwanda"],
        ("Cambodia", 2024, None): LEVELS["Cambodia"],
    }
    said = [p.message for p in result.problems if "so no year was taken from it" in p.message]
    assert len(said) == 1
    assert "2022, 2023" in said[0]


def test_a_title_year_comes_before_the_record_times():
    rows: list[list[Any]] = [["MNR self-assessment 2022"], []]
    rows += _rows("Created on", TIMES["iso"], {"Rwanda": 2024, "Cambodia": 2024}, year_column=None)

    result = read("export.xlsx", xlsx({"Grid": rows}))

    assert by_assessment(result) == {(c, 2022, None): LEVELS[c] for c in LEVELS}


@pytest.mark.parametrize(
    ("header", "record"),
    [
        ("Created on", True),
        ("CreatedAt", True),
        ("created_on", True),
        ("sys_updated_on", True),
        ("Date Modified", True),
        ("Last edited time", True),
        ("Date de création", True),
        ("Fecha de modificación", True),
        ("Date", False),
        ("Date of assessment", False),
        ("Submitted", False),
        ("Timestamp", False),
        ("Assessment date", False),
        ("Date completed", False),
    ],
)
def test_record_time_headers(header, record):
    assert is_record_time(header) is record
