"""Headers in the languages the MNR's users work in, and in the others
(components/ingest/foreign_headers.py and the sections of mnr_data/headers.toml).

A sheet in Arabic, Urdu, Persian, Russian, Indonesian or Malay, Turkish, Vietnamese, Swahili,
Thai, Chinese, Italian or Dutch is read as one in English is: its column headers, its Country
and Year labels, its level words and its capability titles. A sheet in another language is
skipped naming its headers and the languages the app reads, never guessed: in another script
as soon as its headers are seen, in the Latin one when its header row stands over rows that
name the capabilities (the header row was found, its words were not understood).
"""

from __future__ import annotations

from typing import Any

import pytest

from components.framework.model import default_framework
from components.ingest.matching import capability_catalogue, classify_header, match_item
from components.ingest.values import parse_level
from tests.ingest.reader_support import (
    TITLES,
    by_assessment,
    csv_bytes,
    errors,
    read,
    xlsx,
)

ALL = range(1, 22)
LEVELS = {n: n % 5 for n in ALL}
SCALE = default_framework().scale

# Per language: Country, Year, number, capability and level headers; the five level labels
# (0 to 4) as a translated template writes them; three capability titles (1, 3, 11).
KNOWN: dict[str, tuple[list[str], list[str], dict[int, str]]] = {
    "arabic": (
        ["البلد", "السنة", "الرقم", "القدرة", "المستوى"],
        ["غير موجود", "قيد الإنشاء", "قيد التطوير", "راسخ", "ناضج"],
        {1: "القيادة", 3: "التشريعات", 11: "خط مساعدة الطفل"},
    ),
    "arabic, other words": (
        ["الدولة", "العام", "م", "القدرات", "الدرجة"],
        ["لا يوجد", "قيد البناء", "في طور التطوير", "قائم", "ناضجة"],
        {1: "القيادة", 3: "التشريع", 11: "خط نجدة الطفل"},
    ),
    "urdu": (
        ["ملک", "سال", "نمبر شمار", "صلاحیت", "سطح"],
        ["موجود نہیں", "زیر تعمیر", "ترقی پذیر", "مستحکم", "پختہ"],
        {1: "قیادت", 3: "قانون سازی", 11: "بچوں کی ہیلپ لائن"},
    ),
    "persian": (
        ["کشور", "سال", "ردیف", "قابلیت", "امتیاز"],
        ["وجود ندارد", "در حال ایجاد", "در حال توسعه", "تثبیت شده", "پخته"],
        {1: "رهبری", 3: "قانون گذاری", 11: "خط تلفن کمک به کودکان"},
    ),
    "russian": (
        ["Страна", "Год", "№ п/п", "Возможность", "Уровень"],
        ["Отсутствует", "Начальный", "Развивающийся", "Сформированный", "Зрелый"],
        {1: "Руководство", 3: "Законодательство", 11: "Детский телефон доверия"},
    ),
    "indonesian": (
        ["Negara", "Tahun", "No", "Kapabilitas", "Tingkat"],
        ["Belum ada", "Tahap awal", "Berkembang", "Mapan", "Matang"],
        {1: "Kepemimpinan", 3: "Legislasi", 11: "Layanan Bantuan Anak"},
    ),
    "malay": (
        ["Negara", "Tahun", "Bil.", "Keupayaan", "Tahap"],
        ["Tiada", "Permulaan", "Sedang berkembang", "Mantap", "Sudah matang"],
        {1: "Kepemimpinan", 3: "Perundangan", 11: "Talian Bantuan Kanak-kanak"},
    ),
    "turkish": (
        ["Ülke", "Yıl", "Sıra No", "Kabiliyet", "Seviye"],
        ["Mevcut değil", "Oluşturuluyor", "Gelişmekte", "Yerleşik", "Olgun"],
        {1: "Liderlik", 3: "Mevzuat", 11: "Çocuk Yardım Hattı"},
    ),
    "turkish, typed without its letters": (
        ["Ulke", "Yil", "Sira No", "Yetkinlik", "Duzey"],
        ["Yok", "Baslangic", "Gelisiyor", "Yerlesmis", "Olgunlasmis"],
        {1: "Liderlik", 3: "Mevzuat", 11: "Cocuk Yardim Hatti"},
    ),
    "vietnamese": (
        ["Quốc gia", "Năm", "STT", "Năng lực", "Mức độ"],
        ["Chưa có", "Đang xây dựng", "Đang phát triển", "Đã thiết lập", "Hoàn thiện"],
        {1: "Lãnh đạo", 3: "Pháp luật", 11: "Tổng đài hỗ trợ trẻ em"},
    ),
    "swahili": (
        ["Nchi", "Mwaka", "Na.", "Uwezo", "Kiwango"],
        ["Haipo", "Inajengwa", "Inaendelea", "Imeimarishwa", "Imekomaa"],
        {1: "Uongozi", 3: "Sheria", 11: "Simu ya Msaada kwa Watoto"},
    ),
    "thai": (
        ["ประเทศ", "ปี", "ลำดับ", "ขีดความสามารถ", "ระดับ"],
        ["ไม่มี", "เริ่มต้น", "กำลังพัฒนา", "จัดตั้งแล้ว", "สมบูรณ์"],
        {1: "ภาวะผู้นำ", 3: "กฎหมาย", 11: "สายด่วนช่วยเหลือเด็ก"},
    ),
    "chinese": (
        ["国家", "年份", "序号", "能力", "等级"],
        ["不存在", "建设中", "发展中", "已建立", "成熟"],
        {1: "领导力", 3: "立法", 11: "儿童求助热线"},
    ),
    "chinese, traditional": (
        ["國家", "年度", "編號", "能力名稱", "等級"],
        ["不存在", "建設中", "發展中", "已確立", "已成熟"],
        {1: "領導力", 3: "立法", 11: "兒童求助熱線"},
    ),
    "italian": (
        ["Paese", "Anno", "Numero", "Capacità", "Livello"],
        ["Non presente", "In costruzione", "In sviluppo", "Stabilito", "Maturo"],
        {1: "Leadership", 3: "Legislazione", 11: "Linea di aiuto per l'infanzia"},
    ),
    "dutch": (
        ["Land", "Jaar", "Nummer", "Capaciteit", "Scoringsniveau"],
        ["Niet aanwezig", "In opbouw", "In ontwikkeling", "Gevestigd", "Volwassen"],
        {1: "Leiderschap", 3: "Wetgeving", 11: "Kindertelefoon"},
    ),
}


@pytest.mark.parametrize("language", sorted(KNOWN))
def test_a_long_table_in_a_language_the_app_reads_is_read(language: str) -> None:
    headers = KNOWN[language][0]
    rows: list[list[Any]] = [headers]
    rows += [["Kenya", 2023, n, TITLES[n], LEVELS[n]] for n in ALL]
    result = read("data.csv", csv_bytes(rows, sep=";"))
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}
    assert not errors(result)


@pytest.mark.parametrize("language", sorted(KNOWN))
def test_a_translated_template_is_read_labels_and_level_words_alike(language: str) -> None:
    (country, year, number, capability, level), labels, _ = KNOWN[language]
    rows: list[list[Any]] = [[country, "Kenya"], [year, 2023], [], [number, capability, level]]
    # "3 - Сформированный" where the number's own label is written, the label alone below
    rows += [[n, TITLES[n], f"{LEVELS[n]} - {labels[LEVELS[n]]}"] for n in range(1, 11)]
    rows += [[n, TITLES[n], labels[LEVELS[n]]] for n in range(11, 22)]
    result = read("form.xlsx", xlsx({"Sheet1": rows}))
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}
    assert not errors(result)
    assert not [p for p in result.problems if "do not match the label" in p.message]


@pytest.mark.parametrize("language", sorted(KNOWN))
def test_capability_titles_in_a_language_the_app_reads_name_their_capability(
    language: str,
) -> None:
    catalogue = capability_catalogue(default_framework())
    for number, title in KNOWN[language][2].items():
        assert match_item(title, catalogue).number == number, title


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("2 – Развивающийся", 2),
        ("Уровень три", 3),  # a level word and a number word, as "Level three"
        ("Tingkat 2", 2),
        ("3 - Yerleşik", 3),
        ("Mức độ 1", 1),
        ("Kiwango 4", 4),
        ("2 من 4", 2),  # "2 of 4"
        ("3 из 4", 3),
        ("1 dari 4", 1),
        ("4 - Imekomaa", 4),
    ],
)
def test_levels_written_in_those_languages_are_read(text: str, level: int) -> None:
    reading = parse_level(text, SCALE)
    assert (reading.level, reading.error, reading.warning) == (level, "", "")


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Ghi chú", "evidence"),
        ("Maoni", "evidence"),
        ("Bukti / catatan", "evidence"),
        ("Примечание", "evidence"),
        ("ملاحظات", "evidence"),
        ("Uyruk", None),  # a word of the language that names no column
        ("Уровень (0–4)", "level"),
        ("Ngày đánh giá", "date"),
        ("Tarih", "date"),
        ("Dinilai oleh", "assessed_by"),
        ("Faktor pendukung", "enabler"),
        ("Keyakinan", "confidence"),
    ],
)
def test_other_columns_in_those_languages_are_known(header: str, field: str | None) -> None:
    assert classify_header(header) == field


def test_a_swahili_number_column_is_known_by_its_dot_and_na_alone_stays_not_assessed() -> None:
    assert classify_header("Na.") == "number"
    assert classify_header("NA") is None
    assert parse_level("NA", SCALE).level is None
    assert not parse_level("NA", SCALE).error


def test_a_word_of_those_languages_is_never_taken_for_an_iso3_code() -> None:
    # "TUR" heads Türkiye's column in a table of ISO codes; Turkish "tur" (a round) is no header
    rows = [["No.", "Capability", "KEN", "TUR"]]
    rows += [[n, TITLES[n], LEVELS[n], 4 - LEVELS[n]] for n in ALL]
    result = read("codes.xlsx", xlsx({"Data": rows}))
    assert set(result.capabilities["iso3"]) == {"KEN", "TUR"}


UNKNOWN_SCRIPTS = {
    "greek": ["Χώρα", "Έτος", "Αριθμός", "Ικανότητα", "Επίπεδο"],
    "georgian": ["ქვეყანა", "წელი", "ნომერი", "შესაძლებლობა", "დონე"],
    "armenian": ["Երկիր", "Տարի", "Համար", "Կարողություն", "Մակարդակ"],
    "hebrew": ["מדינה", "שנה", "מספר", "יכולת", "רמה"],
}


@pytest.mark.parametrize("language", sorted(UNKNOWN_SCRIPTS))
def test_a_long_table_with_headers_in_another_language_names_them(language: str) -> None:
    rows: list[list[Any]] = [UNKNOWN_SCRIPTS[language]]
    rows += [["X", 2023, n, TITLES[n], n % 5] for n in ALL]
    result = read("data.xlsx", xlsx({"Data": rows}))
    assert not by_assessment(result)
    skipped = next(p for p in result.problems if p.message.startswith("Skipped sheet"))
    for header in UNKNOWN_SCRIPTS[language]:
        assert f"“{header}”" in skipped.message
    assert "English, French, Spanish, Portuguese" in skipped.message
    assert "Russian" in skipped.message
    assert "Swahili" in skipped.message
    assert "Country, Year, Capability and Level" in skipped.message


def test_countries_rows_with_unknown_headers_names_them() -> None:
    rows = [["Χώρα", "Έτος", *ALL], ["Ελλάδα", 2023, *(n % 5 for n in ALL)]]
    result = read("data.xlsx", xlsx({"Φύλλο1": rows}))
    skipped = next(p for p in result.problems if p.message.startswith("Skipped sheet"))
    assert "“Χώρα”, “Έτος”" in skipped.message


def test_form_with_unknown_labels_names_the_table_headers() -> None:
    rows: list[list[Any]] = [["Χώρα", "Ελλάδα"], ["Έτος", 2024], [], ["Ικανότητα", "Επίπεδο"]]
    rows += [[f"Ικανότητα {n}", n % 5] for n in ALL]
    result = read("form.xlsx", xlsx({"Αξιολόγηση": rows}))
    skipped = next(p for p in result.problems if p.message.startswith("Skipped sheet"))
    assert "row 4 (“Ικανότητα”, “Επίπεδο”)" in skipped.message


LATIN = {
    "polish": (["Kraj", "Rok"], ["Lp.", "Obszar", "Zdolność", "Poziom", "Uwagi"]),
    "tagalog": (["Bansa", "Taon"], ["Blg.", "Larangan", "Kakayahan", "Antas", "Puna"]),
    "hungarian": (["Ország", "Év"], ["Sorszám", "Terület", "Képesség", "Szint", "Megjegyzés"]),
    "hausa": (["Ƙasa", "Shekara"], ["Lamba", "Fanni", "Iyawa", "Mataki", "Bayani"]),
}


@pytest.mark.parametrize("language", sorted(LATIN))
def test_a_latin_header_row_in_another_language_is_said_found_and_not_understood(
    language: str,
) -> None:
    labels, headers = LATIN[language]
    rows: list[list[Any]] = [["MNR 2023"], [], [labels[0], "Kenya"], [labels[1], 2023], []]
    rows += [headers] + [[n, "—", f"{headers[2]} {n}", n % 5] for n in ALL]
    result = read("form.xlsx", xlsx({"Sheet1": rows}))
    assert not by_assessment(result)
    skipped = next(p for p in result.problems if p.message.startswith("Skipped sheet"))
    # the header row is named, not said to be missing, and what to write over which column
    assert "row 6 holds the table's headers" in skipped.message
    assert all(f"“{header}”" in skipped.message for header in headers)
    assert "“Level” over column D" in skipped.message
    assert "no header row above them" not in skipped.message


def test_a_latin_header_row_of_a_csv_is_said_found_too() -> None:
    labels = LATIN["polish"][0]
    rows: list[list[Any]] = [[*labels, "Lp.", "Zdolność", "Poziom"]]
    rows += [["Polska", 2023, n, f"Zdolność {n}", n % 5] for n in ALL]
    result = read("pl.csv", csv_bytes(rows, sep=";"))
    skipped = next(p for p in result.problems if p.message.startswith("Skipped the file"))
    assert "row 1 holds the table's headers (“Kraj”, “Rok”, “Lp.”" in skipped.message
    assert "“Level” over column E" in skipped.message


def test_latin_notes_keep_the_plain_message() -> None:
    rows = [["Some notes", "about the plan"], ["More words", "here"]]
    result = read("notes.xlsx", xlsx({"Notes 2": rows}))
    assert not any("English, French" in p.message for p in result.problems)


# The template's "Date or year" label as a person translating it writes it, in each language
# of mnr_data/headers.toml (its Country label beside it), and with the two words swapped.
DATE_OR_YEAR = {
    "arabic": ("البلد", "التاريخ أو السنة"),
    "arabic, year first": ("الدولة", "السنة أو التاريخ"),
    "urdu": ("ملک", "تاریخ یا سال"),
    "persian": ("کشور", "سال یا تاریخ"),
    "russian": ("Страна", "Дата или год"),
    "indonesian": ("Negara", "Tahun atau tanggal"),
    "turkish": ("Ülke", "Tarih veya yıl"),
    "vietnamese": ("Quốc gia", "Ngày hoặc năm"),
    "swahili": ("Nchi", "Tarehe au mwaka"),
    "thai": ("ประเทศ", "วันที่หรือปี"),
    "chinese": ("国家", "日期或年份"),
    "italian": ("Paese", "Data o anno"),
    "dutch": ("Land", "Datum of jaar"),
    "german": ("Land", "Datum oder Jahr"),
    "french": ("Pays", "Date ou année"),
    "spanish": ("País", "Fecha o año"),
    "portuguese": ("País", "Data ou ano"),
}


@pytest.mark.parametrize("language", sorted(DATE_OR_YEAR))
def test_the_templates_date_or_year_label_translated_gives_the_year(language: str) -> None:
    country, when = DATE_OR_YEAR[language]
    assert classify_header(when) == "when"
    rows: list[list[Any]] = [[country, "Kenya"], [when, 2024], [], ["No.", "Capability", "Level"]]
    rows += [[n, TITLES[n], LEVELS[n]] for n in ALL]
    result = read("form.xlsx", xlsx({"Sheet1": rows}))
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS}
    assert not [p for p in result.problems if "year" in p.message.casefold()]
