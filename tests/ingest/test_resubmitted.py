"""A form sent again by the same person to correct it (components/ingest/resubmitted.py): the
later response is read in place of the earlier, said; never for different or unknown people."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.ingest.reader_support import LABELS, TITLES, csv_bytes, read

ALL = range(1, 22)
FIRST = {n: n % 4 for n in ALL}
FIXED = {**FIRST, 6: 3, 14: 2, 21: 0}
OTHER = {n: (n + 1) % 5 for n in ALL}


def google_csv(responses: list[tuple[str, str, str, dict[int, int]]], who: str = "Email") -> bytes:
    """A Google Forms CSV: (timestamp, who, country, levels) per response."""
    rows: list[list[object]] = [
        ["Timestamp", who, "Country"] + [f"Rate each capability [{TITLES[n]}]" for n in ALL]
    ]
    for stamp, person, country, given in responses:
        rows.append([stamp, person, country] + [LABELS[given[n]] for n in ALL])
    return csv_bytes(rows)


def read_levels(result) -> list[tuple[str, int, dict[int, int]]]:
    found = []
    for _, rows in result.capabilities.groupby("assessment_id", sort=False):
        first = rows.iloc[0]
        given = {int(r.capability): int(r.level) for r in rows.itertuples() if not pd.isna(r.level)}
        found.append((first["country"], int(first["year"]), given))
    return found


@pytest.mark.parametrize(
    ("who", "responses", "kept", "said"),
    [
        # the same e-mail, sent again nine days later: the later one is read
        ("Email address",
         [("2024-03-05 10:00", "p.okello@gov.ug", "Uganda", FIRST),
          ("2024-03-14 16:20", "P.Okello@gov.ug ", "Uganda", FIXED)],
         [("Uganda", 2024, FIXED)], "Rows 2 and 3"),
        # the same name; written in another language's column
        ("Nombre",
         [("2024-03-05 10:00", "Ana Pérez", "Peru", FIRST),
          ("2024-03-06 10:00", "Ana Pérez", "Peru", FIXED)],
         [("Peru", 2024, FIXED)], "Rows 2 and 3"),
        # three times: the last one is read, each earlier one said
        ("Email",
         [("2024-03-05 10:00", "a@gov.ke", "Kenya", OTHER),
          ("2024-03-06 10:00", "a@gov.ke", "Kenya", FIRST),
          ("2024-03-07 10:00", "a@gov.ke", "Kenya", FIXED)],
         [("Kenya", 2024, FIXED)], "Rows 3 and 4"),
        # the later by its date, though its row comes first (a sorted sheet)
        ("Email",
         [("2024-03-14 16:20", "a@gov.ke", "Kenya", FIXED),
          ("2024-03-05 10:00", "a@gov.ke", "Kenya", FIRST)],
         [("Kenya", 2024, FIXED)], "the later response (row 2, sent 2024-03-14)"),
    ],
)  # fmt: skip
def test_the_later_response_of_the_same_person_corrects_the_earlier(who, responses, kept, said):
    result = read("form.csv", google_csv(responses, who=who))
    assert read_levels(result) == kept
    told = [p for p in result.problems if "were sent by the same person" in p.message]
    assert len(told) == len(responses) - 1
    assert any(said in p.message for p in told)
    assert all(p.severity == "warning" and p.fix for p in told)
    assert "It changes capability 6 2 → 3, capability 21 1 → 0." in told[-1].message


@pytest.mark.parametrize(
    ("who", "responses"),
    [
        # different people of one country: both kept, as officials answering each
        ("Email",
         [("2024-03-05 10:00", "a@gov.ke", "Kenya", FIRST),
          ("2024-03-06 10:00", "b@gov.ke", "Kenya", FIXED)]),
        # Microsoft Forms' anonymous responses are nobody in particular
        ("Email",
         [("2024-03-05 10:00", "anonymous", "Kenya", FIRST),
          ("2024-03-06 10:00", "anonymous", "Kenya", FIXED)]),
        # nobody named
        ("Email",
         [("2024-03-05 10:00", "", "Kenya", FIRST),
          ("2024-03-06 10:00", "", "Kenya", FIXED)]),
        # no column says who: never decided
        ("Your institution",
         [("2024-03-05 10:00", "Ministry", "Kenya", FIRST),
          ("2024-03-06 10:00", "Ministry", "Kenya", FIXED)]),
    ],
)  # fmt: skip
def test_responses_not_clearly_of_one_person_are_both_kept(who, responses):
    result = read("form.csv", google_csv(responses, who=who))
    assert read_levels(result) == [("Kenya", 2024, FIRST), ("Kenya", 2024, FIXED)]
    assert not any("same person" in p.message for p in result.problems)
    assert any("2 responses assess Kenya 2024" in p.message for p in result.problems)


@pytest.mark.parametrize(
    "responses",
    [
        # one person's responses for two countries, or two years: each its own assessment
        [("2024-03-05 10:00", "a@x.org", "Kenya", FIRST),
         ("2024-03-06 10:00", "a@x.org", "Uganda", FIXED)],
        [("2023-03-05 10:00", "a@x.org", "Kenya", FIRST),
         ("2024-03-06 10:00", "a@x.org", "Kenya", FIXED)],
    ],
)  # fmt: skip
def test_one_persons_responses_for_other_assessments_are_kept(responses):
    result = read("form.csv", google_csv(responses))
    assert [given for *_, given in read_levels(result)] == [FIRST, FIXED]
    assert not any("same person" in p.message for p in result.problems)
