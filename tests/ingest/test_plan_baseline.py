"""A plan sheet with a "Current level" beside its target level, whatever its tab is called, is
the plan of the file's assessment, never a second assessment named after the tab
(components/ingest/plan_baseline, plan_sheet)."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import TITLES, by_assessment, read, xlsx

LEVELS = {n: n % 5 for n in range(1, 22)}
PLANNED = (3, 6, 12, 17)
FORM = [["Country", "Kenya"], ["Year", 2024], [], ["No.", "Capability", "Level"]] + [
    [n, TITLES[n], LEVELS[n]] for n in range(1, 22)
]
FULL_HEAD = ["No.", "Capability", "Current level", "Target level (2026)", "Lead", "Deadline"]


def plan(head=FULL_HEAD, current=LEVELS):
    rows = [head]
    for n in PLANNED:
        row = {"No.": n, "N°": n, "Capability": TITLES[n], "Deadline": "Dec 2025"}
        cells = []
        for name in head:
            if "urrent" in name or "actuel" in name or "actual" in name or "atual" in name:
                cells.append(current[n])
            elif name.startswith(("Target", "Niveau cible", "Nivel objetivo", "Nível alvo")):
                cells.append(min(4, current[n] + 1))
            else:
                cells.append(row.get(name, "Ministry of Interior"))
        rows.append(cells)
    return rows


@pytest.mark.parametrize(
    "name",
    [
        "Action Plan 2024-2026",
        "Targets",
        "Targets 2026",
        "Workplan 2024-25",
        "Work plan",
        "Next steps",
        "Priorities",
        "Plan 2024-2026",
        "Improvement plan",
        "Objectifs 2026",
        "Feuille de route",
        "Prochaines étapes",
        "Plan de trabajo",
        "Próximos pasos",
        "Prioridades",
        "Plano de trabalho",
        "Metas 2026",
        # Not a plan word: the columns say it is a plan.
        "Budget 2025",
        "Sheet3",
    ],
)
def test_a_plan_sheet_with_current_levels_is_the_assessments_plan(name):
    result = read("kenya.xlsx", xlsx({"Assessment": FORM, name: plan()}))
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS}
    assert sorted(result.plans["capability"]) == list(PLANNED)
    assert set(result.plans["target_date"].astype(str)) == {"2025-12-31"}
    assert not [p for p in result.problems if name in p.message]


@pytest.mark.parametrize(
    "head",
    [
        ["Capability", "Current level (2024)", "Target level (2026)", "Responsible"],
        ["No.", "Capability", "Current level", "Target level", "Status", "Budget (GHS)"],
        ["N°", "Capacité", "Niveau actuel", "Niveau cible", "Responsable"],
        ["No.", "Capacidad", "Nivel actual", "Nivel objetivo", "Responsable"],
    ],
)
def test_any_plan_columns_beside_a_current_level_make_no_second_assessment(head):
    result = read("kenya.xlsx", xlsx({"Assessment": FORM, "Targets 2026": plan(head)}))
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS}
    assert sorted(result.plans["capability"]) == list(PLANNED)


def test_a_plan_sheets_different_current_levels_change_no_level():
    other = {n: 4 - level for n, level in LEVELS.items()}
    result = read("kenya.xlsx", xlsx({"Assessment": FORM, "Next steps": plan(current=other)}))
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS}
    assert sorted(result.plans["capability"]) == list(PLANNED)


def test_levels_and_targets_alone_in_a_file_are_still_its_assessment():
    rows = [["No.", "Capability", "Level", "Target level", "Actions"]]
    rows += [[n, TITLES[n], LEVELS[n], 4, "Train staff"] for n in range(1, 22)]
    result = read("kenya_2024.xlsx", xlsx({"Kenya": rows}))
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS}
    assert set(result.plans["target_level"]) == {4}


def test_two_countries_each_with_levels_and_targets_stay_two_assessments():
    def sheet(shift):
        rows = [["No.", "Capability", "Level", "Target level", "Lead"]]
        return rows + [[n, TITLES[n], (n + shift) % 5, 4, "Police"] for n in range(1, 22)]

    result = read("east_africa_2024.xlsx", xlsx({"Kenya": sheet(0), "Uganda": sheet(1)}))
    found = by_assessment(result)
    assert {key[0] for key in found} == {"Kenya", "Uganda"}
    assert found[("Uganda", 2024, None)] == {n: (n + 1) % 5 for n in range(1, 22)}
