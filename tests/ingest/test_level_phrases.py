"""Level phrases: those whose level is certain are read, those that name no one level
("En cours", "en place") are refused saying which levels they could be, and the fix lists the
labels in the file's own language."""

import pytest

from components.framework.model import default_framework
from components.ingest.level_phrases import header_language, labels_in
from components.ingest.values import parse_level
from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, read, xlsx

SCALE = default_framework().scale


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("en cours de développement", 2),
        ("En cours de construction", 1),
        ("partiellement en place", 2),
        ("Partially in place", 2),
        ("pas en place", 0),
        ("inexistant", 0),
        ("En proceso de desarrollo", 2),
        ("Em processo de desenvolvimento", 2),
    ],
)
def test_a_phrase_whose_level_is_certain_is_read(text, level):
    reading = parse_level(text, SCALE)
    assert (reading.level, reading.error) == (level, "")


@pytest.mark.parametrize(
    ("text", "could", "labels"),
    [
        ("En cours", "1 (En construction) or 2 (En développement)", "0 - Pas en place"),
        ("en place", "3 (Établi) or 4 (Mature)", "3 - Établi"),
        ("pleinement en place", "3 (Établi) or 4 (Mature)", "2 - En développement"),
        ("mis en place", "3 (Établi) or 4 (Mature)", "1 - En construction"),
        ("En curso", "1 (En construcción) or 2 (En desarrollo)", "3 - Establecido"),
        ("implementado", "3 (Establecido) or 4 (Maduro)", "0 - No existe"),
        ("Em andamento", "1 (Em construção) or 2 (Em desenvolvimento)", "4 - Maduro"),
        ("In progress", "1 (Building) or 2 (Developing)", "0 - Not in place"),
    ],
)
def test_a_phrase_that_names_no_one_level_is_refused_saying_which_it_could_be(text, could, labels):
    reading = parse_level(text, SCALE)
    assert reading.level is None
    assert reading.error == f"“{text}” does not say which level it is: it could be level {could}"
    assert labels in reading.fix


@pytest.mark.parametrize(
    ("header", "language", "first"),
    [
        ("Niveau", "fr", "0 - Pas en place"),
        ("Level", "en", "0 - Not in place"),
        ("Nivel", "en", "0 - Not in place"),  # Spanish and Portuguese alike: no one language
        ("Nível de maturidade", "pt", "0 - Não existe"),
        ("Уровень", "ru", "0 - Отсутствует, 1 - Начальный, 2 - Развивающийся"),
        ("Kiwango", "sw", "0 - Haipo"),
        ("Mức độ", "vi", "0 - Chưa có"),
        ("المستوى", "ar", "0 - غير موجود"),
        ("Livello", "it", "0 - Non presente"),
    ],
)
def test_the_fix_lists_the_labels_in_the_language_of_the_level_header(header, language, first):
    rows = [("N°", "Capacité", header), (1, "Leadership", "Initial")]
    assert header_language(rows, 1, 2) == language
    assert labels_in(SCALE, language).startswith(first)


def test_a_french_file_refusing_a_level_lists_the_french_labels():
    rows = [["Pays", "Mali"], ["Année", 2023], [], ["N°", "Capacité", "Niveau"]]
    rows += [[n, TITLES[n], "Initial" if n == 1 else "en cours de développement"] for n in (1, 2)]
    result = read("mnr.xlsx", xlsx({"S": rows}))
    assert by_assessment(result) == {("Mali", 2023, None): {2: 2}}
    assert_problem(result, "error", "C5", "“Initial” is not a level on the scale")
    [error] = [p for p in result.problems if p.cell == "C5"]
    assert "0 - Pas en place, 1 - En construction, 2 - En développement, 3 - Établi" in error.fix
