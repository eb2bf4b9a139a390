"""A level in a sentence ("Currently at level 1; aim is level 2 by 2026") or before a remark
holding a number ("2 (116 line running)"): the current level is read with a warning; a target,
an earlier level or two levels with nothing telling which is current are refused."""

from __future__ import annotations

import pytest

from components.ingest.values import parse_level
from tests.ingest.reader_support import FW, TITLES, assert_problem, by_assessment, read, xlsx


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("We consider this is at level 1. National plan adopted; budget not yet secured.", 1),
        ("At level 2 (developing) – Pilot in two regions only.", 2),
        ("Currently at level 1; aim is level 2 by 2026", 1),
        ("Currently at level 0 – nothing in place yet, moving to 1", 0),
        ("Level 2 reached in 2023; target 3 by 2026", 2),
        ("Level 2 reached in 2023; target level 3 by 2026", 2),
        ("The country is at Level 3 (Established). Hotline member of INHOPE since 2019.", 3),
        ("The country is at Level 0 (Not in place). Centres in 3 of 10 provinces.", 0),
        ("Actuellement au niveau 3 ; objectif niveau 4", 3),
        ("Niveau 2 atteint en 2022, objectif : niveau 3", 2),
        ("Se encuentra en el nivel 2, meta nivel 3", 2),
        ("Atualmente no nível 1; objetivo nível 2 até 2027", 1),
        ("Stands at level 4, the highest; keep it there", 4),
        ("Level 3 now (was level 2 in 2021)", 3),
        ("Level 1 – helpline 116 runs 24/7", 1),
        ("Current level: 2. Target level: 3.", 2),
        ("Currently level 1, level 3 by 2026", 1),
        ("Niveau 2 atteint en 2022, niveau 3 prévu en 2025", 2),
        ("At level 2 since 2021", 2),
        ("2 (116 line running)", 2),
        ("2 (2 pilots)", 2),
        ("1 – unit of 4 officers", 1),
        ("3 – MoU with 2 ISPs", 3),
    ],
)
def test_the_current_level_of_a_sentence_is_read_with_a_warning(text, level):
    reading = parse_level(text, FW.scale)
    assert (reading.level, reading.error) == (level, "")
    assert f"the number {level} was used" in reading.warning or (
        f"read as level {level}" in reading.warning and "not" in reading.warning
    )


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Level 2 or level 3", "range"),
        ("Between level 2 and 3", "2 and 3"),
        ("Target: level 3", "only a target"),
        ("Level 3 by 2026", "only a target"),
        ("Level 2 planned for 2025", "only a target"),
        ("Level 2 expected", "only a target"),
        ("Aim is level 3 by 2026", "only a target"),
        ("Not yet at level 3", "only a target or an earlier level"),
        ("Objectif : niveau 4", "only a target"),
        ("Level 2 in the north, level 3 in the south", "two levels in one cell, 2 and 3"),
        ("Police say level 2 but courts say level 3", "does not say which is current"),
        ("The country is at Level 3 (Not in place).", "the label of level 0"),
        ("At level 2; some say 3", "may be a level"),
        ("Level 2.5 overall", "not a whole number"),
        ("4 (2021: new law)", "not a level"),
        ("1 - Pas en place", "the label of level 0"),
        ("Level 7 reached", "outside the scale"),
    ],
)
def test_a_sentence_that_does_not_say_one_current_level_is_not_read(text, words):
    reading = parse_level(text, FW.scale)
    assert reading.level is None
    assert words in reading.error


@pytest.mark.parametrize(
    "heading", ["Where we are", "Assessment", "Situation actuelle / Current situation"]
)
def test_a_column_of_sentences_under_a_heading_that_is_no_country_is_read(heading):
    sentences = {
        1: "We consider this is at level 1. National plan adopted.",
        2: "Currently at level 2; aim is level 3 by 2026",
        3: "Level 0: not in place. Draft bill with parliament.",
        4: "The country is at Level 3 (Established). Unit of 6 officers.",
        5: "Currently at level 0 – nothing in place yet, moving to 1",
        6: "Level 2 for police but level 3 for courts",
    }
    rows = [["Kenya MNR self-assessment 2024"], [], ["Capability", heading, "Next step"]]
    rows += [[TITLES[n], sentences.get(n), "Ministry"] for n in range(1, 22)]
    result = read("progress.xlsx", xlsx({"Progress": rows}))
    levels = by_assessment(result)
    assert list(levels) == [("Kenya", 2024, None)]
    assert levels[("Kenya", 2024, None)] == {1: 1, 2: 2, 3: 0, 4: 3, 5: 0}
    assert_problem(result, "error", "B9", "does not say which is current")
    assert_problem(result, "warning", "B5", "read as level 2")
