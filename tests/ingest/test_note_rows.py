"""Notes typed into the capability column: left with a warning when the row has no level."""

import pytest

from components.ingest.note_rows import is_note
from tests.ingest.reader_support import assert_problem, by_assessment, read, xlsx


@pytest.mark.parametrize(
    ("value", "note"),
    [
        ("Note: the hotline figures are being verified", True),
        ("NB - the survey covers 6 of 10 regions", True),
        ("N.B. pending second reading", True),
        ("Nota bene: draft", True),
        ("Remarque : chiffres provisoires", True),
        ("Nota: cifras provisionales", True),
        ("Observação: dados parciais", True),
        ("Notes", True),
        ("Notice and Takedown Procedures", False),
        ("Notation", False),
        ("Leadership", False),
        (7, False),
    ],
)
def test_is_note(value, note):
    assert is_note(value) is note


def _form(note: str, level=None) -> bytes:
    rows = [["Country", "Elbonia"], ["Year", 2024], [], ["No.", "Capability", "Level", "Notes"]]
    rows += [[1, "Leadership", 3, None], [None, note, level, "see annex 2"], [2, None, 1, None]]
    return xlsx({"Form": rows})


@pytest.mark.parametrize(
    "note",
    ["Note: the figures are being verified", "NB - six regions only", "Remarque : voir annexe"],
)
def test_a_note_row_without_a_level_is_left_with_a_warning(note):
    result = read("form.xlsx", _form(note))
    assert by_assessment(result) == {("Elbonia", 2024, None): {1: 3, 2: 1}}
    assert_problem(result, "warning", "B6", "Row 6 is a note")
    assert not [p for p in result.problems if p.severity == "error"]


def test_a_note_row_with_a_level_is_still_an_error_as_its_level_would_be_lost():
    result = read("form.xlsx", _form("Note: see below", level=2))
    assert_problem(result, "error", "B6", "is not a capability of the framework")
