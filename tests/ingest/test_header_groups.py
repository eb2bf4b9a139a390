"""A header over two rows: a group label ("Assessment") over the level's own heading."""

from io import BytesIO

import pytest
from openpyxl import Workbook

from tests.ingest.reader_support import FW, TITLES, assert_problem, by_assessment, read, xlsx

LEVELS = {n: (n * 3) % 5 for n in range(1, 22)}
DOMAIN_NAMES = {d.id: d.name for d in FW.domains}


def _form(group: str, headings: tuple[str, str], *, merged: bool, domains: bool) -> bytes:
    """A form with "No." and "Capability" over two rows, ``group`` over ``headings``."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "MNR"
    sheet.append(["Country:", "Morocco", None, "Year:", 2022])
    sheet.append(["Prepared by", "Ministry of Justice"])
    sheet.append(["No.", "Capability", group, None if merged else group])
    sheet.append([None, None, *headings])
    if merged:
        for merge in ("A3:A4", "B3:B4", "C3:D3"):
            sheet.merge_cells(merge)
    last = None
    for capability in FW.capabilities:
        if domains and capability.domain != last:
            sheet.append([f"Domain: {DOMAIN_NAMES[capability.domain]}"])
            if merged:
                sheet.merge_cells(f"A{sheet.max_row}:D{sheet.max_row}")
            last = capability.domain
        number = capability.number
        sheet.append([f"{number}.", TITLES[number], LEVELS[number], f"note {number}"])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("group", "headings"),
    [
        ("Assessment", ("Level\n(0 = not in place … 4 = mature)", "Justification")),
        ("Évaluation", ("Niveau", "Justification")),
        ("Evaluación", ("Nivel", "Justificación")),
        ("Avaliação", ("Nível", "Justificativa")),
        ("Self-assessment", ("Score", "Evidence")),
    ],
)
@pytest.mark.parametrize("merged", [True, False])
@pytest.mark.parametrize("domains", [True, False])
def test_a_group_label_over_the_level_heading_reads_the_levels_under_it(
    group, headings, merged, domains
):
    result = read("mnr.xlsx", _form(group, headings, merged=merged, domains=domains))
    assert by_assessment(result) == {("Morocco", 2022, None): LEVELS}
    # Nothing said about the group label (no level column "headed Assessment"), the sub-header
    # row (no "row without a capability") or the domain rows.
    assert not result.problems


def test_the_notes_under_the_group_label_are_read_as_the_evidence():
    result = read(
        "mnr.xlsx", _form("Assessment", ("Level", "Justification"), merged=True, domains=True)
    )
    evidence = dict(
        zip(result.capabilities["capability"], result.capabilities["evidence"], strict=True)
    )
    assert evidence[1] == "note 1"
    assert evidence[21] == "note 21"


def test_a_level_column_under_the_group_label_beside_a_target_is_the_one_read():
    rows = [["Country", "Morocco"], ["Year", 2022], ["No.", "Capability", "Assessment", None]]
    rows.append([None, None, "Target", "Level"])
    rows += [[n, TITLES[n], 4, LEVELS[n]] for n in range(1, 22)]
    result = read("mnr.xlsx", xlsx({"MNR": rows}))
    assert by_assessment(result) == {("Morocco", 2022, None): LEVELS}


def _grouped(groups: list, headings: list, *, first_row: tuple = (), width: int = 6) -> bytes:
    """A form whose answer columns are headed over two rows, domain rows between."""
    rows = [["Country", "Morocco"], [], ["No.", "Capability", *groups]]
    rows.append([*(first_row or (None, None)), *headings])
    last = None
    for capability in FW.capabilities:
        if capability.domain != last:
            rows.append([f"Domain: {DOMAIN_NAMES[capability.domain]}"])
            last = capability.domain
        number = capability.number
        rows.append([number, TITLES[number], LEVELS[number], "a", (number + 1) % 5, "b"][:width])
    return xlsx({"MNR": rows})


def test_a_level_under_each_of_two_labels_is_for_the_person_to_choose():
    data = _grouped(
        ["Self-assessment", None, "Validated", None], ["Level", "Evidence", "Level", "Evidence"]
    )
    result = read("mnr.xlsx", data)
    assert by_assessment(result) == {}
    assert_problem(result, "error", "C4", "Several columns are headed like the level")


@pytest.mark.parametrize(
    ("groups", "expected"),
    [
        (["2021", None, "2023", None], {2021: 0, 2023: 1}),
        (["Kenya", None, "Uganda", None], {"Kenya": 0, "Uganda": 1}),
    ],
)
def test_a_year_or_country_over_each_level_column_is_still_read_as_its_assessment(groups, expected):
    result = read("mnr.xlsx", _grouped(groups, ["Level", "Comments", "Level", "Comments"]))
    found = by_assessment(result)
    for (country, year, _), levels in found.items():
        shift = expected[year if year in expected else country]
        assert levels == {n: (n + shift) % 5 if shift else LEVELS[n] for n in range(1, 22)}
    assert len(found) == 2


def test_a_two_row_header_that_cannot_be_joined_is_refused_without_asking_for_level_again():
    data = _grouped(["Assessment"], ["Level"], first_row=("(number)", "(name)"), width=3)
    result = read("mnr.xlsx", data)
    assert by_assessment(result) == {}
    assert_problem(result, "warning", None, "the row below it heads C4 “Level”")
    assert not [p for p in result.problems if "head it “Level”" in p.message]
