"""A "state" column of records' states (components/ingest/case_states.py): CommCare's case
export's "open" is no country; a State column of names is still the country."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import by_assessment, csv_bytes, read, xlsx

ALL = range(1, 22)
KEN = {n: n % 5 for n in ALL}
UGA = {n: (n + 1) % 5 for n in ALL}


def case_export(states: tuple[str, str], code_header: str = "country_code") -> list[list]:
    """CommCare HQ's case export: case properties, then the tool's own columns."""
    head = ["caseid", "name", code_header, "assessment_year"]
    head += [f"c{n:02}_level" for n in ALL] + ["closed", "owner_name", "state"]
    return [
        head,
        ["1682fff8", "MNR Kenya 2024", "KEN", 2024, *KEN.values(), "FALSE", "EAC", states[0]],
        ["abf61b35", "MNR Uganda 2024", "UGA", 2024, *UGA.values(), "FALSE", "EAC", states[1]],
    ]


@pytest.mark.parametrize("states", [("open", "open"), ("open", "closed"), ("OPEN", None)])
@pytest.mark.parametrize("code_header", ["country_code", "ISO3", "iso_code"])
@pytest.mark.parametrize("make", ["csv", "xlsx"])
def test_a_case_export_is_read_by_its_country_codes(states, code_header, make):
    rows = case_export(states, code_header)
    data = csv_bytes(rows) if make == "csv" else xlsx({"Cases": rows})
    result = read(f"cases.{make}", data)
    assert by_assessment(result) == {("Kenya", 2024, None): KEN, ("Uganda", 2024, None): UGA}
    said = [p for p in result.problems if "holds the state of each record" in p.message]
    assert len(said) == 1
    assert said[0].cell == "AB1"
    assert said[0].severity == "warning"
    assert "“open”" in said[0].message


@pytest.mark.parametrize("header", ["State", "Member State", "state"])
def test_a_state_column_of_names_is_still_the_country(header):
    head = [header, "Year"] + [f"c{n:02}_level" for n in ALL]
    rows = [head, ["Kenya", 2024, *KEN.values()], ["Uganda", 2024, *UGA.values()]]
    result = read("states.csv", csv_bytes(rows))
    assert by_assessment(result) == {("Kenya", 2024, None): KEN, ("Uganda", 2024, None): UGA}
    assert not any("state of each record" in p.message for p in result.problems)


def test_a_state_column_with_no_other_country_leaves_no_country_made_up():
    head = ["caseid", "assessment_year"] + [f"c{n:02}_level" for n in ALL] + ["state"]
    rows = [head, ["a1", 2024, *KEN.values(), "open"], ["b2", 2024, *UGA.values(), "open"]]
    result = read("cases.csv", csv_bytes(rows))
    assert by_assessment(result) == {}
    assert any("holds the state of each record" in p.message for p in result.problems)
