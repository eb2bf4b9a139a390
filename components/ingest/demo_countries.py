"""The fictional demo's countries and marks, apart from how the demo is made and loaded.

``demo`` builds the demo assessments from these profiles and loads them through the reader;
the reader itself needs the demo's marks (its invented countries, their user-assigned codes,
the team named as their assessor) to tell the app's own demo from a real assessment when a
workbook holds both (``demo_left_in``). Kept here so that the reader need not import ``demo``
(which imports the reader).
"""

from __future__ import annotations

from dataclasses import dataclass

ASSESSED_BY = "Demo assessment team (fictional)"
ROUND_LABELS = ("Baseline", "First review", "Second review")


@dataclass(frozen=True)
class DemoCountry:
    """A fictional country: its starting point per domain and how it moves between rounds."""

    name: str
    iso3: str
    years: tuple[int, ...]
    baseline: tuple[int, ...]  # starting level per domain, in the framework's domain order
    improving: frozenset[int]  # domain positions that gain a level per round
    not_assessed_at_baseline: frozenset[int]  # capability numbers left blank in round one
    never_assessed: frozenset[int] = frozenset()
    declines: frozenset[int] = frozenset()  # capabilities that drop a level in the last round


DEMO_COUNTRIES: tuple[DemoCountry, ...] = (
    DemoCountry(
        "Arvenia",
        "XAA",
        (2019, 2021, 2023),
        (3, 2, 2, 1, 1, 2),
        frozenset({2, 3}),
        frozenset({7, 18}),
        declines=frozenset({11}),
    ),
    DemoCountry(
        "Belmora",
        "XAB",
        (2020, 2023),
        (1, 1, 2, 2, 0, 1),
        frozenset({0, 1}),
        frozenset({15, 19, 21}),
        never_assessed=frozenset({10}),
    ),
    DemoCountry(
        "Calderra",
        "XAC",
        (2018, 2021, 2024),
        (2, 3, 3, 2, 2, 1),
        frozenset({4, 5}),
        frozenset({14}),
        declines=frozenset({5}),
    ),
    DemoCountry(
        "Dravonia",
        "XAD",
        (2021, 2024),
        (0, 1, 1, 0, 1, 0),
        frozenset({0, 2, 3}),
        frozenset({6, 7, 16, 17}),
        never_assessed=frozenset({18}),
    ),
    DemoCountry(
        "Estavel",
        "XAE",
        (2019, 2022, 2024),
        (3, 3, 2, 3, 2, 3),
        frozenset({2}),
        frozenset(),
        declines=frozenset({13, 20}),
    ),
    DemoCountry(
        "Fenmark",
        "XAF",
        (2020, 2022),
        (2, 2, 1, 1, 3, 2),
        frozenset({1, 3}),
        frozenset({10, 11}),
        never_assessed=frozenset({15}),
    ),
    DemoCountry(
        "Galvany",
        "XAG",
        (2021, 2023, 2025),
        (1, 2, 2, 2, 1, 0),
        frozenset({0, 5}),
        frozenset({2, 19}),
        declines=frozenset({9}),
    ),
    DemoCountry(
        "Hollmere",
        "XAH",
        (2022, 2024),
        (2, 1, 3, 2, 2, 2),
        frozenset({1, 4}),
        frozenset({6, 12, 21}),
    ),
)
