"""A table read once per assessment its columns hold (``column_groups``): each part's
assessments get its year and round, what reading the parts says is said once, and a country
with no level in a part has no assessment there, said in one warning."""

from __future__ import annotations

import datetime

import pytest

from components.ingest.column_groups import Part, inside_part, read_parts
from components.ingest.drafts import Draft
from components.ingest.limits import ReadLimits
from components.ingest.sheets import ReadContext, Sheet
from components.ingest.sub_headings import SubHeading
from tests.ingest.reader_support import FW


def _parse(levels: dict[str, dict[str, int | None]]):
    """A stand-in for the reader's parse: per part (by its sheet's first cell), a draft per
    country with the given level of capability 1, and the same warning each time."""

    def parse(ctx: ReadContext, sheet: Sheet) -> list[Draft]:
        assert inside_part()
        ctx.add("warning", sheet, "B1", "The column headed “Region” was not read.", "-")
        drafts = []
        for country, level in levels[sheet.rows[0][0]].items():
            draft = Draft(sheet, country=country, year=2020, date=datetime.date(2020, 5, 1))
            draft.items["capability"][1] = (level, None, None)
            drafts.append(draft)
        return drafts

    return parse


def test_each_parts_assessments_get_its_year_and_round_and_problems_are_said_once():
    ctx = ReadContext("tracker.xlsx", FW, ReadLimits())
    sheet = Sheet("Tracker", [("whole",)])
    parts = [
        Part(Sheet("Tracker", [("a",)]), SubHeading("level", 2019, "Baseline"), "Baseline (2019)"),
        Part(Sheet("Tracker", [("b",)]), SubHeading("level", 2021), "2021", ("Ghana",)),
    ]
    levels = {"a": {"Kenya": 2, "Ghana": 1}, "b": {"Kenya": 3, "Uganda": None}}
    drafts = read_parts(ctx, sheet, parts, _parse(levels))
    assert [(d.country, d.year, d.date, d.round) for d in drafts] == [
        ("Kenya", 2019, None, "Baseline"),
        ("Ghana", 2019, None, "Baseline"),
        ("Kenya", 2021, None, None),
        ("Uganda", 2021, None, None),  # no level in any part: kept, said by the reader
    ]
    assert all(d.sheet is sheet for d in drafts)
    messages = [p.message for p in ctx.problems]
    assert messages.count("The column headed “Region” was not read.") == 1
    assert "No assessment was read for Ghana under “2021”: its columns hold no level." in messages
    assert not inside_part()


@pytest.mark.parametrize(("heading", "year"), [(None, 2020), (SubHeading("level", 2020), 2020)])
def test_a_part_keeps_the_date_of_its_own_year(heading, year):
    ctx = ReadContext("form.xlsx", FW, ReadLimits())
    part = Part(Sheet("Form", [("a",)]), heading, "Validated")
    (draft,) = read_parts(ctx, Sheet("Form", []), [part], _parse({"a": {"Kenya": 2}}))
    assert (draft.year, draft.date) == (year, datetime.date(2020, 5, 1))
