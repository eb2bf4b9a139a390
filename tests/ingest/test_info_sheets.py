"""Sheets named like notes or instructions (components/ingest/info_sheets.py): read when their
content is an assessment, reported when a table on them gives no level, else left quietly."""

from __future__ import annotations

import pytest

from components.ingest.template import write_template
from tests.ingest.reader_support import (
    ARVENIA_2021,
    BELMORA_2023,
    EXPECTED,
    FW,
    SAMPLE,
    assert_problem,
    by_assessment,
    long_rows,
    per_sheet,
    read,
    xlsx,
)

NAMES = ["Dashboard", "Notes", "Key", "Cover", "Chart", "Guide", "Légende", "Portada", "Capa"]


@pytest.mark.parametrize("name", NAMES)
def test_an_assessment_on_a_sheet_named_like_notes_is_read(name):
    data = xlsx(
        {
            "Arvenia": per_sheet("Arvenia", 2021, ARVENIA_2021),
            name: per_sheet("Belmora", 2023, BELMORA_2023),
        }
    )
    result = read("two.xlsx", data)
    assert by_assessment(result) == {
        ("Arvenia", 2021, None): ARVENIA_2021,
        ("Belmora", 2023, None): BELMORA_2023,
    }
    assert result.problems == ()


@pytest.mark.parametrize("name", NAMES)
def test_the_only_sheet_named_like_notes_is_read(name):
    result = read("one.xlsx", xlsx({name: per_sheet("Belmora", 2023, BELMORA_2023)}))
    assert by_assessment(result) == {("Belmora", 2023, None): BELMORA_2023}


def test_a_dashboard_repeating_the_data_sheet_is_not_a_second_assessment():
    result = read("copy.xlsx", xlsx({"Data": long_rows(), "Dashboard": long_rows()}))
    assert by_assessment(result) == EXPECTED
    assert not any("Dashboard" in (p.sheet or "") for p in result.problems)


def test_a_table_on_a_notes_sheet_that_gives_no_level_is_reported():
    rows = per_sheet("Belmora", 2023, dict.fromkeys(BELMORA_2023, "high"))
    result = read("notes.xlsx", xlsx({"Data": long_rows(), "Notes": rows}))
    assert by_assessment(result) == EXPECTED
    assert_problem(
        result, "warning", None, "Skipped sheet “Notes”: it is named like", sheet="Notes"
    )
    [skip] = [p for p in result.problems if p.sheet == "Notes"]
    assert "not a level" in skip.message


@pytest.mark.parametrize(
    "rows",
    [
        [["Fill in the levels"], ["Level", "Label"], [0, "Not in place"], [1, "Building"]],
        [["Lists"], *([c.title] for c in FW.capabilities), ["low"], ["medium"]],
        [["Capability", "Description"], *([c.title, "what it means"] for c in FW.capabilities)],
    ],
)
def test_notes_lists_and_definitions_are_left_quietly(rows):
    result = read("notes.xlsx", xlsx({"Guide": rows, "Data": long_rows()}))
    assert by_assessment(result) == EXPECTED
    assert result.problems == ()


def test_the_templates_instruction_and_scale_sheets_are_left_quietly():
    result = read("template.xlsx", write_template(FW, SAMPLE))
    assert not any(p.sheet in ("Instructions", "Scale") for p in result.problems)
    assert len(by_assessment(result)) == 1
