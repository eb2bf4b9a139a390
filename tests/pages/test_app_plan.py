"""AppTest: the action plan page empty, with the demo (its suggestion and its plan), saving."""

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.shown import as_read

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
    save = next(b for b in at.button if b.key.startswith("plan_save"))
    save.click().run()
    assert not at.exception, [e.value for e in at.exception]
    # Arvenia 2023: three new items, and 2021's item for capability 12, done at its target.
    assert any("4 capabilities with a plan" in s.value for s in at.success)


def _demo_on(page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.button(key="home_load_demo").click().run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_profile_shows_each_gap_with_its_plan():
    at = _demo_on("pages/profile.py")
    assert any(s.value == "The gaps and their plan" for s in at.subheader)
    tables = [t.value for t in at.table if "Lead organisation" in t.value.columns]
    assert tables, "no table of gaps with their plan"
    gaps = tables[0]
    # The demo plans its three lowest capabilities: each has a priority, the others say so.
    assert set(gaps["Priority"]) <= {"High", "Medium", "Low", "No plan yet"}
    assert (gaps["Priority"] != "No plan yet").any()


def test_trends_follow_the_earlier_rounds_targets():
    at = _demo_on("pages/trends.py")
    assert any("which targets were met" in s.value for s in at.subheader)
    labels = [m.label for m in at.metric]
    assert {"Target met", "Progress, short of target", "Missed"} <= set(labels)
    table = next(t.value for t in at.table if "Result" in t.value.columns)
    assert {"Level then", "Target level", "Level now"} <= set(table.columns)
    assert len(table) == 3


def test_the_portfolio_lists_countries_by_name_and_anonymises_on_request():
    at = _demo_on("pages/portfolio.py")
    shown = [w.value for w in at.warning]
    assert any("Fictional demo data" in text for text in shown)
    by_domain, by_country = (t.value for t in at.table)
    assert "High priority done" in by_domain.columns
    # One name, one count: each column adds up to the same total in both tables (the QA walk
    # saw "Done" 5 per domain and 8 per country, the first counting high priority only).
    for column in ("Planned capabilities", "Done", "Overdue", "High priority"):
        assert by_domain[column].sum() == by_country[column].sum(), column
    assert by_domain["Done"].sum() == 7  # the earlier rounds' items whose target was reached
    assert "A column adds up to the same total in both tables" in " ".join(
        c.value for c in at.caption
    )
    assert list(by_country["Country"]) == sorted(by_country["Country"])
    at.toggle(key="portfolio_anonymised").set_value(True).run()
    by_country = at.table[1].value
    assert all(name.startswith("Country ") for name in by_country["Country"])
    assert "Round" not in by_country.columns


def test_where_to_start_lists_every_capability_tied_with_the_last_and_says_how_it_orders():
    at = _demo_on("pages/plan.py")
    suggestion = next(t.value for t in at.table if "Gap x weight" in t.value.columns)
    # Arvenia's latest round: one gap of 3, six of 2, then seven capabilities at level 3 with
    # a gap of 1: all seven are listed, not only Legislation (the lowest number).
    assert list(suggestion["Gap x weight"]).count("1") == 7
    assert len(suggestion) == 14
    captions = " ".join(c.value for c in at.caption)
    assert "equal ones by the lower level, then by capability number" in captions
    assert "every capability tied with the last of them" in captions


@pytest.mark.parametrize(
    ("column", "longest"),
    [
        ("Level now", "4"),
        ("Target level", "4"),
        ("Target date", "2025-12-31"),
        ("Status", "Not started"),
        ("Priority", "Medium"),
        ("Actions", "Fund a pilot"),
        ("Lead organisation", "Ministry"),
    ],
)
def test_the_plan_grid_is_wide_enough_for_its_headers_and_values(column, longest):
    from components.charts.text_width import text_width
    from components.ui.plan_page import EDITOR_HEADERS, EDITOR_WIDTHS

    header = EDITOR_HEADERS.get(column, column)
    # 14 px text, 8 px padding each side, and 20 px for the edit icon beside the header of a
    # column one can edit ("Level now" is read only: no icon).
    icon = 0 if column == "Level now" else 20
    needed = max(text_width(longest, 14), text_width(header, 14) + icon) + 16
    assert EDITOR_WIDTHS[column] >= needed
    # Every column, the actions among them, fits beside the sidebar at 1280 x 720 (820 px,
    # less the grid's borders): nothing to scroll sideways to.
    assert sum(EDITOR_WIDTHS.values()) <= 816


def test_the_plan_grid_shows_levels_as_numbers_and_the_plan_in_full_below():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.button(key="home_load_demo").click().run()
    at.switch_page("pages/plan.py").run()
    assert not at.exception, [e.value for e in at.exception]
    grid = at.get("dataframe")[0].value
    assert set(grid["Level now"].dropna()) <= {"0", "1", "2", "3", "4"}
    assert set(grid["Target level"].dropna()) == {"2", "3"}  # 2: capability 12, done
    captions = " ".join(c.value for c in at.caption).replace("\\", "")  # Markdown escapes
    assert "Levels are numbers (0 Not in place, 1 Building" in captions
    # The grid shows the start of long text; the saved plan is below it in full.
    full = at.expander[-1]
    assert full.label == "The plan in full, as saved"
    table = full.table[0].value
    assert any(
        text.startswith("Fund a pilot in two regions and evaluate it") for text in table["Actions"]
    )


def test_plans_across_countries_never_add_the_demo_plans_to_real_countries():
    from tests.factories import demo_and_uploads

    at = demo_and_uploads({"Zembla": 2})
    at.switch_page("pages/portfolio.py").run()
    assert at.table, "the demo's plans are shown beside the demo's Arvenia"
    at.selectbox(key="mnr_country").set_value("Zembla").run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.table  # Zembla has no plan, and the demo's do not count for it
    assert "No assessment in this session has an action plan yet" in at.info[0].value
    assert any("invented assessments are left out" in c.value for c in at.caption)


def _on_a_phone(page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.button(key="home_load_demo").click().run()
    at.sidebar.toggle(key="layout_narrow").set_value(True).run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


SWIPE = "Swipe the table sideways"


def test_on_a_phone_a_gap_shows_its_status_on_screen_and_the_table_says_it_scrolls():
    at = _on_a_phone("pages/profile.py")
    gaps = next(t.value for t in at.table if "Lead organisation" in t.value.columns)
    # The first columns are what a phone shows: the status ("(overdue)") among them.
    assert list(gaps.columns)[:4] == ["Capability", "Level", "Status", "Priority"]
    assert any(c.value.startswith(SWIPE) for c in at.caption)
    at.sidebar.toggle(key="layout_narrow").set_value(False).run()
    gaps = next(t.value for t in at.table if "Lead organisation" in t.value.columns)
    assert list(gaps.columns)[-1] == "Status"  # a wide screen keeps the table as it was
    assert not any(c.value.startswith(SWIPE) for c in at.caption)


def test_on_a_phone_the_portfolio_puts_its_counts_first_and_says_the_tables_scroll():
    at = _on_a_phone("pages/portfolio.py")
    by_domain, by_country = (t.value for t in at.table)
    counts = ["Planned capabilities", "Done", "Overdue", "High priority", "High priority done"]
    assert list(by_domain.columns) == ["Domain", *counts, "Countries with a plan here"]
    assert list(by_country.columns) == ["Country", *counts, "Round"]
    assert [c.value for c in at.caption].count(f"{SWIPE} for all its 7 columns.") == 2


DONE_BELOW = "Marked done, but this round's level is still below the target"


def test_a_plan_item_done_below_its_target_is_flagged_where_plans_are_shown():
    from components.ingest.collection import set_plan
    from components.ingest.plans import plan_of
    from tests.factories import plan_rows

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.button(key="home_load_demo").click().run()
    # The demo itself tells a coherent story: nothing is flagged.
    for page in ("pages/plan.py", "pages/profile.py"):
        at.switch_page(page).run()
        assert not any(DONE_BELOW in as_read(w.value) for w in at.warning), page
    collection = at.session_state["mnr_collection"]
    capabilities = collection.capabilities
    arvenia = capabilities[(capabilities["country"] == "Arvenia") & (capabilities["year"] == 2023)]
    (assessment_id,) = set(arvenia["assessment_id"])
    assert plan_of(collection.plans, assessment_id)["capability"].tolist()  # the demo's plan
    # What the review saw: capability 18 marked done at level 1, its target 3.
    plan = plan_rows(assessment_id, {18: {"priority": "high", "target_level": 3, "status": "done"}})
    at.session_state["mnr_collection"] = set_plan(collection, assessment_id, plan)
    for page in ("pages/plan.py", "pages/profile.py"):
        at.switch_page(page).run()
        assert not at.exception, [e.value for e in at.exception]
        notes = [as_read(w.value) for w in at.warning if DONE_BELOW in as_read(w.value)]
        assert notes, page
        assert "Innovative Solution Development (level 1, target 3)" in notes[0]


def test_capabilities_with_no_plan_show_empty_cells_not_none():
    at = _demo_on("pages/plan.py")
    grid = at.get("dataframe")[0]
    # Missing values are drawn with the grid's placeholder: empty, never the word "None".
    assert grid.proto.HasField("placeholder")
    assert grid.proto.placeholder == ""
    frame = grid.value
    no_plan = frame[frame["Priority"].isna()]
    assert len(no_plan) == 17  # the demo's Arvenia 2023 plans 4 of its 21 capabilities
    assert no_plan[["Priority", "Target level", "Target date", "Status"]].isna().all().all()
    # No drop-down offers "None" as a choice that would read as a chosen value.
    columns = json.loads(grid.proto.columns)
    for name in ("Priority", "Target level", "Status"):
        options = columns[name]["type_config"]["options"]
        assert "None" not in options, (name, options)
        assert "" not in options, (name, options)
