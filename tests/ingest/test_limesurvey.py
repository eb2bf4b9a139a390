"""LimeSurvey's exports: headed with question codes, refused saying what the file is and how
to export it; headed with the question text, read."""

from __future__ import annotations

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

META = ["id", "submitdate", "lastpage", "startlanguage", "country", "year"]
ANSWERS = [1, "2023-05-02 11:30:00", 3, "en", "Kenya", 2023]
LEVELS = {n: n % 5 for n in range(1, 22)}


@pytest.mark.parametrize(
    ("code", "answer"),
    [
        (lambda n: f"cap[SQ{n:03d}]", lambda level: f"A{level + 1}"),
        (lambda n: f"G01Q01[SQ{n:03d}]", lambda level: f"A{level + 1}"),
        (lambda n: f"G2Q3[SQ{n:02d}]", lambda level: level),  # answers that look like levels
        (lambda n: f"mnr[SQ{n:03d}]", lambda level: f"{level} - Building"),
    ],
)
@pytest.mark.parametrize("make", ["csv", "xlsx"])
def test_an_export_headed_with_question_codes_is_refused_saying_how_to_export_it(
    code, answer, make
):
    head = [*META, *(code(n) for n in LEVELS)]
    row = [*ANSWERS, *(answer(level) for level in LEVELS.values())]
    data = csv_bytes([head, row]) if make == "csv" else xlsx({"Responses": [head, row]})
    result = read(f"results-survey.{make}", data)
    assert by_assessment(result) == {}  # never guessed from SQ001 … SQ021
    assert_problem(result, "error", "G1", "LimeSurvey export headed with question codes")
    problem = next(p for p in errors(result) if p.cell == "G1")
    assert code(1) in problem.message
    assert code(21) in problem.message
    assert "which capability" in problem.message
    assert "Full question text" in problem.fix
    assert "rename" in problem.fix
    assert "(A1)" not in " ".join(p.message for p in result.problems)


def test_an_export_headed_with_the_question_text_is_read():
    head = [*META, *(f"Rate each capability [{TITLES[n]}]" for n in LEVELS)]
    row = [*ANSWERS, *LEVELS.values()]
    result = read("results-survey.csv", csv_bytes([head, row]))
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}
    assert not any("LimeSurvey" in p.message for p in result.problems)
