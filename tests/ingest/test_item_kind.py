"""An enablers' table is the enablers' by its header word, its sheet's name or its titles, in
the vocabulary's languages: never capabilities 1 to 7 of a country named after its title."""

import pytest

from components.framework.model import default_framework
from tests.ingest.reader_support import TITLES, by_assessment, errors, read, xlsx

FW = default_framework()
ENABLERS = {enabler.number: enabler.title for enabler in FW.enablers}
FRENCH = {
    1: "Collaboration intersectorielle et multidisciplinaire",
    2: "Volonté de poursuivre, système judiciaire fonctionnel et état de droit",
    3: "Environnement favorable au signalement",
    4: "Public et professionnels sensibilisés et solidaires, travaillant avec et pour les enfants",
    5: "Ressources financières et humaines suffisantes",
    6: "Cadres juridiques et politiques nationaux conformes à la CIDE et aux autres normes "
    "internationales et régionales",
    7: "Données et éléments probants sur l'EASE",
}
SPANISH = {
    1: "Colaboración intersectorial y multidisciplinaria",
    2: "Voluntad de enjuiciar, sistema de justicia funcional y estado de derecho",
    3: "Entorno propicio para la denuncia",
    4: "Público y profesionales sensibilizados y comprometidos, que trabajan con y para los niños",
    5: "Recursos financieros y humanos suficientes",
    6: "Marcos jurídicos y de políticas nacionales conformes a la CDN y otras normas "
    "internacionales y regionales",
    7: "Datos y evidencia sobre la ESEC",
}
CAPS = {n: n % 5 for n in range(1, 22)}
LEVELS = {n: (n + 1) % 5 for n in ENABLERS}


def _workbook(sheet_name: str, head: list[str], titles: dict[int, str], title_line=None) -> bytes:
    form = [["Pays", "Côte d'Ivoire"], ["Année", 2023], [], ["N°", "Capacité", "Niveau"]]
    form += [[n, TITLES[n], CAPS[n]] for n in CAPS]
    enablers = [[title_line]] if title_line else []
    enablers += [head] + [[n, titles[n], LEVELS[n]] for n in titles]
    return xlsx({"Évaluation": form, sheet_name: enablers})


@pytest.mark.parametrize(
    ("sheet_name", "head", "titles"),
    [
        # the header's word says it
        ("Facteurs favorables", ["N°", "Facteur", "Niveau"], FRENCH),
        ("Facteurs favorables", ["N°", "Facteur", "Niveau"], ENABLERS),
        ("Feuil2", ["N°", "Facteur habilitant", "Niveau"], FRENCH),
        ("Hoja2", ["N.º", "Factor habilitante", "Nivel"], SPANISH),
        ("Folha2", ["N.º", "Fator habilitante", "Nível"], ENABLERS),
        # the sheet's name says it (a header word of no kind)
        ("Facteurs favorables", ["N°", "Élément", "Niveau"], FRENCH),
        ("Habilitadores transversales", ["N.º", "Elemento", "Nivel"], SPANISH),
        # the titles say it, whatever the header
        ("Feuil2", ["N°", "Intitulé", "Niveau"], FRENCH),
        ("Sheet2", ["No.", "Capability", "Level"], ENABLERS),
    ],
)
def test_an_enablers_table_is_read_as_the_enablers(sheet_name, head, titles):
    result = read("civ.xlsx", _workbook(sheet_name, head, titles, "Facteurs favorables"))
    assert by_assessment(result) == {("Côte d'Ivoire", 2023, None): CAPS}
    enablers = result.enablers.set_index("enabler")["level"].to_dict()
    assert enablers == LEVELS
    assert not errors(result), result.problems
    # translated titles are the enablers' own names: no warning per row
    assert not [p for p in result.problems if "does not name" in p.message], result.problems


def test_a_table_naming_capabilities_stays_the_capabilities():
    """Titles of both kinds: the capabilities' table, whatever the sheet says."""
    rows = [["Country", "Kenya"], ["Year", 2024], [], ["No.", "Title", "Level"]]
    rows += [[n, TITLES[n], CAPS[n]] for n in range(1, 8)]
    rows += [[n + 7, ENABLERS[n], 2] for n in range(1, 4)]
    result = read("kenya.xlsx", xlsx({"Assessment": rows}))
    assert by_assessment(result) == {("Kenya", 2024, None): {n: CAPS[n] for n in range(1, 8)}}


@pytest.mark.parametrize(
    "numbered",
    [
        "{n}. {title}",
        "{n}) {title}",
        "C{n} – {title}",
        "Cap. {n} - {title}",
    ],
)
def test_capabilities_titled_after_their_numbers_stay_the_capabilities(numbered):
    """Titles written after their numbers ("1. Leadership") name the capabilities as surely as
    the titles alone: the enablers' block below them does not turn the table into theirs."""
    rows = [["Country", "Mozambique"], ["Year", 2023], [], ["Capability", "Level"]]
    rows += [[numbered.format(n=n, title=TITLES[n]), CAPS[n]] for n in CAPS]
    rows += [[], ["Enabler", "Level"]] + [[ENABLERS[n], LEVELS[n]] for n in ENABLERS]
    result = read("moz.xlsx", xlsx({"Assessment": rows}))
    assert by_assessment(result) == {("Mozambique", 2023, None): CAPS}
    assert result.enablers.set_index("enabler")["level"].to_dict() == LEVELS
    assert not errors(result), result.problems


def test_enablers_numbered_1_to_7_are_still_the_enablers():
    """A number before an enabler's title names no capability: the titles decide."""
    rows = [["No.", "Item", "Level"]] + [[n, f"{n}. {ENABLERS[n]}", LEVELS[n]] for n in ENABLERS]
    form = [["Country", "Kenya"], ["Year", 2024], [], ["No.", "Capability", "Level"]]
    form += [[n, TITLES[n], CAPS[n]] for n in CAPS]
    result = read("kenya.xlsx", xlsx({"Assessment": form, "Sheet2": [["Enablers"], *rows]}))
    assert by_assessment(result) == {("Kenya", 2024, None): CAPS}
    assert result.enablers.set_index("enabler")["level"].to_dict() == LEVELS
