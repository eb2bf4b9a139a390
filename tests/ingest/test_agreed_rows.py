"""Rows of several views of one assessment beside the agreed one's: the agreed rows are read,
the others set aside with a warning; without an agreed row, one message names the column
(``agreed_rows``)."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from openpyxl import Workbook

from tests.ingest.reader_support import (
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    errors,
    read,
    xlsx,
)

ALL = range(1, 22)
AGREED = {"Ethiopia": {n: n % 5 for n in ALL}, "Namibia": {n: (n + 3) % 5 for n in ALL}}


def _view_levels(country: str, view: int) -> dict[int, int]:
    """A stakeholder group's own levels: each differs from the agreed one."""
    return {n: (level + 1 + view) % 5 for n, level in AGREED[country].items()}


def _wide(heading: str, views: list[str], agreed: str, *, agreed_first: bool = False) -> list:
    """Country | Year | <heading> | a column per capability: a row per view and per country."""
    rows: list[list[Any]] = [["Country", "Year", heading, *(TITLES[n] for n in ALL)]]
    for country, levels in AGREED.items():
        given = [(v, _view_levels(country, i)) for i, v in enumerate(views)]
        given.insert(0 if agreed_first else len(given), (agreed, levels))
        rows += [[country, 2023, view, *(got[n] for n in ALL)] for view, got in given]
    return rows


def _long(heading: str, views: list[str], agreed: str, *, agreed_first: bool = False) -> list:
    """Country | Year | <heading> | Capability | Level: a row per view, country, capability."""
    rows: list[list[Any]] = [["Country", "Year", heading, "Capability", "Level"]]
    for country, levels in AGREED.items():
        given = [(v, _view_levels(country, i)) for i, v in enumerate(views)]
        given.insert(0 if agreed_first else len(given), (agreed, levels))
        for view, got in given:
            rows += [[country, 2023, view, TITLES[n], got[n]] for n in ALL]
    return rows


VIEWS = [
    ("Respondent type", ["Government", "Civil society", "UN agency"], "Consensus"),
    ("Stakeholder group", ["Government", "Law enforcement", "Industry"], "Agreed"),
    ("respondent_group", ["government", "ngo", "un"], "consensus"),
    ("Organisation", ["Ministry of Interior", "NGO coalition"], "Final score"),
    ("Source", ["Self-assessment", "Workshop"], "Validated"),
    ("Group", ["Group A", "Group B"], "National result"),
    ("Type de répondant", ["Gouvernement", "Société civile"], "Consensus (validé)"),
    ("Grupo", ["Gobierno", "Sociedad civil"], "Acordado"),
    ("Parte interessada", ["Governo", "Sociedade civil"], "Consenso"),
]


@pytest.mark.parametrize(("heading", "views", "agreed"), VIEWS)
@pytest.mark.parametrize(
    ("shape", "kind", "agreed_first"),
    [
        (_wide, "xlsx", False),
        (_wide, "xlsx", True),
        (_long, "csv", False),
        (_long, "xlsx", True),
    ],
)
def test_the_agreed_rows_are_read_and_the_other_views_set_aside(
    heading, views, agreed, shape, kind, agreed_first
):
    rows = shape(heading, views, agreed, agreed_first=agreed_first)
    data = xlsx({"Scores": rows}) if kind == "xlsx" else csv_bytes(rows)

    result = read(f"scores.{kind}", data)

    assert by_assessment(result) == {(c, 2023, None): levels for c, levels in AGREED.items()}
    assert errors(result) == []
    per_row = 21 if shape is _long else 1
    set_aside = len(views) * len(AGREED) * per_row
    sheet = "Scores" if kind == "xlsx" else None
    assert_problem(result, "warning", "C1", f"the {set_aside} rows of the other views", sheet)
    # The column was read: nothing says it was not.
    assert not [p for p in result.problems if "not a capability or a known column" in p.message]


def test_one_assessment_scored_by_groups_reads_the_consensus_rows():
    rows: list[list[Any]] = [["Country", "Benin"], ["Year", 2024], []]
    rows.append(["No.", "Capability", "Group", "Level"])
    for n in ALL:
        rows += [[n, TITLES[n], group, (n + i) % 5] for i, group in enumerate(["A", "B", "C"])]
        rows.append([n, TITLES[n], "Consensus", n % 4])

    result = read("workshop.xlsx", xlsx({"Workshop": rows}))

    assert by_assessment(result) == {("Benin", 2024, None): {n: n % 4 for n in ALL}}
    assert_problem(result, "warning", "C4", "the 63 rows of the other views (“A”, “B”, “C”)")


def _log(status: str, draft: str, final: str, *, hide: bool) -> bytes:
    """A submissions log: per country its draft rows, then its final rows (a later date),
    the drafts hidden by a filter when ``hide``."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Submissions"
    sheet.append(["Country", "Year", status, "Capability", "Level", "Submitted"])
    for country, levels in AGREED.items():
        for n in ALL:
            sheet.append([country, 2023, draft, TITLES[n], (levels[n] + 2) % 5, "2023-03-01"])
            if hide:
                sheet.row_dimensions[sheet.max_row].hidden = True
        for n in ALL:
            sheet.append([country, 2023, final, TITLES[n], levels[n], "2023-06-30"])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("status", "draft", "final"),
    [
        ("Status", "Draft", "Final"),
        ("Status", "Provisional", "Validated"),
        ("Review status", "Under review", "Approved"),
        ("Version", "Draft v1", "Final"),
        ("Stage", "Not validated", "Validated"),
        ("Statut", "Brouillon", "Validé"),
        ("Versión", "Borrador", "Aprobado"),
    ],
)
@pytest.mark.parametrize("hide", [True, False])
def test_a_status_column_reads_the_final_rows_and_sets_the_drafts_aside(status, draft, final, hide):
    result = read("log.xlsx", _log(status, draft, final, hide=hide))

    assert by_assessment(result) == {(c, 2023, None): levels for c, levels in AGREED.items()}
    assert errors(result) == []
    hidden = " (all hidden)" if hide else ""
    assert_problem(result, "warning", "C1", f"the 42 rows of “{draft}”{hidden} set aside")


def test_an_assessment_with_only_draft_rows_is_read_with_a_warning():
    rows = [["Country", "Year", "Status", "Capability", "Level"]]
    rows += [["Ethiopia", 2023, "Draft", TITLES[n], 1] for n in ALL]
    rows += [["Ethiopia", 2023, "Final", TITLES[n], 2] for n in ALL]
    rows += [["Namibia", 2023, "Draft", TITLES[n], 3] for n in ALL]

    result = read("log.csv", csv_bytes(rows))

    assert by_assessment(result) == {
        ("Ethiopia", 2023, None): dict.fromkeys(ALL, 2),
        ("Namibia", 2023, None): dict.fromkeys(ALL, 3),
    }
    assert_problem(result, "warning", "C44", "1 assessment has no “Final” row")


@pytest.mark.parametrize(("shape", "cell"), [(_wide, "C1"), (_long, "C1")])
def test_views_without_an_agreed_row_are_refused_naming_their_column(shape, cell):
    rows = [
        r
        for r in shape("Stakeholder", ["Government", "Civil society"], "Consensus")
        if r[2] != "Consensus"
    ]
    rows = [rows[0], *(r for r in rows[1:] if r[0] == "Ethiopia")]
    # The groups agree on capability 21 only: that level is kept.
    for row in rows[1:]:
        if shape is _wide or row[3] == TITLES[21]:
            row[-1] = 4

    result = read("inputs.xlsx", xlsx({"Inputs": rows}))

    assert by_assessment(result) == {("Ethiopia", 2023, None): {21: 4}}
    assert_problem(result, "error", cell, "given once per view in the column “Stakeholder”")
    assert_problem(result, "error", cell, "the 20 capabilities on which the views differ")
    problem = next(p for p in errors(result) if "once per view" in p.message)
    assert "filter the table to one view" in problem.fix
    # One message for the assessment, not one per capability.
    assert len([p for p in errors(result) if "Ethiopia" in p.message]) == 1


@pytest.mark.parametrize(
    ("heading", "values"),
    [
        # an organisation's long name that mentions the agreement is no agreed row
        ("Organisation", ["Ministry", "Agreed at the national validation meeting"]),
        # rounds of an evaluation under a group's heading: each its own
        ("Group", ["Baseline", "Final"]),
        # a status that says nothing of drafts beside the final
        ("Status", ["Final", "Not assessed"]),
    ],
)
def test_nothing_is_set_aside_unless_one_value_is_the_agreed_result(heading, values):
    rows: list[list[Any]] = [["Country", "Year", heading, "Capability", "Level"]]
    for i, value in enumerate(values):
        rows += [["Ethiopia", 2023, value, TITLES[n], (n + i) % 5] for n in ALL]

    result = read("scores.csv", csv_bytes(rows))

    assert by_assessment(result) == {("Ethiopia", 2023, None): {}}
    assert not [p for p in result.problems if "set aside" in p.message]
    assert errors(result)  # the two rows' levels differ: which is meant is not guessed


def test_a_round_column_with_a_final_round_keeps_both_rounds():
    rows = [["Country", "Round", "Capability", "Level"]]
    rows += [["Ethiopia", "Baseline", TITLES[n], 1] for n in ALL]
    rows += [["Ethiopia", "Final", TITLES[n], 3] for n in ALL]

    result = read("rounds.csv", csv_bytes(rows))

    assert by_assessment(result) == {
        ("Ethiopia", None, "Baseline"): dict.fromkeys(ALL, 1),
        ("Ethiopia", None, "Final"): dict.fromkeys(ALL, 3),
    }


def test_one_country_without_its_consensus_row_is_refused_the_others_read():
    rows = _wide("Respondent type", ["Government", "Civil society"], "Consensus")
    rows = [r for r in rows if not (r[0] == "Namibia" and r[2] == "Consensus")]

    result = read("scores.xlsx", xlsx({"Scores": rows}))

    assert by_assessment(result) == {
        ("Ethiopia", 2023, None): AGREED["Ethiopia"],
        ("Namibia", 2023, None): {},
    }
    assert_problem(result, "warning", "C1", "the 2 rows of the other views")
    assert_problem(result, "error", "C1", "Namibia 2023 is given once per view")
    assert not [p for p in result.problems if "read as they are" in p.message]


def test_two_columns_marking_the_same_rows_agreed_read_those_rows():
    rows = _wide("Respondent type", ["Government", "Civil society"], "Consensus")
    rows[0].insert(3, "Organisation")
    for row in rows[1:]:
        row.insert(3, "National consensus" if row[2] == "Consensus" else "Ministry")

    result = read("scores.xlsx", xlsx({"Scores": rows}))

    assert by_assessment(result) == {(c, 2023, None): levels for c, levels in AGREED.items()}
    assert errors(result) == []


def test_a_source_column_giving_each_capability_once_sets_nothing_aside():
    # Some levels validated, the others self-assessed: each capability once, nothing to choose.
    rows = [["Country", "Year", "Source", "Capability", "Level"]]
    for country, levels in AGREED.items():
        source = ["Validated" if n % 2 else "Self-assessment" for n in ALL]
        rows += [[country, 2023, source[n - 1], TITLES[n], levels[n]] for n in ALL]
    rows += [["Benin", 2023, "Self-assessment", TITLES[n], 1] for n in ALL]

    result = read("sources.csv", csv_bytes(rows))

    assert by_assessment(result) == {
        **{(c, 2023, None): levels for c, levels in AGREED.items()},
        ("Benin", 2023, None): dict.fromkeys(ALL, 1),
    }
    assert result.problems == ()
