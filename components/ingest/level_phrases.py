"""Level phrases that do not say which level: "En cours", "en place", "In progress".

People describe a capability's state in words rather than with the scale's labels. The phrases
whose level is certain are the scale's ``aliases`` in ``mnr_data/framework.toml`` ("en cours de
développement" is Developing, "partiellement en place" is Developing, "pas en place" is Not in
place), read as the labels are. The phrases here say only part of it: "En cours" (under way)
may be Building or Developing, and "en place" or "pleinement en place" (in place) may be
Established or Mature. Such a cell is refused, never guessed, with a message that says which
levels it could be and a fix that lists the labels in the phrase's own language. Any level
cell refused lists the labels in the language of its column's header ("Niveau": French) when
the header names one language.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from functools import cache
from typing import Any

from components.base.text import normalise
from components.framework.model import Scale
from components.ingest.vocabulary import DEFAULT_VOCABULARY_PATH, key_of

# The meaning of each phrase: the default scale's labels (English) it could be.
_UNDER_WAY = ("Building", "Developing")
_IN_PLACE = ("Established", "Mature")
# Phrase (normalised) -> (language, the labels it could be).
_PHRASES: dict[str, tuple[str, tuple[str, ...]]] = {
    **dict.fromkeys(("in progress", "ongoing", "under way", "underway"), ("en", _UNDER_WAY)),
    **dict.fromkeys(("in place", "fully in place", "implemented"), ("en", _IN_PLACE)),
    **dict.fromkeys(("en cours", "en cours de mise en place", "en progres"), ("fr", _UNDER_WAY)),
    **dict.fromkeys(
        ("en place", "pleinement en place", "totalement en place", "mis en place", "mise en place"),
        ("fr", _IN_PLACE),
    ),
    **dict.fromkeys(("en curso", "en proceso", "en marcha", "en progreso"), ("es", _UNDER_WAY)),
    **dict.fromkeys(
        ("implementado", "implementada", "plenamente implementado", "en vigor", "vigente"),
        ("es", _IN_PLACE),
    ),
    **dict.fromkeys(("em curso", "em andamento", "em progresso"), ("pt", _UNDER_WAY)),
    **dict.fromkeys(
        ("implantado", "implantada", "plenamente implementado", "em vigor"), ("pt", _IN_PLACE)
    ),
}
# The default scale's labels in each language, as the framework's aliases give them.
_LABELS = {
    "Not in place": {
        "fr": "Pas en place", "es": "No existe", "pt": "Não existe", "ar": "غير موجود",
        "ur": "موجود نہیں", "fa": "وجود ندارد", "ru": "Отсутствует", "id": "Belum ada",
        "tr": "Mevcut değil", "vi": "Chưa có", "sw": "Haipo", "th": "ไม่มี", "zh": "不存在",
        "it": "Non presente", "nl": "Niet aanwezig",
    },
    "Building": {
        "fr": "En construction", "es": "En construcción", "pt": "Em construção",
        "ar": "قيد الإنشاء", "ur": "زیر تعمیر", "fa": "در حال ایجاد", "ru": "Начальный",
        "id": "Tahap awal", "tr": "Oluşturuluyor", "vi": "Đang xây dựng", "sw": "Inajengwa",
        "th": "เริ่มต้น", "zh": "建设中", "it": "In costruzione", "nl": "In opbouw",
    },
    "Developing": {
        "fr": "En développement", "es": "En desarrollo", "pt": "Em desenvolvimento",
        "ar": "قيد التطوير", "ur": "ترقی پذیر", "fa": "در حال توسعه", "ru": "Развивающийся",
        "id": "Berkembang", "tr": "Gelişmekte", "vi": "Đang phát triển", "sw": "Inaendelea",
        "th": "กำลังพัฒนา", "zh": "发展中", "it": "In sviluppo", "nl": "In ontwikkeling",
    },
    "Established": {
        "fr": "Établi", "es": "Establecido", "pt": "Estabelecido", "ar": "راسخ",
        "ur": "مستحکم", "fa": "تثبیت شده", "ru": "Сформированный", "id": "Mapan",
        "tr": "Yerleşik", "vi": "Đã thiết lập", "sw": "Imeimarishwa", "th": "จัดตั้งแล้ว",
        "zh": "已建立", "it": "Stabilito", "nl": "Gevestigd",
    },
    "Mature": {
        "fr": "Mature", "es": "Maduro", "pt": "Maduro", "ar": "ناضج", "ur": "پختہ",
        "fa": "پخته", "ru": "Зрелый", "id": "Matang", "tr": "Olgun", "vi": "Hoàn thiện",
        "sw": "Imekomaa", "th": "สมบูรณ์", "zh": "成熟", "it": "Maturo", "nl": "Volwassen",
    },
}  # fmt: skip


def unclear_phrase(text: str, scale: Scale) -> tuple[str, str] | None:
    """The error and fix for a phrase that names no one level ("En cours"), or ``None``."""
    found = _PHRASES.get(normalise(text))
    if found is None:
        return None
    language, meanings = found
    levels = [level for level in scale.levels if level.label in meanings]
    if len(levels) != len(meanings):
        return None  # another scale: its own labels decide, and the usual message says so
    could = " or ".join(f"{level.value} ({_label(level.label, language)})" for level in levels)
    error = f"“{text}” does not say which level it is: it could be level {could}"
    return error, f"Use one of {labels_in(scale, language)}, or leave it blank if not assessed."


def labels_in(scale: Scale, language: str) -> str:
    """The scale's levels as a fix lists them, with the labels in ``language`` when known."""
    return ", ".join(f"{level.value} - {_label(level.label, language)}" for level in scale.levels)


def _label(label: str, language: str) -> str:
    return _LABELS.get(label, {}).get(language, label)


def header_language(rows: Sequence[Sequence[Any]], row: int, column: int) -> str:
    """The language of the level column's header above ``row`` ("Niveau": "fr"), or "en" when
    no header names one language only ("Nivel" is Spanish and Portuguese alike)."""
    words = _level_headers()
    for above in range(min(row, len(rows)) - 1, -1, -1):
        cells = rows[above]
        value = cells[column] if column < len(cells) else None
        if isinstance(value, str) and (languages := words.get(key_of(value))):
            return next(iter(languages)) if len(languages) == 1 else "en"
    return "en"


@cache
def _level_headers() -> dict[str, frozenset[str]]:
    """Each level header word (as compared) -> the languages of headers.toml that use it."""
    with DEFAULT_VOCABULARY_PATH.open("rb") as file:
        data = tomllib.load(file)
    found: dict[str, set[str]] = {}
    for language, section in data.items():
        if isinstance(section, dict):
            for word in section.get("level", []):
                found.setdefault(key_of(word), set()).add(language)
    return {word: frozenset(languages) for word, languages in found.items()}
