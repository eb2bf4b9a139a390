"""What the reader's tests share: the framework, a filled-in sample, and files built in memory.

Every workbook is built with openpyxl (no binary fixtures), so each case shows exactly what a
person's file looks like.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable
from io import BytesIO
from typing import Any

import pandas as pd
from openpyxl import Workbook, load_workbook

from components.framework.model import default_framework
from components.ingest.limits import ReadLimits
from components.ingest.reader import read_assessment_file
from components.ingest.report import Problem, ReadResult
from components.ingest.template import AssessmentInput, write_template

FW = default_framework()
LABELS = {level.value: level.label for level in FW.scale.levels}
TITLES = {capability.number: capability.title for capability in FW.capabilities}
SAMPLE = AssessmentInput(
    country="Arvenia",
    iso3="XAA",
    year=2021,
    round="baseline",
    assessed_by="Demo team (fictional)",
    # every level of the scale, and every fourth capability not assessed
    levels={n: (None if n % 4 == 0 else n % 5) for n in range(1, 22)},
    evidence={1: "National committee since 2019", 5: "Training, 2020\nsecond line"},
    confidence={1: "high", 2: "low", 3: "medium"},
    enabler_levels={1: 3, 2: None, 3: 0, 7: 4},
    enabler_evidence={1: "MoU between ministries"},
    enabler_confidence={1: "low", 7: "high"},
)
SAMPLE_LEVELS = {n: SAMPLE.levels.get(n) for n in range(1, 22)}


def none_if_missing(value: Any) -> Any:
    return None if pd.isna(value) else value


def levels(frame: pd.DataFrame, column: str = "capability") -> dict[int, int | None]:
    return {int(row[column]): none_if_missing(row["level"]) for _, row in frame.iterrows()}


def by_assessment(result) -> dict[tuple, dict[int, int]]:
    """(country, year, round) -> the levels given (not-assessed left out)."""
    found: dict[tuple, dict[int, int]] = {}
    for _, row in result.capabilities.iterrows():
        key = (row["country"], none_if_missing(row["year"]), none_if_missing(row["round"]))
        found.setdefault(key, {})
        if not pd.isna(row["level"]):
            found[key][int(row["capability"])] = int(row["level"])
    return found


def xlsx(sheets: dict[str, list[list[Any]]], hidden: tuple[str, ...] = ()) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if name in hidden:
            sheet.sheet_state = "hidden"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: list[list[Any]], sep: str = ",", encoding: str = "utf-8") -> bytes:
    text = io.StringIO()
    csv.writer(text, delimiter=sep).writerows(rows)
    return text.getvalue().encode(encoding)


def find(sheet, text: str):
    """The first cell whose value is ``text``."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value == text:
                return cell
    raise AssertionError(f"{text!r} not found")


def capability_row(sheet, number: int) -> int:
    number_column = find(sheet, "No.").column
    for row in range(1, sheet.max_row + 1):
        if sheet.cell(row=row, column=number_column).value == number:
            return row
    raise AssertionError(number)


def level_cell(sheet, number: int):
    return sheet.cell(row=capability_row(sheet, number), column=find(sheet, "Level").column)


def edit_template(edit: Callable[[Any], Any], assessment=SAMPLE) -> tuple[bytes, Any]:
    """The filled template, changed by ``edit(Assessment sheet)``; returns what edit returns."""
    workbook = load_workbook(BytesIO(write_template(FW, assessment)))
    marker = edit(workbook["Assessment"])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), marker


def reorder_columns(sheet, order: list[str]) -> None:
    """Rewrite the table with its columns in ``order`` (by header text), as a person would."""
    header = find(sheet, "No.").row
    headers = [sheet.cell(row=header, column=c).value for c in range(1, 8)]
    positions = [headers.index(name) + 1 for name in order]
    for row in range(header, sheet.max_row + 1):
        values = [sheet.cell(row=row, column=c).value for c in positions]
        for column, value in enumerate(values, start=1):
            sheet.cell(row=row, column=column).value = value


def rename(sheet, renames: dict[str, str]) -> None:
    for old, new in renames.items():
        find(sheet, old).value = new


def read(name: str, data: bytes, limits: ReadLimits | None = None):
    if limits is None:
        return read_assessment_file(name, data, FW)
    return read_assessment_file(name, data, FW, limits)


def assert_problem(result, severity: str, cell: str | None, words: str, sheet: Any = ...) -> None:
    matching = [
        p
        for p in result.problems
        if p.severity == severity and p.cell == cell and words in p.message
    ]
    assert matching, f"no {severity} at {cell} with {words!r} in {result.problems}"
    problem = matching[0]
    assert problem.file == result.file
    assert problem.fix
    if sheet is not ...:
        assert problem.sheet == sheet


def errors(result: ReadResult) -> list[Problem]:
    """The problems that are errors: values that were not used."""
    return [p for p in result.problems if p.severity == "error"]


def set_level(number: int, value: Any) -> Callable[[Any], tuple[str, int]]:
    """An edit of the template: capability ``number``'s level cell set to ``value``."""

    def edit(sheet):
        cell = level_cell(sheet, number)
        cell.value = value
        return cell.coordinate, number

    return edit


# --- hand-made tables: three assessments, written every way people write them -------------

ARVENIA_2021 = {1: 2, 2: 3, 7: 1, 12: 4, 21: 0}
ARVENIA_2023 = {1: 3, 2: 3, 10: 2}
BELMORA_2023 = {1: 1, 3: 2, 8: 3}
EXPECTED = {
    ("Arvenia", 2021, None): ARVENIA_2021,
    ("Arvenia", 2023, None): ARVENIA_2023,
    ("Belmora", 2023, None): BELMORA_2023,
}
ASSESSMENTS = [
    ("Arvenia", 2021, ARVENIA_2021),
    ("Arvenia", 2023, ARVENIA_2023),
    ("Belmora", 2023, BELMORA_2023),
]


def capability_written(number: int) -> Any:
    """Capabilities as people write them in their own tables: numbers, titles, codes."""
    title = FW.capability(number).title
    return [number, title, f"C{number}", title.lower(), f"Capability {number}"][number % 5]


def long_rows(notes: str = "seen") -> list[list[Any]]:
    rows: list[list[Any]] = [["Country", "Year", "Capability", "Level", "Notes", "Confidence"]]
    for country, year, given in ASSESSMENTS:
        for number, level in given.items():
            rows.append([country, year, capability_written(number), level, notes, "Medium"])
        rows.append([country, year, capability_written(5), "n/a", None, None])
    return rows


def wide_capability_rows() -> list[list[Any]]:
    rows: list[list[Any]] = [["No.", "Capability", *(f"{c} {y}" for c, y, _ in ASSESSMENTS)]]
    for capability in FW.capabilities:
        n = capability.number
        rows.append([n, capability.title, *(given.get(n) for _, _, given in ASSESSMENTS)])
    return rows


def wide_country_rows(titles: bool = False) -> list[list[Any]]:
    heads = [c.title if titles else c.number for c in FW.capabilities]
    rows: list[list[Any]] = [[None if titles else "Country", "Year", *heads]]
    for country, year, given in ASSESSMENTS:
        rows.append([country, year, *(given.get(n) for n in range(1, 22))])
    return rows


def per_sheet(country: str, year: int, given: dict[int, int]) -> list[list[Any]]:
    rows: list[list[Any]] = [["Self-assessment"], [], ["Country:", country], ["Year", year], []]
    rows.append(["Capability", "Level", "Comments"])
    rows += [[FW.capability(n).title, level, None] for n, level in given.items()]
    return rows


def enabler_levels(result) -> dict[tuple, dict[int, int]]:
    """(country, year, round) -> the enabler levels given (not-assessed left out)."""
    found: dict[tuple, dict[int, int]] = {}
    for _, row in result.enablers.iterrows():
        key = (row["country"], none_if_missing(row["year"]), none_if_missing(row["round"]))
        found.setdefault(key, {})
        if not pd.isna(row["level"]):
            found[key][int(row["enabler"])] = int(row["level"])
    return found


LONG_ENABLERS = [
    ["Country", "Year", "Enabler", "Level"],
    ["arvenia ", 2021, "E3", 2],  # the country as written elsewhere, give or take case
    ["Arvenia", 2021, "Data and evidence on CSEA", 1],
    ["Belmora", 2023, 1, 4],
]


def with_cached_results(
    data: bytes, results: dict[tuple[str, str], Any], calc_on_load: bool = False
) -> bytes:
    """openpyxl's workbook as Excel saves one: each formula's result stored (openpyxl keeps
    none), and no request to calculate on opening (``calc_on_load``: as xlsxwriter writes
    one, asking for it). ``results``: (sheet file, cell) -> value."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            content = source.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                part = info.filename.rsplit("/", 1)[1]

                def stored(match: re.Match[bytes], part: str = part) -> bytes:
                    value = results[(part, match[1].decode())]
                    kind = b' t="str"' if isinstance(value, str) else b""
                    return b'<c r="%s"%s><f>%s</f><v>%s</v></c>' % (
                        match[1],
                        kind,
                        match[2],
                        str(value).encode(),
                    )

                content = re.sub(
                    rb'<c r="([A-Z]+\d+)"><f>(.*?)</f><v\s*/?>(?:</v>)?</c>', stored, content
                )
            if info.filename == "xl/workbook.xml" and not calc_on_load:
                content = content.replace(b' fullCalcOnLoad="1"', b"")
            copy.writestr(info.filename, content)
    return buffer.getvalue()
