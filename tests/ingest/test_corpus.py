"""A corpus of messy workbooks, as NGOs and ministries make them, each with its truth.

Every file is built in code (below): titles and logos above the table, notes, merged cells, two
header rows, totals and averages, other languages, codes for capabilities, levels written
every way, csv with semicolons and decimal commas, BOMs, Latin-1, hidden helper sheets,
instructions sheets. The test prints levels recovered / levels expected and assessments
invented, and asserts 100% and 0.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pandas as pd
import pytest
from openpyxl import Workbook

from tests.ingest.reader_support import FW, by_assessment, csv_bytes, read

TITLES = {c.number: c.title for c in FW.capabilities}
DESCRIPTIONS = {c.number: c.description for c in FW.capabilities}
LABELS = {level.value: level.label for level in FW.scale.levels}
ALL = range(1, 22)


def levels_a(n: int) -> int:
    return (n * 3) % 5


def levels_b(n: int) -> int:
    return (n + 2) % 5


def levels_c(n: int) -> int:
    return (n * 2 + 1) % 5


def book(sheets: dict[str, list[list[Any]]], *, merges=(), hidden=()) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if name in hidden:
            sheet.sheet_state = "hidden"
    for name, ref in merges:
        workbook[name].merge_cells(ref)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def text(
    rows: list[list[Any]], sep: str = ",", encoding: str = "utf-8", bom: bool = False
) -> bytes:
    body = "\n".join(sep.join("" if v is None else str(v) for v in row) for row in rows) + "\n"
    return ("\ufeff" if bom else "").encode("utf-8") + body.encode(encoding)


Truth = dict[tuple, dict[int, int]]
Case = tuple[str, Callable[[], bytes], Truth]


def grid_with_long_first_label() -> bytes:
    rows: list[list[Any]] = [["Capability", "Elbonia 2023", "Freedonia 2023"]]
    for n in ALL:
        label = TITLES[n]
        if n == 1:
            label = "Leadership (national governance & oversight committee)"
        rows.append([label, levels_a(n), levels_b(n)])
    return book({"Grid": rows})


def two_header_rows() -> bytes:
    rows: list[list[Any]] = [
        ["MNR capability levels by country"],
        [None, "Elbonia", None, "Freedonia", None],
        ["Capability", 2021, 2023, 2021, 2023],
    ]
    for n in ALL:
        rows.append([TITLES[n], levels_a(n), levels_b(n), levels_c(n), levels_a(n)])
    return book({"Data": rows}, merges=[("Data", "B2:C2"), ("Data", "D2:E2")])


def french_csv() -> bytes:
    rows: list[list[Any]] = [["Pays", "Année", "Capacité", "Niveau", "Commentaires"]]
    for n in ALL:
        rows.append(["Elbonie", 2024, f"C{n}", f"{levels_a(n)}/4", "vu"])
    return text(rows, sep=";", encoding="cp1252")


def country_in_sheet_name() -> bytes:
    rows: list[list[Any]] = [["No.", "Capability", "Level"]]
    rows += [[f"{n}.", TITLES[n], levels_b(n)] for n in ALL]
    return book({"Instructions": [["Fill in the levels"]], "Krakozhia 2025": rows})


def country_in_title_line() -> bytes:
    rows: list[list[Any]] = [["Elbonia - MNR self-assessment 2024"], []]
    rows.append(["#", "Capability", "Score", "Evidence"])
    for domain in FW.domains:
        rows.append([None, domain.name.upper(), None, None])  # domain heading
        for capability in FW.capabilities_in(domain.id):
            n = capability.number
            rows.append([n, capability.title, levels_c(n), None])
            rows.append([])  # spacer
    return book({"Assessment": rows})


def countries_by_cap_codes_with_average() -> bytes:
    rows: list[list[Any]] = [["Country", *(f"Cap {n}" for n in ALL), "Average"]]
    for country, levels in (("Elbonia", levels_a), ("Freedonia", levels_b)):
        values = [levels(n) for n in ALL]
        rows.append([country, *values, sum(values) / 21])
    rows.append(["Average", *([2] * 21), 2])
    return book({"Sheet1": rows})


def spanish_long() -> bytes:
    rows: list[list[Any]] = [["País", "Año", "Capacidad", "Nivel"]]
    rows += [["Elbonia", 2022, f"Capacidad {n}", f"Nivel {levels_b(n)}"] for n in ALL]
    return book({"Hoja1": rows})


def portuguese_long() -> bytes:
    rows: list[list[Any]] = [["País", "Ano", "Nº", "Nível de maturidade", "Observações"]]
    rows += [["Freedonia", 2021, n, levels_c(n), ""] for n in ALL]
    return book({"Planilha1": rows})


def levels_as_words() -> bytes:
    rows: list[list[Any]] = [["Country:", "Elbonia"], ["Year:", 2020], []]
    rows.append(["Capability", "Level"])
    rows += [[TITLES[n], f"  {LABELS[levels_a(n)].upper()} "] for n in ALL]
    return book({"Self-assessment": rows})


def levels_of_four() -> bytes:
    rows: list[list[Any]] = [["Country", "Year", "Capability", "Rating"]]
    rows += [["Elbonia", 2019, f"MNR {n}", f"{levels_b(n)} of 4"] for n in ALL]
    return book({"Data": rows})


def descriptions_as_labels() -> bytes:
    rows: list[list[Any]] = [["Item", "Elbonia 2024"]]
    rows += [[DESCRIPTIONS[n] if n % 2 else TITLES[n], levels_c(n)] for n in ALL]
    return book({"Grid": rows})


def titles_with_descriptions() -> bytes:
    rows: list[list[Any]] = [["Capability", "Level"]]
    rows += [[f"{TITLES[n]}: {DESCRIPTIONS[n]}", levels_a(n)] for n in ALL]
    return book({"Freedonia 2022": rows})


def logo_rows_notes_and_totals() -> bytes:
    rows: list[list[Any]] = [[None], [None], ["Ministry of Interior"], ["Freedonia 2021"], []]
    rows.append(["Ref", "Capability", "Level", "Comments"])
    rows += [[f"#{n}", TITLES[n], levels_b(n), "ok" if n % 3 else None] for n in ALL]
    rows += [[], [None, "Total", sum(levels_b(n) for n in ALL)], [None, "Mean score", 2.1]]
    rows.append(["Note: levels agreed at the national workshop."])
    return book({"Results": rows})


def transposed_years_as_columns() -> bytes:
    rows: list[list[Any]] = [["Freedonia"], ["Capability", "2020", "2022", "Change"]]
    rows += [[f"C{n}", levels_a(n), levels_b(n), levels_b(n) - levels_a(n)] for n in ALL]
    return book({"Trend": rows})


def semicolon_bom_decimal_comma() -> bytes:
    rows: list[list[Any]] = [["country", "year", "capability", "level"]]
    rows += [["Elbonia", 2023, n, f"{levels_c(n)},0"] for n in ALL]
    return text(rows, sep=";", bom=True)


def tab_separated_latin1() -> bytes:
    rows: list[list[Any]] = [["Pays", "Année", "Capacité", "Niveau"]]
    rows += [["Côte Élbonie", 2021, TITLES[n], levels_a(n)] for n in ALL]
    return text(rows, sep="\t", encoding="latin-1")


def hidden_helper_and_numbers_as_text() -> bytes:
    rows: list[list[Any]] = [["Country", "Year", "Capability number", "Level"]]
    rows += [["Elbonia", "2018", str(n), str(levels_b(n))] for n in ALL]
    lists = [["Levels"], *([v] for v in range(5))]
    return book({"Data": rows, "lists": lists}, hidden=("lists",))


def non_breaking_spaces_and_fullwidth() -> bytes:
    rows: list[list[Any]] = [["Country\u00a0", "Year ", "Capability", "Level\u00a0"]]
    digits = "０１２３４"
    rows += [["Elbonia\u00a0", 2017, f"{TITLES[n]}\u00a0", digits[levels_c(n)]] for n in ALL]
    return book({"Data": rows})


def several_tables_one_per_sheet() -> bytes:
    sheets = {}
    for country, levels in (("Elbonia", levels_a), ("Freedonia", levels_b)):
        rows: list[list[Any]] = [["Country", country], ["Year", 2024], []]
        rows.append(["Capability", "Maturity level"])
        rows += [[TITLES[n].lower(), levels(n)] for n in ALL]
        sheets[country] = rows
    sheets["Read me"] = [["This workbook has one sheet per country."]]
    return book(sheets)


def date_cells_and_iso() -> bytes:
    import datetime

    rows: list[list[Any]] = [["Country", "ISO3", "Date", "Capability", "Level"]]
    day = datetime.datetime(2023, 11, 30)
    rows += [["Freedonia", "XFR", day, f"Capability {n}", levels_c(n)] for n in ALL]
    return book({"Data": rows})


def domain_merged_column() -> bytes:
    rows: list[list[Any]] = [["Domain", "No", "Capability", "Elbonia 2022"]]
    merges = []
    for domain in FW.domains:
        members = FW.capabilities_in(domain.id)
        start = len(rows) + 1
        for index, capability in enumerate(members):
            n = capability.number
            rows.append([domain.name if index == 0 else None, n, capability.title, levels_b(n)])
        if len(members) > 1:
            merges.append(("Grid", f"A{start}:A{start + len(members) - 1}"))
    return book({"Grid": rows}, merges=merges)


def wide_with_comments_column() -> bytes:
    rows: list[list[Any]] = [["Capability", "Elbonia 2021", "Comments"]]
    rows += [[TITLES[n], levels_c(n), "draft" if n % 2 else "agreed"] for n in ALL]
    return book({"Sheet1": rows})


def countries_rows_with_titles_and_total_row() -> bytes:
    rows: list[list[Any]] = [[None, *(TITLES[n] for n in ALL)]]
    rows.append(["Elbonia 2020", *(levels_a(n) for n in ALL)])
    rows.append(["Freedonia 2020", *(levels_c(n) for n in ALL)])
    rows.append(["Overall average", *([2.5] * 21)])
    return book({"Matrix": rows})


def file_name_holds_country() -> bytes:
    rows: list[list[Any]] = [["Capability", "Level"]]
    rows += [[f"Cap. {n}", levels_a(n)] for n in ALL]
    return book({"Sheet1": rows})


def english_template_like_with_percent_column() -> bytes:
    rows: list[list[Any]] = [["Country:", "Elbonia"], ["Date:", "2025-02-28"], []]
    rows.append(["No.", "Capability", "Level", "% complete"])
    rows += [[n, TITLES[n], f"Level {levels_b(n)}", 0.5] for n in ALL]
    return book({"Assessment": rows})


def french_wide_two_countries() -> bytes:
    rows: list[list[Any]] = [["Auto-évaluation MNR"], ["Capacité", "Elbonie 2022", "Moyenne"]]
    rows += [[f"Capacité {n}", levels_b(n), levels_b(n)] for n in ALL]
    return book({"Feuil1": rows})


def logo_area_then_country_and_year_lines() -> bytes:
    # A logo merged over A1:H5, the country in one title line and the year in the next, the
    # table from C8.
    rows: list[list[Any]] = [[None] * 8 for _ in range(5)]
    rows.append([None, None, "Freedonia National Self-Assessment"])
    rows.append([None, None, "Reporting year 2025"])
    rows.append([None, None, "Ref", "Capability", "Level"])
    rows += [[None, None, f"MNR-{n:02d}", TITLES[n], levels_a(n)] for n in ALL]
    return book({"Sheet1": rows}, merges=[("Sheet1", "A1:H5")])


def labels_and_values_in_one_cell() -> bytes:
    rows: list[list[Any]] = [
        ["MNR Self-Assessment Tool"],
        ["Country: Krakozhia"],
        ["Year: 2023"],
        [],
        ["No.", "Capability", "Level"],
    ]
    rows += [[n, TITLES[n], levels_b(n)] for n in ALL]
    return book({"Sheet1": rows})


def labels_merged_over_two_columns() -> bytes:
    rows: list[list[Any]] = [
        ["NATIONAL MNR SELF-ASSESSMENT"],
        ["Country", None, "Freedonia"],
        ["Year", None, 2020],
        [],
        ["No.", "Capability", "Level"],
    ]
    rows += [[n, TITLES[n], levels_c(n)] for n in ALL]
    merges = [("Form", "A1:D1"), ("Form", "A2:B2"), ("Form", "A3:B3")]
    return book({"Form": rows}, merges=merges)


E, F = "Elbonia", "Freedonia"


def full(levels: Callable[[int], int]) -> dict[int, int]:
    return {n: levels(n) for n in ALL}


CORPUS: list[Case] = [
    (
        "grid-long-label.xlsx",
        grid_with_long_first_label,
        {(E, 2023, None): full(levels_a), (F, 2023, None): full(levels_b)},
    ),
    (
        "two-header-rows.xlsx",
        two_header_rows,
        {
            (E, 2021, None): full(levels_a),
            (E, 2023, None): full(levels_b),
            (F, 2021, None): full(levels_c),
            (F, 2023, None): full(levels_a),
        },
    ),
    ("auto-evaluation.csv", french_csv, {("Elbonie", 2024, None): full(levels_a)}),
    ("assessment.xlsx", country_in_sheet_name, {("Krakozhia", 2025, None): full(levels_b)}),
    ("elbonia.xlsx", country_in_title_line, {(E, 2024, None): full(levels_c)}),
    (
        "caps.xlsx",
        countries_by_cap_codes_with_average,
        {(E, None, None): full(levels_a), (F, None, None): full(levels_b)},
    ),
    ("es.xlsx", spanish_long, {(E, 2022, None): full(levels_b)}),
    ("pt.xlsx", portuguese_long, {(F, 2021, None): full(levels_c)}),
    ("words.xlsx", levels_as_words, {(E, 2020, None): full(levels_a)}),
    ("of-four.xlsx", levels_of_four, {(E, 2019, None): full(levels_b)}),
    ("descriptions.xlsx", descriptions_as_labels, {(E, 2024, None): full(levels_c)}),
    ("title-desc.xlsx", titles_with_descriptions, {(F, 2022, None): full(levels_a)}),
    ("ministry.xlsx", logo_rows_notes_and_totals, {(F, 2021, None): full(levels_b)}),
    (
        "trend.xlsx",
        transposed_years_as_columns,
        {(F, 2020, None): full(levels_a), (F, 2022, None): full(levels_b)},
    ),
    ("bom.csv", semicolon_bom_decimal_comma, {(E, 2023, None): full(levels_c)}),
    ("latin1.tsv", tab_separated_latin1, {("Côte Élbonie", 2021, None): full(levels_a)}),
    ("hidden.xlsx", hidden_helper_and_numbers_as_text, {(E, 2018, None): full(levels_b)}),
    ("spaces.xlsx", non_breaking_spaces_and_fullwidth, {(E, 2017, None): full(levels_c)}),
    (
        "per-sheet.xlsx",
        several_tables_one_per_sheet,
        {(E, 2024, None): full(levels_a), (F, 2024, None): full(levels_b)},
    ),
    ("dates.xlsx", date_cells_and_iso, {(F, 2023, None): full(levels_c)}),
    ("domains.xlsx", domain_merged_column, {(E, 2022, None): full(levels_b)}),
    ("comments.xlsx", wide_with_comments_column, {(E, 2021, None): full(levels_c)}),
    (
        "matrix.xlsx",
        countries_rows_with_titles_and_total_row,
        {(E, 2020, None): full(levels_a), (F, 2020, None): full(levels_c)},
    ),
    ("freedonia_mnr_2019.xlsx", file_name_holds_country, {(F, 2019, None): full(levels_a)}),
    ("percent.xlsx", english_template_like_with_percent_column, {(E, 2025, None): full(levels_b)}),
    ("fr-wide.xlsx", french_wide_two_countries, {("Elbonie", 2022, None): full(levels_b)}),
    ("logo-c8.xlsx", logo_area_then_country_and_year_lines, {(F, 2025, None): full(levels_a)}),
    (
        "one-cell-labels.xlsx",
        labels_and_values_in_one_cell,
        {("Krakozhia", 2023, None): full(levels_b)},
    ),
    ("merged-labels.xlsx", labels_merged_over_two_columns, {(F, 2020, None): full(levels_c)}),
]


def rounds_as_headers_country_in_title() -> bytes:
    """Columns headed by the round and its year; the country only in the title line."""
    rows: list[list[Any]] = [["Elbonia – MNR progress review"], []]
    rows.append(["No.", "Capability", "Baseline (2021)", "Follow-up (2023)", "Change"])
    rows += [[n, TITLES[n], levels_a(n), levels_b(n), levels_b(n) - levels_a(n)] for n in ALL]
    return book({"Progress": rows})


def spanish_rounds_country_in_sheet_name() -> bytes:
    rows: list[list[Any]] = [["N°", "Capacidad", "Línea de base (2020)", "Seguimiento (2022)"]]
    rows += [[n, TITLES[n], levels_c(n), levels_a(n)] for n in ALL]
    return book({"Freedonia": rows})


def round_between_country_and_year() -> bytes:
    rows: list[list[Any]] = [["Capability", "Elbonia – Baseline 2019", "Elbonia – Review 2022"]]
    rows += [[TITLES[n], levels_a(n), levels_b(n)] for n in ALL]
    return book({"Sheet1": rows})


def split_year_headers() -> bytes:
    rows: list[list[Any]] = [["Capability", "Elbonia 2023/24", "Freedonia FY2023-24"]]
    rows += [[TITLES[n], levels_a(n), levels_b(n)] for n in ALL]
    return book({"Sheet1": rows})


def french_csv_year_span() -> bytes:
    rows: list[list[Any]] = [["N°", "Niveau", "Année", "Pays"]]
    rows += [[n, f"{levels_b(n)},0", "2022-2023", "Elbonie"] for n in ALL]
    return text(rows, sep=";", encoding="cp1252")


def levels_as_the_app_shows_them() -> bytes:
    """Levels picked from a list made like the app's own: "2 · Developing"."""
    rows: list[list[Any]] = [["Country", "Krakozhia"], ["Year", 2025], []]
    rows.append(["No.", "Capability", "Level"])
    rows += [[n, TITLES[n], f"{levels_c(n)} · {LABELS[levels_c(n)]}"] for n in ALL]
    return book({"Assessment": rows})


CORPUS += [
    (
        "progress-review.xlsx",
        rounds_as_headers_country_in_title,
        {(E, 2021, "Baseline"): full(levels_a), (E, 2023, "Follow-up"): full(levels_b)},
    ),
    (
        "seguimiento.xlsx",
        spanish_rounds_country_in_sheet_name,
        {(F, 2020, "Línea de base"): full(levels_c), (F, 2022, "Seguimiento"): full(levels_a)},
    ),
    (
        "rounds.xlsx",
        round_between_country_and_year,
        {(E, 2019, "Baseline"): full(levels_a), (E, 2022, "Review"): full(levels_b)},
    ),
    (
        "fiscal-years.xlsx",
        split_year_headers,
        {(E, 2023, None): full(levels_a), (F, 2023, None): full(levels_b)},
    ),
    ("annee-span.csv", french_csv_year_span, {("Elbonie", 2022, None): full(levels_b)}),
    (
        "picker-levels.xlsx",
        levels_as_the_app_shows_them,
        {("Krakozhia", 2025, None): full(levels_c)},
    ),
]


# Forms and exports that list the scale, pair columns or nest headers.


def tick_boxes_under_the_scale() -> bytes:
    """A form that lists the scale across and asks for an "x" under the level reached."""
    scale = [f"{level.value} – {level.label}" for level in FW.scale.levels]
    rows: list[list[Any]] = [
        ["Elbonia – MNR self-assessment 2024"],
        [],
        ["No.", "Capability", *scale],
    ]
    for n in ALL:
        rows.append([n, TITLES[n], *("x" if v == levels_a(n) else None for v in range(5))])
    return book({"Form": rows})


def level_and_comments_per_country() -> bytes:
    """Countries merged over a Level and a Comments column each; the year in the title."""
    rows: list[list[Any]] = [
        ["Regional MNR review 2023"],
        [None, E, None, F, None],
        ["Capability", "Level", "Comments", "Level", "Comments"],
    ]
    for n in ALL:
        rows.append([TITLES[n], levels_b(n), "seen", levels_c(n), None])
    return book({"Review": rows}, merges=[("Review", "B2:C2"), ("Review", "D2:E2")])


def pandas_pivot_export() -> bytes:
    """``pivot_table(index="capability", columns=["country", "year"]).to_excel()``."""
    records = [
        {"country": country, "year": year, "capability": TITLES[n], "level": levels(n)}
        for country, year, levels in ((E, 2021, levels_a), (F, 2023, levels_b))
        for n in ALL
    ]
    buffer = io.BytesIO()
    frame = pd.DataFrame(records).pivot_table(
        index="capability", columns=["country", "year"], values="level"
    )
    frame.to_excel(buffer)
    return buffer.getvalue()


def country_merged_down_its_rows() -> bytes:
    rows: list[list[Any]] = [["Country", "Year", "No.", "Level"]]
    merges = []
    for country, levels in ((E, levels_c), (F, levels_a)):
        first = len(rows) + 1
        rows += [[country if n == 1 else None, 2022 if n == 1 else None, n, levels(n)] for n in ALL]
        merges += [("Data", f"A{first}:A{first + 20}"), ("Data", f"B{first}:B{first + 20}")]
    return book({"Data": rows}, merges=merges)


def numbered_within_domains() -> bytes:
    """Capabilities numbered within their domain ("2.1"), typed as numbers: no titles."""
    rows: list[list[Any]] = [["Pays", "Elbonie"], ["Année", 2020], [], ["Réf.", "Niveau"]]
    for domain_number, domain in enumerate(FW.domains, start=1):
        rows.append([domain.name])
        for item, capability in enumerate(FW.capabilities_in(domain.id), start=1):
            rows.append([float(f"{domain_number}.{item}"), levels_b(capability.number)])
    return book({"Grille": rows})


def online_form_responses() -> bytes:
    """An online form's responses: a timestamp, an e-mail, the country, a column a question."""
    labels = {level.value: level.label for level in FW.scale.levels}
    header = ["Timestamp", "Email Address", "Country", *(f"{n}. {TITLES[n]}" for n in ALL)]
    rows: list[list[Any]] = [header]
    for stamp, country, levels in (
        ("2023/05/12 10:15:32 AM GMT+1", E, levels_a),
        ("2023/05/14 4:02:11 PM GMT+1", F, levels_c),
    ):
        answers = (f"{levels(n)} - {labels[levels(n)]}" for n in ALL)
        rows.append([stamp, f"focal.point@{country.lower()}.example", country, *answers])
    return csv_bytes(rows)  # quoted: the titles hold commas


CORPUS += [
    (
        "responses.csv",
        online_form_responses,
        {(E, 2023, None): full(levels_a), (F, 2023, None): full(levels_c)},
    ),
    ("domain-codes.xlsx", numbered_within_domains, {("Elbonie", 2020, None): full(levels_b)}),
    ("tick-boxes.xlsx", tick_boxes_under_the_scale, {(E, 2024, None): full(levels_a)}),
    (
        "pairs.xlsx",
        level_and_comments_per_country,
        {(E, 2023, None): full(levels_b), (F, 2023, None): full(levels_c)},
    ),
    (
        "pivot.xlsx",
        pandas_pivot_export,
        {(E, 2021, None): full(levels_a), (F, 2023, None): full(levels_b)},
    ),
    (
        "merged-down.xlsx",
        country_merged_down_its_rows,
        {(E, 2022, None): full(levels_c), (F, 2022, None): full(levels_a)},
    ),
]


# An assessment with its plan beside it, and one assessment over several sheets.
def levels_with_actions_and_lead() -> bytes:
    rows: list[list[Any]] = [["Country", E], ["Year", 2024], []]
    rows.append(["No.", "Capability", "Level", "Actions", "Lead"])
    rows += [[n, TITLES[n], levels_a(n), "Draft SOPs", "Ministry of Interior"] for n in ALL]
    return book({"Assessment": rows})


def current_and_target_level() -> bytes:
    rows: list[list[Any]] = [["Country", F], ["Year", 2022], []]
    rows.append(["No.", "Capability", "Current level", "Target level (2025)", "Actions"])
    rows += [[n, TITLES[n], levels_b(n), 4, "Train staff"] for n in ALL]
    return book({"Workshop": rows})


def _domain_sheets(meta: list[list[Any]], levels: Callable[[int], int]) -> dict[str, list]:
    sheets = {}
    for index, domain in enumerate(FW.domains, start=2):
        rows = [*meta, ["Capability", "Level"]]
        rows += [[c.title, levels(c.number)] for c in FW.capabilities_in(domain.id)]
        sheets[f"Sheet{index}"] = rows
    return sheets


def sheet_per_domain_each_with_its_labels() -> bytes:
    return book(_domain_sheets([["Country:", E], ["Year:", 2023], []], levels_c))


def cover_then_sheet_per_domain() -> bytes:
    cover = [["MNR national self-assessment"], [], ["Country", F], ["Year", 2021]]
    return book({"Cover": cover} | _domain_sheets([], levels_a))


CORPUS += [
    ("actions-lead.xlsx", levels_with_actions_and_lead, {(E, 2024, None): full(levels_a)}),
    ("current-target.xlsx", current_and_target_level, {(F, 2022, None): full(levels_b)}),
    (
        "domain-sheets.xlsx",
        sheet_per_domain_each_with_its_labels,
        {(E, 2023, None): full(levels_c)},
    ),
    ("cover-and-domains.xlsx", cover_then_sheet_per_domain, {(F, 2021, None): full(levels_a)}),
]


def _score(name: str, build: Callable[[], bytes], truth: Truth) -> tuple[int, int, int, Any]:
    result = read(name, build())
    found = by_assessment(result)
    recovered = sum(
        1
        for key, levels in truth.items()
        for number, level in levels.items()
        if found.get(key, {}).get(number) == level
    )
    expected = sum(len(levels) for levels in truth.values())
    invented = len(set(found) - set(truth))
    return recovered, expected, invented, result


@pytest.mark.parametrize(("name", "build", "truth"), CORPUS, ids=[c[0] for c in CORPUS])
def test_each_messy_workbook_reads_to_its_truth(name, build, truth):
    recovered, expected, invented, result = _score(name, build, truth)
    errors = [p for p in result.problems if p.severity == "error"]
    assert (recovered, invented) == (expected, 0), (by_assessment(result), result.problems)
    assert not errors, errors


def test_the_corpus_recovers_every_level_and_invents_nothing(capsys):
    totals = [0, 0, 0]
    for name, build, truth in CORPUS:
        recovered, expected, invented, _ = _score(name, build, truth)
        totals[0] += recovered
        totals[1] += expected
        totals[2] += invented
    with capsys.disabled():
        print(
            f"\ncorpus of {len(CORPUS)} workbooks: levels recovered {totals[0]} / expected "
            f"{totals[1]} ({100 * totals[0] / totals[1]:.1f}%), assessments invented {totals[2]}"
        )
    assert len(CORPUS) >= 25
    assert totals[0] == totals[1]
    assert totals[2] == 0
