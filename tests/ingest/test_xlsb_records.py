"""The records of an .xlsb are walked as [MS-XLSB] writes them, never past what a part holds,
and the file guard's check of its index counts its sheets (``xlsb_records``)."""

from __future__ import annotations

import io
import zipfile

import pytest

from components.ingest.limits import ReadLimits
from components.ingest.refusals import FileRejected
from components.ingest.xlsb_records import XlsbDamagedError, check_xlsb, records, sheet_entries
from tests.ingest.xlsb_support import BSheet, record, wide, xlsb

# (case, part, the records found as (type, body))
WALKS = [
    ("one-byte type, empty body", record(0x01), [(0x01, b"")]),
    ("two-byte type", record(0x269, b"\x04\x00\x00\x00"), [(0x269, b"\x04\x00\x00\x00")]),
    ("length over two bytes", record(0x06, b"x" * 300), [(0x06, b"x" * 300)]),
    ("length over three bytes", record(0x06, b"y" * 20_000), [(0x06, b"y" * 20_000)]),
    ("records one after another", record(0x81) + record(0x00, b"ab"), [(0x81, b""), (0, b"ab")]),
]


@pytest.mark.parametrize(("part", "found"), [c[1:] for c in WALKS], ids=[c[0] for c in WALKS])
def test_records_are_walked_as_written(part, found):
    assert [(kind, part[start:end]) for kind, start, end in records(part)] == found


# (case, part that does not read)
BROKEN = [
    ("a type cut in two", b"\x81"),
    ("no length", b"\x06"),
    ("a length cut short", b"\x06\x80"),
    ("a body shorter than its length", b"\x06\x10abc"),
    ("a length of a billion", b"\x06\xff\xff\xff\x7f" + b"x" * 10),
]


@pytest.mark.parametrize("part", [c[1] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_a_record_claiming_more_than_there_is_is_damage(part):
    with pytest.raises(XlsbDamagedError):
        list(records(part))


def test_the_index_names_its_sheets_with_their_state():
    index = record(0x83) + record(0x8F)
    for state, relation, name in [(0, "rId1", "Kenya"), (1, "rId2", "Helper"), (2, "rId3", "Old")]:
        index += record(0x9C, bytes([state, 0, 0, 0, 1, 0, 0, 0]) + wide(relation) + wide(name))
    index += record(0x90) + record(0x84)
    assert sheet_entries(index) == [(0, "rId1", "Kenya"), (1, "rId2", "Helper"), (2, "rId3", "Old")]


def test_a_sheet_name_longer_than_its_record_is_damage():
    body = b"\x00" * 8 + wide("rId1") + b"\xff\x00\x00\x00ab"
    with pytest.raises(XlsbDamagedError):
        sheet_entries(record(0x9C, body))


def _archive(data: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(data))


# (case, sheets, limits, the refusal's kind or None)
CHECKS = [
    ("one sheet", 1, ReadLimits(), None),
    ("as many sheets as the limit", 3, ReadLimits(max_sheets=3), None),
    ("one sheet too many", 4, ReadLimits(max_sheets=3), "too_many_sheets"),
]


@pytest.mark.parametrize(
    ("count", "limits", "refused"), [c[1:] for c in CHECKS], ids=[c[0] for c in CHECKS]
)
def test_the_guard_counts_the_sheets(count, limits, refused):
    data = xlsb([BSheet(f"S{n}", [["Kenya", n]]) for n in range(count)])
    if refused is None:
        check_xlsb(_archive(data), limits)
        return
    with pytest.raises(FileRejected) as caught:
        check_xlsb(_archive(data), limits)
    assert caught.value.kind == refused
    assert f"{count} sheets" in caught.value.message


def test_an_index_without_sheets_is_refused_as_holding_nothing():
    with pytest.raises(FileRejected) as caught:
        check_xlsb(_archive(xlsb([])), ReadLimits())
    assert caught.value.kind == "no_sheets"
    assert "no sheets" in caught.value.message
