"""Upload limits: their defaults, their checks, and their overrides from the environment."""

from __future__ import annotations

import logging

import pytest

from components.ingest.file_guard import check_upload
from components.ingest.limits import DEFAULT_LIMITS, MB, ReadLimits, limits_from_env, rows_cut
from components.ingest.reader import read_assessment_file
from components.ingest.refusals import FileRejected
from tests.ingest.reader_support import FW, csv_bytes, xlsx


def test_limits_defaults_match_the_contract() -> None:
    assert ReadLimits() == DEFAULT_LIMITS
    assert DEFAULT_LIMITS.max_file_bytes == 20 * MB
    assert DEFAULT_LIMITS.max_uncompressed_bytes == 200 * MB
    assert DEFAULT_LIMITS.max_zip_entries == 2000
    assert DEFAULT_LIMITS.max_compression_ratio == 200.0
    assert DEFAULT_LIMITS.max_rows_per_sheet == 100_000
    assert DEFAULT_LIMITS.max_columns == 300
    assert DEFAULT_LIMITS.max_sheets == 50


@pytest.mark.parametrize(
    "bad",
    [
        {"max_sheets": 0},
        {"max_file_bytes": -1},
        {"max_compression_ratio": 0.0},
        {"max_columns": True},
    ],
)
def test_limits_refuse_non_positive_values(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="positive"):
        ReadLimits(**bad)  # type: ignore[arg-type]


ENV_CASES: list[tuple[str, dict[str, str], int, int, int]] = [
    # id, environment, max_file_bytes, max_uncompressed_bytes, max_rows_per_sheet
    ("nothing set", {}, 20 * MB, 200 * MB, 100_000),
    ("smaller upload", {"MNR_MAX_UPLOAD_MB": "5"}, 5 * MB, 200 * MB, 100_000),
    ("fractional upload", {"MNR_MAX_UPLOAD_MB": "2.5"}, int(2.5 * MB), 200 * MB, 100_000),
    ("larger upload raises expansion", {"MNR_MAX_UPLOAD_MB": "50"}, 50 * MB, 500 * MB, 100_000),
    ("rows", {"MNR_MAX_ROWS_PER_SHEET": "100"}, 20 * MB, 200 * MB, 100),
    ("rows with spaces", {"MNR_MAX_ROWS_PER_SHEET": " 250 "}, 20 * MB, 200 * MB, 250),
    ("both", {"MNR_MAX_UPLOAD_MB": "1", "MNR_MAX_ROWS_PER_SHEET": "10"}, MB, 200 * MB, 10),
    (
        "empty values",
        {"MNR_MAX_UPLOAD_MB": "", "MNR_MAX_ROWS_PER_SHEET": " "},
        20 * MB,
        200 * MB,
        100_000,
    ),
    ("upload not a number", {"MNR_MAX_UPLOAD_MB": "twenty"}, 20 * MB, 200 * MB, 100_000),
    ("upload zero", {"MNR_MAX_UPLOAD_MB": "0"}, 20 * MB, 200 * MB, 100_000),
    ("upload negative", {"MNR_MAX_UPLOAD_MB": "-3"}, 20 * MB, 200 * MB, 100_000),
    ("upload nan", {"MNR_MAX_UPLOAD_MB": "nan"}, 20 * MB, 200 * MB, 100_000),
    ("upload inf", {"MNR_MAX_UPLOAD_MB": "inf"}, 20 * MB, 200 * MB, 100_000),
    ("upload with unit", {"MNR_MAX_UPLOAD_MB": "20MB"}, 20 * MB, 200 * MB, 100_000),
    ("rows fractional", {"MNR_MAX_ROWS_PER_SHEET": "1.5"}, 20 * MB, 200 * MB, 100_000),
    ("rows zero", {"MNR_MAX_ROWS_PER_SHEET": "0"}, 20 * MB, 200 * MB, 100_000),
    ("rows negative", {"MNR_MAX_ROWS_PER_SHEET": "-10"}, 20 * MB, 200 * MB, 100_000),
    ("rows word", {"MNR_MAX_ROWS_PER_SHEET": "lots"}, 20 * MB, 200 * MB, 100_000),
]


@pytest.mark.parametrize(
    ("environ", "file_bytes", "uncompressed", "rows"),
    [case[1:] for case in ENV_CASES],
    ids=[case[0] for case in ENV_CASES],
)
def test_limits_from_env(
    environ: dict[str, str], file_bytes: int, uncompressed: int, rows: int
) -> None:
    limits = limits_from_env(environ)
    assert limits.max_file_bytes == file_bytes
    assert limits.max_uncompressed_bytes == uncompressed
    assert limits.max_rows_per_sheet == rows
    # Everything without an override keeps its default.
    assert limits.max_zip_entries == DEFAULT_LIMITS.max_zip_entries
    assert limits.max_sheets == DEFAULT_LIMITS.max_sheets


def test_limits_from_env_warns_about_bad_values(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="components.ingest.limits"):
        limits_from_env({"MNR_MAX_UPLOAD_MB": "twenty"})
    assert "MNR_MAX_UPLOAD_MB" in caplog.text


def test_limits_from_env_reads_the_process_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MNR_MAX_UPLOAD_MB", "3")
    monkeypatch.setenv("MNR_MAX_ROWS_PER_SHEET", "42")
    limits = limits_from_env()
    assert (limits.max_file_bytes, limits.max_rows_per_sheet) == (3 * MB, 42)


def test_env_limit_is_enforced() -> None:
    limits = limits_from_env({"MNR_MAX_UPLOAD_MB": "0.001"})
    with pytest.raises(FileRejected) as caught:
        check_upload("a.csv", b"a,b\n" * 1000, limits)
    assert caught.value.kind == "too_large"


def _regional_rows(countries: int, rounds: int) -> list[list[object]]:
    """A regional long table: each country's rounds, its 21 capabilities and 7 enablers."""
    rows: list[list[object]] = [["Country", "Year", "Item", "Level"]]
    for country in range(countries):
        for year in range(2015, 2015 + rounds):
            items = [f"C{n}" for n in range(1, 22)] + [f"E{n}" for n in range(1, 8)]
            rows += [[f"Country {country:02d}", year, item, (country + year) % 5] for item in items]
    return rows


@pytest.mark.parametrize(
    ("countries", "rounds", "kind"),
    [(50, 10, "csv"), (50, 10, "xlsx"), (80, 9, "csv")],  # 14,000 and 20,160 rows
)
def test_a_regional_long_table_is_read_whole_with_the_default_limits(
    countries: int, rounds: int, kind: str
) -> None:
    rows = _regional_rows(countries, rounds)
    data = csv_bytes(rows) if kind == "csv" else xlsx({"Data": rows})
    result = read_assessment_file(f"regional.{kind}", data, FW)
    assert [p.message for p in result.problems if "rows" in p.message] == []
    assert result.capabilities["assessment_id"].nunique() == countries * rounds
    assert result.capabilities["level"].notna().sum() == countries * rounds * 21
    assert result.enablers["level"].notna().sum() == countries * rounds * 7


@pytest.mark.parametrize(("limit", "shown"), [(10, "10"), (100_000, "100,000")])
def test_the_row_limit_message_says_how_to_split_and_what_raises_it(limit: int, shown: str) -> None:
    message, fix = rows_cut(limit, "sheet")
    assert f"more than {shown} rows" in message
    assert f"at most {shown} rows" in fix
    assert "MNR_MAX_ROWS_PER_SHEET" in fix
