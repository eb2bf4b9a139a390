"""A table's level column is mended in one pass before it is read: merged cells, letters OCR
wrote for digits and labels beside it, each said."""

from __future__ import annotations

import io

from openpyxl import Workbook

from tests.ingest.reader_support import LABELS, TITLES, by_assessment, errors, read

LEVELS = {n: (n * 2) % 5 for n in range(1, 22)} | {2: 3, 3: 3}


def test_merged_cells_ocr_letters_and_labels_are_seen_to_in_one_column():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Country", "Kenya"])
    sheet.append(["Year", 2023])
    sheet.append(["No.", "Capability", "Level", "Label"])
    for n, level in LEVELS.items():
        written = "O" if level == 0 else level  # a scan's letter O for every 0
        sheet.append([n, TITLES[n], None if n == 3 else written, LABELS[level]])
    sheet.merge_cells("C5:C6")  # capabilities 2 and 3 share one merged cell
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = read("kenya.xlsx", buffer.getvalue())
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}
    assert not errors(result)
    said = " ".join(p.message for p in result.problems)
    assert "are merged into one" in said
    assert "letters that OCR writes" in said
