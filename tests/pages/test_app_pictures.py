"""AppTest: the picture pages with nothing loaded, with one assessment, and with the demo."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.framework.model import default_framework
from components.ingest.template import AssessmentInput, write_template

ROOT = Path(__file__).resolve().parents[2]
PICTURE_PAGES = [
    "pages/profile.py",
    "pages/heatmap.py",
    "pages/compare.py",
    "pages/trends.py",
    "pages/present.py",
]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def app_with_demo() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.button(key="home_load_demo").click().run()
    return at


def app_with_one_upload() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.switch_page("pages/upload.py").run()
    data = write_template(
        default_framework(),
        AssessmentInput(country="Zembla", year=2024, levels={1: 2, 2: 3, 8: 1}),
    )
    at.file_uploader(key="mnr_uploader").set_value(("zembla.xlsx", data, XLSX)).run()
    next(b for b in at.button if b.key == "add_uploads").click().run()
    return at


@pytest.mark.parametrize("page", PICTURE_PAGES)
def test_with_nothing_loaded_the_page_says_what_to_do(page):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.switch_page(page).run()
    assert not at.exception
    assert "no assessments in this session yet" in at.info[0].value
    assert not at.get("plotly_chart")


@pytest.mark.parametrize("page", PICTURE_PAGES)
def test_with_the_demo_every_page_draws_and_says_it_is_fictional(page):
    at = app_with_demo()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    shown = [w.value for w in at.warning] + [c.value for c in at.caption]
    assert any("Fictional demo data" in text for text in shown)
    assert at.get("plotly_chart"), f"{page} drew no chart"
    assert at.caption, f"{page} has no caption saying what its charts rest on"


@pytest.mark.parametrize(
    ("page", "words"),
    [
        ("pages/compare.py", "needs at least two countries"),
        ("pages/trends.py", "needs at least two rounds"),
    ],
)
def test_with_one_assessment_compare_and_trends_explain_what_they_need(page, words):
    at = app_with_one_upload()
    at.switch_page(page).run()
    assert not at.exception
    assert words in at.info[0].value


def test_profile_with_one_sparse_assessment_says_what_it_rests_on():
    at = app_with_one_upload()
    at.switch_page("pages/profile.py").run()
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    assert "3 of 21 capabilities assessed" in captions


def test_selection_survives_a_page_switch():
    at = app_with_demo()
    at.sidebar.selectbox(key="mnr_country").set_value("Calderra").run()
    at.switch_page("pages/profile.py").run()
    assert "Calderra 2024" in at.subheader[0].value
    at.switch_page("pages/trends.py").run()
    assert at.subheader[0].value == "Calderra"
    assert at.sidebar.selectbox(key="mnr_country").value == "Calderra"


def test_compare_anonymised_names_only_the_focus():
    at = app_with_demo()
    at.switch_page("pages/compare.py").run()
    at.toggle(key="compare_anonymised").set_value(True).run()
    assert not at.exception
    table = at.table[-1].value
    headers = " ".join(map(str, table.columns))
    assert "Arvenia 2023" in headers
    assert "Country A" in headers
    assert "Belmora" not in headers
