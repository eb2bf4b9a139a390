"""AppTest: the picture pages with nothing loaded, with one assessment, and with the demo."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.framework.model import default_framework
from components.ingest.template import AssessmentInput, write_template
from tests.factories import demo_and_uploads
from tests.shown import as_read

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
    assert "Calderra 2024" in at.header[0].value
    at.switch_page("pages/trends.py").run()
    assert at.header[0].value == "Calderra"
    assert at.sidebar.selectbox(key="mnr_country").value == "Calderra"


def test_the_sidebar_pickers_default_to_the_sessions_choice():
    """A browser that draws a picker afresh (after a page switch it had not caught up with)
    starts from the widget's default and sends it back with the next click: the default must be
    the session's choice, or the round jumps back to the first one."""
    at = app_with_demo()
    at.sidebar.selectbox(key="mnr_country").set_value("Calderra").run()
    at.sidebar.selectbox(key="mnr_assessment").select_index(1).run()
    at.sidebar.toggle(key="layout_narrow").set_value(True).run()
    at.switch_page("pages/profile.py").run()
    country = at.sidebar.selectbox(key="mnr_country")
    assert country.options[country.proto.default] == "Calderra"
    round_picker = at.sidebar.selectbox(key="mnr_assessment")
    assert round_picker.options[round_picker.proto.default] == "2021 (First review)"
    assert at.sidebar.toggle(key="layout_narrow").proto.default is True


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


def _texts(at: AppTest) -> str:
    return " ".join(as_read(e.value) for e in [*at.caption, *at.info, *at.markdown])


def test_profile_peer_median_names_its_group_and_needs_enough_assessments(monkeypatch):
    monkeypatch.delenv("MNR_MIN_PEERS", raising=False)
    at = app_with_demo()
    at.switch_page("pages/profile.py").run()
    at.toggle(key="profile_peer_median").set_value(True).run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Median of 7 assessments of all other countries" in _texts(at)
    # The fictional countries have no ISO3 code a classification knows: no region to use.
    at.selectbox(key="peer_group_kind").set_value("un_subregion").run()
    shown = _texts(at)
    assert "has no ISO3 code that this classification knows" in shown
    assert "No peer median: it would rest on 0 assessments in" in shown
    assert "United Nations Statistics Division" in shown
    # A group the person names: two countries are too few, three are enough.
    at.selectbox(key="peer_group_kind").set_value("named").run()
    at.multiselect(key="peer_group_countries").set_value(["Belmora", "Calderra"]).run()
    assert "it would rest on 2 assessments of the countries you chose" in _texts(at)
    at.multiselect(key="peer_group_countries").set_value(["Belmora", "Calderra", "Dravonia"]).run()
    assert "Median of 3 assessments of the countries you chose" in _texts(at)
    # The presentation's overview uses the same group.
    at.switch_page("pages/present.py").run()
    assert "Median of 3 assessments of the countries you chose" in _texts(at)


def test_the_minimum_is_a_setting(monkeypatch):
    monkeypatch.setenv("MNR_MIN_PEERS", "8")
    at = app_with_demo()
    at.switch_page("pages/profile.py").run()
    at.toggle(key="profile_peer_median").set_value(True).run()
    assert "it would rest on 7 assessments" in _texts(at)
    assert "needs at least 8" in _texts(at)


def test_a_comparison_across_framework_editions_says_so():

    from components.ingest.collection import Collection, add_assessments
    from tests.factories import capability_rows, enabler_rows

    collection = Collection()
    for assessment_id, country, edition in (("z", "Zembla", "2010"), ("y", "Yland", "2016")):
        capabilities = capability_rows(assessment_id, country, 2024, dict.fromkeys(range(1, 22), 2))
        capabilities = capabilities.assign(framework_edition=edition)
        enablers = enabler_rows(assessment_id, country, 2024)
        collection = add_assessments(collection, capabilities, enablers, "library")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["mnr_collection"] = collection
    at.run()
    at.switch_page("pages/compare.py").run()
    assert not at.exception, [e.value for e in at.exception]
    warning = " ".join(w.value for w in at.warning)
    assert "different editions of the framework" in warning
    assert "2010" in warning
    assert "2016" in warning


def test_a_choice_sent_with_the_address_of_a_moment_before_is_kept():
    """A click while the last run is still drawn carries the address the browser showed then
    (one this session wrote): it must not be taken for a link and undo the newest choice."""
    at = app_with_demo()
    at.switch_page("pages/profile.py").run()
    latest_arvenia = dict(at.query_params)
    assert latest_arvenia["round"] == "2023 (Second review)"
    at.sidebar.selectbox(key="mnr_assessment").select_index(1).run()  # Arvenia 2021
    assert at.query_params["round"] == "2021 (First review)"
    at.query_params.clear()
    at.query_params.update(latest_arvenia)  # the browser had not shown the new address yet
    at.sidebar.selectbox(key="mnr_country").set_value("Dravonia").run()
    assert not at.exception, [e.value for e in at.exception]
    assert as_read(at.header[0].value).startswith("Dravonia 2024")
    assert at.query_params["country"] == "Dravonia"


def test_the_phone_layout_shows_the_heatmap_one_domain_at_a_time():
    at = app_with_demo()
    at.switch_page("pages/heatmap.py").run()
    assert not [s for s in at.selectbox if s.key == "heatmap_domain"]  # a desktop: all 21
    at.toggle(key="layout_narrow").set_value(True).run()
    domain = at.selectbox(key="heatmap_domain")
    assert domain.value == default_framework().domains[0].id
    domain.set_value("victim").run()
    assert not at.exception
    figure = at.get("plotly_chart")[0].proto.spec
    numbers = [c.number for c in default_framework().capabilities_in("victim")]
    assert f'"x":{numbers}'.replace(" ", "") in figure.replace(" ", "")


def test_every_chart_slide_offers_its_numbers_as_a_table():
    at = app_with_demo()
    at.switch_page("pages/present.py").run()
    for _ in range(8):  # the overview, six domains and the heatmap: all charts
        assert at.get("plotly_chart")
        assert any(e.label == "The numbers on this slide" for e in at.expander)
        at.button(key="present_next").click().run()
    assert not at.get("plotly_chart")  # a table slide is its own text
    assert not any(e.label == "The numbers on this slide" for e in at.expander)


def test_the_profile_draws_only_the_open_pillar_and_no_closed_table():
    at = app_with_demo()
    at.switch_page("pages/profile.py").run()
    assert not at.exception
    charts = [chart.proto.id for chart in at.get("plotly_chart")]
    assert len(charts) == 2, "the overview and the first pillar's radar only"
    assert at.tabs[0].label == default_framework().domains[0].name
    # The "Show the numbers as a table" expanders are closed: their tables are not drawn.
    assert not any(e.table for e in at.expander if e.label == "Show the numbers as a table")


def test_switching_to_a_real_country_starts_its_comparison_afresh():
    at = demo_and_uploads({"Zembla": 2, "Yland": 2, "Xia": 2})
    at.switch_page("pages/compare.py").run()
    assert "Arvenia" in at.multiselect(key="compare_countries").value
    at.selectbox(key="mnr_country").set_value("Zembla").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.multiselect(key="compare_countries").value == ["Zembla", "Xia", "Yland"]
    assert set(at.multiselect(key="compare_countries").options) == {"Xia", "Yland", "Zembla"}
    assert not [w for w in at.warning if "default value" in w.value]


def test_strengths_and_gaps_say_why_a_list_is_empty():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.switch_page("pages/upload.py").run()
    data = write_template(
        default_framework(), AssessmentInput(country="Zembla", year=2024, levels={1: 2})
    )
    at.file_uploader(key="mnr_uploader").set_value(("zembla.xlsx", data, XLSX)).run()
    next(b for b in at.button if b.key == "add_uploads").click().run()
    at.switch_page("pages/profile.py").run()
    assert not at.exception, [e.value for e in at.exception]
    shown = " ".join(c.value for c in at.caption)
    assert "too few capabilities are assessed to name both" in shown


def test_the_heatmap_shows_the_sidebar_country_kind_only():
    at = demo_and_uploads({"Zembla": 2, "Yland": 2})
    at.switch_page("pages/heatmap.py").run()  # the sidebar shows the demo's Arvenia
    assert not at.exception, [e.value for e in at.exception]
    assert "invented assessments are left out" not in " ".join(c.value for c in at.caption)
    at.selectbox(key="mnr_country").set_value("Zembla").run()
    shown = " ".join(as_read(c.value) for c in at.caption)
    assert "The fictional demo's invented assessments are left out beside real ones" in shown
    assert "2 assessments" in shown  # Yland's and Zembla's rows, no invented one


def _round_picker(at: AppTest):
    picker = at.selectbox(key="profile_overlay_round")
    return picker.proto.options, picker.proto.placeholder, picker.proto.disabled


def test_a_single_round_country_reads_the_same_greyed_round_picker_on_every_run():
    """A lone "None" option read "None" on the page's first run and Streamlit's generic
    "Choose an option" after any rerun (a stored None is "nothing chosen" to Streamlit), so one
    country's picker read differently from another's depending on how the page was reached."""
    at = app_with_one_upload()
    at.switch_page("pages/profile.py").run()
    assert not at.exception
    first = _round_picker(at)
    assert first == ([], "No other round of this country", True)
    assert at.selectbox(key="profile_overlay_round").value is None
    at.run()  # a rerun, as any click on the page makes
    assert _round_picker(at) == first
    at.switch_page("pages/heatmap.py").run()
    at.switch_page("pages/profile.py").run()  # reached from another page
    assert _round_picker(at) == first
    country = at.selectbox(key="profile_overlay_country")
    assert (list(country.proto.options), country.proto.placeholder) == (
        [],
        "No other country in this session",
    )


def test_a_country_with_other_rounds_offers_them_and_reads_none_when_none_is_chosen():
    at = app_with_demo()
    at.sidebar.selectbox(key="mnr_country").set_value("Calderra").run()
    at.switch_page("pages/profile.py").run()
    picker = at.selectbox(key="profile_overlay_round")
    assert not picker.proto.disabled
    assert picker.proto.options[0] == "None"
    assert len(picker.proto.options) > 1
    assert picker.proto.placeholder == "None"  # what a stored None shows after a rerun
    at.run()
    assert at.selectbox(key="profile_overlay_round").value is None
