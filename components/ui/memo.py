"""Work done once per change of the session's assessments, not on every rerun.

Streamlit reruns a page from the top on every click; most of what a picture page computes
(labels, choices, scores, figures) depends only on the session's assessments and a few
choices. :func:`remember` keeps those results in this session's own ``st.session_state``,
keyed by a fingerprint of the session's assessments (their content, not the object) and by
the choices that shaped them.

Why session state and not ``st.cache_data``: ``st.cache_data`` is shared by every session of
the process and outlives them. Keyed by content it would never hand one person's data to
someone who did not already hold the same data, but it would keep uploads in memory after
their session ended, and a shared cache must not hold per-user data (design.md). In session
state the results go when the session goes, and a change of the assessments (an upload, the
demo, an edit) drops them all at once: nothing stale can be shown.

The one exception is the fictional demo: it is the same for everyone and belongs to nobody,
and it is what a room full of people opens at once in a workshop. While a session holds
nothing but demo assessments, its results are kept in one cache shared by every session
(:class:`SharedMemo`, bounded, keyed by the same content fingerprint), and sessions that ask
for the same result at the same moment wait for one of them to make it instead of each
making it again on the same two cores. A session holding anything else (an upload, the
library, an edit) keeps its own results, as above.

The values are the pure results of the lower layers (figures, tables, dicts). Callers treat
them as read-only: they are drawn, or copied before they are changed (exports and the
projector copy every figure they restyle). A figure once drawn also carries the copy its
browser got (``components.ui.render.draw_chart``), which a change in place would leave stale.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

import pandas as pd
import streamlit as st

from components.ingest.collection import FICTIONAL_ORIGIN, Collection
from components.scoring.peer_groups import PeerMedian

T = TypeVar("T")

MEMO = "mnr_memo"
FINGERPRINT = "mnr_memo_fingerprint"
#: Enough for every view of a few pages with a few choices each; the oldest goes first, so
#: clicking through many countries does not grow a session without bound.
MAX_ENTRIES = 64
#: The demo's results for every session: its pages, countries and choices, a few figures each.
SHARED_MAX_ENTRIES = 512


def frame_fingerprint(frame: pd.DataFrame) -> str:
    """A digest of a frame's columns and cell values (its row order included)."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(repr(list(frame.columns)).encode())
    if len(frame):
        hashed = pd.util.hash_pandas_object(frame, index=False)
        digest.update(hashed.to_numpy().tobytes())
    return digest.hexdigest()


def collection_fingerprint(collection: Collection) -> str:
    """A digest of everything in a collection: two collections with the same data share it."""
    return (
        frame_fingerprint(collection.capabilities)
        + frame_fingerprint(collection.enablers)
        + frame_fingerprint(collection.plans)  # the plan slide and the gaps' plans show them
    )


def only_fictional(collection: Collection) -> bool:
    """True when the collection holds assessments and every one is fictional demo data."""
    origins = collection.capabilities.get("origin")
    return origins is not None and len(origins) > 0 and bool((origins == FICTIONAL_ORIGIN).all())


class SharedMemo:
    """Results shared by every session, made once even when many sessions ask at once.

    Only for data that belongs to nobody (the fictional demo). Bounded: the least recently
    used result goes first.
    """

    def __init__(self, max_entries: int = SHARED_MAX_ENTRIES) -> None:
        self._max_entries = max_entries
        self._lock = threading.Lock()
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._making: dict[Hashable, threading.Lock] = {}

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The result kept under ``key``, or ``compute()``'s, kept (one maker per key)."""
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]  # type: ignore[no-any-return]
            making = self._making.setdefault(key, threading.Lock())
        with making:  # a second session asking now waits for the first one's result
            with self._lock:
                if key in self._entries:
                    return self._entries[key]  # type: ignore[no-any-return]
            try:
                value = compute()
            finally:
                with self._lock:
                    self._making.pop(key, None)
            with self._lock:
                self._entries[key] = value
                while len(self._entries) > self._max_entries:
                    self._entries.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._entries)


@st.cache_resource(show_spinner=False)
def shared_memo() -> SharedMemo:
    """The process's one cache of results over fictional demo data."""
    return SharedMemo()


def _current_fingerprint(collection: Collection) -> tuple[str, bool]:
    """The collection's fingerprint, and whether it holds nothing but the fictional demo."""
    # Collections are immutable and replaced on every change, so the digest is computed once
    # per collection object (the object is kept beside it, so its id cannot be reused).
    kept = st.session_state.get(FINGERPRINT)
    if kept is not None and kept[0] is collection:
        return kept[1], kept[2]
    fingerprint = collection_fingerprint(collection)
    shared = only_fictional(collection)
    st.session_state[FINGERPRINT] = (collection, fingerprint, shared)
    return fingerprint, shared


def remember(collection: Collection, name: str, choices: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or what it returned before for the same assessments and choices.

    ``compute`` must depend on nothing but ``collection`` and ``choices`` (and the framework,
    the same for everyone): whatever else it reads must be part of ``choices``. Over the
    fictional demo alone, the result is shared with every session holding the same demo.
    """
    fingerprint, shared = _current_fingerprint(collection)
    if shared:
        return shared_memo().get((fingerprint, name, choices), compute)
    store: dict[str, Any] | None = st.session_state.get(MEMO)
    if store is None or store["fingerprint"] != fingerprint:
        store = {"fingerprint": fingerprint, "entries": OrderedDict()}
        st.session_state[MEMO] = store
    entries: OrderedDict[tuple[str, Hashable], Any] = store["entries"]
    key = (name, choices)
    if key in entries:
        entries.move_to_end(key)
        return entries[key]
    value = compute()
    entries[key] = value
    while len(entries) > MAX_ENTRIES:
        entries.popitem(last=False)
    return value


def peer_choices(peers: PeerMedian | None) -> Hashable:
    """What of a peer median shapes a figure, as a key for :func:`remember`.

    The median can draw on the library's shared aggregates, which change outside this
    session, so it is computed on every run and its numbers are part of the key.
    """
    if peers is None:
        return None
    return (
        repr(peers.group),
        peers.count,
        peers.from_library,
        peers.min_peers,
        frame_fingerprint(peers.stats),
    )


class Deferred(Mapping[str, T]):
    """A mapping whose values are made on first use, all at once, then kept.

    For what a page hands on but rarely needs, like the figures of an export made only when
    someone clicks its button (on the download's own thread: ``make`` must be pure).
    """

    def __init__(self, keys: Iterable[str], make: Callable[[], Mapping[str, T]]) -> None:
        self._keys = tuple(keys)
        self._make = make
        self._made: Mapping[str, T] | None = None

    def _values(self) -> Mapping[str, T]:
        if self._made is None:
            self._made = self._make()
        return self._made

    def __getitem__(self, key: str) -> T:
        if key not in self._keys:
            raise KeyError(key)
        return self._values()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)
