"""A form's questions about the enablers (components/ingest/form_enablers.py): read as the
enablers' levels beside the capabilities', by their titles only, each once."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import (
    ARVENIA_2021,
    FW,
    LABELS,
    TITLES,
    by_assessment,
    csv_bytes,
    enabler_levels,
    read,
    xlsx,
)

ALL = range(1, 22)
ENABLERS = {e.number: e.title for e in FW.enablers}
GIVEN = {1: 4, 2: 2, 3: 0, 5: 3, 7: 1}
KEY = ("Arvenia", 2021, None)


def form(
    cap: str, ena: str, extra: list[str] | None = None, said: object = LABELS[2]
) -> list[list[object]]:
    head = ["Timestamp", "Which country are you reporting for?"]
    head += [cap.format(TITLES[n]) for n in ALL] + [ena.format(ENABLERS[n]) for n in ENABLERS]
    head += extra or []
    cells: list[object] = ["2021-05-02 10:00:00", "Arvenia"]
    cells += [LABELS[ARVENIA_2021[n]] if n in ARVENIA_2021 else None for n in ALL]
    cells += [LABELS[GIVEN[n]] if n in GIVEN else None for n in ENABLERS]
    cells += [said for _ in extra or []]
    return [head, cells]


@pytest.mark.parametrize(
    ("cap", "ena"),
    [
        ("Please rate each capability. - {}", "And the enablers? - {}"),
        ("Rate each capability [{}]", "Rate each enabler [{}]"),
        ("{} [Current level]", "{} [Current level]"),
    ],
)
@pytest.mark.parametrize("make", ["csv", "xlsx"])
def test_the_enablers_questions_are_read_with_the_capabilities(cap, ena, make):
    rows = form(cap, ena)
    data = csv_bytes(rows) if make == "csv" else xlsx({"Responses": rows})
    result = read(f"form.{make}", data)
    assert by_assessment(result) == {KEY: ARVENIA_2021}
    assert enabler_levels(result) == {KEY: GIVEN}


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (["Q3"], LABELS[2]),  # a question's number names no enabler, though it holds a level
        (["3"], LABELS[2]),
        (["Any comments on Supportive reporting environment?"], "a remark"),
    ],
)
def test_a_number_or_a_remark_is_no_enablers_question(extra, said):
    rows = form("Rate each capability [{}]", "Rate each enabler [{}]", extra, said)
    result = read("form.csv", csv_bytes(rows))
    assert enabler_levels(result) == {KEY: GIVEN}


def test_an_enabler_asked_twice_is_read_from_neither():
    extra = ["Rate each enabler again [Supportive reporting environment]"]
    rows = form("Rate each capability [{}]", "Rate each enabler [{}]", extra)
    result = read("form.csv", csv_bytes(rows))
    assert by_assessment(result) == {KEY: ARVENIA_2021}
    assert enabler_levels(result) == {KEY: {n: v for n, v in GIVEN.items() if n != 3}}
