"""Translated titles worded a little off the aliases (components/ingest/title_variants.py):
the small words, a plural or a translator's synonym apart, one capability's title names it;
words two capabilities share, or fewer words than a title, name none."""

from __future__ import annotations

import pytest

from components.base.text import normalise
from components.ingest.catalogue import capability_catalogue
from components.ingest.matching import exact_reference, match_item
from components.ingest.title_variants import variant_title
from tests.ingest.reader_support import (
    FW,
    LABELS,
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    read,
)

CAPABILITIES = capability_catalogue(FW)
ALL = range(1, 22)

VARIANTS = [
    ("Proceso de gestión de agresores", 6),
    ("Proceso de gestion del agresor", 6),
    ("Línea de ayuda a la infancia", 11),
    ("Línea de ayuda para la niñez", 11),
    ("Denuncia de ESIA", 17),
    ("Denuncias de la ESEC", 17),
    ("Sistemas de apoyo a agresores", 15),
    ("Sistemas de apoio aos infratores", 15),
    ("Indemnización, recursos y mecanismos de denuncia", 10),
    ("Línea de denuncia de la ESIA", 12),
    ("Processus de gestion des agresseurs", 6),
]


@pytest.mark.parametrize(("text", "number"), VARIANTS)
def test_a_title_worded_off_its_alias_names_its_capability(text, number):
    assert variant_title(normalise(text), CAPABILITIES) == number
    assert exact_reference(text, CAPABILITIES) == number
    assert match_item(text, CAPABILITIES).number == number


@pytest.mark.parametrize(
    "text",
    [
        "Apoyo",  # a word of several titles
        "Gestión",
        "Niños",
        "ESIA",
        "Protección de la infancia",  # fewer words than any title
        "Sistemas de apoyo",
        "de la",
        "Proceso de gestión de agresores y apoyo",  # more words than any title
    ],
)
def test_words_that_name_no_one_capability_name_none(text):
    assert variant_title(normalise(text), CAPABILITIES) is None


def test_every_title_and_alias_still_names_its_own_capability():
    for alias, number in [*((t, n) for n, t in CAPABILITIES.titles.items()), *CAPABILITIES.aliases]:
        assert variant_title(normalise(alias), CAPABILITIES) in (number, None), alias


def test_a_spanish_google_form_with_titles_off_the_aliases_is_read_whole():
    # Each capability's first variant above, the others' English titles.
    titles = {n: next((t for t, m in VARIANTS if m == n), TITLES[n]) for n in ALL}
    head = ["Marca temporal", "País", *(f"Califique cada capacidad [{titles[n]}]" for n in ALL)]
    rows = [head, ["2024-02-05 10:00:00", "Honduras", *(f"{n % 5} - {LABELS[n % 5]}" for n in ALL)]]
    result = read("respuestas.csv", csv_bytes(rows))
    assert by_assessment(result) == {("Honduras", 2024, None): {n: n % 5 for n in ALL}}
    # Each question read by a variant says so, at its header.
    assert_problem(result, "warning", "H1", "“Proceso de gestión de agresores”, which is not")
    assert_problem(result, "warning", "H1", "taken as capability 6 (Offender Management Process)")
    assert not any(p.cell == "C1" for p in result.problems)  # "Liderazgo" is an alias
