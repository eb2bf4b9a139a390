"""The whole library as a workbook the reader reads back, and that workbook imported elsewhere."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook

from components.exports.safe_text import FORMULA_TRIGGERS, restore_neutralised_text
from components.framework.model import default_framework
from components.ingest.reader import read_assessment_file
from components.library.access import sqlite_url
from components.library.database import create_library_engine
from components.library.store import (
    list_assessments,
    open_assessments,
    rename_assessment,
    save_assessments,
)
from components.library.transfer import export_workbook, import_workbook
from components.library.visibility import EDITOR
from tests.library_support import COMPARED, coded, first_changed, sorted_rows


def test_export_is_a_workbook_the_reader_reads_back(engine, demo):
    framework = default_framework()
    capabilities = demo.capabilities.copy()
    capabilities.loc[0, "evidence"] = "=HYPERLINK('http://example.invalid')"
    save_assessments(engine, capabilities, demo.enablers)
    save_assessments(engine, *first_changed(demo), as_new_version=True)

    result = read_assessment_file("library.xlsx", export_workbook(engine, viewer=EDITOR), framework)
    assert result.problems == ()
    assert result.capabilities["assessment_id"].nunique() == 21  # 20, and a second version
    assert set(result.capabilities["source"].str.split(" › ").str[1]) == {"Library", "Library v2"}
    version_1 = result.capabilities[result.capabilities["source"] == "library.xlsx › Library"]
    # Formula-like text has the apostrophe every export gives it (README, "Exports").
    assert "'=HYPERLINK('http://example.invalid')" in set(version_1["evidence"].dropna())
    pd.testing.assert_frame_equal(
        sorted_rows(restore_neutralised_text(version_1), COMPARED, "capability"),
        sorted_rows(capabilities, COMPARED, "capability"),
    )


def test_no_cell_of_the_export_can_run_as_a_formula(engine, demo):
    capabilities = demo.capabilities.copy()
    hostile = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", "- a bullet"]
    for index, text in enumerate(hostile):
        capabilities.loc[index, "evidence"] = text
    capabilities.loc[capabilities["country"] == capabilities["country"].iloc[0], "round"] = "=R"
    save_assessments(engine, capabilities, demo.enablers)
    workbook = load_workbook(io.BytesIO(export_workbook(engine, viewer=EDITOR)))
    texts = [
        cell.value
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    ]
    assert not [text for text in texts if text.startswith(FORMULA_TRIGGERS)]
    assert "'=1+1" in texts
    assert "'=R" in texts


def test_formula_like_text_survives_a_move_to_another_library(engine, tmp_path, demo):
    framework = default_framework()
    capabilities = demo.capabilities.copy()
    capabilities.loc[0, "evidence"] = "=HYPERLINK('http://example.invalid')"
    save_assessments(engine, capabilities, demo.enablers)
    exported = export_workbook(engine, viewer=EDITOR)
    # Into the same library: everything is there already, nothing new is made.
    again = import_workbook(engine, "library.xlsx", exported, framework)
    assert again.saved == 0
    other = create_library_engine(sqlite_url(tmp_path / "other.sqlite3"))
    moved = import_workbook(other, "library.xlsx", exported, framework)
    assert moved.saved == 20
    listing = list_assessments(other, viewer=EDITOR)
    opened, _ = open_assessments(other, listing["library_id"], viewer=EDITOR)
    evidence = set(opened["evidence"].dropna())
    assert "=HYPERLINK('http://example.invalid')" in evidence


def test_import_brings_back_versions_and_titles_once(engine, tmp_path, demo):
    framework = default_framework()
    save_assessments(engine, demo.capabilities, demo.enablers)
    save_assessments(engine, *first_changed(demo), as_new_version=True)
    rename_assessment(
        engine, int(list_assessments(engine, viewer=EDITOR)["library_id"][0]), "Renamed"
    )
    exported = export_workbook(engine, viewer=EDITOR)

    other = create_library_engine(sqlite_url(tmp_path / "other.sqlite3"))
    first = import_workbook(other, "library.xlsx", exported, framework)
    assert (first.saved, first.already_there) == (21, 0)
    original = list_assessments(engine, viewer=EDITOR).drop(
        columns=["library_id", "saved_at", "source"]
    )
    copied = list_assessments(other, viewer=EDITOR).drop(
        columns=["library_id", "saved_at", "source"]
    )
    pd.testing.assert_frame_equal(original, copied)

    second = import_workbook(other, "library.xlsx", exported, framework)
    assert (second.saved, second.already_there) == (0, 21)
    assert len(list_assessments(other, viewer=EDITOR)) == 21
    other.dispose()


def test_import_of_a_file_that_is_not_a_workbook_saves_nothing(engine):
    outcome = import_workbook(engine, "notes.xlsx", b"not a workbook", default_framework())
    assert outcome.outcomes == ()
    assert any(p.severity == "error" for p in outcome.read.problems)
    assert not Path(engine.url.database).exists()


def test_a_country_saved_under_its_old_name_moves_with_its_versions_and_titles(engine, tmp_path):
    # Viet Nam saved under the ISO list's name, then as "Vietnam": one assessment, two
    # versions. The export writes each as saved; the reader reads "Viet Nam" as Vietnam.
    save_assessments(engine, *coded("Viet Nam", 2024, 1, None))
    save_assessments(engine, *coded("Vietnam", 2024, 2, "VNM"), as_new_version=True)
    listing = list_assessments(engine, viewer=EDITOR)
    rename_assessment(engine, int(listing["library_id"][0]), "Hanoi workshop")
    exported = export_workbook(engine, viewer=EDITOR)

    other = create_library_engine(sqlite_url(tmp_path / "other.sqlite3"))
    first = import_workbook(other, "library.xlsx", exported, default_framework())
    assert (first.saved, first.already_there) == (2, 0)
    copied = list_assessments(other, viewer=EDITOR)
    assert list(copied["title"]) == ["Hanoi workshop", "Vietnam 2024"]
    assert list(copied["version"]) == [1, 2]
    assert list(copied["versions"]) == [2, 2]
    assert set(copied["country"]) == {"Vietnam"}
    second = import_workbook(other, "library.xlsx", exported, default_framework())
    assert (second.saved, second.already_there) == (0, 2)
    other.dispose()
