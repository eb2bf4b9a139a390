"""The upload page's mapping step: offered for the problems a choice of sheet, header row,
columns or labels can fix, and not for a value only the file can change."""

from __future__ import annotations

from typing import Any

import pytest

from components.ui.mapping_step import fix_in_the_file_note, needs_mapping
from tests.ingest.reader_support import read, xlsx

LEVELS = [[number, 2] for number in range(1, 22)]


def assessment_sheet(year: Any, country: str | None = "Kenya") -> list[list[Any]]:
    top = [["Country:", country]] if country else []
    return [*top, ["Year", year], [], ["Capability", "Level"], *LEVELS]


CASES = {
    # Read, its year refused with the calendar named: only the year cell can give it.
    "Hijri year": ({"Kenya": assessment_sheet("1445 AH")}, False, True),
    "Solar Hijri year": ({"Kenya": assessment_sheet(1402)}, False, True),
    # Read in the Gregorian calendar (2023), with a warning: nothing to fix.
    "Buddhist-era year read": ({"Kenya": assessment_sheet(2566)}, False, False),
    # Nothing read: each sheet's country is its abbreviated name, refused with a suggestion.
    "abbreviated sheet names": (
        {"Ug": assessment_sheet(2023, None), "Ken": assessment_sheet(2023, None)},
        False,
        True,
    ),
    # A label naming no capability: the step maps it.
    "unknown capability": (
        {"Data": [["Country", "Year", "Capability", "Level"], ["Kenya", 2023, "Helpline X", 2]]},
        True,
        False,
    ),
    # No table found: the step says which row holds the headers and which columns are which.
    "no table found": ({"Notes": [["Minutes of the meeting"], ["We talked."]]}, True, False),
    "read completely": ({"Kenya": assessment_sheet(2023)}, False, False),
}


@pytest.mark.parametrize(("sheets", "offered", "noted"), CASES.values(), ids=CASES.keys())
def test_the_step_is_offered_only_for_what_it_can_fix(request, sheets, offered, noted):
    result = read("upload.xlsx", xlsx(sheets))
    assert needs_mapping(result) is offered
    note = fix_in_the_file_note(result, kept_meanwhile=not result.capabilities.empty)
    assert (note is not None) is noted
    if noted:
        assert "upload the corrected file" in note
        assert ("a year" in note) is ("year" in request.node.callspec.id)
        assert ("Until then, what could be read is kept" in note) is (not result.capabilities.empty)


def test_a_year_refused_beside_an_unknown_label_still_offers_the_step():
    rows = assessment_sheet(1402)
    rows.append(["Helpline X", 3])
    result = read("upload.xlsx", xlsx({"Kenya": rows}))
    assert needs_mapping(result)
    assert fix_in_the_file_note(result, kept_meanwhile=True) is not None
