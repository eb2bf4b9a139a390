"""The assessment editor's model: values in, cleaned; coverage; checks; the tidy frames out,
the same as an upload's; starting from an earlier round; the stored form."""

from __future__ import annotations

import datetime

import pandas as pd
import pytest

from components.framework.model import default_framework
from components.ingest.collection import Collection, add_assessments, summarise
from components.ingest.editing import (
    EDITOR_SOURCE,
    MAX_EVIDENCE_CHARS,
    MAX_LINE_CHARS,
    Answer,
    DraftFormatError,
    Entry,
    add_entry,
    blank_entry,
    check_entry,
    coverage,
    entry_frames,
    entry_from_payload,
    merge_entries,
    revise,
    session_duplicates,
    start_from,
    starting_points,
    to_payload,
)
from components.ingest.reader import read_assessment_file
from components.ingest.report import CAPABILITY_COLUMNS, ENABLER_COLUMNS
from components.ingest.template import write_template
from components.library.store import saveable_assessments
from tests.factories import capability_rows, enabler_rows
from tests.ingest.reader_support import SAMPLE

FW = default_framework()
TODAY = datetime.date(2025, 6, 15)
# What an assessment is, apart from where it came from (its id and source).
CONTENT = [c for c in CAPABILITY_COLUMNS if c not in ("assessment_id", "source")]
ENABLER_CONTENT = [c for c in ENABLER_COLUMNS if c not in ("assessment_id", "source")]


def entry_with(**meta: object) -> Entry:
    return revise(Entry("entered-test"), FW, meta=meta)


def levels(entry: Entry) -> dict[int, int | None]:
    return {n: a.level for n, a in entry.capabilities.items()}


# --- from scratch --------------------------------------------------------------------------------


def test_a_blank_entry_has_nothing_and_becomes_21_not_assessed_rows():
    entry = blank_entry()
    assert entry.is_blank
    assert entry.assessment_id.startswith("entered-")
    assert blank_entry().assessment_id != entry.assessment_id
    capabilities, enablers = entry_frames(revise(entry, FW, meta={"country": "Zembla"}), FW, TODAY)
    assert list(capabilities.columns) == CAPABILITY_COLUMNS
    assert list(enablers.columns) == ENABLER_COLUMNS
    assert list(capabilities["capability"]) == list(range(1, 22))
    assert list(enablers["enabler"]) == list(range(1, 8))
    assert capabilities["level"].isna().all()  # missing, never 0
    assert set(capabilities["source"]) == {EDITOR_SOURCE}


def test_the_frames_are_the_same_as_an_upload_of_the_same_assessment():
    """What is entered in the app and what is uploaded in the template cannot be told apart."""
    upload = read_assessment_file("sample.xlsx", write_template(FW, SAMPLE), FW)
    entry = revise(
        Entry("entered-same"),
        FW,
        meta={
            "country": SAMPLE.country,
            "iso3": SAMPLE.iso3,
            "when": SAMPLE.year,
            "round": SAMPLE.round,
            "assessed_by": SAMPLE.assessed_by,
        },
        capabilities={
            n: Answer(SAMPLE.levels.get(n), SAMPLE.evidence.get(n, ""), SAMPLE.confidence.get(n))
            for n in range(1, 22)
        },
        enablers={
            n: Answer(
                SAMPLE.enabler_levels.get(n),
                SAMPLE.enabler_evidence.get(n, ""),
                SAMPLE.enabler_confidence.get(n),
            )
            for n in range(1, 8)
        },
    )
    capabilities, enablers = entry_frames(entry, FW, TODAY)
    pd.testing.assert_frame_equal(capabilities[CONTENT], upload.capabilities[CONTENT])
    pd.testing.assert_frame_equal(enablers[ENABLER_CONTENT], upload.enablers[ENABLER_CONTENT])


# --- values in -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({1: Answer(2)}, {1: Answer(2)}),
        ({1: Answer("3")}, {1: Answer(3)}),  # a level as text from a widget or a file
        ({1: Answer(2.0)}, {1: Answer(2)}),
        ({1: Answer(7)}, {}),  # off the scale: not assessed, never guessed
        ({1: Answer(2.5)}, {}),
        ({1: Answer(True)}, {}),
        (
            {1: Answer(None, "  Law of 2021 \r\n second line ")},
            {1: Answer(None, "Law of 2021 \n second line")},
        ),
        ({1: Answer(1, "", "Medium ")}, {1: Answer(1, "", "medium")}),
        ({1: Answer(1, "", "med")}, {1: Answer(1, "", "medium")}),
        ({1: Answer(1, "", "very sure")}, {1: Answer(1)}),  # an unknown confidence is dropped
        ({99: Answer(2), 0: Answer(1)}, {}),  # numbers the framework does not have
        ({1: Answer(None, "", None)}, {}),
    ],
)
def test_answers_are_cleaned_and_blank_ones_are_not_kept(given, expected):
    assert dict(revise(Entry("e"), FW, capabilities=given).capabilities) == expected


@pytest.mark.parametrize(
    ("start", "change", "expected"),
    [
        # clearing a level back to not assessed
        ({1: Answer(3), 2: Answer(2)}, {1: Answer(None)}, {2: 2}),
        # cleared, but the evidence stays: kept, still not assessed
        ({1: Answer(3, "Report 2022")}, {1: Answer(None, "Report 2022")}, {1: None}),
        # items not given keep their answers
        ({1: Answer(3), 2: Answer(2)}, {3: Answer(0)}, {1: 3, 2: 2, 3: 0}),
        # 0 is a level ("not in place"), not a blank
        ({}, {5: Answer(0)}, {5: 0}),
    ],
)
def test_changing_and_clearing_levels(start, change, expected):
    entry = revise(Entry("e"), FW, capabilities=start)
    assert levels(revise(entry, FW, capabilities=change)) == expected


def test_evidence_and_metadata_are_cut_to_their_limits():
    entry = revise(
        Entry("e"),
        FW,
        meta={"country": "  Zem \n bla  ", "round": "r" * 500, "colour": "red"},
        capabilities={1: Answer(None, "x" * (MAX_EVIDENCE_CHARS + 50))},
    )
    assert entry.country == "Zem bla"
    assert len(entry.round) == MAX_LINE_CHARS
    assert len(entry.capabilities[1].evidence) == MAX_EVIDENCE_CHARS
    assert not hasattr(entry, "colour")


def test_enablers_are_answered_like_capabilities():
    entry = revise(
        Entry("e"),
        FW,
        meta={"country": "Zembla"},
        enablers={1: Answer(3, "MoU", "high"), 7: Answer(0), 8: Answer(2), 2: Answer(None)},
    )
    assert dict(entry.enablers) == {1: Answer(3, "MoU", "high"), 7: Answer(0)}
    assert coverage(entry, FW).enablers_text == "2 of 7 enablers assessed"
    _, enablers = entry_frames(entry, FW, TODAY)
    by_number = enablers.set_index("enabler")
    assert by_number.loc[1, "level"] == 3
    assert by_number.loc[1, "evidence"] == "MoU"
    assert by_number.loc[7, "level"] == 0
    assert pd.isna(by_number.loc[2, "level"])


# --- coverage ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "text", "victim"),
    [
        ({}, "0 of 21 capabilities assessed", (0, 4)),
        ({n: Answer(2) for n in range(1, 15)}, "14 of 21 capabilities assessed", (4, 4)),
        ({8: Answer(1), 9: Answer(None, "notes only")}, "1 of 21 capabilities assessed", (1, 4)),
        ({n: Answer(n % 5) for n in range(1, 22)}, "21 of 21 capabilities assessed", (4, 4)),
    ],
)
def test_coverage_counts_levels_only(answers, text, victim):
    measured = coverage(revise(Entry("e"), FW, capabilities=answers), FW)
    assert measured.text == text
    assert measured.by_domain["victim"] == victim
    assert sum(total for _, total in measured.by_domain.values()) == 21


# --- checks --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("meta", "problem", "year", "date"),
    [
        ({"country": "Zembla", "when": "2024"}, None, 2024, None),
        ({"country": "Zembla", "when": "2024-05-31"}, None, 2024, "2024-05-31"),
        ({"country": "Zembla", "when": "2026"}, None, 2026, None),  # next year: planned
        ({"country": "Zembla", "when": ""}, None, None, None),
        ({"country": "", "when": "2024"}, "Write the country", 2024, None),
        ({"country": "Zembla", "when": "May 2024"}, "is not a year or a date", None, None),
        ({"country": "Zembla", "when": "2024-02-30"}, "is not a year or a date", None, None),
        ({"country": "Zembla", "when": "20245"}, "is not a year or a date", None, None),
        ({"country": "Zembla", "when": "2031"}, "is in the future", 2031, None),
        ({"country": "Zembla", "when": "2025-07-01"}, "is in the future", 2025, "2025-07-01"),
        ({"country": "Zembla", "iso3": "ZE"}, "is not an ISO 3166 code", None, None),
        ({"country": "Zembla", "iso3": "zem"}, None, None, None),
    ],
)
def test_checks_before_joining_the_session(meta, problem, year, date):
    checked = check_entry(entry_with(**meta), TODAY)
    if problem is None:
        assert checked.ok, checked.problems
    else:
        assert not checked.ok
        assert any(problem in p for p in checked.problems), checked.problems
    assert (checked.year, checked.date) == (year, date)


def test_notes_say_what_is_missing_without_blocking():
    checked = check_entry(entry_with(country="Zembla"), TODAY)
    assert checked.ok
    assert any("cannot place it in time" in note for note in checked.notes)
    assert any("No capability has a level yet" in note for note in checked.notes)


def test_frames_carry_the_year_date_and_iso_code_as_read():
    entry = entry_with(country="Zembla", when="2024-05-31", iso3="zem", round="Baseline")
    capabilities, _ = entry_frames(entry, FW, TODAY)
    first = capabilities.iloc[0]
    assert (first["year"], first["date"], first["iso3"], first["round"]) == (
        2024,
        "2024-05-31",
        "ZEM",
        "Baseline",
    )
    unreadable, _ = entry_frames(entry_with(country="Zembla", when="soon"), FW, TODAY)
    assert unreadable["year"].isna().all()


# --- the session ---------------------------------------------------------------------------------


def session_of(*specs: tuple[str, str, int, str]) -> Collection:
    current = Collection()
    for assessment_id, country, year, origin in specs:
        current = add_assessments(
            current,
            capability_rows(assessment_id, country, year, {1: 2, 2: 3}),
            enabler_rows(assessment_id, country, year),
            origin,
        )
    return current


def test_adding_again_replaces_the_entrys_own_copy_instead_of_doubling_it():
    entry = revise(entry_with(country="Zembla", when="2024"), FW, capabilities={1: Answer(2)})
    first = add_entry(Collection(), *entry_frames(entry, FW, TODAY))
    changed = revise(entry, FW, capabilities={1: Answer(4)})
    again = add_entry(first, *entry_frames(changed, FW, TODAY))
    assert again.count() == again.count("editor") == 1
    summary = summarise(again)
    assert list(summary["origin"]) == ["editor"]
    assert again.capabilities.set_index("capability").loc[1, "level"] == 4
    # The library takes what was entered in the app, as it takes uploads.
    assert saveable_assessments(again.capabilities) == {entry.assessment_id: "Zembla 2024"}


@pytest.mark.parametrize(
    ("country", "when", "round_label", "found"),
    [
        ("Zembla", "2024", "", ["u1"]),
        ("  ZEMBLA ", "2024", "", ["u1"]),  # spelled differently, the same assessment
        ("Zembla", "2023", "", []),
        ("Zembla", "2024", "second review", []),
        ("Yland", "2024", "", []),
    ],
)
def test_duplicates_in_the_session_are_found_as_the_upload_page_finds_them(
    country, when, round_label, found
):
    current = session_of(("u1", "Zembla", 2024, "upload"), ("u2", "Yland", 2023, "upload"))
    entry = entry_with(country=country, when=when, round=round_label)
    capabilities, _ = entry_frames(entry, FW, TODAY)
    assert session_duplicates(current.capabilities, capabilities) == found


def test_an_entry_is_not_its_own_duplicate_and_replacing_removes_the_other():
    current = session_of(("u1", "Zembla", 2024, "upload"))
    entry = entry_with(country="Zembla", when="2024")
    capabilities, enablers = entry_frames(entry, FW, TODAY)
    added = add_entry(current, capabilities, enablers, replacing=["u1"])
    assert added.assessment_ids == [entry.assessment_id]
    assert session_duplicates(added.capabilities, capabilities) == []


# --- starting from an earlier round --------------------------------------------------------------


def earlier_round() -> Collection:
    capabilities = capability_rows("u1", "Zembla", 2021, {1: 2, 8: 3}, round_label="Baseline")
    capabilities["evidence"] = capabilities["evidence"].mask(
        capabilities["capability"] == 8, "Shelters"
    )
    capabilities["confidence"] = capabilities["confidence"].mask(
        capabilities["capability"] == 8, "high"
    )
    capabilities["iso3"] = "ZEM"
    capabilities["assessed_by"] = "Workshop 2021"
    enablers = enabler_rows("u1", "Zembla", 2021)
    enablers["level"] = enablers["level"].mask(enablers["enabler"] == 3, 1)
    current = add_assessments(Collection(), capabilities, enablers, "upload")
    demo = capability_rows("d1", "Arvenia", 2021, {1: 4})
    return add_assessments(current, demo, enabler_rows("d1", "Arvenia", 2021), "demo")


@pytest.mark.parametrize(
    ("mode", "same_id", "meta"),
    [
        ("round", False, ("Zembla", "ZEM", "", "", "")),
        ("edit", True, ("Zembla", "ZEM", "2021", "Baseline", "Workshop 2021")),
    ],
)
def test_starting_from_an_earlier_round_copies_the_answers(mode, same_id, meta):
    current = earlier_round()
    entry = start_from(
        current.capabilities,
        current.enablers,
        "u1",
        mode=mode,
        framework=FW,
        label="Zembla 2021 (Baseline) · Uploaded",
    )
    assert (entry.assessment_id == "u1") is same_id
    assert (entry.country, entry.iso3, entry.when, entry.round, entry.assessed_by) == meta
    assert levels(entry) == {1: 2, 8: 3}
    assert entry.capabilities[8] == Answer(3, "Shelters", "high")
    assert {n: a.level for n, a in entry.enablers.items()} == {3: 1}
    assert entry.start_mode == mode
    assert entry.started_from == "Zembla 2021 (Baseline) · Uploaded"


def test_a_missing_starting_point_is_a_key_error():
    current = earlier_round()
    with pytest.raises(KeyError):
        start_from(
            current.capabilities, current.enablers, "gone", mode="round", framework=FW, label=""
        )


def test_the_fictional_demo_is_never_a_starting_point():
    points = starting_points(earlier_round().capabilities)
    assert points == {"u1": "Zembla 2021 (Baseline) · Uploaded"}
    assert starting_points(Collection().capabilities) == {}


# --- the stored form -----------------------------------------------------------------------------


def test_the_stored_form_reads_back_to_the_same_entry():
    entry = start_from(
        earlier_round().capabilities,
        earlier_round().enablers,
        "u1",
        mode="edit",
        framework=FW,
        label="Zembla 2021",
    )
    assert entry_from_payload(to_payload(entry), FW) == entry


@pytest.mark.parametrize(
    "payload",
    [
        None,
        [],
        "draft",
        {"format": 2, "assessment_id": "a"},
        {"format": 1},
        {"format": 1, "assessment_id": 5},
    ],
)
def test_a_stored_form_this_app_did_not_write_is_refused(payload):
    with pytest.raises(DraftFormatError):
        entry_from_payload(payload, FW)


def test_values_that_no_longer_fit_are_left_out_of_a_stored_form():
    payload = {
        "format": 1,
        "assessment_id": "entered-x",
        "country": ["not", "text"],
        "when": 2024,
        "capabilities": {
            "1": {"level": 2, "evidence": "ok", "confidence": "high"},
            "2": {"level": 9},  # off this scale
            "99": {"level": 1},  # no such capability
            "x": {"level": 1},
            "3": "not a table",
            "4": {"level": 1, "evidence": {"a": 1}, "confidence": 3},
        },
        "enablers": "not a table",
        "start_mode": "sideways",
    }
    entry = entry_from_payload(payload, FW)
    assert levels(entry) == {1: 2, 4: 1}
    assert entry.capabilities[4] == Answer(1)
    assert entry.when == "2024"
    assert entry.enablers == {}
    assert entry.start_mode == "blank"


# --- two places editing one draft ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("mine", "theirs", "expected_levels", "expected_round"),
    [
        # different capabilities changed in each place: both kept
        ({1: Answer(4)}, {2: Answer(0)}, {1: 4, 2: 0, 3: 1}, "Baseline"),
        # the same capability changed in both: this side's change wins
        ({1: Answer(4)}, {1: Answer(0)}, {1: 4, 2: 2, 3: 1}, "Baseline"),
        # cleared elsewhere, untouched here: cleared
        ({}, {3: Answer(None)}, {1: 2, 2: 2}, "Baseline"),
        # cleared here, changed elsewhere: cleared (the latest change made here)
        ({3: Answer(None)}, {3: Answer(4)}, {1: 2, 2: 2}, "Baseline"),
    ],
)
def test_changes_made_in_two_places_are_merged(mine, theirs, expected_levels, expected_round):
    base = revise(
        entry_with(country="Zembla", round="Baseline"),
        FW,
        capabilities={1: Answer(2), 2: Answer(2), 3: Answer(1)},
    )
    here = revise(base, FW, capabilities=mine)
    elsewhere = revise(base, FW, meta={"when": "2024"}, capabilities=theirs)
    merged = merge_entries(base, here, elsewhere)
    assert levels(merged) == expected_levels
    assert (merged.round, merged.when) == (expected_round, "2024")  # their year, kept
    assert merged.assessment_id == base.assessment_id
