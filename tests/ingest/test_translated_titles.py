"""Capability titles in the vocabulary's other languages, without their numbers.

A translated template lists "Législation", "Legislación", "Legislação": each is read as its
capability, as the English title is, with the same rules: a small typo is read with a warning
that names what was taken, a label that could be two capabilities or none is reported, never
guessed.
"""

from __future__ import annotations

import pytest

from components.framework.model import default_framework
from components.ingest.matching import capability_catalogue, match_item
from tests.ingest.reader_support import assert_problem, by_assessment, errors, read, xlsx

FRENCH = {
    1: "Leadership",
    2: "Recherche, analyse et suivi",
    3: "Législation",
    4: "Forces de l'ordre spécialisées",
    5: "Magistrats et procureurs",
    6: "Processus de gestion des délinquants",
    7: "Accès aux bases de données d'images",
    8: "Soutien de bout en bout",
    9: "Personnel de la protection de l'enfance",
    10: "Indemnisation, recours et plaintes",
    11: "Ligne d'assistance pour enfants",
    12: "Ligne de signalement ESEC",
    13: "Programme d'éducation",
    14: "Participation des enfants",
    15: "Systèmes de soutien aux délinquants",
    16: "Procédures de notification et de retrait",
    17: "Signalement de l'ESEC",
    18: "Développement de solutions innovantes",
    19: "Responsabilité sociale des entreprises",
    20: "Couverture médiatique éthique et informée",
    21: "Terminologie universelle",
}
SPANISH = {
    1: "Liderazgo",
    2: "Investigación, análisis y seguimiento",
    3: "Legislación",
    4: "Fuerzas del orden especializadas",
    5: "Poder judicial y fiscales",
    6: "Gestión de delincuentes",
    7: "Acceso a bases de datos de imágenes",
    8: "Apoyo integral",
    9: "Personal de protección infantil",
    10: "Indemnización, recursos y denuncias",
    11: "Línea de ayuda infantil",
    12: "Línea de denuncia ESEC",
    13: "Programa educativo",
    14: "Participación infantil",
    15: "Sistemas de apoyo a delincuentes",
    16: "Procedimientos de notificación y retirada",
    17: "Denuncia de ESEC",
    18: "Desarrollo de soluciones innovadoras",
    19: "Responsabilidad social corporativa",
    20: "Cobertura mediática ética e informada",
    21: "Terminología universal",
}
PORTUGUESE = {
    1: "Liderança",
    2: "Pesquisa, análise e monitoramento",
    3: "Legislação",
    4: "Aplicação da lei especializada",
    5: "Judiciário e promotores",
    6: "Gestão de agressores",
    7: "Acesso a bancos de dados de imagens",
    8: "Apoio integral",
    9: "Força de trabalho de proteção infantil",
    10: "Compensação, reparação e reclamações",
    11: "Linha de ajuda infantil",
    12: "Linha direta ESCA",
    13: "Programa de educação",
    14: "Participação infantil",
    15: "Sistemas de apoio a agressores",
    16: "Procedimentos de notificação e remoção",
    17: "Denúncia de ESCA",
    18: "Desenvolvimento de soluções inovadoras",
    19: "Responsabilidade social corporativa",
    20: "Cobertura ética e informada da mídia",
    21: "Terminologia universal",
}
LEVELS = {n: n % 5 for n in range(1, 22)}


@pytest.mark.parametrize(
    ("titles", "headers"),
    [
        (FRENCH, ["Pays", "Année", "Capacité", "Niveau"]),
        (SPANISH, ["País", "Año", "Capacidad", "Nivel"]),
        (PORTUGUESE, ["País", "Ano", "Capacidade", "Nível"]),
        # typed in capitals without accents, as some templates are
        ({n: t.upper() for n, t in FRENCH.items()}, ["PAYS", "ANNEE", "CAPACITE", "NIVEAU"]),
    ],
)
def test_translated_titles_without_numbers_read_every_level(titles, headers):
    rows = [headers] + [["Senegal", 2024, titles[n], LEVELS[n]] for n in range(1, 22)]
    result = read("fr.xlsx", xlsx({"Scores": rows}))
    assert by_assessment(result) == {("Senegal", 2024, None): LEVELS}
    assert not errors(result)
    assert not [p for p in result.problems if "capabilit" in p.message.lower()]


@pytest.mark.parametrize(
    ("label", "how", "number"),
    [
        ("Legislacion", "title", 3),  # accents are form, not meaning
        ("Forces de l'ordre spécialisés", "fuzzy", 4),  # a small typo: read with a warning
        ("Liderazgo nacional", "extra", 1),  # a title followed by other words
        ("Soutien", "ambiguous", None),  # 8 "Soutien de bout en bout" or 15: never a guess
        ("Denuncia", "ambiguous", None),  # 12 or 17
        ("Sensibilisation du public", "unknown", None),  # no capability in any language
        ("Participación de la industria", "unknown", None),
    ],
)
def test_translated_titles_follow_the_rules_of_english_titles(label, how, number):
    found = match_item(label, capability_catalogue(default_framework()))
    assert (found.how, found.number) == (how, number)


def test_a_near_miss_in_french_is_read_with_a_warning_naming_the_capability():
    rows = [["Pays", "Senegal"], ["Année", 2024], [], ["Capacité", "Niveau"]]
    rows += [["Forces de l'ordre spécialisés", 2], ["Legislation", 3]]
    result = read("fr.xlsx", xlsx({"SN": rows}))
    assert by_assessment(result) == {("Senegal", 2024, None): {4: 2, 3: 3}}
    assert_problem(result, "warning", "A5", "Dedicated Law Enforcement")


def test_a_french_label_that_could_be_two_capabilities_is_reported_not_read():
    rows = [["Pays", "Senegal"], ["Année", 2024], [], ["Capacité", "Niveau"]]
    rows += [["Soutien", 2], ["Législation", 3]]
    result = read("fr.xlsx", xlsx({"SN": rows}))
    assert by_assessment(result) == {("Senegal", 2024, None): {3: 3}}
    problem = next(p for p in result.problems if p.cell == "A5")
    assert problem.severity == "error"
    assert "End to End Support" in problem.message + problem.fix
    assert "Offender Support Systems" in problem.message + problem.fix
