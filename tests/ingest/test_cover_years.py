"""The year of a round named at the start of a cover's note (components/ingest/cover_years):
"MNR 2025 round – shared on OneDrive. …" on an About sheet gives the table beside it 2025; a
year elsewhere in a note ("updated in 2025") or two years give none."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.reader_support import TITLES, by_assessment, read, xlsx

LEVELS = {
    "Mexico": {n: n % 5 for n in range(1, 22)},
    "Kenya": {n: (n + 1) % 5 for n in range(1, 22) if n != 3},
}


def _book(note: str) -> bytes:
    rows: list[list[Any]] = [["Country", "Capability", "Level (0-4)", "Previous level"]]
    for country, levels in LEVELS.items():
        rows += [[country, f"{n}. {TITLES[n]}", level, None] for n, level in levels.items()]
    return xlsx({"Assessment": rows, "About": [[note]]})


@pytest.mark.parametrize(
    ("note", "year"),
    [
        (
            "MNR 2025 round – shared on OneDrive. Level (0-4) is the agreed level; Previous "
            "level kept for the audit trail.",
            2025,
        ),
        ("MNR self-assessment 2024: levels agreed at the national workshop in Nairobi.", 2024),
        ("Baseline 2021 - figures entered by the secretariat", 2021),
        ("2023 assessment round. Do not edit the Level column.", 2023),
    ],
)
def test_a_rounds_title_at_the_start_of_a_note_gives_the_year(note, year):
    result = read("onedrive.xlsx", _book(note))

    assert by_assessment(result) == {(c, year, None): LEVELS[c] for c in LEVELS}
    assert any("were taken from sheet “About”" in p.message for p in result.problems)


@pytest.mark.parametrize(
    "note",
    [
        "Shared on OneDrive; updated in 2025 by the team.",
        "MNR 2024 round, compared with the 2022 round where levels differ.",
        "See the 2023 report for the evidence behind each level.",
        "Levels agreed by the ministry of interior and partners in 2024.",
    ],
)
def test_a_year_elsewhere_in_a_note_gives_none(note):
    result = read("onedrive.xlsx", _book(note))

    assert by_assessment(result) == {(c, None, None): LEVELS[c] for c in LEVELS}
