"""Confidence written in the languages the app reads (components/ingest/confidence_words.py)."""

from __future__ import annotations

from typing import Any

import pytest

from components.ingest.values import parse_confidence
from tests.ingest.reader_support import TITLES, by_assessment, read, xlsx


@pytest.mark.parametrize(
    ("written", "confidence"),
    [
        ("Faible", "low"),
        ("Media", "medium"),
        ("élevée", "high"),
        ("rendah", "low"),
        ("Sedang", "medium"),
        ("tinggi", "high"),
        ("Средняя", "medium"),
        ("высокий", "high"),
        ("Düşük", "low"),
        ("Trung bình", "medium"),
        ("juu", "high"),
        ("ปานกลาง", "medium"),
        ("منخفضة", "low"),
        ("高", "high"),
        ("gemiddeld", "medium"),
        ("bassa", "low"),
        ("sometimes", None),  # no confidence: reported by the caller, left empty
    ],
)
def test_confidence_words(written: str, confidence: str | None) -> None:
    assert parse_confidence(written) == (confidence, confidence is not None)


def test_an_indonesian_confidence_column_is_read_with_no_warning() -> None:
    rows: list[list[Any]] = [["Negara", "Indonesia"], ["Tahun", 2024], []]
    rows += [["No.", "Kapabilitas", "Tingkat", "Keyakinan"]]
    words = ["rendah", "sedang", "tinggi"]
    rows += [[n, TITLES[n], n % 5, words[n % 3]] for n in range(1, 22)]
    result = read("id.xlsx", xlsx({"Penilaian": rows}))
    assert by_assessment(result) == {("Indonesia", 2024, None): {n: n % 5 for n in range(1, 22)}}
    confidence = dict(
        zip(result.capabilities["capability"], result.capabilities["confidence"], strict=True)
    )
    assert confidence[1] == "medium"
    assert not [p for p in result.problems if "confidence" in p.message]
