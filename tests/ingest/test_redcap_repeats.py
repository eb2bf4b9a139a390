"""A REDCap record over several rows (components/ingest/redcap_repeats.py): each row takes
its record's country by record_id, wherever its rows are; nothing else, and never a guess."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import by_assessment, csv_bytes, read, xlsx

ALL = range(1, 22)
A1 = {n: n % 5 for n in ALL}
A2 = {n: (n + 1) % 5 for n in ALL}
B1 = {n: (n + 2) % 5 for n in ALL}
B2 = {n: (n + 3) % 5 for n in ALL}

RAW = ["record_id", "redcap_repeat_instrument", "redcap_repeat_instance", "country"]
LABELLED = ["Record ID", "Repeat Instrument", "Repeat Instance", "Country"]


def repeating(head: list[str], order: str, countries=("Sri Lanka", "Bangladesh")) -> list[list]:
    """A record's own row (its country), then its instances (date and levels)."""
    top = [*head, "focal_point", "assess_date"] + [f"cap_{n}" for n in ALL]
    own = {
        1: [1, None, None, countries[0], "Ministry", None] + [None] * 21,
        2: [2, None, None, countries[1], "Ministry", None] + [None] * 21,
    }
    instances = {
        1: [[1, "mnr_assessment", 1, None, None, "2021-07-01", *A1.values()],
            [1, "mnr_assessment", 2, None, None, "2024-06-22", *A2.values()]],
        2: [[2, "mnr_assessment", 1, None, None, "2021-08-23", *B1.values()],
            [2, "mnr_assessment", 2, None, None, "2024-07-21", *B2.values()]],
    }  # fmt: skip
    if order == "by record":  # as REDCap exports them
        return [top, own[1], *instances[1], own[2], *instances[2]]
    if order == "records first":  # sorted by the instrument column
        return [top, own[1], own[2], *instances[1], *instances[2]]
    return [top, *instances[2], *instances[1], own[2], own[1]]  # sorted the other way


EXPECTED = {
    ("Sri Lanka", 2021, None): A1,
    ("Sri Lanka", 2024, None): A2,
    ("Bangladesh", 2021, None): B1,
    ("Bangladesh", 2024, None): B2,
}


@pytest.mark.parametrize("head", [RAW, LABELLED])
@pytest.mark.parametrize("order", ["by record", "records first", "instances first"])
@pytest.mark.parametrize("make", ["csv", "xlsx"])
def test_each_instance_takes_its_records_country(head, order, make):
    rows = repeating(head, order)
    data = csv_bytes(rows) if make == "csv" else xlsx({"data": rows})
    result = read(f"redcap.{make}", data)
    assert by_assessment(result) == EXPECTED
    said = [p for p in result.problems if "REDCap export of records" in p.message]
    assert len(said) == 1
    assert said[0].severity == "warning"
    assert f"matched by “{head[0]}”" in said[0].message
    assert not [p for p in result.problems if p.severity == "error"]


def test_a_longitudinal_export_gives_each_event_its_records_country():
    top = ["record_id", "redcap_event_name", "country", "assess_date"] + [f"cap_{n}" for n in ALL]
    rows = [
        top,
        [2, "round_2_arm_1", None, "2024-07-21", *B2.values()],
        [1, "round_1_arm_1", "Sri Lanka", "2021-07-01", *A1.values()],
        [2, "round_1_arm_1", "Bangladesh", "2021-08-23", *B1.values()],
        [1, "round_2_arm_1", None, "2024-06-22", *A2.values()],
    ]
    result = read("redcap.csv", csv_bytes(rows))
    assert by_assessment(result) == EXPECTED


@pytest.mark.parametrize(
    ("countries", "kept"),
    [
        # a record whose own row gives no country: its instances get none, each refused
        ((None, "Bangladesh"), {k: v for k, v in EXPECTED.items() if k[0] == "Bangladesh"}),
    ],
)
def test_a_record_without_a_country_gives_its_instances_none(countries, kept):
    result = read("redcap.csv", csv_bytes(repeating(RAW, "records first", countries)))
    assert by_assessment(result) == kept
    assert [p.cell for p in result.problems if "has no country" in p.message] == ["D4", "D5"]


def test_two_countries_in_one_record_are_not_chosen_between():
    rows = repeating(RAW, "records first")
    rows[3][3] = "Nepal"  # an instance of record 1 names another country
    result = read("redcap.csv", csv_bytes(rows))
    assert ("Nepal", 2021, None) in by_assessment(result)
    assert not any(k[0] == "Sri Lanka" and k[1] == 2024 for k in by_assessment(result))


def test_a_table_without_redcap_columns_is_left_alone():
    rows = [["id", "country", "assess_date"] + [f"cap_{n}" for n in ALL]]
    rows += [[1, "Sri Lanka", "2021-07-01", *A1.values()], [1, None, "2024-06-22", *A2.values()]]
    result = read("table.csv", csv_bytes(rows))
    assert not any("REDCap" in p.message for p in result.problems)
