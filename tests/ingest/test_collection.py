"""The session's collection: adding, replacing, removing, summarising, duplicates."""

import pandas as pd
import pytest

from components.ingest.collection import (
    Collection,
    add_assessments,
    discarded_by_choice,
    duplicate_groups,
    is_fictional,
    remove_assessments,
    remove_origin,
    summarise,
)
from tests.factories import capability_rows, enabler_rows


def collection_of(*specs, origin="upload"):
    current = Collection()
    for assessment_id, country, year, levels in specs:
        current = add_assessments(
            current,
            capability_rows(assessment_id, country, year, levels),
            enabler_rows(assessment_id, country, year),
            origin,
        )
    return current


def test_empty_collection():
    empty = Collection()
    assert empty.is_empty
    assert empty.count() == 0
    assert not empty.has_demo
    assert summarise(empty).empty


def test_adding_the_same_assessment_twice_replaces_it():
    first = collection_of(("a1", "Arvenia", 2020, {1: 2}))
    again = add_assessments(
        first,
        capability_rows("a1", "Arvenia", 2020, {1: 3}),
        enabler_rows("a1", "Arvenia", 2020),
        "upload",
    )
    assert again.count() == 1
    assert len(again.capabilities) == 21
    assert again.capabilities.loc[again.capabilities["capability"] == 1, "level"].item() == 3


@pytest.mark.parametrize(
    ("remove", "left"),
    [([], {"a1", "a2", "a3"}), (["a2"], {"a1", "a3"}), (["a1", "a3", "zz"], {"a2"})],
)
def test_remove_assessments(remove, left):
    current = collection_of(
        ("a1", "Arvenia", 2020, {}), ("a2", "Belmora", 2021, {}), ("a3", "Calderra", 2022, {})
    )
    after = remove_assessments(current, remove)
    assert set(after.assessment_ids) == left
    assert set(after.enablers["assessment_id"]) == left


def test_demo_and_uploads_are_told_apart():
    current = collection_of(("u1", "Mine", 2024, {1: 1}))
    current = add_assessments(
        current,
        capability_rows("d1", "Arvenia", 2020, {}),
        enabler_rows("d1", "Arvenia", 2020),
        "demo",
    )
    assert (current.count("upload"), current.count("demo"), current.has_demo) == (1, 1, True)
    assert current.counts_by_origin() == {"upload": 1, "demo": 1}
    assert Collection().counts_by_origin() == {}
    without_demo = remove_origin(current, "demo")
    assert without_demo.assessment_ids == ["u1"]
    assert not without_demo.has_demo


def test_summary_counts_assessed_capabilities_not_zeros():
    current = collection_of(("a1", "Arvenia", 2020, {1: 0, 2: 4, 3: None}))
    summary = summarise(current)
    row = summary.iloc[0]
    assert (row["country"], row["assessed"], row["total"]) == ("Arvenia", 2, 21)


def test_duplicates_between_session_and_upload_and_the_choice():
    current = collection_of(("old", "Arvenia", 2020, {1: 1}))
    pending = pd.concat(
        [
            capability_rows("new", " arvenia ", 2020, {1: 2}, source="b.xlsx › Assessment"),
            capability_rows("other", "Belmora", 2020, {1: 2}),
        ],
        ignore_index=True,
    )
    groups = duplicate_groups(current, pending)
    assert set(groups["assessment_id"]) == {"old", "new"}
    assert dict(zip(groups["assessment_id"], groups["where"], strict=True)) == {
        "old": "in this session",
        "new": "new upload",
    }
    group = groups["duplicate_group"].iloc[0]
    assert discarded_by_choice(groups, {group: "new"}) == {"old"}
    assert discarded_by_choice(groups, {group: "old"}) == {"new"}
    assert discarded_by_choice(groups, {}) == set()
    assert discarded_by_choice(groups, {group: "not-a-member"}) == set()


def test_an_upload_already_in_the_session_is_not_its_own_duplicate():
    current = collection_of(("a1", "Arvenia", 2020, {}))
    groups = duplicate_groups(current, capability_rows("a1", "Arvenia", 2020, {}))
    assert groups.empty


def _with_editions(editions: dict[str, str | None]):
    import pandas as pd

    from tests.factories import capability_rows

    frames = []
    for number, (assessment_id, edition) in enumerate(editions.items()):
        rows = capability_rows(assessment_id, f"Country {number}", 2020 + number, {1: 2})
        frames.append(rows.assign(framework_edition=edition))
    return pd.concat(frames, ignore_index=True)


@pytest.mark.parametrize(
    ("editions", "says"),
    [
        ({"a": "2016", "b": "2016"}, None),
        ({"a": "2016", "b": None}, None),  # unknown: read with the app's framework (2016)
        ({"a": "2016", "b": "2024"}, "a: 2016; b: 2024"),
        ({"a": None, "b": "2024"}, "a: 2016; b: 2024"),
    ],
)
def test_a_comparison_across_framework_editions_says_so(editions, says):
    from components.ingest.collection import assessment_editions, editions_notice

    capabilities = _with_editions(editions)
    notice = editions_notice(capabilities, list(editions), {}, "2016")
    if says is None:
        assert notice is None
    else:
        assert "different editions of the framework" in notice
        assert says in notice
    assert set(assessment_editions(capabilities, ["a"], "2016").values()) <= {"2016", "2024"}


@pytest.mark.parametrize(
    ("asked", "fictional"),
    [([], False), (["u1"], False), (["d1"], True), (["u1", "d1"], True), (["zz"], False)],
)
def test_any_fictional_names_the_demos_assessments_only(asked, fictional):
    current = add_assessments(
        collection_of(("u1", "Mine", 2024, {1: 1})),
        capability_rows("d1", "Arvenia", 2020, {}),
        enabler_rows("d1", "Arvenia", 2020),
        "demo",
    )
    assert current.fictional_ids == {"d1"}
    assert current.any_fictional(asked) is fictional
    assert is_fictional(current.capabilities, asked) is fictional  # the same answer
