"""Harvey balls written as words, as Smartsheet exports them ("Empty", "Quarter", "Half",
"Three Quarter", "Full"), are read through the file's key (components/ingest/ball_words.py,
components/ingest/mark_keys.py); a key's line is never part of the country's name
(components/ingest/label_notes.py)."""

from __future__ import annotations

from typing import Any

import pytest

from components.ingest.ball_words import ball_of_word, with_balls
from tests.ingest.reader_support import TITLES, by_assessment, errors, read, xlsx

WORDS = {0: "Empty", 1: "Quarter", 2: "Half", 3: "Three Quarter", 4: "Full"}
BALLS = {0: "○", 1: "◔", 2: "◑", 3: "◕", 4: "●"}
LABELS = {0: "Not in place", 1: "Building", 2: "Developing", 3: "Established", 4: "Mature"}
GIVEN = {n: (n * 3) % 5 for n in range(1, 22) if n != 12}


def smartsheet(key: str, cells: dict[int, str], note_label: str = "Country") -> list[list[Any]]:
    rows: list[list[Any]] = [["Capability", "Domain", "Maturity", "Notes"]]
    rows += [[TITLES[n], "…", cells.get(GIVEN.get(n, -1)), None] for n in range(1, 22)]
    return [*rows, [], [f"{note_label}: Bangladesh · Assessment 2024 · {key}"]]


def key_of(marks: dict[int, str], joiner: str = ", ") -> str:
    return "Maturity key: " + joiner.join(f"{marks[lv]} = {LABELS[lv]}" for lv in range(5))


@pytest.mark.parametrize(
    ("key", "cells"),
    [
        (key_of(WORDS), WORDS),  # Smartsheet's words, keyed in words
        (key_of(BALLS), WORDS),  # keyed with the balls themselves
        (key_of(WORDS, "; "), BALLS),  # balls in the cells, keyed in words
    ],
)
def test_harvey_ball_words_are_read_by_the_key(key: str, cells: dict[int, str]) -> None:
    result = read("smartsheet.xlsx", xlsx({"MNR Bangladesh": smartsheet(key, cells)}))
    assert by_assessment(result) == {("Bangladesh", 2024, None): GIVEN}
    assert not errors(result)
    assert any("as the key at" in p.message for p in result.problems)


@pytest.mark.parametrize("cells", [WORDS, BALLS])
def test_without_a_key_the_balls_are_not_guessed(cells: dict[int, str]) -> None:
    rows = smartsheet("", cells)[:-2]
    rows.insert(0, ["Country", "Bangladesh"])
    result = read("smartsheet.xlsx", xlsx({"MNR": rows}))
    assert not any(lv is not None for levels in by_assessment(result).values() for lv in levels)
    said = errors(result)
    assert said
    assert all("is a Harvey ball" in p.message for p in said)
    assert "Empty = Not in place, Quarter = Building" in said[0].fix


@pytest.mark.parametrize(
    ("value", "ball"),
    [("Quarter", "◔"), ("three quarter", "◕"), ("Three-Quarters", "◕"), ("FULL", "●"),
     ("Half done", None), ("Full time", None), ("", None)],
)  # fmt: skip
def test_a_cell_names_a_ball_by_its_word_alone(value: str, ball: str | None) -> None:
    assert ball_of_word(value) == ball


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Empty = 0, Full = 4", "○ = 0, ● = 4"),
        ("Three Quarter = Established, Quarter = Building", "◕ = Established, ◔ = Building"),
        ("Full time staff = 4", "Full time staff = 4"),  # one ball's word: no key
    ],
)
def test_a_keys_line_is_written_with_the_balls(text: str, written: str) -> None:
    assert with_balls(text) == written
