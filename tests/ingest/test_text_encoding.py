"""A csv's bytes as text: UTF-8 where it is, else the legacy code page its names fit."""

import csv
import io

import pytest

from components.ingest.doubtful_names import drop_doubtful_countries
from components.ingest.drafts import Draft
from components.ingest.limits import ReadLimits
from components.ingest.sheets import ReadContext, Sheet
from components.ingest.text_encoding import DecodedText, decode_text, encoding_note
from tests.ingest.reader_support import FW, TITLES, assert_problem, by_assessment, errors, read

ALL = range(1, 22)


def _text(rows: list[list[object]], sep: str = ",", end: str = "\r\n") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=sep, lineterminator=end).writerows(rows)
    return out.getvalue()


def _long(country: str, year: int = 2023, header: bool = True) -> list[list[object]]:
    rows: list[list[object]] = [["Country", "Year", "Capability", "Level"]] if header else []
    return rows + [[country, year, TITLES[n], n % 5] for n in ALL]


# A country's name in its own script, or in French, is filed under its English name.
KEPT = {
    "Кыргызстан": "Kyrgyzstan",
    "Україна": "Ukraine",
    "الأردن": "Jordan",
    "Ελλάδα": "Greece",
    "ישראל": "Israel",
    "پاکستان": "Pakistan",
    "Brésil": "Brazil",
}


def _kept(country: str) -> str:
    return KEPT.get(country, country)


# (what Excel wrote, the text, its code page, the code page named in the warning)
CODE_PAGE_FILES = {
    "Russian Excel (Windows-1251)": ("Кыргызстан", "cp1251", ";", "Windows-1251"),
    "Ukrainian Excel (Windows-1251)": ("Україна", "cp1251", ";", "Windows-1251"),
    "Arabic Excel (Windows-1256)": ("الأردن", "cp1256", ",", "Windows-1256"),
    "Greek Excel (Windows-1253)": ("Ελλάδα", "cp1253", ";", "Windows-1253"),
    "Hebrew Excel (Windows-1255)": ("ישראל", "cp1255", ",", "Windows-1255"),
    "Polish Excel (Windows-1250)": ("Łódź", "cp1250", ";", "Windows-1250"),
    "Excel for Mac (Mac Roman)": ("Côte d'Ivoire", "mac_roman", ",", "Mac Roman"),
    "Western Excel (Windows-1252)": ("Sénégal", "cp1252", ";", "Windows-1252"),
    "Latin-1": ("São Tomé and Príncipe", "latin-1", "\t", "Windows-1252"),
}


@pytest.mark.parametrize(("country", "encoding", "sep", "named"), CODE_PAGE_FILES.values())
def test_a_legacy_code_page_is_recognised_by_its_names(country, encoding, sep, named):
    data = _text(_long(country), sep).encode(encoding)
    result = read("legacy.csv", data)
    found = by_assessment(result)
    assert list(found) == [(_kept(country), 2023, None)]
    assert found[(_kept(country), 2023, None)] == {n: n % 5 for n in ALL}
    assert_problem(result, "warning", None, f"it was read as {named}")
    assert not errors(result)


def test_mac_csv_with_cr_line_ends_reads_every_row():
    data = _text(_long("Côte d'Ivoire") + _long("São Tomé and Príncipe", header=False), end="\r")
    found = by_assessment(read("mac.csv", data.encode("mac_roman")))
    assert set(found) == {("Côte d'Ivoire", 2023, None), ("São Tomé and Príncipe", 2023, None)}
    assert all(len(levels) == 21 for levels in found.values())


def test_two_exports_joined_keep_the_utf8_part_and_read_the_other_in_its_code_page():
    first = _text(_long("Côte d'Ivoire")).encode("utf-8")
    second = _text(_long("Sénégal", header=False)).encode("cp1252")
    result = read("joined.csv", first + second)
    assert set(by_assessment(result)) == {("Côte d'Ivoire", 2023, None), ("Sénégal", 2023, None)}
    assert_problem(result, "warning", None, "Lines 23 to 43 of the file are not UTF-8")
    assert_problem(result, "warning", None, "read as Windows-1252")


def test_a_name_the_encoding_leaves_in_doubt_is_refused_with_its_cell():
    # Turkish "ı" is Windows-1252's "ý": both read as letters, and the name is no known country.
    data = _text(_long("Kırgız Cumhuriyeti"), ";").encode("cp1254")
    result = read("tr.csv", data)
    assert by_assessment(result) == {}
    assert_problem(result, "error", "A2", "may be garbled")
    assert_problem(result, "error", "A2", "“Kırgız Cumhuriyeti”")
    assert_problem(result, "warning", None, "could not be told for sure")


def test_a_known_country_is_read_when_the_encoding_is_in_doubt():
    rows = _long("Türkiye") + _long("Kırgız Cumhuriyeti", header=False)
    result = read("tr.csv", _text(rows, ";").encode("cp1254"))
    assert list(by_assessment(result)) == [("Türkiye", 2023, None)]


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"Kenya,3\n", "Kenya,3\n"),
        ("\ufeffCôte d'Ivoire,3\n".encode(), "Côte d'Ivoire,3\n"),
        ("Россия;2\n".encode("cp1251"), "Россия;2\n"),
        ("€ 100 – 3 “x”\n".encode("cp1252"), "€ 100 – 3 “x”\n"),
        # Excel's "Unicode Text": UTF-16, its mark left out of the text
        ("Армения\t2,0\r\n".encode("utf-16"), "Армения\t2,0\r\n"),
        ("Ecuador\t3\r\n".encode("utf-16-be"), "Ecuador\t3\r\n"),
    ],
)
def test_decode_text(data, text):
    assert decode_text(data).text == text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_read_as_it_is_with_no_code_page_guessed(codec):
    decoded = decode_text("Country\tLevel\nՀայաստան\t2\r\nРоссия\t3\n".encode(codec))
    assert decoded.text == "Country\tLevel\nՀայաստան\t2\r\nРоссия\t3\n"
    assert (decoded.encoding, decoded.certain, decoded.fits) == (None, True, True)
    assert encoding_note(decoded) is None


def test_decoding_names_nothing_for_utf8():
    decoded = decode_text("Côte d'Ivoire".encode())
    assert decoded.encoding is None
    assert decoded.certain
    assert decoded.fits


def test_in_a_joined_file_only_names_on_the_legacy_lines_are_in_doubt():
    # The UTF-8 part's "Kırgız Cumhuriyeti" is certain; the Turkish code page's is not.
    first = _text(_long("Kırgız Cumhuriyeti")).encode("utf-8")
    second = _text(_long("Şanlıurfa Cumhuriyeti", 2024, header=False)).encode("cp1254")
    result = read("joined.csv", first + second)
    assert list(by_assessment(result)) == [("Kırgız Cumhuriyeti", 2023, None)]
    assert_problem(result, "error", "A23", "may be garbled")


def test_a_persian_letter_outside_windows_1252_is_not_refused_as_binary():
    data = _text(_long("پاکستان"), ";").encode("cp1256")
    assert list(by_assessment(read("ur.csv", data))) == [("Pakistan", 2023, None)]


# Excel's "CSV (MS-DOS)": code page 437 (US) or 850 (Western Europe); Türkiye's "ü" is byte
# 0x81, which Windows-1252 leaves undefined and Mac Roman reads "Å".
@pytest.mark.parametrize("encoding", ["cp437", "cp850"])
@pytest.mark.parametrize(
    "countries",
    [
        ["Türkiye"],
        ["Côte d'Ivoire"],
        ["Côte d'Ivoire", "Türkiye"],
        ["Curaçao", "Réunion"],
    ],
)
def test_excel_ms_dos_csv_reads_the_names_right(encoding, countries):
    rows = _long(countries[0]) + [r for c in countries[1:] for r in _long(c, header=False)]
    result = read("dos.csv", _text(rows).encode(encoding))
    found = by_assessment(result)
    assert list(found) == [(country, 2023, None) for country in countries]
    assert all(levels == {n: n % 5 for n in ALL} for levels in found.values())
    assert_problem(result, "warning", None, "it was read as DOS code page")
    assert not errors(result)


@pytest.mark.parametrize(
    ("country", "encoding"),
    [("São Tomé and Príncipe", "cp850"), ("Brésil", "cp437"), ("Brésil", "cp850")],
)
def test_dos_accents_are_not_read_as_windows_punctuation(country, encoding):
    # cp850's "ã" is Windows-1252's "Æ", and DOS "é" its low quote: "Br‚sil" is no word.
    result = read("dos.csv", _text(_long(country)).encode(encoding))
    assert list(by_assessment(result)) == [(_kept(country), 2023, None)]


@pytest.mark.parametrize(
    ("name", "encoding", "decoded_as", "other"),
    [
        # Mac Roman read right (its "ì" and "Å" are letters), DOS's reading is a country.
        ("Türkiye", "cp437", "mac_roman", "Türkiye"),
        ("Côte d'Ivoire", "cp437", "mac_roman", "Côte d'Ivoire"),
        ("Türkiye", "mac_roman", "cp437", "Türkiye"),
    ],
)
def test_a_name_another_code_page_reads_as_a_country_is_refused(name, encoding, decoded_as, other):
    garbled = name.encode(encoding).decode(decoded_as)
    assert garbled != name
    ctx = ReadContext("x.csv", FW, ReadLimits())
    ctx.decoded_text = DecodedText(f"{garbled},2023\n", decoded_as)
    sheet = Sheet(None, [(garbled, "2023")])
    draft = Draft(sheet=sheet, country=garbled)
    assert drop_doubtful_countries(ctx, [draft]) == []
    (problem,) = ctx.problems
    assert problem.severity == "error"
    assert problem.cell == "A1"
    assert f"“{garbled}” may be garbled" in problem.message
    assert f"could also read “{other}”" in problem.message


@pytest.mark.parametrize(
    ("country", "encoding"),
    [("Кыргызстан", "cp1251"), ("Łódź", "cp1250"), ("Ελλάδα", "cp1253")],
)
def test_a_name_no_other_code_page_reads_as_a_name_is_kept(country, encoding):
    result = read("legacy.csv", _text(_long(country), ";").encode(encoding))
    assert list(by_assessment(result)) == [(_kept(country), 2023, None)]
    assert not errors(result)


# Real names in the code pages people's programs write, and in UTF-16 ("Unicode Text"):
# (encoding, the names, what the warning names). Greek is no single-byte page of these.
REAL_NAMES = [
    ("cp1252", ["Côte d'Ivoire", "São Tomé and Príncipe", "Curaçao", "España"], "Windows-1252"),
    ("latin-1", ["Côte d'Ivoire", "São Tomé and Príncipe", "Curaçao", "Réunion"], "Windows-1252"),
    ("cp437", ["Türkiye", "Côte d'Ivoire", "Curaçao", "Österreich", "Perú"], "DOS code page 437"),
    ("cp850", ["Türkiye", "São Tomé and Príncipe", "Curaçao", "Haïti"], "DOS code page 850"),
    ("mac_roman", ["Türkiye", "Côte d'Ivoire", "São Tomé and Príncipe", "Curaçao"], "Mac Roman"),
    ("cp1254", ["Türkiye", "Kırgızistan", "Özbekistan", "Güney Afrika"], "Windows-1254"),
    ("cp1250", ["Česko", "Magyarország", "Słowacja"], "Windows-1250"),
    ("cp1251", ["Россия", "Україна", "Беларусь", "България"], "Windows-1251"),
    ("cp857", ["Türkiye", "Kırgızistan", "Mısır"], "DOS code page 857"),
    ("cp852", ["Česko", "Słowacja", "Węgry"], "DOS code page 852"),
    ("cp866", ["Россия", "Україна", "Казахстан"], "DOS code page 866"),
    ("utf-16", ["Türkiye", "Россия", "Ελλάδα", "Côte d'Ivoire", "Česko"], None),
]


def _filed_as(name: str) -> str:
    """The country ``name`` is filed under when the file is UTF-8 (a name in another language
    under its English name, "Україна" as "Ukraine"): a legacy code page must read the same."""
    (country, _, _), *_ = by_assessment(read("utf8.csv", _file([name], "utf-8")))
    return country


def _file(names: list[str], encoding: str, sep: str = ",") -> bytes:
    rows = _long(names[0]) + [r for name in names[1:] for r in _long(name, header=False)]
    return _text(rows, "\t" if encoding == "utf-16" else sep).encode(encoding)


@pytest.mark.parametrize(("encoding", "names", "named"), REAL_NAMES)
def test_real_names_are_read_as_written(encoding, names, named):
    result = read("names.csv", _file(names, encoding))
    found = by_assessment(result)
    assert list(found) == [(_filed_as(name), 2023, None) for name in names]
    assert all(levels == {n: n % 5 for n in ALL} for levels in found.values())
    assert not errors(result)
    if named is None:
        assert not [p for p in result.problems if "UTF-8" in p.message]
    else:
        assert_problem(result, "warning", None, f"it was read as {named}")
        assert_problem(result, "warning", None, f"which gives “{names[0]}”")


@pytest.mark.parametrize(
    ("encoding", "name"),
    [(encoding, name) for encoding, names, _ in REAL_NAMES for name in names],
)
def test_each_real_name_alone_is_read_as_written(encoding, name):
    # One name, repeated on each row: the least a file can say about its code page.
    result = read("one.csv", _file([name], encoding, ";"))
    assert list(by_assessment(result)) == [(_filed_as(name), 2023, None)]
    assert not errors(result)


# Excel's "CSV (MS-DOS)" read as Mac Roman gave "TÅrkiye", "SÆo Tom‚", "Moáambique", with only
# the file's warning: the letters of the names the reader knows tell the code page.
DOS_NAMES = [
    ("Türkiye", "Türkiye"),
    ("São Tomé", "São Tomé"),
    ("Moçambique", "Mozambique"),  # Portuguese: filed under the English name
    ("Österreich", "Austria"),  # German: filed under the English name
    ("Haïti", "Haïti"),
    ("Perú", "Perú"),
    ("Colômbia", "Colômbia"),
]


@pytest.mark.parametrize(
    ("encoding", "name", "read_as"),
    [
        (encoding, name, read_as)
        for encoding in ("cp437", "cp850")
        for name, read_as in DOS_NAMES
        if name.encode(encoding, errors="replace").decode(encoding) == name  # 437 has no "ã"
    ],
)
def test_dos_names_are_not_read_as_mac_roman(encoding, name, read_as):
    result = read("dos.csv", _file([name], encoding))
    assert list(by_assessment(result)) == [(read_as, 2023, None)]
    assert_problem(result, "warning", None, "it was read as DOS code page")
    assert not errors(result)


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("España", "cp1252"),  # Windows-1250 reads "Espańa", no country
        ("Norvège", "cp437"),  # Mac Roman reads "Norväge"
        ("Grécia", "cp1252"),  # Mac Roman reads Catalan "Grècia": Greece as well
        ("Irã", "cp1252"),  # Windows-1250 reads "Iră"
    ],
)
def test_a_country_s_name_in_the_file_s_language_is_not_in_doubt(name, encoding):
    result = read("own.csv", _file([name], encoding))
    assert len(by_assessment(result)) == 1
    assert not errors(result)


def test_a_name_that_stays_in_doubt_is_refused_with_the_names_as_read_and_the_fix():
    # A made-up name whose one letter is a letter in several code pages, and nothing else to go by.
    result = read("doubt.csv", _file(["Arvenıa"], "cp1254"))
    assert by_assessment(result) == {}
    (error,) = [p for p in errors(result) if p.cell is not None]
    assert error.cell == "A2"
    assert "may be garbled" in error.message
    assert "CSV UTF-8" in error.fix
    (note,) = [p for p in result.problems if p.severity == "warning"]
    assert "could not be told for sure" in note.message
    decoded = decode_text(_file(["Arvenıa"], "cp1254"))
    as_read = "Arvenıa".encode("cp1254").decode(decoded.encoding)
    assert f"which gives “{as_read}”" in note.message
    assert "would give “" in note.message
    assert "CSV UTF-8" in note.fix


@pytest.mark.parametrize(
    ("text", "encoding", "note"),
    [
        (
            "Côte d'Ivoire,3\n",
            "cp1252",
            "Windows-1252 (Western European), which gives “Côte d'Ivoire”.",
        ),
        (
            "São Tomé,1\nTürkiye,2\nSão Tomé,3\n",
            "cp850",
            "which gives “São Tomé” and “Türkiye”.",
        ),
        (
            "Kenya,Évaluation nationale menée par le comité interministériel\n",
            "cp1252",
            "which gives “Évaluation nationale menée par le comit…”.",
        ),
    ],
)
def test_the_note_quotes_the_names_as_read(text, encoding, note):
    assert note in encoding_note(decode_text(text.encode(encoding)))


def test_a_joined_file_s_note_quotes_its_legacy_lines():
    data = "Kenya,1\nCôte d'Ivoire,2\n".encode() + "Sénégal,3\n".encode("cp1252")
    assert "read as Windows-1252 (Western European), which gives “Sénégal”" in encoding_note(
        decode_text(data)
    )
