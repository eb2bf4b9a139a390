"""Zip part names as other writers store them (components/ingest/zip_names.py): backslashes
(.NET's ZipFile.CreateFromDirectory) or another letter case than the package's references are
read as Excel reads them; names that collide once normalised are a damaged file; the guard's
limits hold before anything is unpacked; other files are given back untouched."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import pytest

from components.ingest.limits import ReadLimits
from components.ingest.mapping import preview_sheets
from components.ingest.refusals import FileRejected
from components.ingest.zip_names import normalised_package
from tests.ingest.reader_support import (
    FW,
    SAMPLE_LEVELS,
    TITLES,
    by_assessment,
    edit_template,
    errors,
    read,
    xlsx,
)

LIMITS = ReadLimits()
LONG = [["Country", "Year", "Capability", "Level"]] + [
    ["Kenya", 2024, TITLES[n], n % 5] for n in range(1, 22)
]


def renamed(
    data: bytes, rename: Callable[[str], str], extra: dict[str, bytes] | None = None
) -> bytes:
    """The package with each part stored under ``rename(its name)`` (and ``extra`` parts)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            copy.writestr(rename(info.filename), source.read(info))
        for name, part in (extra or {}).items():
            copy.writestr(name, part)
    return buffer.getvalue()


def backslashes(name: str) -> str:
    return name.replace("/", "\\")


def capitals(name: str) -> str:
    """ "XL/Worksheets/Sheet1.xml": every folder and file capitalised, as some generators do."""
    if name == "[Content_Types].xml":
        return name
    return "/".join(part[:1].upper() + part[1:] for part in name.split("/"))


def upper(name: str) -> str:
    return name.upper()


def both(name: str) -> str:
    return backslashes(capitals(name))


RENAMES = [backslashes, capitals, upper, both, lambda n: "/" + n]


@pytest.mark.parametrize(
    "rename", RENAMES, ids=["backslashes", "capitals", "upper", "both", "root"]
)
def test_a_long_table_with_its_parts_named_otherwise_is_read(rename) -> None:
    result = read("k.xlsx", renamed(xlsx({"Data": LONG}), rename))
    assert by_assessment(result) == {("Kenya", 2024, None): {n: n % 5 for n in range(1, 22)}}
    assert not errors(result)


@pytest.mark.parametrize("rename", RENAMES[:4], ids=["backslashes", "capitals", "upper", "both"])
def test_the_template_with_its_parts_named_otherwise_is_read_whole(rename) -> None:
    data, _ = edit_template(lambda sheet: None)
    result = read("t.xlsx", renamed(data, rename))
    [levels] = by_assessment(result).values()
    assert levels == {n: v for n, v in SAMPLE_LEVELS.items() if v is not None}
    assert len(result.enablers.dropna(subset=["level"])) == 3  # its Enablers sheet too


def test_the_parts_take_the_names_their_references_use() -> None:
    data = renamed(xlsx({"Data": LONG}), both)
    names = zipfile.ZipFile(io.BytesIO(normalised_package(data, LIMITS))).namelist()
    assert "xl/worksheets/sheet1.xml" in names
    assert "xl/_rels/workbook.xml.rels" in names
    assert "[Content_Types].xml" in names
    assert not [n for n in names if "\\" in n]


def test_the_fix_step_sees_such_a_files_sheets() -> None:
    previews = preview_sheets("k.xlsx", renamed(xlsx({"Data": LONG}), backslashes), FW)
    assert [p.name for p in previews] == ["Data"]


@pytest.mark.parametrize(
    "data",
    [
        xlsx({"Data": LONG}),  # as Excel and openpyxl write it
        b"Country,Year\nKenya,2024\n",  # no zip
        b"PK\x03\x04 not really a zip",  # the guard says it is damaged
    ],
    ids=["xlsx", "csv", "broken zip"],
)
def test_other_files_are_given_back_as_they_are(data) -> None:
    assert normalised_package(data, LIMITS) is data


def test_two_parts_that_become_one_name_are_a_damaged_file() -> None:
    data = xlsx({"Data": LONG})
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    clash = renamed(data, backslashes, {"XL/Worksheets/Sheet1.xml": sheet})
    with pytest.raises(FileRejected) as refused:
        normalised_package(clash, LIMITS)
    assert refused.value.kind == "damaged"
    result = read("k.xlsx", clash)
    assert by_assessment(result) == {}
    assert "damaged" in errors(result)[0].message


@pytest.mark.parametrize(
    ("limits", "kind"),
    [
        (ReadLimits(max_uncompressed_bytes=2_000), "too_big_unpacked"),
        (ReadLimits(max_zip_entries=5), "too_many_parts"),
    ],
)
def test_the_guards_limits_hold_before_anything_is_unpacked(limits, kind) -> None:
    with pytest.raises(FileRejected) as refused:
        normalised_package(renamed(xlsx({"Data": LONG}), backslashes), limits)
    assert refused.value.kind == kind
