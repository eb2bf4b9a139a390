"""Why a sheet was skipped (components/ingest/unrecognised.py): said from what its rows hold."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, read, xlsx


@pytest.mark.parametrize("word", ["Column", "Colonne", "Columna", "Coluna"])
def test_excel_placeholder_headers_are_named_and_the_fix_says_which_headers_to_type(word):
    rows = [["Country", "Albania"], ["Year", 2023], [], [f"{word}{i}" for i in (1, 2, 3)]]
    rows += [[n, TITLES[n], n % 5] for n in range(1, 22)]
    result = read("table.xlsx", xlsx({"Sheet1": rows}))

    assert result.capabilities.empty
    assert_problem(result, "warning", None, f"“{word}1” to “{word}3”, A4 to C4")
    assert_problem(result, "warning", None, "Capability over the capabilities' numbers or titles")


def test_a_table_with_its_own_headers_is_read_as_before():
    rows = [["Country", "Albania"], ["Year", 2023], [], ["No.", "Capability", "Level"]]
    rows += [[n, TITLES[n], n % 5] for n in range(1, 22)]
    result = read("table.xlsx", xlsx({"Sheet1": rows}))

    assert len(result.capabilities) == 21
    assert not [p for p in result.problems if "Excel gives" in p.message]


@pytest.mark.parametrize("country", ["Country", "Pays", "País"])
def test_columns_of_levels_under_short_headers_are_named(country):
    short = ["Leadership", "Research", "Dedicated LE", "Image DB", "E2E support", "CP workforce"]
    short += ["NTD", "ISD", "Hotline"]
    rows = [[country, "Year", *short]]
    rows += [[name, 2023, *(n % 5 for n in range(len(short)))] for name in ("Kenya", "Uganda")]
    result = read("tracker.xlsx", xlsx({"Tracker": rows}))
    assert_problem(
        result,
        "warning",
        None,
        "the header row 1 has 8 columns of levels whose headers name no capability of the "
        "framework: “Research”, “Dedicated LE”, “Image DB”, “E2E support”, “CP workforce”, "
        "“NTD” and 2 more. Match these headers to capabilities in “Fix how this file is read”",
    )


def test_form_questions_that_name_no_capability_are_named_not_the_id_column():
    words = ["LE", "the image DB", "E2E support", "CP workforce"]
    head = ["Id", "Which country are you reporting for?"]
    head += [f"How would you rate {w} in your country?" for w in words]
    rows = [head, [1, "Ghana", 1, 2, 3, 4], [2, "Togo", 2, 3, 4, 1]]
    result = read("form.xlsx", xlsx({"Form": rows}))
    assert_problem(
        result,
        "warning",
        None,
        "the header row 1 has 4 columns of levels whose headers name no capability of the "
        "framework: “How would you rate LE in your country?”",
    )
    assert not any("(A1)" in p.message for p in result.problems)


@pytest.mark.parametrize("key", ["N°", "No.", "Numéro"])
def test_numbers_beside_titles_of_ones_own_say_the_level_column_is_missing(key):
    # "N° | Capacité | <a level header the app does not know>": the numbers name all 21, so
    # the titles (the team's own) are not what failed: no column is headed Level.
    words = ["Zéro", "Un", "Deux", "Trois", "Quatre"]
    rows = [["Atelier de validation, 2023"], [], [key, "Capacité", "Appréciation"]]
    rows += [[n, f"Intitulé maison {n}", words[n % 5] + " ?"] for n in range(1, 22)]
    result = read("bf.xlsx", xlsx({"Résultats": rows}))
    skipped = next(p for p in result.problems if p.message.startswith("Skipped sheet"))
    assert "names the capabilities (A3) but no column is headed Level" in skipped.message
    assert "labels below" not in skipped.message
