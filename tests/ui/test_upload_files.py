"""Uploaded bytes: read once, let go, and a budget per session."""

from __future__ import annotations

import io

import pytest
from streamlit.runtime.uploaded_file_manager import DeletedFile

from components.framework.model import default_framework
from components.ingest.limits import MB, ReadLimits, SessionLimits, session_limits_from_env
from components.ingest.mapping import Mapping, label_key
from components.ui import upload_files
from components.ui.upload_files import (
    UploadBudget,
    files_in_box,
    forget_removed,
    read_uploads,
    release_read,
)

LIMITS = SessionLimits(max_files=3, max_bytes=10 * MB)


@pytest.mark.parametrize(
    ("files", "spent_bytes", "size", "refused"),
    [
        (0, 0, MB, None),
        (2, 9 * MB, MB, None),  # exactly at the byte limit is fine
        (3, 0, 1, "read 3 files"),
        (1, 9 * MB, MB + 1, "more than the 10 MB"),
    ],
)
def test_the_session_budget(files, spent_bytes, size, refused):
    problem = UploadBudget(files, spent_bytes).refusal(size, LIMITS)
    if refused is None:
        assert problem is None
    else:
        assert refused in problem.message
        assert "MNR_MAX_FILES_PER_SESSION" in problem.fix


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, SessionLimits()),
        ({"MNR_MAX_FILES_PER_SESSION": "5"}, SessionLimits(max_files=5)),
        ({"MNR_MAX_SESSION_UPLOAD_MB": "2.5"}, SessionLimits(max_bytes=int(2.5 * MB))),
        ({"MNR_MAX_FILES_PER_SESSION": "0", "MNR_MAX_SESSION_UPLOAD_MB": "lots"}, SessionLimits()),
    ],
)
def test_session_limits_from_the_environment(env, expected):
    assert session_limits_from_env(env) == expected


class Upload(io.BytesIO):
    """What the page gets from the uploader: bytes with an id, a name and a size."""

    def __init__(self, file_id: str, name: str, data: bytes) -> None:
        super().__init__(data)
        self.file_id, self.name, self.size = file_id, name, len(data)


@pytest.fixture
def kept(monkeypatch) -> dict:
    """This test's own session: its kept copies and its budget."""
    copies: dict = {}
    monkeypatch.setattr(upload_files, "_kept", lambda: copies)
    return copies


def test_files_are_read_once_then_emptied_and_over_budget_ones_not_read(monkeypatch, kept):
    budget = UploadBudget()
    monkeypatch.setattr(upload_files, "budget", lambda: budget)
    good = b"country,year,capability,level\nZembla,2024,1,2\n"
    files = [Upload(f"f{i}", f"file-{i}.csv", good) for i in range(4)]
    results: dict = {}
    read = read_uploads(
        files, results, default_framework(), ReadLimits(), SessionLimits(max_files=3)
    )
    assert read == 4
    assert [results[f"f{i}"].capabilities["assessment_id"].nunique() for i in range(3)] == [1] * 3
    assert "Not read" in results["f3"].problems[0].message
    assert all(file.getvalue() == b"" for file in files)  # nothing holds the bytes
    assert (budget.files, budget.bytes) == (3, 3 * len(good))
    # Read again (a rerun): nothing new is read.
    assert read_uploads(files, results, default_framework(), ReadLimits(), LIMITS) == 0


def test_every_object_over_read_bytes_is_emptied():
    widget_value = [Upload("a", "a.csv", b"x" * 10), DeletedFile("b"), Upload("c", "c.csv", b"y")]
    release_read([widget_value, None], {"a": object(), "b": object()})
    assert widget_value[0].getvalue() == b""
    assert widget_value[2].getvalue() == b"y"  # not read yet: kept


def test_the_box_lists_read_files_too():
    value = [Upload("a", "a.csv", b""), DeletedFile("b")]
    assert [f.file_id for f in files_in_box(value)] == ["a", "b"]
    assert files_in_box(None) == []


def test_a_file_the_reader_was_unsure_about_keeps_one_copy_for_the_mapping_step(monkeypatch, kept):
    budget = UploadBudget()
    monkeypatch.setattr(upload_files, "budget", lambda: budget)
    sure_data = b"country,year,capability,level\nZembla,2024,1,2\n"
    noise = b"\x00\x01 not a workbook" * 100
    unsure_data = (
        b"country,year,capability,level\nZembla,2024,1,2\nZembla,2024,Quarterly tea budget,3\n"
    )
    files = [
        Upload("sure", "sure.csv", sure_data),
        Upload("unsure", "unsure.csv", unsure_data),
        Upload("noise", "minutes.xlsx", noise),
    ]
    results: dict = {}
    read_uploads(files, results, default_framework(), ReadLimits(), LIMITS)
    assert results["unsure"].unmatched_labels == ("Quarterly tea budget",)
    assert not results["noise"].opened  # refused: no choice of rows could help, so not kept
    assert set(kept) == {"unsure"}
    assert kept["unsure"].data == unsure_data
    assert all(file.getvalue() == b"" for file in files)  # the upload manager's copies let go

    # The person maps the label: only the kept file is read again, with the mapping, and the
    # budget is not spent twice.
    del results["unsure"]
    mapping = Mapping((), {label_key("Quarterly tea budget"): 4})
    in_box = [DeletedFile("sure"), DeletedFile("unsure"), DeletedFile("noise")]
    assert (
        read_uploads(in_box, results, default_framework(), ReadLimits(), LIMITS, mapping=mapping)
        == 1
    )
    levels = results["unsure"].capabilities.set_index("capability")["level"]
    assert levels.dropna().to_dict() == {1: 2, 4: 3}  # the others: not assessed
    assert (budget.files, budget.bytes) == (3, len(sure_data) + len(unsure_data) + len(noise))

    forget_removed([DeletedFile("sure")])  # the person took the file out of the box
    assert kept == {}
