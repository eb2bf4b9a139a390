"""Plans against levels: the suggestion, one assessment's plan table, the follow-up in the
next round, and the portfolio across countries."""

from __future__ import annotations

import datetime

import pandas as pd
import pytest

from components.framework.model import default_framework
from components.scoring.plan_portfolio import portfolio_by_country, portfolio_by_domain
from components.scoring.plans import (
    MET,
    MISSED,
    NO_TARGET,
    NOT_ASSESSED,
    SHORT,
    done_below_target,
    follow_up,
    follow_up_counts,
    is_overdue,
    outcome,
    plan_table,
    suggest_priorities,
)
from tests.factories import capability_rows, plan_rows

FW = default_framework()
TODAY = datetime.date(2026, 6, 1)


@pytest.mark.parametrize(
    ("then", "target", "now", "expected"),
    [
        (1, 3, 3, MET),
        (1, 3, 4, MET),
        (1, 3, 2, SHORT),
        (1, 3, 1, MISSED),
        (2, 3, 1, MISSED),
        (None, 2, 1, MISSED),
        (1, 3, None, NOT_ASSESSED),
        (1, None, 3, NO_TARGET),
    ],
)
def test_each_target_has_one_outcome(then, target, now, expected):
    assert outcome(then, target, now) == expected


@pytest.mark.parametrize(
    ("date", "status", "expected"),
    [
        ("2026-05-31", "under way", True),
        ("2026-05-31", "not started", True),
        ("2026-05-31", "done", False),
        ("2026-05-31", "dropped", False),
        ("2026-06-01", "under way", False),
        (None, "under way", False),
        (pd.NA, "under way", False),
    ],
)
def test_overdue_means_past_the_date_and_still_open(date, status, expected):
    assert is_overdue(date, status, TODAY) is expected


def test_the_suggestion_ranks_gaps_by_domain_weight_and_leaves_out_the_unassessed():
    # 1 and 2 are policy capabilities, 7 criminal justice; 3 not assessed.
    levels = {1: 1, 2: 3, 7: 2, 3: None}
    capabilities = capability_rows("a", "Arvenia", 2024, levels)
    plain = suggest_priorities(capabilities, "a", FW, {})
    assert list(plain["No."]) == [1, 7, 2]
    domain = FW.capability(7).domain
    weighted = suggest_priorities(capabilities, "a", FW, {domain: 3})
    assert list(weighted["No."])[:2] == [7, 1]
    assert weighted.loc[0, "Gap x weight"] == (FW.scale.maximum - 2) * 3
    without = suggest_priorities(capabilities, "a", FW, {FW.capability(1).domain: 0})
    assert 1 not in set(without["No."])
    assert 3 not in set(plain["No."])


@pytest.mark.parametrize(
    ("levels", "limit", "expected"),
    [
        # no tie at the cut: exactly the limit
        ({1: 0, 2: 1, 3: 2, 4: 3}, 2, [1, 2]),
        # a tie at the cut: every capability tied with the last one shown, by number
        ({1: 1, 2: 3, 3: 3, 4: 3, 5: 2}, 2, [1, 5]),
        ({1: 1, 2: 3, 3: 3, 4: 3, 5: 2}, 3, [1, 5, 2, 3, 4]),
        # fewer than the limit: all of them
        ({1: 3, 2: 2}, 8, [2, 1]),
    ],
)
def test_where_to_start_never_cuts_through_a_tie(levels, limit, expected):
    capabilities = capability_rows("a", "Arvenia", 2024, levels)
    assert list(suggest_priorities(capabilities, "a", FW, {}, limit=limit)["No."]) == expected


def _two_rounds():
    capabilities = pd.concat(
        [
            capability_rows("r1", "Arvenia", 2021, {1: 1, 2: 0, 3: 2, 4: 1}),
            capability_rows("r2", "Arvenia", 2023, {1: 3, 2: 1, 3: 2}),
        ],
        ignore_index=True,
    )
    plans = plan_rows(
        "r1",
        {
            1: {"priority": "high", "target_level": 3, "status": "done"},
            2: {"priority": "high", "target_level": 2, "status": "under way"},
            3: {"priority": "low", "target_level": 3},
            4: {"priority": "medium", "target_level": 2},
            5: {"priority": "low"},
        },
    )
    return capabilities, plans


def test_the_follow_up_reads_the_earlier_plan_against_the_later_levels():
    capabilities, plans = _two_rounds()
    table = follow_up(capabilities, plans, "r1", "r2", FW)
    assert table[["No.", "Level then", "Target level", "Level now", "Result"]].values.tolist() == [
        [1, "1", "3", "3", MET],
        [2, "0", "2", "1", SHORT],
        [3, "2", "3", "2", MISSED],
        [4, "1", "2", "Not assessed", NOT_ASSESSED],
        [5, "Not assessed", "", "Not assessed", NO_TARGET],
    ]
    assert follow_up_counts(table) == {MET: 1, SHORT: 1, MISSED: 1, NOT_ASSESSED: 1, NO_TARGET: 1}
    assert follow_up(capabilities, plans, "r2", "r1", FW).empty


def test_the_plan_table_shows_levels_and_what_is_overdue():
    capabilities = capability_rows("a", "Arvenia", 2024, {1: 1})
    plans = plan_rows(
        "a",
        {
            1: {"priority": "high", "target_date": "2025-12-31", "status": "under way"},
            2: {"priority": "low", "target_date": "2025-12-31", "status": "done", "lead": "X"},
        },
    )
    table = plan_table(capabilities, plans, "a", FW, TODAY)
    assert table[
        ["No.", "Level now", "Priority", "Lead organisation", "Status", "Overdue"]
    ].values.tolist() == [
        [1, "1", "High", "", "Under way", "Overdue"],
        [2, "Not assessed", "Low", "X", "Done", ""],
    ]


@pytest.mark.parametrize(
    ("level", "target", "status", "flagged"),
    [
        (1, 3, "done", "18 · Innovative Solution Development (level 1, target 3)"),  # the demo's
        (0, 1, "done", "18 · Innovative Solution Development (level 0, target 1)"),
        (3, 3, "done", None),  # done at its target
        (4, 3, "done", None),
        (1, 3, "under way", None),
        (1, 3, "dropped", None),
        (None, 3, "done", None),  # not assessed: nothing to compare
        (1, None, "done", None),  # no target level
    ],
)
def test_a_plan_item_done_below_its_target_is_named(level, target, status, flagged):
    capabilities = capability_rows("a", "Arvenia", 2023, {} if level is None else {18: level})
    plans = plan_rows("a", {18: {"target_level": target, "status": status}, 2: {"status": "done"}})
    note = done_below_target(plan_table(capabilities, plans, "a", FW, TODAY))
    if flagged is None:
        assert note == ""
    else:
        assert note == (
            f"Marked done, but this round's level is still below the target: {flagged}. "
            "Check the status, or the level."
        )


def test_the_portfolio_counts_the_latest_plan_of_each_country_without_ranking():
    capabilities = pd.concat(
        [
            capability_rows("z1", "Zembla", 2020, {1: 1}),
            capability_rows("z2", "Zembla", 2022, {1: 2}),
            capability_rows("y1", "Yland", 2022, {7: 1}),
            capability_rows("x1", "Xanadu", 2022, {1: 1}),  # no plan: not in the portfolio
        ],
        ignore_index=True,
    )
    policy = FW.capability(1).domain
    other = next(c.number for c in FW.capabilities if c.domain != policy)
    plans = pd.concat(
        [
            plan_rows("z1", {1: {"priority": "high", "status": "done"}}),
            plan_rows(
                "z2",
                {
                    1: {"priority": "high", "status": "done"},
                    2: {"priority": "high", "target_date": "2026-01-01"},
                },
            ),
            plan_rows("y1", {other: {"priority": "high"}, 1: {"priority": "low"}}),
        ],
        ignore_index=True,
    )
    domains = portfolio_by_domain(capabilities, plans, FW, TODAY).set_index("Domain")
    policy_row = domains.loc[FW.domain(policy).name]
    assert policy_row["Countries with a plan here"] == 2
    assert policy_row["Planned capabilities"] == 3  # z2's two and y1's low one, not z1's
    assert policy_row["High priority"] == 2  # z2's two, not z1's older plan
    assert policy_row["High priority done"] == "1 of 2 (50%)"
    assert policy_row["Done"] == 1
    assert policy_row["Overdue"] == 1  # z2's capability 2, past its date and not done
    assert domains.loc[FW.domain(FW.capability(other).domain).name, "High priority"] == 1
    named = portfolio_by_country(
        capabilities, plans, {"z2": "Zembla 2022", "y1": "Yland 2022"}, TODAY
    )
    assert list(named["Country"]) == ["Yland", "Zembla"]  # by name, never by result
    assert list(named["Round"]) == ["Yland 2022", "Zembla 2022"]
    for column in ("Planned capabilities", "Done", "Overdue", "High priority"):
        assert named[column].sum() == domains[column].sum(), column  # same names, same counts
    hidden = portfolio_by_country(capabilities, plans, {}, TODAY, anonymised=True)
    assert list(hidden["Country"]) == ["Country A", "Country B"]
    assert "Round" not in hidden.columns


def test_each_gap_shows_its_plan_or_that_it_has_none():
    from components.scoring.plans import gaps_with_plans
    from components.scoring.scores import strengths_and_gaps

    capabilities = capability_rows("a", "Arvenia", 2024, {1: 0, 2: 1, 3: 4, 4: 4})
    plans = plan_rows(
        "a",
        {1: {"priority": "high", "target_level": 2, "target_date": "2026-01-01", "lead": "X"}},
    )
    _, gaps = strengths_and_gaps(capabilities, "a", FW)
    table = gaps_with_plans(gaps, plans, "a", TODAY)
    assert table[["Priority", "Target", "Lead organisation", "Status"]].values.tolist() == [
        ["High", "level 2 by 2026-01-01", "X", "Not started (overdue)"],
        ["No plan yet", "", "", ""],
    ]
