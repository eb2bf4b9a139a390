"""Excel's "Unicode Text" (UTF-16, tab-separated): told apart from other bytes, and read."""

from __future__ import annotations

import csv
import hashlib
import io

import pytest

from components.ingest.file_guard import check_upload
from components.ingest.refusals import FileRejected
from components.ingest.unicode_text import utf16_codec, utf16_text
from tests.ingest.reader_support import TITLES, by_assessment, errors, read

ALL = range(1, 22)
LEVELS = {n: (None if n == 14 else n % 5) for n in ALL}


def _text(rows: list[list[object]], sep: str = "\t") -> str:
    # Excel's "Unicode Text" ends its lines with CR LF and separates cells with tabs.
    out = io.StringIO()
    csv.writer(out, delimiter=sep, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def _long(country: str, titles: dict[int, str], header: list[str], comma: bool = True) -> str:
    rows: list[list[object]] = [header]
    for n in ALL:
        level = LEVELS[n]
        shown = "" if level is None else (f"{level},0" if comma else level)
        rows.append([country, 2024, titles[n], shown])
    return _text(rows)


ENGLISH = ["Country", "Year", "Capability", "Level"]
SPANISH = ["País", "Año", "Capacidad", "Nivel"]

# (what was saved, its text): tables of several scripts, as Excel's "Unicode Text" holds them
TEXTS = {
    "Spanish headers, decimal commas": _long("Ecuador", TITLES, SPANISH),
    "English, whole numbers": _long("Kenya", TITLES, ENGLISH, comma=False),
    "Armenian country name": _long("Հայաստան", TITLES, ENGLISH),
    "Russian country name": _long("Армения", TITLES, ENGLISH),
    "Thai country name": _long("ประเทศไทย", TITLES, ENGLISH),
}

# (how it was encoded, the codec the bytes should be told to be in)
ENCODINGS = {
    "little-endian with its mark (Excel)": (lambda t: b"\xff\xfe" + t.encode("utf-16-le"), "le"),
    "big-endian with its mark": (lambda t: b"\xfe\xff" + t.encode("utf-16-be"), "be"),
    "little-endian, no mark": (lambda t: t.encode("utf-16-le"), "le"),
    "big-endian, no mark": (lambda t: t.encode("utf-16-be"), "be"),
}


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
@pytest.mark.parametrize(("encode", "order"), ENCODINGS.values(), ids=ENCODINGS.keys())
def test_utf16_text_is_told_by_its_mark_or_its_bytes(text, encode, order):
    data = encode(text)
    codec = utf16_codec(data)
    assert codec == f"utf-16-{order}"
    assert utf16_text(data, codec) == text


def _random_bytes(size: int, seed: int) -> bytes:
    """Bytes that look random (a hash chain), the same on every run."""
    out, block = b"", str(seed).encode()
    while len(out) < size:
        block = hashlib.sha256(block).digest()
        out += block
    return out[:size]


# Bytes that are no UTF-16 text: None, so the guard goes on as before.
NOT_UTF16 = {
    "UTF-8": _long("Հայաստան", TITLES, ENGLISH).encode("utf-8"),
    "UTF-8 with its mark": b"\xef\xbb\xbf" + _long("Ecuador", TITLES, SPANISH).encode("utf-8"),
    "Windows-1251": _long("Армения", TITLES, ENGLISH).encode("cp1251"),
    "Windows-1252": _long("Perú", TITLES, SPANISH).encode("cp1252"),
    "one NUL in a csv": b"a,b\n1,\x002\n",
    "random binary": _random_bytes(4096, 7),
    "NULs on both sides": b"\x00\x01\x00\x02" * 500,
    "NULs on one side, control characters": bytes([7, 0, 3, 0, 1, 0]) * 400,
    "two bytes": b"\x00a",
    "empty": b"",
}


@pytest.mark.parametrize("data", NOT_UTF16.values(), ids=NOT_UTF16.keys())
def test_other_bytes_are_not_taken_for_utf16(data):
    assert utf16_codec(data) is None


@pytest.mark.parametrize(
    ("data", "codec"),
    [
        (b"\xff\xfe" + "Kenya\t2\r\n".encode("utf-16-le") + b"K", "utf-16-le"),  # cut short
        (b"\xff\xfe" + "Kenya\t".encode("utf-16-le") + b"\x00\xd8" + b"a\x00", "utf-16-le"),
    ],
    ids=["ends inside a character", "a lone surrogate"],
)
def test_damaged_utf16_gives_no_text(data, codec):
    assert utf16_text(data, codec) is None


@pytest.mark.parametrize("name", ["texto_unicode.txt", "export.csv", "export.tsv", "export"])
@pytest.mark.parametrize(("encode", "_order"), ENCODINGS.values(), ids=ENCODINGS.keys())
def test_the_guard_lets_unicode_text_through_under_any_name(name, encode, _order):
    assert check_upload(name, encode(TEXTS["Thai country name"])) == "csv"


def test_the_guard_refuses_unicode_text_cut_in_the_middle_of_a_character():
    data = b"\xff\xfe" + TEXTS["Spanish headers, decimal commas"].encode("utf-16-le")[:-1]
    with pytest.raises(FileRejected) as caught:
        check_upload("texto.txt", data)
    assert caught.value.kind == "damaged"
    assert "Unicode Text" in caught.value.message
    assert "CSV UTF-8" in caught.value.fix


# (what the file holds, its bytes, the assessment expected)
READS = {
    "Ecuador, Excel's Texto Unicode": (
        b"\xff\xfe" + TEXTS["Spanish headers, decimal commas"].encode("utf-16-le"),
        ("Ecuador", 2024, None),
    ),
    "Kenya, big-endian without a mark": (
        TEXTS["English, whole numbers"].encode("utf-16-be"),
        ("Kenya", 2024, None),
    ),
    "Armenia in Armenian letters": (
        b"\xff\xfe" + TEXTS["Armenian country name"].encode("utf-16-le"),
        ("Armenia", 2024, None),  # filed under its English name
    ),
    "Thailand in Thai letters, no mark": (
        TEXTS["Thai country name"].encode("utf-16-le"),
        ("Thailand", 2024, None),  # "ประเทศไทย", filed under its English name
    ),
}


@pytest.mark.parametrize(("data", "key"), READS.values(), ids=READS.keys())
def test_unicode_text_is_read_as_a_tab_separated_table(data, key):
    result = read("export.txt", data)
    found = by_assessment(result)
    assert list(found) == [key]
    assert found[key] == {n: level for n, level in LEVELS.items() if level is not None}
    assert not errors(result)
    # UTF-16 holds every letter: nothing was guessed about the encoding, so nothing is said.
    assert not any("UTF-8" in p.message or "encoding" in p.message for p in result.problems)


# --------------------------------------------------------------------------------------------
# UTF-32: what a script's encoding="utf-32" writes (its mark first), and some database exports

# (how it was encoded, the codec the bytes should be told to be in)
WIDE_ENCODINGS = {
    "little-endian with its mark (Python, R)": (lambda t: t.encode("utf-32"), "utf-32-le"),
    "big-endian with its mark": (
        lambda t: b"\x00\x00\xfe\xff" + t.encode("utf-32-be"),
        "utf-32-be",
    ),
    "little-endian, no mark": (lambda t: t.encode("utf-32-le"), "utf-32-le"),
    "big-endian, no mark": (lambda t: t.encode("utf-32-be"), "utf-32-be"),
}


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
@pytest.mark.parametrize(("encode", "codec"), WIDE_ENCODINGS.values(), ids=WIDE_ENCODINGS.keys())
def test_utf32_text_is_told_by_its_mark_or_its_bytes(text, encode, codec):
    data = encode(text)
    assert utf16_codec(data) == codec
    assert utf16_text(data, codec) == text


@pytest.mark.parametrize(("encode", "_codec"), WIDE_ENCODINGS.values(), ids=WIDE_ENCODINGS.keys())
@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_a_utf32_table_is_read(encode, _codec, sep):
    text = _long("Հայաստան", TITLES, ENGLISH, comma=False).replace("\t", sep)
    result = read("export.csv", encode(text))
    assert by_assessment(result) == {
        ("Armenia", 2024, None): {n: level for n, level in LEVELS.items() if level is not None}
    }
    assert not errors(result)


def test_the_guard_refuses_utf32_text_cut_in_the_middle_of_a_character():
    data = TEXTS["English, whole numbers"].encode("utf-32")[:-2]
    with pytest.raises(FileRejected) as caught:
        check_upload("export.csv", data)
    assert caught.value.kind == "damaged"
    assert "UTF-32" in caught.value.message
