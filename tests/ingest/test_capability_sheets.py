"""One sheet per capability, named after it (components/ingest/capability_sheets.py), and a
capability column headed otherwise ("Name", as monday.com exports a board)."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import FW, TITLES, assert_problem, by_assessment, read, xlsx

ALL = range(1, 22)
KE = {n: (n * 3 + 1) % 5 for n in ALL}
UG = {n: (n * 2 + 3) % 5 for n in ALL}


def sheet_names(style: str) -> dict[int, str]:
    return {
        "number and title": {n: f"{n} {TITLES[n]}"[:31] for n in ALL},
        # A title longer than a sheet name can be is cut: not certain without its number.
        "title": {n: TITLES[n] for n in ALL if len(TITLES[n]) <= 31},
        "code": {n: f"Cap {n}" for n in ALL},
        "dotted": {n: f"{n}. {TITLES[n]}"[:31] for n in ALL},
    }[style]


@pytest.mark.parametrize("style", ["number and title", "title", "code", "dotted"])
@pytest.mark.parametrize(
    "header", [["Country", "Year", "Level"], ["Pays", "Année", "Niveau"], ["País", "Año", "Nivel"]]
)
def test_a_sheet_per_capability_reads_each_countrys_assessment(
    style: str, header: list[str]
) -> None:
    names = sheet_names(style)
    book = xlsx(
        {
            name: [header, ["Kenya", 2023, KE[n]], ["Uganda", 2023, UG[n]]]
            for n, name in names.items()
        }
    )
    result = read("regional.xlsx", book)
    assert by_assessment(result) == {
        ("Kenya", 2023, None): {n: KE[n] for n in names},
        ("Uganda", 2023, None): {n: UG[n] for n in names},
    }
    said = [p for p in result.problems if "taken from the sheet's name" in p.message]
    assert [p.severity for p in said] == ["warning"]
    assert not [p for p in result.problems if p.severity == "error"]


def test_several_years_on_each_sheet_stay_apart() -> None:
    book = xlsx(
        {
            f"{n} {TITLES[n]}"[:31]: [
                ["Country", "Year", "Level"],
                ["Kenya", 2021, KE[n]],
                ["Kenya", 2023, UG[n]],
            ]
            for n in (1, 2, 3)
        }
    )
    found = by_assessment(read("regional.xlsx", book))
    assert found == {
        ("Kenya", 2021, None): {n: KE[n] for n in (1, 2, 3)},
        ("Kenya", 2023, None): {n: UG[n] for n in (1, 2, 3)},
    }


@pytest.mark.parametrize("name", ["Sheet1", "1", "Data 2023", "1 Legislation"])
def test_a_sheet_name_naming_no_capability_for_certain_is_refused_with_a_way_out(
    name: str,
) -> None:
    result = read("one.xlsx", xlsx({name: [["Country", "Year", "Level"], ["Kenya", 2023, 2]]}))
    assert by_assessment(result) == {}
    assert_problem(result, "warning", None, "name the sheet after it", sheet=name)


@pytest.mark.parametrize("key", ["Name", "Task", "Nom"])
def test_a_capability_column_headed_otherwise_is_read_by_its_values(key: str) -> None:
    # monday.com: the board's name, then per group its title, header row and items.
    rows = [["MNR Kenya 2024"], []]
    for domain in FW.domains:
        rows += [[domain.name], [key, "Person", "Status", "Level", "Date"]]
        rows += [
            [f"{c.number}. {c.title}", "A. Otieno", "Done", KE[c.number], "2024-02-01"]
            for c in FW.capabilities_in(domain.id)
        ]
        rows.append([])
    result = read("board.xlsx", xlsx({"MNR Kenya 2024": rows}))
    assert by_assessment(result) == {("Kenya", 2024, None): KE}
    assert_problem(result, "warning", "A4", f"“{key}”")


def test_a_column_of_other_names_is_not_taken_for_the_capabilities() -> None:
    rows = [["Country", "Name", "Level"]] + [["Kenya", f"Task {n}", n % 5] for n in ALL]
    result = read("tasks.xlsx", xlsx({"Board": rows}))
    assert by_assessment(result) == {}
