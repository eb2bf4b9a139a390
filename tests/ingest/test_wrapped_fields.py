"""Jira's "Custom field (…)" around a field's name is unwrapped for every field
(components/ingest/wrapped_fields.py): the level, the country, the year, the capability."""

from __future__ import annotations

from typing import Any

import pytest

from components.ingest.matching import classify_header
from components.ingest.wrapped_fields import unwrapped_field
from tests.ingest.reader_support import TITLES, by_assessment, csv_bytes, errors, read, xlsx

ALL = range(1, 22)
RWANDA = {n: (n + 1) % 5 for n in ALL}
NEPAL = {n: (n * 2) % 5 for n in ALL}


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Custom field (MNR Level)", "level"),
        ("Custom field (Maturity score)", "level"),
        ("Custom field (Level (0-4))", "level"),
        ("Custom field (Country)", "country"),
        ("Custom field (Assessment Year)", "year"),
        ("Custom field (MNR Capability)", "capability"),
        ("Custom field (Evidence)", "evidence"),
        ("Benutzerdefiniertes Feld (Stufe)", "level"),
        ("Champ personnalisé (Pays)", "country"),
        ("Campo personalizado (Nivel)", "level"),
        ("Custom field (Story Points)", None),
        ("Custom field", None),
    ],
)
def test_a_wrapped_field_is_read_by_its_own_name(header: str, field: str | None) -> None:
    assert classify_header(header) == field


@pytest.mark.parametrize("value", ["Level (0-4)", "Country", 3, None, "Custom field ()"])
def test_other_headers_stay_as_they_are(value: Any) -> None:
    assert unwrapped_field(value) == value


def jira_rows(levels_written: str) -> list[list[Any]]:
    header = [
        "Summary", "Issue key", "Issue Type", "Status", "Labels", "Labels",
        "Custom field (Country)", "Custom field (MNR Capability)", "Custom field (MNR Level)",
        "Custom field (Assessment Year)", "Sprint",
    ]  # fmt: skip
    rows: list[list[Any]] = [header]
    for country, levels in (("Rwanda", RWANDA), ("Nepal", NEPAL)):
        for n in ALL:
            level = {"level": f"Level {levels[n]}", "number": levels[n]}[levels_written]
            rows.append(
                [f"Assess {TITLES[n]} – {country}", f"MNR-{n}", "Task", ["Done", "To Do"][n % 2],
                 "mnr", None, country, f"{n}. {TITLES[n]}", level, 2024, None]
            )  # fmt: skip
    return rows


@pytest.mark.parametrize("levels_written", ["level", "number"])
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_jira_export_is_read_by_its_custom_fields(levels_written: str, kind: str) -> None:
    rows = jira_rows(levels_written)
    data = csv_bytes(rows) if kind == "csv" else xlsx({"Jira": rows})
    result = read(f"jira.{kind}", data)
    assert by_assessment(result) == {("Rwanda", 2024, None): RWANDA, ("Nepal", 2024, None): NEPAL}
    assert not errors(result)
