"""AppTest: the presentation steps through its slides, follows links and switches modes."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.shown import as_read

ROOT = Path(__file__).resolve().parents[2]


def open_present(**params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("pages/present.py")
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def position(at: AppTest) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("**Slide "))


def test_next_and_previous_move_one_slide_and_stop_at_the_ends():
    at = open_present(country="Arvenia", source="demo")
    assert not at.exception, [e.value for e in at.exception]
    assert position(at) == "**Slide 1 of 12**"
    assert at.button(key="present_previous").disabled
    at.button(key="present_next").click().run()
    assert position(at) == "**Slide 2 of 12**"
    assert at.title[0].value == "Policy and Governance"
    at.button(key="present_previous").click().run()
    assert position(at) == "**Slide 1 of 12**"


def test_a_link_opens_its_slide_and_a_missing_one_starts_at_the_first():
    at = open_present(country="Arvenia", source="demo", slide="12")
    assert position(at) == "**Slide 12 of 12**"
    assert at.button(key="present_next").disabled
    at = open_present(country="Arvenia", source="demo", slide="99")
    assert not at.exception
    assert position(at) == "**Slide 1 of 12**"
    assert any("slide “99” does not exist" in info.value for info in at.info)


def test_switching_to_a_comparison_starts_at_its_first_slide():
    at = open_present(country="Arvenia", source="demo", slide="9")
    at.segmented_control(key="present_mode").set_value("comparison").run()
    assert not at.exception, [e.value for e in at.exception]
    assert position(at) == "**Slide 1 of 3**"
    assert at.title[0].value == "Domain scores side by side"
    assert at.query_params["mode"] == "comparison"
    assert at.query_params["slide"] == "1"


def test_a_real_country_is_never_shown_beside_the_demo_invented_ones():
    from tests.factories import demo_and_uploads

    at = demo_and_uploads({"Zembla": 2, "Yland": 3, "Xia": 1, "Wen": 4})
    at.switch_page("pages/present.py").run()
    at.selectbox(key="mnr_country").set_value("Zembla").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value.startswith("Zembla")
    # No badge on the slide: it shows no invented data (the page still names the demo's
    # countries as fictional, since they are in the session).
    assert not [b for b in at.get("badge") if "Fictional" in str(b.proto)]
    captions = " ".join(as_read(c.value) for c in at.caption)
    assert (
        "Median of 3 assessments of all other countries; the fictional demo's countries left out"
        in captions
    )
