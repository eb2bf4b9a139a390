"""A wide table printed as blocks of other countries, one under another."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, errors, read, xlsx

COUNTRIES = ["Kenya", "Uganda", "Tanzania", "Rwanda", "Burundi", "South Sudan", "Ethiopia"]


def _level(country: str, n: int) -> int:
    return (len(country) + n * 3) % 5


def _rows(blocks: list[list[str]], *, heading: str, page_lines: bool, numbered: bool):
    rows = [["East Africa MNR baseline 2022: capability levels by country"], []]
    for page, countries in enumerate(blocks, start=17):
        rows.append([heading, *countries] if not numbered else ["No.", *countries])
        for n, title in TITLES.items():
            rows.append([n if numbered else title, *[_level(c, n) for c in countries]])
        if page_lines:
            rows += [[None] * len(countries) + [f"Page {page}"], []]
    return rows


@pytest.mark.parametrize(
    "blocks",
    [
        [COUNTRIES[:3], COUNTRIES[3:6]],
        [COUNTRIES[:2], COUNTRIES[2:4], COUNTRIES[4:7]],
        [COUNTRIES[:4], COUNTRIES[4:6]],
    ],
)
@pytest.mark.parametrize("heading", ["Capability", "Capacité"])
@pytest.mark.parametrize("page_lines", [True, False])
def test_each_block_of_other_countries_is_read_as_theirs(blocks, heading, page_lines):
    result = read(
        "regional.xlsx",
        xlsx({"Table 1": _rows(blocks, heading=heading, page_lines=page_lines, numbered=False)}),
    )

    expected = {
        (country, 2022, None): {n: _level(country, n) for n in TITLES}
        for block in blocks
        for country in block
    }
    assert by_assessment(result) == expected
    assert errors(result) == []
    assert_problem(result, "warning", "A27" if page_lines else "A25", "with other countries")


def test_blocks_numbered_by_capability_number_are_read_too():
    blocks = [COUNTRIES[:3], COUNTRIES[3:6]]
    result = read(
        "regional.xlsx", xlsx({"T": _rows(blocks, heading="", page_lines=True, numbered=True)})
    )

    assert len(by_assessment(result)) == 6
    assert errors(result) == []


def test_the_same_countries_again_are_a_page_s_repeated_header_not_a_new_block():
    rows = [["East Africa MNR baseline 2022"], ["Capability", *COUNTRIES[:3]]]
    for n, title in TITLES.items():
        if n == 12:
            rows += [[None, None, "Page 1"], ["Capability", *COUNTRIES[:3]]]
        rows.append([title, *[_level(c, n) for c in COUNTRIES[:3]]])
    result = read("regional.xlsx", xlsx({"T": rows}))

    assert by_assessment(result) == {
        (c, 2022, None): {n: _level(c, n) for n in TITLES} for c in COUNTRIES[:3]
    }
    assert not any("with other countries" in p.message for p in result.problems)


def test_a_block_under_its_own_title_takes_its_year_from_it():
    rows = [["East Africa MNR review 2022"], ["Capability", *COUNTRIES[:3]]]
    rows += [[title, *[_level(c, n) for c in COUNTRIES[:3]]] for n, title in TITLES.items()]
    rows += [[], ["West and Central Africa MNR review 2024"], ["Capability", "Ghana", "Togo"]]
    rows += [[title, *[_level(c, n) for c in ("Ghana", "Togo")]] for n, title in TITLES.items()]
    result = read("regional.xlsx", xlsx({"T": rows}))

    years = {country: year for country, year, _ in by_assessment(result)}
    assert years == {"Kenya": 2022, "Uganda": 2022, "Tanzania": 2022, "Ghana": 2024, "Togo": 2024}
    assert errors(result) == []
