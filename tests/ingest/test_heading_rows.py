"""Domain headings and a scale legend in a capability table are not capabilities."""

import pytest

from components.base.text import normalise
from components.ingest.heading_rows import is_domain_heading, is_domain_summary
from components.ingest.vocabulary import default_vocabulary
from tests.ingest.reader_support import FW, LABELS, assert_problem, by_assessment, read, xlsx

DOMAINS = frozenset(normalise(d.name) for d in FW.domains)
DOMAINS_ALL = DOMAINS | frozenset(normalise(a) for d in FW.domains for a in d.aliases)
LEVELS = {c.number: (c.number * 3) % 5 for c in FW.capabilities}


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("DOMAIN 1: POLICY AND GOVERNANCE", True),
        ("Domain 2 - Criminal Justice", True),
        ("Domaine 3 : Victim", True),
        ("Dominio 4. Societal", True),
        ("3. Victim", True),
        ("IV Societal", True),
        ("Pillar 5", True),
        ("Domain 9", False),  # no such domain
        ("Media and Communications", True),
        ("Leadership", False),
        ("1 Leadership", False),
        ("Domain 1: Leadership", False),
        ("Domain: Victim", True),  # the name without the number
        ("Domaine : Criminal Justice", True),
        ("Domain: Leadership", False),
    ],
)
def test_is_domain_heading(text, heading):
    assert is_domain_heading(text, DOMAINS, default_vocabulary()) is heading


def test_domain_headings_with_their_average_are_skipped_without_errors():
    rows = [["Country", "Elbonia"], ["Year", 2023], [], ["Capability", "Level"]]
    for number, domain in enumerate(FW.domains, start=1):
        capabilities = FW.capabilities_in(domain.id)
        average = sum(LEVELS[c.number] for c in capabilities) / len(capabilities)
        rows.append([f"DOMAIN {number}: {domain.name.upper()}", round(average, 2)])
        rows += [[c.title, LEVELS[c.number]] for c in capabilities]
    result = read("form.xlsx", xlsx({"Form": rows}))
    assert by_assessment(result) == {("Elbonia", 2023, None): LEVELS}
    assert not result.problems


@pytest.mark.parametrize("legend_header", [["Score", "Label"], ["Level", "Meaning"], None])
def test_a_scale_legend_under_the_table_is_not_read_as_capabilities(legend_header):
    rows = [["Country", "Elbonia"], ["Year", 2025], [], ["No.", "Capability", "Level", "Notes"]]
    rows += [[n, c, LEVELS[n], None] for n, c in ((c.number, c.title) for c in FW.capabilities)]
    rows += [[], ["Scale"]]
    if legend_header:
        rows.append([*legend_header, None, "Meaning"])
    rows += [[value, label, None, "…"] for value, label in LABELS.items()]
    result = read("form.xlsx", xlsx({"Form": rows}))
    assert by_assessment(result) == {("Elbonia", 2025, None): LEVELS}
    cells = "B28:B33" if legend_header else "B28:B32"
    assert_problem(result, "warning", cells, "list the levels of the scale")
    assert len(result.problems) == 1


def test_one_label_alone_is_no_legend():
    rows = [["Country", "Elbonia"], ["Year", 2025], [], ["No.", "Capability", "Level"]]
    rows += [[1, "Leadership", 2], [None, "Mature", 4]]
    result = read("form.xlsx", xlsx({"Form": rows}))
    assert not [p for p in result.problems if "legend" in p.message]


@pytest.mark.parametrize(
    ("text", "summary"),
    [
        ("Policy and Governance – domain average", True),
        ("Criminal Justice subtotal", True),
        ("Average: Victim", True),
        ("Domain 3 mean", True),
        ("Moyenne – Justice pénale", True),
        ("Promedio del dominio: Sociedad", True),
        ("Victim", False),  # a heading, not a figure
        ("Leadership average", False),  # a capability's figure is no domain's
        ("Ethical and Informed Media Reporting", False),
    ],
)
def test_is_domain_summary(text, summary):
    assert is_domain_summary(text, DOMAINS_ALL, default_vocabulary()) is summary


@pytest.mark.parametrize(
    "form", ["{domain} – domain average", "{domain} average", "Subtotal {domain}", "{domain} mean"]
)
def test_a_domains_average_row_after_its_capabilities_is_skipped_without_errors(form):
    """A scorecard: each domain's capabilities, then its average row; an overall average."""
    rows = [["Kyrgyzstan – MNR scorecard"], ["Assessment year", 2024], [], ["Capability", "Level"]]
    for domain in FW.domains:
        for capability in FW.capabilities_in(domain.id):
            rows.append([f"{capability.number}. {capability.title}", LEVELS[capability.number]])
        rows.append([form.format(domain=domain.name), 1.33])
    rows.append(["OVERALL AVERAGE", 1.5])
    result = read("scorecard.xlsx", xlsx({"Kyrgyzstan": rows}))
    assert by_assessment(result) == {("Kyrgyzstan", 2024, None): LEVELS}
    assert not [p for p in result.problems if p.severity == "error"]
