"""A title that begins with a country's name and goes on in other words names that country:
the longest name known wins, two countries or a person's name give none."""

from __future__ import annotations

import pytest

from components.ingest.title_heads import title_head
from components.ingest.vocabulary import default_vocabulary
from tests.ingest.reader_support import TITLES, assert_problem, read, xlsx

LEVELS = {n: (n * 2) % 5 for n in range(1, 22)}


def _book(title: str) -> bytes:
    rows = [[title], [], ["No.", "Capability", "Level"]]
    return xlsx({"Table 1": rows + [[n, TITLES[n], LEVELS[n]] for n in range(1, 22)]})


@pytest.mark.parametrize(
    ("title", "iso3"),
    [
        ("Zimbabwe National Response to CSEA – Self-assessment 2023", "ZWE"),
        ("Sierra Leone Child Protection Assessment 2023", "SLE"),
        ("Ministry of Interior – Kenya National Response to CSEA 2023", "KEN"),
        ("National Response of Zimbabwe to CSEA, 2023", "ZWE"),
        ("MNR: Bhutan National Commission for Women and Children 2023", "BTN"),
        (
            "Zimbabwe National Response to Child Sexual Exploitation and Abuse – Self-assessment "
            "report 2023",
            "ZWE",
        ),
        # the longest name known wins
        ("Papua New Guinea National Response to CSEA 2023", "PNG"),
        ("Guinea-Bissau National Response to CSEA 2023", "GNB"),
        ("Equatorial Guinea National Response to CSEA 2023", "GNQ"),
        ("Guinea National Response to CSEA 2023", "GIN"),
        ("South Sudan National Response to CSEA 2023", "SSD"),
        ("Sudan National Response to CSEA 2023", "SDN"),
        ("Congo, The Democratic Republic of the – MNR self-assessment 2023", "COD"),
        ("Democratic Republic of the Congo National Response to CSEA 2023", "COD"),
        ("Congo National Response to CSEA 2023", "COG"),
        ("Niger National Plan against CSEA 2023", "NER"),
        ("Nigeria National Plan against CSEA 2023", "NGA"),
        ("Dominica National Response to CSEA 2023", "DMA"),
        ("Dominican Republic National Response to CSEA 2023", "DOM"),
        ("Korea, Republic of – National Response to CSEA 2023", "KOR"),
        ("Côte d'Ivoire Réponse nationale contre l'EAS 2023", "CIV"),
        ("Lao PDR National Response to CSEA 2023", "LAO"),
    ],
)
def test_a_title_beginning_with_a_country_names_it(title, iso3):
    result = read("report.xlsx", _book(title))
    assert set(result.capabilities["iso3"]) == {iso3}
    assert set(result.capabilities["year"]) == {2023}
    assert result.capabilities["level"].tolist() == list(LEVELS.values())
    assert_problem(result, "warning", "A1", "was taken from the title")


@pytest.mark.parametrize(
    "title",
    [
        "Kenya and Uganda joint review of the National Response 2023",  # two countries
        "Jordan Smith 2023",  # a person's name
        "Georgia Brown – MNR self-assessment 2023",
        "Island Child Protection Review 2023",  # Iceland only in German: the English word
        "Ministry of Interior – National Response to CSEA 2023",  # no country at all
    ],
)
def test_a_title_naming_two_countries_or_a_person_names_none(title):
    result = read("report.xlsx", _book(title))
    assert result.capabilities.empty
    assert_problem(result, "error", "A1", "does not name a country the app knows")


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("Zimbabwe National Response to CSEA – Self-assessment ", "Zimbabwe"),
        ("MNR Zimbabwe National Response", "Zimbabwe"),
        ("Guinea-Bissau National Response", "Guinea-Bissau"),
        ("Congo, The Democratic Republic of the – MNR", "Congo, The Democratic Republic of the"),
        ("UGA National Response", None),  # a code alone begins no title here
        ("and the National Response", None),  # "and" is Andorra's code in small letters
        ("Chad Johnson – MNR", None),
        ("Chad National Response to CSEA", "Chad"),
        ("Kenya National Response – Uganda", None),
        ("Please fill in the levels for Kenya by Friday", None),  # not at the start of a part
        ("Réunion de validation nationale – scores MNR", None),  # a meeting, not the island
        ("", None),
    ],
)
def test_title_head(text, head):
    assert title_head(text, default_vocabulary().title_words) == head
