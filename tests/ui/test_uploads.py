"""Upload planning, table-driven: what each file gave, what "Add" leaves in the session.

Each row is one situation a person meets on the upload page: files read, a session that may
already hold copies, the copy they chose in each group of duplicates. The tests check what
they get: the button's words, and which assessments (with which levels) end up in the session.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass

import pandas as pd
import pytest

from components.framework.model import default_framework
from components.ingest.collection import Collection, add_assessments
from components.ingest.file_guard import check_upload
from components.ingest.misnamed import extension_of
from components.ingest.report import Problem, ReadResult
from components.ui.uploads import (
    UPLOAD_TYPES,
    add_label,
    already_loaded,
    already_loaded_note,
    apply_plan,
    duplicate_choices,
    duplicates_among,
    file_kinds_markdown,
    files_to_read,
    has_assessments,
    keep_heading,
    nothing_to_add,
    plan_additions,
    removed_message,
    results_in_order,
    session_overview,
    upload_summary,
    uploader_help,
    without_levels,
    without_levels_note,
    without_repeats,
)
from tests.factories import capability_rows, enabler_rows, plan_rows
from tests.ingest.numbers_support import NSheet, NTable, numbers_file
from tests.ingest.odf_support import Sheet as OdfSheet
from tests.ingest.odf_support import fods, ods
from tests.ingest.old_support import (
    Field,
    OldSheet,
    addin,
    biff,
    biff_workbook,
    dbf,
    sxc,
    works,
    xls_of,
)
from tests.ingest.reader_support import xlsx
from tests.ingest.xlsb_support import BSheet, strict, xlsb

TOTAL = len(default_framework().capabilities)


@dataclass(frozen=True)
class Sheet:
    """One assessment as a file holds it: every capability at the same level."""

    assessment_id: str
    country: str
    year: int
    level: int | None = 2
    file: str = "upload.xlsx"


def capabilities_of(*sheets: Sheet) -> pd.DataFrame:
    frames = [
        capability_rows(
            s.assessment_id,
            s.country,
            s.year,
            dict.fromkeys(range(1, TOTAL + 1), s.level),
            source=f"{s.file} › Assessment",
        )
        for s in sheets
    ]
    return pd.concat(frames, ignore_index=True)


def enablers_of(*sheets: Sheet) -> pd.DataFrame:
    frames = [enabler_rows(s.assessment_id, s.country, s.year) for s in sheets]
    return pd.concat(frames, ignore_index=True)


def read(file: str, *sheets: Sheet, problems: tuple[Problem, ...] = ()) -> ReadResult:
    """What the reader gives for ``file``: its assessments (possibly none) and problems."""
    if not sheets:
        empty = capability_rows("x", "X", 2000, {}).iloc[0:0]
        return ReadResult(file, empty, enabler_rows("x", "X", 2000).iloc[0:0], problems)
    return ReadResult(file, capabilities_of(*sheets), enablers_of(*sheets), problems)


def session_with(*sheets: Sheet) -> Collection:
    if not sheets:
        return Collection()
    return add_assessments(Collection(), capabilities_of(*sheets), enablers_of(*sheets), "upload")


def problem(severity: str, message: str = "Level 7 is not on the scale.") -> Problem:
    return Problem(severity, "upload.xlsx", "Assessment", "D14", message, "Use a level 0-4.")


def keep_by_id(groups: pd.DataFrame, kept_ids: tuple[str, ...]) -> dict[object, str]:
    """The radios' answers: for each group holding one of ``kept_ids``, keep that one."""
    keep: dict[object, str] = {}
    for group, members in groups.groupby("duplicate_group", sort=False):
        for assessment_id in kept_ids:
            if assessment_id in set(members["assessment_id"]):
                keep[group] = assessment_id
    return keep


def session_levels(collection: Collection) -> dict[str, set[int]]:
    """Assessment id -> the levels it holds, for what ended up in the session."""
    frame = collection.capabilities
    return {
        str(i): {int(v) for v in levels.dropna()}
        for i, levels in frame.groupby("assessment_id", sort=False)["level"]
    }


ZEMBLA = Sheet("z-old", "Zembla", 2024, level=1, file="zembla.xlsx")
ZEMBLA_CORRECTED = Sheet("z-new", "Zembla", 2024, level=3, file="zembla.xlsx")
ZEMBLA_TYPO = Sheet("z-typo", "zembla ", 2024, level=4, file="second.xlsx")
KENYA = Sheet("k-old", "Kenya", 2020, level=0, file="kenya.xlsx")
KENYA_CORRECTED = Sheet("k-new", "Kenya", 2020, level=2, file="kenya.xlsx")
ARVENIA = Sheet("a-1", "Arvenia", 2023, level=2, file="arvenia.csv")
# The same assessment, value for value, in another file (saved again under another name).
ZEMBLA_COPY = Sheet("z-copy", "Zembla", 2024, level=1, file="zembla (1).xlsx")


@pytest.mark.parametrize(
    ("session", "uploads", "kept", "questions", "button", "after"),
    [
        pytest.param(
            [],
            [read("zembla.xlsx", ZEMBLA)],
            (),
            0,
            "Add 1 assessment to this session",
            {"z-old": {1}},
            id="one new file",
        ),
        pytest.param(
            [],
            [read("zembla.xlsx", ZEMBLA), read("kenya.xlsx", KENYA)],
            (),
            0,
            "Add 2 assessments to this session",
            {"z-old": {1}, "k-old": {0}},
            id="two new files",
        ),
        pytest.param(
            [ARVENIA],
            [read("zembla.xlsx", ZEMBLA)],
            (),
            0,
            "Add 1 assessment to this session",
            {"a-1": {2}, "z-old": {1}},
            id="a new file beside what the session holds",
        ),
        pytest.param(
            [ZEMBLA],
            [read("zembla.xlsx", ZEMBLA)],
            (),
            0,
            None,
            {"z-old": {1}},
            id="the same file again changes nothing",
        ),
        pytest.param(
            [ZEMBLA],
            [read("zembla (1).xlsx", ZEMBLA_COPY)],
            (),
            0,
            None,
            {"z-old": {1}},
            id="the same content from another file: already loaded, nothing to replace",
        ),
        pytest.param(
            [ZEMBLA, KENYA],
            [read("zembla (1).xlsx", ZEMBLA_COPY), read("kenya.xlsx", KENYA_CORRECTED)],
            ("k-new",),
            1,
            "Add 1 assessment to this session (replacing 1 copy already there)",
            {"z-old": {1}, "k-new": {2}},
            id="a copy already loaded beside a new version: only the new version asked about",
        ),
        pytest.param(
            [ZEMBLA],
            [read("zembla.xlsx", ZEMBLA_CORRECTED)],
            ("z-new",),
            1,
            "Add 1 assessment to this session (replacing 1 copy already there)",
            {"z-new": {3}},
            id="a corrected file replaces the old copy",
        ),
        pytest.param(
            [ZEMBLA],
            [read("zembla.xlsx", ZEMBLA_CORRECTED)],
            ("z-old",),
            1,
            None,
            {"z-old": {1}},
            id="the copy in the session kept, the upload left out",
        ),
        pytest.param(
            [ZEMBLA, KENYA],
            [read("zembla.xlsx", ZEMBLA_CORRECTED), read("kenya.xlsx", KENYA_CORRECTED)],
            ("z-new", "k-new"),
            2,
            "Add 2 assessments to this session (replacing 2 copies already there)",
            {"z-new": {3}, "k-new": {2}},
            id="two corrected files replace two copies",
        ),
        pytest.param(
            [ZEMBLA, KENYA],
            [read("zembla.xlsx", ZEMBLA_CORRECTED), read("kenya.xlsx", KENYA_CORRECTED)],
            ("z-new", "k-old"),
            2,
            "Add 1 assessment to this session (replacing 1 copy already there)",
            {"k-old": {0}, "z-new": {3}},
            id="one replaced, one kept",
        ),
        pytest.param(
            [],
            [read("zembla.xlsx", ZEMBLA), read("second.xlsx", ZEMBLA_TYPO)],
            ("z-typo",),
            1,
            "Add 1 assessment to this session",
            {"z-typo": {4}},
            id="duplicates among the uploads: the second kept",
        ),
        pytest.param(
            [],
            [read("zembla.xlsx", ZEMBLA), read("second.xlsx", ZEMBLA_TYPO)],
            (),
            1,
            "Add 2 assessments to this session",
            {"z-old": {1}, "z-typo": {4}},
            id="duplicates without a choice: nothing is dropped unasked",
        ),
        pytest.param(
            [],
            [
                read("zembla.xlsx", ZEMBLA, problems=(problem("error"),)),
                read("empty.csv", problems=(problem("error", "The file is empty."),)),
            ],
            (),
            0,
            "Add 1 assessment to this session",
            {"z-old": {1}},
            id="a partly read file is kept, an unusable one adds nothing",
        ),
    ],
)
def test_what_add_does(session, uploads, kept, questions, button, after):
    current = session_with(*session)
    every_group = duplicates_among(current, uploads)
    repeats = already_loaded(current, uploads, every_group)
    groups = without_repeats(every_group, repeats)
    choices = duplicate_choices(groups, TOTAL)
    assert len(choices) == questions
    keep = keep_by_id(groups, kept)
    plan = plan_additions(current, uploads, groups, keep, repeats)
    if button is None:
        assert not plan.has_work
    else:
        assert plan.has_work
        assert add_label(plan) == button
    result = apply_plan(current, plan) if plan.has_work else current
    assert session_levels(result) == after
    assert set(result.enablers["assessment_id"]) == set(after)
    assert set(result.capabilities["origin"]) == {"upload"}


@pytest.mark.parametrize(
    ("upload", "repeat"),
    [
        (ZEMBLA_COPY, True),
        (Sheet("z-evidence", "Zembla", 2024, level=1, file="notes.xlsx"), False),
        (ZEMBLA_CORRECTED, False),
    ],
    ids=["same values", "same levels, other evidence", "other levels"],
)
def test_only_a_copy_with_the_same_values_counts_as_already_loaded(upload, repeat):
    current = session_with(ZEMBLA)
    result = read(upload.file, upload)
    if upload.assessment_id == "z-evidence":
        capabilities = result.capabilities.assign(evidence="Law passed in 2023")
        result = ReadResult(result.file, capabilities, result.enablers, ())
    groups = duplicates_among(current, [result])
    repeats = already_loaded(current, [result], groups)
    assert repeats == ({upload.assessment_id: "z-old"} if repeat else {})
    note = already_loaded_note(groups, repeats)
    if repeat:
        assert note is not None
        assert "already in this session" in note
        assert "nothing changes" in note
        assert "Zembla 2024" in note
    else:
        assert note is None
        assert len(duplicate_choices(without_repeats(groups, repeats), TOTAL)) == 1


@pytest.mark.parametrize(
    ("chose", "message"),
    [
        (False, "Every assessment read from these files is in this session."),
        (
            True,
            "Every assessment read from these files is in this session, and you chose the "
            "copies already here.",
        ),
    ],
)
def test_nothing_to_add_says_why(chose, message):
    assert nothing_to_add(chose) == message


@pytest.mark.parametrize(
    ("uploads", "expected"),
    [
        ([], False),
        ([read("empty.csv", problems=(problem("error"),))], False),
        ([read("empty.csv"), read("zembla.xlsx", ZEMBLA)], True),
    ],
)
def test_the_keep_step_shows_only_when_a_file_gave_assessments(uploads, expected):
    assert has_assessments(uploads) is expected


@pytest.mark.parametrize(
    ("has_duplicates", "heading"), [(False, "3. Keep them"), (True, "4. Keep them")]
)
def test_keep_is_the_step_after_the_duplicates(has_duplicates, heading):
    assert keep_heading(has_duplicates) == heading


def test_duplicate_question_names_each_copy_new_upload_first():
    current = session_with(ZEMBLA)
    [choice] = duplicate_choices(
        duplicates_among(current, [read("zembla.xlsx", ZEMBLA_CORRECTED)]), TOTAL
    )
    assert choice.question == "Keep which copy of Zembla 2024\\?"
    # Radio options render Markdown: the file names' dots are escaped.
    assert choice.options == {
        "z-new": f"Zembla 2024 · zembla\\.xlsx › Assessment · new upload · {TOTAL} of {TOTAL} "
        "assessed",
        "z-old": f"Zembla 2024 · zembla\\.xlsx › Assessment · in this session · {TOTAL} of "
        f"{TOTAL} assessed",
    }


def test_duplicate_labels_cannot_become_links():
    trap = Sheet("t-1", "[sign in](https://example.org)", 2024, file="a.xlsx")
    trap_again = Sheet("t-2", "[sign in](https://example.org)", 2024, file="b.xlsx")
    [choice] = duplicate_choices(
        duplicates_among(Collection(), [read("a.xlsx", trap), read("b.xlsx", trap_again)]), TOTAL
    )
    assert "](" not in choice.question
    assert all("](" not in label for label in choice.options.values())


@pytest.mark.parametrize(
    ("levels", "problems", "counts", "verdict"),
    [
        pytest.param(
            2, (), (1, TOTAL, 0, 0), ":green[**Read completely.**] No problems found.", id="clean"
        ),
        pytest.param(
            None,
            (),
            (1, 0, 0, 0),
            ":red[**Nothing usable was read from this file.**] The app found an assessment in "
            "it, but every level is blank (a blank level means not assessed). Fill in the "
            "levels and upload the file again.",
            id="blank levels are not assessed, not problems, but nothing usable",
        ),
        pytest.param(
            2,
            (problem("warning"),),
            (1, TOTAL, 0, 1),
            ":blue[**Read, with assumptions.**] Check the warnings below: each says what was "
            "assumed.",
            id="warnings",
        ),
        pytest.param(
            2,
            (problem("error"), problem("warning")),
            (1, TOTAL, 1, 1),
            ":orange[**Partly read.**] 1 value was left out (see the errors below); everything "
            "else was kept.",
            id="one error",
        ),
        pytest.param(
            2,
            (problem("error"), problem("error"), problem("error")),
            (1, TOTAL, 3, 0),
            ":orange[**Partly read.**] 3 values were left out (see the errors below); everything "
            "else was kept.",
            id="three errors",
        ),
        pytest.param(
            "nothing",
            (problem("error"),),
            (0, 0, 1, 0),
            ":red[**Nothing could be used from this file.**] The report below says why and how "
            "to fix it.",
            id="nothing usable",
        ),
    ],
)
def test_upload_summary(levels, problems, counts, verdict):
    if levels == "nothing":
        result = read("zembla.xlsx", problems=problems)
    else:
        result = read("zembla.xlsx", Sheet("z", "Zembla", 2024, level=levels), problems=problems)
    summary = upload_summary(result)
    assert (summary.assessments, summary.levels_read, summary.errors, summary.warnings) == counts
    assert summary.verdict == verdict


NOTHING_READ = ":red[**Nothing usable was read from this file.**] "
NO_LEVEL = "The app found an assessment in it but read no level: 21 values were left out (see "
FIX_STEP = 'Use "Fix how this file is read" below to tell the app what it could not work out.'
FIX_FILE = "Each error below says how to fix it in the file; then upload the file again."


@pytest.mark.parametrize(
    ("sheets", "errors", "fix_step", "verdict"),
    [
        pytest.param(
            (Sheet("z", "Zembla", 2024),),
            0,
            False,
            ":green[**Read completely.**] No problems found.",
            id="all read",
        ),
        pytest.param(
            (Sheet("z", "Zembla", 2024),),
            2,
            True,
            ":orange[**Partly read.**] 2 values were left out (see the errors below); "
            "everything else was kept.",
            id="partly read (some levels), fix step or not",
        ),
        pytest.param(
            (Sheet("z", "Zembla", 2024, level=None),),
            21,
            True,
            f"{NOTHING_READ}{NO_LEVEL}the errors below). {FIX_STEP}",
            id="nothing read, the fix step offered",
        ),
        pytest.param(
            (Sheet("z", "Zembla", 2024, level=None),),
            21,
            False,
            f"{NOTHING_READ}{NO_LEVEL}the errors below). {FIX_FILE}",
            id="nothing read, no fix step: the errors' fixes",
        ),
        pytest.param(
            (Sheet("z", "Zembla", 2024, level=None), Sheet("q", "Quentra", 2024, level=None)),
            1,
            False,
            f"{NOTHING_READ}The app found 2 assessments in it but read no level: 1 value was left "
            f"out (see the errors below). {FIX_FILE}",
            id="nothing read of two assessments",
        ),
        pytest.param(
            (Sheet("z", "Zembla", 2024), Sheet("q", "Quentra", 2024, level=None)),
            1,
            True,
            ":orange[**Partly read.**] 1 value was left out (see the errors below); everything "
            "else was kept. No level was read for 1 of its 2 assessments (see the preview below).",
            id="one of two assessments with nothing read",
        ),
        pytest.param(
            (Sheet("z", "Zembla", 2024), Sheet("q", "Quentra", 2024, level=None)),
            0,
            False,
            ":orange[**Partly read.**] No level was read for 1 of its 2 assessments (see the "
            "preview below).",
            id="one of two assessments blank, no error",
        ),
        pytest.param(
            (),
            1,
            True,
            ":red[**Nothing could be used from this file.**] The report below says why and how "
            "to fix it.",
            id="no assessment found",
        ),
    ],
)
def test_upload_summary_says_when_nothing_usable_was_read(sheets, errors, fix_step, verdict):
    result = read("zembla.xlsx", *sheets, problems=(problem("error"),) * errors)
    assert upload_summary(result, fix_step=fix_step).verdict == verdict


def test_an_enabler_level_or_a_plan_alone_is_something_read():
    result = read("zembla.xlsx", Sheet("z", "Zembla", 2024, level=None))
    assert without_levels(result.capabilities, result.enablers) == ["z"]
    result.enablers.loc[0, "level"] = 3
    assert without_levels(result.capabilities, result.enablers) == []
    assert "Nothing usable" not in upload_summary(result).verdict
    planned = read("zembla.xlsx", Sheet("z", "Zembla", 2024, level=None))
    plans = plan_rows("z", {4: {"actions": "Pass the law"}})
    assert without_levels(planned.capabilities, planned.enablers, plans) == []


@pytest.mark.parametrize(
    ("sheets", "button", "note"),
    [
        pytest.param(
            (Sheet("z", "Zembla", 2024),),
            "Add 1 assessment to this session",
            None,
            id="every assessment has a level",
        ),
        pytest.param(
            (Sheet("z", "Zembla", 2024), Sheet("q", "Quentra", 2023, level=None)),
            "Add 2 assessments to this session (1 with no level read)",
            "No level was read for this assessment: Quentra 2023. Added now, it would show every "
            "capability as not assessed. The file reports above say how to get the levels read.",
            id="one without a level is named",
        ),
        pytest.param(
            (Sheet("q", "Quentra", 2023, level=None), Sheet("o", "Ostravia", 2022, level=None)),
            "Add 2 assessments to this session (2 with no level read)",
            "No level was read for these 2 assessments: Quentra 2023; Ostravia 2022. Added now, "
            "they would show every capability as not assessed. The file reports above say how "
            "to get the levels read.",
            id="two without a level",
        ),
    ],
)
def test_the_add_button_says_which_assessments_have_no_level(sheets, button, note):
    uploads = [read("upload.xlsx", *sheets)]
    current = Collection()
    plan = plan_additions(current, uploads, duplicates_among(current, uploads), {})
    assert add_label(plan) == button
    said = without_levels_note(plan)
    assert said == note


def test_the_add_button_says_both_replacing_and_no_level():
    old = Sheet("z-old", "Zembla", 2024, level=3)
    new = Sheet("z-new", "Zembla", 2024, level=None)
    current = session_with(old)
    uploads = [read("upload.xlsx", new)]
    groups = duplicates_among(current, uploads)
    plan = plan_additions(current, uploads, groups, keep_by_id(groups, ("z-new",)))
    assert add_label(plan) == (
        "Add 1 assessment to this session (replacing 1 copy already there; 1 with no level read)"
    )


@pytest.mark.parametrize("enabler_levels", [0, 3, 7])
def test_upload_summary_counts_enabler_levels_apart(enabler_levels):
    result = read("zembla.xlsx", Sheet("z", "Zembla", 2024, level=2))
    result.enablers.loc[: enabler_levels - 1, "level"] = 3
    summary = upload_summary(result)
    assert summary.levels_read == TOTAL  # the capabilities' levels only
    assert summary.enabler_levels_read == enabler_levels


@pytest.mark.parametrize(
    ("file", "label", "stem"),
    [
        ("zembla.xlsx", "zembla\\.xlsx", "zembla"),
        ("my report (v2).xlsx", "my report \\(v2\\)\\.xlsx", "my-report--v2"),
        (
            "[x](https://e.org).csv",
            "\\[x\\]\\(https\\:\u2060\\/\\/e\\.org\\)\\.csv",
            "x--https---e-org",
        ),
        ("....csv", "\\.\\.\\.\\.csv", "upload"),
    ],
)
def test_file_names_are_shown_as_text_and_made_safe_for_downloads(file, label, stem):
    summary = upload_summary(read(file))
    assert summary.file_label == label
    assert summary.file_stem == stem


@dataclass(frozen=True)
class FakeUpload:
    file_id: str


@pytest.mark.parametrize(
    ("read_before", "in_uploader", "to_read", "remembered"),
    [
        ((), ("a",), ["a"], set()),
        (("a",), ("a", "b"), ["b"], {"a"}),
        (("a", "b"), ("b",), [], {"b"}),
        (("a", "b"), (), [], set()),
        (("a",), ("c", "a", "b"), ["c", "b"], {"a"}),
    ],
    ids=["first file", "a second file", "one removed", "all removed", "order kept"],
)
def test_each_file_is_read_once_and_forgotten_when_removed(
    read_before, in_uploader, to_read, remembered
):
    results = {file_id: read(f"{file_id}.csv") for file_id in read_before}
    files = [FakeUpload(file_id) for file_id in in_uploader]
    assert [file.file_id for file in files_to_read(results, files)] == to_read
    assert set(results) == remembered


def test_results_follow_the_uploaders_order():
    results = {"b": read("b.csv"), "a": read("a.csv")}
    files = [FakeUpload("a"), FakeUpload("new"), FakeUpload("b")]
    assert [result.file for result in results_in_order(results, files)] == ["a.csv", "b.csv"]


@pytest.mark.parametrize(
    ("count", "message"),
    [
        (1, "Removed 1 assessment from this session."),
        (2, "Removed 2 assessments from this session."),
    ],
)
def test_removed_message(count, message):
    assert removed_message(count) == (
        f"{message} Files still in the upload box above can be added again."
    )


@pytest.mark.parametrize(("size", "megabytes"), [(20 * 1024 * 1024, "20"), (5_500_000, "5")])
def test_uploader_help_states_the_limit(size, megabytes):
    assert uploader_help(size).startswith(f"Up to {megabytes} MB per file.")


def test_session_overview_shows_labels_not_ids():
    table, labels = session_overview(session_with(ZEMBLA, KENYA), default_framework())
    assert "assessment_id" not in table.columns
    assert list(table["Assessment"]) == ["Kenya 2020", "Zembla 2024"]
    assert labels == {"k-old": "Kenya 2020", "z-old": "Zembla 2024"}


def test_the_no_level_note_cannot_become_a_link():
    trap = Sheet("t", "[sign in](https://example.org)", 2024, level=None)
    uploads = [read("t.xlsx", trap)]
    plan = plan_additions(Collection(), uploads, duplicates_among(Collection(), uploads), {})
    note = without_levels_note(plan)
    assert note is not None
    assert "](" not in note


# What people save besides Excel's .xlsx: its Binary Workbook (.xlsb) and Strict Open XML,
# LibreOffice's .ods and flat .fods, Excel's "Unicode Text", Excel's XML Spreadsheet 2003, and web
# pages of tables as systems "export to Excel"
XML_2003 = (
    b'<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook '
    b'xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
    b'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Assessment">'
    b'<Table><Row><Cell><Data ss:Type="String">Country</Data></Cell></Row></Table></Worksheet>'
    b"</Workbook>"
)
WEB_PAGE = (
    b"<html><body><h1>Zembla 2024</h1><table><tr><th>Capability</th></tr></table></body></html>"
)
# Excel's "Single File Web Page": the page quoted-printable in a MIME message
WEB_ARCHIVE = (
    b'MIME-Version: 1.0\nX-Document-Type: Workbook\nContent-Type: multipart/related; boundary="'
    b'----=_NextPart_01DA"\n\n------=_NextPart_01DA\nContent-Location: file:///C:/X/Zembla.htm\n'
    b'Content-Transfer-Encoding: quoted-printable\nContent-Type: text/html; charset="us-ascii"\n\n'
    b"<html><body><table border=3D0><tr><td>Capability</td></tr></table></body></html>\n\n"
    b"------=_NextPart_01DA--\n"
)
ODF_FORM = [
    OdfSheet("Assessment", [["Country", "Zembla"], ["Year", 2024], [], ["Capability", "Level"]])
]
# Older programs' formats: Excel's space-aligned .prn, SYLK, DIF, a Gnumeric workbook (gzip'd)
PRN = (
    b"Country  Zembla\r\nYear       2024\r\n\r\n"
    b"No       Capability    Level\r\n        1Leadership        3\r\n"
)
SYLK = b'ID;PWXL;N;E\r\nC;Y1;X1;K"Country"\r\nC;X2;K"Zembla"\r\nE\r\n'
DIF = (
    b'TABLE\r\n0,1\r\n"EXCEL"\r\nDATA\r\n0,0\r\n""\r\n'
    b'-1,0\r\nBOT\r\n1,0\r\n"Zembla"\r\n-1,0\r\nEOD\r\n'
)
GNUMERIC = gzip.compress(
    b'<?xml version="1.0"?><gnm:Workbook xmlns:gnm="http://www.gnumeric.org/v10.dtd"><gnm:Sheets>'
    b'<gnm:Sheet><gnm:Name>Zembla</gnm:Name><gnm:Cells><gnm:Cell Row="0" Col="0" ValueType="60">'
    b"Country</gnm:Cell></gnm:Cells></gnm:Sheet></gnm:Sheets></gnm:Workbook>"
)


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("zembla.xlsb", lambda: xlsb([BSheet("Assessment", [["Country", "Zembla"]])]), "xlsb"),
        ("zembla.xlsx", lambda: strict(xlsx({"Assessment": [["Country", "Zembla"]]})), "strict"),
        ("zembla.fods", lambda: fods(ODF_FORM), "fods"),
        ("zembla.ods", lambda: ods(ODF_FORM), "ods"),
        ("zembla.txt", lambda: "Country\tLevel\nZembla\t3\n".encode("utf-16"), "csv"),
        ("zembla.xml", lambda: XML_2003, "spreadsheetml"),
        ("zembla.htm", lambda: WEB_PAGE, "html"),
        ("zembla.html", lambda: WEB_PAGE, "html"),
        ("zembla.xls", lambda: WEB_PAGE, "html"),
        (
            "zembla.numbers",
            lambda: numbers_file([NSheet("Zembla", [NTable("T", [["Country"]])])]),
            "numbers",
        ),
        ("zembla.mht", lambda: WEB_ARCHIVE, "mht"),
        ("zembla.mhtml", lambda: WEB_ARCHIVE, "mht"),
        ("zembla.xls", lambda: biff(2, OldSheet("Sheet1", [["Country", "Zembla"]])), "biff"),
        ("zembla.xlw", lambda: biff_workbook([OldSheet("Zembla", [["Country"]])]), "biff"),
        ("zembla.dbf", lambda: dbf([Field("COUNTRY", "C", 10)], [["Zembla"]]), "dbf"),
        ("zembla.xlr", lambda: works(xls_of([["Country", "Zembla"]])), "xlr"),
        ("zembla.xlam", lambda: addin(xlsx({"Assessment": [["Country", "Zembla"]]})), "xlam"),
        ("zembla.sxc", lambda: sxc([("Sheet1", [["Country", "Zembla"]])]), "sxc"),
        ("zembla.prn", lambda: PRN, "csv"),
        ("zembla.slk", lambda: SYLK, "sylk"),
        ("zembla.dif", lambda: DIF, "dif"),
        ("zembla.gnumeric", lambda: GNUMERIC, "gnumeric"),
    ],
)
def test_the_upload_box_takes_the_files_the_reader_reads(name, data, kind):
    assert check_upload(name, data()) == kind
    assert extension_of(name) in UPLOAD_TYPES


# The old kinds the box takes only to name them (``old_formats``): listed by their programs.
NAMED_ONLY = {"wk1", "wk3", "wk4", "123", "wks", "wrk", "wq1", "wq2", "wb1", "wb2", "wb3", "qpw"}
NAMED_ONLY |= {"sdc", "ksp"}


def test_the_list_under_the_box_names_every_kind_it_reads():
    listed = str(file_kinds_markdown())
    assert [t for t in UPLOAD_TYPES if t not in NAMED_ONLY and f".{t}" not in listed] == []
    for program in ("Lotus 1-2-3", "Quattro Pro", "StarOffice", "KSpread"):
        assert program in listed
