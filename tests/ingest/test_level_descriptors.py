"""A level's label followed by its descriptor, as online forms offer the choices
(components/ingest/level_descriptors.py, through values.parse_level)."""

from __future__ import annotations

import pytest

from components.ingest.values import parse_level
from tests.ingest.reader_support import FW

SCALE = FW.scale


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Established – The capability is in place nationally, resourced and used routinely.", 3),
        ("Established – In place nationally and resourced", 3),
        ("Building: first steps are under way…", 1),
        ("Not in place - the capability does not exist yet", 0),
        ("Mature — evaluated and sustained", 4),
        ("3 – Established: in place nationally, resourced", 3),
    ],
)
def test_a_label_with_its_descriptor_is_that_level(text, level):
    assert parse_level(text, SCALE).level == level
    assert not parse_level(text, SCALE).warning
    assert not parse_level(text, SCALE).error


def test_other_words_after_a_label_read_the_label_with_a_warning():
    reading = parse_level("Not in place – planned for 2025", SCALE)
    assert reading.level == 0
    assert "do not match the descriptor" in reading.warning


@pytest.mark.parametrize("text", ["Developing – Established", "Established - 2"])
def test_two_levels_in_one_answer_are_an_error(text):
    reading = parse_level(text, SCALE)
    assert reading.level is None
    assert reading.error
