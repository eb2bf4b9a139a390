"""A survey tool's question code before the question's text, "CTRY. Country"
(components/ingest/question_codes.py): the text names the column, the code is left aside."""

from __future__ import annotations

import pytest

from components.ingest.matching import classify_header
from components.ingest.question_codes import commcare_question, question_text
from tests.ingest.reader_support import (
    ARVENIA_2021,
    BELMORA_2023,
    LABELS,
    TITLES,
    by_assessment,
    csv_bytes,
    read,
    xlsx,
)

ALL = range(1, 22)


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("CTRY. Country", "country"),
        ("country. Country", "country"),
        ("Q3. Year of assessment", "year"),
        ("G01Q02. Date of assessment", "date"),
        ("ISO[SQ001]. ISO3", "iso3"),
        ("assessor. Assessed by", "assessed_by"),
        ("Avg. level", "level"),  # a heading that was one already stays so
        ("St. Lucia", None),  # a name with a full stop is no code and no column
        ("id. Response ID", None),
        ("Country", "country"),
        # a database's field for the assessment's date (REDCap's "assess_date")
        ("assess_date", "date"),
        ("date_assessed", "date"),
        ("Assessed on", "date"),
        ("assessed_by", "assessed_by"),
    ],
)
def test_the_text_after_a_question_code_names_the_column(heading, field):
    assert classify_header(heading) == field


@pytest.mark.parametrize(
    ("heading", "text"),
    [
        ("CTRY. Country", "Country"),
        ("MNR[SQ004]. Please rate [Leadership]", "Please rate [Leadership]"),
        ("submitdate. Date submitted", "Date submitted"),
        ("Country", None),
        ("1.5 level", None),
        ("Dr Who. Country", None),  # a space inside: no code
    ],
)
def test_question_text(heading, text):
    assert question_text(heading) == text


def limesurvey(dates: list[tuple[str, str]]) -> list[list[object]]:
    """LimeSurvey's "Question code & question text" headings and full answers."""
    head = ["id. Response ID", "submitdate. Date submitted", "lastpage. Last page"]
    head += ["startdate. Date started", "CTRY. Which country are you reporting for?"]
    head += [f"MNR[SQ{n:03}]. Please rate each capability [{TITLES[n]}]" for n in ALL]
    rows = [head]
    for (submitted, started), (country, given) in zip(
        dates, [("Arvenia", ARVENIA_2021), ("Belmora", BELMORA_2023)], strict=True
    ):
        levels = [LABELS[given[n]] if n in given else None for n in ALL]
        rows.append([len(rows), submitted, 3 if submitted else 1, started, country, *levels])
    return rows


@pytest.mark.parametrize("make", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("dates", "years", "said"),
    [
        # submitted dates give the years
        ([("2021-05-02 10:00:00", "2021-05-02 09:40:00"), ("2023-06-01", "2023-06-01")],
         (2021, 2023), None),
        # an unfinished response has no submitted date: its start date gives its year, said
        ([("2021-05-02 10:00:00", "2021-05-02 09:40:00"), ("", "2023-11-09 19:45:53")],
         (2021, 2023), "“startdate. Date started” (D3"),
    ],
)  # fmt: skip
def test_a_limesurvey_export_with_code_and_text_headings_is_read_with_its_years(
    make, dates, years, said
):
    rows = limesurvey(dates)
    data = csv_bytes(rows) if make == "csv" else xlsx({"results": rows})
    result = read(f"results.{make}", data)
    assert by_assessment(result) == {
        ("Arvenia", years[0], None): ARVENIA_2021,
        ("Belmora", years[1], None): BELMORA_2023,
    }
    filled = [p for p in result.problems if "its date was taken from" in p.message]
    if said is None:
        assert not filled
    else:
        assert len(filled) == 1
        assert said in filled[0].message
        assert "“submitdate. Date submitted”" in filled[0].message


@pytest.mark.parametrize(
    ("heading", "text"),
    [
        ("form.country", "country"),
        ("form.policy_and_governance.leadership", "leadership"),
        ("form.meta.timeStart", "timeStart"),
        ("form", None),
        ("formal level", None),
        ("form. Country", None),
        ("Country", None),
    ],
)
def test_commcare_question(heading, text):
    assert commcare_question(heading) == text


def commcare(levels: dict[int, object], snake: dict[int, str]) -> list[list[object]]:
    """CommCare HQ's form export: question paths under "form", "---" for a question the
    form did not ask, the form's meta columns after."""
    head = ["number", "form.country", "form.assessment_year"]
    head += [f"form.domain_{(n - 1) // 4}.{snake[n]}" for n in ALL]
    head += ["form.meta.timeStart", "form.meta.username", "completed_time", "form_link"]
    rows = [head]
    for number, (country, given) in enumerate(
        [("mozambique", ARVENIA_2021), ("Malawi", BELMORA_2023)], 1
    ):
        cells = [str(given[n]) if n in given else levels.get(n) for n in ALL]
        rows.append([number, country, "2023", *cells, "2023-04-25T16:00:27Z", "mnr.mz", None, "x"])
    return rows


SNAKE = {n: "_".join(TITLES[n].lower().replace(",", "").split()) for n in ALL}


@pytest.mark.parametrize("missing", [None, "---"])
@pytest.mark.parametrize("make", ["csv", "xlsx"])
def test_a_commcare_form_export_is_read_by_its_question_paths(missing, make):
    rows = commcare(dict.fromkeys(ALL, missing), SNAKE)
    data = csv_bytes(rows) if make == "csv" else xlsx({"MNR Assessment": rows})
    result = read(f"commcare.{make}", data)
    found = by_assessment(result)
    assert {(c.casefold(), y) for c, y, _ in found} == {("mozambique", 2023), ("malawi", 2023)}
    assert sorted(found.values(), key=len) == sorted([ARVENIA_2021, BELMORA_2023], key=len)
    assert not [p for p in result.problems if p.severity == "error"]
