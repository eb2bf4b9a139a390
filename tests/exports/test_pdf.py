"""The PDF country brief: what a reader finds on its pages.

Each PDF is rendered once per module: its seven charts need one Chromium start (about 2 s).
"""

from __future__ import annotations

import datetime
import io

import pytest
from pypdf import PdfReader

from components.exports.brief import FICTIONAL_FOOTER
from components.exports.images import ExportError
from components.exports.pdf import country_brief_pdf
from components.ingest.labels import assessment_labels
from tests.exports.samples import FRAMEWORK, SCRIPT

GENERATED_ON = datetime.date(2025, 3, 12)


def _pdf_text(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(scope="module")
def demo_pdf(chromium, demo, demo_labels, demo_id):
    return country_brief_pdf(
        demo.capabilities,
        demo.enablers,
        FRAMEWORK,
        demo_id,
        demo_labels,
        fictional=True,
        generated_on=GENERATED_ON,
    )


@pytest.fixture(scope="module")
def hostile_pdf(chromium, hostile):
    capabilities, enablers = hostile
    return country_brief_pdf(
        capabilities,
        enablers,
        FRAMEWORK,
        "hostile-1",
        {"hostile-1": "Testland & <Co> 2022"},
        fictional=False,
        generated_on=GENERATED_ON,
    )


def test_brief_cover_says_what_it_is_and_what_it_rests_on(demo_pdf):
    pages = _pdf_text(demo_pdf)
    assert 8 <= len(pages) <= 12
    cover = pages[0]
    for text in (
        "MNR country brief",
        "Arvenia 2019 (Baseline)",
        "12 March 2025",
        "19 of 21 capabilities assessed",
        "Fictional data.",
    ):
        assert text in cover


def test_brief_has_every_section_and_domain(demo_pdf):
    text = "\n".join(_pdf_text(demo_pdf))
    for heading in (
        "Domain profile",
        "Capabilities by domain",
        "Capability table",
        "Cross-cutting enablers",
        "Strengths and gaps",
        "How the numbers are worked out",
    ):
        assert heading in text
    for domain in FRAMEWORK.domains:
        assert domain.name in text
    # The method note arrives as plain text, not Markdown.
    assert "**" not in text
    assert "Domain score." in text


def test_brief_marks_every_page_fictional_and_numbers_it(demo_pdf):
    pages = _pdf_text(demo_pdf)
    for number, page in enumerate(pages, start=1):
        assert FICTIONAL_FOOTER in page
        assert f"Page {number} of {len(pages)}" in page


def test_brief_shows_charts_as_images(demo_pdf):
    reader = PdfReader(io.BytesIO(demo_pdf))
    assert len(reader.pages[1].images) == 1  # the domain radar
    assert sum(len(page.images) for page in reader.pages) == 1 + len(FRAMEWORK.domains)
    assert reader.metadata.title == "MNR country brief: Arvenia 2019 (Baseline)"


def test_brief_shows_missing_as_not_assessed_and_keeps_evidence(demo, demo_pdf, demo_id):
    text = "\n".join(_pdf_text(demo_pdf))
    assert "Not assessed" in text
    assert "2 of 21 capabilities were not assessed: 7 · Access to Image Databases" in text
    rows = demo.capabilities[demo.capabilities["assessment_id"] == demo_id]
    evidence = rows["evidence"].dropna().iloc[0]
    assert evidence in " ".join(text.split())


def test_brief_without_fictional_data_never_says_fictional(hostile_pdf):
    pages = _pdf_text(hostile_pdf)
    assert all("fictional" not in page.casefold() for page in pages)
    assert "Testland & <Co> 2022" in pages[0]
    assert "18 of 21 capabilities assessed" in pages[0]


def test_brief_prints_user_markup_as_text(hostile_pdf):
    text = "\n".join(_pdf_text(hostile_pdf))
    assert SCRIPT in text
    assert "<b>bold</b>" in text  # shown, not applied
    assert "Plain evidence that must appear" in text
    assert "shortened here" in text  # the 5,000-character evidence is cut, not a broken page
    assert "Line one" in text
    assert "Line two" in text


def test_brief_needs_a_known_assessment(demo, demo_labels):
    with pytest.raises(KeyError):
        country_brief_pdf(
            demo.capabilities,
            demo.enablers,
            FRAMEWORK,
            "no-such-id",
            demo_labels,
            fictional=True,
            generated_on=GENERATED_ON,
        )


def test_brief_without_chromium_says_so_in_plain_words(monkeypatch, hostile):
    monkeypatch.setenv("MNR_CHROMIUM", "/nonexistent/chromium")
    capabilities, enablers = hostile
    with pytest.raises(ExportError, match="Chromium browser is not installed"):
        country_brief_pdf(
            capabilities,
            enablers,
            FRAMEWORK,
            "hostile-1",
            {},
            fictional=False,
            generated_on=GENERATED_ON,
        )


def test_brief_of_a_later_round_says_what_changed_like_for_like(chromium, demo, demo_labels):
    later = next(i for i, label in demo_labels.items() if label.startswith("Arvenia 2021"))
    data = country_brief_pdf(
        demo.capabilities,
        demo.enablers,
        FRAMEWORK,
        later,
        demo_labels,
        fictional=True,
        generated_on=GENERATED_ON,
    )
    text = "\n".join(_pdf_text(data))
    assert "Since the previous round" in text
    assert "From Arvenia 2019 (Baseline) to Arvenia 2021" in " ".join(text.split())
    assert "over 4 of 4 capabilities" in text or "over 3 of 4 capabilities" in text
    assert "All capabilities" in text


LONG_WITHOUT_SPACES = "x" * 3600
LONG_LINES = "line\n" * 1400


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("country", LONG_WITHOUT_SPACES),
        ("round", LONG_WITHOUT_SPACES),
        ("assessed_by", LONG_WITHOUT_SPACES),
        ("assessed_by", LONG_LINES),
        ("evidence", LONG_LINES),
        ("evidence", "y" * 20_000),
    ],
)
def test_brief_lays_out_very_long_text_across_pages(chromium, hostile, field, text):
    """A cell taller than a page continues on the next one instead of failing the brief."""
    capabilities, enablers = (frame.copy() for frame in hostile)
    capabilities[field] = capabilities[field].astype("object")
    if field == "evidence":
        capabilities.loc[capabilities["capability"] == 3, field] = text
    else:
        capabilities[field] = text
        enablers[field] = text
    labels = assessment_labels(capabilities)
    data = country_brief_pdf(
        capabilities,
        enablers,
        FRAMEWORK,
        "hostile-1",
        labels,
        fictional=False,
        generated_on=GENERATED_ON,
    )
    pages = _pdf_text(data)
    assert "MNR country brief" in pages[0]
    assert any("How the numbers are worked out" in page for page in pages)
