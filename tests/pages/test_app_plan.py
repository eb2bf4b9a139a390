"""AppTest: the action plan page empty, with the demo (its suggestion and its plan), saving."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


def test_with_nothing_loaded_the_plan_page_says_what_to_do():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.switch_page("pages/plan.py").run()
    assert not at.exception
    assert "no plan to show" in at.info[0].value


def test_the_demo_plan_is_shown_with_a_suggestion_and_saves_unchanged():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.button(key="home_load_demo").click().run()
    at.switch_page("pages/plan.py").run()
    assert not at.exception, [e.value for e in at.exception]
    shown = [w.value for w in at.warning] + [c.value for c in at.caption]
    assert any("Fictional demo data" in text for text in shown)
    assert any("yours to decide" in c.value for c in at.caption)
    # The suggestion is a table of capabilities, never of actions.
    suggestion = at.table[0].value
    assert "Gap x weight" in suggestion.columns
    assert "Actions" not in suggestion.columns
    # Lower the weight of every domain to 0: nothing is suggested, and it says so.
    for slider in at.select_slider:
        slider.set_value(0.0)
    at.run()
    assert any("nothing to suggest" in i.value for i in at.info)
    assert at.get("dataframe"), "the plan editor is missing"
    save = next(b for b in at.button if b.key.startswith("FormSubmitter:plan_form"))
    save.click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("3 capabilities with a plan" in s.value for s in at.success)
