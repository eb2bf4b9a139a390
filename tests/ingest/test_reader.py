"""The reader's entry: enablers joined to their assessments, ids, and files it must refuse
politely (one error, never an exception)."""

from __future__ import annotations

import logging

import pytest

from components.ingest import reader
from components.ingest.report import CAPABILITY_COLUMNS
from components.ingest.template import write_template
from tests.ingest.reader_support import (
    ASSESSMENTS,
    EXPECTED,
    FW,
    LONG_ENABLERS,
    SAMPLE,
    assert_problem,
    by_assessment,
    enabler_levels,
    errors,
    long_rows,
    per_sheet,
    read,
    xlsx,
)


def test_enablers_in_a_long_table_join_the_assessments_of_the_other_sheet():
    result = read("en.xlsx", xlsx({"Data": long_rows(), "Enablers": LONG_ENABLERS}))
    assert result.problems == ()
    assert by_assessment(result) == EXPECTED
    assert set(result.enablers["assessment_id"]) == set(result.capabilities["assessment_id"])
    assert enabler_levels(result) == {
        ("Arvenia", 2021, None): {3: 2, 7: 1},
        ("Arvenia", 2023, None): {},
        ("Belmora", 2023, None): {1: 4},
    }


def test_enablers_whose_assessment_is_not_in_the_file_are_reported_not_made_assessments():
    rows = [
        *LONG_ENABLERS,
        ["Carvia", 2023, 1, 2],
        ["Carvia", 2023, 2, None],  # blank level: not assessed, still one of its rows
        ["Belmora", "2023-06-30", 2, 1],  # Belmora's capabilities give only the year
        ["Nowhere", 2020, 1, None],  # nothing given: nothing lost, nothing to say
    ]
    result = read("en.xlsx", xlsx({"Data": long_rows(), "Enablers": rows}))
    assert set(result.capabilities["country"]) == {"Arvenia", "Belmora"}
    assert result.capabilities["assessment_id"].nunique() == 3
    assert set(result.enablers["assessment_id"]) == set(result.capabilities["assessment_id"])
    assert_problem(
        result,
        "warning",
        "D5:D6",
        "enablers for Carvia 2023 have no capability assessment in this file",
        sheet="Enablers",
    )
    belmora = next(p for p in result.problems if "Belmora 2023-06-30" in p.message)
    assert (belmora.severity, belmora.cell) == ("warning", "D7")
    assert "Belmora 2023" in belmora.fix
    assert len(result.problems) == 2, result.problems
    assert enabler_levels(result)[("Belmora", 2023, None)] == {1: 4}

    # a file of enablers alone has no assessment at all
    result = read("en.xlsx", xlsx({"Enablers": LONG_ENABLERS}))
    assert result.capabilities.empty
    assert result.enablers.empty
    assert_problem(result, "warning", "D2:D3", "enablers for arvenia 2021", sheet="Enablers")
    assert_problem(result, "warning", "D4", "enablers for Belmora 2023", sheet="Enablers")
    assert_problem(result, "error", None, "No assessment was found")


def test_enablers_given_twice_or_for_an_assessment_given_twice_are_reported():
    rows = [*long_rows(), ["Arvenia", 2021, "E3", 2, None, None]]
    enablers = [*LONG_ENABLERS[:2], ["Arvenia", 2021, 4, 3]]
    result = read("twice.xlsx", xlsx({"Data": rows, "Enablers": enablers}))
    assert_problem(result, "error", "D2", "second time for arvenia 2021", sheet="Enablers")
    assert enabler_levels(result)[("Arvenia", 2021, None)] == {3: 2, 4: 3}

    sheets = {"A": per_sheet(*ASSESSMENTS[0]), "B": per_sheet(*ASSESSMENTS[0])}
    result = read("two.xlsx", xlsx({**sheets, "Enablers": LONG_ENABLERS[:3]}))
    assert_problem(result, "warning", "D2:D3", "more than one assessment", sheet="Enablers")
    assert result.enablers["level"].count() == 0


def test_an_enablers_sheet_needing_an_owner():
    # the template's Enablers sheet has no country: it belongs to the only assessment...
    sheets = {"Arvenia 2021": per_sheet(*ASSESSMENTS[0])}
    sheets["Enablers"] = [["No.", "Enabler", "Level"], [1, "x", 2]]
    result = read("one.xlsx", xlsx(sheets))
    assert enabler_levels(result)[("Arvenia", 2021, None)] == {1: 2}
    # ... but in a workbook of two assessments: whose is it?
    sheets = {f"{c} {y}": per_sheet(c, y, g) for c, y, g in ASSESSMENTS[:2]}
    sheets["Enablers"] = [["No.", "Enabler", "Level"], [1, "x", 2]]
    result = read("two.xlsx", xlsx(sheets))
    assert_problem(result, "error", None, "not clear which assessment", sheet="Enablers")
    # with a Country label of its own, it joins that country's assessment
    sheets["Enablers"] = [
        ["Country", "Arvenia"],
        ["Year", 2023],
        [],
        ["No.", "Enabler", "Level"],
        [1, FW.enablers[0].title, 2],
    ]
    result = read("two.xlsx", xlsx(sheets))
    assert not result.problems, result.problems
    assert result.capabilities["assessment_id"].nunique() == 2
    assert enabler_levels(result)[("Arvenia", 2023, None)] == {1: 2}


# --- files the reader must refuse, politely -----------------------------------------------

GARBAGE = {
    "empty": ("a.xlsx", b""),
    "old xls": ("a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
    "random bytes": ("a.xlsx", bytes(range(256)) * 8),
    "truncated workbook": ("a.xlsx", write_template(FW)[:3000]),
    "a zip that is not a workbook": ("a.xlsx", b"PK\x05\x06" + b"\0" * 18),
}


@pytest.mark.parametrize(("name", "data"), GARBAGE.values(), ids=GARBAGE.keys())
def test_unreadable_files_become_one_error_not_an_exception(name, data):
    result = read(name, data)
    assert errors(result)
    assert result.capabilities.empty
    assert result.enablers.empty
    assert list(result.capabilities.columns) == CAPABILITY_COLUMNS
    error = next(p for p in result.problems if p.severity == "error")
    assert error.file == name
    assert error.message
    assert error.fix


def test_an_unexpected_failure_is_a_plain_message_on_the_page_and_a_traceback_in_the_log(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
):
    # A failure no list of exception types foresaw: a bug, or a file that trips openpyxl.
    def fail(*_args: object) -> list:
        raise RuntimeError("parser state lost")

    monkeypatch.setattr(reader, "parse_sheet", fail)
    with caplog.at_level(logging.ERROR, logger="components.ingest.reader"):
        result = read("arvenia.xlsx", write_template(FW, SAMPLE))

    [problem] = result.problems
    assert (problem.severity, problem.sheet, problem.cell) == ("error", None, None)
    assert problem.message == (
        "The file could not be read (RuntimeError); it may be damaged or not a real spreadsheet."
    )
    assert "parser state lost" not in problem.message + problem.fix
    assert result.capabilities.empty
    [record] = [r for r in caplog.records if r.name == "components.ingest.reader"]
    assert record.levelno == logging.ERROR
    assert "arvenia.xlsx" in record.getMessage()
    assert record.exc_info is not None
    assert isinstance(record.exc_info[1], RuntimeError)
    assert "Traceback" in caplog.text
    assert "RuntimeError: parser state lost" in caplog.text


def test_assessment_ids_are_stable_and_depend_on_the_source():
    data = write_template(FW, SAMPLE)
    first, again, other = (read(n, data) for n in ("a.xlsx", "a.xlsx", "b.xlsx"))
    ids = [r.capabilities["assessment_id"].iloc[0] for r in (first, again, other)]
    assert ids[0] == ids[1] != ids[2]


# One assessment over several sheets: a sheet per domain, the country and year on a cover.
DOMAIN_SHEETS = {"Sheet2": (1, 2, 3), "Sheet3": (4, 5, 6, 7), "Sheet4": tuple(range(8, 22))}


def _domain_sheet(numbers, meta=()):
    rows = [*meta, ["No.", "Capability", "Level"]]
    return rows + [[number, None, number % 5] for number in numbers]


def test_sheets_of_one_assessment_each_with_its_country_and_year_are_one_assessment():
    meta = (["Country:", "Elbonia"], ["Year:", 2023], [])
    sheets = {name: _domain_sheet(numbers, meta) for name, numbers in DOMAIN_SHEETS.items()}
    result = read("domains.xlsx", xlsx(sheets))
    assert by_assessment(result) == {("Elbonia", 2023, None): {n: n % 5 for n in range(1, 22)}}
    assert errors(result) == []
    assert_problem(result, "warning", None, "split over sheets", sheet="Sheet2")


def test_a_cover_sheets_country_and_year_go_to_the_tables_without_their_own():
    cover = [["MNR self-assessment"], [], ["Country", "Elbonia"], ["Year", 2022]]
    sheets = {"Cover": cover}
    sheets |= {name: _domain_sheet(numbers) for name, numbers in DOMAIN_SHEETS.items()}
    result = read("domains.xlsx", xlsx(sheets))
    assert by_assessment(result) == {("Elbonia", 2022, None): {n: n % 5 for n in range(1, 22)}}
    assert errors(result) == []
    assert_problem(result, "warning", None, "taken from sheet “Cover”", sheet="Cover")
    # The cover was read, so it is not reported as a sheet left out.
    assert not [p for p in result.problems if p.message.startswith("Skipped")]


def test_a_cover_does_not_fill_a_country_label_left_empty():
    cover = [["Country", "Elbonia"], ["Year", 2022]]
    own = _domain_sheet(range(1, 22), (["Country", None, "Year", 2022], []))
    result = read("c.xlsx", xlsx({"Cover": cover, "Sheet2": own}))
    assert by_assessment(result) == {}
    assert errors(result)


def test_two_sheets_assessing_the_same_capabilities_for_one_key_stay_apart_and_are_reported():
    meta = (["Country:", "Elbonia"], ["Year:", 2023], [])
    first = _domain_sheet(range(1, 22), meta)
    second = [*meta, ["No.", "Capability", "Level"]] + [[n, None, 4 - n % 5] for n in range(1, 22)]
    result = read("two.xlsx", xlsx({"Draft": first, "Final": second}))
    assert result.capabilities["assessment_id"].nunique() == 2
    assert_problem(result, "warning", None, "kept as separate assessments", sheet="Final")


def test_a_long_table_over_two_sheets_is_not_joined():
    # A library export keeps each version of an assessment on a sheet of its own.
    head = ["Country", "Year", "Capability", "Level"]
    first = [head] + [["Elbonia", 2024, n, 1] for n in (1, 2)]
    second = [head] + [["Elbonia", 2024, n, 2] for n in (3, 4)]
    result = read("long.xlsx", xlsx({"Library": first, "Library v2": second}))
    assert result.capabilities["assessment_id"].nunique() == 2
