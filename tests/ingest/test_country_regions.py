"""A country's name written with its region ("Kenya (Eastern Africa)"): the country's, with a
warning that the region was left out; parts of countries and unknown names stay as before."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import (
    TITLES,
    assert_problem,
    csv_bytes,
    errors,
    none_if_missing,
    read,
    xlsx,
)

ALL = range(1, 22)


def _form(country: str) -> bytes:
    rows = [["Country", country], ["Year", 2022], [], ["No.", "Capability", "Level"]]
    return xlsx({"Assessment": rows + [[n, TITLES[n], n % 5] for n in ALL]})


def _long(*countries: str) -> bytes:
    rows = [["Country", "Year", "No.", "Level"]]
    rows += [[c, 2022, n, (n + i) % 5] for i, c in enumerate(countries) for n in ALL]
    return csv_bytes(rows)


def _wide(*heads: str) -> bytes:
    rows = [["Year", 2022], [], ["No.", "Capability", *heads]]
    rows += [[n, TITLES[n], *[(n + i) % 5 for i in range(len(heads))]] for n in ALL]
    return xlsx({"Scores": rows})


def _assessments(result) -> set[tuple]:
    frame = result.capabilities[["country", "iso3", "round"]].drop_duplicates()
    return {tuple(none_if_missing(v) for v in row) for row in frame.values}


@pytest.mark.parametrize(
    ("written", "country", "iso3", "region"),
    [
        ("Cambodia (East Asia & Pacific)", "Cambodia", "KHM", "East Asia & Pacific"),
        ("Kenya (Eastern Africa)", "Kenya", "KEN", "Eastern Africa"),
        ("Kenya [East Africa]", "Kenya", "KEN", "East Africa"),
        ("Kenya – Sub-Saharan Africa", "Kenya", "KEN", "Sub-Saharan Africa"),
        ("Kenya, East Africa", "Kenya", "KEN", "East Africa"),
        ("Ghana (ECOWAS)", "Ghana", "GHA", "ECOWAS"),
        ("Sénégal (Afrique de l'Ouest)", "Sénégal", "SEN", "Afrique de l'Ouest"),
        ("Perú (América Latina y el Caribe)", "Perú", "PER", "América Latina y el Caribe"),
        ("Moçambique (África Austral)", "Mozambique", "MOZ", "África Austral"),
        ("KHM – Cambodia (East Asia & Pacific)", "Cambodia", "KHM", "East Asia & Pacific"),
        ("Cambodia (KHM) – East Asia & Pacific", "Cambodia", "KHM", "East Asia & Pacific"),
    ],
)
@pytest.mark.parametrize("shape", [_form, _long, _wide])
def test_a_region_after_a_country_is_left_out_with_a_warning(written, country, iso3, region, shape):
    result = read("regional.xlsx" if shape is not _long else "regional.csv", shape(written))
    assert _assessments(result) == {(country, iso3, None)}
    assert result.capabilities["level"].notna().sum() == 21
    assert not errors(result)
    matching = [p for p in result.problems if f"“{region}” is a region" in p.message]
    assert len(matching) == 1, result.problems
    assert matching[0].severity == "warning"
    assert matching[0].cell
    assert matching[0].fix


def test_the_warning_names_the_cell_and_each_country_stays_apart():
    result = read("regional.csv", _long("Kenya (Eastern Africa)", "Uganda (Eastern Africa)"))
    assert _assessments(result) == {("Kenya", "KEN", None), ("Uganda", "UGA", None)}
    assert_problem(result, "warning", "A2", "the country was read from “Kenya”")
    assert_problem(result, "warning", "A23", "the country was read from “Uganda”")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # parts of a country: filed under it with the part as the round, as before
        ("Tanzania (Mainland)", ("Tanzania", "TZA", "Mainland")),
        ("Zanzibar", ("Tanzania", "TZA", "Zanzibar")),
        # a name that is not a country is not guessed at
        ("Elbonia (Eastern Africa)", ("Elbonia (Eastern Africa)", None, None)),
        # a bracket that is not a region stays
        # (the ISO list's forms of a name, filed under the name people use)
        ("Bolivia (Plurinational State of)", ("Bolivia", "BOL", None)),
        ("Korea, Republic of", ("South Korea", "KOR", None)),
        ("Guinea-Bissau", ("Guinea-Bissau", "GNB", None)),
        ("Tanzania (draft)", ("Tanzania", "TZA", "draft")),
    ],
)
def test_other_brackets_read_as_before(written, expected):
    result = read("other.xlsx", _form(written))
    assert _assessments(result) == {expected}
    assert not [p for p in result.problems if "is a region" in p.message]


def test_a_region_alone_is_still_refused():
    result = read("region.xlsx", _form("Eastern Africa"))
    assert _assessments(result) == set()
    assert_problem(result, "error", "B1", "is a region or a group of countries")
