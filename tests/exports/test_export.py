"""Exports: the PDF brief, the PowerPoint decks, xlsx/csv data and batch images.

Chart images need the system Chromium (kaleido drives it). Where it is missing, the tests
that render are skipped with the reason, except in CI (``CI`` set), where that is a failure.
Each PDF and image batch is rendered once per module: a browser start costs about 2 s.
"""

from __future__ import annotations

import datetime
import io
import os
import zipfile

import openpyxl
import pandas as pd
import plotly.graph_objects as go
import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pypdf import PdfReader

from components.exports import export, images
from components.exports.safe_text import FORMULA_TRIGGERS
from components.framework.model import default_framework
from components.framework.palette import NOT_ASSESSED_COLOUR, level_colours
from components.ingest.demo import load_demo
from components.ingest.labels import assessment_labels
from components.ingest.workbook import read_assessment_file
from components.scoring import scores as scoring
from tests.factories import capability_rows, enabler_rows

FRAMEWORK = default_framework()
GENERATED_ON = datetime.date(2025, 3, 12)
SCRIPT = "<script>alert(1)</script>"
LONG_WORD = "x" * 600
ROUND_TRIP_COLUMNS = ["country", "year", "round", "capability", "level", "evidence", "confidence"]


def _require_chromium() -> None:
    if images.chromium_path() is None:
        reason = (
            "Chromium is not installed at /usr/bin/chromium (or $MNR_CHROMIUM): "
            "install it with `apt-get install chromium` to render chart images."
        )
        if os.environ.get("CI"):
            pytest.fail(f"Image exports must be tested in CI, but {reason}")
        pytest.skip(reason)


# --- data -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo():
    data = load_demo(FRAMEWORK)
    assert not data.capabilities.empty, "the fictional demo data is not installed"
    return data


@pytest.fixture(scope="module")
def demo_labels(demo):
    return assessment_labels(demo.capabilities)


@pytest.fixture(scope="module")
def demo_id(demo_labels):
    # Arvenia's baseline: 19 of 21 assessed (7 and 18 were not), so gaps and blanks show.
    return next(i for i, label in demo_labels.items() if label == "Arvenia 2019 (Baseline)")


def _hostile() -> tuple[pd.DataFrame, pd.DataFrame]:
    """One assessment with hostile text; capability 7 and all of Media and Communications
    (20, 21) not assessed, so that domain has no score."""
    levels = {n: (n % 5) for n in range(1, 20) if n != 7}
    frame = capability_rows("hostile-1", "Testland & <Co>", 2022, levels, round_label="Baseline")
    frame["evidence"] = frame["evidence"].astype("object")
    frame.loc[frame["capability"] == 1, "evidence"] = SCRIPT + " & <b>bold</b>"
    frame.loc[frame["capability"] == 2, "evidence"] = "=1+1"
    frame.loc[frame["capability"] == 3, "evidence"] = ("A long note. " * 400) + LONG_WORD
    frame.loc[frame["capability"] == 4, "evidence"] = "Line one\nLine two\x0b with a control char"
    frame.loc[frame["capability"] == 5, "evidence"] = "Plain evidence that must appear"
    frame["confidence"] = "high"
    enablers = enabler_rows("hostile-1", "Testland & <Co>", 2022)
    enablers["level"] = pd.array([2, None, 1, None, None, 3, None], dtype="Int64")
    return frame, enablers


@pytest.fixture(scope="module")
def hostile():
    return _hostile()


def _pdf_text(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(scope="module")
def demo_pdf(demo, demo_labels, demo_id):
    _require_chromium()
    return export.country_brief_pdf(
        demo.capabilities,
        demo.enablers,
        FRAMEWORK,
        demo_id,
        demo_labels,
        fictional=True,
        generated_on=GENERATED_ON,
    )


@pytest.fixture(scope="module")
def hostile_pdf(hostile):
    _require_chromium()
    capabilities, enablers = hostile
    return export.country_brief_pdf(
        capabilities,
        enablers,
        FRAMEWORK,
        "hostile-1",
        {"hostile-1": "Testland & <Co> 2022"},
        fictional=False,
        generated_on=GENERATED_ON,
    )


# --- PDF --------------------------------------------------------------------------------------


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
        assert export.FICTIONAL_FOOTER in page
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
        export.country_brief_pdf(
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
    with pytest.raises(export.ExportError, match="Chromium browser is not installed"):
        export.country_brief_pdf(
            capabilities,
            enablers,
            FRAMEWORK,
            "hostile-1",
            {},
            fictional=False,
            generated_on=GENERATED_ON,
        )


# --- PowerPoint -------------------------------------------------------------------------------


def _charts(slide):
    return [shape.chart for shape in slide.shapes if shape.has_chart]


def _tables(slide):
    return [shape.table for shape in slide.shapes if shape.has_table]


def _slide_text(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def _scores(capabilities, assessment_id):
    scores = scoring.domain_scores(
        capabilities[capabilities["assessment_id"] == assessment_id], FRAMEWORK
    )
    return [None if pd.isna(s) else pytest.approx(float(s)) for s in scores["score"]]


@pytest.fixture(scope="module")
def demo_deck(demo, demo_labels, demo_id):
    data = export.country_deck_pptx(
        demo.capabilities, demo.enablers, FRAMEWORK, demo_id, demo_labels, fictional=True
    )
    return Presentation(io.BytesIO(data))


def test_deck_has_a_slide_per_chart(demo_deck):
    slides = list(demo_deck.slides)
    # title, domain radar, six domains, all capabilities, strengths and gaps
    assert len(slides) == 2 + len(FRAMEWORK.domains) + 2
    assert demo_deck.slide_width * 9 == demo_deck.slide_height * 16
    titles = [slide.shapes.title.text for slide in slides]
    assert titles[1] == "Domain profile"
    assert titles[2 : 2 + len(FRAMEWORK.domains)] == [d.name for d in FRAMEWORK.domains]
    assert titles[-2:] == ["All capabilities at a glance", "Strengths and gaps"]


def test_deck_domain_radar_is_native_with_the_domain_scores(demo, demo_deck, demo_id):
    (chart,) = _charts(demo_deck.slides[1])
    assert chart.chart_type == XL_CHART_TYPE.RADAR_MARKERS
    plot = chart.plots[0]
    assert list(plot.categories) == [d.name for d in FRAMEWORK.domains]
    (series,) = plot.series
    assert series.name == "Arvenia 2019 (Baseline)"
    assert list(series.values) == _scores(demo.capabilities, demo_id)
    assert chart.value_axis.minimum_scale == 0
    assert chart.value_axis.maximum_scale == FRAMEWORK.scale.maximum


def test_deck_domain_slides_use_radar_or_bars(demo, demo_deck, demo_id):
    table = scoring.capability_table(demo.capabilities, demo_id, FRAMEWORK)
    for slide, domain in zip(list(demo_deck.slides)[2:8], FRAMEWORK.domains, strict=True):
        (chart,) = _charts(slide)
        rows = table[table["domain"] == domain.id]
        expected = [None if pd.isna(v) else float(v) for v in rows["level"]]
        if len(rows) >= 3:
            assert chart.chart_type == XL_CHART_TYPE.RADAR_MARKERS
        else:
            assert chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
        assert list(chart.plots[0].series[0].values) == expected
        assert "capabilities assessed in this domain" in _slide_text(slide)
    criminal_justice = _slide_text(demo_deck.slides[3])
    assert "Not assessed (a blank point, not 0): 7 · Access to Image Databases" in criminal_justice


def test_deck_overview_table_colours_levels(demo, demo_deck, demo_id):
    tables = _tables(demo_deck.slides[-2])
    assert len(tables) == 2
    cells = {
        table.cell(row, 0).text: table.cell(row, 1)
        for table in tables
        for row in range(1, len(table.rows))
    }
    assert len(cells) == len(FRAMEWORK.capabilities)
    missing = cells["7 · Access to Image Databases"]
    assert missing.text == "Not assessed"
    assert str(missing.fill.fore_color.rgb) == NOT_ASSESSED_COLOUR.lstrip("#").upper()
    leadership = cells["1 · Leadership"]
    level = int(
        demo.capabilities.query("assessment_id == @demo_id and capability == 1")["level"].iloc[0]
    )
    assert leadership.text.startswith(f"{level} · ")
    assert str(leadership.fill.fore_color.rgb) == level_colours(FRAMEWORK.scale)[level].lstrip("#")


def test_deck_gaps_are_native_bars_of_the_lowest_levels(demo, demo_deck, demo_id):
    _, gaps = scoring.strengths_and_gaps(demo.capabilities, demo_id, FRAMEWORK)
    gap_chart, strength_chart = _charts(demo_deck.slides[-1])
    assert gap_chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    assert list(gap_chart.plots[0].series[0].values) == [float(v) for v in gaps["level"]]
    assert strength_chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    assert "never a gap" in _slide_text(demo_deck.slides[-1])


def test_deck_says_fictional_on_the_title_and_every_footer(demo_deck):
    slides = list(demo_deck.slides)
    assert "Fictional data." in _slide_text(slides[0])
    for slide in slides:
        footer = next(shape for shape in slide.shapes if shape.name == "Footer")
        assert export.FICTIONAL_FOOTER in footer.text_frame.text


def test_deck_missing_domain_is_a_blank_point_not_zero(hostile):
    capabilities, enablers = hostile
    data = export.country_deck_pptx(
        capabilities, enablers, FRAMEWORK, "hostile-1", {}, fictional=False
    )
    deck = Presentation(io.BytesIO(data))
    (chart,) = _charts(deck.slides[1])
    values = list(chart.plots[0].series[0].values)
    assert values == _scores(capabilities, "hostile-1")
    assert values[-1] is None  # Media and Communications: nothing assessed
    media = _charts(deck.slides[7])[0]
    assert list(media.plots[0].series[0].values) == [None, None]
    for slide in deck.slides:
        assert "fictional" not in _slide_text(slide).casefold()


def test_deck_keeps_user_text_plain_and_chart_data_formula_free(hostile):
    capabilities, enablers = hostile
    label = '=HYPERLINK("http://example.invalid","<b>x</b>")'
    data = export.country_deck_pptx(
        capabilities, enablers, FRAMEWORK, "hostile-1", {"hostile-1": label}, fictional=False
    )
    deck = Presentation(io.BytesIO(data))
    assert label in _slide_text(deck.slides[0])  # shown as text, nothing interpreted
    (chart,) = _charts(deck.slides[1])
    assert chart.plots[0].series[0].name == "'" + label
    workbook = openpyxl.load_workbook(io.BytesIO(chart.part.chart_workbook.xlsx_part.blob))
    sheet = workbook.active
    assert sheet["B1"].data_type == "s"
    assert sheet["B1"].value == "'" + label


@pytest.fixture(scope="module")
def comparison(demo, demo_labels):
    ids = list(demo_labels)[:5]
    data = export.comparison_deck_pptx(
        demo.capabilities, FRAMEWORK, ids, demo_labels, fictional=True, focus_id=ids[0]
    )
    return ids, Presentation(io.BytesIO(data))


def test_comparison_deck_has_bars_radar_and_differences(demo, demo_labels, comparison):
    ids, deck = comparison
    slides = list(deck.slides)
    assert len(slides) == 4
    (bars,) = _charts(slides[1])
    assert bars.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    assert [s.name for s in bars.plots[0].series] == [demo_labels[i] for i in ids]
    for series, assessment_id in zip(bars.plots[0].series, ids, strict=True):
        assert list(series.values) == _scores(demo.capabilities, assessment_id)
    (radar,) = _charts(slides[2])
    assert radar.chart_type == XL_CHART_TYPE.RADAR_MARKERS
    assert len(radar.plots[0].series) == 4  # at most four shapes stay readable
    (table,) = _tables(slides[3])
    header = [table.cell(0, c).text for c in range(len(table.columns))]
    assert header[:6] == ["Domain", *[demo_labels[i] for i in ids]]
    assert f"{demo_labels[ids[1]]}: difference" in header
    assert table.cell(1, 0).text == FRAMEWORK.domains[0].name
    for slide in slides:
        assert export.FICTIONAL_FOOTER in _slide_text(slide)


def test_comparison_deck_needs_a_list_of_ids(demo, demo_labels):
    with pytest.raises(TypeError):
        export.comparison_deck_pptx(
            demo.capabilities, FRAMEWORK, "abc", demo_labels, fictional=True
        )
    with pytest.raises(ValueError, match="at least one"):
        export.comparison_deck_pptx(demo.capabilities, FRAMEWORK, [], demo_labels, fictional=True)


# --- xlsx and csv -----------------------------------------------------------------------------


def _rows(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[ROUND_TRIP_COLUMNS].astype(object).where(frame[ROUND_TRIP_COLUMNS].notna(), None)


def _from_capability_sheet(result) -> pd.DataFrame:
    capabilities = result.capabilities
    return capabilities[capabilities["source"].str.endswith("Capabilities")]


def test_workbook_reads_back_to_the_same_capabilities(demo):
    data = export.combined_workbook_xlsx(demo.capabilities, demo.enablers, FRAMEWORK)
    result = read_assessment_file("export.xlsx", data, FRAMEWORK)
    assert not result.has_errors
    read = _from_capability_sheet(result)
    pd.testing.assert_frame_equal(
        _rows(read).reset_index(drop=True), _rows(demo.capabilities).reset_index(drop=True)
    )
    assert read["assessment_id"].nunique() == demo.capabilities["assessment_id"].nunique()
    assert list(read["iso3"].unique()) == list(demo.capabilities["iso3"].unique())


def test_workbook_sheets_and_enablers(demo):
    data = export.combined_workbook_xlsx(
        demo.capabilities.assign(origin="demo"), demo.enablers.assign(origin="demo"), FRAMEWORK
    )
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["README", "Capabilities", "Enablers", "Scale"]
    readme = "\n".join(str(c.value) for c in workbook["README"]["A"] if c.value)
    assert "Fictional demo data" in readme
    sheet = workbook["Enablers"]
    header = [c.value for c in sheet[1]]
    assert header == [*export.ENABLER_SHEET_COLUMNS, "Origin"]
    count = demo.enablers["assessment_id"].nunique()
    assert sheet.max_row == 1 + count * len(FRAMEWORK.enablers)
    assert sheet.cell(2, header.index("Enabler") + 1).value == FRAMEWORK.enablers[0].title
    assert sheet.cell(2, header.index("Origin") + 1).value == "Fictional demo"


def test_workbook_enablers_read_back_into_the_same_assessments(demo):
    data = export.combined_workbook_xlsx(demo.capabilities, demo.enablers, FRAMEWORK)
    result = read_assessment_file("export.xlsx", data, FRAMEWORK)
    # Not a word about the README or Scale sheets, nor about enablers without an owner.
    assert result.problems == ()
    assert (
        result.capabilities["assessment_id"].nunique()
        == demo.capabilities["assessment_id"].nunique()
    )
    assert set(result.enablers["assessment_id"]) == set(result.capabilities["assessment_id"])
    assert result.enablers["level"].count() == demo.enablers["level"].count()


def test_workbook_keeps_dates_and_missing_levels(hostile):
    capabilities, enablers = hostile
    capabilities = capabilities.assign(date="2022-05-04")
    data = export.combined_workbook_xlsx(capabilities, enablers, FRAMEWORK)
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Capabilities"]
    assert sheet["D2"].value == datetime.datetime(2022, 5, 4)
    read = _from_capability_sheet(read_assessment_file("export.xlsx", data, FRAMEWORK))
    assert list(read["date"].unique()) == ["2022-05-04"]
    assert read.loc[read["capability"] == 7, "level"].isna().all()
    assert read["level"].count() == capabilities["level"].count()
    # The apostrophe that neutralised "=1+1" stays part of the text when read back.
    assert read.loc[read["capability"] == 2, "evidence"].iloc[0] == "'=1+1"
    assert read.loc[read["capability"] == 1, "evidence"].iloc[0] == SCRIPT + " & <b>bold</b>"


@pytest.mark.parametrize("trigger", FORMULA_TRIGGERS)
def test_exports_neutralise_formulas(trigger):
    text = f'{trigger}HYPERLINK("http://example.invalid")'
    capabilities = capability_rows("f-1", text, 2023, {1: 2}, round_label=text)
    capabilities["evidence"] = text
    capabilities["confidence"] = text
    capabilities["assessed_by"] = text
    enablers = enabler_rows("f-1", text, 2023).assign(evidence=text)

    data = export.combined_workbook_xlsx(capabilities, enablers, FRAMEWORK)
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    for name in ("Capabilities", "Enablers"):
        for row in workbook[name].iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str):
                    assert cell.data_type == "s"
                    assert not cell.value.startswith(FORMULA_TRIGGERS)
                    assert not cell.value.startswith("=")
    evidence = workbook["Capabilities"]["K2"]
    assert evidence.value == "'" + text

    csv_text = export.combined_csv(capabilities, FRAMEWORK).decode("utf-8-sig")
    frame = pd.read_csv(io.StringIO(csv_text), dtype=str, keep_default_na=False)
    for column in ("Country", "Round", "Assessed by", "Evidence"):
        assert (frame[column] == "'" + text).all()


def test_csv_reads_back_to_the_same_capabilities(demo):
    data = export.combined_csv(demo.capabilities, FRAMEWORK)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines()[0].split(",") == export.CAPABILITY_SHEET_COLUMNS
    result = read_assessment_file("export.csv", data, FRAMEWORK)
    assert not result.problems
    pd.testing.assert_frame_equal(
        _rows(result.capabilities).reset_index(drop=True),
        _rows(demo.capabilities).reset_index(drop=True),
    )


def test_data_exports_of_an_empty_collection_have_headers_only():
    empty = capability_rows("x", "X", 2020, {}).iloc[0:0]
    csv_text = export.combined_csv(empty, FRAMEWORK).decode("utf-8-sig")
    assert csv_text.strip() == ",".join(export.CAPABILITY_SHEET_COLUMNS)
    workbook = openpyxl.load_workbook(
        io.BytesIO(
            export.combined_workbook_xlsx(empty, enabler_rows("x", "X", 2020).iloc[0:0], FRAMEWORK)
        )
    )
    assert workbook["Capabilities"].max_row == 1


# --- images and file names --------------------------------------------------------------------


def _figures():
    radar = go.Figure(go.Scatterpolar(r=[1, 2, 3], theta=["a", "b", "c"], name="&lt;script&gt;"))
    bars = go.Figure(go.Bar(x=["one", "two"], y=[1, 3]))
    return {"Radar: Arvenia/2019": radar, "bars": bars}


@pytest.fixture(scope="module")
def rendered():
    """PNG and SVG of two figures, and how many browsers the PNG batch started."""
    _require_chromium()
    import kaleido

    starts = []

    class Counting(kaleido.Kaleido):
        def __init__(self, *args, **kwargs):
            starts.append(kwargs.get("path"))
            super().__init__(*args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kaleido, "Kaleido", Counting)
        png = export.render_images(_figures(), "png", width=600, height=400, scale=1)
        png_starts = list(starts)
    svg = export.render_images(_figures(), "svg", width=600, height=400)
    return png, svg, png_starts


def test_render_images_makes_png_for_a_batch_with_one_browser_start(rendered):
    png, _, starts = rendered
    assert starts == [images.chromium_path()]  # one start, of the system Chromium
    assert list(png) == list(_figures())
    for data in png.values():
        assert data.startswith(b"\x89PNG\r\n\x1a\n")


def test_render_images_makes_svg_without_scripts(rendered):
    _, svg, _ = rendered
    for data in svg.values():
        text = data.decode("utf-8")
        assert text.lstrip().startswith("<svg")
        assert "<script" not in text.casefold()


def test_render_images_rejects_unknown_formats():
    with pytest.raises(ValueError, match="png, svg"):
        export.render_images(_figures(), "gif")  # type: ignore[arg-type]


def test_render_images_without_chromium_raises_export_error(monkeypatch):
    monkeypatch.setenv("MNR_CHROMIUM", "/nonexistent/chromium")
    with pytest.raises(export.ExportError, match="apt-get install chromium"):
        export.render_images(_figures(), "png")


def test_images_zip_names_are_file_safe_and_unique(monkeypatch):
    def fake(figures, fmt, **_):
        return {name: b"data-" + name.encode() for name in figures}

    monkeypatch.setattr(images, "render_images", fake)
    figures = {
        "../../etc/passwd": go.Figure(),
        "Côte d'Ivoire": go.Figure(),
        "côte-d'ivoire": go.Figure(),
        "": go.Figure(),
    }
    archive = zipfile.ZipFile(io.BytesIO(images.images_zip(figures, "svg")))
    assert archive.namelist() == [
        "etc-passwd.svg",
        "Cote-d-Ivoire.svg",
        "cote-d-ivoire-2.svg",
        "chart.svg",
    ]
    assert archive.read("etc-passwd.svg") == b"data-../../etc/passwd"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Arvenia 2019 (Baseline)", "Arvenia-2019-Baseline"),
        ("Côte d'Ivoire", "Cote-d-Ivoire"),
        ("../..\\evil\x00name.exe", "evil-name-exe"),
        ("<script>alert(1)</script>", "script-alert-1-script"),
        ("日本", "export"),
        ("", "export"),
    ],
)
def test_safe_file_name(text, expected):
    assert export.safe_file_name(text) == expected


def test_export_file_name():
    assert export.export_file_name("brief", "Arvenia 2019 (Baseline)", "pdf") == (
        "mnr-brief-Arvenia-2019-Baseline.pdf"
    )
    assert export.export_file_name("deck", "", "PPTX") == "mnr-deck.pptx"
