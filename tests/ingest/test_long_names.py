"""A country, round or assessor far longer than a name: kept in full, with a warning."""

from __future__ import annotations

from dataclasses import replace

import pytest

from components.ingest.long_names import LONG_NAME_CHARS
from components.ingest.template import write_template
from tests.ingest.reader_support import FW, SAMPLE, read


@pytest.mark.parametrize(
    ("field", "length", "warned"),
    [
        ("country", LONG_NAME_CHARS, False),
        ("country", LONG_NAME_CHARS + 1, True),
        ("country", 10_000, True),
        ("round", 3600, True),
        ("assessed_by", 3600, True),
    ],
)
def test_a_name_longer_than_a_name_is_kept_with_a_warning(field, length, warned):
    values = {"country": "Zembla", "round": "Baseline", "assessed_by": "NGO"}
    values[field] = "n" * length
    data = write_template(FW, replace(SAMPLE, **values))
    result = read("long.xlsx", data)
    assert result.capabilities[field].iloc[0] == "n" * length  # kept in full
    long_names = [p for p in result.problems if "characters long" in p.message]
    assert bool(long_names) is warned
    if warned:
        (problem,) = long_names
        assert problem.severity == "warning"
        assert f"{length:,} characters" in problem.message
        assert problem.sheet == "Assessment"
