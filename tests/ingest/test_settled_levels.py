"""Several level columns of which one is headed as the settled level (``settled_levels``):
it is read, the others set aside with a warning; when none is, or two are, the person
chooses."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import TITLES, by_assessment, errors, read, xlsx

SELF = {n: (n * 3) % 5 for n in range(1, 22)}
VALIDATED = {n: max(0, v - 1) if n % 3 else v for n, v in SELF.items()}


def _long(first: str, second: str, *, note: bool = True) -> bytes:
    rows: list[list] = [["MNR peer review: self-assessed and validated levels"]]
    if note:
        rows.append(["The VALIDATED level is the official result."])
    rows += [[], ["Country", "Year", "No.", "Capability", first, second, "Panel comment"]]
    for country, year in (("Benin", 2023), ("Mali", 2022)):
        rows += [[country, year, n, TITLES[n], SELF[n], VALIDATED[n], None] for n in range(1, 22)]
    return xlsx({"Scores": rows})


@pytest.mark.parametrize(
    ("first", "second", "read_second"),
    [
        ("Self-assessed level", "Validated level", True),
        ("Validated level", "Self-assessed level", False),
        ("Level", "Agreed level", True),
        ("Initial score", "Final score", True),
        ("Niveau (auto-évaluation)", "Niveau validé", True),
        ("Nivel (autoevaluación)", "Nivel consensuado", True),
    ],
)
def test_the_settled_level_column_is_read(first, second, read_second):
    result = read("peer.xlsx", _long(first, second))
    levels = VALIDATED if read_second else SELF
    assert by_assessment(result) == {
        ("Benin", 2023, None): levels,
        ("Mali", 2022, None): levels,
    }
    settled, aside = (second, first) if read_second else (first, second)
    warning = next(
        p for p in result.problems if "were set aside" in p.message or "was set aside" in p.message
    )
    assert f"the levels read are those of “{settled}”" in warning.message
    assert f"“{aside}”" in warning.message
    assert not errors(result)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Validated level", "Final level"),  # two settled levels
        ("Self-assessed level", "Revised level"),  # revised says less than settled
        ("Level", "Score"),  # nothing says which
    ],
)
def test_level_columns_nothing_settles_stay_the_persons_choice(first, second):
    result = read("peer.xlsx", _long(first, second, note=False))
    assert by_assessment(result) == {}
    assert "Several columns are headed like the level" in errors(result)[0].message


def test_rows_not_validated_yet_are_not_assessed_and_said():
    rows = [["Country", "Year", "No.", "Capability", "Self-assessed level", "Validated level"]]
    rows += [
        ["Benin", 2023, n, TITLES[n], SELF[n], VALIDATED[n] if n < 19 else None]
        for n in range(1, 22)
    ]
    result = read("peer.xlsx", xlsx({"Scores": rows}))
    assert by_assessment(result) == {
        ("Benin", 2023, None): {n: v for n, v in VALIDATED.items() if n < 19}
    }
    warning = next(p for p in result.problems if "was set aside" in p.message)
    assert "Rows 20, 21, 22 (3 in all) have no level under “Validated level”" in warning.message
