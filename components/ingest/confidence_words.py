"""The words people write for a confidence of low, medium or high, in the languages of
``mnr_data/headers.toml``: "Faible", "Media", "Sedang", "Высокая", "ปานกลาง".

``values.parse_confidence`` reads a confidence cell by them (compared normalised: no accents,
lower case); any other word is reported by the caller and left empty, the levels kept.
"""

from __future__ import annotations

from collections.abc import Mapping

from components.base.text import normalise

_WORDS = {
    "low": (
        "low", "faible", "basse", "bajo", "baja", "baixo", "baixa", "niedrig", "bassa", "basso",
        "laag", "منخفض", "منخفضة", "کم", "پایین", "низкая", "низкий", "rendah", "düşük", "thấp",
        "chini", "ต่ำ", "低",
    ),
    "medium": (
        "medium", "med", "moyenne", "moyen", "medio", "media", "mittel", "gemiddeld", "middel",
        "متوسط", "متوسطة", "درمیانہ", "средняя", "средний", "sedang", "orta", "trung bình",
        "wastani", "ปานกลาง", "中", "中等",
    ),
    "high": (
        "high", "elevee", "haute", "alto", "alta", "elevado", "elevada", "hoch", "hoog",
        "مرتفع", "مرتفعة", "عالية", "زیادہ", "بالا", "زیاد", "высокая", "высокий", "tinggi",
        "yüksek", "cao", "juu", "สูง", "高",
    ),
}  # fmt: skip
CONFIDENCE_WORDS: Mapping[str, str] = {
    normalise(word): value for value, words in _WORDS.items() for word in words
}
