"""A database's or web app's record id is never read as the capability's number."""

import pytest

from tests.ingest.reader_support import (
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    errors,
    read,
)

ALL = range(1, 22)
LEVELS = {n: n % 5 for n in ALL}
UUID = "3f2c{:04d}-9b1e-4c1a-8d55-0a1b2c3d4e5f"


def _dump(id_header: str, ids, code_header: str, code, country_header: str = "country_code"):
    rows = [[id_header, "created_at", country_header, code_header, "maturity_level"]]
    for i, n in zip(ids, ALL, strict=True):
        rows.append([i, "2024-03-15T07:12:44.123456Z", "KE", code(n), n % 5])
    return csv_bytes(rows)


@pytest.mark.parametrize(
    ("id_header", "ids"),
    [
        ("id", [UUID.format(n) for n in ALL]),
        ("uuid", [UUID.format(n) for n in ALL]),
        ("ID", range(1001, 1022)),
        # an auto-increment id that happens to run 1 to 21, in another order than the codes
        ("id", range(1, 22)),
    ],
)
@pytest.mark.parametrize(
    ("code_header", "code"),
    [
        ("capability_code", "CAP-{:02d}".format),
        ("capability_id", "C{:02d}".format),
        ("capability_code", "MNR-{}".format),
        ("cap_id", "cap_{}".format),
    ],
)
def test_a_dump_is_read_by_its_capability_code_not_its_record_id(id_header, ids, code_header, code):
    order = list(ALL)[::-1]  # the records in another order than their ids
    data = _dump(id_header, ids, code_header, lambda n: code(order[n - 1]))
    result = read("dump.csv", data)
    assert by_assessment(result) == {("Kenya", 2024, None): {order[n - 1]: n % 5 for n in ALL}}
    assert not errors(result)


@pytest.mark.parametrize("id_header", ["id", "row_id", "record id"])
def test_record_ids_beside_capability_titles_are_left_unread(id_header):
    rows = [[id_header, "country", "year", "capability", "level"]]
    rows += [[500 + n, "Kenya", 2024, TITLES[n], n % 5] for n in ALL]
    result = read("dump.csv", csv_bytes(rows))
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS}
    assert not [p for p in result.problems if "does not name a capability" in p.message]


def test_a_numbered_id_column_is_still_the_capability_number():
    # "ID | Capability | Level" in a template: the ids are the capabilities' numbers.
    rows = [["Country", "Kenya"], ["Year", 2024], [], ["ID", "Capability", "Level"]]
    rows += [[n, TITLES[n], n % 5] for n in ALL]
    assert by_assessment(read("form.csv", csv_bytes(rows))) == {("Kenya", 2024, None): LEVELS}


def test_the_uuid_column_alone_is_still_reported():
    rows = [["id", "country", "year", "level"]]
    rows += [[UUID.format(n), "Kenya", 2024, n % 5] for n in ALL]
    result = read("dump.csv", csv_bytes(rows))
    assert by_assessment(result) == {}
    assert_problem(result, "error", "A2", "is not a capability of the framework")
