"""A label's value that runs on into a key or a note ends before it; the assessment's year
written beside the country is its year (components/ingest/label_notes.py)."""

from __future__ import annotations

import pytest

from components.ingest.label_notes import without_notes
from tests.ingest.reader_support import TITLES, by_assessment, read, xlsx

LEVELS = {n: (n + 1) % 5 for n in range(1, 22)}


@pytest.mark.parametrize(
    ("value", "read_as"),
    [
        ("Bangladesh · Assessment 2024 · Maturity key: Empty = Not in place", "Bangladesh 2024"),
        ("Kenya | Legend: green = good", "Kenya"),
        ("Kenya; Note: draft figures", "Kenya"),
        ("Kenya • Scale: 0 = not in place, 4 = mature", "Kenya"),
        ("Côte d'Ivoire · MNR round 2023", "Côte d'Ivoire 2023"),
        ("Kenya · 2024", "Kenya 2024"),
        ("Kenya · Nairobi office", "Kenya · Nairobi office"),  # other words: as written
        ("Kenya · 2023 · 2024", "Kenya · 2023 · 2024"),  # two years: as written
        ("Kenya; Rwanda", "Kenya; Rwanda"),
        ("Kenya; Rwanda | Legend: 0 = none", "Kenya; Rwanda"),
        ("Bosnia and Herzegovina", "Bosnia and Herzegovina"),
    ],
)
def test_a_labels_value_less_its_notes(value: str, read_as: str) -> None:
    assert without_notes(value) == read_as


@pytest.mark.parametrize("where", ["above", "below"])
def test_a_country_line_with_a_key_gives_the_country_and_year(where: str) -> None:
    line = ["Country: Ghana · Assessment 2023 · Key: 0 = not in place, 4 = mature"]
    table = [["Capability", "Level"], *([TITLES[n], LEVELS[n]] for n in LEVELS)]
    rows = [line, [], *table] if where == "above" else [*table, [], line]
    result = read("ghana.xlsx", xlsx({"Sheet1": rows}))
    assert by_assessment(result) == {("Ghana", 2023, None): LEVELS}
