"""One assessment read twice: the tidy table gives each capability once, whatever made the twin.

The unit tests join built drafts; the reader-level ones make every sheet's parse return each
assessment twice (as a shape the reader half knows could), and check what a person gets.
"""

from __future__ import annotations

import copy

import pytest

import components.ingest.reader as reader_module
from components.ingest.assessment_twins import join_twins
from components.ingest.drafts import Draft
from components.ingest.limits import DEFAULT_LIMITS
from components.ingest.sheets import ReadContext, Sheet
from tests.ingest.reader_support import FW, TITLES, by_assessment, errors, read, xlsx

CAPS = range(1, 22)


def _draft(levels: dict[int, int | None], column: str = "C", enablers=None) -> Draft:
    draft = Draft(Sheet("Kenya", []), country="Kenya", year=2023)
    for n, level in levels.items():
        draft.items["capability"][n] = (level, None, None)
        draft.first_cell[("capability", n)] = f"{column}{n + 1}"
    for n, level in (enablers or {}).items():
        draft.items["enabler"][n] = (level, None, None)
        draft.first_cell[("enabler", n)] = f"{column}{n + 30}"
    return draft


def _head(draft: Draft, iso3: str | None = None) -> tuple:
    return ("same-id", draft.country, iso3, draft.year, None, None, None, "file › Kenya")


# (first draft's level, the twin's, the level kept, the problem said: severity or None)
CASES = {
    "the twin has nothing": (2, "absent", 2, None),
    "a blank beside a level": (None, 3, 3, "warning"),
    "a level beside a blank": (3, None, 3, "warning"),
    "the same level twice": (1, 1, 1, "warning"),
    "two different levels": (1, 4, None, "error"),
    "two blanks": (None, None, None, "warning"),
}


@pytest.mark.parametrize(("first", "second", "kept", "said"), CASES.values(), ids=CASES.keys())
def test_twins_join_into_one_with_each_item_once(first, second, kept, said):
    ctx = ReadContext("file.xlsx", FW, DEFAULT_LIMITS, content_key="k")
    owner = _draft({1: first, 2: 2}, "C")
    twin = _draft({} if second == "absent" else {1: second, 3: 0}, "F")
    heads, drafts = join_twins(ctx, [_head(owner), _head(twin, "KEN")], [owner, twin])
    assert len(heads) == len(drafts) == 1
    assert heads[0][2] == "KEN"  # the code the twin gave
    [draft] = drafts
    assert draft.items["capability"][1][0] == kept
    assert draft.items["capability"][2][0] == 2
    if second != "absent":
        assert draft.items["capability"][3][0] == 0  # what only the twin gave is kept
    problems = list(ctx.problems)
    assert [p.severity for p in problems] == ([said] if said else [])
    if said == "error":
        assert "Capability 1 (Leadership) of Kenya 2023 was read twice" in problems[0].message
        assert "(1 in C2, 4 in F2); neither was used" in problems[0].message
    if said == "warning":
        assert "Kenya 2023 was read twice on sheet “Kenya”" in problems[0].message
        assert "C2 and F2" in problems[0].message


def test_drafts_of_different_assessments_are_left_apart():
    ctx = ReadContext("file.xlsx", FW, DEFAULT_LIMITS, content_key="k")
    one, two = _draft({1: 1}), _draft({1: 2})
    heads = [_head(one), ("other-id", *_head(two)[1:])]
    assert join_twins(ctx, heads, [one, two]) == (heads, [one, two])
    assert not ctx.problems


def _twice(variant):
    """A parse_sheet that returns each assessment twice: the twin made by ``variant``."""
    parse = reader_module.parse_sheet

    def parsed(ctx, sheet, *args, **kwargs):
        drafts = parse(ctx, sheet, *args, **kwargs)
        twins = []
        for draft in drafts:
            twin = copy.deepcopy(draft)
            twin.sheet = draft.sheet
            variant(twin)
            twins.append(twin)
        return drafts + twins

    return parsed


def _blank_twin(twin: Draft) -> None:
    twin.items = {"capability": dict.fromkeys(CAPS, (None, None, None)), "enabler": {}}


def _empty_twin(twin: Draft) -> None:
    twin.items = {"capability": {}, "enabler": {}}


def _other_level(twin: Draft) -> None:
    twin.items["capability"][5] = (4, None, None)


LEVELS = {n: n % 4 for n in CAPS}  # capability 5 is at 1


@pytest.mark.parametrize(
    ("variant", "expected", "severity"),
    [
        (_empty_twin, LEVELS, None),  # as a header written twice made: 21 empty rows more
        (_blank_twin, LEVELS, "warning"),
        (lambda twin: None, LEVELS, "warning"),  # the same levels again
        (_other_level, {n: v for n, v in LEVELS.items() if n != 5}, "error"),
    ],
    ids=["an empty twin", "a blank twin", "the same twin", "a twin with another level"],
)
def test_no_path_of_the_reader_gives_a_capability_twice(monkeypatch, variant, expected, severity):
    monkeypatch.setattr(reader_module, "parse_sheet", _twice(variant))
    rows = [["Country", "Kenya"], ["Year", 2023], [], ["No.", "Capability", "Level"]]
    rows += [[n, TITLES[n], level] for n, level in LEVELS.items()]
    result = read("kenya.xlsx", xlsx({"Kenya": rows}))
    frame = result.capabilities
    assert frame.groupby(["assessment_id", "capability"]).size().max() == 1
    assert len(frame) == 21
    assert frame["assessment_id"].nunique() == 1
    assert by_assessment(result) == {("Kenya", 2023, None): expected}
    said = [p for p in result.problems if "read twice" in p.message]
    assert {p.severity for p in said} == ({severity} | {"warning"} if severity else set())
    if severity == "error":  # and the 20 others given the same in both: one warning
        [error] = errors(result)
        assert "Capability 5 (Judiciary and Prosecutors) of Kenya 2023" in error.message
        assert "(1 in C9, 4 in C9); neither was used" in error.message
    if severity == "warning":
        [warning] = said
        assert "21 of its items were given in both" in warning.message
