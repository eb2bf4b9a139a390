"""A report tool's note of the filters applied under its export
(components/ingest/filter_notes.py): one year filtered gives the year, said; several none."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import by_assessment, read, xlsx

ARVENIA = {n: n % 5 for n in range(1, 22)}
BELMORA = {n: (n + 2) % 5 for n in range(1, 22)}


def export(note: str | None, *, where: str = "A") -> bytes:
    rows: list[list[object]] = [["Country", "Capability", "Level"]]
    for country, given in (("Arvenia", ARVENIA), ("Belmora", BELMORA)):
        rows += [[country, f"{n:02} capability {n}", level] for n, level in given.items()]
    if note is not None:
        rows += [[], [note] if where == "A" else [None, note]]
    return xlsx({"Export": rows})


@pytest.mark.parametrize(
    ("note", "year", "said"),
    [
        ("Applied filters:\nYear is 2023\nRegion is MENA", 2023, "The year 2023 was taken"),
        ("Applied filters: Year is 2022", 2022, "The year 2022 was taken"),
        ("Applied filters:\nRegion is MENA\nAssessment year is 2024", 2024, "The year 2024"),
        ("Filtres appliqués :\nAnnée est 2021", 2021, "The year 2021 was taken"),
        ("Filtros aplicados:\nAño es 2020", 2020, "The year 2020 was taken"),
        ("Applied filters:\nDate is 2023-06-30", 2023, "The year 2023 was taken"),
        # several years, or none: no year, and the first said
        ("Applied filters:\nYear is 2022 or 2023", None, "which is not one year"),
        ("Applied filters:\nYear is not 2022", None, "which is not one year"),
        ("Applied filters:\nYear is after 2020", None, "which is not one year"),
        ("Applied filters:\nRegion is MENA", None, None),
        ("Year is 2023", None, None),  # no note of filters: a sentence of its own
        (None, None, None),
    ],
)
def test_the_year_of_a_filters_note_under_the_data(note, year, said):
    result = read("export.xlsx", export(note))
    assert by_assessment(result) == {
        ("Arvenia", year, None): ARVENIA,
        ("Belmora", year, None): BELMORA,
    }
    notes = [p for p in result.problems if "filters applied" in p.message]
    if said is None:
        assert not notes
    else:
        assert len(notes) == 1
        assert said in notes[0].message
        assert notes[0].severity == "warning"
        assert notes[0].cell == "A45"
        assert notes[0].fix


def test_a_year_column_is_not_overridden_by_the_note():
    rows: list[list[object]] = [["Country", "Year", "Capability", "Level"]]
    rows += [["Arvenia", 2021, n, level] for n, level in ARVENIA.items()]
    rows += [[], ["Applied filters:\nYear is 2023"]]
    result = read("export.xlsx", xlsx({"Export": rows}))
    assert by_assessment(result) == {("Arvenia", 2021, None): ARVENIA}
