"""The capability's column under a database's or an M&E tool's name ("indicator_code",
"item_label", "KPI"), never a record id beside it (``item_columns``)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.reader_support import FW, TITLES, by_assessment, csv_bytes, errors, read, xlsx

ALL = range(1, 22)
ENABLERS = {e.number: e.title for e in FW.enablers}
COUNTRIES = {
    ("Indonesia", "IDN"): {n: n % 5 for n in ALL},
    ("Laos", "LAO"): {n: (n + 1) % 5 for n in ALL},
    ("Vietnam", "VNM"): {n: (n + 2) % 5 for n in ALL},
}


def _dump(code_header: str, code: Any, label_header: str | None, *, enablers: bool) -> list:
    """A monitoring database's dump: its records' own id first, then country, year, the
    item's code (and label) and its value; ids run on past the 21 capabilities."""
    header = ["id", "country_iso3", "country_name", "assessment_year", code_header]
    rows: list[list[Any]] = [[*header, *([label_header] if label_header else []), "value"]]
    for (name, iso3), levels in COUNTRIES.items():
        items = [(code(n), TITLES[n], levels[n]) for n in ALL]
        if enablers:
            items += [(f"ENB_{n:02d}", ENABLERS[n], n % 4) for n in ENABLERS]
        for item, title, level in items:
            label = [title] if label_header else []
            rows.append([len(rows), iso3, name, 2023, item, *label, level])
    return rows


@pytest.mark.parametrize(
    ("code_header", "label_header"),
    [
        ("indicator_code", "indicator_label"),
        ("indicator_code", None),
        ("item_code", "item_label"),
        ("question_code", "question_text"),
        ("Indicator ID", "Indicator name"),
        ("KPI", None),
        ("kpi_code", "kpi_name"),
        ("code_indicateur", "libelle_indicateur"),
        ("codigo_indicador", "nombre_indicador"),
    ],
)
@pytest.mark.parametrize("code", ["CAP_{:02d}".format, "C{}".format, "MNR_CAP_{:02d}".format])
@pytest.mark.parametrize("enablers", [True, False])
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_dump_is_read_by_its_item_column_not_its_record_id(
    code_header, label_header, code, enablers, kind
):
    rows = _dump(code_header, code, label_header, enablers=enablers)
    data = csv_bytes(rows, sep="|") if kind == "csv" else xlsx({"export": rows})

    result = read(f"dump.{kind}", data)

    assert by_assessment(result) == {
        (name, 2023, None): levels for (name, _), levels in COUNTRIES.items()
    }
    assert errors(result) == []
    if enablers:
        read_enablers = result.enablers.dropna(subset=["level"])
        assert len(read_enablers) == 7 * len(COUNTRIES)


@pytest.mark.parametrize("header", ["Indicator label", "item", "Question", "indicator_title"])
def test_an_item_column_of_titles_is_the_capability(header):
    rows = [["Country", "Year", header, "Score"]]
    rows += [["Ghana", 2022, TITLES[n], n % 5] for n in ALL]
    result = read("export.csv", csv_bytes(rows))
    assert by_assessment(result) == {("Ghana", 2022, None): {n: n % 5 for n in ALL}}
    assert errors(result) == []


def test_an_unknown_header_of_codes_replaces_an_id_that_names_none():
    # "Ref" is the number's header; its values are record ids, and "Topic" holds the codes.
    rows = [["Ref", "Country", "Year", "Topic", "Level"]]
    rows += [[9000 + n, "Ghana", 2022, f"C{n}", n % 5] for n in ALL]
    result = read("export.csv", csv_bytes(rows))
    assert by_assessment(result) == {("Ghana", 2022, None): {n: n % 5 for n in ALL}}
    assert errors(result) == []


@pytest.mark.parametrize(
    "rows",
    [
        # a template's own numbers beside the titles: the numbers stay the key
        [["No.", "Capability", "Level", "Question"]]
        + [[n, TITLES[n], n % 5, "Is there a committee?"] for n in ALL],
        # an item column of notes naming no capability: not taken
        [["ID", "Capability", "Level", "Item notes"]]
        + [[n, TITLES[n], n % 5, "see annex"] for n in ALL],
    ],
)
def test_a_table_whose_own_columns_name_the_items_is_read_as_before(rows):
    data = xlsx({"MNR": [["Country", "Ghana"], ["Year", 2022], [], *rows]})
    result = read("form.xlsx", data)
    assert by_assessment(result) == {("Ghana", 2022, None): {n: n % 5 for n in ALL}}
    assert errors(result) == []
