"""A survey tool's bookkeeping columns (ODK, SurveyCTO, KoboToolbox) are left unread without a
warning for each; the answers beside them are read."""

from __future__ import annotations

import pytest

from components.ingest.tool_columns import is_bookkeeping
from tests.ingest.reader_support import TITLES, by_assessment, csv_bytes, read, xlsx

ODK = ["start", "end", "today", "deviceid", "SubmissionDate", "KEY", "meta-instanceID"]
KOBO = ["_id", "_uuid", "_submission_time", "_index", "_status", "__version__", "_tags"]
MORE = ["meta/instanceID", "meta/instanceName", "formhub/uuid", "_validation_status", "_notes"]
LEVELS = {n: n % 5 for n in range(1, 22)}


@pytest.mark.parametrize("header", [*ODK, *KOBO, *MORE, "SubmitterName", "ReviewState"])
def test_a_tool_column_is_bookkeeping(header):
    assert is_bookkeeping(header)


@pytest.mark.parametrize("header", ["Leadership", "Level", "Country", "Capability 3", "Notes"])
def test_other_headers_are_not(header):
    assert not is_bookkeeping(header)


@pytest.mark.parametrize(
    ("before", "after"),
    [(ODK[:5], ODK[5:]), (KOBO[:3], KOBO[3:]), (["start", "end"], MORE)],
)
@pytest.mark.parametrize("make", ["csv", "xlsx"])
def test_an_export_with_its_tool_columns_reads_without_a_warning_per_column(before, after, make):
    head = [*before, "Country", "Year", *(TITLES[n] for n in LEVELS), *after]
    row = [f"x{i}" for i in range(len(before))]
    row += ["Malawi", 2023, *LEVELS.values(), *(f"y{i}" for i in range(len(after)))]
    data = csv_bytes([head, row]) if make == "csv" else xlsx({"Survey": [head, row]})
    result = read(f"export.{make}", data)
    assert by_assessment(result) == {("Malawi", 2023, None): LEVELS}
    quoted_tool = [p for p in result.problems if any(f"“{h}”" in p.message for h in before + after)]
    assert len(quoted_tool) <= 1, quoted_tool


TYPEFORM = ["#", "Response Type", "Start Date (UTC)", "Stage Date (UTC)", "Submit Date (UTC)"]
TYPEFORM += ["Network ID", "Tags"]
ALCHEMER = ["Response ID", "Time Started", "Date Submitted", "Status", "Contact ID", "Language"]
ALCHEMER += ["Referer", "SessionID", "User Agent"]
LIMESURVEY = ["Response ID", "Date submitted", "Last page", "Start language", "Seed"]
LIMESURVEY += ["Date started", "Date last action"]
QUALTRICS = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)"]
QUALTRICS += ["Finished", "RecordedDate", "ResponseId", "RecipientLastName", "RecipientEmail"]
QUALTRICS += ["ExternalReference", "LocationLatitude", "DistributionChannel", "UserLanguage"]
KOBO_ALL = ["Timestamp", *KOBO, "_validation_status", "_notes", "_submitted_by"]
ODK_CENTRAL = ["SubmissionDate", "SubmitterID", "SubmitterName", "AttachmentsPresent"]
ODK_CENTRAL += ["AttachmentsExpected", "Status", "ReviewState", "DeviceID", "Edits", "FormVersion"]


@pytest.mark.parametrize(
    "columns", [TYPEFORM, ALCHEMER, LIMESURVEY, QUALTRICS, KOBO_ALL, ODK_CENTRAL]
)
@pytest.mark.parametrize("make", ["csv", "xlsx"])
def test_a_survey_tools_own_columns_are_skipped_quietly(columns, make):
    head = [*columns, "Which country are you answering for?"]
    head += [f"Rate each capability [{TITLES[n]}]" for n in LEVELS]
    head += ["Your favourite colour"]  # a question of its own: still said
    row = [
        ("2023-05-02 10:00:00" if "date" in c.lower() or c == "Timestamp" else "") for c in columns
    ]
    row += ["Malawi", *LEVELS.values(), "blue"]
    data = csv_bytes([head, row]) if make == "csv" else xlsx({"Survey": [head, row]})
    result = read(f"export.{make}", data)
    assert by_assessment(result) == {("Malawi", 2023, None): LEVELS}
    unread = [p.message for p in result.problems if "not a capability or a known" in p.message]
    assert unread == [
        "The column headed “Your favourite colour” is not a capability or a known column; "
        "it was not read."
    ]
    assert not [p for p in result.problems if "notes" in p.message]
