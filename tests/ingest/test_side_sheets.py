"""Side sheets of a workbook (a cover page, contacts, abbreviations, version history,
participants) in the vocabulary's languages: left without a word when they hold no table of
levels (components/ingest/info_sheets.py); a numbered list is not said to name capabilities
(components/ingest/unrecognised.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.reader_support import EXPECTED, by_assessment, long_rows, read, xlsx

PEOPLE = [["No.", "Name", "Organisation"], *([n, f"Person {n}", "Ministry"] for n in range(1, 35))]
SIDE: dict[str, list[list[Any]]] = {
    "Contacts": [["Name", "Role", "Email"], ["A. Diallo", "Focal point", "a@example.org"]],
    "Version history": [["Version", "Date", "Author", "Changes"], [1, "2024-01-05", "AD", "First"]],
    "Abbreviations": [["CSEA", "Child sexual exploitation and abuse"]],
    "Abbreviations & Acronyms": [["CSEA", "Child sexual exploitation and abuse"]],
    "List of abbreviations": [["CSEA", "Child sexual exploitation and abuse"]],
    "Country codes": [["Country", "ISO3"], ["Kenya", "KEN"], ["Senegal", "SEN"]],
    "Overview": [["This workbook holds the 2023 assessment."]],
    "Cover": [["Republic of Arvenia"], ["Ministry of Interior"]],
    "Participants": PEOPLE,
    "Page de garde": [["République du Sénégal"], ["Ministère de la Femme"]],
    "Sigles et abréviations": [["EASE", "Exploitation et abus sexuels des enfants"]],
    "Historique des versions": [["Version", "Date"], [1, "2024-01-05"]],
    "Contactos": [["Nombre", "Correo"], ["A. Pérez", "a@example.org"]],
    "Lista de participantes": PEOPLE,
    "Glossário": [["ESCA", "Exploração sexual de crianças"]],
    "Códigos de país": [["País", "ISO3"], ["Brasil", "BRA"]],
}


@pytest.mark.parametrize("name", SIDE)
def test_side_sheets_are_left_without_a_word(name):
    result = read("workbook.xlsx", xlsx({name: SIDE[name], "Data": long_rows()}))
    assert by_assessment(result) == EXPECTED
    assert not [p for p in result.problems if p.sheet == name], result.problems


@pytest.mark.parametrize("name", ["Workshop", "Atelier", "Taller 2024"])
def test_a_numbered_list_is_not_said_to_name_the_capabilities(name):
    result = read("workbook.xlsx", xlsx({name: PEOPLE, "Data": long_rows()}))
    assert by_assessment(result) == EXPECTED
    [skipped] = [p for p in result.problems if p.sheet == name]
    assert "names the capabilities" not in skipped.message
    assert "A1 (“No.”) numbers a list of 34 rows, up to 34, more than the 21" in skipped.message


def test_a_side_sheet_with_an_assessment_is_still_read():
    result = read("workbook.xlsx", xlsx({"Overview": long_rows()}))
    assert by_assessment(result) == EXPECTED
