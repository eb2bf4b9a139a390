"""A workshop's exports: the votes without names (xlsx, csv), and the agreement per capability
in the PDF brief and the deck."""

from __future__ import annotations

import datetime
import io

import openpyxl
import pandas as pd
import pytest
from pptx import Presentation
from pypdf import PdfReader

from components.exports.agreement_pages import AGREEMENT_TITLE
from components.exports.decks import country_deck_pptx
from components.exports.pdf import country_brief_pdf
from components.exports.workshop import names_csv, votes_csv, votes_workbook_xlsx
from components.framework.palette import level_colours
from components.scoring.agreement import summary_table
from tests.exports.samples import FRAMEWORK, SCRIPT
from tests.factories import capability_rows, enabler_rows

VOTES = pd.DataFrame(
    {
        "capability": [7, 7, 7, 7, 1],
        "participant": [1, 2, 3, 4, 2],
        "level": pd.array([0, 4, 4, pd.NA, 2], dtype="Int64"),
        "comment": ['=HYPERLINK("http://x")', None, SCRIPT, "@risk", None],
    }
)
DECISIONS = pd.DataFrame(
    {
        "capability": [7, 1, 12],
        "position": [0, 1, 2],
        "decided": [True, True, False],
        "agreed_level": pd.array([3, pd.NA, pd.NA], dtype="Int64"),
        "note": ["after a long talk", None, None],
    }
)
SUMMARY = summary_table(VOTES, DECISIONS, FRAMEWORK)


def _assessment() -> tuple[pd.DataFrame, pd.DataFrame]:
    capabilities = capability_rows("ws-1", "Zembla", 2024, {7: 3}, round_label="workshop")
    return capabilities, enabler_rows("ws-1", "Zembla", 2024)


def test_the_votes_workbook_has_no_names_and_runs_no_formula():
    book = openpyxl.load_workbook(
        io.BytesIO(votes_workbook_xlsx(VOTES, SUMMARY, FRAMEWORK, "Zembla 2024"))
    )
    assert book.sheetnames == ["README", "Votes", "Agreement"]
    votes = list(book["Votes"].values)
    assert votes[0] == (
        "Capability no",
        "Capability",
        "Participant",
        "Level",
        "Level label",
        "Comment",
    )
    rows = votes[1:]
    assert [row[2] for row in rows] == [f"Participant {n}" for n in (1, 2, 3, 4, 2)]
    assert rows[0][5] == '\'=HYPERLINK("http://x")'
    assert rows[3][3] is None  # "don't know": no level, never 0
    assert rows[3][4] == "Don't know"
    assert rows[3][5] == "'@risk"
    assert rows[2][5] == SCRIPT
    agreement = {row[0]: row for row in list(book["Agreement"].values)[1:]}
    header = next(book["Agreement"].values)
    seven = dict(zip(header, agreement[7], strict=True))
    assert seven["Votes"] == 4
    assert seven["Don't know"] == 1
    assert seven["Votes per level"] == "0: 1 · 1: 0 · 2: 0 · 3: 0 · 4: 2"
    assert seven["Median"] == 4
    assert seven["Disagreement"] == "yes"
    assert seven["Agreed level"] == "3 · Established"
    assert dict(zip(header, agreement[1], strict=True))["Agreed level"] == "Not assessed"
    assert dict(zip(header, agreement[12], strict=True))["Agreed level"] == "Not decided"
    assert "names are not in this file" in " ".join(str(r[0]) for r in book["README"].values)


def test_the_votes_csv_reads_back_without_names():
    frame = pd.read_csv(io.BytesIO(votes_csv(VOTES, FRAMEWORK)), encoding="utf-8-sig")
    assert list(frame["Participant"]) == [f"Participant {n}" for n in (1, 2, 3, 4, 2)]
    assert frame["Comment"][0].startswith("'=")
    assert pd.isna(frame["Level"][3])


def test_the_names_list_has_names_only_and_runs_no_formula():
    frame = pd.read_csv(
        io.BytesIO(names_csv(["Ministry of Justice", "=cmd"])), encoding="utf-8-sig"
    )
    assert list(frame.columns) == ["Name or organisation"]
    assert list(frame["Name or organisation"]) == ["Ministry of Justice", "'=cmd"]


def test_the_deck_gains_a_slide_on_agreement():
    capabilities, enablers = _assessment()
    plain = Presentation(
        io.BytesIO(
            country_deck_pptx(capabilities, enablers, FRAMEWORK, "ws-1", {}, fictional=False)
        )
    )
    deck = Presentation(
        io.BytesIO(
            country_deck_pptx(
                capabilities, enablers, FRAMEWORK, "ws-1", {}, fictional=False, agreement=SUMMARY
            )
        )
    )
    assert len(deck.slides) == len(plain.slides) + 1
    slide = deck.slides[len(deck.slides) - 1]
    assert slide.shapes.title.text == AGREEMENT_TITLE
    (table,) = [shape.table for shape in slide.shapes if shape.has_table]
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells[0] == [
        "Capability",
        "Votes",
        "Median",
        "Middle half",
        "Agreement",
        "Agreed level",
    ]
    assert cells[1] == [
        "7 · Access to Image Databases",
        "4 (1 don't know)",
        "4",
        "0–4",
        "Disagreement",
        "3 · Established",
    ]
    assert cells[2][-1] == "Not assessed"
    assert cells[3][1:] == ["0", "–", "–", "–", "Not decided"]
    agreed = table.cell(1, 5).fill.fore_color.rgb
    assert f"#{agreed}" == level_colours(FRAMEWORK.scale)[3]
    caption = " ".join(s.text_frame.text for s in slide.shapes if s.name == "Caption")
    assert "disagreed on 1" in caption


@pytest.fixture(scope="module")
def brief(chromium):
    capabilities, enablers = _assessment()
    return country_brief_pdf(
        capabilities,
        enablers,
        FRAMEWORK,
        "ws-1",
        {},
        fictional=False,
        generated_on=datetime.date(2025, 3, 12),
        agreement=SUMMARY,
    )


def test_the_brief_gains_a_page_on_agreement(brief):
    # Words as a reader reads them, whatever line a narrow column broke them onto.
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(brief)).pages]
    assert f"{AGREEMENT_TITLE}: how the workshop voted" in pages[0]
    (page,) = [text for text in pages if f" {AGREEMENT_TITLE} The workshop voted" in text]
    for words in (
        "7 · Access to Image Databases",
        "Disagreement",
        "3 · Established",
        "Not decided",
        "4 (1 don't know)",
    ):
        assert words in page, words
    # The method note still comes last.
    assert "How the numbers are worked out" in pages[-1]
