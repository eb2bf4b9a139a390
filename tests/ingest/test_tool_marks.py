"""A no-code tool's marks around its values (components/ingest/tool_marks): Notion's and
Airtable's links after a linked record's name, SharePoint's "3;#" lookup ids, Google Sheets'
"@" smart chips and Trello's label colours are left out, so the country and the capability are
read by their names (never a country named "3;#Malaysia"); a column with a mark on only some
values, or an evidence column, keeps what was written."""

from __future__ import annotations

from typing import Any

import pytest

from components.ingest.limits import DEFAULT_LIMITS
from components.ingest.sheets import ReadContext, Sheet
from components.ingest.tool_marks import strip_tool_marks
from tests.ingest.reader_support import FW, TITLES, by_assessment, csv_bytes, errors, read, xlsx

KENYA = {n: n % 5 for n in range(1, 22) if n != 4}
UGANDA = {n: (n + 3) % 5 for n in range(1, 22) if n != 9}
NOTION = "{name} (https://www.notion.so/{slug}-fe320549001a9e8d2b7135379ab0223c)"
MARKS = {
    "notion": lambda name, n: NOTION.format(name=name, slug=name.replace(" ", "-")),
    "airtable": lambda name, n: f"{name} (https://airtable.com/tblX1/rec{n:04d})",
    "sharepoint": lambda name, n: f"{n};#{name}",
    "smart chip": lambda name, n: f"@{name}",
}


def _rows(mark, *, capability_marked: bool, header: str = "Country") -> list[list[Any]]:
    rows: list[list[Any]] = [["Capability", header, "Level", "Year"]]
    for index, (country, levels) in enumerate((("Kenya", KENYA), ("Uganda", UGANDA))):
        for number, level in levels.items():
            title = mark(TITLES[number], number) if capability_marked else TITLES[number]
            rows.append([title, mark(country, index + 3), level, 2024])
    return rows


@pytest.mark.parametrize("tool", sorted(MARKS))
@pytest.mark.parametrize("capability_marked", [False, True])
@pytest.mark.parametrize("made", ["csv", "xlsx"])
def test_a_tools_marks_are_left_out_of_countries_and_capabilities(tool, capability_marked, made):
    rows = _rows(MARKS[tool], capability_marked=capability_marked)
    data = csv_bytes(rows) if made == "csv" else xlsx({"Export": rows})

    result = read(f"export.{made}", data)

    assert by_assessment(result) == {("Kenya", 2024, None): KENYA, ("Uganda", 2024, None): UGANDA}
    assert not errors(result)
    said = [p for p in result.problems if p.message.startswith("The cells of column B")]
    assert [p.cell for p in said] == ["B2"]
    assert not any("is not exactly a capability title" in p.message for p in result.problems)


def test_smart_chips_under_a_heading_of_the_tools_own_are_the_country_column():
    rows = _rows(MARKS["smart chip"], capability_marked=False, header="Place")

    result = read("chips.xlsx", xlsx({"MNR": rows}))

    assert by_assessment(result) == {("Kenya", 2024, None): KENYA, ("Uganda", 2024, None): UGANDA}


def test_trello_labels_lose_their_colours_and_give_the_country():
    rows: list[list[Any]] = [["Card Name", "Labels", "Level", "Board Name"]]
    for country, levels in (("Kenya", KENYA), ("Uganda", UGANDA)):
        for number, level in levels.items():
            labels = (
                f"{country} (green), MNR (red)" if number % 2 else f"MNR (red), {country} (sky)"
            )
            rows.append([f"{number}. {TITLES[number]}", labels, level, "MNR 2023 board"])

    result = read("trello.csv", csv_bytes(rows))

    assert by_assessment(result) == {("Kenya", 2023, None): KENYA, ("Uganda", 2023, None): UGANDA}
    messages = [p.message for p in result.problems]
    assert any("labels with their colours" in m for m in messages)
    assert any("holds labels, one of them a country" in m for m in messages)


def _stripped(values: list[Any], header: str = "Country") -> tuple[list[Any], list[str]]:
    sheet = Sheet("Sheet1", [(header,), *((v,) for v in values)])
    ctx = ReadContext("list.csv", FW, DEFAULT_LIMITS)
    strip_tool_marks(ctx, [sheet])
    return [row[0] if row else None for row in sheet.rows[1:]], [p.message for p in ctx.problems]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        # SharePoint's lookup of several items: each name, joined as a list
        (["3;#Malaysia;#4;#Rwanda", "4;#Rwanda"], ["Malaysia, Rwanda", "Rwanda"]),
        # Notion's relation to two pages
        (
            [
                "Kenya (https://www.notion.so/Kenya-1a2b), Uganda (https://www.notion.so/Uganda-3c)",
                "Ghana (https://www.notion.so/Ghana-4d)",
            ],
            ["Kenya, Uganda", "Ghana"],
        ),
        # Trello's newer colours, and "no colour"
        (["Kenya (green_dark)", "Uganda (sky light)"], ["Kenya", "Uganda"]),
        # blanks between marked values are left blank
        (["@Kenya", None, "@Uganda"], ["Kenya", None, "Uganda"]),
    ],
)
def test_marks_are_left_out_whatever_the_values(values, expected):
    got, said = _stripped(values)
    assert got == expected
    assert len(said) == 1


@pytest.mark.parametrize(
    ("values", "header"),
    [
        # a note that holds a link among notes that do not: written by a person, kept
        (["See the report (https://example.org/r.pdf)", "Agreed at the workshop"], "Notes"),
        # an evidence column's links are worth keeping
        (["Decree 12 (https://gov.example/d12)", "Law 5 (https://gov.example/l5)"], "Evidence"),
        # an e-mail, a number with "#" and a bracketed remark are no tool's marks
        (["maria@example.org", "ops@example.org"], "Contact"),
        (["Ref 3;# draft", "Ref 4"], "Reference"),
        (["Kenya (draft)", "Uganda (final)"], "Country"),
        # one marked value alone is no tool's field
        (["@Kenya"], "Country"),
        # a Markdown link, or a link before more text, is what the person typed
        (["[Round 2](http://example.org/r) 2024 (final)"] * 2, "Round"),
        (["Kenya (https://example.org/k) and Uganda", "Ghana (https://x.org/g) 2024"], "Round"),
    ],
)
def test_values_that_are_not_a_tools_field_stay_as_written(values, header):
    got, said = _stripped(values, header)
    assert got == values
    assert not said
