"""A PDF page's footer row between the pages of a converted table."""

from __future__ import annotations

import datetime

import pytest

from components.ingest.page_footers import is_footer_row
from tests.ingest.reader_support import TITLES, by_assessment, errors, read, xlsx


@pytest.mark.parametrize(
    ("cells", "footer"),
    [
        (("MNR Assessment – Ghana – Confidential", "12/03/2024", "1 of 3"), True),
        (("Évaluation MNR – Confidentiel", None, "Page 2 sur 3"), True),
        (("Informe MNR", "2024-03-12", "Página 2 de 3"), True),
        (("Relatório – Confidencial", "2 de 3"), True),
        (("MNR report", datetime.datetime(2024, 3, 12), "Page 2"), True),
        (("Draft", "2/3"), True),
        # a row of the table, or a title: not a footer
        ((5, "Child Helpline", "1 of 3"), False),
        (("Child Helpline", "3 of 4"), False),
        (("MNR Assessment – Ghana – Confidential",), False),
        (("Confidential", "12/03/2024"), False),
    ],
)
def test_a_footer_row(cells, footer):
    assert is_footer_row(cells) is footer


@pytest.mark.parametrize(
    "footer",
    [
        ["MNR Assessment – Ghana – Confidential", "12/03/2024", "{page} of 3"],
        ["Rapport MNR – Confidentiel", "12/03/2024", "Page {page} sur 3"],
        ["Informe MNR", "Confidencial", "Página {page} de 3"],
    ],
)
def test_footers_between_pages_are_left_out_quietly(footer):
    header = ["No.", "Capability", "Level"]
    rows = [["Ghana MNR self-assessment 2024"], header]
    for page, (first, last) in enumerate([(1, 8), (8, 15), (15, 22)], start=1):
        if page > 1:
            rows.append(header)
        rows += [[n, TITLES[n], n % 5] for n in range(first, last)]
        rows.append([cell.format(page=page) for cell in footer])
    result = read("report.xlsx", xlsx({"Table 1": rows}))
    assert by_assessment(result) == {("Ghana", 2024, None): {n: n % 5 for n in range(1, 22)}}
    assert not errors(result)


def test_a_print_layouts_repeated_title_block_is_left_out():
    """Each printed page repeats the title beside its page number, the title's second line,
    and ends with a marking: none is a capability, and the pages read as one table."""
    title = "BRAZIL – MODEL NATIONAL RESPONSE SELF-ASSESSMENT 2023"
    ministry = "Ministério dos Direitos Humanos e da Cidadania"
    header = ["No.", "Capability", "Level", "Notes", None]
    rows = [[title, None, None, None, "Page 1 of 2"], [ministry], [], header]
    rows += [[n, TITLES[n], 2, "seen"] for n in range(1, 8)]
    rows += [[], ["Confidential – for the validation meeting only"]]
    rows += [[title, None, None, None, "Page 2 of 2"], [ministry], [], header]
    rows += [[n, TITLES[n], 3, "seen"] for n in range(8, 15)]
    result = read("print.xlsx", xlsx({"Print": rows}))
    assert by_assessment(result) == {
        ("BRAZIL", 2023, None): {n: 2 if n < 8 else 3 for n in range(1, 15)}
    }
    assert not any("is not a capability" in p.message for p in result.problems)
