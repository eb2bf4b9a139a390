"""Text tables whose columns are lined up with spaces are read as the columns a person sees.

Each file is written here as its program writes it: Excel's "Formatted Text (Space delimited)"
(.prn: each cell padded to its column's width, text to the left, numbers to the right, so a
number touches the next column's text), a SAS listing, pandas' ``DataFrame.to_string`` (pandas
itself), R's ``print`` of a data frame, and a mainframe report (carriage-control characters,
page headers repeated after a form feed, rule lines, an end-of-report line). A CSV whose values
are padded to line up is still split at its separator.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pandas as pd
import pytest

from components.ingest.csv_delimiter import sniff_delimiter
from components.ingest.fixed_width import aligned_columns
from components.ingest.limits import ReadLimits
from tests.ingest.reader_support import FW, LABELS, TITLES, by_assessment, errors, read

ALL = range(1, 22)
DOMAINS = {c.number: FW.domain(c.domain).name for c in FW.capabilities}
LINED_UP = "lined up with spaces"


def levels_a(n: int) -> int | None:
    return None if n == 14 else (n * 3) % 5


def levels_b(n: int) -> int | None:
    return (n + 2) % 5


def levels_c(n: int) -> int | None:
    return None if n in {3, 11} else (n * 2 + 1) % 5


def given(levels: Callable[[int], int | None]) -> dict[int, int]:
    return {n: level for n in ALL if (level := levels(n)) is not None}


# --------------------------------------------------------------------------------------------
# The writers


def prn(rows: list[list[Any]], widths: list[int], *, trailing: bool = False) -> bytes:
    """Excel's "Formatted Text (Space delimited)": each cell padded (or cut) to its column's
    width in characters, text to the left and numbers to the right; CR LF; Windows-1252."""
    lines = []
    for row in rows:
        line = ""
        for column, width in enumerate(widths):
            value = row[column] if column < len(row) else None
            shown = "" if value is None else str(value)[:width]
            line += shown.rjust(width) if isinstance(value, int | float) else shown.ljust(width)
        lines.append(line if trailing else line.rstrip())
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def listing(header: list[str], rows: list[list[Any]], gap: int = 1) -> bytes:
    """A statistics package's listing (SAS ``PROC PRINT``/``PUT``, Stata's ``list, clean``):
    each column as wide as its widest entry, text to the left, numbers (and their headings)
    to the right, ``gap`` spaces between."""
    table = [header, *rows]
    widths = [max(len(str(row[i])) for row in table) for i in range(len(header))]
    numeric = [all(isinstance(row[i], int) for row in rows) for i in range(len(header))]
    lines = []
    for row in table:
        cells = [
            str(value).rjust(width) if right else str(value).ljust(width)
            for value, width, right in zip(row, widths, numeric, strict=True)
        ]
        lines.append((" " * gap).join(cells).rstrip())
    return ("\n".join(lines) + "\n").encode("utf-8")


def r_print(header: list[str], rows: list[list[Any]]) -> bytes:
    """R's ``print`` of a data frame: row names on the left, every column (text too) written
    to the right under its name, one space between."""
    names = [str(i) for i in range(1, len(rows) + 1)]
    table = [["", *header], *([name, *row] for name, row in zip(names, rows, strict=True))]
    widths = [max(len(str(row[i])) for row in table) for i in range(len(table[0]))]
    lines = []
    for row in table:
        first = str(row[0]).ljust(widths[0])
        rest = [str(v).rjust(w) for v, w in zip(row[1:], widths[1:], strict=True)]
        lines.append(" ".join([first, *rest]).rstrip())
    return ("\n".join(lines) + "\n").encode("utf-8")


def long_rows(country: str, year: int, levels, *, domain: bool = True, labels: bool = False):
    """A long table of one assessment: its Country and Year above, a row per capability."""
    rows: list[list[Any]] = [["Country", country], ["Year", year], []]
    rows.append(["No", "Capability", *(["Domain"] if domain else []), "Level"])
    for n in ALL:
        level = levels(n)
        shown: Any = level
        if labels and level is not None:
            shown = f"{level} - {LABELS[level]}"
        rows.append([n, TITLES[n], *([DOMAINS[n]] if domain else []), shown])
    return rows


def wide_rows(countries: dict[str, tuple[str, Callable[[int], int | None]]], year: int):
    rows: list[list[Any]] = [["Country", "ISO3", "Year", *(f"C{n}" for n in ALL)]]
    for name, (code, levels) in countries.items():
        rows.append([name, code, year, *(levels(n) for n in ALL)])
    return rows


def report(country: str, year: int, levels, per_page: int = 12) -> bytes:
    """A mainframe report as a print file: ASA carriage control in the first column ("1" a new
    page, after a form feed), a title and a page header on each page, the column headings with
    a rule under them, and a last line."""
    head = [
        "1" + " " * 14 + "MINISTRY OF JUSTICE AND SOCIAL AFFAIRS - PLANNING UNIT".ljust(64),
        " REPORT: MNR0101   COUNTRY: " + country.upper().ljust(20) + f"YEAR: {year}   PAGE:",
        " " + "NO".rjust(3) + "  " + "CAPABILITY".ljust(52) + "  " + "DOMAIN".ljust(16) + "  SCORE",
        " " + "---" + "  " + "-" * 52 + "  " + "-" * 16 + "  -----",
    ]
    lines: list[str] = []
    for page, start in enumerate(range(1, 22, per_page), start=1):
        if page > 1:
            lines.append("\f" + head[0])
        else:
            lines.append(head[0])
        lines += [f"{head[1]}{page:5d}", *head[2:]]
        for n in range(start, min(start + per_page, 22)):
            level = levels(n)
            shown = "" if level is None else str(level)
            lines.append(
                f" {n:3d}  {TITLES[n][:52]:<52}  {DOMAINS[n][:16]:<16}  {shown:>5}".rstrip()
            )
    lines += [" " + "-" * 83, " *** END OF REPORT ***   RECORDS PRINTED:   21"]
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def template_rows(country: str, year: int, levels) -> list[list[Any]]:
    """The app's template as Excel shows it: a title, labelled details, the capabilities with
    evidence and confidence, and the enablers below."""
    evidence = {1: "National committee since 2019", 2: "Survey 2021, see annex", 5: "Training"}
    rows: list[list[Any]] = [["MNR self-assessment"], [], ["Country", country], ["Year", year]]
    rows += [["Round", "baseline"], ["Assessed by", "Ministry of Interior"], []]
    rows.append(["No", "Domain", "Capability", "Level", "Evidence", "Confidence"])
    for n in ALL:
        rows.append([n, DOMAINS[n], TITLES[n], levels(n), evidence.get(n), "medium"])
    rows += [[], ["Enablers"], ["No", "Enabler", None, "Level"]]
    return rows + [[e.number, e.title, None, e.number % 5] for e in FW.enablers]


def sas_print(country: str, year: int, levels) -> bytes:
    """SAS's PROC PRINT listing: the system's title line with the date and page, an Obs column,
    columns two or more spaces apart, numbers right."""
    lines = [f"{'The SAS System':>54}{'09:14 Monday, March 4, 2024':>40}   1", ""]
    lines += [" Obs    country    year    capability    level", ""]
    for n in ALL:
        shown = "." if levels(n) is None else str(levels(n))  # SAS's missing value
        lines.append(f"{n:4d}    {country:<7}    {year:4d}    {n:10d}    {shown:>5}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def pandas_long(country: str, year: int, levels, *, index: bool = True) -> bytes:
    """A long table as pandas prints it (``DataFrame.to_string``), saved as text."""
    frame = pd.DataFrame(
        {
            "country": [country] * 21,
            "year": [year] * 21,
            "capability": [TITLES[n] for n in ALL],
            "level": [levels(n) for n in ALL],
        }
    ).astype({"level": "Int64"})
    return (frame.to_string(index=index) + "\n").encode("utf-8")


# --------------------------------------------------------------------------------------------
# What a person gets

# (file, its bytes, the assessments a careful reader sees)
FILES: dict[str, tuple[str, Callable[[], bytes], dict[tuple, dict[int, int]]]] = {
    "Excel .prn: a long table, numbers touching the titles": (
        "kenya.prn",
        lambda: prn(long_rows("Kenya", 2024, levels_a), [9, 52, 26, 6]),
        {("Kenya", 2024, None): given(levels_a)},
    ),
    "Excel .prn: wider columns, padding kept": (
        "export.prn",
        lambda: prn(long_rows("Peru", 2022, levels_b), [12, 60, 30, 10], trailing=True),
        {("Peru", 2022, None): given(levels_b)},
    ),
    "Excel .prn: levels as labels, some not assessed": (
        "ghana.prn",
        lambda: prn(long_rows("Ghana", 2023, levels_c, domain=False, labels=True), [9, 54, 18]),
        {("Ghana", 2023, None): given(levels_c)},
    ),
    "Excel .prn: countries by C1 … C21, headings over numbers written right": (
        "wide.prn",
        lambda: prn(
            wide_rows(
                {"Jordan": ("JOR", levels_a), "Bosnia and Herzegovina": ("BIH", levels_b)}, 2024
            ),
            [24, 5, 6, *([4] * 21)],
        ),
        {
            ("Jordan", 2024, None): given(levels_a),
            ("Bosnia and Herzegovina", 2024, None): given(levels_b),
        },
    ),
    "Excel .prn of the template: details, evidence, the enablers below": (
        "template.prn",
        lambda: prn(template_rows("Kenya", 2023, levels_a), [9, 26, 52, 6, 30, 10]),
        {("Kenya", 2023, "baseline"): given(levels_a)},
    ),
    "SAS PROC PRINT: its title line, an Obs column": (
        "print.lst",
        lambda: sas_print("Kenya", 2023, levels_a),
        {("Kenya", 2023, None): given(levels_a)},
    ),
    "SAS listing: countries by C1 … C21, one space between": (
        "listing.txt",
        lambda: listing(
            ["COUNTRY", "YEAR", *(f"C{n}" for n in ALL)],
            [
                ["United Kingdom", 2021, *(levels_b(n) for n in ALL)],
                ["Rwanda", 2021, *(levels_c(n) or 0 for n in ALL)],
            ],
        ),
        {
            ("United Kingdom", 2021, None): given(levels_b),
            ("Rwanda", 2021, None): {n: levels_c(n) or 0 for n in ALL},
        },
    ),
    "pandas DataFrame.to_string(), its index on the left": (
        "frame.txt",
        lambda: pandas_long("United Kingdom", 2023, levels_a),
        {("United Kingdom", 2023, None): given(levels_a)},
    ),
    "pandas DataFrame.to_string(index=False)": (
        "frame.txt",
        lambda: pandas_long("Sierra Leone", 2022, levels_c, index=False),
        {("Sierra Leone", 2022, None): given(levels_c)},
    ),
    "R print() of a data frame, text written right": (
        "print.txt",
        lambda: r_print(
            ["country", "year", "capability", "level"],
            [["Costa Rica", 2024, TITLES[n], levels_b(n)] for n in ALL],
        ),
        {("Costa Rica", 2024, None): given(levels_b)},
    ),
    "mainframe report: page headers after a form feed, rules, a last line": (
        "MNR0101.txt",
        lambda: report("Kenya", 2022, levels_c),
        {("KENYA", 2022, None): given(levels_c)},
    ),
}


@pytest.mark.parametrize(("name", "data", "expected"), FILES.values(), ids=FILES.keys())
def test_a_table_lined_up_with_spaces_is_read_as_its_columns(name, data, expected):
    result = read(name, data())
    assert by_assessment(result) == expected
    assert not errors(result), errors(result)
    said = [p for p in result.problems if LINED_UP in p.message]
    assert len(said) == 1
    assert said[0].severity == "warning"


def test_the_template_saved_as_prn_keeps_its_enablers():
    result = read(
        "template.prn", prn(template_rows("Kenya", 2023, levels_a), [9, 26, 52, 6, 30, 10])
    )
    read_levels = dict(zip(result.enablers["enabler"], result.enablers["level"], strict=True))
    assert read_levels == {e.number: e.number % 5 for e in FW.enablers}


def test_a_listing_s_missing_values_are_read_as_not_assessed_and_said():
    result = read("print.lst", sas_print("Kenya", 2023, levels_a))
    assert 14 not in by_assessment(result)[("Kenya", 2023, None)]
    said = next(p for p in result.problems if LINED_UP in p.message)
    assert "1 cells holding only “.”" in said.message


def test_a_report_says_which_lines_were_kept_whole():
    result = read("MNR0101.txt", report("Kenya", 2022, levels_c))
    said = next(p for p in result.problems if LINED_UP in p.message)
    # the title, the page header (twice), the last line
    assert "lines that do not line up with them" in said.message
    assert "kept whole in column A" in said.message


# (what the text is, the text, where its lines are cut, lines and the cells expected)
CUTS = {
    "a number touching the next column's text": (
        "No       Capability                    Level\n"
        "        9Child Protection Workforce        2\n"
        "       10Compensation, Remedies and       3\n",
        {1: ("9", "Child Protection Workforce", "2"), 2: ("10", "Compensation, Remedies and", "3")},
    ),
    "a heading written left over numbers written right": (
        "Country       C1  C2  C10\nKenya           3   1    4\nPeru            0   2    1\n",
        {0: ("Country", "C1", "C2", "C10"), 1: ("Kenya", "3", "1", "4")},
    ),
    "a title's last word past a one-space gap": (
        "No  Capability                                          Level\n"
        " 1  Leadership                                              3\n"
        " 2  Compensation, Remedies and Complaints Arrangements      1\n"
        " 3  Legislation                                             0\n"
        " 4  Child Helpline                                          2\n",
        {2: ("2", "Compensation, Remedies and Complaints Arrangements", "1")},
    ),
    "a level written with its label": (
        "Capability                 Level\n"
        "Leadership                 2 - Developing\n"
        "Legislation                0 - Not in place\n"
        "Child Helpline             4 - Mature\n",
        {1: ("Leadership", "2 - Developing"), 2: ("Legislation", "0 - Not in place")},
    ),
}


@pytest.mark.parametrize(("text", "cells"), CUTS.values(), ids=CUTS.keys())
def test_lines_are_cut_where_a_person_sees_the_columns(text, cells):
    columns = aligned_columns(text, ",")
    assert columns is not None
    lines = text.splitlines()
    for index, expected in cells.items():
        assert columns.fits(lines[index])
        assert tuple(cell for cell in columns.cells(lines[index]) if cell) == expected


# Text that is no table lined up by spaces: the reader goes on as before.
NOT_LINED_UP = {
    "a CSV padded to line up": (
        "Country,   Year,  Level\nKenya,     2023,  3\nPeru,      2022,  1\n"
    ),
    "a semicolon CSV padded": (
        "Pays;      Année;  Niveau\nSénégal;   2023;   3\nBénin;     2022;   1\n"
    ),
    "tab-separated with spaces": "Country\t  Year\nKenya\t  2023\nPeru\t  2022\n",
    "a note": (
        "Dear colleague,  please find attached the assessment.\n"
        "We  could not finish the enablers this year.  Kind regards,\n"
        "The  team\n"
    ),
    "one column": "Leadership\nLegislation\nChild Helpline\n",
}


@pytest.mark.parametrize("text", NOT_LINED_UP.values(), ids=NOT_LINED_UP.keys())
def test_text_that_a_separator_splits_or_that_is_no_table_is_not_cut(text):
    assert aligned_columns(text, sniff_delimiter(text)) is None


def _padded_csv(sep: str) -> bytes:
    rows = [["Country", "Year", "Capability", "Level"]]
    rows += [
        ["Kenya", "2023", TITLES[n], "" if levels_a(n) is None else str(levels_a(n))] for n in ALL
    ]
    widths = [max(len(row[i]) for row in rows) + 2 for i in range(4)]
    lines = [
        sep.join(value.ljust(width) for value, width in zip(row, widths, strict=True))
        for row in rows
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


@pytest.mark.parametrize("sep", [",", ";"])
def test_a_csv_whose_values_line_up_is_read_at_its_separator(sep):
    result = read("padded.csv", _padded_csv(sep))
    assert by_assessment(result) == {("Kenya", 2023, None): given(levels_a)}
    assert not any(LINED_UP in p.message for p in result.problems)


def test_a_long_fixed_width_file_is_read_up_to_the_row_limit_and_says_so():
    rows = [["Country", "Year", "No", "Level"]]
    rows += [["Kenya", 2000 + i // 21, i % 21 + 1, i % 5] for i in range(60_000)]
    data = prn(rows, [12, 6, 4, 6])
    started = time.perf_counter()
    result = read("big.prn", data, ReadLimits(max_rows_per_sheet=2_000))
    assert time.perf_counter() - started < 20
    assert any("rows" in p.message and "2,000" in p.message for p in errors(result))
    assert any(LINED_UP in p.message for p in result.problems)
