"""AppTest: the trends page compares two rounds from the earlier to the later, and its address
holds the pair it shows."""

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.shown import as_read

ROOT = Path(__file__).resolve().parents[2]
BASELINE, FIRST, SECOND = "2019 (Baseline)", "2021 (First review)", "2023 (Second review)"


def open_trends(**params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("pages/trends.py")
    for key, value in {"country": "Arvenia", "source": "demo", **params}.items():
        at.query_params[key] = value
    return at.run()


def picked(at: AppTest) -> tuple[str, str]:
    """The two rounds as the pickers show them."""
    labels = at.session_state["mnr_collection"].capabilities
    names = dict(zip(labels["assessment_id"], labels["round"], strict=False))
    years = dict(zip(labels["assessment_id"], labels["year"], strict=False))

    def shown(key: str) -> str:
        value = at.selectbox(key=key).value
        return f"{years[value]} ({names[value]})"

    return shown("trend_from"), shown("trend_to")


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.mark.parametrize(
    ("asked", "shown", "words"),
    [
        ((SECOND, BASELINE), (BASELINE, SECOND), "backwards; showing what changed from 2019"),
        ((FIRST, BASELINE), (BASELINE, FIRST), "backwards; showing what changed from 2019"),
        ((FIRST, FIRST), (FIRST, SECOND), "“2021 \\(First review\\)” with itself"),
        ((SECOND, SECOND), (FIRST, SECOND), "“2023 \\(Second review\\)” with itself"),
        ((BASELINE, SECOND), (BASELINE, SECOND), None),
    ],
)
def test_a_link_is_always_shown_from_the_earlier_round_and_says_so(asked, shown, words):
    at = open_trends(**{"from": asked[0], "to": asked[1]})
    assert not at.exception, [e.value for e in at.exception]
    assert picked(at) == shown
    assert (at.query_params["from"], at.query_params["to"]) == shown  # the address = the view
    notices = " ".join(i.value for i in at.info)
    if words is None:
        assert "backwards" not in notices
        assert "with itself" not in notices
    else:
        assert words in notices


def test_a_backwards_link_counts_what_improved_from_the_earlier_round():
    backwards = open_trends(**{"from": SECOND, "to": BASELINE})
    forwards = open_trends(**{"from": BASELINE, "to": SECOND})
    assert metrics(backwards) == metrics(forwards)
    assert metrics(forwards)["Improved"] == "17"
    assert metrics(forwards)["Declined"] == "0"


def test_to_offers_only_later_rounds_and_a_later_from_moves_to_to_the_latest():
    at = open_trends(**{"from": BASELINE, "to": FIRST})
    assert at.selectbox(key="trend_from").label == "From (the earlier round)"
    assert len(at.selectbox(key="trend_from").options) == 2  # never the latest
    assert len(at.selectbox(key="trend_to").options) == 2  # after the baseline
    first = at.selectbox(key="trend_to").value
    at.selectbox(key="trend_from").set_value(first).run()
    assert not at.exception
    assert picked(at) == (FIRST, SECOND)
    assert (at.query_params["from"], at.query_params["to"]) == (FIRST, SECOND)
    assert len(at.selectbox(key="trend_to").options) == 1
    assert "Choose two different rounds" not in " ".join(i.value for i in at.info)


def test_on_a_phone_the_change_chart_shows_levels_as_numbers_and_the_caption_names_them():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["layout_narrow"] = True
    at.switch_page("pages/trends.py")
    for key, value in {"country": "Arvenia", "source": "demo"}.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    trend, change = (json.loads(chart.proto.spec) for chart in at.get("plotly_chart")[:2])
    assert trend["layout"]["xaxis"]["ticktext"][0] == "2019<br>Baseline"
    assert change["layout"]["xaxis"]["ticktext"] == ["0", "1", "2", "3", "4"]
    captions = " ".join(as_read(c.value) for c in at.caption)
    assert "Levels: 0 · Not in place, 1 · Building" in captions
