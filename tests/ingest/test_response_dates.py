"""Which of a form export's dates is each response's (components/ingest/response_dates.py):
the date the form asked for, else the tool's first; an empty one from the response's other."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import (
    ARVENIA_2021,
    BELMORA_2023,
    LABELS,
    TITLES,
    by_assessment,
    csv_bytes,
    read,
)

ALL = range(1, 22)


def form(head: list[str], dates: list[list[object]]) -> bytes:
    top = [*head, "Which country are you reporting for?"]
    top += [f"Rate each capability [{TITLES[n]}]" for n in ALL]
    rows = [top]
    for when, (country, given) in zip(
        dates, [("Arvenia", ARVENIA_2021), ("Belmora", BELMORA_2023)], strict=True
    ):
        rows.append([*when, country, *(LABELS[given[n]] if n in given else None for n in ALL)])
    return csv_bytes(rows)


@pytest.mark.parametrize(
    ("head", "dates", "years", "warned"),
    [
        # the assessment's date asked by the form decides over the tool's timestamp
        (["Timestamp", "Date of assessment"],
         [["2022-01-05 10:00", "2021-12-10"], ["2024-01-20 09:00", "2023-11-30"]],
         (2021, 2023), False),
        (["Date submitted", "Assessment date"],
         [["2022-01-05", "2021-12-10"], ["2024-01-20", "2023-11-30"]], (2021, 2023), False),
        # the tool's first time, the others left as they are
        (["StartDate", "EndDate"], [["2021-05-01", "2022-01-01"], ["2023-05-01", "2024-01-01"]],
         (2021, 2023), False),
        # its first time empty in a response: that response's other time, said
        (["Date submitted", "Date started"], [["2021-05-01", "2021-04-30"], ["", "2023-04-30"]],
         (2021, 2023), True),
        (["Completion time", "Start time"], [["", "2021-04-30"], ["2023-05-01", "2023-04-30"]],
         (2021, 2023), True),
        # no date at all in a response: read without one, nothing made up
        (["Date submitted", "Date started"], [["2021-05-01", "2021-04-30"], ["", ""]],
         (2021, None), False),
    ],
)  # fmt: skip
def test_each_response_gets_the_year_a_careful_reader_takes(head, dates, years, warned):
    result = read("form.csv", form(head, dates))
    assert by_assessment(result) == {
        ("Arvenia", years[0], None): ARVENIA_2021,
        ("Belmora", years[1], None): BELMORA_2023,
    }
    said = [p for p in result.problems if "its date was taken from" in p.message]
    assert bool(said) == warned
    if warned:
        assert said[0].severity == "warning"
        assert said[0].fix
