"""A title wrapped around the row holding its number and level (a narrow PDF column)."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, errors, read, xlsx

LEVELS = {n: (n * 3 + 1) % 5 for n in range(1, 22)}
TITLE = ["Zambia | MNR baseline assessment | 2022"]


def _lines(title: str, width: int) -> list[str]:
    """The title's lines in a column ``width`` characters wide, as a PDF wraps it."""
    lines: list[str] = []
    for word in title.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def _rows(width: int, where: str, header: list[str], *, remark: bool, numbered: bool = True):
    """The table with each title over its lines, the number and level on the first, the middle
    or the last of them (``where``), the remark on the first."""
    rows = [TITLE, [], header]
    for n, title in TITLES.items():
        lines = _lines(title, width)
        at = {"first": 0, "middle": len(lines) // 2, "last": len(lines) - 1}[where]
        for i, line in enumerate(lines):
            number = (n if numbered else None) if i == at else None
            level = LEVELS[n] if i == at else None
            note = "Reviewed by the committee" if remark and i == 0 else None
            cells = [number, line, level, note] if numbered else [line, level, note]
            rows.append(cells)
    return rows


HEADERS = {
    "en": ["No.", "Capability", "Level", "Remarks"],
    "fr": ["N°", "Capacité", "Niveau", "Observations"],
    "es": ["N.º", "Capacidad", "Nivel", "Observaciones"],
}


@pytest.mark.parametrize("width", [9, 12, 16])
@pytest.mark.parametrize("where", ["first", "middle", "last"])
@pytest.mark.parametrize("language", sorted(HEADERS))
def test_a_title_wrapped_around_its_numbered_row_is_one_row(width, where, language):
    rows = _rows(width, where, HEADERS[language], remark=True)
    result = read("narrow.xlsx", xlsx({"Table 1": rows}))

    assert by_assessment(result) == {("Zambia", 2022, None): LEVELS}
    assert errors(result) == []
    assert any("wrapped onto the next row" in p.message for p in result.problems)


@pytest.mark.parametrize("width", [10, 14])
@pytest.mark.parametrize("where", ["first", "middle"])
def test_without_a_number_column_the_row_holding_the_level_is_the_anchor(width, where):
    header = ["Capability", "Level", "Remarks"]
    result = read(
        "narrow.xlsx",
        xlsx({"T": _rows(width, where, header, remark=False, numbered=False)}),
    )

    assert by_assessment(result) == {("Zambia", 2022, None): LEVELS}
    assert errors(result) == []


@pytest.mark.parametrize("footer", [["Page 3 of 5"], [None, "Ministry of Justice", "15"]])
def test_the_pieces_of_a_title_are_joined_across_a_page_break(footer):
    header = ["No.", "Capability", "Level"]
    rows = [TITLE, [], header]
    rows += [[n, TITLES[n], LEVELS[n]] for n in range(1, 16)]
    rows += [[None, "Notice and", None], [16, "Takedown", LEVELS[16]], footer, header]
    rows += [[None, "Procedures", None]]
    rows += [[n, TITLES[n], LEVELS[n]] for n in range(17, 22)]
    if len(footer) > 1:
        rows.append([None, "Ministry of Justice", "16"])
    result = read("pages.xlsx", xlsx({"Table 1": rows}))

    assert by_assessment(result) == {("Zambia", 2022, None): LEVELS}
    assert errors(result) == []


@pytest.mark.parametrize(
    "header", [["No.", "Capability", "Level"], ["No.", "Capability", "Level", "Comments"]]
)
def test_a_title_s_last_line_set_one_column_left_by_text_to_columns(header):
    """Text split at tabs: the second line had no tab before it, so its words are under No.
    and its level under Capability."""
    rows = [["Namibia MNR assessment 2023"], header]
    for n, title in TITLES.items():
        lines = _lines(title, 24)
        if len(lines) == 1:
            rows.append([n, title, LEVELS[n]])
        else:
            rows += [[n, " ".join(lines[:-1]), None], [lines[-1], LEVELS[n]]]
    result = read("tabs.xlsx", xlsx({"Sheet1": rows}))

    assert by_assessment(result) == {("Namibia", 2023, None): LEVELS}
    assert errors(result) == []
    assert any("stood one column left" in p.message for p in result.problems)


def test_pieces_that_make_no_title_are_not_joined():
    header = ["No.", "Capability", "Level"]
    rows = [TITLE, [], header]
    rows += [[n, TITLES[n], LEVELS[n]] for n in range(1, 6)]
    rows += [[None, "Offender", None], [6, "Rehabilitation", LEVELS[6]], [None, "Plan", None]]
    rows += [[n, TITLES[n], LEVELS[n]] for n in range(7, 22)]
    result = read("narrow.xlsx", xlsx({"Table 1": rows}))

    levels = by_assessment(result)[("Zambia", 2022, None)]
    assert levels.get(6) == LEVELS[6]  # the number decides, said as a warning
    assert not any("wrapped onto the next row" in p.message for p in result.problems)
    assert_problem(result, "warning", "B10", "“Rehabilitation” does not name a capability")
