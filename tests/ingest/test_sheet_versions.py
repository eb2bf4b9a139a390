"""Sheets that are versions of one assessment (a draft and a final): both kept, the final
listed first, and the warning says which the names call which and how to keep the final."""

import pytest

from components.ingest.sheet_versions import final_of
from tests.ingest.reader_support import TITLES, assert_problem, read, xlsx

DRAFT = {n: (n + 1) % 5 for n in range(1, 22)}
FINAL = {n: n % 5 for n in range(1, 22)}


def _sheet(levels: dict[int, int]) -> list[list[object]]:
    rows = [["Country", "Kenya"], ["Year", 2024], ["Capability", "Level"]]
    return rows + [[TITLES[n], level] for n, level in levels.items()]


class _Named:
    def __init__(self, name: str) -> None:
        self.sheet = type("S", (), {"name": name})()


@pytest.mark.parametrize(
    ("names", "final"),
    [
        (["Kenya (draft)", "Kenya (final)"], "Kenya (final)"),
        (["Kenya draft", "Kenya"], "Kenya"),
        (["Kenya v1", "Kenya v2"], "Kenya v2"),
        (["Kenya (provisional)", "Kenya (validated)"], "Kenya (validated)"),
        (["Kenya brouillon", "Kenya validé"], "Kenya validé"),
        (["Kenia borrador", "Kenia definitivo"], "Kenia definitivo"),
        (["Quénia rascunho", "Quénia"], "Quénia"),
        (["Kenya", "Kenya (2)"], None),  # names that say nothing
        (["Kenya final draft", "Kenya"], None),  # "final draft": both words
        (["Kenya draft", "Kenya draft 2"], None),
        (["Kenya final", "Kenya FINAL"], None),
    ],
)
def test_which_sheet_the_names_call_the_final(names, final):
    found = final_of([_Named(name) for name in names])
    assert (found[0].sheet.name if found else None) == final


@pytest.mark.parametrize(
    ("draft_name", "final_name"),
    [("Kenya (draft)", "Kenya (final)"), ("Kenya draft", "Kenya"), ("Kenya v1", "Kenya v2")],
)
def test_a_draft_and_a_final_are_both_kept_the_final_first(draft_name, final_name):
    result = read("secretariat.xlsx", xlsx({draft_name: _sheet(DRAFT), final_name: _sheet(FINAL)}))
    sources = list(dict.fromkeys(result.capabilities["source"]))
    assert sources == [f"secretariat.xlsx › {final_name}", f"secretariat.xlsx › {draft_name}"]
    first = result.capabilities[result.capabilities["source"] == sources[0]]
    assert dict(zip(first["capability"], first["level"], strict=True)) == FINAL
    assert_problem(
        result,
        "warning",
        None,
        f"Their names make “{draft_name}” a draft and “{final_name}” the final version",
    )
    [problem] = [p for p in result.problems if "final version" in p.message]
    assert f"choose “{final_name}” when the upload page asks" in problem.fix


def test_sheets_whose_names_say_nothing_get_the_plain_warning():
    result = read("two.xlsx", xlsx({"Kenya": _sheet(DRAFT), "Kenya (2)": _sheet(FINAL)}))
    assert_problem(result, "warning", None, "they were kept as separate assessments.")
    assert not [p for p in result.problems if "final version" in p.message]
