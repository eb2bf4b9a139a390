"""Headers whose meaning the cells under them decide (components/ingest/header_values.py): a
"Code" column of country codes, a "Name" column of capabilities, countries merged over
Level | Comment sub-columns."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import LABELS, TITLES, by_assessment, csv_bytes, errors, read, xlsx

A = {n: n % 5 for n in range(1, 22)}
B = {n: (n * 3) % 5 for n in range(1, 22)}


def merged_countries(level: str, note: str, blank_word: str) -> bytes:
    rows: list[list[object]] = [
        ["Year 2023"],
        ["No.", "Capability", "Kenya", "Kenya", "Uganda", "Uganda"],
        [None, None, level, note, level, note],
    ]
    for n in range(1, 22):
        rows.append([n, TITLES[n], A[n], "see report" if n % 4 == 0 else None, B[n]])
        rows[-1].append(blank_word if n % 6 == 0 else None)
    return xlsx({"2023": rows})


@pytest.mark.parametrize(
    ("level", "note", "blank_word"),
    [
        ("Level", "Comment", "pending"),
        ("Niveau", "Commentaire", "en attente"),
        ("Nivel", "Comentario", "pendiente"),
        ("Nível", "Observações", "pending"),
        ("Score", "Notes", "n/a"),
    ],
)
def test_a_comment_column_under_a_merged_country_is_its_notes(level, note, blank_word):
    result = read("merged.xlsx", merged_countries(level, note, blank_word))
    assert by_assessment(result) == {("Kenya", 2023, None): A, ("Uganda", 2023, None): B}
    assert errors(result) == []
    kenya = result.capabilities[result.capabilities["country"] == "Kenya"]
    assert kenya.set_index("capability").loc[4, "evidence"] == "see report"


def long_table(code_header: str) -> list[list[object]]:
    rows: list[list[object]] = [[code_header, "Country", "Year", "Capability", "Level"]]
    rows += [["KEN", "Kenya", 2023, TITLES[n], A[n]] for n in range(1, 22)]
    return rows


@pytest.mark.parametrize("header", ["Code", "ISO", "ISO3", "Country code", "Code pays"])
def test_a_column_of_country_codes_is_not_read_as_capabilities(header):
    result = read("k.xlsx", xlsx({"Data": long_table(header)}))
    assert by_assessment(result) == {("Kenya", 2023, None): A}
    assert result.problems == [] or errors(result) == []
    assert not any("does not name a capability" in p.message for p in result.problems)
    assert set(result.capabilities["iso3"]) == {"KEN"}


def test_a_code_column_of_capability_codes_is_still_read():
    rows = [["Code", "Country", "Year", "Level"]]
    rows += [[f"C{n}", "Kenya", 2023, n % 5] for n in range(1, 22)]
    result = read("k.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {("Kenya", 2023, None): A}


@pytest.mark.parametrize("header", ["Name", "Nom", "Nombre", "Nome"])
@pytest.mark.parametrize("written", ["{n}. {title}", "{title}"])
def test_a_name_column_of_capabilities_is_the_capability_column(header, written):
    rows: list[list[object]] = [[header, "Country", "Year", "Level"]]
    for n in range(1, 22):
        name = written.format(n=n, title=TITLES[n])
        rows.append([name, "Kenya", 2023, f"{A[n]} - {LABELS[A[n]]}"])
    result = read("airtable.csv", csv_bytes(rows))
    assert by_assessment(result) == {("Kenya", 2023, None): A}
    assert errors(result) == []


def test_a_name_column_of_people_is_not_the_capability_column():
    rows: list[list[object]] = [["Name", "Country", "Year", "Level"]]
    rows += [["Ann Lee", "Kenya", 2023, 3], ["Bo Chan", "Kenya", 2023, 2]] * 3
    result = read("people.csv", csv_bytes(rows))
    assert by_assessment(result) == {}
    assert errors(result)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Level (0-4)", "level"),
        ("Custom field (MNR Level)", "mnr level"),
        (1, "1"),
        (1.0, "1 0"),  # equal to 1, but not the same header: never shared through the cache
        (True, "true"),
    ],
)
def test_a_header_s_key_is_worked_out_once_per_text_and_kept_apart_by_type(value, expected):
    from components.ingest.vocabulary import key_of

    assert key_of(value) == expected
    assert key_of(value) == expected
