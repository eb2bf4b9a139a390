"""The result of a read: the data contract's types, the problems table, duplicates."""

from __future__ import annotations

import dataclasses

import pandas as pd

from components.ingest.report import (
    find_duplicate_assessments,
    summarise_assessments,
)
from components.ingest.template import write_template
from tests.ingest.reader_support import (
    FW,
    SAMPLE,
    long_rows,
    read,
    xlsx,
)


def test_result_dtypes_follow_the_data_contract():
    result = read("arvenia.xlsx", write_template(FW, SAMPLE))
    caps = result.capabilities
    for column in ("level", "capability", "year"):
        assert caps[column].dtype == "Int64"
    assert result.enablers["enabler"].dtype == "Int64"
    for column in ("country", "iso3", "date", "round", "source", "domain", "evidence"):
        assert caps[column].dtype == "string"


def test_summary_counts_the_capabilities_assessed_out_of_all():
    result = read("arvenia.xlsx", write_template(FW, SAMPLE))
    assessments = summarise_assessments(result.capabilities)
    assert (assessments.loc[0, "assessed"], assessments.loc[0, "total"]) == (16, 21)


def test_problems_frame_lists_errors_first():
    rows = long_rows()
    rows[1][5] = "sure"  # a warning, found first
    rows[2][3] = 7  # an error, found second
    frame = read("long.xlsx", xlsx({"Data": rows})).problems_frame()
    assert list(frame["severity"]) == ["error", "warning"]
    assert list(frame["cell"]) == ["D3", "F2"]


def test_find_duplicate_assessments():
    same = write_template(FW, SAMPLE)
    shouted = write_template(FW, dataclasses.replace(SAMPLE, country="  ARVENIA "))
    other_round = write_template(FW, dataclasses.replace(SAMPLE, round="review"))
    other_year = write_template(FW, dataclasses.replace(SAMPLE, year=2022))
    results = [
        read("a.xlsx", same),
        read("b.xlsx", shouted),
        read("c.xlsx", other_round),
        read("d.xlsx", other_year),
        read("e.xlsx", xlsx({"Data": long_rows()})),
    ]
    capabilities = pd.concat([r.capabilities for r in results], ignore_index=True)
    duplicates = find_duplicate_assessments(capabilities)
    assert list(duplicates["source"]) == ["a.xlsx › Assessment", "b.xlsx › Assessment"]
    assert list(duplicates["duplicate_group"]) == [1, 1]
    assert list(duplicates["assessed"]) == [16, 16]
    # a second group: the long table's Arvenia 2021 is "arvenia 2021" without a round
    plain = read("f.xlsx", xlsx({"Data": long_rows()}))
    both = pd.concat([capabilities, plain.capabilities], ignore_index=True)
    groups = find_duplicate_assessments(both).groupby("duplicate_group")["source"].apply(list)
    assert len(groups) == 4
    assert groups[2] == ["e.xlsx › Data", "f.xlsx › Data"]


def test_find_duplicate_assessments_of_nothing():
    empty = read("x.xlsx", b"").capabilities
    duplicates = find_duplicate_assessments(empty)
    assert duplicates.empty
    assert "duplicate_group" in duplicates.columns
    single = read("a.xlsx", write_template(FW, SAMPLE)).capabilities
    assert find_duplicate_assessments(single).empty


def test_a_framework_column_made_once_is_never_shared_with_a_read_s_table():
    """The capability numbers and domains are made once per process (``constant_array``);
    a table a read returns holds its own copy, which a page may change freely."""
    from components.framework.model import default_framework
    from components.ingest.reader import read_assessment_file
    from components.ingest.report import constant_array, contract_array
    from tests.ingest.reader_support import TITLES, xlsx

    numbers = tuple(range(1, 22))
    assert constant_array("capability", numbers) is constant_array("capability", numbers)
    assert list(constant_array("capability", numbers)) == list(
        contract_array("capability", list(numbers))
    )
    rows = [["Country", "Kenya"], ["Year", 2024], ["No.", "Capability", "Level"]]
    rows += [[n, TITLES[n], n % 5] for n in range(1, 22)]
    data = xlsx({"Assessment": rows})
    first = read_assessment_file("a.xlsx", data, default_framework())
    first.capabilities.loc[0, "capability"] = 99
    first.capabilities.loc[0, "domain"] = "changed"
    second = read_assessment_file("a.xlsx", data, default_framework())
    assert list(second.capabilities["capability"]) == list(range(1, 22))
    assert "changed" not in set(second.capabilities["domain"])
