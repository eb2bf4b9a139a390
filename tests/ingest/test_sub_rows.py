"""Sub-indicator rows "n.k" under capability n are not capabilities numbered within a domain."""

import pytest

from tests.ingest.reader_support import FW, TITLES, assert_problem, by_assessment, read, xlsx

LEVELS = {n: n % 5 for n in TITLES}


def _tool(item, sub_answer, *, numbered: bool = True) -> bytes:
    rows = [["Country", "Elbonia"], ["Year", 2024], [], ["Ref", "Item", "Level"]]
    if not numbered:
        rows[3] = ["Item", "Level"]
    for n in TITLES:
        rows.append([n, item(n), LEVELS[n]] if numbered else [item(n), LEVELS[n]])
        for k in (1, 2, 3):
            code = f"{n}.{k}"
            sub = [code, f"Sub-question {k}", sub_answer(n, k)]
            rows.append(sub if numbered else [f"{code} Sub-question {k}", sub_answer(n, k)])
    return xlsx({"Tool": rows})


@pytest.mark.parametrize(
    ("item", "sub_answer", "numbered"),
    [
        (lambda n: f"Capability {n}: {TITLES[n]}", lambda n, k: (n + k) % 5, True),
        (lambda n: TITLES[n], lambda n, k: ["Yes", "Partly", "No"][k - 1], True),
        (lambda n: None, lambda n, k: (n + k) % 5, True),  # the number alone
        (lambda n: TITLES[n], lambda n, k: (n + k) % 5, False),  # codes in the title column
    ],
)
def test_sub_indicators_under_a_capability_row_are_not_read_as_capabilities(
    item, sub_answer, numbered
):
    result = read("tool.xlsx", _tool(item, sub_answer, numbered=numbered))
    assert by_assessment(result) == {("Elbonia", 2024, None): LEVELS}
    column = "A"
    assert_problem(result, "warning", f"{column}6", "63 rows numbered after a capability")
    assert len(result.problems) == 1


def test_capabilities_numbered_within_their_domain_are_still_read():
    rows = [["Country", "Elbonia"], ["Year", 2024], [], ["No.", "Capability", "Level"]]
    for domain_number, domain in enumerate(FW.domains, start=1):
        rows.append([domain_number, domain.name, None])  # a domain row, numbered
        for k, capability in enumerate(FW.capabilities_in(domain.id), start=1):
            rows.append([f"{domain_number}.{k}", capability.title, LEVELS[capability.number]])
    result = read("domains.xlsx", xlsx({"Form": rows}))
    assert by_assessment(result) == {("Elbonia", 2024, None): LEVELS}
    assert not [p for p in result.problems if "sub-indicator" in p.message]


def test_a_code_naming_its_domains_capability_after_that_capability_is_a_capability():
    # "1.2 Research, Analysis and Monitoring" after capability 1: capability 2, by its title.
    rows = [["Country", "Elbonia"], ["Year", 2024], [], ["No.", "Capability", "Level"]]
    rows += [[1, TITLES[1], 3], ["1.2", TITLES[2], 2]]
    result = read("form.xlsx", xlsx({"Form": rows}))
    assert by_assessment(result) == {("Elbonia", 2024, None): {1: 3, 2: 2}}
