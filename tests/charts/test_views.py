"""The picture pages' view functions: captions say what they rest on, tables match figures."""

import pandas as pd
import pytest

from components.charts.views import (
    change_view,
    comparison_views,
    heatmap_view,
    peer_ids,
    pillar_radars,
    profile_radar,
)
from components.framework.model import default_framework
from tests.factories import capability_rows

LABELS = {"a": "Arvenia 2020", "b": "Arvenia 2022", "c": "Belmora 2021", "d": "Calderra 2021"}


@pytest.fixture(scope="module")
def capabilities():
    return pd.concat(
        [
            capability_rows("a", "Arvenia", 2020, {1: 1, 2: 2, 3: 3, 8: 0}),
            capability_rows("b", "Arvenia", 2022, {1: 2, 2: 2, 3: 1, 8: 2, 12: 4}),
            capability_rows("c", "Belmora", 2021, dict.fromkeys(range(1, 22), 2)),
            capability_rows("d", "Calderra", 2021, {n: 4 for n in range(1, 22) if n != 5}),
        ],
        ignore_index=True,
    )


def test_peers_are_the_latest_of_other_countries(capabilities):
    assert sorted(peer_ids(capabilities, "b")) == ["c", "d"]


def test_profile_radar_caption_and_table(capabilities):
    view = profile_radar(capabilities, default_framework(), LABELS, "b", with_peer_median=True)
    assert view.caption.startswith("Arvenia 2022: 5 of 21 capabilities assessed.")
    assert "2 other countries" in view.caption
    row = view.table.set_index("Domain").loc["Policy and Governance"]
    assert row["Arvenia 2022"] == "1.7 (3 of 3)"
    assert row["Peer median [Q1–Q3]"] == "3.0 [2.5–3.5] (n=2)"
    assert view.table.set_index("Domain").loc["Industry", "Arvenia 2022"] == "– (0 of 4)"
    focus = view.figure.data[0]
    assert focus.r[0] == pytest.approx(5 / 3)


def test_pillar_radars_one_per_domain(capabilities):
    views = pillar_radars(capabilities, default_framework(), LABELS, "a", overlay_id="b")
    assert list(views) == [d.id for d in default_framework().domains]
    victim = views["victim"]
    assert victim.caption == "Arvenia 2020: 1 of 4 capabilities assessed in this domain."
    assert list(victim.table.columns) == ["Capability", "Arvenia 2020", "Arvenia 2022"]


def test_heatmap_default_order_is_alphabetical_and_caption_counts(capabilities):
    view = heatmap_view(capabilities, default_framework(), LABELS, ["d", "c", "b"])
    assert list(view.table["Assessment"]) == ["Arvenia 2022", "Belmora 2021", "Calderra 2021"]
    assert view.caption == (
        "3 assessments; 46 of 63 capability levels assessed. Grey cells were not assessed."
    )
    assert view.table.set_index("Assessment").loc["Calderra 2021", "5"] == "–"


def test_comparison_keeps_the_chosen_order_and_differences(capabilities):
    bars, _radar, differences = comparison_views(
        capabilities, default_framework(), LABELS, ["d", "b", "c"], focus_id="b"
    )
    assert [trace.name for trace in bars.figure.data if trace.type == "bar"] == [
        "Calderra 2021",
        "Arvenia 2022",
        "Belmora 2021",
    ]
    row = differences.set_index("Domain").loc["Policy and Governance"]
    assert row["Calderra 2021: difference"] == "+2.3"
    assert row["Belmora 2021: difference"] == "+0.3"
    assert differences.set_index("Domain").loc["Industry", "Belmora 2021: difference"] == "–"


def test_radar_caps_the_number_of_shapes(capabilities):
    many = capabilities.assign(assessment_id=capabilities["assessment_id"])
    labels = dict(LABELS)
    frames = [many]
    for extra in ("e", "f"):
        frames.append(capability_rows(extra, f"Land {extra}", 2021, {1: 1}))
        labels[extra] = f"Land {extra} 2021"
    both = pd.concat(frames, ignore_index=True)
    _, radar, _ = comparison_views(
        both, default_framework(), labels, ["a", "b", "c", "d", "e", "f"], focus_id="a"
    )
    assert "first 4 of the 6" in radar.caption


def test_change_view_counts(capabilities):
    change = change_view(capabilities, default_framework(), LABELS, "a", "b")
    assert change.counts["improved"] == 2  # 1 and 8
    assert change.counts["unchanged"] == 1  # 2
    assert change.counts["declined"] == 1  # 3
    assert change.counts["newly assessed"] == 1  # 12
    assert list(change.drops["Capability"]) == ["3 · Legislation"]
    assert list(change.drops["Change"]) == ["-2"]
