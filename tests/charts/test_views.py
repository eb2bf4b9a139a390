"""The picture pages' view functions: captions say what they rest on, tables match figures."""

import itertools

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


@pytest.mark.parametrize(
    ("min_peers", "median_cell", "words"),
    [
        (2, "3.0 [2.5–3.5] (n=2)", "Median of 2 assessments of all other countries"),
        (3, None, "No peer median: it would rest on 2 assessments"),
    ],
)
def test_profile_radar_caption_and_table(capabilities, min_peers, median_cell, words):
    from components.framework.country_groups import default_classification
    from components.scoring.peer_groups import PeerGroup, peer_median

    framework = default_framework()
    peers = peer_median(
        capabilities, framework, "b", PeerGroup(), default_classification(), min_peers=min_peers
    )
    view = profile_radar(capabilities, framework, LABELS, "b", peers=peers)
    assert view.caption.startswith("Arvenia 2022: 5 of 21 capabilities assessed.")
    assert words in view.caption
    row = view.table.set_index("Domain").loc["Policy and Governance"]
    assert row["Arvenia 2022"] == "1.7 (3 of 3)"
    if median_cell is None:
        assert "Peer median [Q1–Q3]" not in view.table.columns
        assert not [t for t in view.figure.data if str(t.name).startswith("Median")]
    else:
        assert row["Peer median [Q1–Q3]"] == median_cell
        names = [trace.name for trace in view.figure.data]
        assert "Median of 2 assessments of all other countries" in names
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


def test_every_demo_change_shown_is_like_for_like(capsys):
    """On the fictional demo, trends, slides and briefs all show the like-for-like change.

    Prints how many of the demo's domain changes (consecutive rounds) the naive difference of
    two scores would have shown differently, to one decimal as shown.
    """
    from components.charts.views import since_previous_round
    from components.exports.brief import make_brief
    from components.ingest.demo import load_demo
    from components.ingest.labels import assessment_labels
    from components.scoring.change import change_text, domain_changes
    from components.scoring.rounds import country_rounds

    framework = default_framework()
    demo = load_demo(framework)
    capabilities = demo.capabilities
    labels = assessment_labels(capabilities)
    shown = differ = 0
    for country in sorted(set(capabilities["country"])):
        rounds = list(country_rounds(capabilities, country)["assessment_id"])
        for earlier, later in itertools.pairwise(rounds):
            domains = domain_changes(capabilities, earlier, later, framework)
            expected = [
                # the same capabilities in both rounds: the difference of the shown scores
                change_text(c, n, t, scores=(b, a) if n == nb == na else None)
                for c, n, t, b, a, nb, na in zip(
                    domains["change"],
                    domains["compared"],
                    domains["total"],
                    domains["score_before"],
                    domains["score_after"],
                    domains["assessed_before"],
                    domains["assessed_after"],
                    strict=True,
                )
            ]
            trends = change_view(capabilities, framework, labels, earlier, later).domains
            # What the slides and the exports show (the brief and the deck take it as it is).
            since = since_previous_round(capabilities, framework, labels, later)
            assert since is not None
            assert since.earlier_id == earlier
            for table in (trends, since.table):
                assert table["Change (like for like)"].tolist()[:-1] == expected
            naive = domains["score_after"] - domains["score_before"]
            for naive_change, change in zip(naive, domains["change"], strict=True):
                shown += 1
                as_shown = [None if pd.isna(v) else round(v, 1) for v in (naive_change, change)]
                differ += as_shown[0] != as_shown[1]
    with capsys.disabled():
        print(
            f"\nFictional demo: {differ} of {shown} domain changes between consecutive rounds "
            "would differ if taken as the difference of the two scores."
        )
    assert shown == 72
    assert differ > 0
    brief = make_brief(capabilities, demo.enablers, framework, later, labels)
    assert brief.since is not None
    pd.testing.assert_frame_equal(brief.since.table, since.table)


@pytest.mark.parametrize(
    ("first", "second", "headings"),
    [
        # A long name is cut in the table's headings (the legend and the caption keep it).
        (
            "Republic of " + "Verylongname" * 4,
            "Belmora 2021",
            ["Domain", "Republic of VerylongnameVerylon…", "Belmora 2021"],
        ),
        # ... unless cutting makes two the same.
        ("Same beginning " + "x" * 30 + " 2021", "Same beginning " + "x" * 30 + " 2022", None),
    ],
)
def test_comparison_table_headings_stay_short_and_distinct(capabilities, first, second, headings):
    labels = {**LABELS, "b": first, "c": second}
    _, _, table = comparison_views(capabilities, default_framework(), labels, ["b", "c"], None)
    assert list(table.columns) == (headings or ["Domain", first, second])


def _reader_difference(first: str, second: str) -> str:
    """What a reader works out from two shown cells such as "3.5 (4 of 4)"."""
    value = float(second.split(maxsplit=1)[0]) - float(first.split(maxsplit=1)[0])
    return "0.0" if abs(value) < 1e-9 else f"{value:+.1f}".replace("-", "−")


def test_demo_differences_and_changes_agree_with_the_shown_scores():
    """The review's examples (Arvenia 2021 → 2023; Arvenia beside Calderra and Dravonia), and
    every shown difference of the demo's latest rounds, equal a reader's subtraction."""
    from components.ingest.demo import load_demo
    from components.ingest.labels import assessment_labels
    from components.scoring.rounds import country_rounds, latest_assessments

    framework = default_framework()
    capabilities = load_demo(framework).capabilities
    labels = assessment_labels(capabilities)
    ids = list(latest_assessments(capabilities))
    focus = next(i for i in ids if labels[i].startswith("Arvenia"))
    _bars, _radar, table = comparison_views(capabilities, framework, labels, ids, focus)
    victim = table.set_index("Domain").loc["Victim"]
    assert victim["Calderra 2024 (Second review): difference"] == "+0.3"  # 3.8 − 3.5
    assert victim["Dravonia 2024 (First review): difference"] == "−1.2"  # 2.3 − 3.5
    for other in ids:
        if other != focus:
            for first, second, shown in zip(
                table[labels[focus]],
                table[labels[other]],
                table[f"{labels[other]}: difference"],
                strict=True,
            ):
                assert shown == _reader_difference(first, second)
    earlier, later = list(country_rounds(capabilities, "Arvenia")["assessment_id"])[-2:]
    domains = change_view(capabilities, framework, labels, earlier, later).domains
    rows = domains.set_index("Domain")
    assert rows.loc["Victim"].tolist() == [
        "3.3 (4 of 4)",
        "3.5 (4 of 4)",
        "+0.2 over 4 of 4 capabilities",
    ]
    assert rows.loc["All capabilities"].tolist() == [
        "2.1 (21 of 21)",
        "3.0 (21 of 21)",
        "+0.9 over 21 of 21 capabilities",
    ]
    for first, second, change in zip(
        domains[labels[earlier]], domains[labels[later]], domains.iloc[:, 3], strict=True
    ):
        assert change.split()[0] == _reader_difference(first, second)  # all 4 of 4 here


@pytest.mark.parametrize(("rows", "said"), [(3, False), (80, False), (240, True)])
def test_the_heatmap_says_where_the_levels_are_when_its_cells_cannot_hold_them(rows, said):
    ids = [f"r{i:03d}" for i in range(rows)]
    frame = pd.concat(
        [capability_rows(i, f"Country {i}", 2020, {1: 2, 5: 3}) for i in ids], ignore_index=True
    )
    labels = {i: f"Country {i} 2020" for i in ids}
    view = heatmap_view(frame, default_framework(), labels, ids)
    assert ("each is in its cell's hover and in the table of numbers below" in view.caption) is said
