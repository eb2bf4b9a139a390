"""Excel's Data > Subtotal rows ("Kenya Average", "Grand Average") are no capabilities."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import FW, TITLES, by_assessment, errors, read, xlsx


@pytest.mark.parametrize(
    ("group", "grand"),
    [
        ("{c} Average", "Grand Average"),
        ("{c} Total", "Grand Total"),
        ("{c} Count", "Grand Count"),
        ("Moyenne {c}", "Moyenne générale"),
        ("{c} Promedio", "Promedio general"),
    ],
)
def test_subtotal_rows_are_skipped_quietly(group, grand):
    rows = [["Country", "Year", "Capability", "Level"]]
    for country, shift in (("Kenya", 0), ("Uganda", 2)):
        rows += [[country, 2023, title, (n + shift) % 5] for n, title in TITLES.items()]
        rows.append([group.format(c=country), None, None, 2.1])
    rows.append([grand, None, None, 2.0])
    result = read("subtotals.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {
        ("Kenya", 2023, None): {n: n % 5 for n in TITLES},
        ("Uganda", 2023, None): {n: (n + 2) % 5 for n in TITLES},
    }
    assert errors(result) == []


def test_a_row_with_a_level_and_no_capability_is_still_an_error():
    rows = [["Country", "Year", "Capability", "Level"]]
    rows += [["Kenya", 2023, title, n % 5] for n, title in TITLES.items()]
    rows.append(["Kenya", 2023, None, 3])
    result = read("missing.xlsx", xlsx({"Data": rows}))
    assert any("but no capability" in p.message for p in errors(result))


@pytest.mark.parametrize(
    ("domain_rows", "overall_row"),
    [
        ("{domain} — average", None),
        (None, "OVERALL SCORE"),
        ("Average {domain}", "Overall average"),
    ],
)
def test_averages_among_levels_0_and_1_leave_the_levels_read(domain_rows, overall_row):
    """A country early on the path (every level 0 or 1) with its domains' or its overall
    average (0.5, 0.52) in the Level column: those rows sum up, and the levels are no
    fractions."""
    levels = {n: n % 2 for n in TITLES}
    rows = [["Country", "Sao Tome and Principe"], ["Year", 2022], [], ["Capability", "Level"]]
    for domain in FW.domains:
        numbers = [c.number for c in FW.capabilities_in(domain.id)]
        if domain_rows:
            average = round(sum(levels[n] for n in numbers) / len(numbers), 2)
            rows.append([domain_rows.format(domain=domain.name), average])
        rows += [[TITLES[n], levels[n]] for n in numbers]
    if overall_row:
        rows.append([overall_row, round(sum(levels.values()) / len(levels), 2)])
    result = read("stp.xlsx", xlsx({"Assessment": rows}))
    assert by_assessment(result) == {("Sao Tome and Principe", 2022, None): levels}
    assert errors(result) == []


def test_a_column_of_fractions_on_the_capabilities_rows_is_still_refused_whole():
    """Percentages kept as fractions (0.25, 0.75) on the capabilities' own rows are no levels,
    whatever rows sum them up."""
    rows = [["Country", "Kenya"], ["Year", 2023], [], ["Capability", "Level"]]
    rows += [[title, (n % 4) / 4 + 0.25] for n, title in TITLES.items()]
    rows.append(["Overall score", 0.6])
    result = read("kenya.xlsx", xlsx({"Assessment": rows}))
    assert result.capabilities["level"].notna().sum() == 0
    assert any("fractions" in p.message for p in errors(result))


@pytest.mark.parametrize(
    ("label", "number"),
    [
        ("Media reporting", 20),  # "media" opens Spanish means, and this capability's name
        ("Media – Ethical reporting", 20),
        ("Global CSEA reporting", 17),
        ("Progress on innovative solutions", 18),
    ],
)
def test_a_capability_named_after_a_summary_word_is_read(label, number):
    rows = [["Country", "Kenya"], ["Year", 2023], [], ["Capability", "Level"]]
    rows += [[label if n == number else title, n % 5] for n, title in TITLES.items()]
    rows.append(["Media", 2.1])  # a mean: a summary word alone, skipped
    result = read("kenya.xlsx", xlsx({"Form": rows}))
    assert by_assessment(result) == {("Kenya", 2023, None): {n: n % 5 for n in TITLES}}
    assert not errors(result)
