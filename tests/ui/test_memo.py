"""Work done once per change of the session's assessments: kept by content, per session."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from components.ingest.collection import Collection
from components.ui.memo import Deferred, collection_fingerprint


def _collection(levels: list[int | None]) -> Collection:
    frame = pd.DataFrame(
        {
            "assessment_id": ["a"] * len(levels),
            "capability": list(range(1, len(levels) + 1)),
            "level": pd.array(levels, dtype="Int64"),
        }
    )
    return Collection(capabilities=frame)


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ([1, 2, None], [1, 2, None], True),  # another object with the same data
        ([1, 2, None], [1, 2, 3], False),  # a capability assessed since
        ([1, 2, None], [1, 2], False),  # a row fewer
        ([None, 2, 1], [1, 2, None], False),  # the same levels on other capabilities
    ],
)
def test_the_fingerprint_follows_the_content(first, second, same):
    a, b = collection_fingerprint(_collection(first)), collection_fingerprint(_collection(second))
    assert (a == b) is same


def _counting_script() -> None:
    import streamlit as st

    from components.ui.memo import remember

    calls = st.session_state.setdefault("calls", [])
    choice = st.session_state.get("choice", "x")

    def compute() -> str:
        calls.append(choice)
        return f"made for {choice}"

    st.write(remember(st.session_state["data"], "view", choice, compute))


def _session(levels: list[int | None]) -> AppTest:
    at = AppTest.from_function(_counting_script)
    at.session_state["data"] = _collection(levels)
    return at


def test_a_view_is_made_once_per_change_of_data_or_choice():
    at = _session([1, 2, None]).run()
    at.run()
    assert at.session_state["calls"] == ["x"], "a rerun with nothing changed made it again"
    at.session_state["data"] = _collection([1, 2, None])  # reloaded, same content
    at.run()
    assert at.session_state["calls"] == ["x"]
    at.session_state["choice"] = "y"
    at.run()
    assert at.session_state["calls"] == ["x", "y"]
    at.session_state["data"] = _collection([1, 2, 3])  # the data changed: made afresh
    at.run()
    assert at.session_state["calls"] == ["x", "y", "y"]
    assert at.markdown[0].value == "made for y"


def test_each_session_makes_its_own():
    first, second = _session([1, 2, None]).run(), _session([1, 2, None]).run()
    assert first.session_state["calls"] == ["x"]
    assert second.session_state["calls"] == ["x"], "a view was handed over between sessions"


def test_deferred_makes_nothing_until_used_then_once():
    made: list[int] = []

    def make() -> dict[str, int]:
        made.append(1)
        return {"a": 1, "b": 2}

    values = Deferred(["a", "b"], make)
    assert list(values) == ["a", "b"]
    assert len(values) == 2
    assert not made
    assert dict(values.items()) == {"a": 1, "b": 2}
    assert values["b"] == 2
    assert made == [1]
    with pytest.raises(KeyError):
        values["c"]


def _demo_collection(levels: list[int | None], origin: str = "demo") -> Collection:
    frame = _collection(levels).capabilities.assign(origin=origin)
    return Collection(capabilities=frame)


@pytest.mark.parametrize(
    ("origins", "shared"),
    [
        (["demo", "demo"], True),  # nothing but the fictional demo: the same for everyone
        (["demo", "upload"], False),  # an upload beside the demo: this session's own
        (["library", "library"], False),
    ],
)
def test_only_the_fictional_demo_is_shared_between_sessions(origins, shared):
    from components.ui.memo import shared_memo

    shared_memo.clear()
    frame = pd.DataFrame(
        {
            "assessment_id": ["a", "b"],
            "capability": [1, 1],
            "level": pd.array([2, None], dtype="Int64"),
            "origin": origins,
        }
    )
    sessions = []
    for _ in range(2):
        at = AppTest.from_function(_counting_script)
        at.session_state["data"] = Collection(capabilities=frame.copy())
        sessions.append(at.run())
    made = [at.session_state["calls"] for at in sessions]
    assert made == ([["x"], []] if shared else [["x"], ["x"]])
    assert all(at.markdown[0].value == "made for x" for at in sessions)


def test_sessions_asking_at_once_wait_for_one_maker():
    import threading
    import time

    from components.ui.memo import SharedMemo

    memo = SharedMemo(max_entries=2)
    made: list[str] = []
    started = threading.Barrier(6)

    def compute() -> str:
        made.append("view")
        time.sleep(0.05)  # long enough for the others to ask while it is being made
        return "the view"

    results: list[str] = []

    def ask() -> None:
        started.wait()
        results.append(memo.get("key", compute))

    threads = [threading.Thread(target=ask) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert made == ["view"]
    assert results == ["the view"] * 6
    for key in ("b", "c", "d"):  # bounded: the least recently used goes first
        memo.get(key, lambda k=key: k)
    assert len(memo) == 2
    assert memo.get("key", lambda: "made again") == "made again"
