"""A long table's column of countries under the tool's own heading (components/ingest/
country_columns): Airtable's "Countries", a sheet's "Place", Kanbanize's "Lane", a blank
heading, read as the country column with a warning; a cell naming several countries gives its
row to each when each has rows of its own; a column of countries that does not tell the rows'
assessments apart (a partner per capability) is not taken for the country."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.reader_support import (
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    errors,
    read,
    xlsx,
)

LEVELS = {
    "Kenya": {n: n % 5 for n in range(1, 22) if n != 6},
    "Uganda": {n: (n + 1) % 5 for n in range(1, 22)},
    # Ghana's level is Kenya's for every third capability: their records are shared
    "Ghana": {n: n % 5 if n % 3 == 0 else (n + 3) % 5 for n in range(1, 22) if n != 12},
}


def _long(header: Any, names: dict[str, str], *, year: bool = True) -> list[list[Any]]:
    """A long table, a row per capability and country, the country under ``header`` written
    as ``names`` gives it."""
    rows: list[list[Any]] = [["Capability", "Level", header, *(["Year"] if year else [])]]
    for country, levels in LEVELS.items():
        for number, level in levels.items():
            rows.append([TITLES[number], level, names[country], *([2024] if year else [])])
    return rows


ENGLISH = {c: c for c in LEVELS}


@pytest.mark.parametrize("header", ["Countries", "Place", "Lane", "Linked country", "Tags", None])
@pytest.mark.parametrize("made", ["csv", "xlsx"])
def test_a_column_of_countries_under_any_heading_is_the_country_column(header, made):
    rows = _long(header, ENGLISH)
    data = csv_bytes(rows) if made == "csv" else xlsx({"Grid view": rows})

    result = read(f"base.{made}", data)

    assert by_assessment(result) == {(c, 2024, None): LEVELS[c] for c in LEVELS}
    assert not errors(result)
    assert_problem(result, "warning", "C1", "was read as the Country column")


def test_countries_written_in_other_languages_are_read_too():
    names = {"Kenya": "Kenia", "Uganda": "Ouganda", "Ghana": "Gana"}

    result = read("base.csv", csv_bytes(_long("Countries", names)))

    assert by_assessment(result) == {(c, 2024, None): LEVELS[c] for c in LEVELS}


def test_a_column_of_one_country_under_any_heading_gives_it():
    rows = [r for r in _long("Place", ENGLISH) if r[2] in ("Place", "Kenya")]

    result = read("base.csv", csv_bytes(rows))

    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS["Kenya"]}


def _records(shared: dict[tuple[int, int], str]) -> list[list[Any]]:
    """Airtable's records, one per capability and level, linked to every country at that
    level: the countries joined by commas; ``shared`` overrides a record's countries."""
    rows: list[list[Any]] = [["Name", "Capability", "Level", "Countries", "Round"]]
    for number in range(1, 22):
        for level in range(5):
            who = [c for c, levels in LEVELS.items() if levels.get(number) == level]
            who_text = shared.get((number, level), ",".join(who))
            if who_text:
                rows.append([f"{TITLES[number]} – {level}", TITLES[number], level, who_text, 2024])
    return rows


def test_a_record_linked_to_several_countries_is_each_ones_row():
    result = read("levels.csv", csv_bytes(_records({})))

    assert by_assessment(result) == {(c, 2024, "2024"): LEVELS[c] for c in LEVELS}
    assert not errors(result)
    messages = [p.message for p in result.problems]
    assert any("name several countries in one cell" in m for m in messages)


def test_a_shared_record_against_a_countrys_own_row_uses_neither():
    """Kenya's own row gives capability 2 level 2; a record shared with Uganda gives it 4:
    which is Kenya's is not known, so neither is used; Uganda's is the shared record's."""
    rows: list[list[Any]] = [["Capability", "Level", "Countries", "Round"]]
    for country in ("Kenya", "Uganda"):
        rows += [
            [TITLES[n], 2, country, 2024] for n in range(1, 22) if (country, n) != ("Uganda", 2)
        ]
    rows.append([TITLES[2], 4, "Kenya,Uganda", 2024])

    result = read("levels.csv", csv_bytes(rows))

    read_levels = by_assessment(result)
    assert 2 not in read_levels[("Kenya", 2024, "2024")]
    assert read_levels[("Uganda", 2024, "2024")][2] == 4
    assert_problem(result, "error", "B3, B43", "Capability 2 (Research, Analysis and Monitoring)")
    assert_problem(result, "error", "B3, B43", "is given two levels")


def test_every_row_naming_the_same_two_countries_is_a_joint_assessment_refused():
    rows = [["Capability", "Level", "Countries", "Year"]]
    rows += [[TITLES[n], n % 5, "Kenya, Uganda", 2024] for n in range(1, 22)]

    result = read("joint.csv", csv_bytes(rows))

    assert by_assessment(result) == {}
    assert any("names 2 countries" in p.message for p in errors(result))


def test_a_partner_column_that_splits_one_assessment_is_not_the_country():
    """Kenya's table names each capability once, with the partner country supporting it:
    the partners do not tell assessments apart, so the title's country holds."""
    partners = ["United Kingdom", "Germany", "Norway"]
    rows: list[list[Any]] = [["Kenya – MNR self-assessment 2024"], []]
    rows.append(["Capability", "Level", "Partner"])
    rows += [[TITLES[n], LEVELS["Kenya"].get(n), partners[n % 3]] for n in range(1, 22)]

    result = read("kenya.xlsx", xlsx({"Scores": rows}))

    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS["Kenya"]}
    assert not any("read as the Country column" in p.message for p in result.problems)


def test_a_region_or_an_unknown_name_among_the_countries_leaves_the_column_unread():
    names = {"Kenya": "Kenya", "Uganda": "Uganda", "Ghana": "West Africa office"}

    result = read("base.csv", csv_bytes(_long("Countries", names)))

    assert not any("read as the Country column" in p.message for p in result.problems)
